//! Items → lines → positioned glyph runs.
//!
//! [`break_lines`] is the one place that chooses line breaks: Knuth–Plass total fit
//! ([`super::totalfit`]) with a strict, then a loose tolerance, and first fit only for a
//! paragraph that cannot be set within either. [`place_line`] turns one line into glyph runs,
//! justifying by widening the spaces and drawing the hyphen of a hyphenated line.

use std::sync::Arc;

use super::draw::{PlacedGlyph, TextRun};
use super::items::{skip_discardable, Item, Line, Piece, FORCED};
use super::shape::Shaper;
use super::style::Align;
use super::tags::{Mark, Tag};
use super::totalfit::total_fit;

/// How far spaces may shrink (as a share of their shrinkability) before a word moves down.
const MAX_SHRINK: f32 = 0.7;

/// Adjustment ratios tried in turn: spaces at most 1.6× (ratio 1 stretches them by 60 %),
/// then anything that avoids first fit.
const TOLERANCES: [f32; 2] = [1.0, 20.0];

/// Sums of the widths, stretch and shrink of a run of items.
#[derive(Clone, Copy, Default)]
struct Sums {
    width: f32,
    stretch: f32,
    shrink: f32,
}

fn ratio(s: Sums, target: f32) -> f32 {
    let diff = target - s.width;
    if diff >= 0.0 {
        if s.stretch > 0.0 {
            diff / s.stretch
        } else {
            0.0
        }
    } else if s.shrink > 0.0 {
        (diff / s.shrink).max(-1.0)
    } else {
        -1.0
    }
}

/// Breaks `items` into lines of `width` points with the least total demerits; `ragged` is
/// the blank a ragged line may end in ([`super::totalfit::total_fit`]), 0 if justified.
pub fn break_lines(items: &[Item], width: f32, ragged: f32) -> Vec<Line> {
    TOLERANCES
        .iter()
        .find_map(|t| total_fit(items, width, *t, ragged))
        .unwrap_or_else(|| first_fit(items, width))
}

/// Breaks `items` into lines of `width` points, first fit (spaces may shrink a little).
pub fn first_fit(items: &[Item], width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = skip_discardable(items, 0);
    while start < items.len() {
        let end = fit_from(items, start, width);
        lines.push(fitted_line(items, start, end, width));
        let after_penalty = matches!(items.get(end.at), Some(Item::Penalty { .. }));
        start = skip_discardable(items, end.at + usize::from(after_penalty));
    }
    lines
}

/// Where a first-fit line ends: the item it breaks at, the sums of the items before it, and
/// whether a forced break or the paragraph's end ends it.
#[derive(Clone, Copy)]
struct End {
    at: usize,
    sums: Sums,
    last: bool,
}

/// The end of the line starting at `start`: a forced break, the paragraph's end, or else the
/// last break before the words overflow `width` (spaces shrunk by up to [`MAX_SHRINK`]).
fn fit_from(items: &[Item], start: usize, width: f32) -> End {
    let mut sums = Sums::default();
    // Best break so far.
    let mut candidate: Option<End> = None;
    let mut i = start;
    let at = |i: usize, sums: Sums| End {
        at: i,
        sums,
        last: false,
    };
    while i < items.len() {
        match &items[i] {
            Item::Box(p) => {
                let next = Sums {
                    width: sums.width + p.width,
                    ..sums
                };
                if next.width - MAX_SHRINK * next.shrink > width && candidate.is_some() {
                    break;
                }
                sums = next;
            }
            Item::Glue(g) => {
                if matches!(items[i - 1], Item::Box(_)) {
                    candidate = Some(at(i, sums));
                }
                sums.width += g.width;
                sums.stretch += g.stretch;
                sums.shrink += g.shrink;
            }
            Item::Penalty { cost, width: w } => {
                if *cost == FORCED {
                    return End {
                        last: true,
                        ..at(i, sums)
                    };
                }
                if sums.width + w <= width || candidate.is_none() {
                    candidate = Some(at(i, sums));
                }
            }
        }
        i += 1;
    }
    match candidate {
        _ if i >= items.len() => End {
            last: true,
            ..at(items.len(), sums)
        },
        Some(c) => c,
        None => at(i.max(start + 1), sums),
    }
}

