//! One section of a brief from a set of articles: bottom line, key points and key statements
//! by speaker, within a [`Budget`].

use super::select::{same_words, word_set};
use super::{select, Budget, Item};
use crate::clip::{clip, LINE_MAX_CHARS};
use crate::model::{BriefLine, BriefStatement, Provenance, SpeakerGroup, StatementKind};
use rustc_hash::FxHashMap;

pub use crate::model::UNATTRIBUTED;

/// What a section of the brief says.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// Bottom line.
    pub bottom_line: Vec<BriefLine>,
    /// Key points.
    pub key_points: Vec<BriefLine>,
    /// Key statements by speaker.
    pub speakers: Vec<SpeakerGroup>,
}

/// The section of `items` within `budget`: the best key sentences as bottom line and key
/// points; the statements not already printed as one of those, by speaker.
pub fn section(items: &[Item], budget: &Budget) -> Section {
    let (bottom_line, key_points) = select::lines(
        items,
        budget.bottom_min,
        budget.bottom_max,
        budget.key_points,
    );
    // Reported statements already printed as a bottom-line sentence or key point are not repeated.
    let used = used(&bottom_line, &key_points);
    Section {
        speakers: speakers(items, &used, budget),
        bottom_line,
        key_points,
    }
}

/// The passages of the bottom line and key points.
pub fn used(bottom_line: &[BriefLine], key_points: &[BriefLine]) -> Vec<Provenance> {
    bottom_line
        .iter()
        .chain(key_points)
        .flat_map(|l| l.provenance.iter().cloned())
        .collect()
}

/// Key statements grouped by speaker within `budget`: most quoted speakers first, direct
/// quotes first.
fn speakers(items: &[Item], used: &[Provenance], budget: &Budget) -> Vec<SpeakerGroup> {
    let mut groups = gather(items, used);
    for g in &mut groups {
        let (q, r) = budget.per_speaker;
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
        .take(budget.speakers)
        .scan(0, |total, g| {
            *total += g.statements.len();
            Some((*total, g))
        })
        .take_while(|(total, g)| *total <= budget.statements || *total == g.statements.len())
        .map(|(_, g)| g)
        .collect()
}

/// Most statements gathered for one speaker: a brief prints a few of them and the analyst reviews
/// them in a list; past this (a book-length text quoting one person page after page) the rest are
/// left out, so comparing each new statement with the speaker's earlier ones stays bounded.
pub const SPEAKER_STATEMENTS_MAX: usize = 200;

/// Every statement of the articles grouped by speaker in the order they first speak, the same
/// statement carried by several sources merged into one citing them all; reported statements in
/// `used` (already printed as a bottom-line sentence or key point) left out.
pub(crate) fn gather(items: &[Item], used: &[Provenance]) -> Vec<SpeakerGroup> {
    // Each group with the word sets of its statements, and the groups by speaker name.
    let mut groups: Vec<(SpeakerGroup, Vec<rustc_hash::FxHashSet<String>>)> = Vec::new();
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    for item in items {
        let (n, article) = (item.number, item.article);
        for st in &item.analysis.statements {
            if st.kind == StatementKind::Reported && used.contains(&st.provenance) {
                continue;
            }
            let (name, role) = match &st.speaker {
                Some(s) => (s.name.clone(), s.role.clone()),
                None => (UNATTRIBUTED.to_string(), None),
            };
            let gi = match by_name.get(&name) {
                Some(&i) => i,
                None => {
                    by_name.insert(name.clone(), groups.len());
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
            if group.statements.len() >= SPEAKER_STATEMENTS_MAX {
                continue;
            }
            let words = word_set(&st.text);
            let same = group
                .statements
                .iter_mut()
                .zip(sets.iter())
                .find(|(b, w)| b.kind == st.kind && same_words(w, &words));
            if let Some((b, _)) = same {
                // The same statement carried by another source: cite it too.
                if !b.sources.contains(&n) {
                    b.sources.push(n);
                    b.single_source = false;
                }
            } else {
                sets.push(words);
                group.statements.push(BriefStatement {
                    kind: st.kind,
                    text: clip(&st.text, LINE_MAX_CHARS).into_owned(),
                    mention: st.mention.clone(),
                    outlet: article.outlet.clone(),
                    // When it was said where the text gives the day, else the article's date.
                    date: st.date.or(article.published),
                    source: n,
                    sources: vec![n],
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
