//! PDF articles through `lopdf` (already built for the renderer, so no new crate): the text layer
//! page by page ([`super::pdftext`]), read like a plain-text article, and the info dictionary and
//! XMP metadata.
//!
//! Text comes in content-stream order, which is reading order for PDFs that write one column after
//! the other (nearly all); a PDF whose content stream interleaves the lines of two columns comes
//! out interleaved. Lines broken with a hyphen are joined, lone page numbers dropped. Refused:
//! password-protected files, more pages than [`MAX_PAGES`], pages whose content unpacks beyond
//! the decompressed-size limit, files that take longer than the time limit, and PDFs without a
//! text layer (scans), which need OCR first.

use chrono::NaiveDate;
use lopdf::Document;

use super::container::{
    damaged, ends_with_marker, over_limit, thousands, truncated, Clock, Deadline, MAX_PAGES,
    MAX_UNPACKED_BYTES,
};
use super::{dates, docx, pdftext, text, xml, Parsed};
use crate::error::IngestErrorKind;

/// Why a PDF without a text layer is refused.
pub const NO_TEXT_LAYER: &str = "no text layer — run OCR first";

/// Reads a PDF file's bytes, within the time limit on `clock`.
pub fn parse(bytes: &[u8], clock: &dyn Clock) -> Result<Parsed, IngestErrorKind> {
    let deadline = Deadline::start(clock);
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_UNPACKED_BYTES as usize),
        ..lopdf::LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword) => return Err(protected()),
        // A PDF ends with `%%EOF` (a few bytes of padding may follow): without it, cut short.
        Err(e) if !ends_with_marker(bytes, b"%%EOF", 1024) => return Err(truncated("PDF", e)),
        Err(e) => return Err(damaged("PDF", e)),
    };
    if doc.is_encrypted() {
        return Err(protected());
    }
    deadline.check()?;
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(over_limit(
            format!("the PDF has {} pages", thousands(pages.len())),
            format!("{} pages per PDF", thousands(MAX_PAGES)),
        ));
    }
    let mut lines: Vec<String> = Vec::new();
    for &page in pages.values() {
        deadline.check()?;
        let mut page_text = pdftext::page_lines(&doc, page)?;
        // Running heads and page numbers: a lone number line goes.
        page_text.retain(|l| !is_page_number(l));
        join_hyphenated(page_text, &mut lines);
        // A page break ends a paragraph only where the text ends a sentence.
        if lines
            .last()
            .is_some_and(|l| l.ends_with(['.', '!', '?', '”', '"']))
        {
            lines.push(String::new());
        }
    }
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(IngestErrorKind::Binary(format!(
            "a PDF with {} page(s) but {NO_TEXT_LAYER}",
            pages.len()
        )));
    }
    let body = lines.join("\n");
    let mut out = text::parse(&body);
    let info = metadata(&doc);
    if out.title.is_none() {
        out.title = info.title.clone();
    }
    out.fallback = Some(Box::new(info));
    Ok(out)
}

fn protected() -> IngestErrorKind {
    IngestErrorKind::Unsupported(
        "the PDF is password-protected (encrypted): save an unprotected copy".into(),
    )
}

/// Appends lines, joining a word broken with a hyphen at a line end ("negoti-" + "ations").
fn join_hyphenated(page: Vec<String>, lines: &mut Vec<String>) {
    for line in page {
        if let Some(prev) = lines.last_mut() {
            let hyphen = prev.ends_with('-')
                && prev[..prev.len() - 1].ends_with(char::is_alphabetic)
                && line.starts_with(char::is_lowercase);
            if hyphen {
                prev.pop();
                prev.push_str(&line);
                continue;
            }
        }
        lines.push(line);
    }
}

fn is_page_number(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    let l = l.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let l = l.strip_prefix("page").unwrap_or(l).trim();
    let first = l.split(" of ").next().unwrap_or(l);
    !l.is_empty()
        && first.len() <= 4
        && first.chars().all(|c| c.is_ascii_digit())
        && l.split(" of ")
            .all(|p| p.trim().chars().all(|c| c.is_ascii_digit()))
}

/// Title, author, creation date and language from the info dictionary, then XMP for what it
/// lacks. Titles that are file names ("Microsoft Word - x.docx") are ignored.
fn metadata(doc: &Document) -> Parsed {
    let mut out = Parsed::default();
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    if let Some(info) = info {
        let field = |key: &[u8]| {
            info.get(key)
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        out.title = field(b"Title").filter(|t| !docx::looks_like_file_name(t));
        out.byline = field(b"Author");
        out.published = field(b"CreationDate").and_then(|d| pdf_date(&d));
    }
    if let Some(xmp) = xmp(doc).and_then(|x| xml::dublin_core("PDF", &x).ok()) {
        out.title = out
            .title
            .or(xmp.title.filter(|t| !docx::looks_like_file_name(t)));
        out.byline = out.byline.or(xmp.byline);
        out.published = out.published.or(xmp.published);
        out.language = xmp.language;
    }
    out
}

/// The XMP packet of the document catalog, when there is one.
fn xmp(doc: &Document) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let (_, obj) = doc.dereference(catalog.get(b"Metadata").ok()?).ok()?;
    let stream = obj.as_stream().ok()?;
    let bytes = stream
        .decompressed_content_with_limit(1 << 20)
        .unwrap_or_else(|_| stream.content.clone());
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// A PDF date (`D:20261126093000+01'00'`) or any date the date parser knows.
fn pdf_date(s: &str) -> Option<NaiveDate> {
    let digits = s.trim().trim_start_matches("D:");
    // Bytes, not chars: a damaged info dictionary can hold any text (regression: fuzz crash
    // pdf-crash-497bcb72, a multi-byte character at byte 7).
    if digits.len() >= 8 && digits.as_bytes()[..8].iter().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| digits[r].parse::<u32>().ok();
        return NaiveDate::from_ymd_opt(n(0..4)? as i32, n(4..6)?, n(6..8)?);
    }
    dates::parse_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::StoppedClock;

    #[test]
    fn lines_pages_and_dates() {
        let mut lines = Vec::new();
        let page = ["The negoti-", "ations went on.", "Re-", "Election"];
        join_hyphenated(page.map(String::from).to_vec(), &mut lines);
        assert_eq!(lines, vec!["The negotiations went on.", "Re-", "Election"]);
        assert!(is_page_number("3") && is_page_number("Page 4 of 9") && is_page_number("- 5 -"));
        assert!(!is_page_number("2026 was hard.") && !is_page_number(""));
        assert_eq!(
            pdf_date("D:20261126093000+01'00'"),
            NaiveDate::from_ymd_opt(2026, 11, 26)
        );
        assert_eq!(
            pdf_date("Nov. 26, 2026"),
            NaiveDate::from_ymd_opt(2026, 11, 26)
        );
        assert_eq!(pdf_date("D:2026"), None);
        assert_eq!(pdf_date("y”5FMçóh,X"), None);
    }

    #[test]
    fn garbage_is_damaged() {
        let e = parse(
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            &StoppedClock,
        )
        .unwrap_err();
        assert!(matches!(e, IngestErrorKind::Damaged(_)), "{e}");
        assert!(
            e.to_string()
                .starts_with("the file is damaged: truncated PDF ("),
            "{e}"
        );
        let e = parse(
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n",
            &StoppedClock,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the file is damaged: broken PDF ("),
            "{e}"
        );
    }
}
