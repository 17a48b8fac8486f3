//! The written forms of when a statement was made ([`super::when`] resolves them): a day right
//! after the cue ("said in a statement on Oct. 14"), after "told" and whom ("told reporters
//! Tuesday"), or opening the sentence ("On Monday, …"). Matched by hand ([`crate::scan`]) with
//! the semantics of the regular expressions the tests check them against; each returns where
//! the day (the regexes' `when` group) is.

use std::ops::Range;

use crate::ingest::dateforms::ordinal;
use crate::lexicon::{
    is_name_letter, AUDIENCES, MONTHS, STATEMENT_EVENTS, STATEMENT_MEDIA, WEEKDAYS,
};
use crate::scan::{
    at_boundary, digit, lit, one, opt, repeat, repeat_piece, spaces, then, Ends, MANY,
};

/// The first of `words` at `i`, each followed by `\s+`, as one alternation.
fn word_then_space(s: &str, i: usize, words: &[&str]) -> Ends {
    then(words.iter().flat_map(|w| lit(s, i, w)).collect(), |e| {
        spaces(s, e)
    })
}

/// A month as [`crate::lexicon::month_pattern`] writes it: `Jan(?:uary)?|…|Sept?(?:ember)?|…`,
/// then `\b\.?`.
fn month(s: &str, i: usize) -> Ends {
    let mut ends = Vec::new();
    for m in MONTHS {
        let abbr = &m[..3];
        let forms: &[&str] = match (m.len(), abbr) {
            (3, _) => &[m],
            // "Sept?(?:ember)?" tries Sep+t+ember, Sep+t, Sep+ember, Sep.
            (_, "Sep") => &["September", "Sept", "Sepember", "Sep"],
            _ => &[m, abbr],
        };
        for f in forms {
            ends.extend(lit(s, i, f));
        }
    }
    then(at_boundary(s, ends), |e| opt(e, |e| lit(s, e, ".")))
}

/// `(?:MONTH\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?MONTH)(?:,?\s+\d{4}\b)?`
fn explicit(s: &str, i: usize) -> Ends {
    let month_day = then(then(month(s, i), |e| spaces(s, e)), |e| {
        at_boundary(
            s,
            then(repeat(s, e, 1, 2, digit), |e| opt(e, |e| ordinal(s, e))),
        )
    });
    let day_month = then(
        then(
            then(repeat(s, i, 1, 2, digit), |e| opt(e, |e| ordinal(s, e))),
            |e| spaces(s, e),
        ),
        |e| {
            then(opt(e, |e| then(lit(s, e, "of"), |e| spaces(s, e))), |e| {
                month(s, e)
            })
        },
    );
    let year = |e: usize| {
        let gap = then(opt(e, |e| lit(s, e, ",")), |e| spaces(s, e));
        at_boundary(s, then(gap, |e| repeat(s, e, 4, 4, digit)))
    };
    then([month_day, day_month].concat(), |e| opt(e, year))
}

/// The day (`WHEN`): `[Yy]esterday\b|[Tt]oday\b|(?:Monday|…)\b(?:,?\s+EXPLICIT)?|EXPLICIT`.
fn when(s: &str, i: usize) -> Ends {
    let word = |first: &str, rest: &str| -> Ends {
        let head = then(one(s, i, |c| first.contains(c)), |e| lit(s, e, rest));
        at_boundary(s, head)
    };
    let mut ends = word("Yy", "esterday");
    ends.extend(word("Tt", "oday"));
    for (name, _) in WEEKDAYS {
        let day = at_boundary(s, lit(s, i, name));
        ends.extend(then(day, |e| {
            let gap = then(opt(e, |e| lit(s, e, ",")), |e| spaces(s, e));
            opt(e, |_| then(gap.clone(), |e| explicit(s, e)))
        }));
    }
    ends.extend(explicit(s, i));
    ends
}

/// Where a statement is made (`VENUE`, optional): " in a statement", " at a news conference".
fn venue(s: &str, i: usize) -> Ends {
    // (?:[a-z\-]+\s+){0,2}
    let filler = |e: usize| {
        let word = repeat(s, e, 1, MANY, |c| c.is_ascii_lowercase() || c == '-');
        then(word, |e| spaces(s, e))
    };
    let fillers = |e: usize| repeat_piece(e, 2, &filler);
    let place = |e: usize, how: &str, whose: &[&str], nouns: &[&str]| -> Ends {
        let head = then(then(lit(s, e, how), |e| spaces(s, e)), |e| {
            word_then_space(s, e, whose)
        });
        then(then(head, fillers), |e| {
            nouns.iter().flat_map(|n| lit(s, e, n)).collect()
        })
    };
    let said_in = |e: usize| {
        let whose = ["a", "an", "the", "his", "her", "their"];
        place(e, "in", &whose, STATEMENT_MEDIA)
    };
    let said_at = |e: usize| place(e, "at", &["a", "an", "the"], STATEMENT_EVENTS);
    opt(i, |e| {
        then(spaces(s, e), |e| [said_in(e), said_at(e)].concat())
    })
}

