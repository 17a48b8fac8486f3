//! The composed brief: its settings, lines and statements traced to their sources, speakers,
//! the numbered sources, stories and their chronologies.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::article::{Provenance, StatementKind};

/// What the user chooses for a brief: everything compose needs besides the articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefSettings {
    /// Title; derived from the articles when `None`.
    pub title: Option<String>,
    /// Subtitle line under the title.
    pub subtitle: Option<String>,
    /// Author or unit.
    pub author: Option<String>,
    /// The date printed on the brief.
    pub date: NaiveDate,
    /// Handling marking shown as a banner on every page.
    pub marking: String,
}

impl BriefSettings {
    /// Settings with nothing chosen but the `date`: title from the articles, no subtitle or
    /// author, marked OFFICIAL.
    pub fn dated(date: NaiveDate) -> BriefSettings {
        BriefSettings {
            title: None,
            subtitle: None,
            author: None,
            date,
            marking: "OFFICIAL".into(),
        }
    }
}

/// A line of the brief (bottom line or key point) with the sources it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefLine {
    /// The text as printed.
    pub text: String,
    /// Source numbers (1-based, into [`Brief::sources`]).
    pub sources: Vec<usize>,
    /// The passages it came from.
    pub provenance: Vec<Provenance>,
}

/// One statement as it appears in the brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefStatement {
    /// Direct quote or reported.
    pub kind: StatementKind,
    /// The words as printed.
    pub text: String,
    /// The speaker as written in the source.
    pub mention: Option<String>,
    /// Outlet that carried it.
    pub outlet: Option<String>,
    /// When it was said: the statement's own date where its sentence gives the day
    /// ([`Statement::date`](crate::model::Statement::date)), else the date of that article.
    pub date: Option<NaiveDate>,
    /// Source number (1-based) of the article it is quoted from.
    pub source: usize,
    /// Every source that carries the statement (near-identical words from the same speaker),
    /// `source` first.
    #[serde(default)]
    pub sources: Vec<usize>,
    /// Whether only one source carries it (to flag in a brief built from several sources).
    #[serde(default)]
    pub single_source: bool,
    /// Whether the analyst changed the wording.
    pub edited: bool,
    /// Where it came from.
    pub provenance: Provenance,
}

impl BriefStatement {
    /// Every source number carrying the statement, joined by commas ("1,2,3"); the quoted
    /// source alone when no list was recorded.
    pub fn refs(&self) -> String {
        if self.sources.is_empty() {
            return self.source.to_string();
        }
        let numbers: Vec<String> = self.sources.iter().map(usize::to_string).collect();
        numbers.join(",")
    }
}

/// Name of the group of statements whose speaker was not found.
pub const UNATTRIBUTED: &str = "Unattributed";

/// Statements of one speaker, direct quotes first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerGroup {
    /// Speaker's name ([`UNATTRIBUTED`] when none was found).
    pub name: String,
    /// Role, when known.
    pub role: Option<String>,
    /// The statements.
    pub statements: Vec<BriefStatement>,
}

/// A numbered source of the brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Number cited in the brief (1-based).
    pub number: usize,
    /// [`Article::id`](crate::model::Article::id).
    pub article_id: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Headline.
    pub title: String,
    /// Byline, when known.
    pub byline: Option<String>,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// File it was imported from.
    pub file_name: String,
    /// Web address, when the page named one.
    pub url: Option<String>,
}

/// The composed policy brief: what templates render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Date printed on the brief.
    pub date: NaiveDate,
    /// Author or unit.
    pub author: Option<String>,
    /// Handling marking (banner text).
    pub marking: String,
    /// Bottom line up front: 2–3 sentences.
    pub bottom_line: Vec<BriefLine>,
    /// Key points: 3–5 bullets.
    pub key_points: Vec<BriefLine>,
    /// Key statements grouped by speaker.
    pub speakers: Vec<SpeakerGroup>,
    /// The stories of the brief, heaviest first, each with its own bottom line, key points,
    /// statements and chronology (one story when grouping is off). `bottom_line`, `key_points`
    /// and `speakers` above are those of all the articles taken as one story.
    #[serde(default)]
    pub stories: Vec<BriefStory>,
    /// Numbered sources.
    pub sources: Vec<Source>,
}

/// A dated development in a story's chronology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChronologyEntry {
    /// When it happened (an article's publication date, or the day a statement gives).
    pub date: NaiveDate,
    /// What happened: the article's headline, or `Speaker: “words”`.
    pub text: String,
    /// Source numbers (1-based, into [`Brief::sources`]).
    pub sources: Vec<usize>,
    /// The passages it came from.
    pub provenance: Vec<Provenance>,
}

/// One story of the brief: the articles reporting one development, and what the brief says of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefStory {
    /// [`StoryGroup::id`](crate::model::StoryGroup::id).
    pub id: String,
    /// Short label (the analyst's name for it, or the most representative headline).
    pub label: String,
    /// Why its articles were grouped ([`StoryGroup::why`](crate::model::StoryGroup::why)).
    pub why: String,
    /// Source numbers of its articles, ascending.
    pub sources: Vec<usize>,
    /// Distinct outlets that carried it, in source order.
    pub outlets: Vec<String>,
    /// Earliest publication date of its articles.
    pub first_date: Option<NaiveDate>,
    /// Latest publication date of its articles.
    pub last_date: Option<NaiveDate>,
    /// Its bottom line (1–3 sentences).
    pub bottom_line: Vec<BriefLine>,
    /// Its key points.
    pub key_points: Vec<BriefLine>,
    /// Its key statements, by speaker.
    pub speakers: Vec<SpeakerGroup>,
    /// Its dated developments in time order; empty when fewer than two dates are known.
    pub chronology: Vec<ChronologyEntry>,
    /// Whether it is one of the lesser stories a long brief lists in a line each.
    #[serde(default)]
    pub minor: bool,
}
