//! Ingest: file bytes plus a name in, an [`Article`] out (format detection, decoding, metadata).
//!
//! The stage is pure: the caller reads the file (checking its size against [`MAX_FILE_BYTES`]
//! first) and passes the bytes. Steps: size and emptiness checks → binary refusal
//! ([`detect::binary_reason`]) → decoding ([`decode::decode`]) → format by content and name
//! ([`detect::format`]) → a format reader ([`text`], [`markdown`], [`html`] with [`pagemeta`]
//! and the [`nesting`] guard) → shared clean-up here: whitespace, page [`furniture`], stray
//! byline/date lines, dateline ([`meta`]), fallback title, language ([`lang`]), id and paragraph
//! spans. Dates are read by [`dates`].

pub mod dates;
pub mod decode;
pub mod detect;
pub mod furniture;
pub mod html;
pub mod lang;
pub mod markdown;
pub mod meta;
pub mod nesting;
pub mod pagemeta;
pub mod text;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Article, Paragraph, SourceFormat, Span};

/// Largest file ingest accepts (16 MiB); the CLI checks the size before reading.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Longest title made from the first sentence when a file has no headline.
const FALLBACK_TITLE_CHARS: usize = 90;

/// What a format reader found, before the shared clean-up.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parsed {
    /// Headline.
    pub title: Option<String>,
    /// Publication.
    pub outlet: Option<String>,
    /// Author(s).
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Declared language (HTML `lang`, front matter), ISO 639-1.
    pub language: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Body paragraphs, raw (whitespace is normalised later).
    pub paragraphs: Vec<String>,
}

impl Parsed {
    /// Takes what a header line says for the fields still unknown.
    pub fn absorb(&mut self, h: &meta::Header) {
        if self.byline.is_none() {
            self.byline = h.byline.as_deref().and_then(meta::clean_byline);
        }
        if self.outlet.is_none() {
            self.outlet = h.outlet.clone();
        }
        if self.published.is_none() {
            self.published = h.published;
        }
    }
}

/// Reads one file's bytes as an article. `name` is the file name shown in errors.
///
/// Errors name the file and the reason: [`IngestErrorKind::TooLarge`] over
/// [`MAX_FILE_BYTES`], [`IngestErrorKind::Empty`] for no bytes or only whitespace,
/// [`IngestErrorKind::Binary`] for PDFs, archives, images, NUL bytes or undecodable bytes, and
/// [`IngestErrorKind::NoText`] when no body paragraph is left.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let fail = |kind| IngestError::new(name, kind);
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(fail(IngestErrorKind::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(IngestErrorKind::Empty));
    }
    if let Some(why) = detect::binary_reason(bytes) {
        return Err(fail(IngestErrorKind::Binary(why.to_string())));
    }
    let text = decode::decode(bytes).map_err(|why| fail(IngestErrorKind::Binary(why.into())))?;
    if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(fail(IngestErrorKind::Empty));
    }
    let format = detect::format(name, &text);
    let parsed = match format {
        SourceFormat::Text => text::parse(&text),
        SourceFormat::Markdown => markdown::parse(&text),
        SourceFormat::Html => html::parse(&text),
    };
    build(name, bytes, format, parsed).ok_or_else(|| fail(IngestErrorKind::NoText))
}

/// Zero-width and formatting characters that carry no text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{ad}'
    )
}

/// Collapses whitespace to single spaces, drops control and invisible characters, trims.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c.is_control() || is_invisible(c) {
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn clean_opt(s: Option<String>) -> Option<String> {
    s.map(|v| normalize(&v)).filter(|v| !v.is_empty())
}

/// The first 16 hex characters of the SHA-256 of `bytes`.
pub fn article_id(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file name without directories (either separator).
pub fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Shared clean-up of a reader's result; `None` when no body text is left.
fn build(name: &str, bytes: &[u8], format: SourceFormat, mut p: Parsed) -> Option<Article> {
    let mut paras: Vec<String> = Vec::new();
    for raw in std::mem::take(&mut p.paragraphs) {
        let clean = normalize(&raw);
        if clean.is_empty() {
            continue;
        }
        match furniture::boilerplate(&clean) {
            furniture::Boilerplate::Keep => paras.push(clean),
            furniture::Boilerplate::Drop => {}
            furniture::Boilerplate::Meta(h) => p.absorb(&h),
        }
    }
    let title = clean_opt(p.title.take());
    // A page's own <h1> repeats the headline at the top of the body.
    if let (Some(t), Some(first)) = (&title, paras.first()) {
        if first.to_lowercase() == t.to_lowercase() && paras.len() > 1 {
            paras.remove(0);
        }
    }
    let first = paras.first()?;
    // A saved page may put a standfirst before the dateline paragraph.
    let dateline = paras.iter().take(2).find_map(|p| meta::dateline(p));
    let title = title.unwrap_or_else(|| {
        let lede = &first[meta::dateline_len(first)..];
        meta::title_from_sentence(meta::first_sentence(lede), FALLBACK_TITLE_CHARS)
    });

    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(paras.len());
    for (index, para) in paras.iter().enumerate() {
        if index > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(para);
        paragraphs.push(Paragraph {
            index,
            span: Span::new(start, text.len()),
        });
    }
    let language = lang::language(&text).or(p.language);
    Some(Article {
        id: article_id(bytes),
        file_name: base_name(name).to_string(),
        format,
        title,
        outlet: clean_opt(p.outlet),
        byline: clean_opt(p.byline),
        published: p.published,
        dateline,
        language,
        url: clean_opt(p.url),
        text,
        paragraphs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names() {
        assert_eq!(article_id(b"abc"), "ba7816bf8f01cfea");
        assert_eq!(base_name("a/b\\c.txt"), "c.txt");
        assert_eq!(normalize("  a\u{a0}\u{200b}b \n\t c\u{7} "), "a b c");
    }

    #[test]
    fn untitled_text_gets_first_sentence() {
        let a = ingest(
            "n.txt",
            "WASHINGTON — Officials met on Tuesday. They talked.\nSecond line here.".as_bytes(),
        )
        .unwrap();
        assert_eq!(a.title, "Officials met on Tuesday");
        assert_eq!(a.dateline.as_deref(), Some("WASHINGTON"));
        assert_eq!(a.paragraph_text(1), "Second line here.");
    }
}
