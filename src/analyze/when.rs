//! When a statement was made, from its own sentence: a day written next to the cue ("said on
//! Saturday", "told reporters Tuesday", "said in a statement on Oct. 14") or opening the
//! sentence ("On Monday, X said"), resolved against the publication date.
//!
//! A bare weekday is the most recent such day on or before publication (the publication day
//! itself counts) — [`crate::ingest::dates::weekday_on_or_before`]; a day and month without a
//! year take the publication year, or the year before when that would fall after publication;
//! "yesterday" and "today" count from publication. Quoted words never date the speech, nor does
//! a day elsewhere in the sentence ("said the vote on Sunday was flawed"). Without a
//! publication date nothing is resolved.

use chrono::{Datelike, Days, NaiveDate};

use crate::analyze::whenforms;
use crate::ingest::dates::weekday_on_or_before;
use crate::lexicon::{month_number, weekday_of};
use crate::model::{Article, Sentence, Statement};

/// Sets the date of every statement whose sentence dates it (see the module docs).
pub fn date_statements(article: &Article, sentences: &[Sentence], statements: &mut [Statement]) {
    let Some(published) = article.published else {
        return;
    };
    for st in statements {
        let Some(cue) = st.cue.as_deref() else {
            continue;
        };
        let span = st.provenance.span;
        // Sentences are in text order: those overlapping the statement's span.
        let from = sentences.partition_point(|s| s.span.end <= span.start);
        let upto = span.end.max(span.start + 1);
        let around = &sentences[from..];
        let count = around.partition_point(|s| s.span.start < upto);
        let (Some(first), Some(last)) = (around.first(), around[..count].last()) else {
            continue;
        };
        let end = last.span.end;
        let Some(text) = article.text.get(first.span.start..end) else {
            continue;
        };
        st.date = speech_date(text, cue, published);
    }
}

/// The day the sentence `text` says the words introduced by `cue` were said, resolved against
/// `published`.
pub fn speech_date(text: &str, cue: &str, published: NaiveDate) -> Option<NaiveDate> {
    let text = unquoted(text);
    let told = cue.starts_with("told") || cue.starts_with("tells");
    let after = if told {
        whenforms::after_told
    } else {
        whenforms::after_cue
    };
    let mut cued = false;
    for (at, _) in text.match_indices(cue) {
        let end = at + cue.len();
        let whole = !text[..at].ends_with(|c: char| c.is_alphanumeric())
            && !text[end..].starts_with(|c: char| c.is_alphanumeric());
        if !whole {
            continue;
        }
        cued = true;
        if let Some(day) = after(&text[end..]) {
            // "said Sunday's vote …": the day of something else.
            if !text[end + day.end..].starts_with(['’', '\'']) {
                return resolve(&text[end..][day], published);
            }
        }
    }
    let day = whenforms::leading(&text).filter(|_| cued)?;
    resolve(&text[day], published)
}

/// `text` with every quotation (marks and words) replaced by an empty pair of marks.
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut straight = false;
    for c in text.chars() {
        match c {
            '“' => {
                if depth == 0 && !straight {
                    out.push_str("“”");
                }
                depth += 1;
            }
            '”' if depth > 0 => depth -= 1,
            '"' if depth == 0 => {
                if !straight {
                    out.push_str("“”");
                }
                straight = !straight;
            }
            _ if depth == 0 && !straight => out.push(c),
            _ => {}
        }
    }
    out
}

