//! Drawing primitives the typesetter produces and the PDF writer consumes: positioned glyph
//! runs, filled rectangles and rules. Coordinates are points, y growing downwards from the
//! top of whatever holds them (a line, a fragment, a page).

use super::colour::Rgb;
use super::fonts::FontKey;
use super::items::Piece;
use super::tags::{Mark, Tag};

/// A glyph at its final horizontal position.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the full (not yet subset) font.
    pub gid: u16,
    /// Left edge of the glyph's advance box.
    pub x: f32,
    /// The text it stands for (empty for the second and later glyphs of a cluster).
    pub text: String,
}

/// Glyphs of one font, size and colour on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The font.
    pub font: FontKey,
    /// Size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Rgb,
    /// Baseline.
    pub baseline: f32,
    /// The glyphs, left to right.
    pub glyphs: Vec<PlacedGlyph>,
    /// The structure element the text belongs to, or the kind of artifact it is.
    pub mark: Mark,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// Text.
    Text(TextRun),
    /// A filled rectangle; `y` is its top edge.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        fill: Rgb,
    },
    /// A straight rule.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width.
        width: f32,
        /// Stroke colour.
        color: Rgb,
    },
    /// An outline (bookmark) entry pointing at this height of the page; draws nothing.
    Anchor {
        /// Top of the heading.
        y: f32,
        /// Heading level, 1–3.
        level: u8,
        /// The heading text.
        title: String,
    },
    /// A clickable area opening `uri`; draws nothing.
    Link {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Target.
        uri: String,
        /// The `Link` element of the linked text (`None`: not tagged).
        tag: Option<Tag>,
    },
}

impl Draw {
    /// The same drawing scaled by `s` about the origin (sizes and stroke widths included).
    pub fn scale(&mut self, s: f32) {
        match self {
            Draw::Text(run) => {
                run.baseline *= s;
                run.size *= s;
                for g in &mut run.glyphs {
                    g.x *= s;
                }
            }
            Draw::Rect { x, y, w, h, .. } | Draw::Link { x, y, w, h, .. } => {
                *x *= s;
                *y *= s;
                *w *= s;
                *h *= s;
            }
            Draw::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ..
            } => {
                *x1 *= s;
                *y1 *= s;
                *x2 *= s;
                *y2 *= s;
                *width *= s;
            }
            Draw::Anchor { y, .. } => *y *= s,
        }
    }

    /// Marks drawn text as the artifact `mark` (not [`Mark::Content`]): a link area on it
    /// leaves the structure too.
    pub fn set_artifact(&mut self, mark: &Mark) {
        match self {
            Draw::Text(run) => run.mark = mark.clone(),
            Draw::Link { tag, .. } => *tag = None,
            Draw::Rect { .. } | Draw::Line { .. } | Draw::Anchor { .. } => {}
        }
    }

    /// The same drawing with every colour passed through `f`.
    pub fn recolour(&mut self, f: impl Fn(Rgb) -> Rgb) {
        match self {
            Draw::Text(run) => run.color = f(run.color),
            Draw::Rect { fill, .. } => *fill = f(*fill),
            Draw::Line { color, .. } => *color = f(*color),
            Draw::Anchor { .. } | Draw::Link { .. } => {}
        }
    }

    /// The same drawing moved by `(dx, dy)`.
    pub fn translate(&mut self, dx: f32, dy: f32) {
        match self {
            Draw::Text(run) => {
                run.baseline += dy;
                for g in &mut run.glyphs {
                    g.x += dx;
                }
            }
            Draw::Rect { x, y, .. } | Draw::Link { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Draw::Anchor { y, .. } => *y += dy,
            Draw::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
        }
    }
}

impl TextRun {
    /// A piece drawn as a run starting at `x`.
    pub fn from_piece(piece: &Piece, x: f32, baseline: f32) -> TextRun {
        let mut pen = x;
        let glyphs = piece
            .glyphs
            .iter()
            .map(|g| {
                let placed = PlacedGlyph {
                    gid: g.gid,
                    x: pen + g.offset,
                    text: g.text.clone(),
                };
                pen += g.advance;
                placed
            })
            .collect();
        TextRun {
            font: piece.font,
            size: piece.size,
            color: piece.color,
            baseline: baseline - piece.rise,
            glyphs,
            mark: piece.tag.clone().map_or(Mark::Layout, Mark::Content),
        }
    }
}
