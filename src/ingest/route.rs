//! Dispatch of one file to its reader, and the containers that hold several articles: an mbox
//! (one article per message) and a mail with attachments (its body, then each attachment read
//! as a file of its own, nested at most [`MAX_ATTACHMENT_DEPTH`] deep).
//!
//! Every reader runs behind a panic guard: a reader bug on a malformed file becomes an error
//! naming the file, never a crash of the app.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::container::{
    over_limit, thousands, Clock, Zip, ZipKind, MAX_ARTICLES_PER_FILE, MAX_ATTACHMENT_DEPTH,
};
use super::detect::{self, Container};
use super::{build, decode, docx, email, epub, html, markdown, pdf, rtf, text, Parsed};
use super::{is_invisible, MAX_FILE_BYTES};
use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Article, SourceFormat};

/// Fewer body words than this beside attachments make the body a cover note.
const COVER_NOTE_WORDS: usize = 40;

/// Results of one file (or part of a file).
type Results = Vec<Result<Article, IngestError>>;

/// Reads `bytes` named `name`; `depth` counts enclosing messages. With `all` unset, stops at
/// the first article found (what [`super::ingest`] returns). The time limit of page-by-page and
/// entry-by-entry readers runs on `clock`.
pub fn read(name: &str, bytes: &[u8], depth: usize, all: bool, clock: &dyn Clock) -> Results {
    let fail = |kind| vec![Err(IngestError::new(name, kind))];
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return fail(IngestErrorKind::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail(IngestErrorKind::Empty);
    }
    catch_unwind(AssertUnwindSafe(|| {
        dispatch(name, bytes, depth, all, clock)
    }))
    .unwrap_or_else(|_| {
        fail(IngestErrorKind::Damaged(
            "malformed data stopped the reader".into(),
        ))
    })
}

/// One article from a reader's result.
fn one(
    name: &str,
    bytes: &[u8],
    format: SourceFormat,
    parsed: Result<Parsed, IngestErrorKind>,
) -> Results {
    let article = parsed.and_then(|p| build(name, bytes, format, p).ok_or(IngestErrorKind::NoText));
    vec![article.map_err(|kind| IngestError::new(name, kind))]
}

fn dispatch(name: &str, bytes: &[u8], depth: usize, all: bool, clock: &dyn Clock) -> Results {
    match detect::container(name, bytes) {
        Some(Container::Pdf) => one(name, bytes, SourceFormat::Pdf, pdf::parse(bytes, clock)),
        Some(Container::Rtf) => one(name, bytes, SourceFormat::Rtf, rtf::parse(bytes)),
        Some(Container::Zip) => {
            let (format, parsed) = zip(name, bytes, clock);
            one(name, bytes, format, parsed)
        }
        Some(Container::Mhtml) => {
            let parsed = email::parse(bytes, true).map(|m| m.parsed);
            one(name, bytes, SourceFormat::Mhtml, parsed)
        }
        Some(Container::Mail) => mail(name, bytes, depth, all, clock),
        Some(Container::Mbox) => mbox(name, bytes, depth, all, clock),
        None => text_file(name, bytes),
    }
}

/// A DOCX or EPUB archive; any other ZIP is refused. `name` only names the format in a
/// refusal of an archive that cannot be opened.
fn zip(
    name: &str,
    bytes: &[u8],
    clock: &dyn Clock,
) -> (SourceFormat, Result<Parsed, IngestErrorKind>) {
    let lower = name.to_ascii_lowercase();
    let format = if lower.ends_with(".docx") {
        "DOCX"
    } else if lower.ends_with(".epub") {
        "EPUB"
    } else {
        "ZIP archive"
    };
    let mut archive = match Zip::open(format, bytes) {
        Ok(z) => z,
        Err(e) => return (SourceFormat::Docx, Err(e)),
    };
    match archive.kind() {
        ZipKind::Docx => (SourceFormat::Docx, docx::parse(&mut archive)),
        ZipKind::Epub => (SourceFormat::Epub, epub::parse(&mut archive, clock)),
        ZipKind::Other => (
            SourceFormat::Docx,
            Err(IngestErrorKind::Binary(
                "looks like a ZIP archive that is neither a DOCX nor an EPUB".into(),
            )),
        ),
    }
}

/// Text, Markdown and HTML files: binary refusal, decoding, format by content and name.
fn text_file(name: &str, bytes: &[u8]) -> Results {
    let fail = |kind| vec![Err(IngestError::new(name, kind))];
    if let Some(why) = detect::binary_reason(bytes) {
        return fail(IngestErrorKind::Binary(why.to_string()));
    }
    let text = match decode::decode(bytes) {
        Ok(t) => t,
        Err(why) => return fail(IngestErrorKind::Binary(why.into())),
    };
    if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return fail(IngestErrorKind::Empty);
    }
    let format = detect::format(name, &text);
    let parsed = match format {
        SourceFormat::Markdown => markdown::parse(&text),
        SourceFormat::Html => html::parse(&text),
        _ => text::parse(&text),
    };
    one(name, bytes, format, Ok(parsed))
}

