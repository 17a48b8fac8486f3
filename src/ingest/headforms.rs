//! The written forms of a paragraph's head that [`super::dateline`] reads: a dateline in
//! capitals ("NEW DELHI, Nov 26 (Reuters) - ") and a wire tag with the place before it
//! ("Kathmandu, Nepal (CNN)"). Matched by hand ([`crate::scan`]) with the semantics of the
//! regular expressions given on each function, which the tests check them against; a head longer
//! than [`HEAD_MAX`] bytes is none.

use std::ops::Range;

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::scan::{lit, one, opt, repeat, repeat_lazy, space, then, Ends, MANY};

/// The longest dateline or wire head, in bytes: a real one is a few words.
pub const HEAD_MAX: usize = 400;

/// `\p{Lu}`: an upper-case letter.
fn upper(c: char) -> bool {
    c.general_category() == GeneralCategory::UppercaseLetter
}

/// `\p{L}`: a letter.
fn letter(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Letter
}

/// The end of the run of white space at `i` (`\s+` and `\s*` before a piece that cannot start
/// with white space take all of it).
fn past_spaces(s: &str, i: usize) -> usize {
    repeat(s, i, 0, MANY, space)[0]
}

/// A place word, `\p{Lu}[X.'’\-]*` with `X` = `inner`, at the ends where the pattern can go on:
/// the end of the run, and, for a dateline, before a closing "-" (the dash; a closing "--" also
/// leaves its last "-" as the dash, which the regex tries first).
fn word(s: &str, i: usize, inner: fn(char) -> bool, dashes: bool) -> Ends {
    let Some(first) = one(s, i, upper).first().copied() else {
        return Vec::new();
    };
    let end = repeat(s, first, 0, MANY, |c| inner(c) || ".'’-".contains(c))[0];
    let mut ends = vec![end];
    if dashes && end > first && s.as_bytes()[end - 1] == b'-' {
        ends.push(end - 1);
    }
    ends
}

/// A place: `W(?:\s+W){0,3}`, greedy, as the ends the rest of the pattern may start from.
fn place(s: &str, i: usize, inner: fn(char) -> bool, dashes: bool) -> Ends {
    fn more(s: &str, i: usize, left: usize, inner: fn(char) -> bool, dashes: bool) -> Ends {
        let mut ends = Vec::new();
        let gap = past_spaces(s, i);
        if left > 0 && gap > i {
            ends = then(word(s, gap, inner, dashes), |e| {
                more(s, e, left - 1, inner, dashes)
            });
        }
        ends.push(i);
        ends
    }
    then(word(s, i, inner, dashes), |e| more(s, e, 3, inner, dashes))
}

/// `,\s*[^X]{1,40}?` with `X` the characters `stop` names: the ends in the order a regex tries
/// them (spaces taken first, then given back one at a time, which only adds the end of the run).
fn comma(s: &str, i: usize, stop: &str) -> Ends {
    let Some(&after) = lit(s, i, ",").first() else {
        return Vec::new();
    };
    let run = past_spaces(s, after);
    let mut ends = repeat_lazy(s, run, 1, 40, |c| !stop.contains(c));
    if run > after {
        ends.push(run);
    }
    ends
}

/// A dash: `:|—|–|--?`.
fn dash(s: &str, i: usize) -> Ends {
    let mut ends = lit(s, i, ":");
    ends.extend(lit(s, i, "—"));
    ends.extend(lit(s, i, "–"));
    ends.extend(then(lit(s, i, "-"), |e| opt(e, |e| lit(s, e, "-"))));
    ends
}

/// `^(\p{Lu}[\p{Lu}.'’\-]*(?:\s+\p{Lu}[\p{Lu}.'’\-]*){0,3})(?:,\s*[^:—–(\n]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?::|—|–|--?)\s+\S`:
/// where the place ends and where the match ends.
pub fn dateline(p: &str) -> Option<(usize, usize)> {
    let s = head(p);
    let paren = |e: usize| {
        let inside = then(lit(s, e, "("), |e| {
            repeat(s, e, 1, 40, |c| c != ')' && c != '\n')
        });
        then(inside, |e| lit(s, e, ")"))
            .into_iter()
            .map(|e| past_spaces(s, e))
            .collect()
    };
    let body = |e: usize| {
        let gap = past_spaces(s, e);
        if gap > e {
            one(s, gap, |c| !c.is_whitespace())
        } else {
            Vec::new()
        }
    };
    for at in place(s, 0, upper, true) {
        let before_dash = then(opt(at, |e| comma(s, e, ":—–(\n")), |e| {
            opt(past_spaces(s, e), paren)
        });
        if let Some(&end) = then(then(before_dash, |e| dash(s, e)), body).first() {
            return Some((at, end));
        }
    }
    None
}

/// A wire head as found: the place (if any), the tag inside the brackets, whether a dash
/// follows, and where the head ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireHead {
    /// The place before the tag.
    pub place: Option<Range<usize>>,
    /// The text between the brackets.
    pub tag: Range<usize>,
    /// Where the dash after the tag is, if there is one.
    pub dash: Option<Range<usize>>,
    /// Where the head ends (the body text starts).
    pub end: usize,
}

/// `^(?:(\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3})(?:,\s*[^:—–()\n]{1,40}?)?\s*)?\(([^()\n]{1,30})\)\s*(?:(:|—|–|--?)\s*)?`
pub fn wire(p: &str) -> Option<WireHead> {
    let s = head(p);
    let tag_from = |at: usize, place: Option<Range<usize>>| {
        let open = lit(s, at, "(").first().copied()?;
        let close = repeat(s, open, 1, 30, |c| !"()\n".contains(c))
            .first()
            .copied()
            .filter(|&e| lit(s, e, ")").len() == 1)?;
        let after = past_spaces(s, close + 1);
        let dash = dash(s, after).first().map(|&e| after..e);
        let end = dash.as_ref().map_or(after, |d| past_spaces(s, d.end));
        Some(WireHead {
            place,
            tag: open..close,
            dash,
            end,
        })
    };
    for at in place(s, 0, letter, false) {
        for e in opt(at, |e| comma(s, e, ":—–()\n")) {
            if let Some(head) = tag_from(past_spaces(s, e), Some(0..at)) {
                return Some(head);
            }
        }
    }
    tag_from(0, None)
}

/// The first [`HEAD_MAX`] bytes of `p`.
fn head(p: &str) -> &str {
    let mut end = p.len().min(HEAD_MAX);
    while !p.is_char_boundary(end) {
        end -= 1;
    }
    &p[..end]
}

#[cfg(test)]
mod tests;
