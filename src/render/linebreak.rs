//! Items → lines → positioned glyph runs.
//!
//! [`break_lines`] is the one place that chooses line breaks; it is first-fit today and
//! returns break positions and adjustment ratios in the same shape a Knuth–Plass
//! implementation would, so that can replace it without touching its callers.
//! [`place_line`] turns one line into glyph runs, justifying by widening the spaces.

use super::draw::{PlacedGlyph, TextRun};
use super::shape::{Item, Piece, FORCED};
use super::style::Align;

/// How far spaces may shrink (as a share of their shrinkability) before a word moves down.
const MAX_SHRINK: f32 = 0.7;

/// One line: items `start..end`, and how much its glue stretches (> 0) or shrinks (< 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// First item.
    pub start: usize,
    /// One past the last item (the break itself is excluded).
    pub end: usize,
    /// Adjustment ratio applied to the glue.
    pub ratio: f32,
    /// The paragraph ends here or a `<br>` forced the break: the line is not justified.
    pub last: bool,
    /// Natural width.
    pub natural: f32,
}

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

fn skip_discardable(items: &[Item], mut i: usize) -> usize {
    while i < items.len() && matches!(items[i], Item::Glue(_) | Item::Penalty { cost: 0.0, .. }) {
        i += 1;
    }
    i
}

/// Breaks `items` into lines of `width` points (first fit, spaces may shrink a little).
pub fn break_lines(items: &[Item], width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = skip_discardable(items, 0);
    while start < items.len() {
        let mut sums = Sums::default();
        // Best break so far: (index of the breaking item, sums before it).
        let mut candidate: Option<(usize, Sums)> = None;
        let mut i = start;
        let mut forced = None;
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
                        candidate = Some((i, sums));
                    }
                    sums.width += g.width;
                    sums.stretch += g.stretch;
                    sums.shrink += g.shrink;
                }
                Item::Penalty { cost, width: w } => {
                    if *cost == FORCED {
                        forced = Some((i, sums));
                        break;
                    }
                    if sums.width + w <= width || candidate.is_none() {
                        candidate = Some((i, sums));
                    }
                }
            }
            i += 1;
        }
        let (end, s, last) = match (forced, i >= items.len(), candidate) {
            (Some((f, s)), _, _) => (f, s, true),
            (None, true, _) => (items.len(), sums, true),
            (None, false, Some((c, s))) => (c, s, false),
            (None, false, None) => (i.max(start + 1), sums, false),
        };
        let mut end_trimmed = end;
        let mut s = s;
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
        lines.push(Line {
            start,
            end: end_trimmed,
            ratio: if last { r.min(0.0) } else { r },
            last,
            natural: s.width,
        });
        start = skip_discardable(items, end + usize::from(forced.is_some()));
    }
    lines
}

/// Splits every box wider than `width` into pieces that fit, with free breaks between,
/// so nothing (a long file name in a narrow column) runs past its margin.
pub fn split_wide_boxes(items: Vec<Item>, width: f32) -> Vec<Item> {
    if items.iter().all(|i| i.width() <= width) {
        return items;
    }
    let mut out = Vec::with_capacity(items.len() + 4);
    for item in items {
        match item {
            Item::Box(p) if p.width > width => {
                let mut chunk = empty_like(&p);
                for g in p.glyphs {
                    if chunk.width + g.advance > width && !chunk.glyphs.is_empty() {
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
    let slack = width - line.natural;
    let (mut pen, r) = match align {
        Align::Justify if !line.last => (x, line.ratio),
        Align::Center => (x + (slack / 2.0).max(0.0), line.ratio.min(0.0)),
        Align::Right => (x + slack.max(0.0), line.ratio.min(0.0)),
        _ => (x, line.ratio.min(0.0)),
    };
    let mut runs: Vec<TextRun> = Vec::new();
    let mut push = |p: &Piece, pen: f32| {
        let base = baseline - p.rise;
        let same = runs.last().is_some_and(|r| {
            r.font == p.font && r.size == p.size && r.color == p.color && r.baseline == base
        });
        if !same {
            runs.push(TextRun {
                font: p.font,
                size: p.size,
                color: p.color,
                baseline: base,
                glyphs: Vec::with_capacity(p.glyphs.len()),
            });
        }
        let run = runs.last_mut().expect("a run was just pushed");
        let mut gx = pen;
        for g in &p.glyphs {
            run.glyphs.push(PlacedGlyph {
                gid: g.gid,
                x: gx + g.offset,
                text: g.text.clone(),
            });
            gx += g.advance;
        }
    };
    for item in &items[line.start..line.end] {
        match item {
            Item::Box(p) => {
                push(p, pen);
                pen += p.width;
            }
            Item::Glue(g) => {
                push(&g.space, pen);
                let adjust = if r >= 0.0 { g.stretch } else { g.shrink };
                pen += g.width + r * adjust;
            }
            Item::Penalty { .. } => {}
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::blocks::{Inline, InlineStyle};
    use crate::render::shape::Shaper;
    use crate::render::style::BODY;

    fn items(text: &str) -> Vec<Item> {
        let content = [Inline::Text {
            text: text.into(),
            style: InlineStyle::default(),
        }];
        Shaper::default().items(&content, &BODY).unwrap()
    }

    #[test]
    fn lines_fit_and_only_the_last_is_ragged() {
        let items = items(&"Zürich talks resume after a pause. ".repeat(12));
        let lines = break_lines(&items, 200.0);
        assert!(lines.len() > 3);
        for l in &lines[..lines.len() - 1] {
            assert!(!l.last && l.ratio > -1.0);
            let runs = place_line(&items, l, 10.0, 200.0, Align::Justify, 10.0);
            let last = runs.last().unwrap().glyphs.last().unwrap();
            assert!(last.x <= 210.0, "glyph beyond the measure: {}", last.x);
        }
        assert!(lines.last().unwrap().last);
    }

    #[test]
    fn forced_breaks_end_lines() {
        let mut items = items("one two");
        items.insert(
            1,
            Item::Penalty {
                width: 0.0,
                cost: FORCED,
            },
        );
        let lines = break_lines(&items, 500.0);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].last);
    }

    #[test]
    fn over_wide_words_are_split() {
        let items = split_wide_boxes(items("2026-11-20-neue-zürcher-abendblatt.html"), 30.0);
        assert!(items.iter().all(|i| i.width() <= 30.0));
        let lines = break_lines(&items, 30.0);
        assert!(lines.iter().all(|l| l.natural <= 30.0 + 0.01));
    }
}
