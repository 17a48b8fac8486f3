//! Tables: column widths from the content (HTML auto layout, short columns on one line first;
//! `width="NN%"` fixes one), cells set as small flows, one fragment per row, a shaded header row that the paginator repeats when
//! the table continues on the next page.

use super::blocks::{Block, Cell, Inline};
use super::draw::Draw;
use super::flow::{Ctx, Flow, Fragment};
use super::items::{Item, FORCED};
use super::shape::Shaper;
use super::style::{self, TextStyle};
use super::tags::{Role, Tag, SCOPE_COLUMN, SCOPE_ROW};
use crate::error::RenderError;

/// Lays out the rows of a table set in `ctx` as fragments, one per row: the first follows
/// the previous block at `space_before`, and stands at index `first` of the flow (the header
/// row the others repeat). `set_cell` lays out a cell's blocks in their own flow (the
/// layouter, recursing).
pub fn layout<F>(
    shaper: &mut Shaper,
    rows: &[Vec<Cell>],
    ctx: &Ctx,
    (first, space_before): (usize, f32),
    mut set_cell: F,
) -> Result<Vec<Fragment>, RenderError>
where
    F: FnMut(&mut Shaper, &[Block], &Ctx) -> Result<Flow, RenderError>,
{
    let widths = column_widths(shaper, rows, ctx.width)?;
    let pad_y = style::CELL_PAD.1;
    let header_row = rows.first().is_some_and(|r| r.iter().all(|c| c.header));
    let header_index = header_row.then_some(first);
    let mut space_before = space_before;
    let table = Tag::new(Role::Table, ctx.parent.as_ref());
    let mut fragments = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let is_header = header_row && r == 0;
        let tr = Tag::new(Role::TR, Some(&table));
        let mut set = Row::default();
        let mut col_x = ctx.x;
        for (c, width) in row.iter().zip(&widths) {
            let tag = cell_tag(c, is_header, &tr);
            let flow = set_cell(shaper, &c.blocks, &cell_ctx(c, tag, *width))?;
            set.add_cell(flow, col_x);
            col_x += width;
        }
        let height = set.height.max(style::CELL.leading + 2.0 * pad_y);
        let mut draws = set.draws;
        let (rule_w, rule_c) = if is_header {
            draws.insert(
                0,
                Draw::Rect {
                    x: ctx.x,
                    y: 0.0,
                    w: ctx.width,
                    h: height,
                    fill: style::HEADER_SHADE,
                },
            );
            (0.9, style::NAVY)
        } else {
            (0.4, style::RULE)
        };
        draws.push(hline(ctx, height, rule_w, rule_c));
        if r == 0 {
            draws.push(hline(ctx, 0.0, 0.9, style::NAVY));
        }
        fragments.push(Fragment {
            height,
            space_before,
            keep_with_next: is_header,
            draws,
            groups: ctx.groups.clone(),
            repeat_header: if is_header { None } else { header_index },
            notes: set.notes,
        });
        space_before = 0.0;
    }
    Ok(fragments)
}

/// The context a cell's blocks are set in: its own measure, `width` less the padding; a cell
/// of one paragraph is that paragraph's element `tag`.
fn cell_ctx(c: &Cell, tag: Tag, width: f32) -> Ctx {
    let pad_x = style::CELL_PAD.0;
    let single = matches!(c.blocks.as_slice(), [Block::Para { .. }]);
    Ctx {
        x: 0.0,
        width: (width - 2.0 * pad_x).max(1.0),
        groups: Vec::new(),
        cell: Some(c.header),
        quote: false,
        own: single.then(|| tag.clone()),
        parent: Some(tag),
    }
}

/// The cells of a row set so far: their drawings, the sources they cite, the tallest height.
#[derive(Default)]
struct Row {
    draws: Vec<Draw>,
    notes: Vec<usize>,
    height: f32,
}

impl Row {
    /// Adds the cell laid out as `flow` at `col_x`: its drawings inside the padding, the
    /// sources it cites, its height.
    fn add_cell(&mut self, flow: Flow, col_x: f32) {
        let (pad_x, pad_y) = style::CELL_PAD;
        let mut y = pad_y;
        for (k, f) in flow.fragments.into_iter().enumerate() {
            if k > 0 {
                y += f.space_before;
            }
            for n in f.notes {
                if !self.notes.contains(&n) {
                    self.notes.push(n);
                }
            }
            for mut d in f.draws {
                d.translate(col_x + pad_x, y);
                self.draws.push(d);
            }
            y += f.height;
        }
        self.height = self.height.max(y + pad_y);
    }
}

/// The element of a cell in row `tr`: a `TH` heading its column (in the header row) or its
/// row, or a `TD`.
fn cell_tag(cell: &Cell, header_row: bool, tr: &Tag) -> Tag {
    if !cell.header {
        return Tag::new(Role::TD, Some(tr));
    }
    let scope = if header_row { SCOPE_COLUMN } else { SCOPE_ROW };
    Tag::with(Role::TH, Some(tr), Some(scope), None)
}

