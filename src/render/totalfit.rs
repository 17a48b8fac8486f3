//! Knuth–Plass total-fit line breaking: of all the ways to break a paragraph whose lines
//! stretch or shrink no more than a tolerance, the one with the least total demerits
//! (badness of every line, hyphen and penalty costs, two hyphenated lines in a row, a tight
//! line next to a loose one, a last line too short to stand alone). Never more than
//! [`MAX_HYPHEN_RUN`] hyphenated lines in a row.
//!
//! The classic algorithm over boxes, glue and penalties (Knuth & Plass 1981), with prefix
//! sums for the line widths and one active node per break position, fitness class and
//! length of the current run of hyphenated lines.

use super::items::{skip_discardable, Item, Line, FORCED};

/// Demerits added to every line, so fewer lines are preferred (TeX's `\linepenalty`).
const LINE_PENALTY: f32 = 10.0;
/// Extra demerits for two hyphenated lines in a row (TeX's `\doublehyphendemerits`).
const DOUBLE_HYPHEN_DEMERITS: f32 = 3000.0;
/// Extra demerits for hyphenating the last full line of a paragraph (TeX's
/// `\finalhyphendemerits`).
const FINAL_HYPHEN_DEMERITS: f32 = 5000.0;
/// Extra demerits when a line's fitness class differs from its neighbour's by more than one
/// (TeX's `\adjdemerits`).
const ADJACENT_DEMERITS: f32 = 100.0;
/// The most hyphenated lines allowed in a row.
pub const MAX_HYPHEN_RUN: u8 = 2;
/// The ratio given to a short line with no space to stretch.
const UNDERFULL_RATIO: f32 = 10.0;
/// Extra demerits for a paragraph's last line that is too short ([`is_runt`]): more than a
/// line set at the shrink or stretch limit costs (`(10 + 100)² = 12100`), so the breaker
/// tightens or loosens the lines above to take the word up or bring a second word down.
const SHORT_LAST_LINE_DEMERITS: f32 = 20000.0;
/// A last line narrower than this share of the measure is too short.
const SHORT_LAST_SHARE: f32 = 0.1;
/// A last line narrower than this many ems is too short.
const SHORT_LAST_EMS: f32 = 1.5;
/// A last line of one word of at most this many characters is too short.
const SHORT_LAST_CHARS: usize = 4;

/// A feasible break: the line that ends there and how the paragraph got there.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// First item of the next line.
    next_start: usize,
    fitness: u8,
    hyphens: u8,
    demerits: f32,
    /// The node the line starts at (index into the arena).
    prev: Option<usize>,
    /// The line ending at this break (unused for the start node).
    line: Line,
}

/// Sums of item widths, stretch and shrink before each index.
struct Prefix {
    width: Vec<f32>,
    stretch: Vec<f32>,
    shrink: Vec<f32>,
}

impl Prefix {
    fn new(items: &[Item]) -> Prefix {
        let n = items.len();
        let mut p = Prefix {
            width: Vec::with_capacity(n + 1),
            stretch: Vec::with_capacity(n + 1),
            shrink: Vec::with_capacity(n + 1),
        };
        let (mut w, mut y, mut z) = (0.0f32, 0.0f32, 0.0f32);
        for item in items {
            p.width.push(w);
            p.stretch.push(y);
            p.shrink.push(z);
            match item {
                Item::Box(b) => w += b.width,
                Item::Glue(g) => {
                    w += g.width;
                    y += g.stretch;
                    z += g.shrink;
                }
                Item::Penalty { .. } => {}
            }
        }
        p.width.push(w);
        p.stretch.push(y);
        p.shrink.push(z);
        p
    }
}

/// What breaking at index `b` (or at the paragraph end, `b == items.len()`) means:
/// (penalty width, penalty cost, flagged as a hyphen, forced).
fn break_at(items: &[Item], b: usize) -> Option<(f32, f32, bool, bool)> {
    match items.get(b) {
        None => Some((0.0, FORCED, false, true)),
        Some(Item::Glue(_)) if b > 0 && matches!(items[b - 1], Item::Box(_)) => {
            Some((0.0, 0.0, false, false))
        }
        Some(Item::Penalty { width, cost }) => Some((*width, *cost, *width > 0.0, *cost == FORCED)),
        _ => None,
    }
}

/// Whether `line`, the last line of a paragraph set `width` wide and `natural` points wide
/// itself, is too short to stand alone: under [`SHORT_LAST_SHARE`] of the measure or
/// [`SHORT_LAST_EMS`] ems, or a single word of at most [`SHORT_LAST_CHARS`] characters (a
/// footnote mark and closing quote count).
fn is_runt(line: &[Item], natural: f32, width: f32) -> bool {
    let em = line
        .iter()
        .find_map(|i| match i {
            Item::Box(p) => Some(p.size),
            _ => None,
        })
        .unwrap_or(0.0);
    if natural < SHORT_LAST_SHARE * width || natural < SHORT_LAST_EMS * em {
        return true;
    }
    let one_word = !line.iter().any(|i| matches!(i, Item::Glue(_)));
    let chars: usize = line
        .iter()
        .map(|i| match i {
            Item::Box(p) => p.glyphs.iter().map(|g| g.text.chars().count()).sum(),
            _ => 0,
        })
        .sum();
    one_word && chars <= SHORT_LAST_CHARS
}

