//! Errors as they cross to the UI: `{code, message}`, an [`ErrorCode`] and a sentence to show.

use serde::Serialize;

use briefdesk::print::PrintError;
use briefdesk::project::{ProjectError, SessionError};
use briefdesk::{ComposeError, RenderError};

/// Declares [`ErrorCode`] with its list [`ErrorCode::ALL`], each code's string and its doc, from
/// one list, so none can be left out of the list the UI is generated from.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
        /// The stable code of a failed command, which the UI branches on; serialised as the
        /// snake_case string ([`ErrorCode::as_str`]). `ui/js/codes.js` is generated from it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code as it crosses to the UI: `"no_articles"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)+
                }
            }

            /// What the code means: its doc comment, on one line.
            pub fn doc(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => concat!($($doc),+).trim_ascii(),)+
                }
            }
        }
    };
}

error_codes! {
    /// No article is ticked, so there is no brief to preview, review, export or print.
    NoArticles = "no_articles",
    /// The article, statement, story or recent project the page named is not there (any more).
    NotFound = "not_found",
    /// A project file could not be read as a project, or is too large or not a regular file.
    Project = "project",
    /// The brief could not be rendered: a template or markup error, named with its file and line.
    Render = "render",
    /// The print service refused or failed the job.
    Print = "print",
    /// No printer is set up on this computer.
    NoPrinter = "no_printer",
    /// A file could not be read or written; the message names it.
    Io = "io",
    /// An import stopped before it finished (its worker failed).
    Import = "import",
    /// Page only (`ui/js/backend.js`): the page runs outside the app, with no backend to call.
    NoBackend = "no_backend",
    /// Page only (`ui/js/backend.js`): a command failed without a `{code, message}` (a bug).
    Internal = "internal",
}

/// A failed command: a stable code the UI can branch on and a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppError {
    /// What kind of failure, for the page to branch on.
    pub code: ErrorCode,
    /// What went wrong, in words.
    pub message: String,
}

impl AppError {
    /// An error with `code` and `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
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
            SessionError::NotFound(_) => AppError::new(ErrorCode::NotFound, e.to_string()),
        }
    }
}

impl From<ComposeError> for AppError {
    fn from(e: ComposeError) -> Self {
        match e {
            ComposeError::NoArticles => AppError::new(
                ErrorCode::NoArticles,
                "No article is ticked: tick at least one article in the library.",
            ),
        }
    }
}

impl From<RenderError> for AppError {
    fn from(e: RenderError) -> Self {
        AppError::new(ErrorCode::Render, e.to_string())
    }
}

impl From<ProjectError> for AppError {
    fn from(e: ProjectError) -> Self {
        AppError::new(ErrorCode::Project, e.to_string())
    }
}

impl From<PrintError> for AppError {
    fn from(e: PrintError) -> Self {
        match e {
            PrintError::NoPrinter => AppError::new(ErrorCode::NoPrinter, e.to_string()),
            _ => AppError::new(ErrorCode::Print, e.to_string()),
        }
    }
}

/// A file-system error about `path`.
pub fn io(path: &std::path::Path, e: std::io::Error) -> AppError {
    AppError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
}

/// The text of `ui/js/codes.js`: every [`ErrorCode`] as a constant of `Code`, with its doc.
pub fn codes_js() -> String {
    let mut out = String::from(
        "// The codes of the {code, message} a failed command rejects with. Generated from ErrorCode\n\
         // in src-tauri/src/error.rs: do not edit. Regenerate with\n\
         // BRIEFDESK_BLESS=1 cargo test -p briefdesk-desktop codes_js\n\
         export const Code = Object.freeze({\n",
    );
    for code in ErrorCode::ALL {
        let name = code.as_str();
        out.push_str(&format!(
            "  /** {} */\n  {}: '{name}',\n",
            code.doc(),
            name.to_ascii_uppercase()
        ));
    }
    out.push_str("});\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_strings_and_errors_as_code_and_message() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
            assert!(!code.doc().is_empty(), "{code:?} is documented");
        }
        let e = serde_json::to_value(AppError::new(ErrorCode::NoPrinter, "none")).unwrap();
        assert_eq!(
            e,
            serde_json::json!({"code": "no_printer", "message": "none"})
        );
    }

    /// The UI's list of codes is the enum's: `ui/js/codes.js` is regenerated with
    /// `BRIEFDESK_BLESS=1`.
    #[test]
    fn codes_js_is_in_sync_with_the_enum() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/js/codes.js");
        let expected = codes_js();
        if std::env::var_os("BRIEFDESK_BLESS").is_some() {
            std::fs::write(&path, &expected).unwrap();
            return;
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} differs from ErrorCode in src-tauri/src/error.rs; regenerate it: \
             BRIEFDESK_BLESS=1 cargo test -p briefdesk-desktop codes_js",
            path.display()
        );
    }
}
