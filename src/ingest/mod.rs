//! Ingest: file bytes plus a name in, an [`Article`] out (format detection, decoding, metadata).
//!
//! The stage is pure: the caller reads the file (checking its size against [`MAX_FILE_BYTES`]
//! first) and passes the bytes, and for the time limit of the PDF and EPUB readers a [`Clock`]
//! ([`ingest_with_clock`]; the file-system edge passes `files::SystemClock`). [`ingest`] and
//! [`ingest_all`] run on the [`StoppedClock`]: no time limit, the result depends on the bytes
//! alone. Steps ([`route`]): size and emptiness checks → container formats
//! by content ([`detect::container`]: [`pdf`] with [`pdftext`], [`docx`] and [`epub`] in a ZIP
//! [`container`] with [`xml`], [`rtf`], [`email`] for e-mail, mbox and MHTML) → else binary
//! refusal ([`detect::binary_reason`]) → decoding ([`decode::decode`]) → text format by content
//! and name ([`detect::format`]) → a text reader ([`text`], [`markdown`], [`html`] with
//! [`pagemeta`] and the [`nesting`] guard) → shared clean-up: whitespace, page [`furniture`],
//! stray byline/date lines, the file's own metadata as a fallback, dateline and wire tag
//! ([`dateline`]; the tag's outlet is the last fallback for the outlet), fallback title,
//! language ([`lang`]), id and paragraph spans. Dates are read by [`dates`]. Containers holding
//! several articles (an mbox, a mail with attached articles) are read whole by [`ingest_all`].

pub mod container;
pub mod dateforms;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod detect;
pub mod docx;
pub mod email;
pub mod epub;
pub mod furniture;
pub mod headforms;
pub mod html;
pub mod lang;
pub mod markdown;
pub mod meta;
pub mod nesting;
pub mod pagemeta;
pub mod pdf;
pub mod pdflayout;
pub mod pdftext;
pub mod route;
pub mod rtf;
pub mod text;
pub mod xml;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use container::{Clock, StoppedClock};

use crate::clip::{clip, META_MAX_CHARS};
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
    /// What the file format itself says (PDF info, DOCX core properties, mail headers): used
    /// only for fields neither the reader nor the body's header lines filled.
    pub fallback: Option<Box<Parsed>>,
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
/// Pure: no time limit ([`StoppedClock`]); every other limit holds. For files from outside,
/// [`ingest_with_clock`] with the system clock adds the limit of
/// [`container::TIME_LIMIT`] per file.
///
/// For a container of several articles (an mbox, a mail with attached articles) this is the
/// main one: the first message, or the mail's body, or else its first readable attachment; see
/// [`ingest_all`] for every article.
///
/// Errors name the file and the reason: [`IngestErrorKind::TooLarge`] over
/// [`MAX_FILE_BYTES`], [`IngestErrorKind::Empty`] for no bytes or only whitespace,
/// [`IngestErrorKind::Binary`] for images, archives, NUL bytes, undecodable bytes and PDFs
/// without a text layer, [`IngestErrorKind::Damaged`] for truncated or broken documents,
/// [`IngestErrorKind::Limit`] for files over a limit of [`container`] (the text names the
/// limit), [`IngestErrorKind::Unsupported`] for password-protected files, and
/// [`IngestErrorKind::NoText`] when no body paragraph is left.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    ingest_with_clock(name, bytes, &StoppedClock)
}

/// [`ingest`] with the time limit of [`container::TIME_LIMIT`] per file measured on `clock`
/// (the PDF and EPUB readers check it between pages and entries); over it, an
/// [`IngestErrorKind::Limit`] error "reading took too long".
pub fn ingest_with_clock(
    name: &str,
    bytes: &[u8],
    clock: &dyn Clock,
) -> Result<Article, IngestError> {
    let mut first_error = None;
    for result in route::read(name, bytes, 0, false, clock) {
        match result {
            Ok(article) => return Ok(article),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| IngestError::new(name, IngestErrorKind::NoText)))
}

/// Reads every article a file holds: one for most formats, one per message of an mbox, and for
/// a mail its body plus each attached article (named `mail.eml#attachment.pdf`; messages of an
/// mbox `box.mbox#3`). Each entry is an article or the error for that part; a mail whose body
/// is only a cover note for attached articles gives no error for the body. Pure, like
/// [`ingest`]: no time limit.
pub fn ingest_all(name: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    ingest_all_with_clock(name, bytes, &StoppedClock)
}

