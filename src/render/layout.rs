//! Blocks → a [`Flow`]: a vertical list of unbreakable fragments (one per text line, table
//! row or spacer) with the spacing, keep-with-next flags and decorations the paginator needs.
//!
//! Fragments are positioned relative to the left edge of the text column and their own top;
//! decorations (the shaded box, the quote rule) are groups drawn around whichever of their
//! fragments land on a page, so a box that splits across pages is drawn on both.

use super::blocks::{plain_text, Block, Cell, DivClass, Inline};
use super::draw::{Draw, TextRun};
use super::flow::{Ctx, Decoration, Flow, Fragment, Group};
use super::fonts::{font, Family, FontKey};
use super::items::line_notes;
use super::linebreak::{break_lines, place_line_links, split_wide_boxes};
use super::shape::Shaper;
use super::style::{self, Align, BlockStyle, TextStyle};
use super::table;
use super::tags::{inline_tags, Attr, Role, Tag};
use crate::error::RenderError;

/// Lays out blocks into a [`Flow`].
pub struct Layouter<'s> {
    /// The result so far.
    pub flow: Flow,
    /// The shaper (collects missing glyphs).
    pub shaper: &'s mut Shaper,
    /// Space owed below the previous block; `None` at the top of a container.
    pending: Option<f32>,
    /// The previous block was a heading: its space below stands, whatever the next block
    /// asks above (the heading binds to its text).
    bound: bool,
    /// Family of body text (headings, tables and furniture stay sans).
    pub body_family: Family,
}

impl<'s> Layouter<'s> {
    /// An empty layouter.
    pub fn new(shaper: &'s mut Shaper) -> Self {
        Layouter {
            flow: Flow::default(),
            shaper,
            pending: None,
            bound: false,
            body_family: Family::Serif,
        }
    }

    /// Lays out `blocks` in a column `width` points wide.
    pub fn layout(self, blocks: &[Block], width: f32) -> Result<Flow, RenderError> {
        self.layout_as(blocks, width, None)
    }

    /// [`Layouter::layout`], a paragraph being element `own` rather than a new `P`.
    pub fn layout_as(
        mut self,
        blocks: &[Block],
        width: f32,
        own: Option<Tag>,
    ) -> Result<Flow, RenderError> {
        let ctx = Ctx {
            width,
            own,
            ..Ctx::default()
        };
        self.blocks(blocks, &ctx)?;
        Ok(self.flow)
    }

    /// Lays out blocks in `ctx`.
    pub fn blocks(&mut self, blocks: &[Block], ctx: &Ctx) -> Result<(), RenderError> {
        for (i, b) in blocks.iter().enumerate() {
            self.block(b, ctx)?;
            // The line that introduces a list stays with the list's first item.
            let intro = matches!(b, Block::Para { .. })
                && matches!(blocks.get(i + 1), Some(Block::List { .. }));
            if intro {
                if let Some(last) = self.flow.fragments.last_mut() {
                    last.keep_with_next = true;
                }
            }
        }
        Ok(())
    }

    /// The space above a block whose own space above is `before`: the larger of it and the
    /// space owed below the previous block (spaces collapse, they never add up), or the
    /// heading's own space below right after a heading.
    pub fn take_space(&mut self, before: f32) -> f32 {
        let bound = std::mem::take(&mut self.bound);
        self.pending
            .take()
            .map_or(0.0, |after| if bound { after } else { after.max(before) })
    }

    /// Sets the space owed below the block just finished.
    pub fn set_space_after(&mut self, after: f32) {
        self.pending = Some(after);
        self.bound = false;
    }

    fn open_container(&mut self, before: f32) {
        if !self.bound {
            self.pending = self.pending.map(|p| p.max(before));
        }
    }

    fn block(&mut self, block: &Block, ctx: &Ctx) -> Result<(), RenderError> {
        match block {
            Block::Heading { level, content } => {
                let first = self.flow.fragments.len();
                let tag = Tag::new(Role::heading(*level), ctx.parent.as_ref());
                self.text(content, style::heading(*level), ctx, &tag)?;
                if let Some(f) = self.flow.fragments.get_mut(first) {
                    f.draws.push(Draw::Anchor {
                        y: 0.0,
                        level: *level,
                        title: plain_text(content).replace('\n', " "),
                    });
                }
                Ok(())
            }
            Block::Para { class, content } => {
                let tag = ctx
                    .own
                    .clone()
                    .unwrap_or_else(|| Tag::new(Role::P, ctx.parent.as_ref()));
                let style = style::paragraph_in(*class, ctx.cell, ctx.quote);
                self.text(content, style, ctx, &tag)
            }
            Block::List { ordered, items } => self.list(*ordered, items, ctx),
            Block::Quote(blocks) => {
                let group = self.group(Decoration::LeftRule, ctx.x, 0.0);
                let inner = Ctx {
                    x: ctx.x + style::QUOTE_INDENT,
                    width: ctx.width - style::QUOTE_INDENT,
                    groups: with(&ctx.groups, group),
                    quote: true,
                    parent: Some(Tag::new(Role::BlockQuote, ctx.parent.as_ref())),
                    own: None,
                    ..ctx.clone()
                };
                self.open_container(style::PARA_SPACE);
                self.blocks(blocks, &inner)?;
                let after = self.pending.unwrap_or(0.0).max(style::PARA_SPACE);
                self.set_space_after(after);
                Ok(())
            }
            Block::Table(rows) => self.table(rows, ctx),
            Block::Div { class, blocks } => self.div(*class, blocks, ctx),
        }
    }

