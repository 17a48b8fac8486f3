//! RTF documents: a small walker over groups and control words that keeps the text (code-page
//! bytes, `\uN` escapes with their fallback characters skipped, typographic symbols), turns
//! `\par`, `\row`, `\page` into paragraph breaks and `\cell` into ` | `, skips destinations that
//! hold no text (font and colour tables, pictures, fields' instructions, headers, footers), and
//! reads `\info` (title, author, creation time). The text then goes through the plain-text
//! reader for its headline and header lines.
//!
//! The walk is iterative: group depth is bounded by [`MAX_NESTING`], not by the stack.

use chrono::NaiveDate;
use encoding_rs::{Encoding, WINDOWS_1252};

use super::container::{over_limit, MAX_NESTING};
use super::{text, Parsed};
use crate::error::IngestErrorKind;

/// Destinations whose content is not body text.
const SKIP: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "themedata",
    "datastore",
    "colorschememapping",
    "latentstyles",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "xmlnstbl",
    "generator",
    "filetbl",
    "revtbl",
    "pgdsctbl",
    "footnote",
    "bkmkstart",
    "bkmkend",
    "xe",
    "tc",
];
/// `\info` fields that are read.
const INFO: &[&str] = &["title", "author", "company"];

/// State of one group.
#[derive(Clone, Copy)]
struct Group {
    skip: bool,
    /// Characters to skip after `\uN`.
    uc: usize,
    /// Index into the info fields being read, if any.
    info: Option<usize>,
}

/// Reads an RTF file's bytes.
pub fn parse(bytes: &[u8]) -> Result<Parsed, IngestErrorKind> {
    let mut enc: &'static Encoding = WINDOWS_1252;
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group {
        skip: false,
        uc: 1,
        info: None,
    };
    let mut body = String::new();
    let mut info: [String; 3] = Default::default();
    let mut date = (0i32, 0u32, 0u32);
    let mut pending: Vec<u8> = Vec::new();
    let mut skip_chars = 0usize;
    let mut i = 0;
    macro_rules! emit {
        ($s:expr) => {{
            let s: &str = $s;
            if let Some(k) = g.info {
                info[k].push_str(s);
            } else if !g.skip {
                body.push_str(s);
            }
        }};
    }
    while i < bytes.len() {
        let b = bytes[i];
        // Flush code-page bytes before anything that is not one.
        let hex_escape = b == b'\\' && bytes.get(i + 1) == Some(&b'\'');
        if !hex_escape && !pending.is_empty() {
            let s = enc.decode(&pending).0.into_owned();
            pending.clear();
            emit!(&s);
        }
        match b {
            b'{' => {
                stack.push(g);
                if stack.len() > MAX_NESTING {
                    return Err(over_limit(
                        "the RTF nests groups too deeply",
                        format!("{MAX_NESTING} levels of nesting"),
                    ));
                }
                i += 1;
            }
            b'}' => {
                g = stack.pop().unwrap_or(g);
                skip_chars = 0;
                i += 1;
            }
            b'\\' => {
                let (word, param, next) = control(bytes, i + 1);
                i = next;
                match word {
                    "'" => {
                        let hex = bytes
                            .get(i..i + 2)
                            .and_then(|h| std::str::from_utf8(h).ok());
                        if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                            if skip_chars > 0 {
                                skip_chars -= 1;
                            } else {
                                pending.push(v);
                            }
                        }
                        i = (i + 2).min(bytes.len());
                    }
                    "u" => {
                        let code = param.unwrap_or(0);
                        let code = if code < 0 { code + 65_536 } else { code } as u32;
                        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                        let mut buf = [0; 4];
                        let cs: &str = c.encode_utf8(&mut buf);
                        emit!(cs);
                        skip_chars = g.uc;
                    }
                    "uc" => g.uc = param.unwrap_or(1).clamp(0, 8) as usize,
                    "ansicpg" => {
                        let label = format!("windows-{}", param.unwrap_or(1252));
                        enc = Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252);
                    }
                    "bin" => i = i.saturating_add(param.unwrap_or(0).max(0) as usize),
                    "*" => g.skip = true,
                    "par" | "row" | "sect" | "page" => emit!("\n\n"),
                    "line" => emit!("\n"),
                    "tab" => emit!("\t"),
                    "cell" => emit!(" | "),
                    "emdash" => emit!("—"),
                    "endash" => emit!("–"),
                    "lquote" => emit!("‘"),
                    "rquote" => emit!("’"),
                    "ldblquote" => emit!("“"),
                    "rdblquote" => emit!("”"),
                    "bullet" => emit!("•"),
                    "~" => emit!("\u{a0}"),
                    "_" => emit!("‑"),
                    "\\" | "{" | "}" => emit!(word),
                    "info" => g.skip = true,
                    "yr" => date.0 = param.unwrap_or(0),
                    "mo" => date.1 = param.unwrap_or(0) as u32,
                    "dy" => date.2 = param.unwrap_or(0) as u32,
                    w if INFO.contains(&w) => g.info = INFO.iter().position(|x| *x == w),
                    w if SKIP.contains(&w) => g.skip = true,
                    _ => {}
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                if skip_chars > 0 {
                    skip_chars -= 1;
                } else {
                    pending.push(b);
                }
                i += 1;
            }
        }
    }
    let mut out = text::parse(&body);
    let [title, author, company] = info.map(|s| s.trim().to_string());
    let some = |s: String| (!s.is_empty()).then_some(s);
    if out.title.is_none() {
        out.title = some(title);
    }
    out.fallback = Some(Box::new(Parsed {
        byline: some(author),
        outlet: some(company),
        published: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        ..Parsed::default()
    }));
    Ok(out)
}