fn hline(ctx: &Ctx, y: f32, width: f32, color: super::colour::Rgb) -> Draw {
    Draw::Line {
        x1: ctx.x,
        y1: y,
        x2: ctx.x + ctx.width,
        y2: y,
        width,
        color,
    }
}

/// Column widths summing to `total`, HTML auto-layout style: a given `width="NN%"` is kept
/// (but never below the column's longest word); the other columns are sized from their
/// content by [`share`].
fn column_widths(
    shaper: &mut Shaper,
    rows: &[Vec<Cell>],
    total: f32,
) -> Result<Vec<f32>, RenderError> {
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut given: Vec<Option<f32>> = vec![None; ncols];
    let pad = 2.0 * style::CELL_PAD.0;
    let mut min = vec![pad; ncols];
    let mut max = vec![pad; ncols];
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            if given[i].is_none() {
                given[i] = c.width.map(|w| w * total);
            }
            let (lo, hi) = measure(shaper, &c.blocks, c.header)?;
            min[i] = min[i].max(lo + pad);
            max[i] = max[i].max(hi + pad);
        }
    }
    let mut widths: Vec<f32> = (0..ncols)
        .map(|i| given[i].map_or(0.0, |w| w.max(min[i])))
        .collect();
    let auto: Vec<usize> = (0..ncols).filter(|i| given[*i].is_none()).collect();
    let room = total - widths.iter().sum::<f32>();
    let cols: Vec<(f32, f32)> = auto.iter().map(|&i| (min[i], max[i])).collect();
    for (&i, w) in auto.iter().zip(share(&cols, room)) {
        widths[i] = w;
    }
    let sum = widths.iter().sum::<f32>();
    // Over-full (words longer than the table allows) or under-full (only given widths):
    // scale to the measure.
    let scale = if sum > 0.0 { total / sum } else { 1.0 };
    Ok(widths.into_iter().map(|w| w * scale).collect())
}

/// Widths for columns of content widths `(min, max)` (longest word, longest line) in `room`:
///
/// 1. All fit on one line: every column gets its longest line, the spare room shared in
///    proportion to it.
/// 2. Otherwise short columns first: a column whose longest line fits its fair share of the
///    room left (room over columns not yet placed) is set on one line — a date or a number
///    never wraps while a long title can; then the long columns get their longest word plus
///    the rest in proportion to how much wider their longest line is (the title takes the
///    slack).
/// 3. When that leaves a long column below its longest word, or the words alone do not fit:
///    plain HTML sharing — longest word plus the rest in proportion to the difference — and,
///    when even the words do not fit, the words scaled down.
fn share(cols: &[(f32, f32)], room: f32) -> Vec<f32> {
    let sum = |ix: &[usize], f: fn(&(f32, f32)) -> f32| ix.iter().map(|&i| f(&cols[i])).sum();
    let all: Vec<usize> = (0..cols.len()).collect();
    let (sum_min, sum_max): (f32, f32) = (sum(&all, |c| c.0), sum(&all, |c| c.1));
    if cols.is_empty() || room <= 0.0 {
        return vec![0.0; cols.len()];
    }
    if sum_max <= room {
        return cols
            .iter()
            .map(|c| c.1 + (room - sum_max) * c.1 / sum_max.max(1.0))
            .collect();
    }
    if sum_min >= room {
        return cols.iter().map(|c| room * c.0 / sum_min.max(1.0)).collect();
    }
    let stretch = |ix: &[usize], room: f32, out: &mut Vec<f32>| {
        let (lo, hi): (f32, f32) = (sum(ix, |c| c.0), sum(ix, |c| c.1));
        for &i in ix {
            let (mn, mx) = cols[i];
            out[i] = mn + (room - lo) * (mx - mn) / (hi - lo).max(1e-3);
        }
    };
    let mut out = vec![0.0; cols.len()];
    let mut open = all.clone();
    let mut left = room;
    loop {
        let fair = left / open.len() as f32;
        let (short, long): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| cols[i].1 <= fair);
        if short.is_empty() {
            break;
        }
        for &i in &short {
            out[i] = cols[i].1;
            left -= cols[i].1;
        }
        open = long;
    }
    if sum(&open, |c| c.0) <= left {
        stretch(&open, left, &mut out);
    } else {
        stretch(&all, room, &mut out);
    }
    out
}