/// The date a matched day names, counted from `published`.
fn resolve(when: &str, published: NaiveDate) -> Option<NaiveDate> {
    let lower = when.to_ascii_lowercase();
    if lower == "today" {
        return Some(published);
    }
    if lower == "yesterday" {
        return published.checked_sub_days(Days::new(1));
    }
    let words: Vec<&str> = when
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let month = words.iter().find_map(|w| month_number(w));
    let day = words.iter().find_map(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (digits.len() <= 2 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    });
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|w| w.parse::<i32>().ok());
    if let (Some(m), Some(d)) = (month, day) {
        if let Some(y) = year {
            return NaiveDate::from_ymd_opt(y, m, d);
        }
        let this_year = NaiveDate::from_ymd_opt(published.year(), m, d);
        return match this_year {
            Some(date) if date <= published => Some(date),
            _ => NaiveDate::from_ymd_opt(published.year() - 1, m, d),
        };
    }
    let weekday = weekday_of(words.first()?)?;
    Some(weekday_on_or_before(weekday, published))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, test_article};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Saturday 2 May 2026.
    const SAT: (i32, u32, u32) = (2026, 5, 2);

    fn on(text: &str, cue: &str) -> Option<NaiveDate> {
        speech_date(text, cue, d(SAT.0, SAT.1, SAT.2))
    }

    #[test]
    fn weekdays_next_to_the_cue() {
        // The publication day counts.
        let said = "The minister said on Saturday that talks would resume.";
        assert_eq!(on(said, "said"), Some(d(2026, 5, 2)));
        assert_eq!(
            on("“We are ready,” the minister said on Friday.", "said"),
            Some(d(2026, 5, 1))
        );
        assert_eq!(
            on(
                "Talks will resume, Rubio said Saturday, emphasizing ties.",
                "said"
            ),
            Some(d(2026, 5, 2))
        );
        assert_eq!(
            on("Rubio told reporters Tuesday that the deal held.", "told"),
            Some(d(2026, 4, 28))
        );
        assert_eq!(
            on("He told Latvian radio on Wednesday that he went.", "told"),
            Some(d(2026, 4, 29))
        );
        assert_eq!(
            on(
                "She told the committee on Monday that funds ran out.",
                "told"
            ),
            Some(d(2026, 4, 27))
        );
        assert_eq!(
            on("On Monday, the envoy said the fees were unlawful.", "said"),
            Some(d(2026, 4, 27))
        );
        assert_eq!(
            on(
                "He said in a statement on Thursday that he would stay.",
                "said"
            ),
            Some(d(2026, 4, 30))
        );
        assert_eq!(
            on("“Enough,” she said late on Wednesday.", "said"),
            Some(d(2026, 4, 29))
        );
    }

    #[test]
    fn explicit_and_relative_days() {
        assert_eq!(
            on("The spokesman said on 14 October that it was over.", "said"),
            Some(d(2025, 10, 14))
        );
        assert_eq!(
            on("The spokesman said Apr. 14 that it was over.", "said"),
            Some(d(2026, 4, 14))
        );
        assert_eq!(
            on("She said on Thursday, April 30, that it was over.", "said"),
            Some(d(2026, 4, 30))
        );
        assert_eq!(
            on("She said on March 3, 2024 that it was over.", "said"),
            Some(d(2024, 3, 3))
        );
        assert_eq!(
            speech_date(
                "The minister said on Dec. 30 that the border would reopen.",
                "said",
                d(2027, 1, 3)
            ),
            Some(d(2026, 12, 30))
        );
        assert_eq!(
            on("Yesterday, the mayor said the roads were closed.", "said"),
            Some(d(2026, 5, 1))
        );
        assert_eq!(
            on(
                "The mayor told reporters today that the roads were closed.",
                "told"
            ),
            Some(d(2026, 5, 2))
        );
    }

    #[test]
    fn other_days_in_the_sentence_do_not_date_the_speech() {
        assert_eq!(
            on(
                "The minister said the talks would resume on Monday.",
                "said"
            ),
            None
        );
        assert_eq!(on("“We meet on Monday,” the minister said.", "said"), None);
        assert_eq!(on("He said Sunday's vote was flawed.", "said"), None);
        assert_eq!(
            on(
                "On Monday, the talks collapsed and “we are done,” he added.",
                "said"
            ),
            None
        );
        assert_eq!(on("Nothing happened on Saturday.", "said"), None);
    }

    #[test]
    fn statements_get_their_date_only_with_a_publication_date() {
        let text = "Talks resume in Doha\n\n\
            “We are ready,” Foreign Minister Amara Okafor said on Friday.\n\n\
            Okafor said the next round would start in June.";
        let mut article = test_article(text);
        article.published = Some(d(SAT.0, SAT.1, SAT.2));
        let an = analyze(&article);
        let dates: Vec<Option<NaiveDate>> = an.statements.iter().map(|s| s.date).collect();
        assert_eq!(
            dates,
            vec![Some(d(2026, 5, 1)), None],
            "{:?}",
            an.statements
        );
        article.published = None;
        let an = analyze(&article);
        assert!(an.statements.iter().all(|s| s.date.is_none()));
    }
}
