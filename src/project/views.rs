//! What a session hands the app and takes from it: articles as the library lists them, what an
//! import did, and a change to one statement.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::SourceFormat;

/// An article as the library list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Words in the body.
    pub words: usize,
    /// Language code.
    pub language: Option<String>,
    /// Format it was read as.
    pub format: SourceFormat,
    /// File it came from.
    pub file_name: String,
    /// Whether it goes in the brief.
    pub picked: bool,
    /// Statements found in it.
    pub statements: usize,
    /// Disagreeing date sources, for a flag.
    pub date_conflicts: Vec<String>,
    /// Id of an earlier article in the library with the same story, when there is one.
    pub duplicate_of: Option<String>,
}

/// What an import did: articles added, files refused with their reason, files already there.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    /// Articles added to the library.
    pub added: Vec<ArticleView>,
    /// Files that could not be imported.
    pub failed: Vec<Refused>,
    /// Files whose article is already in the library.
    pub duplicates: Vec<Duplicate>,
}

/// A file that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// The file as the user gave it.
    pub file: String,
    /// The reason, in words.
    pub reason: String,
}

/// A file whose article the library already holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The file.
    pub file: String,
    /// Title of the article already there.
    pub title: String,
}

/// A change to one statement; absent fields are left as they are, `text: null` restores the
/// source's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct StatementChange {
    /// Keep in or drop from the brief.
    #[serde(default)]
    pub keep: Option<bool>,
    /// New wording (`Some(None)`: back to the source's words).
    #[serde(default, deserialize_with = "present")]
    pub text: Option<Option<String>>,
    /// Move into or out of the bottom line.
    #[serde(default)]
    pub promoted: Option<bool>,
}

/// A field that is present (even as `null`) becomes `Some`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}