fn fitness(r: f32) -> u8 {
    if r < -0.5 {
        0
    } else if r <= 0.5 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    }
}

/// Breaks `items` into lines `width` wide whose adjustment ratios stay within `tolerance`;
/// `None` when no such set of breaks exists.
///
/// For text set ragged (flush left, centred or right), `ragged > 0`: every line may end in
/// about `ragged` points of blank (TeX's `\rightskip 0pt plus 1em`), so a line is judged by
/// the blank it leaves, not by how far its few spaces would have to stretch — a short column
/// no longer prefers a lone first word to an even break. 0 for justified text.
pub fn total_fit(items: &[Item], width: f32, tolerance: f32, ragged: f32) -> Option<Vec<Line>> {
    let n = items.len();
    let first = skip_discardable(items, 0);
    if first >= n {
        return Some(Vec::new());
    }
    let sums = Prefix::new(items);
    let blank = Line {
        start: first,
        end: first,
        ratio: 0.0,
        last: false,
        natural: 0.0,
        hyphenated: false,
    };
    let mut arena = vec![Node {
        next_start: first,
        fitness: 1,
        hyphens: 0,
        demerits: 0.0,
        prev: None,
        line: blank,
    }];
    let mut active = vec![0usize];
    for b in first..=n {
        let Some((pen_width, cost, flagged, forced)) = break_at(items, b) else {
            continue;
        };
        // Best new node per (fitness class, hyphen run).
        let mut best: [[Option<Node>; 3]; 4] = [[None; 3]; 4];
        active.retain(|&a| {
            let node = arena[a];
            let s = node.next_start;
            if s > b || (s == n && node.prev.is_some()) {
                return true;
            }
            let mut e = b;
            while e > s && matches!(items[e - 1], Item::Glue(_)) {
                e -= 1;
            }
            let natural = sums.width[e] - sums.width[s] + pen_width;
            let stretch = sums.stretch[e] - sums.stretch[s] + ragged;
            let shrink = sums.shrink[e] - sums.shrink[s];
            let ratio = if natural <= width {
                if forced {
                    0.0
                } else if stretch > 0.0 {
                    (width - natural) / stretch
                } else if natural < width - 0.01 {
                    // Nothing to stretch (one long word): very bad, allowed in a loose pass.
                    UNDERFULL_RATIO
                } else {
                    0.0
                }
            } else if shrink > 0.0 {
                (width - natural) / shrink
            } else {
                f32::NEG_INFINITY
            };
            if ratio < -1.0 {
                return false;
            }
            let hyphens = if flagged { node.hyphens + 1 } else { 0 };
            if ratio <= tolerance && hyphens <= MAX_HYPHEN_RUN {
                let badness = 100.0 * ratio.abs().powi(3);
                let mut d = (LINE_PENALTY + badness).powi(2);
                if !forced {
                    d += cost.signum() * cost * cost;
                }
                if flagged && node.line.hyphenated {
                    d += DOUBLE_HYPHEN_DEMERITS;
                }
                if forced && node.line.hyphenated {
                    d += FINAL_HYPHEN_DEMERITS;
                }
                if forced && is_runt(&items[s..e], natural, width) {
                    d += SHORT_LAST_LINE_DEMERITS;
                }
                let fit = fitness(ratio);
                if fit.abs_diff(node.fitness) > 1 {
                    d += ADJACENT_DEMERITS;
                }
                let total = node.demerits + d;
                let slot = &mut best[usize::from(fit)][usize::from(hyphens)];
                if slot.is_none_or(|o| total < o.demerits) {
                    *slot = Some(Node {
                        next_start: 0,
                        fitness: fit,
                        hyphens,
                        demerits: total,
                        prev: Some(a),
                        line: Line {
                            start: s,
                            end: e,
                            ratio,
                            last: forced,
                            natural,
                            hyphenated: flagged,
                        },
                    });
                }
            }
            !forced
        });
        let next_start = match items.get(b) {
            None => n,
            Some(Item::Glue(_)) => skip_discardable(items, b),
            Some(_) => skip_discardable(items, b + 1),
        };
        for mut node in best.into_iter().flatten().flatten() {
            node.next_start = next_start;
            arena.push(node);
            active.push(arena.len() - 1);
        }
        if active.is_empty() {
            return None;
        }
    }
    let end = active
        .iter()
        .copied()
        .filter(|a| arena[*a].prev.is_some() && arena[*a].next_start == n)
        .min_by(|a, b| arena[*a].demerits.total_cmp(&arena[*b].demerits))?;
    let mut lines = Vec::new();
    let mut at = end;
    while let Some(prev) = arena[at].prev {
        lines.push(arena[at].line);
        at = prev;
    }
    lines.reverse();
    Some(lines)
}

#[cfg(test)]
mod tests;
