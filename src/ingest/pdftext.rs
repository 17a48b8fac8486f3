//! The text layer of one PDF page as lines, with a blank line where the vertical gap between
//! two lines is clearly larger than the page's usual line spacing (a paragraph break) and
//! before an indented first line.
//!
//! `lopdf::Document::extract_text` starts a new line only at `T*` and `ET`, so text placed line
//! by line with `Td` or `Tm` (what most writers, our renderer included, do) runs together. This
//! walk follows the text position (`BT`, `Tm`, `Td`, `TD`, `TL`, `T*`, `'`, `"`, and `cm`
//! under `q`/`Q`), decodes strings with each font's encoding, puts a space where a `TJ` kerning
//! gap or the distance between two strings on one line is a word gap (widths from the font's
//! `/Widths`, else half an em a glyph), and starts a new line where the baseline moves.

use std::collections::BTreeMap;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Encoding, Object, ObjectId};

use super::container::{damaged, over_limit, MAX_PAGE_CONTENT_BYTES, MAX_UNPACKED_BYTES};
use crate::error::IngestErrorKind;

/// A font of the page: its encoding and glyph widths (thousandths of an em).
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    first_char: i64,
    widths: Vec<f32>,
}

impl Font<'_> {
    /// Width in em of the string `bytes` shows, and its text.
    fn show(&self, bytes: &[u8]) -> (f32, String) {
        let text = self
            .encoding
            .as_ref()
            .and_then(|e| Document::decode_text(e, bytes).ok())
            .unwrap_or_default();
        let width = if self.widths.is_empty() || text.chars().count() * 2 <= bytes.len() {
            text.chars().count() as f32 * 0.5
        } else {
            bytes
                .iter()
                .map(|&b| {
                    let w = self.widths.get((b as i64 - self.first_char) as usize);
                    w.copied().unwrap_or(500.0) / 1000.0
                })
                .sum()
        };
        (width, text)
    }
}

/// A line being assembled: baseline, left edge, font size, right edge, text.
#[derive(Clone, Default)]
struct Line {
    y: f32,
    x: f32,
    size: f32,
    end: f32,
    text: String,
}

/// The page's lines, with blank lines at paragraph breaks.
pub fn page_lines(doc: &Document, page: ObjectId) -> Result<Vec<String>, IngestErrorKind> {
    let fonts = page_fonts(doc, page);
    let content = page_content(doc, page)?;
    let mut walk = TextWalk::new(&fonts);
    for op in &content.operations {
        walk.op(op);
    }
    Ok(reading_order(walk.finish()))
}

/// The fonts of the page by resource name.
fn page_fonts(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, Font<'_>> {
    let limit = MAX_UNPACKED_BYTES as usize;
    doc.get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| {
            let num = |k: &[u8]| dict.get(k).ok().and_then(|o| o.as_i64().ok());
            let widths = dict
                .get(b"Widths")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
                .map(|a| a.iter().map(|w| w.as_float().unwrap_or(500.0)).collect())
                .unwrap_or_default();
            let font = Font {
                encoding: dict.get_font_encoding_with_limit(doc, limit).ok(),
                first_char: num(b"FirstChar").unwrap_or(0),
                widths,
            };
            (name, font)
        })
        .collect()
}

/// The page's content stream, decoded (refused past [`MAX_PAGE_CONTENT_BYTES`]).
fn page_content(doc: &Document, page: ObjectId) -> Result<Content, IngestErrorKind> {
    let data = doc
        .get_page_content_with_limit(page, MAX_PAGE_CONTENT_BYTES as usize)
        .map_err(|e| match e {
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                over_limit(
                    "a PDF page's content unpacks to too much data",
                    format!("{} MB of content per page", MAX_PAGE_CONTENT_BYTES >> 20),
                )
            }
            e => damaged("PDF", e),
        })?;
    Content::decode(&data).map_err(|e| damaged("PDF", e))
}

/// The identity matrix.
const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// A walk through a page's content stream: the text and graphics state it follows, the lines
/// it has assembled.
struct TextWalk<'f, 'a> {
    /// The page's fonts by resource name.
    fonts: &'f BTreeMap<Vec<u8>, Font<'a>>,
    /// The lines finished so far.
    lines: Vec<Line>,
    /// The line being assembled.
    cur: Line,
    /// Text matrix.
    tm: [f32; 6],
    /// Text line matrix (the start of the current text line).
    tlm: [f32; 6],
    /// Current transformation matrix.
    ctm: [f32; 6],
    /// Transformation matrices saved by `q`.
    stack: Vec<[f32; 6]>,
    /// Text leading (`TL`).
    leading: f32,
    /// Font size (`Tf`).
    size: f32,
    /// The font set by `Tf`, when the page has it.
    font: Option<&'f Font<'a>>,
}