    /// Sets a table ([`table::layout`]), each cell's blocks by a layouter of their own.
    fn table(&mut self, rows: &[Vec<Cell>], ctx: &Ctx) -> Result<(), RenderError> {
        if rows.is_empty() {
            return Ok(());
        }
        let space_before = self.take_space(style::PARA_SPACE);
        let first = self.flow.fragments.len();
        let set_cell = |shaper: &mut Shaper, blocks: &[Block], ctx: &Ctx| {
            let mut cell = Layouter::new(shaper);
            cell.blocks(blocks, ctx)?;
            Ok(cell.flow)
        };
        let rows = table::layout(self.shaper, rows, ctx, (first, space_before), set_cell)?;
        self.flow.fragments.extend(rows);
        self.set_space_after(style::PARA_SPACE);
        Ok(())
    }

    fn group(&mut self, decoration: Decoration, x: f32, width: f32) -> usize {
        self.flow.groups.push(Group {
            decoration,
            x,
            width,
        });
        self.flow.groups.len() - 1
    }

    fn div(&mut self, class: DivClass, blocks: &[Block], ctx: &Ctx) -> Result<(), RenderError> {
        // The title block adds no element: the title is the document's first heading.
        let sect = Ctx {
            parent: Some(Tag::new(Role::Sect, ctx.parent.as_ref())),
            own: None,
            ..ctx.clone()
        };
        match class {
            DivClass::Section => self.blocks(blocks, &sect),
            DivClass::TitleBlock => {
                self.blocks(blocks, ctx)?;
                let space_before = self.take_space(4.0);
                self.flow.fragments.push(Fragment {
                    height: 1.5,
                    space_before,
                    draws: vec![Draw::Line {
                        x1: ctx.x,
                        y1: 0.75,
                        x2: ctx.x + ctx.width,
                        y2: 0.75,
                        width: 1.5,
                        color: style::NAVY,
                    }],
                    groups: ctx.groups.clone(),
                    ..Fragment::default()
                });
                self.set_space_after(style::SECTION_SPACE);
                Ok(())
            }
            DivClass::BottomLine => {
                let group = self.group(Decoration::Shade, ctx.x, ctx.width);
                let groups = with(&ctx.groups, group);
                let pad = style::BOX_PADDING;
                let space_before = self.take_space(style::SECTION_SPACE);
                self.spacer(pad - style::BOX_INSET.0, space_before, true, &groups);
                let inset = pad + style::BOX_ACCENT;
                let inner = Ctx {
                    x: ctx.x + inset,
                    width: ctx.width - inset - pad,
                    groups: groups.clone(),
                    ..sect
                };
                self.pending = None;
                self.blocks(blocks, &inner)?;
                if let Some(last) = self.flow.fragments.last_mut() {
                    last.keep_with_next = true;
                }
                self.pending = None;
                self.bound = false;
                self.spacer(pad - style::BOX_INSET.1, 0.0, false, &groups);
                self.set_space_after(style::SECTION_SPACE);
                Ok(())
            }
        }
    }

    fn spacer(&mut self, height: f32, space_before: f32, keep: bool, groups: &[usize]) {
        self.flow.fragments.push(Fragment {
            height,
            space_before,
            keep_with_next: keep,
            groups: groups.to_vec(),
            ..Fragment::default()
        });
    }

