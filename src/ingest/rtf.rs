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
    let mut walk = Walk::new(bytes);
    while walk.i < bytes.len() {
        walk.step()?;
    }
    Ok(walk.finish())
}

/// The creation date of `\info` (`\yr`, `\mo`, `\dy`).
#[derive(Default)]
struct Date {
    year: i32,
    month: u32,
    day: u32,
}

/// A walk over an RTF file's bytes: where it is, the state of the groups it is in, and the
/// text it has kept.
struct Walk<'b> {
    bytes: &'b [u8],
    /// The next byte to read.
    i: usize,
    /// The code page of `\'hh` escapes and raw bytes (`\ansicpg`).
    enc: &'static Encoding,
    /// The enclosing groups' states.
    stack: Vec<Group>,
    /// The current group's state.
    g: Group,
    /// The body text.
    body: String,
    /// The `\info` fields read ([`INFO`]).
    info: [String; 3],
    date: Date,
    /// Code-page bytes not yet decoded.
    pending: Vec<u8>,
    /// Fallback characters still to skip after a `\uN`.
    skip_chars: usize,
}

impl<'b> Walk<'b> {
    /// A walk at the start of `bytes`.
    fn new(bytes: &'b [u8]) -> Self {
        Walk {
            bytes,
            i: 0,
            enc: WINDOWS_1252,
            stack: Vec::new(),
            g: Group {
                skip: false,
                uc: 1,
                info: None,
            },
            body: String::new(),
            info: Default::default(),
            date: Date::default(),
            pending: Vec::new(),
            skip_chars: 0,
        }
    }

    /// Reads the next byte: a group's start or end, a control word, or text.
    fn step(&mut self) -> Result<(), IngestErrorKind> {
        let bytes = self.bytes;
        let b = bytes[self.i];
        // Flush code-page bytes before anything that is not one.
        let hex_escape = b == b'\\' && bytes.get(self.i + 1) == Some(&b'\'');
        if !hex_escape && !self.pending.is_empty() {
            let s = self.enc.decode(&self.pending).0.into_owned();
            self.pending.clear();
            self.emit(&s);
        }
        match b {
            b'{' => {
                self.stack.push(self.g);
                if self.stack.len() > MAX_NESTING {
                    return Err(over_limit(
                        "the RTF nests groups too deeply",
                        format!("{MAX_NESTING} levels of nesting"),
                    ));
                }
                self.i += 1;
            }
            b'}' => {
                self.g = self.stack.pop().unwrap_or(self.g);
                self.skip_chars = 0;
                self.i += 1;
            }
            b'\\' => self.control(),
            b'\r' | b'\n' => self.i += 1,
            _ => {
                self.code_page_byte(b);
                self.i += 1;
            }
        }
        Ok(())
    }

    /// Reads a control word or symbol and does what it says.
    fn control(&mut self) {
        let (word, param, next) = control(self.bytes, self.i + 1);
        self.i = next;
        if let Some(text) = symbol(word) {
            self.emit(text);
            return;
        }
        match word {
            "'" => self.hex_escape(),
            "u" => {
                let code = param.unwrap_or(0);
                let code = if code < 0 { code + 65_536 } else { code } as u32;
                let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                let mut buf = [0; 4];
                self.emit(c.encode_utf8(&mut buf));
                self.skip_chars = self.g.uc;
            }
            "uc" => self.g.uc = param.unwrap_or(1).clamp(0, 8) as usize,
            "ansicpg" => {
                let label = format!("windows-{}", param.unwrap_or(1252));
                self.enc = Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252);
            }
            "bin" => self.i = self.i.saturating_add(param.unwrap_or(0).max(0) as usize),
            "*" | "info" => self.g.skip = true,
            "yr" => self.date.year = param.unwrap_or(0),
            "mo" => self.date.month = param.unwrap_or(0) as u32,
            "dy" => self.date.day = param.unwrap_or(0) as u32,
            w if INFO.contains(&w) => self.g.info = INFO.iter().position(|x| *x == w),
            w if SKIP.contains(&w) => self.g.skip = true,
            _ => {}
        }
    }

    /// Reads the two hex digits of a `\'hh` escape as a code-page byte.
    fn hex_escape(&mut self) {
        let i = self.i;
        let hex = self
            .bytes
            .get(i..i + 2)
            .and_then(|h| std::str::from_utf8(h).ok());
        if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            self.code_page_byte(v);
        }
        self.i = (i + 2).min(self.bytes.len());
    }

    /// A byte of text in the code page, unless it is a `\uN` fallback to skip.
    fn code_page_byte(&mut self, b: u8) {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
        } else {
            self.pending.push(b);
        }
    }

    /// Adds `s` to the info field being read, else to the body unless the group is skipped.
    fn emit(&mut self, s: &str) {
        if let Some(k) = self.g.info {
            self.info[k].push_str(s);
        } else if !self.g.skip {
            self.body.push_str(s);
        }
    }

    /// The document: the body through the plain-text reader, `\info` as its fallback.
    fn finish(self) -> Parsed {
        let mut out = text::parse(&self.body);
        let [title, author, company] = self.info.map(|s| s.trim().to_string());
        let some = |s: String| (!s.is_empty()).then_some(s);
        if out.title.is_none() {
            out.title = some(title);
        }
        let Date { year, month, day } = self.date;
        out.fallback = Some(Box::new(Parsed {
            byline: some(author),
            outlet: some(company),
            published: NaiveDate::from_ymd_opt(year, month, day),
            ..Parsed::default()
        }));
        out
    }
}

/// The text a control word or symbol stands for (breaks, typographic symbols, escaped
/// characters), or `None`.
fn symbol(word: &str) -> Option<&str> {
    Some(match word {
        "par" | "row" | "sect" | "page" => "\n\n",
        "line" => "\n",
        "tab" => "\t",
        "cell" => " | ",
        "emdash" => "—",
        "endash" => "–",
        "lquote" => "‘",
        "rquote" => "’",
        "ldblquote" => "“",
        "rdblquote" => "”",
        "bullet" => "•",
        "~" => "\u{a0}",
        "_" => "‑",
        "\\" | "{" | "}" => word,
        _ => return None,
    })
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
