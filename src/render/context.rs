//! The Tera context of a brief: the serialized [`Brief`] under `brief`, plus ready-to-print
//! values at the top level (dates as "28 November 2026", source numbers as "1,3", speakers'
//! statements split into direct quotes and reported speech).

use chrono::NaiveDate;
use serde::Serialize;
use tera::Context;

use crate::model::{
    Brief, BriefLine, BriefStatement, BriefStory, ChronologyEntry, Source, SpeakerGroup,
    StatementKind,
};

/// A date as printed in briefs: "28 November 2026".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A span of days as printed: "5 July 2016", "5–7 July 2016", "30 June – 2 July 2016",
/// "30 December 2015 – 2 January 2016"; `None` without dates.
pub fn date_range(first: Option<NaiveDate>, last: Option<NaiveDate>) -> Option<String> {
    use chrono::Datelike;
    let (a, b) = match (first, last) {
        (Some(a), Some(b)) => (a.min(b), a.max(b)),
        (Some(d), None) | (None, Some(d)) => (d, d),
        (None, None) => return None,
    };
    Some(if a == b {
        long_date(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), long_date(b))
    } else if a.year() == b.year() {
        format!("{} – {}", a.format("%-d %B"), long_date(b))
    } else {
        format!("{} – {}", long_date(a), long_date(b))
    })
}

#[derive(Serialize)]
struct LineView<'a> {
    text: &'a str,
    sources: &'a [usize],
    refs: String,
}

#[derive(Serialize)]
struct StatementView<'a> {
    text: &'a str,
    kind: &'static str,
    is_quote: bool,
    mention: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<String>,
    attribution: Option<String>,
    source: usize,
    refs: String,
    outlets: usize,
    single_source: bool,
    edited: bool,
}

#[derive(Serialize)]
struct SpeakerView<'a> {
    name: &'a str,
    role: Option<&'a str>,
    quotes: Vec<StatementView<'a>>,
    reported: Vec<StatementView<'a>>,
    statements: Vec<StatementView<'a>>,
}

#[derive(Serialize)]
struct SourceView<'a> {
    number: usize,
    outlet: Option<&'a str>,
    title: &'a str,
    byline: Option<&'a str>,
    date: Option<String>,
    file_name: &'a str,
    url: Option<&'a str>,
}

/// Source numbers as printed: "1,3".
fn refs(sources: &[usize]) -> String {
    sources
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn line(l: &BriefLine) -> LineView<'_> {
    LineView {
        text: &l.text,
        sources: &l.sources,
        refs: refs(&l.sources),
    }
}

#[derive(Serialize)]
struct ChronologyView<'a> {
    date: String,
    date_iso: String,
    text: &'a str,
    sources: &'a [usize],
    refs: String,
}

fn chronology(e: &ChronologyEntry) -> ChronologyView<'_> {
    ChronologyView {
        date: long_date(e.date),
        date_iso: e.date.to_string(),
        text: &e.text,
        sources: &e.sources,
        refs: refs(&e.sources),
    }
}

#[derive(Serialize)]
struct StoryView<'a> {
    number: usize,
    id: &'a str,
    label: &'a str,
    why: &'a str,
    sources: &'a [usize],
    refs: String,
    articles: usize,
    outlets: &'a [String],
    outlet_count: usize,
    dates: Option<String>,
    bottom_line: Vec<LineView<'a>>,
    key_points: Vec<LineView<'a>>,
    speakers: Vec<SpeakerView<'a>>,
    chronology: Vec<ChronologyView<'a>>,
    minor: bool,
}

fn story((i, s): (usize, &BriefStory)) -> StoryView<'_> {
    StoryView {
        number: i + 1,
        id: &s.id,
        label: &s.label,
        why: &s.why,
        sources: &s.sources,
        refs: refs(&s.sources),
        articles: s.sources.len(),
        outlets: &s.outlets,
        outlet_count: s.outlets.len(),
        dates: date_range(s.first_date, s.last_date),
        bottom_line: s.bottom_line.iter().map(line).collect(),
        key_points: s.key_points.iter().map(line).collect(),
        speakers: s.speakers.iter().map(speaker).collect(),
        chronology: s.chronology.iter().map(chronology).collect(),
        minor: s.minor,
    }
}

fn statement(s: &BriefStatement) -> StatementView<'_> {
    let date = s.date.map(long_date);
    let parts: Vec<&str> = [s.outlet.as_deref(), date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    StatementView {
        attribution: (!parts.is_empty()).then(|| parts.join(", ")),
        text: &s.text,
        kind: match s.kind {
            StatementKind::DirectQuote => "direct_quote",
            StatementKind::Reported => "reported",
        },
        is_quote: s.kind == StatementKind::DirectQuote,
        mention: s.mention.as_deref(),
        outlet: s.outlet.as_deref(),
        date,
        source: s.source,
        refs: s.refs(),
        outlets: s.sources.len().max(1),
        single_source: s.single_source,
        edited: s.edited,
    }
}

fn speaker(g: &SpeakerGroup) -> SpeakerView<'_> {
    let of = |kind| {
        g.statements
            .iter()
            .filter(|s| s.kind == kind)
            .map(statement)
            .collect::<Vec<_>>()
    };
    let mut statements = of(StatementKind::DirectQuote);
    statements.extend(of(StatementKind::Reported));
    SpeakerView {
        name: &g.name,
        role: g.role.as_deref(),
        quotes: of(StatementKind::DirectQuote),
        reported: of(StatementKind::Reported),
        statements,
    }
}