    /// Sets a paragraph or heading, element `tag`: one fragment per line.
    pub fn text(
        &mut self,
        content: &[Inline],
        style: BlockStyle,
        ctx: &Ctx,
        tag: &Tag,
    ) -> Result<(), RenderError> {
        let mut style = style;
        if style.text.family == Family::Serif {
            style.text.family = self.body_family;
        }
        let tags = inline_tags(content, tag);
        let items = self.shaper.items_tagged(content, &style.text, &tags)?;
        if items.is_empty() {
            return Ok(());
        }
        let items = split_wide_boxes(items, ctx.width);
        // Ragged text may leave about an em blank at the end of a line (more is judged as
        // loose as spaces stretched further: a short column breaks evenly, and a line that
        // fits with slightly tighter spaces stays one line).
        let ragged = match style.text.align {
            Align::Justify => 0.0,
            _ => style.text.size,
        };
        let lines = break_lines(&items, ctx.width, ragged);
        let baseline = baseline(&style.text)?;
        if style.keep_with_next {
            // A heading under a heading keeps its own space above.
            self.bound = false;
        }
        let mut space_before = self.take_space(style.space_before);
        let n = lines.len();
        for (k, line) in lines.iter().enumerate() {
            let (runs, links) =
                place_line_links(&items, line, ctx.x, ctx.width, style.text.align, baseline);
            let mut draws: Vec<Draw> = runs.into_iter().map(Draw::Text).collect();
            draws.extend(links.into_iter().map(|l| Draw::Link {
                x: l.x0,
                y: 0.0,
                w: l.x1 - l.x0,
                h: style.text.leading,
                uri: l.uri.to_string(),
                tag: l.tag,
            }));
            // No orphan (first line alone at a page foot), no widow (last line alone on top).
            let club = k == 0 && n >= 2;
            let widow = n >= 2 && k == n - 2;
            self.flow.fragments.push(Fragment {
                height: style.text.leading,
                space_before,
                keep_with_next: style.keep_with_next || club || widow,
                draws,
                groups: ctx.groups.clone(),
                repeat_header: None,
                notes: line_notes(&items, line),
            });
            space_before = 0.0;
        }
        self.set_space_after(style.space_after);
        // Only headings keep with what follows; their space below binds.
        self.bound = style.keep_with_next;
        Ok(())
    }

    fn list(&mut self, ordered: bool, items: &[Vec<Block>], ctx: &Ctx) -> Result<(), RenderError> {
        let numbering = Attr {
            owner: "List",
            key: "ListNumbering",
            value: if ordered { "Decimal" } else { "Disc" },
        };
        let list = Tag::with(Role::L, ctx.parent.as_ref(), Some(numbering), None);
        self.open_container(2.0);
        for (n, item) in items.iter().enumerate() {
            if n > 0 {
                self.set_space_after(style::ITEM_GAP);
            }
            let li = Tag::new(Role::LI, Some(&list));
            let inner = Ctx {
                x: ctx.x + style::LIST_INDENT,
                width: ctx.width - style::LIST_INDENT,
                parent: Some(Tag::new(Role::LBody, Some(&li))),
                own: None,
                ..ctx.clone()
            };
            let first = self.flow.fragments.len();
            self.blocks(item, &inner)?;
            let marker = if ordered {
                format!("{}.", n + 1)
            } else {
                "•".to_string()
            };
            let label = Tag::new(Role::Lbl, Some(&li));
            self.marker(first, &marker, ordered, ctx.x, label)?;
        }
        let after = self.pending.unwrap_or(0.0).max(style::PARA_SPACE);
        self.set_space_after(after);
        Ok(())
    }

    /// Draws a list marker, element `tag`, beside the first line set since fragment `first`.
    fn marker(
        &mut self,
        first: usize,
        text: &str,
        right: bool,
        x: f32,
        tag: Tag,
    ) -> Result<(), RenderError> {
        let Some((frag, run)) =
            self.flow.fragments[first..]
                .iter()
                .enumerate()
                .find_map(|(i, f)| {
                    f.draws.iter().find_map(|d| match d {
                        Draw::Text(r) => Some((first + i, r.clone())),
                        _ => None,
                    })
                })
        else {
            return Ok(());
        };
        let key = FontKey::select(run.font.family(), false, false);
        let mut piece = self.shaper.piece(text, key, run.size, 0.0, style::NAVY)?;
        piece.tag = Some(tag);
        let left = if right {
            x + style::LIST_INDENT - 4.0 - piece.width
        } else {
            x + 2.0
        };
        // First in the fragment, so text extraction reads the marker before the item.
        self.flow.fragments[frag].draws.insert(
            0,
            Draw::Text(TextRun::from_piece(&piece, left, run.baseline)),
        );
        Ok(())
    }
}

/// The distance from a line's top to its baseline: the em box centred in the leading.
pub fn baseline(text: &TextStyle) -> Result<f32, RenderError> {
    let f = font(FontKey::select(text.family, false, false))?;
    let extent = (f.ascender + f.descender) * text.size;
    Ok((text.leading - extent) / 2.0 + f.ascender * text.size)
}

fn with(groups: &[usize], g: usize) -> Vec<usize> {
    let mut v = groups.to_vec();
    v.push(g);
    v
}
