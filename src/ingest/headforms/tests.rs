//! The paragraph heads matched by hand agree with the regular expressions they replaced.

use super::*;
use regex::Regex;

const PIECES: &[&str] = &[
    "NEW",
    "DELHI",
    "SÃO",
    "PAULO",
    "Kathmandu",
    "Nepal",
    " ",
    ",",
    "Nov",
    "26",
    "(",
    ")",
    "Reuters",
    "CNN",
    "-",
    "--",
    "—",
    "–",
    ":",
    "They",
    "the",
    "U.S.",
    "O'NEIL",
    "’",
    "\n",
    "x",
    "é",
    "A-",
    "1",
    "ÉIRE",
    "Ωmega",
    "said",
    ".",
];
const FORMS: &[&[&str]] = &[
    &[
        "NEW", " ", "DELHI", ",", " ", "Nov", " ", "26", " ", "(", "Reuters", ")", " ", "-", " ",
        "India",
    ],
    &["WASHINGTON", " ", "—", " ", "The", " ", "U.S."],
    &["ISLAMABAD", ":", " ", "The"],
    &["SÃO", " ", "PAULO", "--", " ", "Brazil"],
    &["(", "CNN", ")", "They"],
    &["(", "CNN", ")", " ", "--", " ", "They"],
    &[
        "Kathmandu",
        ",",
        " ",
        "Nepal",
        " ",
        "(",
        "CNN",
        ")",
        "Rescuers",
    ],
    &[
        "LONDON", ",", " ", "England", " ", "(", "CNN", ")", " ", "--", " ", "x",
    ],
    &["A-", " ", "B", " ", "C", " ", "D", " ", "E", "-", " ", "x"],
    &["BREAKING", ":", " ", "Talks"],
];

/// Paragraph heads made of the pieces datelines and wire tags are written with: the forms
/// themselves, then copies with a piece changed, left out or added.
fn samples() -> Vec<String> {
    crate::scan::near_misses(FORMS, PIECES, 60_000)
}

#[test]
fn datelines_match_as_their_regex_did() {
    let re = Regex::new(r"^(\p{Lu}[\p{Lu}.'’\-]*(?:\s+\p{Lu}[\p{Lu}.'’\-]*){0,3})(?:,\s*[^:—–(\n]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?::|—|–|--?)\s+\S").unwrap();
    let mut found = 0;
    for s in samples() {
        let expected = re
            .captures(&s)
            .map(|c| (c.get(1).unwrap().end(), c.get(0).unwrap().end()));
        found += usize::from(expected.is_some());
        assert_eq!(dateline(&s), expected, "{s:?}");
    }
    assert!(found > 5_000, "only {found} datelines");
}

#[test]
fn wire_heads_match_as_their_regex_did() {
    let re = Regex::new(r"^(?:(\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3})(?:,\s*[^:—–()\n]{1,40}?)?\s*)?\(([^()\n]{1,30})\)\s*(?:(:|—|–|--?)\s*)?").unwrap();
    let mut found = 0;
    for s in samples() {
        let expected = re.captures(&s).map(|c| WireHead {
            place: c.get(1).map(|m| m.range()),
            tag: c.get(2).unwrap().range(),
            dash: c.get(3).map(|m| m.range()),
            end: c.get(0).unwrap().end(),
        });
        found += usize::from(expected.is_some());
        assert_eq!(wire(&s), expected, "{s:?}");
    }
    assert!(found > 5_000, "only {found} wire heads");
}

#[test]
fn a_head_past_the_limit_is_none() {
    let long = format!("{} — text", "A".repeat(HEAD_MAX));
    assert_eq!(dateline(&long), None);
    let caps = format!("{}— x", "AB-".repeat(100_000));
    assert_eq!(dateline(&caps), None);
}
