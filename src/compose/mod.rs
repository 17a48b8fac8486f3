//! Compose: the picked articles, their analyses and their stories in, a [`Brief`] out.
//!
//! Sources are numbered in the order the articles are given. Each story gets a section: the
//! bottom line takes its best key sentences (no near-duplicates, none mostly quotation), in
//! source order; key points take the next best; key statements are grouped by speaker, direct
//! quotes first; a chronology lists its dated developments. The more stories, the less each
//! section holds ([`story::budget`]), so a brief stays about two pages. The brief's top-level
//! bottom line, key points and statements are those of all the articles taken as one story.
//! Every line keeps the provenance of the passage it came from.

mod chronology;
mod review;
mod section;
mod select;
mod story;

use crate::clip::{clip, META_MAX_CHARS};
use crate::error::ComposeError;
use crate::model::{Analysis, Article, Brief, BriefLine, BriefSettings, Source, StoryGroup};

pub use review::{
    compose_reviewed, review_groups, review_groups_by_story, statement_key, Review, ReviewGroup,
    ReviewStatement, StatementEdit,
};
pub use section::UNATTRIBUTED;
pub use select::{dice, same_words, similarity, word_set};
pub use story::{budget, SECTIONS_MAX};

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

/// From this many articles on, the brief's sections are composed on two threads, and the
/// stories' sections on every core.
const PARALLEL_BATCH: usize = 64;

/// How much one section of the brief may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Fewest bottom-line sentences (where the articles have them).
    pub bottom_min: usize,
    /// Most bottom-line sentences.
    pub bottom_max: usize,
    /// Most key points.
    pub key_points: usize,
    /// Most speakers.
    pub speakers: usize,
    /// Most direct quotes, and most reported statements, per speaker.
    pub per_speaker: (usize, usize),
    /// Most statements in all.
    pub statements: usize,
}

/// The budget of a brief of one story: the two-page brief.
pub const FULL: Budget = Budget {
    bottom_min: 2,
    bottom_max: BOTTOM_LINE_MAX,
    key_points: KEY_POINTS_MAX,
    speakers: SPEAKERS_MAX,
    per_speaker: PER_SPEAKER_MAX,
    statements: STATEMENTS_MAX,
};

/// One picked article as compose sees it: its number among the brief's sources, the article and
/// its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// Source number (1-based).
    pub number: usize,
    /// The article.
    pub article: &'a Article,
    /// Its analysis.
    pub analysis: &'a Analysis,
}

/// `items` numbered as sources, in order.
pub fn numbered(items: &[(Article, Analysis)]) -> Vec<Item<'_>> {
    items
        .iter()
        .enumerate()
        .map(|(i, (article, analysis))| Item {
            number: i + 1,
            article,
            analysis,
        })
        .collect()
}

/// Builds the brief from `items` (article with its analysis, in source order) and `settings`,
/// all the articles taken as one story.
pub fn compose(
    items: &[(Article, Analysis)],
    settings: &BriefSettings,
) -> Result<Brief, ComposeError> {
    compose_stories(items, &crate::stories::one_story(items), settings)
}

/// Builds the brief from `items` (in source order), grouped into `stories` (heaviest first;
/// articles of no story are left out of the story sections but stay among the sources), and
/// `settings`. Without a title in `settings`, a brief of several stories is titled after the
/// heaviest, one of a single story after the article its bottom line opens with.
pub fn compose_stories(
    items: &[(Article, Analysis)],
    stories: &[StoryGroup],
    settings: &BriefSettings,
) -> Result<Brief, ComposeError> {
    compose_finding(items, settings, || stories.to_vec())
}

/// [`compose_stories`] with the stories still to be found by `find` (grouping, or one story):
/// for a large batch it runs while the whole batch's section is composed beside it.
pub fn compose_finding(
    items: &[(Article, Analysis)],
    settings: &BriefSettings,
    find: impl FnOnce() -> Vec<StoryGroup>,
) -> Result<Brief, ComposeError> {
    if items.is_empty() {
        return Err(ComposeError::NoArticles);
    }
    let all = numbered(items);
    // The whole batch's section does not depend on the stories: on a second thread for a large
    // batch (a thread costs more than the work of a few articles).
    let (whole, stories) = if items.len() >= PARALLEL_BATCH {
        std::thread::scope(|s| {
            let whole = s.spawn(|| section::section(&all, &FULL));
            let stories = story::stories(&all, &find());
            (
                whole.join().expect("the section thread never panics"),
                stories,
            )
        })
    } else {
        (section::section(&all, &FULL), story::stories(&all, &find()))
    };
    let title = settings
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| match stories.as_slice() {
            [top, _, ..] => top.label.clone(),
            _ => default_title(items, &whole.bottom_line),
        });
    let meta = |s: &str| clip(s, META_MAX_CHARS).into_owned();
    let given = |s: &Option<String>| s.as_deref().filter(|s| !s.trim().is_empty()).map(meta);
    Ok(Brief {
        title: meta(&title),
        subtitle: given(&settings.subtitle),
        date: settings.date,
        author: given(&settings.author),
        marking: meta(settings.marking.trim()).to_uppercase(),
        stories,
        bottom_line: whole.bottom_line,
        key_points: whole.key_points,
        speakers: whole.speakers,
        sources: sources(items),
    })
}

/// The numbered sources of the brief.
fn sources(items: &[(Article, Analysis)]) -> Vec<Source> {
    items
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
        .collect()
}

/// The bottom line alone, exactly `n` sentences where the articles have that many.
pub fn bottom_line(items: &[(Article, Analysis)], n: usize) -> Vec<BriefLine> {
    select::lines(&numbered(items), n, n, 0).0
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