/// Reads a control word or symbol starting at `i` (just after the backslash): its name, its
/// numeric parameter and the index after it (and after its delimiting space).
fn control(b: &[u8], mut i: usize) -> (&str, Option<i32>, usize) {
    let start = i;
    while i < b.len() && b[i].is_ascii_alphabetic() && i - start < 32 {
        i += 1;
    }
    if i == start {
        // A control symbol: one character.
        let end = (i + 1).min(b.len());
        return (std::str::from_utf8(&b[start..end]).unwrap_or(""), None, end);
    }
    let word = std::str::from_utf8(&b[start..i]).unwrap_or("");
    let num_start = i;
    if i < b.len() && b[i] == b'-' {
        i += 1;
    }
    while i < b.len() && b[i].is_ascii_digit() && i - num_start < 10 {
        i += 1;
    }
    let param = std::str::from_utf8(&b[num_start..i])
        .ok()
        .and_then(|s| s.parse::<i32>().ok());
    if i < b.len() && b[i] == b' ' {
        i += 1;
    }
    (word, param, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_and_info() {
        let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\info{\title Envoys meet}{\author Jane Doe}{\creatim\yr2026\mo11\dy26}}
{\*\generator Writer;}\pard Envoys meet in Doha\par
\par DOHA \emdash  Talks began on Thursday with caf\'e9 and \u8220?quotes\u8221?.\par
{\field{\*\fldinst HYPERLINK x}{\fldrslt link text}} end.\par}";
        let p = parse(rtf).unwrap();
        assert_eq!(p.title.as_deref(), Some("Envoys meet in Doha"));
        assert_eq!(
            p.paragraphs[0],
            "DOHA — Talks began on Thursday with café and “quotes”."
        );
        assert_eq!(p.paragraphs[1], "link text end.");
        let f = p.fallback.unwrap();
        assert_eq!(f.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(f.published, NaiveDate::from_ymd_opt(2026, 11, 26));
    }

    #[test]
    fn deep_groups_are_refused() {
        let deep = format!("{{\\rtf1 {}x", "{".repeat(MAX_NESTING + 2));
        let e = parse(deep.as_bytes()).unwrap_err();
        assert!(matches!(e, IngestErrorKind::Limit { .. }), "{e}");
        assert!(
            e.to_string()
                .ends_with("over the limit of 256 levels of nesting"),
            "{e}"
        );
    }
}
