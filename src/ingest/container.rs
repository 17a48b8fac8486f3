//! Limits every reader of packed or structured formats honours, and ZIP containers (DOCX, EPUB)
//! read within them: entry count, decompressed size, nesting depth, pages and time.
//!
//! A file over a limit is refused with [`IngestErrorKind::Limit`], whose text names the limit
//! ("…, over the limit of 64.0 MB unpacked per archive"), and a truncated or broken one with
//! [`IngestErrorKind::Damaged`], so the user knows which of the two it was.
//!
//! The time limit reads a [`Clock`] the caller passes: ingest never reads the system clock
//! itself (the edge passes `files::SystemClock`; [`StoppedClock`] keeps the stage pure).

use std::io::{Cursor, Read};
use std::time::Duration;

use zip::ZipArchive;

use crate::error::IngestErrorKind;

/// Most bytes all entries of one ZIP container may unpack to (zip bombs stop here).
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries a ZIP container may list.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Most bytes one PDF page's content streams may unpack to (a page of text is well under 1 MB).
pub const MAX_PAGE_CONTENT_BYTES: u64 = 8 * 1024 * 1024;
/// Most pages of a PDF that are read.
pub const MAX_PAGES: usize = 2_000;
/// Deepest nesting of containers (a mail attached to a mail …) and of RTF groups or XML
/// elements.
pub const MAX_NESTING: usize = 256;
/// Deepest chain of messages attached to messages.
pub const MAX_ATTACHMENT_DEPTH: usize = 4;
/// Most articles one container (an mbox, a mail with attachments) yields.
pub const MAX_ARTICLES_PER_FILE: usize = 2_000;
/// Longest time one file may take in a reader that works page by page or entry by entry.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// A byte count as megabytes ("64.0 MB").
fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// A count with thousands separators ("10,000").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A refusal that names the limit that was hit: `over_limit("the PDF has 2,001 pages", "2,000
/// pages per PDF")` reads "the PDF has 2,001 pages, over the limit of 2,000 pages per PDF".
pub fn over_limit(what: impl Into<String>, limit: impl Into<String>) -> IngestErrorKind {
    IngestErrorKind::Limit {
        what: what.into(),
        limit: limit.into(),
    }
}

/// What a parser said, on one line of at most 160 characters.
fn one_line(why: impl std::fmt::Display) -> String {
    let why = why.to_string();
    let why: String = why.split_whitespace().collect::<Vec<_>>().join(" ");
    why.chars().take(160).collect()
}

/// A broken file of the named format, with what the parser said: "broken PDF (invalid xref)".
pub fn damaged(format: &str, why: impl std::fmt::Display) -> IngestErrorKind {
    IngestErrorKind::Damaged(format!("broken {format} ({})", one_line(why)))
}

/// A file of the named format cut short (its end marker is missing), with what the parser
/// said: "truncated PDF (invalid file trailer)".
pub fn truncated(format: &str, why: impl std::fmt::Display) -> IngestErrorKind {
    IngestErrorKind::Damaged(format!("truncated {format} ({})", one_line(why)))
}

/// Whether a ZIP archive lacks its whole end-of-central-directory record (22 bytes and the
/// comment whose length it gives, at most 64 KiB from the end): the file was cut short.
fn zip_is_cut(bytes: &[u8]) -> bool {
    const EOCD: &[u8] = b"PK\x05\x06";
    let from = bytes.len().saturating_sub(65_535 + 22);
    let Some(at) = bytes[from..]
        .windows(EOCD.len())
        .rposition(|w| w == EOCD)
        .map(|i| from + i)
    else {
        return true;
    };
    let Some(record) = bytes.get(at..at + 22) else {
        return true;
    };
    let comment = u16::from_le_bytes([record[20], record[21]]) as usize;
    at + 22 + comment > bytes.len()
}

/// Whether `needle` occurs in the last `window` bytes of `bytes`.
pub fn ends_with_marker(bytes: &[u8], needle: &[u8], window: usize) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(window)..];
    tail.windows(needle.len()).any(|w| w == needle)
}

/// The time source of [`Deadline`]: monotonic time since a fixed origin of the clock.
///
/// Ingest does not read the system clock: the edge that reads files passes the real one
/// (`files::SystemClock`), and [`StoppedClock`] keeps the stage pure and deterministic for
/// tests, benches and text the caller already holds.
pub trait Clock: Sync {
    /// The time since this clock's origin; never goes backwards.
    fn now(&self) -> Duration;
}

/// A clock whose time stands still: with it, [`Deadline::check`] never fails, so reading
/// depends on the bytes alone (every other limit still holds).
#[derive(Debug, Clone, Copy, Default)]
pub struct StoppedClock;

impl Clock for StoppedClock {
    /// Always zero.
    fn now(&self) -> Duration {
        Duration::ZERO
    }
}

/// A time budget for one file, checked between pages or entries, on the caller's clock.
#[derive(Clone, Copy)]
pub struct Deadline<'a> {
    clock: &'a dyn Clock,
    start: Duration,
    limit: Duration,
}

impl<'a> Deadline<'a> {
    /// A budget of [`TIME_LIMIT`] from the clock's present time.
    pub fn start(clock: &'a dyn Clock) -> Self {
        Deadline {
            clock,
            start: clock.now(),
            limit: TIME_LIMIT,
        }
    }

    /// An error naming the time limit once the budget is spent.
    pub fn check(&self) -> Result<(), IngestErrorKind> {
        if self.clock.now().saturating_sub(self.start) > self.limit {
            return Err(over_limit(
                "reading took too long",
                format!("{} s per file", self.limit.as_secs()),
            ));
        }
        Ok(())
    }
}

