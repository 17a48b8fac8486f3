//! Articles and what the analysis finds in them: text with its paragraphs and provenance,
//! sentences, statements with their speakers, entities, key sentences, and stories.

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
    /// Where the dateline prefix sits in `text` ("ISLAMABAD (Reuters) - ", "(CNN)"), opening the
    /// first paragraph or the second after a standfirst: that paragraph's sentences start after it.
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
