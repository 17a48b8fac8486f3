//! E-mail (`.eml`), mailboxes (`.mbox`) and single-file saved pages (`.mhtml`, MIME
//! `multipart/related`) through `mail-parser`.
//!
//! A message's article is its body: the HTML part through the HTML reader when there is one,
//! else the text part through the plain-text reader (a forwarded message's header block is
//! read for its subject and date and removed). The body's headline, else the subject, is the
//! headline; the `Date` header and the sender's name are weaker than what the body says.
//! Attachments that may hold an article (text, HTML, PDF, Office, e-books, attached messages)
//! are handed back to the caller, which imports them as articles of their own.

use chrono::NaiveDate;
use mail_parser::{MessageParser, MimeHeaders};

use super::container::damaged;
use super::{dates, html, text, Parsed};
use crate::error::IngestErrorKind;

/// A parsed message: its body article (possibly without paragraphs) and its attachments.
#[derive(Debug, Default)]
pub struct Mail {
    /// The body, read as an article.
    pub parsed: Parsed,
    /// Attachments that may hold articles: a file name and the decoded bytes.
    pub attachments: Vec<(String, Vec<u8>)>,
}

/// Lines that open a forwarded or quoted message in a text body.
const FORWARD_MARKERS: &[&str] = &[
    "---------- forwarded message",
    "begin forwarded message",
    "-----original message-----",
    "-------- original message",
];

/// Reads one message (or an MHTML page when `page` is set).
pub fn parse(bytes: &[u8], page: bool) -> Result<Mail, IngestErrorKind> {
    let what = if page { "MHTML page" } else { "e-mail" };
    let msg = MessageParser::default()
        .parse(bytes)
        .filter(|m| !m.parts.is_empty())
        .ok_or_else(|| damaged(what, "no message headers"))?;
    let mut mail = Mail::default();
    let html_part = msg.html_bodies().find(|p| p.is_text_html());
    if let Some(html_src) = html_part.and_then(|p| p.text_contents()) {
        mail.parsed = html::parse(html_src);
    } else if let Some(body) = msg.text_bodies().find_map(|p| p.text_contents()) {
        mail.parsed = text_body(body);
    }
    let subject = msg.subject().map(clean_subject).filter(|s| !s.is_empty());
    let p = &mut mail.parsed;
    if page {
        p.title = p.title.take().or(subject);
        let location = msg
            .header_raw("Snapshot-Content-Location")
            .or_else(|| html_part.and_then(|h| h.content_location()));
        p.url = p.url.take().or(location.map(|l| l.trim().to_string()));
    } else {
        // The body's own headline beats a subject such as "Your morning briefing".
        p.title = p.title.take().or(subject);
    }
    // The sender is the outlet only for a news service's address, not a colleague forwarding.
    let sender = msg
        .from()
        .and_then(|a| a.first())
        .filter(|a| a.address.as_deref().is_some_and(is_news_service))
        .and_then(|a| a.name.as_deref())
        .map(str::to_string)
        .filter(|n| !n.contains('@'));
    let date = msg
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32));
    let fallback = p.fallback.get_or_insert_with(Default::default);
    fallback.outlet = fallback.outlet.take().or(sender);
    fallback.published = fallback.published.or(date);
    if !page {
        mail.attachments = attachments(&msg);
    }
    Ok(mail)
}

/// Attachments worth importing, with a file name (made up from the type when missing).
fn attachments(msg: &mail_parser::Message) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (n, part) in msg.attachments().enumerate() {
        let (ctype, sub) = part
            .content_type()
            .map(|c| {
                (
                    c.ctype().to_ascii_lowercase(),
                    c.subtype().unwrap_or("").to_ascii_lowercase(),
                )
            })
            .unwrap_or_default();
        if matches!(ctype.as_str(), "image" | "audio" | "video" | "font")
            || sub.contains("signature")
            || part.is_empty()
        {
            continue;
        }
        let ext = match (ctype.as_str(), sub.as_str()) {
            ("message", _) => "eml",
            ("text", "html") => "html",
            ("text", _) => "txt",
            (_, "pdf") => "pdf",
            (_, "rtf") => "rtf",
            (_, s) if s.contains("wordprocessingml") => "docx",
            (_, s) if s.contains("epub") => "epub",
            _ => "bin",
        };
        let name = part
            .attachment_name()
            .map(|n| super::base_name(n).to_string())
            .unwrap_or_else(|| format!("attachment-{}.{ext}", n + 1));
        out.push((name, part.contents().to_vec()));
    }
    out
}

