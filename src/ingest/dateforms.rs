//! The written forms of dates ([`super::dates`] reads their values): ISO, month first, day
//! first, numeric, in a URL path, bare weekdays, and the words that may surround a date on a
//! header line. Matched by hand ([`crate::scan`]) with the semantics of the regular expressions
//! given on each function, which the tests check them against.

use std::ops::Range;

use crate::lexicon::WEEKDAYS;
use crate::scan::{
    at_boundary, boundary, digit, find_iter, lit, lit_nocase, one, opt, repeat, spaces, then, Ends,
    MANY,
};

/// A date form found: where it ends and its three parts as written.
pub type Found = (usize, [Range<usize>; 3]);

/// A date form, tried at a position.
pub type Form = fn(&str, usize) -> Option<Found>;

fn ascii_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// An ordinal suffix: `st|nd|rd|th`.
pub(crate) fn ordinal(s: &str, i: usize) -> Ends {
    ["st", "nd", "rd", "th"]
        .iter()
        .flat_map(|x| lit(s, i, x))
        .collect()
}

/// `\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`
pub fn iso(s: &str, i: usize) -> Option<Found> {
    if !boundary(s, i) {
        return None;
    }
    let sep = |c: char| c == '-' || c == '/';
    for y in repeat(s, i, 4, 4, digit) {
        for a in one(s, y, sep) {
            for m in repeat(s, a, 1, 2, digit) {
                for b in one(s, m, sep) {
                    for d in repeat(s, b, 1, 2, digit) {
                        if let Some(&end) = at_boundary(s, opt(d, |e| clock(s, e))).first() {
                            return Some((end, [i..y, a..m, b..d]));
                        }
                    }
                }
            }
        }
    }
    None
}

/// `[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?`
fn clock(s: &str, i: usize) -> Ends {
    let hm = then(one(s, i, |c| c == 'T' || c == ' '), |e| {
        then(repeat(s, e, 1, 2, digit), |e| {
            then(lit(s, e, ":"), |e| repeat(s, e, 2, 2, digit))
        })
    });
    let seconds = |e: usize| {
        then(lit(s, e, ":"), |e| {
            then(repeat(s, e, 2, 2, digit), |e| {
                opt(e, |e| {
                    then(lit(s, e, "."), |e| repeat(s, e, 1, MANY, digit))
                })
            })
        })
    };
    let zone = |e: usize| {
        let mut ends = lit(s, e, "Z");
        ends.extend(then(one(s, e, |c| c == '+' || c == '-'), |e| {
            then(repeat(s, e, 2, 2, digit), |e| {
                then(opt(e, |e| lit(s, e, ":")), |e| repeat(s, e, 2, 2, digit))
            })
        }));
        ends
    };
    then(then(hm, |e| opt(e, seconds)), |e| opt(e, zone))
}

/// `\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`
pub fn month_first(s: &str, i: usize) -> Option<Found> {
    if !boundary(s, i) {
        return None;
    }
    for w in repeat(s, i, 3, 9, ascii_letter) {
        for a in then(opt(w, |e| lit(s, e, ".")), |e| spaces(s, e)) {
            for d in repeat(s, a, 1, 2, digit) {
                let gap = then(opt(d, |e| ordinal(s, e)), |e| opt(e, |e| lit(s, e, ",")));
                for b in then(gap, |e| spaces(s, e)) {
                    if let Some(&y) = at_boundary(s, repeat(s, b, 4, 4, digit)).first() {
                        return Some((y, [i..w, a..d, b..y]));
                    }
                }
            }
        }
    }
    None
}

/// `\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b`
pub fn day_first(s: &str, i: usize) -> Option<Found> {
    if !boundary(s, i) {
        return None;
    }
    for d in repeat(s, i, 1, 2, digit) {
        let head = then(opt(d, |e| ordinal(s, e)), |e| spaces(s, e));
        let of = |e: usize| then(lit(s, e, "of"), |e| spaces(s, e));
        for a in then(head, |e| opt(e, of)) {
            for w in repeat(s, a, 3, 9, ascii_letter) {
                let gap = then(opt(w, |e| lit(s, e, ".")), |e| opt(e, |e| lit(s, e, ",")));
                for b in then(gap, |e| spaces(s, e)) {
                    if let Some(&y) = at_boundary(s, repeat(s, b, 4, 4, digit)).first() {
                        return Some((y, [i..d, a..w, b..y]));
                    }
                }
            }
        }
    }
    None
}

/// `\b(\d{1,2})/(\d{1,2})/(\d{4})\b`
pub fn numeric(s: &str, i: usize) -> Option<Found> {
    if !boundary(s, i) {
        return None;
    }
    for a in repeat(s, i, 1, 2, digit) {
        for b in then(lit(s, a, "/"), |e| repeat(s, e, 1, 2, digit)) {
            let years = at_boundary(s, then(lit(s, b, "/"), |e| repeat(s, e, 4, 4, digit)));
            if let Some(&y) = years.first() {
                return Some((y, [i..a, a + 1..b, b + 1..y]));
            }
        }
    }
    None
}

