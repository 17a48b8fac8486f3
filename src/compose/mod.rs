//! Compose: the picked articles and their analyses in, a [`Brief`] out.
//!
//! Sources are numbered in the order the articles are given. The bottom line takes the best key
//! sentences across articles (2–3, no near-duplicates, none mostly quotation), in source order;
//! key points take the next best; key statements are grouped by speaker, direct quotes first.
//! Every line keeps the provenance of the passage it came from.

mod review;
mod select;

use crate::error::ComposeError;
use crate::model::{
    Analysis, Article, Brief, BriefLine, BriefSettings, BriefStatement, Provenance, Source,
    SpeakerGroup, StatementKind,
};

pub use review::{
    compose_reviewed, review_groups, statement_key, Review, ReviewGroup, ReviewStatement,
    StatementEdit,
};
pub use select::{dice, same_words, similarity, word_set};

/// Most sentences in the bottom line.
pub const BOTTOM_LINE_MAX: usize = 3;
/// Most key points.
pub const KEY_POINTS_MAX: usize = 5;
/// Most speakers in the key statements.
pub const SPEAKERS_MAX: usize = 6;
/// Most direct quotes, and most reported statements, per speaker.
pub const PER_SPEAKER_MAX: (usize, usize) = (3, 1);
/// Most statements in all (a brief is two pages).
pub const STATEMENTS_MAX: usize = 14;
/// Name of the group of statements whose speaker was not found.
pub const UNATTRIBUTED: &str = "Unattributed";

/// Builds the brief from `items` (article with its analysis, in source order) and `settings`.
pub fn compose(
    items: &[(Article, Analysis)],
    settings: &BriefSettings,
) -> Result<Brief, ComposeError> {
    if items.is_empty() {
        return Err(ComposeError::NoArticles);
    }
    let sources: Vec<Source> = items
        .iter()
        .enumerate()
        .map(|(i, (a, _))| Source {
            number: i + 1,
            article_id: a.id.clone(),
            outlet: a.outlet.clone(),
            title: a.title.clone(),
            byline: a.byline.clone(),
            date: a.published,
            file_name: a.file_name.clone(),
            url: a.url.clone(),
        })
        .collect();
    let (bottom_line, key_points) = select::lines(items, 2, BOTTOM_LINE_MAX, KEY_POINTS_MAX);
    // Reported statements already printed as a bottom-line sentence or key point are not repeated.
    let used: Vec<Provenance> = bottom_line
        .iter()
        .chain(&key_points)
        .flat_map(|l| l.provenance.iter().cloned())
        .collect();
    let title = settings
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| default_title(items, &bottom_line));
    Ok(Brief {
        title,
        subtitle: settings.subtitle.clone().filter(|s| !s.trim().is_empty()),
        date: settings.date,
        author: settings.author.clone().filter(|s| !s.trim().is_empty()),
        marking: settings.marking.trim().to_uppercase(),
        bottom_line,
        key_points,
        speakers: speakers(items, &used),
        sources,
    })
}

/// The bottom line alone, exactly `n` sentences where the articles have that many.
pub fn bottom_line(items: &[(Article, Analysis)], n: usize) -> Vec<BriefLine> {
    select::lines(items, n, n, 0).0
}

/// The title of the article the bottom line opens with (or of the first article).
fn default_title(items: &[(Article, Analysis)], bottom_line: &[BriefLine]) -> String {
    let lead = bottom_line
        .first()
        .and_then(|l| l.provenance.first())
        .and_then(|p| items.iter().find(|(a, _)| a.id == p.article_id))
        .unwrap_or(&items[0]);
    lead.0.title.clone()
}

