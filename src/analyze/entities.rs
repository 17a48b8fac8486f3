//! Named entities: countries (and their demonyms, from the `keshvar` gazetteer), organisations
//! recognised by their head word or a known acronym, and the people the speaker pass found.

use std::collections::HashMap;
use std::ops::Range;

use crate::analyze::people::People;
use crate::analyze::places::{self, country};
use crate::lexicon::{is_name_letter, ORG_ACRONYMS};
use crate::model::{Entity, EntityKind};
use crate::pattern::Engine;

/// Builds the gazetteer and `engine` of the organisation pattern now rather than on first use.
pub fn warm_up(engine: Engine) {
    places::warm_up(engine);
}

/// The words of `text` as the entity look-ups read them: a name letter, then name letters and
/// hyphens, then dotted letters ("U.S.", "e.g") — the spans of `[L][L\-]*(?:\.[L]\.?)*` with `L`
/// the lexicon's [`LETTERS`](crate::lexicon::LETTERS), leftmost first.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_name_letter(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars
            .peek()
            .filter(|(_, c)| is_name_letter(*c) || *c == '-')
        {
            end = i + c.len_utf8();
            chars.next();
        }
        // (?:\.[L]\.?)*: a dot and a letter, then a dot if there is one, again and again.
        loop {
            let rest = &text[end..];
            let mut it = rest.chars();
            let (Some('.'), Some(l)) = (it.next(), it.next()) else {
                break;
            };
            if !is_name_letter(l) {
                break;
            }
            end += 1 + l.len_utf8();
            if text[end..].starts_with('.') {
                end += 1;
            }
        }
        out.push(start..end);
        while chars.peek().is_some_and(|&(i, _)| i < end) {
            chars.next();
        }
    }
    out
}

/// Finds the entities of `text`, most mentioned first; `people` supplies the persons.
pub fn find(text: &str, people: &People) -> Vec<Entity> {
    let mut counts: HashMap<(EntityKind, String), usize> = HashMap::new();
    let words = words(text);
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        // Country names and demonyms are capitalised: other words need no look-up.
        let upper = text[words[i].clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        for n in (1..=3).rev().filter(|_| upper) {
            if i + n > words.len() {
                continue;
            }
            let (s, e) = (words[i].start, words[i + n - 1].end);
            let phrase = &text[s..e];
            if let Some(c) = country(phrase).filter(|_| phrase.len() > 1) {
                *counts
                    .entry((EntityKind::Country, c.to_string()))
                    .or_default() += 1;
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    for m in places::organisations(text) {
        let name = m.trim_start_matches("The ").to_string();
        // A bare head word ("the Bank") is a back-reference, not a name.
        if !name.contains(' ') && !["Pentagon", "Kremlin", "Parliament"].contains(&name.as_str()) {
            continue;
        }
        *counts.entry((EntityKind::Organisation, name)).or_default() += 1;
    }
    for w in words.iter().map(|r| &text[r.clone()]) {
        if ORG_ACRONYMS.contains(&w) {
            *counts
                .entry((EntityKind::Organisation, w.to_string()))
                .or_default() += 1;
        }
    }
    for (i, p) in people.persons().iter().enumerate() {
        *counts
            .entry((EntityKind::Person, p.name.clone()))
            .or_default() += people.mention_count(i);
    }
    let mut out: Vec<Entity> = counts
        .into_iter()
        .map(|((kind, name), mentions)| Entity {
            name,
            kind,
            mentions,
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_as_the_regex_found_them() {
        const PIECES: &[&str] = &[
            "U", ".", "S", "A", "e", "g", "-", " ", "Łódź", "ỹ", "1", "’", "'", "Kyiv", ".,", "×",
        ];
        const FORMS: &[&[&str]] = &[
            &["U", ".", "S", ".", " ", "Kyiv"],
            &["e", ".", "g", ".", "A"],
            &["Łódź", "-", "Kyiv", ".", "ỹ"],
            &["A", "-", "-", ".", ".", "S"],
        ];
        let re =
            regex::Regex::new(&crate::lexicon::expand(r"[%L%][%L%\-]*(?:\.[%L%]\.?)*")).unwrap();
        let mut found = 0;
        for s in crate::scan::near_misses(FORMS, PIECES, 40_000) {
            let expected: Vec<_> = re.find_iter(&s).map(|m| m.range()).collect();
            found += expected.len();
            assert_eq!(words(&s), expected, "{s:?}");
        }
        assert!(found > 40_000, "only {found} words");
    }

    #[test]
    fn countries_and_demonyms() {
        assert_eq!(country("Pakistani"), Some("Pakistan"));
        assert_eq!(country("India’s"), Some("India"));
        assert_eq!(country("U.S."), country("United States"));
        assert!(country("Rubio").is_none());
    }

    #[test]
    fn finds_countries_orgs_people() {
        let text = "Secretary of State Marco Rubio said the Pakistani and Indian governments \
                    met at the United Nations Security Council and NATO. Pakistan agreed.";
        let people = People::scan(text);
        let e = find(text, &people);
        let has = |k: EntityKind, n: &str| e.iter().any(|x| x.kind == k && x.name == n);
        assert!(has(EntityKind::Country, "Pakistan"));
        assert!(has(EntityKind::Country, "India"));
        assert!(has(EntityKind::Person, "Marco Rubio"));
        assert!(has(EntityKind::Organisation, "NATO"));
        assert!(e
            .iter()
            .any(|x| x.kind == EntityKind::Organisation && x.name.contains("Council")));
        assert_eq!(
            e.iter().find(|x| x.name == "Pakistan").map(|x| x.mentions),
            Some(2)
        );
    }
}
