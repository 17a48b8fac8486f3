//! The central data types every stage passes on: articles, analyses, statements and the brief.
//!
//! They derive serde so the CLI's JSON, the desktop UI, saved projects and templates all see the
//! same shapes. Byte offsets always point into [`Article::text`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A saved web page.
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (DOCX).
    Docx,
    /// An e-mail message (`.eml`, or one message of an `.mbox`).
    Email,
    /// An EPUB e-book or saved article.
    Epub,
    /// A Rich Text Format document.
    Rtf,
    /// A single-file saved web page (MHTML, `.mht`).
    Mhtml,
}

/// One paragraph of an article's body, as a byte range of [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Position of the paragraph in the article, from 0.
    pub index: usize,
    /// Where the paragraph's text sits in the article text.
    pub span: Span,
}

/// An imported news article: clean body text plus the metadata found for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the file's bytes (same bytes, same id).
    pub id: String,
    /// The file name it was imported from (no directories).
    pub file_name: String,
    /// The format it was read as.
    pub format: SourceFormat,
    /// Headline.
    pub title: String,
    /// Publication or site name, when known.
    pub outlet: Option<String>,
    /// Author(s) as printed, without a leading "By".
    pub byline: Option<String>,
    /// Publication date (never the modified date).
    pub published: Option<NaiveDate>,
    /// Dateline place in capitals, e.g. `ISLAMABAD`, when the text opens with one.
    pub dateline: Option<String>,
    /// Where the dateline prefix opening the first paragraph sits in `text` ("ISLAMABAD
    /// (Reuters) - ", "(CNN)"): sentences, titles and the lede start after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline_span: Option<Span>,
    /// ISO 639-1 language code, when detected reliably.
    pub language: Option<String>,
    /// Canonical URL, when the page names one.
    pub url: Option<String>,
    /// The body text, paragraphs separated by a blank line.
    pub text: String,
    /// The paragraphs of `text`.
    pub paragraphs: Vec<Paragraph>,
    /// Where the sources of the date disagree with `published` (URL, text), one line each, for
    /// the UI to flag; empty when they agree.
    #[serde(default)]
    pub date_conflicts: Vec<String>,
}

impl Article {
    /// The text of a span of this article (empty when the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The text of paragraph `index` (empty when there is none).
    pub fn paragraph_text(&self, index: usize) -> &str {
        self.paragraphs
            .get(index)
            .map(|p| self.slice(p.span))
            .unwrap_or("")
    }

    /// Number of words in the body.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Where a statement or a brief line came from: article, paragraph and byte span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// [`Article::id`] of the source article.
    pub article_id: String,
    /// Paragraph index in that article.
    pub paragraph: usize,
    /// Byte span in the article text.
    pub span: Span,
}

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Paragraph it belongs to.
    pub paragraph: usize,
    /// Its bytes in the article text.
    pub span: Span,
    /// Its text (whitespace as in the article).
    pub text: String,
    /// A piece of a run of text too long to be a sentence (no punctuation for thousands of
    /// characters), cut at [`crate::analyze::sentences::SENTENCE_MAX`]: analysed for names, never
    /// a key sentence or a reported statement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
}

/// Whether a statement is quoted word for word or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// Words inside quotation marks.
    DirectQuote,
    /// `X said (that) …`, `according to X, …`: the speaker's point in the writer's words.
    Reported,
}

/// A person (or body) that speaks in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Full name as first introduced, e.g. `Marco Rubio`.
    pub name: String,
    /// Role or title given in the text, e.g. `Secretary of State`.
    pub role: Option<String>,
}

/// Something a speaker said, found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Direct quote or reported speech.
    pub kind: StatementKind,
    /// The words, without the outer quotation marks; a quote split around its cue is joined.
    pub text: String,
    /// The resolved speaker, when one was found.
    pub speaker: Option<Speaker>,
    /// The speaker as written next to the statement ("he", "the Secretary", "Rubio").
    pub mention: Option<String>,
    /// The attribution verb ("said", "added", "according to").
    pub cue: Option<String>,
    /// When it was said, where its sentence gives the day ("said on Saturday", "On Monday, X
    /// said"), resolved against the publication date; `None` when the sentence does not say or
    /// the article has no publication date.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Where the statement sits in its article.
    pub provenance: Provenance,
}

/// Kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A country (also found through its demonym, "Pakistani").
    Country,
    /// An organisation, agency or party.
    Organisation,
}

/// A named entity and how often the article mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name ("Pakistan", "Marco Rubio").
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Number of mentions.
    pub mentions: usize,
}

/// A sentence chosen for the bottom line, with its rank score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeySentence {
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
    /// Score in `[0, 1]`; higher is more central.
    pub score: f64,
}

/// Everything the analysis found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// [`Article::id`] of the analysed article.
    pub article_id: String,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Statements in text order.
    pub statements: Vec<Statement>,
    /// Key sentences, best first.
    pub key_sentences: Vec<KeySentence>,
    /// Entities, most mentioned first.
    pub entities: Vec<Entity>,
}

/// A story: the picked articles that report the same specific event or development.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryGroup {
    /// Stable id (from the first article's id) that the analyst's choices refer to.
    pub id: String,
    /// Short label: the most representative headline, trimmed; the analyst may rename it.
    pub label: String,
    /// [`Article::id`]s of its articles, in source order.
    pub article_ids: Vec<String>,
    /// Why the articles were grouped, for the user ("grouped: Comey, FBI, e-mails; 1 day
    /// apart"); empty for a story of one article.
    #[serde(default)]
    pub why: String,
}

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
    /// ([`Statement::date`]), else the date of that article.
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

/// Statements of one speaker, direct quotes first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerGroup {
    /// Speaker's name ("Unattributed" when none was found).
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
    /// [`Article::id`].
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
    /// [`StoryGroup::id`].
    pub id: String,
    /// Short label (the analyst's name for it, or the most representative headline).
    pub label: String,
    /// Why its articles were grouped ([`StoryGroup::why`]).
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