/// `[/-]((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:[/.-]|$)`
pub fn in_url(s: &str, i: usize) -> Option<Found> {
    let sep = |c: char| c == '/' || c == '-';
    for a in one(s, i, sep) {
        let century = then(lit(s, a, "19"), |e| repeat(s, e, 2, 2, digit));
        let years = [
            century,
            then(lit(s, a, "20"), |e| repeat(s, e, 2, 2, digit)),
        ]
        .concat();
        for y in years {
            for m0 in opt(y, |e| one(s, e, sep)) {
                for m in repeat(s, m0, 2, 2, digit) {
                    for d0 in opt(m, |e| one(s, e, sep)) {
                        for d in repeat(s, d0, 2, 2, digit) {
                            let mut end = one(s, d, |c| c == '/' || c == '.' || c == '-');
                            if d == s.len() {
                                end.push(d);
                            }
                            if let Some(&e) = end.first() {
                                return Some((e, [a..y, m0..m, d0..d]));
                            }
                        }
                    }
                }
            }
        }
    }
    None
}

/// Every match of a form in `s`, leftmost first and not overlapping (a regex's `captures_iter`).
pub fn all(
    s: &str,
    form: fn(&str, usize) -> Option<Found>,
) -> Vec<(Range<usize>, [Range<usize>; 3])> {
    find_iter(s, |i| form(s, i))
        .into_iter()
        .map(|(start, end, parts)| (start..end, parts))
        .collect()
}

/// The weekday names in `s` standing as words (`\b(?:Monday|…|Sunday)\b`), in text order.
pub fn weekdays(s: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = WEEKDAYS
        .iter()
        .flat_map(|(name, _)| s.match_indices(name))
        .map(|(at, name)| at..at + name.len())
        .filter(|r| boundary(s, r.start) && boundary(s, r.end))
        .collect();
    out.sort_by_key(|r| r.start);
    out
}

/// Labels and times that may surround a date, in the order they are tried (any ASCII case).
const NOISE_WORDS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "modified",
    "on",
    "at",
    "date",
    "dated",
];
const NOISE_SHORT: &[&str] = &[
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "gmt", "utc", "bst", "cet", "cest", "est",
    "edt", "et", "pt", "pst", "pdt", "ist", "pkt",
];

/// Whether `s` holds only white space and what may surround a date on a header line: labels,
/// weekdays, times, time zones and punctuation — the pattern
/// `(?i)\b(?:first\s+published|last\s+updated|published|…|pkt|[ap]\.?m\.?|\d{1,2}[:.]\d{2}(?::\d{2})?|[+-]\d{4})\b|[,:|·•—–()\-.]`
/// covering everything but white space.
pub fn only_noise(s: &str) -> bool {
    let mut i = 0;
    loop {
        i += s[i..].len() - s[i..].trim_start().len();
        if i >= s.len() {
            return true;
        }
        match noise_at(s, i) {
            Some(end) if end > i => i = end,
            _ => return false,
        }
    }
}

/// Where the noise pattern matching at `i` ends.
fn noise_at(s: &str, i: usize) -> Option<usize> {
    if boundary(s, i) {
        let two = |a: &str, b: &'static str| {
            then(lit_nocase(s, i, a), |e| {
                then(spaces(s, e), |e| lit_nocase(s, e, b))
            })
        };
        let mut ends = two("first", "published");
        ends.extend(two("last", "updated"));
        for w in NOISE_WORDS
            .iter()
            .chain(WEEKDAYS.iter().map(|(n, _)| n))
            .chain(NOISE_SHORT)
        {
            ends.extend(lit_nocase(s, i, w));
        }
        let dot = |e: usize| opt(e, |e| lit(s, e, "."));
        let ap = one(s, i, |c| matches!(c, 'a' | 'p' | 'A' | 'P'));
        ends.extend(then(
            then(then(ap, dot), |e| one(s, e, |c| c == 'm' || c == 'M')),
            dot,
        ));
        ends.extend(then(repeat(s, i, 1, 2, digit), |e| {
            then(one(s, e, |c| c == ':' || c == '.'), |e| {
                then(repeat(s, e, 2, 2, digit), |e| {
                    opt(e, |e| then(lit(s, e, ":"), |e| repeat(s, e, 2, 2, digit)))
                })
            })
        }));
        ends.extend(then(one(s, i, |c| c == '+' || c == '-'), |e| {
            repeat(s, e, 4, 4, digit)
        }));
        if let Some(&end) = at_boundary(s, ends).first() {
            return Some(end);
        }
    }
    one(s, i, |c| ",:|·•—–()-.".contains(c)).first().copied()
}

#[cfg(test)]
mod tests;
