//! Errors as they cross to the UI: `{code, message}`, the message ready to show.

use serde::Serialize;

use briefdesk::print::PrintError;
use briefdesk::project::{ProjectError, SessionError};
use briefdesk::{ComposeError, RenderError};

/// A failed command: a stable code the UI can branch on and a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppError {
    /// `no_articles`, `not_found`, `project`, `render`, `print`, `no_printer`, `io`, `busy`.
    pub code: &'static str,
    /// What went wrong, in words.
    pub message: String,
}

impl AppError {
    /// An error with `code` and `message`.
    pub fn new(code: &'static str, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }
}

/// Result of a command.
pub type AppResult<T> = Result<T, AppError>;

impl From<SessionError> for AppError {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::Compose(c) => c.into(),
            SessionError::NotFound(_) => AppError::new("not_found", e.to_string()),
        }
    }
}

impl From<ComposeError> for AppError {
    fn from(e: ComposeError) -> Self {
        match e {
            ComposeError::NoArticles => AppError::new(
                "no_articles",
                "No article is ticked: tick at least one article in the library.",
            ),
        }
    }
}

impl From<RenderError> for AppError {
    fn from(e: RenderError) -> Self {
        AppError::new("render", e.to_string())
    }
}

impl From<ProjectError> for AppError {
    fn from(e: ProjectError) -> Self {
        AppError::new("project", e.to_string())
    }
}

impl From<PrintError> for AppError {
    fn from(e: PrintError) -> Self {
        match e {
            PrintError::NoPrinter => AppError::new("no_printer", e.to_string()),
            _ => AppError::new("print", e.to_string()),
        }
    }
}

/// A file-system error about `path`.
pub fn io(path: &std::path::Path, e: std::io::Error) -> AppError {
    AppError::new("io", format!("{}: {e}", path.display()))
}
