//! Tables: column widths (given as `width="NN%"` or measured from the content), cells set as
//! small flows, one fragment per row, a shaded header row that the paginator repeats when
//! the table continues on the next page.

use super::blocks::{Block, Cell, Inline};
use super::draw::Draw;
use super::layout::{Ctx, Fragment, Layouter};
use super::shape::{Item, Shaper, FORCED};
use super::style::{self, TextStyle};
use crate::error::RenderError;

/// Lays out a table into `l`'s flow.
pub fn layout(l: &mut Layouter<'_>, rows: &[Vec<Cell>], ctx: &Ctx) -> Result<(), RenderError> {
    if rows.is_empty() {
        return Ok(());
    }
    let widths = column_widths(l.shaper, rows, ctx.width)?;
    let (pad_x, pad_y) = style::CELL_PAD;
    let header_row = rows[0].iter().all(|c| c.header);
    let header_index = header_row.then_some(l.flow.fragments.len());
    let mut space_before = l.take_space(8.0);
    for (r, row) in rows.iter().enumerate() {
        let is_header = header_row && r == 0;
        let mut draws = Vec::new();
        let mut notes: Vec<usize> = Vec::new();
        let mut height: f32 = 0.0;
        let mut col_x = ctx.x;
        for (cell, width) in row.iter().zip(&widths) {
            let cell_ctx = Ctx {
                x: 0.0,
                width: (width - 2.0 * pad_x).max(1.0),
                groups: Vec::new(),
                cell: Some(cell.header),
                quote: false,
            };
            let mut sub = Layouter::new(&mut *l.shaper);
            sub.blocks(&cell.blocks, &cell_ctx)?;
            let mut y = pad_y;
            for (k, f) in sub.flow.fragments.into_iter().enumerate() {
                if k > 0 {
                    y += f.space_before;
                }
                notes.extend(
                    f.notes
                        .iter()
                        .filter(|n| !notes.contains(n))
                        .copied()
                        .collect::<Vec<_>>(),
                );
                for mut d in f.draws {
                    d.translate(col_x + pad_x, y);
                    draws.push(d);
                }
                y += f.height;
            }
            height = height.max(y + pad_y);
            col_x += width;
        }
        height = height.max(style::CELL.leading + 2.0 * pad_y);
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
        l.flow.fragments.push(Fragment {
            height,
            space_before,
            keep_with_next: is_header,
            draws,
            groups: ctx.groups.clone(),
            repeat_header: if is_header { None } else { header_index },
            notes,
        });
        space_before = 0.0;
    }
    l.set_space_after(10.0);
    Ok(())
}

fn hline(ctx: &Ctx, y: f32, width: f32, color: super::draw::Rgb) -> Draw {
    Draw::Line {
        x1: ctx.x,
        y1: y,
        x2: ctx.x + ctx.width,
        y2: y,
        width,
        color,
    }
}

/// Column widths summing to `total`: given percentages first, the rest shared by content.
fn column_widths(
    shaper: &mut Shaper,
    rows: &[Vec<Cell>],
    total: f32,
) -> Result<Vec<f32>, RenderError> {
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut given: Vec<Option<f32>> = vec![None; ncols];
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            if given[i].is_none() {
                given[i] = c.width.map(|w| w * total);
            }
        }
    }
    let fixed: f32 = given.iter().flatten().sum();
    let auto: Vec<usize> = (0..ncols).filter(|i| given[*i].is_none()).collect();
    if auto.is_empty() {
        let scale = if fixed > 0.0 { total / fixed } else { 1.0 };
        return Ok(given.iter().map(|w| w.unwrap_or(0.0) * scale).collect());
    }
    let room = (total - fixed).max(total * 0.1 * auto.len() as f32);
    let pad = 2.0 * style::CELL_PAD.0;
    let mut min = vec![0.0f32; ncols];
    let mut max = vec![0.0f32; ncols];
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            if given[i].is_none() {
                let (lo, hi) = measure(shaper, &c.blocks, c.header)?;
                min[i] = min[i].max(lo + pad);
                max[i] = max[i].max(hi + pad);
            }
        }
    }
    let sum = |v: &Vec<f32>| auto.iter().map(|i| v[*i]).sum::<f32>();
    let (sum_min, sum_max) = (sum(&min), sum(&max));
    let mut widths: Vec<f32> = given.iter().map(|w| w.unwrap_or(0.0)).collect();
    for &i in &auto {
        widths[i] = if sum_max <= room {
            max[i] + (room - sum_max) * max[i] / sum_max.max(1.0)
        } else if sum_min <= room {
            let flex = (sum_max - sum_min).max(1.0);
            min[i] + (room - sum_min) * (max[i] - min[i]) / flex
        } else {
            room * min[i] / sum_min.max(1.0)
        };
    }
    let scale = total / widths.iter().sum::<f32>().max(1.0);
    Ok(widths.into_iter().map(|w| w * scale).collect())
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