impl<'f, 'a> TextWalk<'f, 'a> {
    /// A walk at the start of the page.
    fn new(fonts: &'f BTreeMap<Vec<u8>, Font<'a>>) -> Self {
        TextWalk {
            fonts,
            lines: Vec::new(),
            cur: Line::default(),
            tm: IDENTITY,
            tlm: IDENTITY,
            ctm: IDENTITY,
            stack: Vec::new(),
            leading: 0.0,
            size: 10.0,
            font: None,
        }
    }

    /// Follows one operation.
    fn op(&mut self, op: &Operation) {
        let f = |i: usize| {
            op.operands
                .get(i)
                .and_then(|o| o.as_float().ok())
                .unwrap_or(0.0)
        };
        match op.operator.as_str() {
            "q" if self.stack.len() < 64 => self.stack.push(self.ctm),
            "Q" => self.ctm = self.stack.pop().unwrap_or(self.ctm),
            "cm" => self.ctm = multiply([f(0), f(1), f(2), f(3), f(4), f(5)], self.ctm),
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = self.tm;
            }
            "Tm" => {
                self.tm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                self.tlm = self.tm;
            }
            "Td" => self.next_line(f(0), f(1)),
            "TD" => {
                self.leading = -f(1);
                self.next_line(f(0), f(1));
            }
            "TL" => self.leading = f(0),
            "T*" => self.next_line(0.0, -self.leading),
            "Tf" => {
                self.font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| self.fonts.get(n));
                self.size = f(1);
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    self.next_line(0.0, -self.leading);
                }
                self.show(op);
            }
            _ => {}
        }
    }

    /// Moves to the start of the next text line, offset by `(tx, ty)`.
    fn next_line(&mut self, tx: f32, ty: f32) {
        let tlm = &mut self.tlm;
        tlm[4] += tx * tlm[0] + ty * tlm[2];
        tlm[5] += tx * tlm[1] + ty * tlm[3];
        self.tm = self.tlm;
    }

    /// Shows the strings of a `Tj`, `TJ`, `'` or `"` in the current font (nothing without
    /// one): on the current line, or on a new one where the baseline moved.
    fn show(&mut self, op: &Operation) {
        let Some(font) = self.font else { return };
        let m = multiply(self.tm, self.ctm);
        let scale = (m[0] * m[0] + m[1] * m[1]).sqrt().max(0.01);
        let em = self.size.abs() * scale;
        let (x, y) = (m[4], m[5]);
        self.place(x, y, em);
        let parts: Vec<&Object> = match op.operands.last() {
            Some(Object::Array(a)) if op.operator == "TJ" => a.iter().collect(),
            Some(o) => vec![o],
            None => vec![],
        };
        let advance = self.cur.push_parts(font, &parts);
        self.tm[4] += advance * self.size * self.tm[0];
        self.tm[5] += advance * self.size * self.tm[1];
        self.cur.end = x + advance * em;
    }

    /// Continues the current line with text at `(x, y)` set `em` high (a space before it
    /// where the gap is a word gap), or starts a new line there.
    fn place(&mut self, x: f32, y: f32, em: f32) {
        let cur = &mut self.cur;
        // Same baseline, but far to the right: the next column's line (interleaved).
        let gutter = x - cur.end > em.max(cur.size) * 2.0;
        let same_line =
            !cur.text.is_empty() && (y - cur.y).abs() <= em.max(cur.size) * 0.4 && !gutter;
        if !same_line {
            if !cur.text.is_empty() {
                self.lines.push(std::mem::take(cur));
            }
            self.cur = Line {
                y,
                x,
                size: em,
                end: x,
                text: String::new(),
            };
        } else if x - cur.end > em * 0.15 && !cur.text.ends_with(' ') {
            cur.text.push(' ');
        }
    }

    /// The lines of the page, the last one included.
    fn finish(mut self) -> Vec<Line> {
        if !self.cur.text.is_empty() {
            self.lines.push(self.cur);
        }
        self.lines
    }
}

impl Line {
    /// Appends the text of `parts` (strings and `TJ` kerning numbers) shown in `font`, a
    /// space where a kerning gap is a word gap; returns their advance in em.
    fn push_parts(&mut self, font: &Font, parts: &[&Object]) -> f32 {
        let mut advance = 0.0;
        for part in parts {
            match part {
                Object::String(bytes, _) => {
                    let (w, t) = font.show(bytes);
                    self.text.push_str(&t);
                    advance += w;
                }
                other => {
                    let kern = other.as_float().unwrap_or(0.0);
                    if kern < -200.0 && !self.text.ends_with(' ') {
                        self.text.push(' ');
                    }
                    advance -= kern / 1000.0;
                }
            }
        }
        advance
    }
}