/// The line from `start` to `end`: the hyphen of a hyphenation point added, trailing glue
/// left out, set `width` wide.
fn fitted_line(items: &[Item], start: usize, end: End, width: f32) -> Line {
    let (last, mut s) = (end.last, end.sums);
    let hyphen = match items.get(end.at) {
        Some(Item::Penalty { width: w, .. }) if !last && *w > 0.0 => *w,
        _ => 0.0,
    };
    s.width += hyphen;
    let mut end_trimmed = end.at;
    while end_trimmed > start {
        match &items[end_trimmed - 1] {
            Item::Glue(g) => {
                s.width -= g.width;
                s.stretch -= g.stretch;
                s.shrink -= g.shrink;
            }
            Item::Penalty { .. } => {}
            Item::Box(_) => break,
        }
        end_trimmed -= 1;
    }
    let r = ratio(s, width);
    Line {
        start,
        end: end_trimmed,
        ratio: if last { r.min(0.0) } else { r },
        last,
        natural: s.width,
        hyphenated: hyphen > 0.0,
    }
}

/// Splits every box wider than `width` into pieces of a quarter of it, with free breaks
/// between, so nothing (a long file name in a narrow column, a run of digits) runs past its
/// margin and the words before it still fill their line: TeX's emergency breaks, linear time.
pub fn split_wide_boxes(items: Vec<Item>, width: f32) -> Vec<Item> {
    if items.iter().all(|i| i.width() <= width) {
        return items;
    }
    let piece = width / 4.0;
    let mut out = Vec::with_capacity(items.len() + 4);
    for item in items {
        match item {
            Item::Box(p) if p.width > width => {
                let mut chunk = empty_like(&p);
                for g in p.glyphs {
                    if chunk.width + g.advance > piece && !chunk.glyphs.is_empty() {
                        let next = empty_like(&chunk);
                        out.push(Item::Box(std::mem::replace(&mut chunk, next)));
                        out.push(Item::Penalty {
                            width: 0.0,
                            cost: 0.0,
                        });
                    }
                    chunk.width += g.advance;
                    chunk.glyphs.push(g);
                }
                out.push(Item::Box(chunk));
            }
            other => out.push(other),
        }
    }
    out
}

fn empty_like(p: &Piece) -> Piece {
    Piece {
        font: p.font,
        size: p.size,
        rise: p.rise,
        color: p.color,
        glyphs: Vec::new(),
        width: 0.0,
        link: p.link.clone(),
        tag: p.tag.clone(),
    }
}

/// Positions line `line` of `items` starting at `x` in a measure of `width`, baseline at
/// `baseline`; runs of the same font, size and colour are merged.
pub fn place_line(
    items: &[Item],
    line: &Line,
    x: f32,
    width: f32,
    align: Align,
    baseline: f32,
) -> Vec<TextRun> {
    place_line_links(items, line, x, width, align, baseline).0
}

/// A linked stretch of a line: from `x0` to `x1`, opening `uri`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkSpan {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Target.
    pub uri: Arc<str>,
    /// The `Link` element of the text.
    pub tag: Option<Tag>,
}

/// [`place_line`], also returning where the line's links are.
pub fn place_line_links(
    items: &[Item],
    line: &Line,
    x: f32,
    width: f32,
    align: Align,
    baseline: f32,
) -> (Vec<TextRun>, Vec<LinkSpan>) {
    let slack = width - line.natural;
    let (mut pen, r) = match align {
        Align::Justify if !line.last => (x, line.ratio),
        Align::Center => (x + (slack / 2.0).max(0.0), line.ratio.min(0.0)),
        Align::Right => (x + slack.max(0.0), line.ratio.min(0.0)),
        _ => (x, line.ratio.min(0.0)),
    };
    let mut runs: Vec<TextRun> = Vec::new();
    let mut push = |p: &Piece, pen: f32| push_piece(&mut runs, p, pen, baseline);
    let mut links: Vec<LinkSpan> = Vec::new();
    let mut mark = |p: &Piece, x0: f32, x1: f32| {
        let Some(uri) = &p.link else { return };
        match links.last_mut() {
            Some(l) if l.uri == *uri && l.tag == p.tag && (l.x1 - x0).abs() < 0.01 => l.x1 = x1,
            _ => links.push(LinkSpan {
                x0,
                x1,
                uri: uri.clone(),
                tag: p.tag.clone(),
            }),
        }
    };
    for i in visual_order(&items[line.start..line.end]) {
        match &items[line.start + i] {
            Item::Box(p) => {
                push(p, pen);
                mark(p, pen, pen + p.width);
                pen += p.width;
            }
            Item::Glue(g) => {
                push(&g.space, pen);
                let adjust = if r >= 0.0 { g.stretch } else { g.shrink };
                let next = pen + g.width + r * adjust;
                mark(&g.space, pen, next);
                pen = next;
            }
            Item::Penalty { .. } => {}
        }
    }
    for end in line_end(items, line) {
        push(&end, pen);
    }
    (runs, links)
}

