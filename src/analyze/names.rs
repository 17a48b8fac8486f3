//! Names and roles as written in news text: the patterns that find "Secretary of State Marco
//! Rubio", "Amara Okafor, Nigeria’s foreign minister," and the tests for what is a name.

use std::sync::LazyLock;

use crate::analyze::windows::{around, captures_in, comma_pairs, occurrences, Reach, Words};
use crate::lexicon::{
    compile as pattern, is_name_letter, is_role_head, HONORIFICS, MONTHS, NAME_PARTICLES,
    PREPOSITIONS, ROLE_HEADS, SPEAKER_JOINERS, WEEKDAYS,
};
use crate::pattern::{Engine, Groups, Pattern};
use crate::scan::{
    boundary, find_iter, lit, one, opt, repeat, repeat_piece, spaces, then, Ends, MANY,
};

/// A capitalised name of 1–4 words (particles such as "de", "bin", "al-" allowed inside).
pub const NAME: &str =
    r"[A-Z][%L%’'\-]+(?:\s+(?:(?:%NAME_PARTICLES%)\s+)?(?:[A-Z]\.|[A-Z][%L%’'\-]+)){0,3}";

pub(crate) static ROLE_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"(?P<role>(?:(?:[A-Z][%L%’'.\-]+|of|for|the|and)\s+){{0,5}}?(?:[a-z][%L%\-]+\s+)?(?:%ROLE_HEADS%)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][%L%\-]+(?:\s+(?:and\s+)?[A-Z][%L%\-]+){{0,3}}?)?)\s+(?P<name>{NAME})"
    ))
    .expect("role-name regex")
});

pub(crate) static APPOSITIVE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"(?P<name>{NAME}),\s+(?:the\s+|a\s+|an\s+)?(?P<role>[^,;“”\x22]*?(?-u:\b)(?:%ROLE_HEADS%)(?-u:\b)[^,;“”\x22]*?),"
    ))
    .expect("appositive regex")
});

pub(crate) static DESC_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"(?-u:\b)(?P<role>(?:[Tt]he\s+|[Aa]n?\s+|[A-Z][%L%\-]+(?:’s|'s)\s+)(?:[%L%’'\-]+\s+){{0,3}}?(?:%ROLE_HEADS%)),\s+(?P<name>{NAME}),"
    ))
    .expect("description-name regex")
});

/// Where the role heads occur: every match of the three patterns above holds one.
static ROLE_HEAD_WORDS: Words = Words::new(|| ROLE_HEADS.to_vec());

/// A character [`ROLE_NAME`] can match: a name letter, an apostrophe, full stop, hyphen or
/// white space.
fn role_name_char(c: char) -> bool {
    is_name_letter(c) || matches!(c, '’' | '\'' | '.' | '-') || c.is_whitespace()
}

/// How far around a role head a [`ROLE_NAME`] match can reach, in words: up to six words of
/// role before it; after it its own words (up to three), an "of …" tail (up to nine) and the
/// name (up to seven); three more each way for an overlapping head found in its place.
const ROLE_NAME_REACH: Reach = Reach {
    before: 9,
    after: 22,
};

/// Words before the comma of an appositive that its name can take (seven, and one spare), and
/// before a description's head word that the description can take (four, and overlap).
const NAME_WORDS: usize = 8;

/// The people `text` introduces by role: the matches of [`ROLE_NAME`] ("Foreign Minister Amara
/// Okafor"), [`APPOSITIVE`] ("Amara Okafor, the foreign minister,") and [`DESC_NAME`] ("the
/// foreign minister, Amara Okafor,"), each list as that pattern's `captures_iter` gives it.
pub(crate) fn introductions(text: &str) -> [Vec<Groups<'static, '_>>; 3] {
    let heads = occurrences(&ROLE_HEAD_WORDS, text);
    let role_name = around(text, &heads, ROLE_NAME_REACH, role_name_char);
    [
        captures_in(&ROLE_NAME, text, &role_name),
        captures_in(
            &APPOSITIVE,
            text,
            &comma_pairs(text, &heads, NAME_WORDS, false),
        ),
        captures_in(
            &DESC_NAME,
            text,
            &comma_pairs(text, &heads, NAME_WORDS, true),
        ),
    ]
}