fn source(s: &Source) -> SourceView<'_> {
    SourceView {
        number: s.number,
        outlet: s.outlet.as_deref(),
        title: &s.title,
        byline: s.byline.as_deref(),
        date: s.date.map(long_date),
        file_name: &s.file_name,
        url: s.url.as_deref(),
    }
}

/// Everything a template can use.
///
/// Top level: `title`, `subtitle`, `date` (long form), `date_iso`, `author`, `marking`,
/// `bottom_line` and `key_points` (each `{text, sources, refs}`), `speakers` (each `{name,
/// role, quotes, reported, statements}`, statements `{text, kind, is_quote, mention, outlet,
/// date, attribution, source, refs, outlets, single_source, edited}`, attribution being
/// "Outlet, date", refs every source carrying it as "1,3", outlets their count),
/// `flag_single_source` (whether some statement is carried by several sources, so that
/// single-source ones are worth flagging), `sources` (each `{number,
/// outlet, title, byline, date, file_name, url}`), `top_quotes` (each `{speaker, role, quote}`, the first direct quote of up to three
/// named speakers); `stories` (each `{number, id, label, why, sources, refs, articles,
/// outlets, outlet_count, dates, bottom_line, key_points, speakers, chronology, minor}`,
/// chronology entries `{date, date_iso, text, sources, refs}`), `multi_story` (more than one
/// story), `chronology` (the single story's, else empty), `more_stories` (how many are minor);
/// and `brief`, the [`Brief`] exactly as serialized.
pub fn build(brief: &Brief) -> Context {
    let mut ctx = Context::new();
    ctx.insert("brief", brief);
    ctx.insert("title", &brief.title);
    ctx.insert("subtitle", &brief.subtitle);
    ctx.insert("date", &long_date(brief.date));
    ctx.insert("date_iso", &brief.date.to_string());
    ctx.insert("author", &brief.author);
    ctx.insert("marking", &brief.marking);
    ctx.insert(
        "bottom_line",
        &brief.bottom_line.iter().map(line).collect::<Vec<_>>(),
    );
    ctx.insert(
        "key_points",
        &brief.key_points.iter().map(line).collect::<Vec<_>>(),
    );
    ctx.insert(
        "speakers",
        &brief.speakers.iter().map(speaker).collect::<Vec<_>>(),
    );
    ctx.insert(
        "sources",
        &brief.sources.iter().map(source).collect::<Vec<_>>(),
    );
    let stories: Vec<StoryView> = brief.stories.iter().enumerate().map(story).collect();
    ctx.insert("multi_story", &(stories.len() > 1));
    // One story: its chronology beside today's layout.
    let single = match brief.stories.as_slice() {
        [one] => one.chronology.iter().map(chronology).collect(),
        _ => Vec::new(),
    };
    ctx.insert("chronology", &single);
    ctx.insert("more_stories", &stories.iter().filter(|s| s.minor).count());
    ctx.insert("stories", &stories);
    // Flagging "single source" is informative only beside statements several sources carry.
    let corroborated = brief
        .speakers
        .iter()
        .chain(brief.stories.iter().flat_map(|s| &s.speakers))
        .flat_map(|g| &g.statements)
        .any(|s| s.sources.len() > 1);
    ctx.insert("flag_single_source", &corroborated);
    ctx.insert("top_quotes", &top_quotes(brief));
    ctx
}

/// The first direct quote of each named speaker, in the brief's speaker order, at most
/// [`TOP_QUOTES`].
fn top_quotes(brief: &Brief) -> Vec<TopQuoteView<'_>> {
    brief
        .speakers
        .iter()
        .filter(|g| g.name != crate::model::UNATTRIBUTED)
        .filter_map(|g| {
            let q = g
                .statements
                .iter()
                .find(|s| s.kind == StatementKind::DirectQuote)?;
            Some(TopQuoteView {
                speaker: &g.name,
                role: g.role.as_deref(),
                quote: statement(q),
            })
        })
        .take(TOP_QUOTES)
        .collect()
}

/// How many quotes `top_quotes` offers.
pub const TOP_QUOTES: usize = 3;

#[derive(Serialize)]
struct TopQuoteView<'a> {
    speaker: &'a str,
    role: Option<&'a str>,
    quote: StatementView<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 8).unwrap();
        assert_eq!(long_date(d), "8 November 2026");
    }

    #[test]
    fn date_ranges_share_what_they_can() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(
            date_range(d(2016, 7, 5), d(2016, 7, 7)).unwrap(),
            "5–7 July 2016"
        );
        assert_eq!(
            date_range(d(2016, 7, 5), d(2016, 7, 5)).unwrap(),
            "5 July 2016"
        );
        assert_eq!(
            date_range(d(2016, 6, 30), d(2016, 7, 2)).unwrap(),
            "30 June – 2 July 2016"
        );
        assert_eq!(
            date_range(d(2015, 12, 30), d(2016, 1, 2)).unwrap(),
            "30 December 2015 – 2 January 2016"
        );
        assert_eq!(date_range(None, None), None);
    }
}
