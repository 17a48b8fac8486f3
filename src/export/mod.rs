//! Export: one brief, four formats — PDF (typeset), Word, Markdown and plain text — all written
//! from the same blocks the template sets ([`crate::render::document`]), never converted from
//! the PDF, so every format holds the same sections, statements, edits and sources.
//!
//! ```text
//! Brief ─template─▶ Document (blocks) ─┬─typeset─▶ PDF bytes
//!                                      ├─docx────▶ Word bytes (optionally in a reference's styles)
//!                                      └─plain───▶ Markdown / text bytes
//! ```

mod docx;
mod plain;

use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::RenderError;
use crate::model::Brief;
use crate::render::{self, RenderOptions, Templates};

/// An output format of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The typeset, print-ready PDF.
    Pdf,
    /// A Word document in named styles, for the next person to edit.
    Docx,
    /// Markdown, for chat and wikis.
    Markdown,
    /// Plain text, for e-mail.
    Text,
}

impl Format {
    /// Every format, PDF first.
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Docx, Format::Markdown, Format::Text];

    /// The file extension written (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    /// The name shown to users ("Word document").
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "Word document",
            Format::Markdown => "Markdown",
            Format::Text => "Plain text",
        }
    }

    /// The format a file name's extension asks for (`brief.docx` → Word), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// A format name that is none of pdf, docx, md, txt.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown format \"{0}\" (expected pdf, docx, md or txt)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "docx" | "word" => Ok(Format::Docx),
            "md" | "markdown" => Ok(Format::Markdown),
            "txt" | "text" => Ok(Format::Text),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// How to export a brief.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions<'a> {
    /// Template and paper.
    pub render: &'a RenderOptions,
    /// The format to write.
    pub format: Format,
    /// A Word document whose styles, page set-up, headers and footers a Word export takes
    /// (like pandoc's `--reference-doc`); ignored by the other formats.
    pub reference_docx: Option<&'a [u8]>,
}

/// An exported brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Pages, for the PDF (the other formats are paged by whoever opens them).
    pub pages: Option<usize>,
    /// What the user should be told, one message each (print as `warning: {message}`).
    pub warnings: Vec<String>,
}

/// Writes `brief` in `opts.format`: returns the file's bytes; the caller writes the file.
pub fn export(
    brief: &Brief,
    templates: &Templates,
    opts: &ExportOptions,
) -> Result<Exported, RenderError> {
    if opts.format == Format::Pdf {
        let r = render::render(brief, templates, opts.render)?;
        return Ok(Exported {
            bytes: r.pdf,
            pages: Some(r.pages),
            warnings: r.warnings,
        });
    }
    let doc = render::document(brief, templates, opts.render)?;
    let bytes = match opts.format {
        Format::Docx => docx::write(brief, &doc, opts.reference_docx)?,
        Format::Markdown => plain::write(brief, &doc, plain::Flavour::Markdown).into_bytes(),
        _ => plain::write(brief, &doc, plain::Flavour::Text).into_bytes(),
    };
    Ok(Exported {
        bytes,
        pages: None,
        warnings: doc.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_extensions_and_names() {
        assert_eq!(Format::from_path(Path::new("a/b.DOCX")), Some(Format::Docx));
        assert_eq!(Format::from_path(Path::new("b.md")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("b.txt")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("b.pdf")), Some(Format::Pdf));
        assert_eq!(Format::from_path(Path::new("b.odt")), None);
        assert_eq!(Format::from_path(Path::new("brief")), None);
        assert_eq!("Word".parse::<Format>().unwrap(), Format::Docx);
        assert!("odt".parse::<Format>().is_err());
        for f in Format::ALL {
            assert_eq!(f.extension().parse::<Format>().unwrap(), f);
        }
    }
}
