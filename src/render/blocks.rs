//! The content model of a brief — blocks (headings, paragraphs, lists, quotes, tables, boxes)
//! holding inline runs — and the rules of brief markup: which tags, attributes and classes
//! exist (the parser is `super::parser`). Inline whitespace is collapsed HTML-style while
//! the runs are collected, and straight quotes are set as curly ones ([`super::quotes`]) when
//! they are finished.
//!
//! Allowed markup: block tags `h1 h2 h3 p ul ol li blockquote table tr th td div`, inline
//! tags `b i sup a span br`; `class` on `p` (`subtitle`, `meta`, `note`), `div`
//! (`bottom-line`, `title-block`, `section`) and `span` (`role`, `muted`, `attribution`);
//! `href` on `a`; `width="NN%"` on `th`/`td`.

use super::markup::{MarkupError, Pos};
use super::quotes::{self, Marks};

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

fn attr_error(at: Pos, tag: &str, key: &str, value: &str) -> MarkupError {
    MarkupError::new(
        at,
        format!("unknown attribute {key}=\"{value}\" on <{tag}>"),
    )
}

/// Checks the attributes of `tag`; returns its `class` and `href`/`width` values.
pub fn check_attrs(
    tag: &str,
    attrs: &[(String, String)],
    at: Pos,
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
                    at,
                    format!(
                        "unknown class \"{v}\" on <{tag}> (known: {})",
                        classes.join(", ")
                    ),
                ))
            }
            ("width", "th" | "td") if parse_width(v).is_none() => {
                return Err(MarkupError::new(
                    at,
                    format!("width=\"{v}\" on <{tag}> must be a percentage such as \"20%\""),
                ))
            }
            ("href", "a") | ("width", "th" | "td") => other = Some(v.clone()),
            _ => return Err(attr_error(at, tag, k, v)),
        }
    }
    Ok((class, other))
}

/// A `width="NN%"` value as a fraction.
pub fn parse_width(v: &str) -> Option<f32> {
    let n: f32 = v.trim().strip_suffix('%')?.trim().parse().ok()?;
    (n > 0.0 && n <= 100.0).then_some(n / 100.0)
}

/// How a run of text is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineStyle {
    /// `<b>`.
    pub bold: bool,
    /// `<i>`.
    pub italic: bool,
    /// `<sup>`: smaller and raised.
    pub sup: bool,
    /// `<span class="muted|role|attribution">`: secondary colour.
    pub muted: bool,
    /// `<span class="role|attribution">`: regular weight and upright even in a bold or
    /// italic block; `bold` and `italic` then mean bold and italic, not "switch".
    pub plain: bool,
    /// `<a href>` target.
    pub link: Option<String>,
}

/// One piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text in one style (whitespace already collapsed to single spaces).
    Text {
        /// The characters.
        text: String,
        /// Their style.
        style: InlineStyle,
    },
    /// `<br>`.
    Break,
}

/// Marks that take no space before them in English text: a source's stray "Yobe North , Ahmad
/// Lawan" is set "Yobe North, Ahmad Lawan".
const NO_SPACE_BEFORE: &[char] = &[',', '.', ';', ':', '!', '?', ')', ']', '%'];

/// Collects inline content, collapsing runs of ASCII whitespace (not no-break spaces) into
/// one space and dropping whitespace at the start, the end, around line breaks, before closing
/// punctuation (`NO_SPACE_BEFORE`) and after an opening bracket; [`Self::finish`] sets the
/// straight quotes of the whole content as curly ones.
#[derive(Debug, Default)]
pub struct InlineBuilder {
    items: Vec<Inline>,
    pending_space: Option<InlineStyle>,
}