/// Courtesy titles and the names they introduce ("Mr. Smith", "Dr Amara Okafor"), in text
/// order: `\b(?P<title>Mr|Mrs|Ms|Dr)\.?\s+(?P<name>NAME)` matched by hand ([`crate::scan`]),
/// as the title and the name.
pub(crate) fn titled(text: &str) -> Vec<(&str, &str)> {
    find_iter(text, |i| {
        if !boundary(text, i) {
            return None;
        }
        for t in HONORIFICS.iter().flat_map(|h| lit(text, i, h)) {
            let gaps = then(opt(t, |e| lit(text, e, ".")), |e| spaces(text, e));
            for n in gaps {
                if let Some(&end) = name_ends(text, n).first() {
                    return Some((end, (i..t, n..end)));
                }
            }
        }
        None
    })
    .into_iter()
    .map(|(_, _, (title, name))| (&text[title], &text[name]))
    .collect()
}

/// A name ([`NAME`]) at `i`, as its ends in the order the pattern tries them.
fn name_ends(s: &str, i: usize) -> Ends {
    let upper = |c: char| c.is_ascii_uppercase();
    let word = |e: usize| {
        then(one(s, e, upper), |e| {
            repeat(s, e, 1, MANY, |c| is_name_letter(c) || "’'-".contains(c))
        })
    };
    let piece = |e: usize| {
        let particle = |e: usize| {
            let ends = NAME_PARTICLES.iter().flat_map(|p| lit(s, e, p)).collect();
            then(ends, |e| spaces(s, e))
        };
        let initial = |e: usize| then(one(s, e, upper), |e| lit(s, e, "."));
        then(then(spaces(s, e), |e| opt(e, particle)), |e| {
            [initial(e), word(e)].concat()
        })
    };
    then(word(i), |e| repeat_piece(e, 3, &piece))
}

/// Capitalised words that start a name match but are never (part of) a person's name (weekdays
/// and months too, from the lexicon: [`not_a_name`]).
pub(crate) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "Why",
    "How",
    "What",
    "Who",
    "Where",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "National",
    "Islamic",
    "New",
    "Republican",
    "Democrat",
    "Democratic",
    "He",
    "She",
    "They",
    "We",
    "I",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "Speaking",
    "State",
    "House",
    "Senate",
    "Congress",
    "Ministry",
    "Department",
    "Government",
    "Office",
    "Council",
    "Parliament",
    "Secretary",
    "Minister",
    "President",
    "Officials",
    "Asked",
    "Washington",
    "Reuters",
    "Associated",
    "Press",
    "United",
    "European",
    "Union",
    "Nations",
    "Foreign",
    "Prime",
    "White",
    "Pentagon",
    "Kremlin",
    "Beijing",
    "Moscow",
    "London",
    "Paris",
];

/// Capitalised words that open a sentence before its subject ("Even Lindsey Graham said",
/// "Although Diageo denied …"): never a name's first word, and set aside from a mention.
pub(crate) const OPENERS: &[&str] = &[
    "Then",
    "Also",
    "Although",
    "Because",
    "Both",
    "Even",
    "More",
    "Other",
    "Some",
    "So",
    "Just",
    "Outside",
    "But",
    "And",
    "Yet",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Still",
    "Meanwhile",
    "As",
    "If",
    "Now",
    "Here",
    "There",
    "Today",
    "Instead",
];

/// Whether a capitalised word never starts a person's name: [`NOT_NAMES`], [`OPENERS`], a
/// preposition, a weekday, a month.
pub(crate) fn not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word)
        || OPENERS.contains(&word)
        || PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(word))
        || WEEKDAYS.iter().any(|(day, _)| *day == word)
        || MONTHS.contains(&word)
}

/// Builds `engine` of this module's patterns ([`crate::pattern`]) and the role-head searcher
/// now.
pub fn warm_up(engine: Engine) {
    for re in [&ROLE_NAME, &APPOSITIVE, &DESC_NAME] {
        re.prepare(engine);
    }
    ROLE_HEAD_WORDS.prepare(engine);
}

/// Whether `s` looks like a person's name: capitalised words, none a stop word.
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && !not_a_name(words[0])
        && words
            .iter()
            .all(|w| is_name_word(w) || NAME_PARTICLES.contains(w))
        && !ROLE_TAIL.contains(&words[0])
        && !is_role_head(words[0])
        && !crate::analyze::places::is_place_or_group(s)
}

