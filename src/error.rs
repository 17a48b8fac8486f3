//! Typed errors of the library: one per stage, each naming what went wrong and where.

use thiserror::Error;

/// Why a file could not be imported. Displayed as `<file>: <reason>`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {kind}")]
pub struct IngestError {
    /// The file name as the user gave it.
    pub file: String,
    /// The reason.
    pub kind: IngestErrorKind,
}

/// The reasons an import can fail.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IngestErrorKind {
    /// Zero bytes, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// Not text: the detail says what it looks like.
    #[error("not a text document ({0})")]
    Binary(String),
    /// Larger than the import limit.
    #[error("the file is {}, over the import limit of {}", megabytes(*size), megabytes(*limit))]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Readable, but no article body could be found in it.
    #[error("no article text found")]
    NoText,
    /// A format BriefDesk cannot read (yet), or a password-protected file.
    #[error("unsupported format: {0}")]
    Unsupported(String),
    /// Over one of the reading limits (unpacked size, entries, pages, nesting, articles per
    /// file, time): `what` says what the file does, `limit` names the limit, e.g. "the PDF has
    /// 2,001 pages, over the limit of 2,000 pages per PDF".
    #[error("{what}, over the limit of {limit}")]
    Limit {
        /// What the file does ("the PDF has 2,001 pages").
        what: String,
        /// The limit it went over ("2,000 pages per PDF").
        limit: String,
    },
    /// Truncated or broken: the detail names the format and what its parser said.
    #[error("the file is damaged: {0}")]
    Damaged(String),
    /// The file could not be read from disk.
    #[error("cannot read the file: {0}")]
    Io(String),
}

/// A byte count as megabytes for messages ("50.0 MB").
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl IngestError {
    /// An error for `file` with reason `kind`.
    pub fn new(file: impl Into<String>, kind: IngestErrorKind) -> Self {
        IngestError {
            file: file.into(),
            kind,
        }
    }
}

/// Why a brief could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RenderError {
    /// The template is missing, does not parse or fails to render.
    #[error("template {name}: {message}")]
    Template {
        /// Template name or file.
        name: String,
        /// What Tera said.
        message: String,
    },
    /// The template produced markup the typesetter does not accept, written at `line` of
    /// template file `name` (the file of the block or include it came from).
    #[error("template {name}, line {line}: {message}")]
    Markup {
        /// The template file: the user's path, or `policy-brief.html (built-in)`.
        name: String,
        /// 1-based line in that file.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The template produced markup the typesetter does not accept and the template line
    /// could not be traced (a filter changed the text): the line is of the rendered markup.
    #[error(
        "template {name}: {message} (at line {line} of the markup it produced; the template \
         line could not be traced)"
    )]
    MarkupOutput {
        /// The template file rendered.
        name: String,
        /// 1-based line of the rendered markup.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A font could not be parsed, shaped or subset.
    #[error("font {0}")]
    Font(String),
    /// The PDF could not be written.
    #[error("PDF: {0}")]
    Pdf(String),
    /// The Word document could not be written, or the reference document given for its
    /// styles cannot be used.
    #[error("Word: {0}")]
    Docx(String),
}

/// Why a brief could not be composed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ComposeError {
    /// No article was given.
    #[error("no articles to brief")]
    NoArticles,
}

/// Any library error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// Import failed.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Compose failed.
    #[error(transparent)]
    Compose(#[from] ComposeError),
    /// Render failed.
    #[error(transparent)]
    Render(#[from] RenderError),
}
