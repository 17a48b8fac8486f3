//! The body of `word/document.xml`: the template's blocks as Word paragraphs and tables, each
//! in a named style ([`super::styles`]) so a ministry's template restyles it; source numbers
//! as runs in the "Source Reference" character style, links as hyperlinks.

use std::fmt::Write;

use quick_xml::escape::escape;

use super::styles::{self, Para};
use crate::render::blocks::{Block, Cell, DivClass, Inline, InlineStyle, ParaClass};

/// The body XML with what it refers to: the web addresses its hyperlinks open (relationship
/// `rIdLink{n}` is the n-th, from 1) and how many numbered lists it starts.
#[derive(Debug, Default)]
pub struct Body {
    /// Paragraphs and tables.
    pub xml: String,
    /// Hyperlink targets, in order of their ids.
    pub links: Vec<String>,
    /// Numbered lists, each restarting at 1 (`w:num` ids from [`styles::FIRST_ORDERED_NUM`]).
    pub ordered_lists: u32,
}

/// What holds a paragraph: decides its style.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// The body.
    Body,
    /// A block quotation.
    Quote,
    /// The shaded bottom-line box.
    BottomLine,
    /// A list item: its list's numbering (`None`: bullets from the style), depth, and whether
    /// this is the item's first paragraph.
    Item {
        num: Option<u32>,
        depth: u8,
        first: bool,
    },
    /// A table cell; `true` for a header cell.
    Cell(bool),
}

/// Writes `blocks` (then `notes`, when the theme sets sources as footnotes) as body XML;
/// `width` is the text width in twentieths of a point, for table columns.
pub fn write(blocks: &[Block], notes: &[Vec<Inline>], width: u32) -> Body {
    let mut w = Writer {
        body: Body::default(),
        width,
    };
    w.blocks(blocks, Place::Body);
    if !notes.is_empty() {
        w.para(Para::Heading1, &[text_run("Sources")], None);
        for n in notes {
            w.para(Para::Note, n, None);
        }
    }
    w.body
}

fn text_run(text: &str) -> Inline {
    Inline::Text {
        text: text.into(),
        style: InlineStyle::default(),
    }
}

struct Writer {
    body: Body,
    width: u32,
}

impl Writer {
    fn blocks(&mut self, blocks: &[Block], place: Place) {
        let mut place = place;
        for b in blocks {
            self.block(b, place);
            if let Place::Item { first, .. } = &mut place {
                *first = false;
            }
        }
    }

    fn block(&mut self, block: &Block, place: Place) {
        match block {
            Block::Heading { level, content } => {
                let style = match level {
                    1 => Para::Title,
                    2 => Para::Heading1,
                    _ => Para::Heading2,
                };
                self.para(style, content, None);
            }
            Block::Para { class, content } => {
                let (style, numbering) = para_style(*class, place);
                self.para(style, content, numbering);
            }
            Block::List { ordered, items } => {
                let depth = match place {
                    Place::Item { depth, .. } => depth + 1,
                    _ => 0,
                };
                let num = ordered.then(|| {
                    self.body.ordered_lists += 1;
                    styles::FIRST_ORDERED_NUM + self.body.ordered_lists - 1
                });
                for item in items {
                    let first = true;
                    self.blocks(item, Place::Item { num, depth, first });
                }
            }
            Block::Quote(inner) => self.blocks(inner, Place::Quote),
            Block::Table(rows) => self.table(rows),
            Block::Div { class, blocks } => {
                let inner = match class {
                    DivClass::BottomLine => Place::BottomLine,
                    _ => place,
                };
                self.blocks(blocks, inner);
            }
        }
    }

    /// One paragraph in `style`, with list numbering `numbering` = (num id, level) when the
    /// style's own numbering is not the one wanted.
    fn para(&mut self, style: Para, content: &[Inline], numbering: Option<(u32, u8)>) {
        let out = &mut self.body.xml;
        let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>", style.id());
        if let Some((num, level)) = numbering {
            let _ = write!(
                out,
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr>"
            );
        }
        out.push_str("</w:pPr>");
        for item in content {
            self.inline(item);
        }
        self.body.xml.push_str("</w:p>");
    }

    fn inline(&mut self, item: &Inline) {
        let (text, style) = match item {
            Inline::Break => {
                self.body.xml.push_str("<w:r><w:br/></w:r>");
                return;
            }
            Inline::Text { text, style } => (text, style),
        };
        let run = run(text, style);
        match &style.link {
            Some(url) => {
                self.body.links.push(url.clone());
                let id = self.body.links.len();
                let _ = write!(
                    self.body.xml,
                    "<w:hyperlink r:id=\"rIdLink{id}\" w:history=\"1\">{run}</w:hyperlink>"
                );
            }
            None => self.body.xml.push_str(&run),
        }
    }