/// The texts of the page's lines column by column, with blank lines at paragraph breaks.
fn reading_order(lines: Vec<Line>) -> Vec<String> {
    let mut out = Vec::new();
    for column in columns(lines) {
        // A column break ends a paragraph only where the text ends a sentence.
        let ends = out
            .last()
            .is_some_and(|l: &String| l.ends_with(['.', '!', '?', '”', '"']));
        if ends {
            out.push(String::new());
        }
        out.extend(with_breaks(&column));
    }
    out
}

/// The page's lines in reading order: lines spanning the page (a headline over two columns)
/// first, then the left column, then the right one, when the lines split at a gutter into two
/// columns of at least a quarter of the lines each; else the lines as they are. Content streams
/// that interleave the two columns line by line come out column by column.
fn columns(lines: Vec<Line>) -> Vec<Vec<Line>> {
    let n = lines.len();
    let tolerance = |l: &Line| l.size.max(1.0) * 0.5;
    let mut best: Option<(f32, usize)> = None;
    for cand in &lines {
        let split = cand.x;
        let left = lines
            .iter()
            .filter(|l| l.end <= split - tolerance(l))
            .count();
        let right = lines.iter().filter(|l| l.x >= split - tolerance(l)).count();
        let Some(spanning) = n.checked_sub(left + right) else {
            continue;
        };
        let ok = left * 4 >= n && right * 4 >= n && spanning * 5 <= n;
        if ok && best.is_none_or(|(_, s)| spanning < s) {
            best = Some((split, spanning));
        }
    }
    let Some((split, _)) = best else {
        return vec![lines];
    };
    let (mut head, mut left, mut right) = (Vec::new(), Vec::new(), Vec::new());
    for l in lines {
        if l.x >= split - tolerance(&l) {
            right.push(l);
        } else if l.end <= split - tolerance(&l) {
            left.push(l);
        } else {
            head.push(l);
        }
    }
    [head, left, right]
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect()
}

/// `a × b` for PDF matrices `[a b c d e f]`.
fn multiply(a: [f32; 6], b: [f32; 6]) -> [f32; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// Line texts with a blank line before a line whose gap above is over 1.4 times the usual
/// spacing, or whose left edge is indented past the usual margin (a first-line indent).
fn with_breaks(lines: &[Line]) -> Vec<String> {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let usual = gaps.get(gaps.len() / 3).copied().unwrap_or(0.0);
    let mut lefts: Vec<f32> = lines.iter().map(|l| l.x).collect();
    lefts.sort_by(f32::total_cmp);
    let margin = lefts.get(lefts.len() / 2).copied().unwrap_or(0.0);
    let mut out = Vec::with_capacity(lines.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let gap = lines[i - 1].y - line.y;
            let indent = line.x - margin > line.size && line.x - margin < line.size * 6.0;
            if (usual > 0.0 && gap > usual * 1.4) || indent {
                out.push(String::new());
            }
        }
        out.push(line.text.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, x: f32, t: &str) -> Line {
        Line {
            y,
            x,
            size: 10.0,
            end: x,
            text: t.into(),
        }
    }

    #[test]
    fn gaps_and_indents_break_paragraphs() {
        let ls = [
            line(700.0, 72.0, "One a"),
            line(688.0, 72.0, "one b."),
            line(664.0, 72.0, "Two a"),
            line(652.0, 72.0, "two b."),
            line(640.0, 90.0, "Three."),
        ];
        assert_eq!(
            with_breaks(&ls),
            vec!["One a", "one b.", "", "Two a", "two b.", "", "Three."]
        );
        let interleaved: Vec<Line> = (0..4)
            .flat_map(|i| {
                let y = 700.0 - 12.0 * i as f32;
                let mut l = line(y, 72.0, &format!("left {i}"));
                l.end = 280.0;
                let mut r = line(y, 310.0, &format!("right {i}"));
                r.end = 520.0;
                [l, r]
            })
            .collect();
        let cols = columns(interleaved);
        assert_eq!(cols.len(), 2);
        let left: Vec<&str> = cols[0].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(left, ["left 0", "left 1", "left 2", "left 3"]);
        assert_eq!(columns(ls.to_vec()).len(), 1);
        assert_eq!(
            multiply(
                [2.0, 0.0, 0.0, 2.0, 1.0, 1.0],
                [1.0, 0.0, 0.0, 1.0, 5.0, 5.0]
            )[4],
            6.0
        );
    }
}
