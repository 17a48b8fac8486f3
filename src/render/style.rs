//! The house style of the brief: colours, type sizes, leading and spacing for every kind of
//! block, in one place so the typesetting code carries no magic numbers.

use super::blocks::ParaClass;
use super::colour::Rgb;
use super::fonts::Family;

/// Body text colour.
pub const INK: Rgb = Rgb::bytes(0x1b, 0x1d, 0x22);
/// Headings and accents.
pub const NAVY: Rgb = Rgb::bytes(0x1f, 0x3a, 0x5f);
/// Secondary text (roles, dates, page numbers).
pub const MUTED: Rgb = Rgb::bytes(0x5a, 0x61, 0x6b);
/// Hairlines.
pub const RULE: Rgb = Rgb::bytes(0xb8, 0xc0, 0xcc);
/// Background of the bottom-line box.
pub const SHADE: Rgb = Rgb::bytes(0xe9, 0xef, 0xf6);
/// Background of table header rows.
pub const HEADER_SHADE: Rgb = Rgb::bytes(0xdd, 0xe5, 0xef);

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Ragged right.
    Left,
    /// Both edges flush, last line ragged.
    Justify,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// How the text of a block is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Typeface family.
    pub family: Family,
    /// Size in points.
    pub size: f32,
    /// Baseline-to-baseline distance in points.
    pub leading: f32,
    /// Bold throughout.
    pub bold: bool,
    /// Italic throughout (`<i>` inside switches back to roman).
    pub italic: bool,
    /// Text colour.
    pub color: Rgb,
    /// Alignment.
    pub align: Align,
}

/// A block's text style and the space around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BlockStyle {
    /// The text.
    pub text: TextStyle,
    /// Space above (collapses with the space below the previous block).
    pub space_before: f32,
    /// Space below.
    pub space_after: f32,
    /// Never end a page right after this block.
    pub keep_with_next: bool,
}

/// Body text.
pub const BODY: TextStyle = TextStyle {
    family: Family::Serif,
    size: 10.5,
    leading: LEAD,
    bold: false,
    italic: false,
    color: INK,
    align: Align::Justify,
};

/// Table cells.
pub const CELL: TextStyle = TextStyle {
    family: Family::Sans,
    size: 8.5,
    leading: 10.6,
    bold: false,
    italic: false,
    color: INK,
    align: Align::Left,
};

/// Page furniture (footer line).
pub const FOOTER: TextStyle = TextStyle {
    family: Family::Sans,
    size: 8.0,
    leading: 10.0,
    bold: false,
    italic: false,
    color: MUTED,
    align: Align::Left,
};

/// Superscripts: size factor and rise as a fraction of the surrounding size.
pub const SUP_SCALE: f32 = 0.62;
/// See [`SUP_SCALE`].
pub const SUP_RISE: f32 = 0.36;

/// Indent of blockquotes.
pub const QUOTE_INDENT: f32 = 16.0;
/// Hanging indent of list items.
pub const LIST_INDENT: f32 = 15.0;
/// The body leading, the unit of the vertical rhythm: every space between blocks is a
/// multiple of it (all are then scaled with the theme).
pub const LEAD: f32 = 14.0;
/// Space between paragraphs, and around lists, quotations and tables: 0.4 leading.
pub const PARA_SPACE: f32 = 0.4 * LEAD;
/// Space between the statements of a block quotation: 0.3 leading.
pub const QUOTE_PARA_SPACE: f32 = 0.3 * LEAD;
/// Space between list items (less than between paragraphs): 0.15 leading.
pub const ITEM_GAP: f32 = 0.15 * LEAD;
/// Space between sections (after the title rule and the bottom-line box, above an `h2`):
/// 0.7 leading.
pub const SECTION_SPACE: f32 = 0.7 * LEAD;
/// Inner padding of the bottom-line box, sides and (optically, see [`BOX_INSET`]) top and
/// bottom.
pub const BOX_PADDING: f32 = 9.0;
/// What the box's first and last lines bring of their own leading (half-leading and the
/// ascender above the capitals, the descender below the baseline): taken off the top and
/// bottom padding so the capitals and the last baseline sit [`BOX_PADDING`] from the edges.
pub const BOX_INSET: (f32, f32) = (2.5, 3.5);
/// Width of the accent bar on the left of the bottom-line box.
pub const BOX_ACCENT: f32 = 3.0;
/// Cell padding, horizontal and vertical.
pub const CELL_PAD: (f32, f32) = (4.0, 3.2);

