//! The analyst's review of the key statements: keep or drop, edited wording, promotion to the
//! bottom line and order, applied on top of the automatic selection.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::section::{gather, used};
use super::{compose_stories, numbered, story, Item};
use crate::error::ComposeError;
use crate::model::{
    Analysis, Article, Brief, BriefLine, BriefSettings, BriefStatement, Provenance, SpeakerGroup,
    StatementKind, StoryGroup,
};

/// What the analyst decided about one statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementEdit {
    /// In or out of the brief; `None` leaves it to the automatic selection.
    #[serde(default)]
    pub keep: Option<bool>,
    /// The wording as edited; `None` keeps the source's words.
    #[serde(default)]
    pub text: Option<String>,
    /// Moved into the bottom line.
    #[serde(default)]
    pub promoted: bool,
}

/// The review of a brief's statements: decisions by statement key and the analyst's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Decisions, by [`statement_key`].
    #[serde(default)]
    pub edits: BTreeMap<String, StatementEdit>,
    /// Statement keys in the order the analyst put them; statements not listed follow.
    #[serde(default)]
    pub order: Vec<String>,
}

/// A statement as the review screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewStatement {
    /// Stable key of the statement ([`statement_key`] of its provenance).
    pub key: String,
    /// Direct quote or reported.
    pub kind: StatementKind,
    /// The words the brief prints (edited or original).
    pub text: String,
    /// The words as found in the source.
    pub original: String,
    /// Whether the analyst changed the wording.
    pub edited: bool,
    /// Whether the statement goes in the brief's key statements.
    pub keep: bool,
    /// Whether the automatic selection picked it.
    pub auto: bool,
    /// Whether it was moved into the bottom line.
    pub promoted: bool,
    /// Every source number carrying it.
    pub sources: Vec<usize>,
    /// Source number of the article it is quoted from.
    pub source: usize,
    /// That article's outlet.
    pub outlet: Option<String>,
    /// When it was said: the statement's own date, else that article's date.
    pub date: Option<NaiveDate>,
    /// That article's id.
    pub article_id: String,
    /// The speaker as written in the source.
    pub mention: Option<String>,
}

/// One speaker's statements on the review screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewGroup {
    /// Speaker's name.
    pub speaker: String,
    /// Role, when known.
    pub role: Option<String>,
    /// All the speaker's statements, in review order.
    pub statements: Vec<ReviewStatement>,
}

/// The stable key of a statement: its article id and byte span (`id:start-end`).
pub fn statement_key(p: &Provenance) -> String {
    format!("{}:{}-{}", p.article_id, p.span.start, p.span.end)
}

/// Every statement of `items` grouped by speaker, marked with the automatic choice and the
/// analyst's decisions, in the order the brief will print them.
pub fn review_groups(
    items: &[(Article, Analysis)],
    review: &Review,
) -> Result<Vec<ReviewGroup>, ComposeError> {
    let brief = super::compose(items, &placeholder_settings())?;
    let (auto, groups) = candidates(
        &numbered(items),
        &brief.speakers,
        &used(&brief.bottom_line, &brief.key_points),
    );
    Ok(review_view(groups, &auto, review))
}

/// The review of each story of `items` grouped into `stories` (in the brief's order): every
/// statement of the story's articles by speaker, marked with the choice the story's own section
/// makes automatically and the analyst's decisions.
pub fn review_groups_by_story(
    items: &[(Article, Analysis)],
    stories: &[StoryGroup],
    review: &Review,
) -> Result<Vec<Vec<ReviewGroup>>, ComposeError> {
    let brief = compose_stories(items, stories, &placeholder_settings())?;
    let all = numbered(items);
    Ok(stories_with_articles(&all, stories)
        .into_iter()
        .zip(&brief.stories)
        .map(|(group, s)| {
            let members = story::members(&all, group);
            let (auto, groups) =
                candidates(&members, &s.speakers, &used(&s.bottom_line, &s.key_points));
            review_view(groups, &auto, review)
        })
        .collect())
}

/// Statements by speaker as the review screen shows them, in the analyst's order.
fn review_view(groups: Vec<SpeakerGroup>, auto: &[String], review: &Review) -> Vec<ReviewGroup> {
    ordered(groups, auto, review)
        .into_iter()
        .map(|g| ReviewGroup {
            speaker: g.name,
            role: g.role,
            statements: g
                .statements
                .into_iter()
                .map(|s| {
                    let key = statement_key(&s.provenance);
                    let edit = review.edits.get(&key).cloned().unwrap_or_default();
                    let picked = auto.contains(&key);
                    ReviewStatement {
                        kind: s.kind,
                        text: edit.text.clone().unwrap_or_else(|| s.text.clone()),
                        edited: edit.text.as_ref().is_some_and(|t| *t != s.text),
                        original: s.text,
                        keep: edit.keep.unwrap_or(picked) && !edit.promoted,
                        auto: picked,
                        promoted: edit.promoted,
                        sources: s.sources,
                        source: s.source,
                        outlet: s.outlet,
                        date: s.date,
                        article_id: s.provenance.article_id,
                        mention: s.mention,
                        key,
                    }
                })
                .collect(),
        })
        .collect()
}

