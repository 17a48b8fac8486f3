//! The block model of a brief (headings, paragraphs, lists, quotes, tables, boxes) and the
//! rules of brief markup: which tags, attributes and classes exist (see [`super::parser`]).
//!
//! Allowed markup: block tags `h1 h2 h3 p ul ol li blockquote table tr th td div`, inline
//! tags `b i sup a span br`; `class` on `p` (`subtitle`, `meta`, `note`), `div`
//! (`bottom-line`, `title-block`, `section`) and `span` (`role`, `muted`, `attribution`);
//! `href` on `a`; `width="NN%"` on `th`/`td`.

use super::markup::MarkupError;

pub use super::inline::Inline;

/// The look of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaClass {
    /// Body text, justified.
    Body,
    /// The line under the title.
    Subtitle,
    /// Date, author and other small print.
    Meta,
    /// A small note.
    Note,
}

/// The look of a `div`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DivClass {
    /// A plain container.
    Section,
    /// The title block, closed by a rule.
    TitleBlock,
    /// The shaded bottom-line box.
    BottomLine,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// A `th` cell.
    pub header: bool,
    /// Width as a fraction of the table, when given.
    pub width: Option<f32>,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A block of the brief.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `h1`–`h3`.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Para {
        /// Its look.
        class: ParaClass,
        /// The text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item holds blocks.
    List {
        /// `ol` rather than `ul`.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A block quotation.
    Quote(Vec<Block>),
    /// A table: rows of cells.
    Table(Vec<Vec<Cell>>),
    /// A `div`.
    Div {
        /// Its look.
        class: DivClass,
        /// Its content.
        blocks: Vec<Block>,
    },
}

/// Parses brief-markup tokens into blocks.
/// Tags that open a block.
pub const BLOCK_TAGS: [&str; 11] = [
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "blockquote",
    "table",
    "div",
    "li",
    "tr",
];

fn attr_error(line: usize, tag: &str, key: &str, value: &str) -> MarkupError {
    MarkupError::new(
        line,
        format!("unknown attribute {key}=\"{value}\" on <{tag}>"),
    )
}

/// Checks the attributes of `tag`; returns its `class` and `href`/`width` values.
pub fn check_attrs(
    tag: &str,
    attrs: &[(String, String)],
    line: usize,
) -> Result<(Option<String>, Option<String>), MarkupError> {
    let classes: &[&str] = match tag {
        "p" => &["subtitle", "meta", "note"],
        "div" => &["bottom-line", "title-block", "section"],
        "span" => &["role", "muted", "attribution"],
        _ => &[],
    };
    let (mut class, mut other) = (None, None);
    for (k, v) in attrs {
        match (k.as_str(), tag) {
            ("class", _) if classes.contains(&v.trim()) => class = Some(v.trim().to_string()),
            ("class", _) if !classes.is_empty() => {
                return Err(MarkupError::new(
                    line,
                    format!(
                        "unknown class \"{v}\" on <{tag}> (known: {})",
                        classes.join(", ")
                    ),
                ))
            }
            ("width", "th" | "td") if parse_width(v).is_none() => {
                return Err(MarkupError::new(
                    line,
                    format!("width=\"{v}\" on <{tag}> must be a percentage such as \"20%\""),
                ))
            }
            ("href", "a") | ("width", "th" | "td") => other = Some(v.clone()),
            _ => return Err(attr_error(line, tag, k, v)),
        }
    }
    Ok((class, other))
}

/// A `width="NN%"` value as a fraction.
pub fn parse_width(v: &str) -> Option<f32> {
    let n: f32 = v.trim().strip_suffix('%')?.trim().parse().ok()?;
    (n > 0.0 && n <= 100.0).then_some(n / 100.0)
}
