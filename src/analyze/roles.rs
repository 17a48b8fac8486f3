//! A mention as written, split into the role beside the name ("Foreign Minister", "master of
//! ceremonies", "ABN Amro's") and the name itself, the role tidied into a job title.

use crate::analyze::names::{is_name_word, looks_like_name, OPENERS, ROLE_TAIL};
use crate::analyze::sentences::first_end_last_start;
use crate::lexicon::{is_role_head, FINITE_WORDS, NAME_PARTICLES, PREPOSITIONS, QUOTE_VERBS};

/// Moves role words that the name pattern took ("State Marco Rubio") back into the role.
pub(crate) fn split_role_name(role: &str, name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    // Everything up to the last role word ("Prime Minister", "of State") belongs to the role.
    let cut = words
        .iter()
        .take(words.len().saturating_sub(1))
        .rposition(|w| ROLE_TAIL.contains(w) || is_role_head(w))
        .map_or(0, |k| k + 1);
    let mut role = role.to_string();
    for w in &words[..cut] {
        role.push(' ');
        role.push_str(w);
    }
    (role, words[cut..].join(" "))
}

/// A role written before its name ("Foreign Minister", "the bank's chief economist, "), tidied:
/// only the part in the name’s sentence (after its last line break and sentence end: "to come
/// to Georgia.¶Gov. Nathan Deal"), without an opening article, conjunction or verb of saying.
pub(crate) fn clean_role(role: &str) -> Option<String> {
    let line = role.trim().rsplit('\n').next().unwrap_or_default();
    tidy_role(&line[first_end_last_start(line).1..])
}

/// A role written after its name ("Amara Okafor, Nigeria’s foreign minister,"), tidied: only
/// the part in the name's sentence, which ends at the first line break or sentence end
/// ("Federico Luna, Fernández Ortiz’s campaign manager. Aguirre’s spokesman, …").
pub(crate) fn clean_role_after(role: &str) -> Option<String> {
    let role = role.trim();
    let line = role.split('\n').next().unwrap_or_default();
    let first = line[..first_end_last_start(line).0].trim_end();
    // The full stop of a sentence cut here is not part of the role.
    let cut = first.len() < role.len();
    tidy_role(first.strip_suffix('.').filter(|_| cut).unwrap_or(first))
}

/// A role without an opening article, sentence opener ("But state Rep.", [`OPENERS`]),
/// preposition ("alongside Vice President") or verb of saying ("said Rep. Bobby Scott"), nor a
/// relative clause ("a CIA veteran who retired in 2013"; "who is executive vice president"
/// gives its predicate); `None` when nothing is left, or when what is left is itself a clause
/// ("voters are evenly divided", "Mr. Obama said the museum …").
fn tidy_role(role: &str) -> Option<String> {
    let r = role.trim();
    let r = r
        .strip_prefix("the ")
        .or_else(|| r.strip_prefix("The "))
        .unwrap_or(r);
    let r = r.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = r.split_whitespace().next().unwrap_or("");
    if OPENERS.contains(&first) || QUOTE_VERBS.contains(&first) || PREPOSITIONS.contains(&first) {
        return tidy_role(r.split_once(' ').map_or("", |x| x.1));
    }
    if let Some(rest) = r.strip_prefix("who ") {
        let predicate = ["is ", "was "].iter().find_map(|v| rest.strip_prefix(v))?;
        return tidy_role(predicate.trim_start_matches("a ").trim_start_matches("an "));
    }
    let r = [" who ", " whom ", " which "]
        .iter()
        .filter_map(|w| r.find(w))
        .min()
        .map_or(r, |i| &r[..i]);
    let clause = r
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| FINITE_WORDS.contains(&w) || QUOTE_VERBS.contains(&w));
    (!r.is_empty() && !clause).then(|| r.to_string())
}

/// The name in a mention without the words that open its sentence ("Even Lindsey Graham",
/// "Although Diageo": [`OPENERS`]) and without the body it belongs to ("Paul Hofheinz of the
/// Lisbon Council").
pub(crate) fn plain_name(mention: &str) -> &str {
    let mut m = mention;
    while let Some((first, rest)) = m.split_once(' ') {
        if !OPENERS.contains(&first) {
            break;
        }
        m = rest;
    }
    match m.split_once(" of ") {
        Some((name, _)) if name.contains(' ') && looks_like_name(name) => name,
        _ => m,
    }
}

/// A mention written as a description in lower case and then a full name ("master of
/// ceremonies Asab Al-Tabchi", "political scientist Christopher Wlezien"), as the description
/// and the name; not when the name is the description's object ("prosecutors for …").
pub(crate) fn described_name(mention: &str) -> Option<(&str, &str)> {
    let words: Vec<(usize, &str)> = mention
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let first_name = words
        .iter()
        .rposition(|(_, w)| !is_name_word(w) && !NAME_PARTICLES.contains(w))?
        + 1;
    let (start, _) = *words.get(first_name)?;
    let (role, name) = (mention[..start].trim_end(), &mention[start..]);
    // "one of the prosecutors for David Petraeus": the name is the description's object.
    let object = role
        .rsplit(' ')
        .next()
        .is_some_and(|w| PREPOSITIONS.contains(&w));
    let described = role.chars().next().is_some_and(char::is_lowercase) && !object;
    (described && name.contains(' ') && looks_like_name(name)).then_some((role, name))
}

/// The name after an owner's possessive in a mention ("ABN Amro's Eddie Wong" → "Eddie
/// Wong", "Fox News’ Sean Hannity"); the mention itself when nothing follows one.
pub(crate) fn after_possessive(mention: &str) -> &str {
    ["'s ", "’s ", "s' ", "s’ "]
        .iter()
        .filter_map(|p| mention.rfind(p).map(|i| &mention[i + p.len()..]))
        .min_by_key(|tail| tail.len())
        .map(str::trim_start)
        .filter(|tail| !tail.is_empty())
        .unwrap_or(mention)
}
