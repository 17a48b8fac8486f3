//! Format detection: container formats by content ([`container`]: PDF, ZIP, RTF, e-mail, mbox,
//! MHTML), binary refusal by magic numbers and byte statistics, then HTML, Markdown or plain
//! text by content and extension together.

use super::decode::bomless_utf16;
use crate::model::SourceFormat;

/// Magic numbers of common non-text files, with what to tell the user.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "looks like a PDF"),
    (
        b"PK\x03\x04",
        "looks like a ZIP archive (DOCX, EPUB or similar)",
    ),
    (
        b"PK\x05\x06",
        "looks like a ZIP archive (DOCX, EPUB or similar)",
    ),
    (b"\x89PNG\r\n\x1a\n", "looks like an image (PNG)"),
    (b"\xFF\xD8\xFF", "looks like an image (JPEG)"),
    (b"GIF87a", "looks like an image (GIF)"),
    (b"GIF89a", "looks like an image (GIF)"),
    (b"\x7FELF", "looks like binary data (an ELF program)"),
    (b"\x1F\x8B", "looks like a gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "looks like a 7-Zip archive"),
    (b"Rar!\x1A\x07", "looks like a RAR archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "looks like an old Office document (DOC/XLS)",
    ),
    (b"{\\rtf", "looks like an RTF document"),
];

/// Formats read from the raw bytes rather than from decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// `%PDF-` near the start.
    Pdf,
    /// A ZIP archive (DOCX, EPUB or other: the entries decide).
    Zip,
    /// `{\rtf`.
    Rtf,
    /// RFC 822 headers of an e-mail message.
    Mail,
    /// RFC 822 headers of a saved page (`multipart/related`, `Snapshot-Content-Location`).
    Mhtml,
    /// An mbox: a `From sender date` line, then a message's headers.
    Mbox,
}

/// Header names that only mail and MIME documents start with.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "received",
    "return-path",
    "reply-to",
    "content-type",
    "delivered-to",
    "snapshot-content-location",
];

/// The container format of `bytes` by content (the name only tips `.eml`/`.mht` files with
/// fewer headers), or `None` for text formats.
pub fn container(name: &str, bytes: &[u8]) -> Option<Container> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let lead = start.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let start = &start[lead..];
    let head = &bytes[..bytes.len().min(1024)];
    if start.starts_with(b"%PDF-") || head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Container::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(Container::Zip);
    }
    if start.starts_with(b"{\\rtf") {
        return Some(Container::Rtf);
    }
    let ext = extension(name);
    let (start, mbox) = match start.iter().position(|&b| b == b'\n') {
        Some(n) if crate::ingest::email::is_separator(&start[..n]) => (&start[n + 1..], true),
        _ => (start, false),
    };
    let names = header_names(start)?;
    let has = |h: &str| names.iter().any(|n| n == h);
    let known = names
        .iter()
        .filter(|n| MAIL_HEADERS.contains(&n.as_str()))
        .count();
    let page_ext = matches!(ext.as_str(), "mht" | "mhtml");
    let related = has("snapshot-content-location")
        || String::from_utf8_lossy(&start[..start.len().min(4096)])
            .to_ascii_lowercase()
            .contains("multipart/related");
    if !mbox && (page_ext || related) && (has("content-type") || has("mime-version")) {
        return Some(Container::Mhtml);
    }
    let strong = [
        "from",
        "received",
        "message-id",
        "mime-version",
        "return-path",
    ]
    .iter()
    .any(|h| has(h));
    let mail_ext = matches!(ext.as_str(), "eml" | "msg" | "mbox" | "mbx");
    if (strong && known >= 2) || (mail_ext && known >= 1) {
        return Some(if mbox {
            Container::Mbox
        } else {
            Container::Mail
        });
    }
    None
}

/// The lowercase names of the RFC 822 header block that opens `bytes`, or `None` when the
/// bytes do not open with one (a line that is neither `Name: value` nor a continuation).
fn header_names(bytes: &[u8]) -> Option<Vec<String>> {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let mut names = Vec::new();
    for line in head.split(|&b| b == b'\n').take(200) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if names.is_empty() {
                return None;
            }
            continue;
        }
        let colon = line.iter().position(|&b| b == b':')?;
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
            return None;
        }
        names.push(String::from_utf8_lossy(name).to_ascii_lowercase());
    }
    (!names.is_empty()).then_some(names)
}

/// Whether the bytes open with a UTF-16 byte-order mark.
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Why the raw bytes are not a text document, or `None` when they may be text.
///
/// Checks magic numbers (PDF, ZIP, images, programs, archives), then NUL bytes, which text in
/// UTF-8 or a single-byte encoding never contains (UTF-16 is recognised first and let through).
pub fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, why)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(why);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("looks like an image (WebP)");
    }
    if has_utf16_bom(bytes) || bomless_utf16(bytes).is_some() {
        return None;
    }
    if bytes.contains(&0) {
        return Some("looks like binary data: it contains NUL bytes");
    }
    None
}

