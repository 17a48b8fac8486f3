//! The house style of the brief: colours, type sizes, leading and spacing for every kind of
//! block, in one place so the typesetting code carries no magic numbers.

use super::blocks::ParaClass;
use super::draw::Rgb;
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
    leading: 14.0,
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
/// Space between list items.
pub const ITEM_GAP: f32 = 3.5;
/// Inner padding of the bottom-line box.
pub const BOX_PADDING: f32 = 9.0;
/// Width of the accent bar on the left of the bottom-line box.
pub const BOX_ACCENT: f32 = 3.0;
/// Cell padding, horizontal and vertical.
pub const CELL_PAD: (f32, f32) = (4.0, 3.2);

/// The style of a heading of `level` 1–3.
pub fn heading(level: u8) -> BlockStyle {
    let (size, leading, before, after, color) = match level {
        1 => (20.0, 24.0, 0.0, 6.0, NAVY),
        2 => (12.5, 15.0, 16.0, 6.0, NAVY),
        _ => (10.5, 13.0, 10.0, 3.0, INK),
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
        ParaClass::Body => (BODY, 0.0, 7.0),
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
            6.0,
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
            6.0,
        ),
    };
    BlockStyle {
        text,
        space_before: before,
        space_after: after,
        keep_with_next: false,
    }
}