/// The narrowest and widest the content of a cell can be set (widest word, longest line).
fn measure(shaper: &mut Shaper, blocks: &[Block], header: bool) -> Result<(f32, f32), RenderError> {
    let text = TextStyle {
        bold: header,
        ..style::CELL
    };
    let (mut lo, mut hi) = (0.0f32, 0.0f32);
    for b in blocks {
        let content: &[Inline] = match b {
            Block::Para { content, .. } | Block::Heading { content, .. } => content,
            _ => continue,
        };
        let items = shaper.items(content, &text)?;
        let mut line = 0.0f32;
        for item in &items {
            match item {
                Item::Box(p) => lo = lo.max(p.width),
                Item::Penalty { cost, .. } if *cost == FORCED => {
                    hi = hi.max(line);
                    line = 0.0;
                    continue;
                }
                Item::Glue(_) | Item::Penalty { .. } => {}
            }
            line += item.width();
        }
        hi = hi.max(line);
    }
    Ok((lo.min(120.0), hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{markup, parser};

    fn table(src: &str) -> Vec<Vec<Cell>> {
        match parser::parse(&markup::tokenize(src).unwrap())
            .unwrap()
            .remove(0)
        {
            Block::Table(rows) => rows,
            other => panic!("not a table: {other:?}"),
        }
    }

    fn close(a: &[f32], b: &[f32]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
    }

    #[test]
    fn ragged_cells_break_evenly_not_after_a_lone_first_word() {
        let content = [Inline::Text {
            text: "The Lahore Courier".into(),
            style: Default::default(),
        }];
        let items = Shaper::default().items(&content, &style::CELL).unwrap();
        let full: f32 = items.iter().map(Item::width).sum();
        let words = |ragged: f32| -> Vec<usize> {
            crate::render::linebreak::break_lines(&items, full * 0.8, ragged)
                .iter()
                .map(|l| {
                    items[l.start..l.end]
                        .iter()
                        .filter(|i| matches!(i, Item::Box(_)))
                        .count()
                })
                .collect()
        };
        // Judged as justified lines, one stretched space looks worse than a lone word.
        assert_eq!(words(0.0), [1, 2]);
        assert_eq!(words(style::CELL.size), [2, 1]);
    }

    #[test]
    fn sharing_follows_content_widths() {
        // Everything fits on one line: spare room in proportion to the longest lines.
        assert!(close(
            &share(&[(10.0, 20.0), (10.0, 60.0)], 160.0),
            &[40.0, 120.0]
        ));
        // Short columns on one line first, the long one takes the rest.
        let w = share(&[(20.0, 30.0), (40.0, 70.0), (50.0, 400.0)], 300.0);
        assert!(close(&w, &[30.0, 70.0, 200.0]), "{w:?}");
        // Short columns would squeeze the long one below its longest word: HTML sharing.
        let w = share(&[(10.0, 50.0), (10.0, 50.0), (190.0, 400.0)], 250.0);
        assert!(close(&w, &[15.52, 15.52, 218.97]), "{w:?}");
        // Not even the words fit: the words scaled down.
        assert!(close(
            &share(&[(100.0, 200.0), (100.0, 300.0)], 100.0),
            &[50.0, 50.0]
        ));
    }

    #[test]
    fn dates_stay_on_one_line_and_the_title_takes_the_slack() {
        let rows = table(
            "<table><tr><th>No.</th><th>Outlet</th><th>Title</th><th>Byline</th><th>Date</th></tr>\
             <tr><td>1</td><td>Northbridge Wire</td><td>Lagos port talks stall as Nigeria and \
             Benin trade warnings over transit fees</td><td>Chidi Nwosu and Hélène Dossou</td>\
             <td>14 Oct 2026</td></tr>\
             <tr><td>12</td><td>The Harbour Ledger</td><td>Black Sea grain corridor extended \
             for 90 days after late-night deal in Istanbul</td><td>Daria Kovalenko</td>\
             <td>19 November 2026</td></tr></table>",
        );
        let mut sh = Shaper::default();
        let pad = 2.0 * style::CELL_PAD.0;
        let w = column_widths(&mut sh, &rows, 400.0).unwrap();
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.01, "{w:?}");
        for row in &rows {
            for (cell, width) in row.iter().zip(&w) {
                let (word, line) = measure(&mut sh, &cell.blocks, cell.header).unwrap();
                assert!(*width >= word + pad - 0.01, "narrower than a word: {w:?}");
                if !(1..=3).contains(&row.iter().position(|c| c == cell).unwrap()) {
                    assert!(
                        *width >= line + pad - 0.01,
                        "No. and Date on one line: {w:?}"
                    );
                }
            }
        }
        assert!(
            w.iter().all(|x| *x <= w[2]),
            "the title is the widest: {w:?}"
        );

        // A given width below the longest word is widened; the rest still adds up.
        let rows = table(
            "<table><tr><th width=\"2%\">Reference</th><th>Text</th></tr>\
             <tr><td>X</td><td>Some words</td></tr></table>",
        );
        let w = column_widths(&mut sh, &rows, 300.0).unwrap();
        let (word, _) = measure(&mut sh, &rows[0][0].blocks, true).unwrap();
        assert!(
            w[0] >= word + pad - 0.01 && (w[0] + w[1] - 300.0).abs() < 0.01,
            "{w:?}"
        );
    }
}
