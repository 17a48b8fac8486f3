//! A story's chronology: its dated developments in time order, each with its source.
//!
//! Two kinds of entry: an article's publication (its headline, on its date) and a statement
//! whose sentence gives its own day ("said on Saturday", resolved by the analysis), when that
//! day differs from its article's date. The same development on the same day from several
//! sources is one entry citing them all. A chronology needs two dates; it is capped at
//! [`CHRONOLOGY_MAX`] entries, statements dropped before publications.

use super::select::similarity;
use super::Item;
use crate::model::{ChronologyEntry, Provenance, StatementKind};
use crate::stories::label::trim_headline;

/// Most entries in a chronology.
pub const CHRONOLOGY_MAX: usize = 8;
/// Most words of a statement quoted in a chronology entry.
pub const STATEMENT_WORDS: usize = 20;

/// The chronology of a story's `items`; empty when they give fewer than two distinct dates.
pub fn of(items: &[Item]) -> Vec<ChronologyEntry> {
    let mut entries: Vec<(ChronologyEntry, bool)> = Vec::new();
    for it in items {
        let a = it.article;
        if let Some(date) = a.published {
            let provenance = a.paragraphs.first().map(|p| Provenance {
                article_id: a.id.clone(),
                paragraph: p.index,
                span: p.span,
            });
            let entry = ChronologyEntry {
                date,
                text: trim_headline(&a.title, a.outlet.as_deref()),
                sources: vec![it.number],
                provenance: provenance.into_iter().collect(),
            };
            add(&mut entries, entry, false);
        }
        for st in &it.analysis.statements {
            let Some(date) = st.date.filter(|d| Some(*d) != a.published) else {
                continue;
            };
            let who = st
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
                .or_else(|| st.mention.clone())
                .unwrap_or_else(|| super::UNATTRIBUTED.to_string());
            let words = shorten(&st.text, STATEMENT_WORDS);
            let text = match st.kind {
                StatementKind::DirectQuote => format!("{who}: “{words}”"),
                StatementKind::Reported => format!("{who}: {words}"),
            };
            let entry = ChronologyEntry {
                date,
                text,
                sources: vec![it.number],
                provenance: vec![st.provenance.clone()],
            };
            add(&mut entries, entry, true);
        }
    }
    let mut dates: Vec<_> = entries.iter().map(|(e, _)| e.date).collect();
    dates.sort();
    dates.dedup();
    if dates.len() < 2 {
        return Vec::new();
    }
    // Over the cap: statements go first, latest first, then publications.
    while entries.len() > CHRONOLOGY_MAX {
        let drop = entries
            .iter()
            .rposition(|(_, statement)| *statement)
            .unwrap_or(entries.len() - 1);
        entries.remove(drop);
    }
    let mut entries: Vec<ChronologyEntry> = entries.into_iter().map(|(e, _)| e).collect();
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.sources.cmp(&b.sources)));
    entries
}

/// Adds `entry`, or cites its source on an entry of the same day saying much the same.
fn add(entries: &mut Vec<(ChronologyEntry, bool)>, entry: ChronologyEntry, statement: bool) {
    let same = entries
        .iter_mut()
        .find(|(e, _)| e.date == entry.date && similarity(&e.text, &entry.text) > 0.6);
    match same {
        Some((e, _)) => {
            for s in entry.sources {
                if !e.sources.contains(&s) {
                    e.sources.push(s);
                }
            }
            e.provenance.extend(entry.provenance);
        }
        None => entries.push((entry, statement)),
    }
}

/// The first `n` words of `text`, with "…" when it goes on.
pub fn shorten(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        return words.join(" ");
    }
    let cut = words[..n].join(" ");
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}
