//! The Knuth–Plass item model shared by shaping and line breaking: shaped glyphs and pieces,
//! the boxes, glue and penalties of a paragraph, and the lines they are broken into.

use std::sync::Arc;

use super::colour::Rgb;
use super::fonts::FontKey;
use super::tags::Tag;

/// A shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the full font.
    pub gid: u16,
    /// Advance in points (kerning included).
    pub advance: f32,
    /// Horizontal displacement in points.
    pub offset: f32,
    /// The text this glyph stands for.
    pub text: String,
}

/// An unbreakable piece of a word in one font, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Font.
    pub font: FontKey,
    /// Size in points.
    pub size: f32,
    /// Baseline shift upwards (superscripts).
    pub rise: f32,
    /// Colour.
    pub color: Rgb,
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
    /// Sum of advances.
    pub width: f32,
    /// Target of the link this piece belongs to (`<a href>`).
    pub link: Option<Arc<str>>,
    /// The structure element its text belongs to (`None`: an artifact, such as the frame).
    pub tag: Option<Tag>,
}

/// A space: its natural width, how far it may stretch and shrink, and its glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glue {
    /// Natural width.
    pub width: f32,
    /// Maximum comfortable stretch.
    pub stretch: f32,
    /// Maximum shrink.
    pub shrink: f32,
    /// The space glyph drawn when the glue is not at a line end (for copy and paste).
    pub space: Piece,
}

/// One item of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Unbreakable material.
    Box(Piece),
    /// Breakable space.
    Glue(Glue),
    /// A break opportunity: `cost` 0 is a free break, [`FORCED`] a forced one.
    Penalty {
        /// Width added when the line breaks here (a hyphen: the break is flagged).
        width: f32,
        /// Cost of breaking here.
        cost: f32,
    },
}

/// Cost of a forced break.
pub const FORCED: f32 = f32::NEG_INFINITY;

/// Cost of breaking at a hyphenation point (TeX's `\hyphenpenalty`).
pub const HYPHEN_PENALTY: f32 = 50.0;

impl Item {
    /// Natural width.
    pub fn width(&self) -> f32 {
        match self {
            Item::Box(p) => p.width,
            Item::Glue(g) => g.width,
            Item::Penalty { .. } => 0.0,
        }
    }
}

/// Skips the glue (and free penalties) a line never starts with.
pub fn skip_discardable(items: &[Item], mut i: usize) -> usize {
    while i < items.len() && matches!(items[i], Item::Glue(_) | Item::Penalty { cost: 0.0, .. }) {
        i += 1;
    }
    i
}

/// One line: items `start..end`, and how much its glue stretches (> 0) or shrinks (< 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// First item.
    pub start: usize,
    /// One past the last item (the break itself is excluded).
    pub end: usize,
    /// Adjustment ratio applied to the glue.
    pub ratio: f32,
    /// The paragraph ends here or a `<br>` forced the break: the line is not justified.
    pub last: bool,
    /// Natural width (the hyphen included).
    pub natural: f32,
    /// The line ends at a hyphenation point: a hyphen is drawn at its end.
    pub hyphenated: bool,
}

/// The source numbers cited by superscripts on one line (in order, each once).
pub fn line_notes(items: &[Item], line: &Line) -> Vec<usize> {
    let mut out = Vec::new();
    for item in &items[line.start..line.end] {
        let Item::Box(p) = item else { continue };
        if p.rise <= 0.0 {
            continue;
        }
        let text: String = p.glyphs.iter().map(|g| g.text.as_str()).collect();
        for n in text.split(|c: char| !c.is_ascii_digit()) {
            if let Ok(n) = n.parse::<usize>() {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}