/// Appends piece `p`, drawn from `pen` on `baseline`, to the last of `runs` when font, size,
/// colour, baseline and mark agree, to a new run otherwise.
fn push_piece(runs: &mut Vec<TextRun>, p: &Piece, pen: f32, baseline: f32) {
    let base = baseline - p.rise;
    let mark = p.tag.clone().map_or(Mark::Layout, Mark::Content);
    let same = runs.last().is_some_and(|r| {
        r.font == p.font
            && r.size == p.size
            && r.color == p.color
            && r.baseline == base
            && r.mark == mark
    });
    if !same {
        runs.push(TextRun {
            font: p.font,
            size: p.size,
            color: p.color,
            baseline: base,
            glyphs: Vec::with_capacity(p.glyphs.len()),
            mark,
        });
    }
    let Some(run) = runs.last_mut() else { return };
    let mut gx = pen;
    for g in &p.glyphs {
        run.glyphs.push(PlacedGlyph {
            gid: g.gid,
            x: gx + g.offset,
            text: g.text.clone(),
        });
        gx += g.advance;
    }
}

/// What is drawn after the last word of `line`: the hyphen of a hyphenated line; the space
/// of a line broken at a space or a `<br>` (it has no ink, but text read from the page or
/// the structure tree keeps the words apart).
fn line_end(items: &[Item], line: &Line) -> Vec<Piece> {
    let last_box = items[line.start..line.end]
        .iter()
        .rev()
        .find_map(|i| match i {
            Item::Box(p) => Some(p),
            _ => None,
        });
    let mut out = Vec::new();
    match items.get(line.end) {
        Some(Item::Glue(g)) => out.push(g.space.clone()),
        Some(Item::Penalty { cost, .. }) if *cost == FORCED => {
            out.extend(last_box.and_then(|p| piece_like(p, " ").ok()));
        }
        _ => {}
    }
    if line.hyphenated {
        out.extend(last_box.and_then(|p| piece_like(p, "-").ok()));
    }
    out
}

/// The order in which a line's items are drawn, left to right: logical order, except that
/// runs of right-to-left words (with the spaces and neutral marks between them) are
/// reversed, as the Unicode bidi algorithm does for an RTL phrase in an LTR paragraph.
fn visual_order(items: &[Item]) -> Vec<usize> {
    use unicode_bidi::{BidiClass, BidiInfo, Level};
    // Strong direction of each item: Some(true) right to left, Some(false) left to right.
    let strong: Vec<Option<bool>> = items
        .iter()
        .map(|item| match item {
            Item::Box(p) => p.glyphs.iter().flat_map(|g| g.text.chars()).find_map(|c| {
                match unicode_bidi::bidi_class(c) {
                    BidiClass::R | BidiClass::AL => Some(true),
                    BidiClass::L => Some(false),
                    _ => None,
                }
            }),
            _ => None,
        })
        .collect();
    if !strong.contains(&Some(true)) {
        return (0..items.len()).collect();
    }
    let before = |i: usize| strong[..i].iter().rev().find_map(|s| *s);
    let after = |i: usize| strong[i + 1..].iter().find_map(|s| *s);
    let levels: Vec<Level> = (0..items.len())
        .map(|i| {
            let rtl = strong[i].unwrap_or(before(i) == Some(true) && after(i) == Some(true));
            if rtl {
                Level::rtl()
            } else {
                Level::ltr()
            }
        })
        .collect();
    BidiInfo::reorder_visual(&levels)
}

/// `text` (a hyphen, a space) in the font, size and colour of `p`, part of the same element.
fn piece_like(p: &Piece, text: &str) -> Result<Piece, crate::error::RenderError> {
    let mut piece = Shaper::default().piece(text, p.font, p.size, p.rise, p.color)?;
    piece.tag = p.tag.clone();
    Ok(piece)
}

#[cfg(test)]
mod tests;