/// The style of a heading of `level` 1–3: more space above than below, so a heading binds
/// to the text it introduces (its space below is not widened by the next block's space
/// above).
pub fn heading(level: u8) -> BlockStyle {
    let (size, leading, before, after, color) = match level {
        1 => (20.0, 24.0, 0.0, 0.2 * LEAD, NAVY),
        2 => (12.5, 15.0, SECTION_SPACE, 0.1 * LEAD, NAVY),
        _ => (10.5, 13.0, 0.55 * LEAD, 0.1 * LEAD, INK),
    };
    BlockStyle {
        text: TextStyle {
            family: Family::Sans,
            size,
            leading,
            bold: true,
            italic: false,
            color,
            align: Align::Left,
        },
        space_before: before,
        space_after: after,
        keep_with_next: true,
    }
}

/// The style of a paragraph.
pub fn paragraph(class: ParaClass) -> BlockStyle {
    let (text, before, after) = match class {
        ParaClass::Body => (BODY, 0.0, PARA_SPACE),
        ParaClass::Subtitle => (
            TextStyle {
                size: 12.5,
                leading: 16.0,
                italic: true,
                color: MUTED,
                align: Align::Left,
                ..BODY
            },
            0.0,
            0.3 * LEAD,
        ),
        ParaClass::Meta => (
            TextStyle {
                family: Family::Sans,
                size: 8.5,
                leading: 11.0,
                color: MUTED,
                align: Align::Left,
                ..BODY
            },
            0.0,
            2.0,
        ),
        ParaClass::Note => (
            TextStyle {
                size: 9.0,
                leading: 12.0,
                color: MUTED,
                ..BODY
            },
            0.0,
            PARA_SPACE,
        ),
    };
    BlockStyle {
        text,
        space_before: before,
        space_after: after,
        keep_with_next: false,
    }
}

/// The style of a paragraph inside a table cell (`Some(true)` for a header cell) or a block
/// quotation: body text in a cell is set in the cell style, in a quotation in italics.
pub fn paragraph_in(class: ParaClass, cell: Option<bool>, quote: bool) -> BlockStyle {
    let mut s = paragraph(class);
    match (class, cell) {
        (ParaClass::Body, Some(header)) => {
            s.text = TextStyle {
                bold: header,
                color: if header { NAVY } else { INK },
                ..CELL
            };
            s.space_after = 3.0;
        }
        (ParaClass::Body, None) if quote => {
            s.text.italic = true;
            s.space_after = QUOTE_PARA_SPACE;
        }
        _ => {}
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::layout::Layouter;
    use crate::render::shape::Shaper;
    use crate::render::{markup, parser};

    /// The space above the first line of each block of `markup`, laid out 300 pt wide.
    fn spaces(markup: &str) -> Vec<f32> {
        let blocks = parser::parse(&markup::tokenize(markup).unwrap()).unwrap();
        let mut shaper = Shaper::default();
        let flow = Layouter::new(&mut shaper).layout(&blocks, 300.0).unwrap();
        flow.fragments.iter().map(|f| f.space_before).collect()
    }

    #[test]
    fn the_rhythm_collapses_spaces_and_binds_headings_to_their_text() {
        for level in 2..=3 {
            let h = heading(level);
            assert!(h.space_before > 3.0 * h.space_after, "h{level} binds down");
        }
        const { assert!(ITEM_GAP < QUOTE_PARA_SPACE && QUOTE_PARA_SPACE < PARA_SPACE) };
        let s = spaces(
            "<h2>A</h2><p>x</p><ul><li>a</li><li>b</li></ul><h2>B</h2><h3>C</h3>\
             <blockquote><p>q</p><p>r</p></blockquote><p>y</p>",
        );
        let want = [
            0.0,              // h2 at the top
            0.1 * LEAD,       // paragraph under a heading: the heading's space below
            PARA_SPACE,       // list after a paragraph: the larger space, not the sum
            ITEM_GAP,         // between items
            SECTION_SPACE,    // h2 after a list
            0.55 * LEAD,      // h3 right under an h2 keeps its own space above
            0.1 * LEAD,       // a quotation under a heading: the heading's space below
            QUOTE_PARA_SPACE, // between the statements of a quotation
            PARA_SPACE,       // after the quotation
        ];
        assert_eq!(s.len(), want.len(), "{s:?}");
        for (got, want) in s.iter().zip(want) {
            assert!((got - want).abs() < 1e-4, "{s:?}");
        }
    }
}
