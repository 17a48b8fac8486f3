//! Ingest: file bytes plus a name in, an [`Article`] out (format detection, decoding, metadata).

use crate::error::IngestError;
use crate::model::Article;

/// Reads one file's bytes as an article. `name` is the file name shown in errors.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let _ = bytes;
    Err(IngestError::new(
        name,
        crate::IngestErrorKind::Unsupported("not yet".into()),
    ))
}