/// Whether a sender address belongs to an alert or newsletter service (`alerts@`, `news@`,
/// `noreply@` …).
fn is_news_service(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("").to_ascii_lowercase();
    [
        "alert",
        "news",
        "noreply",
        "no-reply",
        "donotreply",
        "digest",
        "brief",
        "update",
        "editor",
        "bulletin",
        "wire",
        "desk",
    ]
    .iter()
    .any(|w| local.contains(w))
}

/// Removes "Fwd:", "Re:", "\[External\]" and alert-service prefixes from a subject.
pub fn clean_subject(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let lower = t.to_ascii_lowercase();
        let prefix = [
            "fwd:",
            "fw:",
            "re:",
            "aw:",
            "wg:",
            "tr:",
            "[external]",
            "google alert -",
            "breaking news:",
            "news alert:",
        ]
        .iter()
        .find(|p| lower.starts_with(*p));
        match prefix {
            Some(p) => t = t[p.len()..].trim_start(),
            None => return t.to_string(),
        }
    }
}

/// A text body: a forwarded message's header block gives subject and date and is removed.
fn text_body(body: &str) -> Parsed {
    let lines: Vec<&str> = body.lines().collect();
    let marker = lines.iter().position(|l| {
        let l = l.trim().to_ascii_lowercase();
        FORWARD_MARKERS.iter().any(|m| l.starts_with(m))
    });
    let Some(at) = marker else {
        return text::parse(body);
    };
    let mut fwd = Parsed::default();
    let mut k = at + 1;
    while k < lines.len() {
        let Some((key, value)) = lines[k].split_once(':') else {
            break;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "subject" => fwd.title = Some(clean_subject(value)).filter(|s| !s.is_empty()),
            "date" | "sent" => fwd.published = dates::parse_date(value),
            "from" | "to" | "cc" => {}
            _ => break,
        }
        k += 1;
    }
    let mut p = text::parse(&lines[k..].join("\n"));
    if let Some(t) = fwd.title.clone() {
        if let Some(old) = p.title.replace(t) {
            p.paragraphs.insert(0, old);
        }
    }
    p.fallback = Some(Box::new(fwd));
    p
}

/// The messages of an mbox: each starts with a `From ` line at the top or after a blank line.
pub fn split_mbox(bytes: &[u8]) -> Vec<&[u8]> {
    let mut starts = Vec::new();
    let mut pos = 0;
    let mut prev_blank = true;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |e| pos + e + 1);
        let line = &bytes[pos..end];
        if prev_blank && is_separator(line) {
            starts.push(pos);
        }
        prev_blank = line.iter().all(|b| b.is_ascii_whitespace());
        pos = end;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(bytes.len());
        // Skip the "From " separator line itself.
        let body_start = bytes[s..e]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(e, |n| s + n + 1);
        out.push(&bytes[body_start..e]);
    }
    out
}

/// Whether `line` is an mbox separator, `From <sender> <date with a time>` (a body line "From
/// here on." is not).
pub fn is_separator(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let rest = String::from_utf8_lossy(rest);
    let mut words = rest.split_whitespace();
    words.next().is_some() && words.clone().count() >= 2 && words.any(|w| w.contains(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_and_forwards() {
        assert_eq!(
            clean_subject("Fwd: RE: Google Alert - Doha talks"),
            "Doha talks"
        );
        assert!(is_news_service("alerts@gulfwire.example") && is_news_service("no-reply@x.y"));
        assert!(!is_news_service("jane.doe@ministry.example"));
        let p = text_body(
            "FYI\n\n---------- Forwarded message ---------\nFrom: Wire <a@b.c>\nDate: Thu, 26 Nov 2026 09:00\nSubject: Envoys meet in Doha\nTo: me@x.y\n\nDOHA — Envoys met.\n\nMore.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Envoys meet in Doha"));
        assert_eq!(p.paragraphs, vec!["DOHA — Envoys met.", "More."]);
        assert_eq!(
            p.fallback.unwrap().published,
            NaiveDate::from_ymd_opt(2026, 11, 26)
        );
    }

    #[test]
    fn mbox_split() {
        let m = b"From a@b Thu Nov 26 09:00:00 2026\nSubject: One\n\nFrom here on.\n\nFrom b@c Fri Nov 27 09:00:00 2026\nSubject: Two\n\nBody\n";
        let parts = split_mbox(m);
        assert_eq!(parts.len(), 2);
        assert!(parts[0].starts_with(b"Subject: One"));
        assert!(parts[1].ends_with(b"Body\n"));
    }
}
