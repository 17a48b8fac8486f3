//! A small parser for the dates news pages and wires print; the absolute forms are:
//!
//! | form | example |
//! |---|---|
//! | ISO date or date-time | `2026-11-26`, `2026-11-26T08:15:00+05:00`, `2026/11/26` |
//! | month first | `Nov. 26, 2026`, `November 26th, 2026`, `Sept 5 2026`, `Thursday, Nov. 26, 2026` |
//! | day first (also RFC 2822) | `26 November 2026`, `26th of Nov. 2026`, `Thu, 26 Nov 2026 09:00:00 +0000` |
//! | numeric, only when unambiguous | `11/26/2026`, `26/11/2026` (but not `05/06/2026`) |
//!
//! A date-time keeps the calendar date as written (no time-zone shift): that is the date the
//! outlet printed. Also: the date in a URL path ([`url_date`]), conflicts between sources of a
//! date ([`conflicts`]), and bare weekdays ("on Saturday"), which in news mean the most recent
//! such day on or before the publication date ([`bare_weekdays`]). The written forms are found
//! by [`super::dateforms`].

use std::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};

use super::dateforms as forms;
use crate::lexicon::{month_number, weekday_of};

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, num(d)?)
}

/// Finds the first absolute date in `s` (see the module docs for the forms) and where it sits.
pub fn find_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    // Every supported form has a four-digit year: skip the search when there is none.
    if !s
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let mut best: Option<(NaiveDate, Range<usize>)> = None;
    let mut consider = |date: Option<NaiveDate>, range: Range<usize>| {
        if let Some(d) = date {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((d, range));
            }
        }
    };
    let part = |r: &Range<usize>| &s[r.clone()];
    for (range, [y, m, d]) in forms::all(s, forms::iso) {
        consider(
            num(part(&m)).and_then(|mo| ymd(part(&y), mo, part(&d))),
            range,
        );
    }
    for (range, [m, d, y]) in forms::all(s, forms::month_first) {
        consider(
            month_number(part(&m)).and_then(|mo| ymd(part(&y), mo, part(&d))),
            range,
        );
    }
    for (range, [d, m, y]) in forms::all(s, forms::day_first) {
        consider(
            month_number(part(&m)).and_then(|mo| ymd(part(&y), mo, part(&d))),
            range,
        );
    }
    for (range, [first, second, y]) in forms::all(s, forms::numeric) {
        let (a, b) = (
            num(part(&first)).unwrap_or(0),
            num(part(&second)).unwrap_or(0),
        );
        let date = match (a > 12, b > 12) {
            (true, false) => ymd(part(&y), b, part(&first)),
            (false, true) => ymd(part(&y), a, part(&second)),
            // 05/06/2026 reads differently in the US and in Europe: no guess.
            _ => None,
        };
        consider(date, range);
    }
    best
}

/// The first absolute date in `s`, if any.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    find_date(s).map(|(d, _)| d)
}

/// A date that fills (nearly) the whole of `s`, apart from labels such as "Published:", a
/// weekday, a time and a time zone. Returns the date and whether it is labelled as an update.
pub fn date_only(s: &str) -> Option<(NaiveDate, bool)> {
    let (date, range) = find_date(s)?;
    let rest = format!("{} {}", &s[..range.start], &s[range.end..]);
    if !only_date_noise(&rest) {
        return None;
    }
    let lower = s[..range.start].to_lowercase();
    let updated = lower.contains("updated") || lower.contains("modified");
    Some((date, updated))
}

/// Whether `s` holds only what may surround a date on a header line: labels, weekdays, times,
/// time zones and punctuation.
pub fn only_date_noise(s: &str) -> bool {
    forms::only_noise(s)
}

/// A date in a URL path: `/2026/11/26/`, `/2026-11-26/`, `/20261126/` or a slug ending
/// `-2026-11-26`.
pub fn url_date(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    forms::all(path, forms::in_url)
        .into_iter()
        .find_map(|(_, [y, m, d])| ymd(&path[y], num(&path[m])?, &path[d]))
}