/// A mail: its body, then (when `all`, or when the body holds no article) its attachments.
fn mail(name: &str, bytes: &[u8], depth: usize, all: bool, clock: &dyn Clock) -> Results {
    if depth > MAX_ATTACHMENT_DEPTH {
        let kind = over_limit(
            "messages are attached to messages too deeply",
            format!("{MAX_ATTACHMENT_DEPTH} nested messages"),
        );
        return vec![Err(IngestError::new(name, kind))];
    }
    let m = match email::parse(bytes, false) {
        Ok(m) => m,
        Err(kind) => return vec![Err(IngestError::new(name, kind))],
    };
    // A short body beside attachments is a cover note ("See attached."), not an article.
    let words: usize = m
        .parsed
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    let cover_note = !m.attachments.is_empty() && words < COVER_NOTE_WORDS;
    let body = one(name, bytes, SourceFormat::Email, Ok(m.parsed));
    if !cover_note && ((body[0].is_ok() && !all) || m.attachments.is_empty()) {
        return body;
    }
    let mut out = if cover_note { Vec::new() } else { body.clone() };
    for (attachment, data) in m.attachments {
        if out.len() >= MAX_ARTICLES_PER_FILE {
            break;
        }
        let part = format!("{name}#{attachment}");
        let found = read(&part, &data, depth + 1, all, clock);
        let any_ok = found.iter().any(Result::is_ok);
        out.extend(found);
        if any_ok && !all {
            break;
        }
    }
    let any_ok = out.iter().any(Result::is_ok);
    if cover_note && !any_ok {
        // No attachment could be read: the note is all there is.
        out.splice(0..0, body);
    } else if !cover_note && !out.first().is_some_and(Result::is_ok) && any_ok {
        // A body without text that only carries attachments is not an error of its own.
        let _body_error = out.remove(0);
    }
    out
}

/// An mbox: every message in order, `box.mbox#1`, `box.mbox#2` …
fn mbox(name: &str, bytes: &[u8], depth: usize, all: bool, clock: &dyn Clock) -> Results {
    let messages = email::split_mbox(bytes);
    let mut out = Vec::new();
    for (i, message) in messages.iter().enumerate() {
        if out.len() >= MAX_ARTICLES_PER_FILE {
            let kind = over_limit(
                format!("the mailbox holds {} messages", thousands(messages.len())),
                format!("{} articles per file", thousands(MAX_ARTICLES_PER_FILE)),
            );
            out.push(Err(IngestError::new(name, kind)));
            break;
        }
        let found = mail(&format!("{name}#{}", i + 1), message, depth, all, clock);
        let any_ok = found.iter().any(Result::is_ok);
        out.extend(found);
        if any_ok && !all {
            break;
        }
    }
    if out.is_empty() {
        out.push(Err(IngestError::new(name, IngestErrorKind::NoText)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::container::StoppedClock;
    use super::*;

    const MAIL: &str = "From: Wire Desk <desk@wire.example>\nTo: a@b.c\nSubject: Fwd: Envoys meet in Doha\nDate: Thu, 26 Nov 2026 09:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nDOHA — Envoys met on Thursday for talks.\n\nThey will meet again.\n";

    #[test]
    fn mbox_yields_every_message() {
        let second = MAIL
            .replace("Envoys meet in Doha", "Second story")
            .replace("DOHA", "CAIRO");
        let mbox = format!(
            "From desk@wire.example Thu Nov 26 09:00:00 2026\n{MAIL}\nFrom desk@wire.example Fri Nov 27 09:00:00 2026\n{second}"
        );
        let all = read("alerts.mbox", mbox.as_bytes(), 0, true, &StoppedClock);
        assert_eq!(all.len(), 2);
        let a = all[0].as_ref().unwrap();
        assert_eq!(a.title, "Envoys meet in Doha");
        assert_eq!(a.format, SourceFormat::Email);
        assert_eq!(a.file_name, "alerts.mbox#1");
        assert_eq!(all[1].as_ref().unwrap().title, "Second story");
        assert_eq!(
            read("alerts.mbox", mbox.as_bytes(), 0, false, &StoppedClock).len(),
            1
        );
    }

    #[test]
    fn attachments_nest_within_a_limit() {
        let mut msg = MAIL.to_string();
        for _ in 0..MAX_ATTACHMENT_DEPTH + 2 {
            msg = format!("From: x@y.z\nSubject: wrap\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: message/rfc822\n\n{msg}\n--b--\n");
        }
        let all = read("deep.eml", msg.as_bytes(), 0, true, &StoppedClock);
        assert!(
            all.iter().any(|r| r.as_ref().is_err_and(|e| {
                matches!(e.kind, IngestErrorKind::Limit { .. })
                    && e.to_string()
                        .contains("over the limit of 4 nested messages")
            })),
            "{all:?}"
        );
    }
}