/// Whether the mention at `pos` opens its sentence (only capitalised words, role words and
/// commas before it since the last sentence end), as the subject of a sentence usually does.
pub(crate) fn is_subject(text: &str, pos: usize) -> bool {
    // A subject opens its sentence within a few words: look back at most this many bytes.
    const REACH: usize = 300;
    let head = &text[..pos];
    let mut from = pos.saturating_sub(REACH);
    while !head.is_char_boundary(from) {
        from -= 1;
    }
    let Some(start) = head[from..]
        .char_indices()
        .rev()
        .find(|(_, c)| ['.', '!', '?', '\n', '“', '”', '"'].contains(c))
        .map(|(i, c)| from + i + c.len_utf8())
        .or((from == 0).then_some(0))
    else {
        return false;
    };
    head[start..]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || w == "and"
                || SPEAKER_JOINERS.contains(&w)
                || is_role_head(w)
        })
}

/// Words that end a role ("of State", "for Foreign Affairs") rather than start a name.
pub(crate) const ROLE_TAIL: &[&str] = &[
    "State",
    "Defense",
    "Defence",
    "Foreign",
    "Affairs",
    "Interior",
    "Finance",
    "Commerce",
    "Trade",
    "Health",
    "Justice",
    "Energy",
    "Security",
    "Agriculture",
    "Education",
    "Homeland",
    "Treasury",
    "Labor",
    "Labour",
    "Transport",
    "Environment",
    "Economy",
    "War",
    "Development",
];

pub(crate) fn strip_title(s: &str) -> &str {
    for dot in [". ", " "] {
        for t in HONORIFICS {
            if let Some(rest) = s.strip_prefix(t).and_then(|r| r.strip_prefix(dot)) {
                return rest;
            }
        }
    }
    s
}

/// Whether `word` is written as a word of a name: a capital, then name letters, apostrophes or
/// hyphens ("O’Neil", "Cobb-Hunter"), or an initial ("J."); not "McConnell,", "R-Ky." nor a
/// possessive ("Greenspan's").
pub(crate) fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next().is_some_and(char::is_uppercase);
    let rest = chars.as_str();
    let possessive = word.ends_with(['\'', '’']) || word.ends_with("'s") || word.ends_with("’s");
    // "DES MOINES", "NATO": a word in capitals is a dateline or an acronym.
    let capitals = rest.chars().any(char::is_alphabetic) && !rest.chars().any(char::is_lowercase);
    first
        && !possessive
        && !capitals
        && (rest == "."
            || !rest.is_empty() && rest.chars().all(|c| is_name_letter(c) || "’'-".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titled_names_are_found_as_the_regex_found_them() {
        const PIECES: &[&str] = &[
            "Mr", "Mrs", "Ms", "Dr", ".", " ", "  ", "Smith", "Amara", "de", "la", "J", "O’Neil",
            "ỹ", "x", "-", ",", "Mrx", "bin", "Salman",
        ];
        const FORMS: &[&[&str]] = &[
            &["Mr", ".", " ", "Smith"],
            &[
                "Mrs", " ", "Amara", " ", "de", " ", "la", " ", "Smith", " ", "J", ".", " ", "X",
            ],
            &[
                "Dr", " ", "J", ".", " ", "O’Neil", ",", " ", "Mr", " ", "Salman",
            ],
            &["x", "Ms", ".", " ", "Smith", "-", "Amara"],
        ];
        let re = regex::Regex::new(&crate::lexicon::expand(&format!(
            r"(?-u:\b)(?P<title>%HONORIFICS%)\.?\s+(?P<name>{NAME})"
        )))
        .unwrap();
        let mut found = 0;
        for s in crate::scan::near_misses(FORMS, PIECES, 40_000) {
            let expected: Vec<(&str, &str)> = re
                .captures_iter(&s)
                .map(|c| {
                    (
                        c.name("title").unwrap().as_str(),
                        c.name("name").unwrap().as_str(),
                    )
                })
                .collect();
            found += expected.len();
            assert_eq!(titled(&s), expected, "{s:?}");
        }
        assert!(found > 20_000, "only {found} titled names");
    }
}