/// Key statements grouped by speaker: most quoted speakers first, direct quotes first.
fn speakers(items: &[(Article, Analysis)], used: &[Provenance]) -> Vec<SpeakerGroup> {
    let mut groups = gather(items, used);
    for g in &mut groups {
        let (q, r) = PER_SPEAKER_MAX;
        let direct = best(&g.statements, StatementKind::DirectQuote, q);
        let reported = best(&g.statements, StatementKind::Reported, r);
        g.statements = direct.into_iter().chain(reported).collect();
    }
    // Stable: speakers with as many statements keep the order they first spoke in.
    groups.sort_by_key(|g| {
        (
            g.name == UNATTRIBUTED,
            std::cmp::Reverse(g.statements.len()),
        )
    });
    groups
        .into_iter()
        .filter(|g| !g.statements.is_empty())
        .take(SPEAKERS_MAX)
        .scan(0, |total, g| {
            *total += g.statements.len();
            Some((*total, g))
        })
        .take_while(|(total, g)| *total <= STATEMENTS_MAX || *total == g.statements.len())
        .map(|(_, g)| g)
        .collect()
}

/// Every statement of the articles grouped by speaker in the order they first speak, the same
/// statement carried by several sources merged into one citing them all; reported statements in
/// `used` (already printed as a bottom-line sentence or key point) left out.
fn gather(items: &[(Article, Analysis)], used: &[Provenance]) -> Vec<SpeakerGroup> {
    // Each group with the word sets of its statements.
    let mut groups: Vec<(SpeakerGroup, Vec<std::collections::HashSet<String>>)> = Vec::new();
    for (n, (article, analysis)) in items.iter().enumerate() {
        for st in &analysis.statements {
            if st.kind == StatementKind::Reported && used.contains(&st.provenance) {
                continue;
            }
            let (name, role) = match &st.speaker {
                Some(s) => (s.name.clone(), s.role.clone()),
                None => (UNATTRIBUTED.to_string(), None),
            };
            let gi = match groups.iter().position(|(g, _)| g.name == name) {
                Some(i) => i,
                None => {
                    let group = SpeakerGroup {
                        name,
                        role: None,
                        statements: vec![],
                    };
                    groups.push((group, Vec::new()));
                    groups.len() - 1
                }
            };
            let (group, sets) = &mut groups[gi];
            if group.role.is_none() {
                group.role = role;
            }
            let words = word_set(&st.text);
            let same = group
                .statements
                .iter_mut()
                .zip(sets.iter())
                .find(|(b, w)| b.kind == st.kind && same_words(w, &words));
            if let Some((b, _)) = same {
                // The same statement carried by another source: cite it too.
                if !b.sources.contains(&(n + 1)) {
                    b.sources.push(n + 1);
                    b.single_source = false;
                }
            } else {
                sets.push(words);
                group.statements.push(BriefStatement {
                    kind: st.kind,
                    text: st.text.clone(),
                    mention: st.mention.clone(),
                    outlet: article.outlet.clone(),
                    // When it was said where the text gives the day, else the article's date.
                    date: st.date.or(article.published),
                    source: n + 1,
                    sources: vec![n + 1],
                    single_source: true,
                    edited: false,
                    provenance: st.provenance.clone(),
                });
            }
        }
    }
    groups.into_iter().map(|(g, _)| g).collect()
}

/// The `n` most informative statements of `kind` (full sentences of 8–40 words before fragments
/// and long passages), kept in source order.
fn best(statements: &[BriefStatement], kind: StatementKind, n: usize) -> Vec<BriefStatement> {
    let mut picked: Vec<(usize, &BriefStatement)> = statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == kind)
        .collect();
    let merit = |s: &BriefStatement| {
        let w = s.text.split_whitespace().count();
        if w < 4 {
            0
        } else if w < 8 {
            1
        } else if w <= 40 {
            3
        } else {
            2
        }
    };
    picked.sort_by_key(|(i, s)| (std::cmp::Reverse(merit(s)), *i));
    picked.truncate(n);
    picked.sort_by_key(|(i, _)| *i);
    picked.into_iter().map(|(_, s)| s.clone()).collect()
}
