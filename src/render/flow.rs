//! The flow a brief is laid out into, before pagination: unbreakable fragments with their
//! spacing, keep-with-next flags and decoration groups, and the context ([`Ctx`]) blocks are
//! set in (measure, enclosing groups, structure element).

use super::draw::Draw;
use super::tags::Tag;

/// An unbreakable slice of the flow.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fragment {
    /// Height in points.
    pub height: f32,
    /// Space above; dropped at the top of a page.
    pub space_before: f32,
    /// The page must not break between this fragment and the next.
    pub keep_with_next: bool,
    /// What to draw, relative to the column's left edge and the fragment's top.
    pub draws: Vec<Draw>,
    /// Decoration groups ([`Flow::groups`]) it belongs to.
    pub groups: Vec<usize>,
    /// A table row: the fragment of the table's header row, repeated after a page break.
    pub repeat_header: Option<usize>,
    /// Source numbers cited on it (superscripts), for footnotes.
    pub notes: Vec<usize>,
}

/// What a group draws around its fragments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decoration {
    /// A shaded background with an accent bar on the left (the bottom-line box).
    Shade,
    /// A rule on the left (block quotations).
    LeftRule,
}

/// A decoration spanning from `x` for `width` points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    /// What to draw.
    pub decoration: Decoration,
    /// Left edge relative to the column.
    pub x: f32,
    /// Width.
    pub width: f32,
}

/// The laid-out brief before pagination.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    /// Fragments top to bottom.
    pub fragments: Vec<Fragment>,
    /// Decoration groups.
    pub groups: Vec<Group>,
}

/// Where blocks are being set.
#[derive(Debug, Clone, Default)]
pub struct Ctx {
    /// Left edge of the measure.
    pub x: f32,
    /// Width of the measure.
    pub width: f32,
    /// Enclosing decoration groups.
    pub groups: Vec<usize>,
    /// Inside a table cell (`Some(true)` for a header cell).
    pub cell: Option<bool>,
    /// Inside a block quotation.
    pub quote: bool,
    /// The structure element the blocks set here belong to (`None`: the document).
    pub parent: Option<Tag>,
    /// The element a paragraph set here is, instead of a new `P` (a table cell or a footnote
    /// holding one paragraph).
    pub own: Option<Tag>,
}