/// The lowercase extension of a file name, without the dot.
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Strong HTML markers anywhere near the start of the text.
fn has_html_markers(head: &str) -> bool {
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|m| head.contains(m))
}

/// `<p>` paragraphs with their closing tags: an HTML fragment.
fn has_paragraph_tags(head: &str) -> bool {
    (head.matches("<p>").count() + head.matches("<p ").count()) >= 1 && head.contains("</p>")
}

/// Whether the text opens with YAML front matter (`---` … `---` with `key: value` lines).
pub fn has_front_matter(text: &str) -> bool {
    crate::ingest::markdown::split_front_matter(text).is_some()
}

/// Whether the first non-blank line is an ATX heading (`# Title`).
fn starts_with_atx_heading(text: &str) -> bool {
    text.lines()
        .map(str::trim_end)
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            let hashes = l.chars().take_while(|&c| c == '#').count();
            (1..=6).contains(&hashes) && l[hashes..].starts_with(' ') && l.len() > hashes + 1
        })
}

/// The format of decoded `text` named `name`, by content and extension.
///
/// HTML wins whenever the content has page markers (`<!doctype html`, `<html>`, `<head>`,
/// `<body>`) whatever the extension, or `<p>…</p>` tags in a file not named as Markdown;
/// `.html`/`.htm`/`.xhtml` files are HTML. Markdown by extension, front matter or an opening
/// ATX heading. Everything else is plain text.
pub fn format(name: &str, text: &str) -> SourceFormat {
    let ext = extension(name);
    let head: String = text
        .trim_start()
        .chars()
        .take(8192)
        .collect::<String>()
        .to_ascii_lowercase();
    let markdown_ext = matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd" | "mkdn");
    if has_html_markers(&head)
        || matches!(ext.as_str(), "html" | "htm" | "xhtml" | "shtml")
        || (!markdown_ext && has_paragraph_tags(&head))
    {
        return SourceFormat::Html;
    }
    if markdown_ext || has_front_matter(text) || starts_with_atx_heading(text) {
        return SourceFormat::Markdown;
    }
    SourceFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content_and_name() {
        assert_eq!(
            format(
                "a.txt",
                "<!DOCTYPE html><html><body><p>Hi</p></body></html>"
            ),
            SourceFormat::Html
        );
        assert_eq!(
            format("a.txt", "<p>One.</p>\n<p>Two.</p>"),
            SourceFormat::Html
        );
        assert_eq!(format("a.md", "Plain words."), SourceFormat::Markdown);
        assert_eq!(
            format("a.txt", "# Title\n\nBody text."),
            SourceFormat::Markdown
        );
        assert_eq!(
            format("a", "---\ntitle: T\n---\nBody."),
            SourceFormat::Markdown
        );
        assert_eq!(
            format("notes.txt", "#hashtag is not a heading\n\nText."),
            SourceFormat::Text
        );
        assert_eq!(format("x.html", "Just words."), SourceFormat::Html);
    }

    #[test]
    fn containers_by_content() {
        use Container::*;
        assert_eq!(container("a.txt", b"%PDF-1.7\n"), Some(Pdf));
        assert_eq!(container("a.md", b"PK\x03\x04rest"), Some(Zip));
        assert_eq!(container("a.txt", b"{\\rtf1\\ansi x}"), Some(Rtf));
        let mail = b"From: Wire <a@b.c>\nSubject: Talks\nDate: Thu, 26 Nov 2026\n\nBody";
        assert_eq!(container("note.txt", mail), Some(Mail));
        let mbox = b"From a@b.c Thu Nov 26 09:00:00 2026\nFrom: a@b.c\nSubject: x\n\nBody";
        assert_eq!(container("box", mbox), Some(Mbox));
        let page = b"From: <Saved by Blink>\nSnapshot-Content-Location: https://x.y/a\nMIME-Version: 1.0\nContent-Type: multipart/related;\n\tboundary=\"b\"\n\n";
        assert_eq!(container("page.mhtml", page), Some(Mhtml));
        // Header-like lines of a plain article are not a mail.
        assert_eq!(
            container("a.txt", b"Title: Talks\nDate: Nov. 26, 2026\n\nBody"),
            None
        );
        assert_eq!(container("a.txt", b"Plain words: here.\nMore"), None);
    }

    #[test]
    fn binary_by_magic_and_nul() {
        assert_eq!(binary_reason(b"%PDF-1.7\n..."), Some("looks like a PDF"));
        assert!(binary_reason(b"\x89PNG\r\n\x1a\n\0\0")
            .unwrap()
            .contains("PNG"));
        assert!(binary_reason(b"abc\0def").unwrap().contains("NUL"));
        assert_eq!(binary_reason(b"Plain text."), None);
        assert_eq!(binary_reason(b"\xFF\xFEH\0i\0"), None);
        assert_eq!(extension("dir.v2/file"), "");
        assert_eq!(extension("a/b/Story.HTML"), "html");
        assert_eq!(extension(".bashrc"), "");
    }
}