impl InlineBuilder {
    /// Appends text written in `style`.
    pub fn push_text(&mut self, text: &str, style: &InlineStyle) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                let after_content = match self.items.last() {
                    Some(Inline::Text { text, .. }) => !text.ends_with(['(', '[']),
                    _ => false,
                };
                if after_content && self.pending_space.is_none() {
                    self.pending_space = Some(style.clone());
                }
                continue;
            }
            if let Some(space_style) = self.pending_space.take() {
                if !NO_SPACE_BEFORE.contains(&c) {
                    self.append(' ', &space_style);
                }
            }
            self.append(c, style);
        }
    }

    /// Appends a forced line break.
    pub fn push_break(&mut self) {
        self.pending_space = None;
        self.items.push(Inline::Break);
    }

    /// The collected content, its quotes curled ([`curl_quotes`]).
    pub fn finish(mut self) -> Vec<Inline> {
        while matches!(self.items.last(), Some(Inline::Break)) {
            self.items.pop();
        }
        curl_quotes(&mut self.items, &Marks::default());
        self.items
    }

    fn append(&mut self, c: char, style: &InlineStyle) {
        if let Some(Inline::Text { text, style: s }) = self.items.last_mut() {
            if s == style {
                text.push(c);
                return;
            }
        }
        self.items.push(Inline::Text {
            text: c.to_string(),
            style: style.clone(),
        });
    }
}

/// Sets the straight quotes of `content` as the curly marks of `marks`, reading its runs as one
/// text (a quote may open in one style and close in another). A line break and a superscript
/// (a source number after a sentence, `'gold digger.'¹`) count as spaces.
pub fn curl_quotes(content: &mut [Inline], marks: &Marks) {
    let straight =
        |i: &Inline| matches!(i, Inline::Text { text, .. } if text.contains(['"', '\'']));
    if !content.iter().any(straight) {
        return;
    }
    let chars: Vec<char> = content
        .iter()
        .flat_map(|i| match i {
            Inline::Text { text, style } if style.sup => vec![' '; text.chars().count()],
            Inline::Text { text, .. } => text.chars().collect::<Vec<_>>(),
            Inline::Break => vec![' '],
        })
        .collect();
    let mut reps = quotes::replacements(&chars, marks).into_iter().peekable();
    let mut at = 0;
    for item in content.iter_mut() {
        let Inline::Text { text, .. } = item else {
            at += 1;
            continue;
        };
        let n = text.chars().count();
        if reps.peek().is_some_and(|&(i, _)| i < at + n) {
            let mut out = String::with_capacity(text.len() + 4);
            for (k, c) in text.chars().enumerate() {
                match reps.next_if(|&(i, _)| i == at + k) {
                    Some((_, r)) => out.push_str(r),
                    None => out.push(c),
                }
            }
            *text = out;
        }
        at += n;
    }
}

/// The plain text of inline content (breaks as newlines).
pub fn plain_text(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } => text.as_str(),
            Inline::Break => "\n",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_spaces_around_punctuation_go() {
        let mut b = InlineBuilder::default();
        let style = InlineStyle::default();
        b.push_text(
            "Yobe North , Ahmad Lawan , on Tuesday ( said ) 40 %.",
            &style,
        );
        assert_eq!(
            plain_text(&b.finish()),
            "Yobe North, Ahmad Lawan, on Tuesday (said) 40%."
        );
    }

    #[test]
    fn quotes_curl_across_runs() {
        let mut b = InlineBuilder::default();
        let italic = InlineStyle {
            italic: true,
            ..Default::default()
        };
        b.push_text("“He called ", &InlineStyle::default());
        b.push_text("\"Star Trek", &italic);
        b.push_text(
            "\" O'Brien's 12\" pipe” a 'gold digger.'",
            &InlineStyle::default(),
        );
        let sup = InlineStyle {
            sup: true,
            ..Default::default()
        };
        b.push_text("1", &sup);
        let items = b.finish();
        assert_eq!(
            plain_text(&items),
            "“He called ‘Star Trek’ O'Brien's 12\" pipe” a ‘gold digger.’1"
        );
        assert_eq!(items.len(), 4);
    }

    #[test]
    fn whitespace_collapses_across_runs() {
        let mut b = InlineBuilder::default();
        let bold = InlineStyle {
            bold: true,
            ..Default::default()
        };
        b.push_text("  Hello \n ", &InlineStyle::default());
        b.push_text(" big\u{a0}world ", &bold);
        b.push_break();
        b.push_text(" next ", &InlineStyle::default());
        let items = b.finish();
        assert_eq!(plain_text(&items), "Hello big\u{a0}world\nnext");
        assert_eq!(items.len(), 4);
    }
}