/// `,?\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?`
fn lead_in(s: &str, i: usize) -> Ends {
    let gap = then(opt(i, |e| lit(s, e, ",")), |e| spaces(s, e));
    let time = |e: usize| word_then_space(s, e, &["late", "early", "earlier", "later"]);
    then(then(gap, |e| opt(e, time)), |e| {
        opt(e, |e| word_then_space(s, e, &["on"]))
    })
}

/// Whom someone told (`OBJECT`): "reporters", "the committee", "Reuters", "Latvian radio".
fn object(s: &str, i: usize) -> Ends {
    let name_word = |e: usize| {
        then(one(s, e, |c| c.is_ascii_uppercase()), |e| {
            repeat(s, e, 0, MANY, |c| is_name_letter(c) || "’'-".contains(c))
        })
    };
    let article = |e: usize| {
        let head = word_then_space(s, e, &["the", "a", "an"]);
        let lower = |e: usize| repeat(s, e, 1, MANY, |c| c.is_ascii_lowercase() || c == '-');
        then(
            then(head, |e| opt(e, |e| then(lower(e), |e| spaces(s, e)))),
            lower,
        )
    };
    let name = |e: usize| {
        fn more(s: &str, e: usize, left: usize, word: &dyn Fn(usize) -> Ends) -> Ends {
            let mut ends = if left > 0 {
                then(then(spaces(s, e), word), |e| more(s, e, left - 1, word))
            } else {
                Vec::new()
            };
            ends.push(e);
            ends
        }
        then(name_word(e), |e| more(s, e, 3, &name_word))
    };
    let audience = |e: usize| {
        let lead = [
            then(name_word(e), |e| spaces(s, e)),
            word_then_space(s, e, &["state"]),
        ];
        let lead = opt(e, |_| lead.concat());
        then(lead, |e| {
            AUDIENCES.iter().flat_map(|a| lit(s, e, a)).collect()
        })
    };
    then(spaces(s, i), |e| {
        [article(e), name(e), audience(e)].concat()
    })
}

/// The first day found after the prefix pieces `prefix` ends at.
fn first_when(s: &str, prefix: Ends) -> Option<Range<usize>> {
    prefix
        .into_iter()
        .find_map(|p| when(s, p).first().map(|&e| p..e))
}

/// `^VENUE LEAD_IN WHEN`: a day right after a cue ("said on Saturday").
pub fn after_cue(s: &str) -> Option<Range<usize>> {
    first_when(s, then(venue(s, 0), |e| lead_in(s, e)))
}

/// `^(?:OBJECT)?VENUE LEAD_IN WHEN`: the same after "told" and whom.
pub fn after_told(s: &str) -> Option<Range<usize>> {
    let head = then(opt(0, |e| object(s, e)), |e| venue(s, e));
    first_when(s, then(head, |e| lead_in(s, e)))
}

/// `^[\s(]*(?:(?:And|But|…|Speaking)\s+)?(?:(?:[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)\s+)?(?:[Oo]n\s+)?WHEN(?:\s+(?:morning|afternoon|evening|night))?,`:
/// a day opening the sentence.
pub fn leading(s: &str) -> Option<Range<usize>> {
    let open = repeat(s, 0, 0, MANY, |c| c.is_whitespace() || c == '(');
    let and = [
        "And",
        "But",
        "Yet",
        "Also",
        "Earlier",
        "Later",
        "Separately",
        "Speaking",
    ];
    let time = [
        "Late", "late", "Early", "early", "Earlier", "earlier", "Later", "later",
    ];
    let head = then(open, |e| opt(e, |e| word_then_space(s, e, &and)));
    let head = then(head, |e| opt(e, |e| word_then_space(s, e, &time)));
    let head = then(head, |e| opt(e, |e| word_then_space(s, e, &["On", "on"])));
    let part_of_day = |e: usize| {
        let parts = ["morning", "afternoon", "evening", "night"];
        then(spaces(s, e), |e| {
            parts.iter().flat_map(|p| lit(s, e, p)).collect()
        })
    };
    head.into_iter().find_map(|p| {
        when(s, p).into_iter().find_map(|w| {
            let comma = then(opt(w, part_of_day), |e| lit(s, e, ","));
            (!comma.is_empty()).then_some(p..w)
        })
    })
}

#[cfg(test)]
mod tests;