/// The entry names that tell ZIP-based formats apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipKind {
    /// Has `word/document.xml`.
    Docx,
    /// Has an `application/epub+zip` mimetype or `META-INF/container.xml`.
    Epub,
    /// Any other ZIP archive.
    Other,
}

/// An open ZIP container with a decompression budget shared by all its entries.
pub struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Zip<'a> {
    /// Opens `bytes` as a ZIP archive, refusing damaged ones and those with too many entries.
    /// An archive without its end-of-central-directory record (within the last 64 KiB plus the
    /// record, where the comment may push it) is reported as truncated.
    pub fn open(format: &str, bytes: &'a [u8]) -> Result<Self, IngestErrorKind> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            if zip_is_cut(bytes) {
                truncated(format, e)
            } else {
                damaged(format, e)
            }
        })?;
        if archive.len() > MAX_ZIP_ENTRIES {
            return Err(over_limit(
                format!("the {format} holds {} entries", thousands(archive.len())),
                format!("{} entries per archive", thousands(MAX_ZIP_ENTRIES)),
            ));
        }
        Ok(Zip {
            archive,
            budget: MAX_UNPACKED_BYTES,
        })
    }

    /// Whether an entry of that exact name exists.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The first entry whose name ends with `ext` (e.g. `.opf`).
    pub fn first_with_extension(&self, ext: &str) -> Option<String> {
        self.archive
            .file_names()
            .flatten()
            .find(|n| n.ends_with(ext))
            .map(|n| n.into_owned())
    }

    /// What the entries say the archive is.
    pub fn kind(&mut self) -> ZipKind {
        if self.has("word/document.xml") {
            return ZipKind::Docx;
        }
        let epub_mime = matches!(self.read("EPUB", "mimetype"), Ok(Some(m)) if m.starts_with(b"application/epub+zip"));
        if epub_mime || self.has("META-INF/container.xml") {
            ZipKind::Epub
        } else {
            ZipKind::Other
        }
    }

    /// The bytes of entry `name`, or `None` when there is none. Refuses an entry that would
    /// take the archive over [`MAX_UNPACKED_BYTES`], whatever its header claims.
    pub fn read(&mut self, format: &str, name: &str) -> Result<Option<Vec<u8>>, IngestErrorKind> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let entry = self
            .archive
            .by_index(index)
            .map_err(|e| damaged(format, e))?;
        if entry.encrypted() {
            return Err(IngestErrorKind::Unsupported(format!(
                "the {format} is encrypted (password-protected): save an unprotected copy"
            )));
        }
        let limit = || {
            over_limit(
                format!("the {format} unpacks to too much data ({name})"),
                format!("{} unpacked per archive", mb(MAX_UNPACKED_BYTES)),
            )
        };
        if entry.size() > self.budget {
            return Err(limit());
        }
        let mut out = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        entry
            .take(self.budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| damaged(format, e))?;
        if out.len() as u64 > self.budget {
            return Err(limit());
        }
        self.budget -= out.len() as u64;
        Ok(Some(out))
    }

    /// Entry `name` as text (UTF-8, invalid bytes replaced), or `None` when there is none.
    pub fn read_text(
        &mut self,
        format: &str,
        name: &str,
    ) -> Result<Option<String>, IngestErrorKind> {
        Ok(self
            .read(format, name)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }
}

/// Resolves `href` (percent-encoded, relative to the entry `base`) to an entry name.
pub fn join_path(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let href = percent_decode(href);
    let mut parts: Vec<&str> = match base.rfind('/') {
        Some(i) if !href.starts_with('/') => base[..i].split('/').collect(),
        _ => Vec::new(),
    };
    for seg in href.trim_start_matches('/').split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Decodes `%XX` escapes; malformed ones stay as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_opf() {
        assert_eq!(
            join_path("OEBPS/content.opf", "text/ch%201.xhtml"),
            "OEBPS/text/ch 1.xhtml"
        );
        assert_eq!(join_path("OEBPS/content.opf", "../a.xhtml#x"), "a.xhtml");
        assert_eq!(join_path("content.opf", "a.xhtml"), "a.xhtml");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn limits_are_named() {
        let e = over_limit("the PDF has 5,000 pages", "2,000 pages per PDF");
        assert_eq!(
            e.to_string(),
            "the PDF has 5,000 pages, over the limit of 2,000 pages per PDF"
        );
        assert_eq!(
            damaged("PDF", "bad\nxref").to_string(),
            "the file is damaged: broken PDF (bad xref)"
        );
        let e = Zip::open("DOCX", b"PK\x03\x04 truncated").err().unwrap();
        assert!(
            e.to_string()
                .starts_with("the file is damaged: truncated DOCX ("),
            "{e}"
        );
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(2_000), "2,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    /// A clock the test moves by hand.
    struct Manual(std::sync::atomic::AtomicU64);

    impl Clock for Manual {
        fn now(&self) -> Duration {
            Duration::from_secs(self.0.load(std::sync::atomic::Ordering::Relaxed))
        }
    }

    #[test]
    fn the_time_limit_reads_the_callers_clock() {
        let clock = Manual(100.into());
        let deadline = Deadline::start(&clock);
        assert!(deadline.check().is_ok());
        clock.0.store(120, std::sync::atomic::Ordering::Relaxed);
        assert!(deadline.check().is_ok(), "exactly the limit is within it");
        clock.0.store(121, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(
            deadline.check().unwrap_err().to_string(),
            "reading took too long, over the limit of 20 s per file"
        );
        let stopped = Deadline::start(&StoppedClock);
        assert!(stopped.check().is_ok());
    }
}
