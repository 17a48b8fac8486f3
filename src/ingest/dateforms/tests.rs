//! The date forms matched by hand agree with the regular expressions they replaced.

use super::*;
use regex::Regex;

const PIECES: &[&str] = &[
    "2026",
    "1999",
    "20261126",
    "11",
    "5",
    "26",
    "126",
    "-",
    "/",
    " ",
    "  ",
    "T",
    "08",
    ":",
    "15",
    ".",
    "123",
    "Z",
    "+",
    "05",
    "0530",
    "Nov",
    "November",
    "Sept",
    "of",
    "st",
    ",",
    "th",
    "x",
    "\u{a0}",
    "é",
    "Monday",
    "Sunday's",
    "am",
    "a.m.",
    "PM",
    "GMT",
    "published",
    "Last",
    "updated",
    "on",
    "dated",
    "|",
    "—",
    "(",
    ")",
    "\n",
    "19",
];
const FORMS: &[&[&str]] = &[
    &["2026", "-", "11", "-", "26"],
    &[
        "2026", "/", "5", "/", "26", "T", "08", ":", "15", ":", "15", ".", "123", "Z",
    ],
    &[
        "2026", "-", "11", "-", "26", " ", "08", ":", "15", "+", "05", ":", "05",
    ],
    &["Nov", ".", " ", "26", "th", ",", " ", "2026"],
    &["Sept", " ", "5", " ", "2026"],
    &[
        "26", "th", " ", "of", " ", "November", ".", ",", " ", "2026",
    ],
    &["5", "/", "26", "/", "2026"],
    &["/", "2026", "/", "11", "/", "26", "/"],
    &["-", "20261126", "."],
    &[
        "Published",
        " ",
        "Monday",
        ",",
        " ",
        "08",
        ":",
        "15",
        " ",
        "a.m.",
        " ",
        "GMT",
    ],
    &[
        "Last", " ", "updated", ":", " ", "Sunday's", " ", "+", "0530", " ", "|",
    ],
];

/// Strings made of the pieces dates are written with: the forms themselves, then copies with
/// a piece changed, left out or added (near misses), amid other pieces.
fn samples() -> Vec<String> {
    crate::scan::near_misses(FORMS, PIECES, 60_000)
}

fn regex_parts(re: &Regex, s: &str) -> Vec<(Range<usize>, [Range<usize>; 3])> {
    re.captures_iter(s)
        .map(|c| {
            let g = |i: usize| c.get(i).expect("group").range();
            (g(0), [g(1), g(2), g(3)])
        })
        .collect()
}

#[test]
fn forms_match_as_their_regexes_did() {
    let d = r"[0-9]";
    let cases: [(&str, Form); 5] = [
        (
            r"(?-u:\b)([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?(?-u:\b)",
            iso,
        ),
        (
            r"(?-u:\b)([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})(?-u:\b)",
            month_first,
        ),
        (
            r"(?-u:\b)([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+([0-9]{4})(?-u:\b)",
            day_first,
        ),
        (
            r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?-u:\b)",
            numeric,
        ),
        (
            r"[/-]((?:19|20)[0-9]{2})[/-]?([0-9]{2})[/-]?([0-9]{2})(?:[/.-]|$)",
            in_url,
        ),
    ];
    let samples = samples();
    for (pattern, form) in cases {
        assert!(pattern.contains(d));
        let re = Regex::new(pattern).unwrap();
        let mut found = 0;
        for s in &samples {
            let parts = all(s, form);
            found += parts.len();
            assert_eq!(parts, regex_parts(&re, s), "{pattern} on {s:?}");
        }
        assert!(found > 1_000, "only {found} matches of {pattern}");
    }
}

#[test]
fn weekdays_and_noise_match_as_their_regexes_did() {
    let weekday =
        Regex::new(r"(?-u:\b)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
            .unwrap();
    let noise = Regex::new(r"(?i)(?-u:\b)(?:first\s+published|last\s+updated|published|posted|updated|modified|on|at|date|dated|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|gmt|utc|bst|cet|cest|est|edt|et|pt|pst|pdt|ist|pkt|[ap]\.?m\.?|[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?|[+-][0-9]{4})(?-u:\b)|[,:|·•—–()\-.]").unwrap();
    let (mut days, mut noise_only) = (0, 0);
    for s in samples() {
        let expected: Vec<_> = weekday.find_iter(&s).map(|m| m.range()).collect();
        assert_eq!(weekdays(&s), expected, "{s:?}");
        let regex_says = noise.replace_all(&s, " ").trim().is_empty();
        assert_eq!(only_noise(&s), regex_says, "{s:?}");
        days += expected.len();
        noise_only += usize::from(regex_says);
    }
    assert!(
        days > 2_000 && noise_only > 1_000,
        "{days} weekdays, {noise_only} noise"
    );
}
