//! The text layer of one PDF page as lines, with a blank line where the vertical gap between
//! two lines is clearly larger than the page's usual line spacing (a paragraph break) and
//! before an indented first line: this walk places the lines, [`super::pdflayout`] orders them.
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
use super::pdflayout::{reading_order, Line};
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
        let advance = self.push_parts(font, &parts);
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

    /// Appends to the current line the text of `parts` (strings and `TJ` kerning numbers) shown in `font`, a
    /// space where a kerning gap is a word gap; returns their advance in em.
    fn push_parts(&mut self, font: &Font, parts: &[&Object]) -> f32 {
        let text = &mut self.cur.text;
        let mut advance = 0.0;
        for part in parts {
            match part {
                Object::String(bytes, _) => {
                    let (w, t) = font.show(bytes);
                    text.push_str(&t);
                    advance += w;
                }
                other => {
                    let kern = other.as_float().unwrap_or(0.0);
                    if kern < -200.0 && !text.ends_with(' ') {
                        text.push(' ');
                    }
                    advance -= kern / 1000.0;
                }
            }
        }
        advance
    }

    /// The lines of the page, the last one included.
    fn finish(mut self) -> Vec<Line> {
        if !self.cur.text.is_empty() {
            self.lines.push(self.cur);
        }
        self.lines
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_multiply_as_pdf_does() {
        assert_eq!(
            multiply(
                [2.0, 0.0, 0.0, 2.0, 1.0, 1.0],
                [1.0, 0.0, 0.0, 1.0, 5.0, 5.0]
            )[4],
            6.0
        );
    }
}