/// Composes the brief of `items` grouped into `stories` with the analyst's review applied, to
/// the whole brief and to each story's section: dropped statements out, kept ones in (beyond
/// the automatic limits), edited words marked as edited, promoted statements opening the
/// bottom line, everything in the analyst's order.
pub fn compose_reviewed(
    items: &[(Article, Analysis)],
    stories: &[StoryGroup],
    settings: &BriefSettings,
    review: &Review,
) -> Result<Brief, ComposeError> {
    let mut brief = compose_stories(items, stories, settings)?;
    if review.edits.is_empty() && review.order.is_empty() {
        return Ok(brief);
    }
    let all = numbered(items);
    apply(
        &all,
        &mut brief.speakers,
        &mut brief.bottom_line,
        &brief.key_points,
        super::BOTTOM_LINE_MAX,
        review,
    );
    let groups = stories_with_articles(&all, stories);
    let sections = groups.len().min(story::SECTIONS_MAX);
    for (s, group) in brief.stories.iter_mut().zip(groups) {
        if s.minor {
            continue;
        }
        let members = story::members(&all, group);
        let room = story::budget(sections, members.len()).bottom_max;
        apply(
            &members,
            &mut s.speakers,
            &mut s.bottom_line,
            &s.key_points,
            room,
            review,
        );
    }
    Ok(brief)
}

/// The groups that have articles among `all`: those the brief has a story for, in order.
fn stories_with_articles<'a>(all: &[Item], stories: &'a [StoryGroup]) -> Vec<&'a StoryGroup> {
    stories
        .iter()
        .filter(|g| !story::members(all, g).is_empty())
        .collect()
}

/// Applies `review` to one section of `items`: `speakers` (the automatic choice on entry)
/// becomes the kept statements in the analyst's order; promoted statements open `bottom_line`,
/// which keeps at most `bottom_max` lines.
fn apply(
    items: &[Item],
    speakers: &mut Vec<SpeakerGroup>,
    bottom_line: &mut Vec<BriefLine>,
    key_points: &[BriefLine],
    bottom_max: usize,
    review: &Review,
) {
    let (auto, groups) = candidates(items, speakers, &used(bottom_line, key_points));
    let mut promoted = Vec::new();
    let mut kept_groups = Vec::new();
    for mut g in ordered(groups, &auto, review) {
        let mut kept = Vec::new();
        for mut s in std::mem::take(&mut g.statements) {
            let key = statement_key(&s.provenance);
            let edit = review.edits.get(&key).cloned().unwrap_or_default();
            if let Some(text) = edit.text.filter(|t| *t != s.text && !t.trim().is_empty()) {
                s.text = text.trim().to_string();
                s.edited = true;
            }
            if edit.promoted {
                promoted.push(promoted_line(&g.name, &s));
            } else if edit.keep.unwrap_or(auto.contains(&key)) {
                kept.push(s);
            }
        }
        if !kept.is_empty() {
            g.statements = kept;
            kept_groups.push(g);
        }
    }
    *speakers = kept_groups;
    if !promoted.is_empty() {
        let room = bottom_max.saturating_sub(promoted.len());
        bottom_line.truncate(room);
        promoted.append(bottom_line);
        *bottom_line = promoted;
    }
}

/// The keys the automatic selection picks (`auto_speakers`), and every statement of `items`
/// not among the `used` passages, grouped by speaker: the automatic choice's speakers first, in
/// its order.
fn candidates(
    items: &[Item],
    auto_speakers: &[SpeakerGroup],
    used: &[Provenance],
) -> (Vec<String>, Vec<SpeakerGroup>) {
    let auto: Vec<String> = auto_speakers
        .iter()
        .flat_map(|g| &g.statements)
        .map(|s| statement_key(&s.provenance))
        .collect();
    let mut groups = gather(items, used);
    let rank = |g: &SpeakerGroup| {
        auto_speakers
            .iter()
            .position(|a| a.name == g.name)
            .unwrap_or(usize::MAX)
    };
    groups.sort_by_key(|g| rank(g));
    (auto, groups)
}

/// Groups and their statements in the analyst's order: by the position of their first listed
/// statement; unlisted statements keep their place after the listed ones.
fn ordered(mut groups: Vec<SpeakerGroup>, auto: &[String], review: &Review) -> Vec<SpeakerGroup> {
    let pos = |s: &BriefStatement| {
        let key = statement_key(&s.provenance);
        let listed = review.order.iter().position(|k| *k == key);
        // Unlisted: automatic picks before the rest, then source order.
        (listed.unwrap_or(usize::MAX), !auto.contains(&key))
    };
    for g in &mut groups {
        g.statements.sort_by_key(|s| pos(s));
    }
    groups.sort_by_key(|g| g.statements.first().map_or(usize::MAX, |s| pos(s).0));
    groups
}

/// A promoted statement as a bottom-line sentence: `Name: “words”` (reported: `Name: words`).
fn promoted_line(speaker: &str, s: &BriefStatement) -> BriefLine {
    let text = match s.kind {
        StatementKind::DirectQuote => format!("{speaker}: “{}”", s.text),
        StatementKind::Reported => format!("{speaker}: {}", s.text),
    };
    let sources = if s.sources.is_empty() {
        vec![s.source]
    } else {
        s.sources.clone()
    };
    BriefLine {
        text,
        sources,
        provenance: vec![s.provenance.clone()],
    }
}

/// Settings for the automatic selection, which does not depend on them.
fn placeholder_settings() -> BriefSettings {
    BriefSettings {
        title: Some("review".into()),
        subtitle: None,
        author: None,
        date: NaiveDate::default(),
        marking: String::new(),
    }
}