/// [`ingest_all`] with the time limit per file (and per attached file) measured on `clock`.
pub fn ingest_all_with_clock(
    name: &str,
    bytes: &[u8],
    clock: &dyn Clock,
) -> Vec<Result<Article, IngestError>> {
    route::read(name, bytes, 0, true, clock)
}

/// Where the sources of an article's date disagree with the publication date it keeps, one line
/// each for the UI to flag (`URL says 2026-11-25, kept 2026-11-26`): the date in the URL and an
/// absolute date in the dateline ("GENEVA, Nov. 25, 2026 —") or at the head of the first
/// paragraph. Empty when
/// there is no publication date or nothing disagrees.
pub fn date_conflicts(a: &Article) -> Vec<String> {
    let Some(published) = a.published else {
        return Vec::new();
    };
    let url = a.url.as_deref().and_then(dates::url_date);
    // The paragraph the dateline opens (the first, or the second after a standfirst).
    let (first, lede) = match a.dateline_span {
        Some(d) => (a.text.get(d.start..).unwrap_or(""), d.end - d.start),
        None => (a.paragraph_text(0), 0),
    };
    let first = first.split("\n\n").next().unwrap_or("");
    let mut end = first.len().min(lede + 40);
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    let lead: Vec<NaiveDate> = dates::find_date(&first[..end])
        .map(|(d, _)| d)
        .into_iter()
        .collect();
    dates::conflicts(published, url, &lead)
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

/// A headline, outlet or byline no longer than [`META_MAX_CHARS`].
fn clip_opt(s: Option<String>) -> Option<String> {
    s.map(|s| clip(&s, META_MAX_CHARS).into_owned())
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
    if let Some(f) = p.fallback.take() {
        p.outlet = p.outlet.take().or(f.outlet);
        p.byline = p.byline.take().or(f.byline);
        p.published = p.published.or(f.published);
        p.language = p.language.take().or(f.language);
        p.url = p.url.take().or(f.url);
    }
    let title = clip_opt(clean_opt(p.title.take()));
    // A page's own <h1> repeats the headline at the top of the body.
    if let (Some(t), Some(first)) = (&title, paras.first()) {
        if first.to_lowercase() == t.to_lowercase() && paras.len() > 1 {
            paras.remove(0);
        }
    }
    let first = paras.first()?;
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
    // The dateline (after a standfirst, perhaps) gives the place and its wire tag ("(CNN)",
    // "ISLAMABAD (Reuters) -"), which names the outlet when nothing else does.
    let dateline_span = self::dateline::span(&text, &paragraphs);
    let lead = dateline_span
        .and_then(|d| paragraphs.iter().find(|p| p.span.start == d.start))
        .map(|p| &text[p.span.start..p.span.end]);
    let dateline = lead.and_then(meta::dateline);
    let wire_outlet = lead.and_then(meta::wire_tag).map(str::to_string);
    let language = lang::language(&text).or(p.language);
    let mut article = Article {
        id: article_id(bytes),
        file_name: base_name(name).to_string(),
        format,
        title,
        outlet: clip_opt(clean_opt(p.outlet)).or(wire_outlet),
        byline: clip_opt(clean_opt(p.byline)),
        published: p.published,
        dateline,
        dateline_span,
        language,
        url: clean_opt(p.url),
        text,
        paragraphs,
        date_conflicts: Vec::new(),
    };
    article.date_conflicts = date_conflicts(&article);
    Some(article)
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
    fn date_conflicts_from_url_and_lead() {
        let page = "<html><head><title>Talks</title><link rel=\"canonical\" href=\"https://x.example/2026/11/25/talks\">\
            <meta property=\"article:published_time\" content=\"2026-11-26\"></head><body>\
            <p>GENEVA, Nov. 24, 2026 — Officials met on Saturday.</p><p>They talked.</p></body></html>";
        let a = ingest("p.html", page.as_bytes()).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2026, 11, 26));
        assert_eq!(
            date_conflicts(&a),
            vec![
                "URL says 2026-11-25, kept 2026-11-26",
                "text says 2026-11-24, kept 2026-11-26"
            ]
        );
        let plain = ingest(
            "n.txt",
            b"Talks\n\nPublished: Nov. 26, 2026\n\nGENEVA - Met.\n",
        )
        .unwrap();
        assert!(date_conflicts(&plain).is_empty());
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
