//! BriefDesk core: ingest → analyze → compose → render, each a pure function of the one before.
//!
//! ```text
//! bytes ─ingest─▶ Article ─analyze─▶ Analysis ─stories─▶ StoryGroups ─compose─▶ Brief ─render─▶ PDF bytes
//! ```
//! No stage reads files or the clock: the CLI and the desktop shell do the I/O.

pub mod analyze;
pub mod clip;
pub mod compose;
pub mod dump;
pub mod error;
pub mod eval;
pub mod export;
pub mod files;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod parallel;
pub mod pattern;
pub mod print;
pub mod project;
pub mod render;
pub mod scan;
pub mod stories;

pub use error::{ComposeError, Error, IngestError, IngestErrorKind, RenderError};
pub use model::*;