    /// A table in the "Sources Table" style, its first row repeated on every page when it
    /// is a header row; column widths from the longest cell text of each column.
    fn table(&mut self, rows: &[Vec<Cell>]) {
        let widths = column_widths(rows, self.width);
        let out = &mut self.body.xml;
        let _ = write!(
            out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"{}\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/>\
             <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            styles::TABLE_STYLE,
            self.width
        );
        for w in &widths {
            let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
        }
        out.push_str("</w:tblGrid>");
        for row in rows {
            let header = row.iter().all(|c| c.header);
            self.body.xml.push_str("<w:tr>");
            if header {
                self.body.xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for (cell, w) in row.iter().zip(widths.iter().chain(std::iter::repeat(&0))) {
                let _ = write!(
                    self.body.xml,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
                );
                let before = self.body.xml.len();
                self.blocks(&cell.blocks, Place::Cell(cell.header));
                if self.body.xml.len() == before {
                    // A cell must hold a paragraph.
                    self.para(Para::TableText, &[], None);
                }
                self.body.xml.push_str("</w:tc>");
            }
            self.body.xml.push_str("</w:tr>");
        }
        self.body.xml.push_str("</w:tbl>");
    }
}

/// The style of a paragraph of `class` in `place`, and its numbering when not the style's.
fn para_style(class: ParaClass, place: Place) -> (Para, Option<(u32, u8)>) {
    match (class, place) {
        (ParaClass::Subtitle, _) => (Para::Subtitle, None),
        (ParaClass::Meta, _) => (Para::Details, None),
        (ParaClass::Note, Place::Body) => (Para::Note, None),
        (_, Place::Quote) => (Para::Quote, None),
        (_, Place::BottomLine) => (Para::BottomLine, None),
        (_, Place::Cell(true)) => (Para::TableHeading, None),
        (_, Place::Cell(false)) => (Para::TableText, None),
        (_, Place::Item { first: false, .. }) => (Para::ListContinue, None),
        (
            _,
            Place::Item {
                num: Some(n),
                depth,
                ..
            },
        ) => (Para::ListNumber, Some((n, depth))),
        (_, Place::Item { depth: 0, .. }) => (Para::ListBullet, None),
        (_, Place::Item { depth, .. }) => (Para::ListBullet, Some((styles::BULLET_NUM, depth))),
        (_, Place::Body) => (Para::Body, None),
    }
}

/// One run: `text` with its character style (source reference, attribution, link) and any
/// bold or italic the markup asked for.
fn run(text: &str, style: &InlineStyle) -> String {
    let mut props = String::new();
    let char_style = if style.sup {
        Some(styles::REFERENCE_STYLE)
    } else if style.link.is_some() {
        Some("Hyperlink")
    } else if style.muted {
        Some(styles::ATTRIBUTION_STYLE)
    } else {
        None
    };
    if let Some(s) = char_style {
        let _ = write!(props, "<w:rStyle w:val=\"{s}\"/>");
    }
    if style.bold {
        props.push_str("<w:b/>");
    }
    if style.italic {
        props.push_str("<w:i/>");
    }
    let props = match props.is_empty() {
        true => props,
        false => format!("<w:rPr>{props}</w:rPr>"),
    };
    format!(
        "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

/// Column widths (twentieths of a point) adding up to `width`, as HTML's automatic layout
/// does: each column first gets room for its short texts on one line (dates, outlets) and its
/// longest word, then the rest goes to the columns of long texts (titles), by length.
fn column_widths(rows: &[Vec<Cell>], width: u32) -> Vec<u32> {
    /// Room for one character of table text (8.5 pt sans), and the cell's side margins.
    const CHAR: u64 = 95;
    const PADDING: u64 = 160;
    /// A text up to this many characters is kept on one line.
    const SHORT: u64 = 18;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let (mut fit, mut long) = (vec![1u64; columns], vec![0u64; columns]);
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let text = cell_text(&cell.blocks);
            let chars = text.trim().chars().count() as u64;
            let word = text.split_whitespace().map(|w| w.chars().count()).max();
            let need = if chars <= SHORT {
                chars
            } else {
                word.unwrap_or(0) as u64
            };
            fit[i] = fit[i].max(need);
            long[i] = long[i].max(chars.min(60));
        }
    }
    let extra: Vec<u64> = long
        .iter()
        .zip(&fit)
        .map(|(l, f)| l.saturating_sub(*f))
        .collect();
    let base: Vec<u64> = fit.iter().map(|f| f * CHAR + PADDING).collect();
    let rest = u64::from(width).saturating_sub(base.iter().sum());
    let total: u64 = extra.iter().sum::<u64>().max(1);
    base.iter()
        .zip(&extra)
        .map(|(b, e)| (b + rest * e / total) as u32)
        .collect()
}

/// The plain text of a cell's blocks.
fn cell_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Para { content, .. } => {
                out.push_str(&crate::render::blocks::plain_text(content));
                out.push(' ');
            }
            Block::Quote(inner) | Block::Div { blocks: inner, .. } => {
                out.push_str(&cell_text(inner))
            }
            Block::List { items, .. } => items.iter().for_each(|i| out.push_str(&cell_text(i))),
            Block::Table(_) => {}
        }
    }
    out
}
