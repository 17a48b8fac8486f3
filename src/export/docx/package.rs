//! The Word package (OPC): parts by name, the main document's relationships and the content
//! types, zipped in a fixed order with fixed timestamps so the same brief gives the same bytes.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;

use super::styles::HEAD;
use crate::error::RenderError;

const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Relationship types of the main document's parts.
pub const STYLES_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
pub const NUMBERING_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
pub const SETTINGS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
pub const FONT_TABLE_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
pub const HEADER_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
pub const FOOTER_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
pub const HYPERLINK_KIND: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/// Content types of the parts Word knows by name (`word/header2.xml` → header).
const PART_TYPES: [(&str, &str); 12] = [
    ("word/document.xml", "wordprocessingml.document.main+xml"),
    ("word/styles.xml", "wordprocessingml.styles+xml"),
    ("word/numbering.xml", "wordprocessingml.numbering+xml"),
    ("word/settings.xml", "wordprocessingml.settings+xml"),
    ("word/fontTable.xml", "wordprocessingml.fontTable+xml"),
    ("word/webSettings.xml", "wordprocessingml.webSettings+xml"),
    ("word/footnotes.xml", "wordprocessingml.footnotes+xml"),
    ("word/endnotes.xml", "wordprocessingml.endnotes+xml"),
    ("word/header", "wordprocessingml.header+xml"),
    ("word/footer", "wordprocessingml.footer+xml"),
    ("word/theme/", "theme+xml"),
    ("docProps/core.xml", "package.core-properties+xml"),
];

/// Content types by extension, for media a reference's headers may carry.
const DEFAULT_TYPES: [(&str, &str); 9] = [
    (
        "rels",
        "application/vnd.openxmlformats-package.relationships+xml",
    ),
    ("xml", "application/xml"),
    ("png", "image/png"),
    ("jpeg", "image/jpeg"),
    ("jpg", "image/jpeg"),
    ("gif", "image/gif"),
    ("emf", "image/x-emf"),
    ("wmf", "image/x-wmf"),
    ("svg", "image/svg+xml"),
];

/// A relationship of the main document.
#[derive(Debug, Clone, PartialEq)]
pub struct Rel {
    /// `rId…`.
    pub id: String,
    /// Relationship type URI.
    pub kind: String,
    /// Target, relative to `word/` (or a web address).
    pub target: String,
    /// A web address rather than a part.
    pub external: bool,
}

impl Rel {
    /// A hyperlink to `url`.
    pub fn external(id: String, url: &str) -> Rel {
        Rel {
            id,
            kind: HYPERLINK_KIND.into(),
            target: url.into(),
            external: true,
        }
    }
}

/// The parts being written.
#[derive(Debug, Default)]
pub struct Package {
    /// Part name → bytes (no `[Content_Types].xml`, package rels or document rels).
    pub parts: BTreeMap<String, Vec<u8>>,
    /// The main document's relationships.
    pub rels: Vec<Rel>,
    /// Content types a reference document declared, by part name.
    pub overrides: BTreeMap<String, String>,
    /// A reference document's section properties (page set-up, header/footer references).
    pub sect_pr: Option<String>,
}

impl Package {
    /// The text of part `name`, if present and UTF-8.
    pub fn part(&self, name: &str) -> Option<&str> {
        self.parts
            .get(name)
            .and_then(|b| std::str::from_utf8(b).ok())
    }

    /// Sets part `name`.
    pub fn put(&mut self, name: &str, xml: String) {
        self.parts.insert(name.to_string(), xml.into_bytes());
    }

    /// Sets part `name` unless a reference document brought one.
    pub fn put_if_missing(&mut self, name: &str, xml: String) {
        if !self.parts.contains_key(name) {
            self.put(name, xml);
        }
    }

    /// `prefix{n}suffix` for the first n from 1 that names no part.
    pub fn unused_name(&self, prefix: &str, suffix: &str) -> String {
        (1..)
            .map(|n| format!("{prefix}{n}{suffix}"))
            .find(|name| !self.parts.contains_key(name))
            .unwrap_or_default()
    }

    /// Adds a relationship of `kind` to `target`; returns its fresh id.
    pub fn add_rel(&mut self, kind: &str, target: &str) -> String {
        let id = (1..)
            .map(|n| format!("rIdBd{n}"))
            .find(|id| self.rels.iter().all(|r| &r.id != id))
            .unwrap_or_default();
        self.rels.push(Rel {
            id: id.clone(),
            kind: kind.into(),
            target: target.into(),
            external: false,
        });
        id
    }

    /// Adds a relationship of `kind` to `target` unless one of that kind exists.
    pub fn ensure_rel(&mut self, kind: &str, target: &str) {
        if !self.rels.iter().any(|r| r.kind == kind) {
            self.add_rel(kind, target);
        }
    }

    /// The .docx bytes: content types, package relationships, document relationships, parts.
    pub fn finish(self) -> Result<Vec<u8>, RenderError> {
        let zip_error = |e: &dyn std::fmt::Display| RenderError::Docx(e.to_string());
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let mut files: Vec<(String, Vec<u8>)> = vec![
            (
                "[Content_Types].xml".into(),
                self.content_types().into_bytes(),
            ),
            ("_rels/.rels".into(), package_rels().into_bytes()),
            (
                "word/_rels/document.xml.rels".into(),
                self.document_rels().into_bytes(),
            ),
        ];
        files.extend(self.parts);
        for (name, bytes) in files {
            zip.start_file(name, options).map_err(|e| zip_error(&e))?;
            zip.write_all(&bytes).map_err(|e| zip_error(&e))?;
        }
        let cursor = zip.finish().map_err(|e| zip_error(&e))?;
        Ok(cursor.into_inner())
    }

    fn content_types(&self) -> String {
        let mut out = format!(
            "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        );
        for (ext, kind) in DEFAULT_TYPES {
            out.push_str(&format!(
                "<Default Extension=\"{ext}\" ContentType=\"{kind}\"/>"
            ));
        }
        for name in self.parts.keys() {
            let known = PART_TYPES
                .iter()
                .find(|(prefix, _)| name.starts_with(prefix) && name.ends_with(".xml"))
                .map(|(_, t)| format!("application/vnd.openxmlformats-officedocument.{t}"));
            let declared = self.overrides.get(name.as_str()).cloned();
            // The main part is always a document, even from a template (.dotx) reference.
            let kind = match name == "word/document.xml" {
                true => known,
                false => declared.or(known),
            };
            if let Some(kind) = kind {
                out.push_str(&format!(
                    "<Override PartName=\"/{}\" ContentType=\"{}\"/>",
                    escape(name),
                    escape(&kind)
                ));
            }
        }
        out.push_str("</Types>");
        out
    }

    fn document_rels(&self) -> String {
        let mut out = format!("{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for r in &self.rels {
            let mode = if r.external {
                " TargetMode=\"External\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"{mode}/>",
                escape(&r.id),
                escape(&r.kind),
                escape(&r.target)
            ));
        }
        out.push_str("</Relationships>");
        out
    }
}

/// `_rels/.rels`: the main document and the core properties.
fn package_rels() -> String {
    format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}