/// One line per source whose date disagrees with the publication date kept, e.g.
/// `URL says 2026-11-25, kept 2026-11-26`.
pub fn conflicts(published: NaiveDate, url: Option<NaiveDate>, text: &[NaiveDate]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(u) = url.filter(|u| *u != published) {
        out.push(format!("URL says {u}, kept {published}"));
    }
    for t in text.iter().filter(|t| **t != published) {
        let line = format!("text says {t}, kept {published}");
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// The most recent `weekday` on or before `published`: in news, "on Saturday" is the last
/// Saturday up to the day of publication (that day itself when it is a Saturday).
pub fn weekday_on_or_before(weekday: Weekday, published: NaiveDate) -> NaiveDate {
    let back =
        (published.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    published - chrono::Days::new(back as u64)
}

/// Bare weekdays in `text` ("on Saturday", "Tuesday's vote") resolved against the publication
/// date, with where they sit. A weekday that belongs to an absolute date ("Thursday, Nov. 26,
/// 2026") is not bare and is skipped.
pub fn bare_weekdays(text: &str, published: NaiveDate) -> Vec<(Range<usize>, NaiveDate)> {
    forms::weekdays(text)
        .into_iter()
        .filter_map(|m| {
            let mut end = text.len().min(m.end + 24);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let after = &text[m.end..end];
            if find_date(after).is_some_and(|(_, r)| r.start <= 3) {
                return None;
            }
            let day = weekday_of(&text[m.clone()])?;
            Some((m, weekday_on_or_before(day, published)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_news_forms() {
        assert_eq!(parse_date("Nov. 26, 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("November 26, 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("Thursday, Sept. 3rd, 2026"), d(2026, 9, 3));
        assert_eq!(parse_date("26 November 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("26th of Nov 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("2026-11-26"), d(2026, 11, 26));
        assert_eq!(parse_date("2026-11-26T23:10:00-05:00"), d(2026, 11, 26));
        assert_eq!(
            parse_date("Thu, 26 Nov 2026 09:00:00 +0000"),
            d(2026, 11, 26)
        );
        assert_eq!(parse_date("11/26/2026"), d(2026, 11, 26));
        assert_eq!(parse_date("26/11/2026"), d(2026, 11, 26));
        assert_eq!(parse_date("05/06/2026"), None);
        assert_eq!(parse_date("February 30, 2026"), None);
        assert_eq!(parse_date("Marble 26, 2026"), None);
        assert_eq!(parse_date("No. 10 said 2026 would be hard"), None);
    }

    #[test]
    fn weekdays_look_back_from_publication() {
        // 2026-11-26 is a Thursday.
        let p = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(
            weekday_on_or_before(Weekday::Sat, p),
            NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
        );
        assert_eq!(weekday_on_or_before(Weekday::Thu, p), p);
        assert_eq!(
            weekday_on_or_before(Weekday::Fri, p),
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        );
        let found = bare_weekdays(
            "Talks ended on Saturday. Thursday, Nov. 26, 2026 was set.",
            p,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 15..23);
        assert_eq!(found[0].1, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    }

    #[test]
    fn url_dates_and_conflicts() {
        assert_eq!(url_date("https://x.com/2026/11/25/talks/"), d(2026, 11, 25));
        assert_eq!(
            url_date("https://x.com/news/talks-20261125.html"),
            d(2026, 11, 25)
        );
        assert_eq!(url_date("https://x.com/a/123456789"), None);
        let p = d(2026, 11, 26).unwrap();
        assert_eq!(conflicts(p, d(2026, 11, 26), &[p]), Vec::<String>::new());
        assert_eq!(
            conflicts(p, d(2026, 11, 25), &[d(2026, 11, 20).unwrap()]),
            vec![
                "URL says 2026-11-25, kept 2026-11-26",
                "text says 2026-11-20, kept 2026-11-26"
            ]
        );
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_only("Published: 26 November 2026 at 09:00 GMT"),
            Some((NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), false))
        );
        assert_eq!(
            date_only("Updated Nov. 27, 2026, 4:10 p.m. ET").map(|x| x.1),
            Some(true)
        );
        assert_eq!(date_only("Talks resumed on Nov. 26, 2026 in Geneva"), None);
    }
}
