//! The statement-date forms matched by hand agree with the regular expressions they replaced.

use super::*;
use crate::lexicon::expand;
use regex::Regex;

/// The regexes as `when.rs` built them (with ASCII digits, see [`crate::scan`]).
fn regex(top: &str) -> Regex {
    const WHEN: &str = r"(?P<when>[Yy]esterday(?-u:\b)|[Tt]oday(?-u:\b)|(?:%WEEKDAYS%)(?-u:\b)(?:,?\s+EXPLICIT)?|EXPLICIT)";
    const EXPLICIT: &str = r"(?:%MONTH%\s+[0-9]{1,2}(?:st|nd|rd|th)?(?-u:\b)|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?%MONTH%)(?:,?\s+[0-9]{4}(?-u:\b))?";
    const VENUE: &str = r"(?:\s+(?:in\s+(?:a|an|the|his|her|their)\s+(?:[a-z\-]+\s+){0,2}(?:statement|interview|speech|post|briefing|address|letter|message|remarks|video)|at\s+(?:a|an|the)\s+(?:[a-z\-]+\s+){0,2}(?:conference|briefing|meeting|summit|rally|hearing|event|forum|session|ceremony)))?";
    const LEAD_IN: &str = r",?\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?";
    const OBJECT: &str = r"\s+(?:(?:the|a|an)\s+(?:[a-z\-]+\s+)?[a-z\-]+|[A-Z][%L%’'\-]*(?:\s+[A-Z][%L%’'\-]*){0,3}|(?:[A-Z][%L%’'\-]*\s+|state\s+)?(?:%AUDIENCES%))";
    let re = top
        .replace("WHEN", WHEN)
        .replace("EXPLICIT", EXPLICIT)
        .replace("VENUE", VENUE)
        .replace("LEAD_IN", LEAD_IN)
        .replace("OBJECT", OBJECT);
    Regex::new(&expand(&re)).unwrap()
}

const PIECES: &[&str] = &[
    " ",
    ",",
    " on",
    " late",
    " early",
    " earlier",
    " Monday",
    " Tuesday",
    "Sunday",
    " Oct.",
    " Oct",
    " October",
    " Sept",
    " Sepember",
    " 14",
    "th",
    " 2",
    " of",
    ", 2026",
    " 2026",
    " in",
    " a",
    " an",
    " the",
    " his",
    " statement",
    " news",
    " video",
    " at",
    " conference",
    " briefing",
    " reporters",
    " state",
    " media",
    " Reuters",
    " Latvian",
    " radio",
    " committee",
    " yesterday",
    " Today",
    "’s",
    "(",
    "And",
    " Speaking",
    " morning",
    " night",
    "x",
    "é",
    "5",
    "Mayor",
    " O’Neil",
    "-",
    " meeting",
];

const FORMS: &[&[&str]] = &[
    &[" on", " Saturday"],
    &[" in", " a", " statement", " on", " Oct.", " 14"],
    &[
        ",", " late", " on", " Tuesday", ",", " Oct", " 14", "th", ", 2026",
    ],
    &[" reporters", " Tuesday"],
    &[" the", " committee", " on", " Monday"],
    &[
        " Latvian", " radio", " on", " 2", " of", " October", " 2026",
    ],
    &[
        " state",
        " media",
        " at",
        " a",
        " news",
        " conference",
        " yesterday",
    ],
    &["(", "And", " on", " Monday", " morning", ",", " x"],
    &[" Speaking", " late", " Sunday", ","],
    &[" Today", ",", " the"],
];

/// Sentence tails made of the pieces above: the forms, then copies with a piece changed, left
/// out or added.
fn samples() -> Vec<String> {
    let mut odd = false;
    crate::scan::near_misses(FORMS, PIECES, 60_000)
        .into_iter()
        .map(|s| {
            // LEADING reads a sentence's start, the others what follows a cue.
            odd = !odd;
            if odd {
                s.trim_start().to_string()
            } else {
                s
            }
        })
        .collect()
}

fn check(name: &str, re: &Regex, form: fn(&str) -> Option<Range<usize>>) {
    let mut found = 0;
    for s in samples() {
        let expected = re.captures(&s).map(|c| c.name("when").unwrap().range());
        found += usize::from(expected.is_some());
        assert_eq!(form(&s), expected, "{name} on {s:?}");
    }
    assert!(found > 3_000, "only {found} matches of {name}");
}

#[test]
fn after_a_cue_as_the_regex_did() {
    check("AFTER_CUE", &regex(r"^VENUELEAD_INWHEN"), after_cue);
}

#[test]
fn after_told_as_the_regex_did() {
    check(
        "AFTER_TOLD",
        &regex(r"^(?:OBJECT)?VENUELEAD_INWHEN"),
        after_told,
    );
}

#[test]
fn leading_as_the_regex_did() {
    let re = regex(
        r"^[\s(]*(?:(?:And|But|Yet|Also|Earlier|Later|Separately|Speaking)\s+)?(?:(?:[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)\s+)?(?:[Oo]n\s+)?WHEN(?:\s+(?:morning|afternoon|evening|night))?,",
    );
    check("LEADING", &re, leading);
}
