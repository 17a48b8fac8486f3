//! Word documents (DOCX): paragraphs, headings and tables of `word/document.xml`, and the core
//! properties (title, creator, created) of `docProps/core.xml`.
//!
//! The title is the first paragraph styled `Title` or `Heading 1`, else the core properties'
//! title unless it is a file name or a template default. Headings below it stay in the body as
//! their own paragraphs. A table row becomes one paragraph with its cells joined by ` | `.
//! Deleted revisions (`w:delText`), field codes and footnotes are not text.

use super::container::{damaged, Zip};
use super::xml::{self, attr, Node};
use super::Parsed;
use crate::error::IngestErrorKind;

/// Reads a DOCX file (an archive already opened by the caller).
pub fn parse(zip: &mut Zip) -> Result<Parsed, IngestErrorKind> {
    let body = zip
        .read_text("DOCX", "word/document.xml")?
        .ok_or_else(|| damaged("DOCX", "word/document.xml is missing"))?;
    let mut out = body_of(&body)?;
    if let Some(core) = zip.read_text("DOCX", "docProps/core.xml")? {
        // Core properties are weaker than what the text says: they hold the author of the
        // file, which may be the analyst who pasted the article.
        let props = xml::dublin_core("DOCX", &core)?;
        // The visible headline beats a title property left over from a template.
        if out.title.is_none() {
            out.title = props.title.filter(|t| !looks_like_file_name(t));
        }
        out.fallback = Some(Box::new(Parsed {
            byline: props.byline,
            published: props.published,
            language: props.language,
            ..Parsed::default()
        }));
    }
    Ok(out)
}

/// Whether a document title is a file name or a template's default ("Document1", "x.docx").
pub fn looks_like_file_name(t: &str) -> bool {
    let lower = t.trim().to_ascii_lowercase();
    lower.is_empty()
        || [".doc", ".docx", ".pdf", ".htm", ".html", ".txt", ".rtf"]
            .iter()
            .any(|e| lower.ends_with(e))
        || lower.starts_with("microsoft word - ")
        || lower.trim_end_matches(|c: char| c.is_ascii_digit()) == "document"
        || lower == "untitled"
}

/// Where the walk is.
#[derive(Default)]
struct State {
    out: Parsed,
    para: String,
    style: String,
    in_text: bool,
    table_depth: usize,
    cell: String,
    row: Vec<String>,
}

impl State {
    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.para);
        let style = std::mem::take(&mut self.style).to_ascii_lowercase();
        if self.table_depth > 0 {
            if !self.cell.is_empty() {
                self.cell.push(' ');
            }
            self.cell.push_str(text.trim());
            return;
        }
        if text.trim().is_empty() {
            return;
        }
        let headline = style == "title" || style == "heading1" || style == "heading 1";
        if headline && self.out.title.is_none() && self.out.paragraphs.is_empty() {
            self.out.title = Some(text);
        } else {
            self.out.paragraphs.push(text);
        }
    }

    fn end_row(&mut self) {
        let cells: Vec<String> = std::mem::take(&mut self.row)
            .into_iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if !cells.is_empty() {
            self.out.paragraphs.push(cells.join(" | "));
        }
    }
}

/// The paragraphs and headline of `word/document.xml`.
fn body_of(xml_text: &str) -> Result<Parsed, IngestErrorKind> {
    let mut s = State::default();
    xml::walk("DOCX", xml_text, |node| match node {
        Node::Open { name, attrs } => match name {
            "t" => s.in_text = true,
            "tab" if !s.in_text => s.para.push('\t'),
            "br" | "cr" => s.para.push(' '),
            "pStyle" => s.style = attr(&attrs, "val").unwrap_or("").to_string(),
            "tbl" => s.table_depth += 1,
            "tr" if s.table_depth == 1 => s.row.clear(),
            "tc" if s.table_depth == 1 => s.cell.clear(),
            _ => {}
        },
        Node::Text(t) if s.in_text => s.para.push_str(t),
        Node::Text(_) => {}
        Node::Close { name } => match name {
            "t" => s.in_text = false,
            "p" => s.end_paragraph(),
            "tc" if s.table_depth == 1 => {
                let cell = std::mem::take(&mut s.cell);
                s.row.push(cell);
            }
            "tr" if s.table_depth == 1 => s.end_row(),
            "tbl" => s.table_depth = s.table_depth.saturating_sub(1),
            _ => {}
        },
    })?;
    Ok(s.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<w:document><w:body>
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Envoys meet</w:t></w:r><w:r><w:t xml:space="preserve"> in Doha</w:t></w:r></w:p>
        <w:p><w:r><w:t>DOHA: Talks began.</w:t></w:r><w:del><w:r><w:delText>Gone</w:delText></w:r></w:del></w:p>
        <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Background</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Country</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Envoy</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Qatar</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A. Thani</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t>Last</w:t><w:tab/><w:t>line.</w:t></w:r></w:p>
        </w:body></w:document>"#;

    #[test]
    fn paragraphs_headings_tables() {
        let p = body_of(DOC).unwrap();
        assert_eq!(p.title.as_deref(), Some("Envoys meet in Doha"));
        assert_eq!(
            p.paragraphs,
            vec![
                "DOHA: Talks began.",
                "Background",
                "Country | Envoy",
                "Qatar | A. Thani",
                "Last\tline."
            ]
        );
    }

    #[test]
    fn file_name_titles() {
        assert!(looks_like_file_name("Document1"));
        assert!(looks_like_file_name("Microsoft Word - talks.docx"));
        assert!(!looks_like_file_name("Envoys meet in Doha"));
    }
}
