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

/// A place the paragraph may break, and what breaking there means.
#[derive(Debug, Clone, Copy)]
struct Break {
    /// Width the line gains when it ends here (a hyphen).
    width: f32,
    /// Cost of breaking here.
    cost: f32,
    /// A hyphenation point: the line ends in a hyphen.
    flagged: bool,
    /// The line must end here (a `<br>`, the paragraph's end).
    forced: bool,
}

/// What breaking at index `b` (or at the paragraph end, `b == items.len()`) means; `None`
/// where no line may end.
fn break_at(items: &[Item], b: usize) -> Option<Break> {
    let at = |width: f32, cost: f32| Break {
        width,
        cost,
        flagged: width > 0.0,
        forced: cost == FORCED,
    };
    match items.get(b) {
        None => Some(at(0.0, FORCED)),
        Some(Item::Glue(_)) if b > 0 && matches!(items[b - 1], Item::Box(_)) => Some(at(0.0, 0.0)),
        Some(Item::Penalty { width, cost }) => Some(at(*width, *cost)),
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
    let first = skip_discardable(items, 0);
    if first >= items.len() {
        return Some(Vec::new());
    }
    let measure = Measure {
        width,
        tolerance,
        ragged,
    };
    let mut search = Search::new(items, measure, first);
    for b in first..=items.len() {
        let Some(at) = break_at(items, b) else {
            continue;
        };
        if !search.advance(b, at) {
            return None;
        }
    }
    search.lines()
}

/// The measure and how far its lines may stretch.
#[derive(Debug, Clone, Copy)]
struct Measure {
    /// Width of every line.
    width: f32,
    /// The largest adjustment ratio allowed.
    tolerance: f32,
    /// Blank a ragged line may end in (0: justified).
    ragged: f32,
}

/// The best new node at one break for each fitness class and hyphen run.
type Best = [[Option<Node>; 3]; 4];

/// The search for the best breaks: every feasible break found so far (the arena) and those
/// a line may still start from (the active ones).
struct Search<'a> {
    items: &'a [Item],
    sums: Prefix,
    measure: Measure,
    arena: Vec<Node>,
    active: Vec<usize>,
}

impl<'a> Search<'a> {
    /// The search before any break: one active node, the paragraph's start at item `first`.
    fn new(items: &'a [Item], measure: Measure, first: usize) -> Search<'a> {
        let blank = Line {
            start: first,
            end: first,
            ratio: 0.0,
            last: false,
            natural: 0.0,
            hyphenated: false,
        };
        let start = Node {
            next_start: first,
            fitness: 1,
            hyphens: 0,
            demerits: 0.0,
            prev: None,
            line: blank,
        };
        Search {
            items,
            sums: Prefix::new(items),
            measure,
            arena: vec![start],
            active: vec![0],
        }
    }

    /// Tries a line from every active node to break `b`, keeps the best new nodes there and
    /// drops the nodes no line can start from any more; `false` when none is left.
    fn advance(&mut self, b: usize, at: Break) -> bool {
        let mut best: Best = [[None; 3]; 4];
        let mut active = std::mem::take(&mut self.active);
        active.retain(|&a| self.try_line(a, b, at, &mut best));
        self.active = active;
        let next_start = match self.items.get(b) {
            None => self.items.len(),
            Some(Item::Glue(_)) => skip_discardable(self.items, b),
            Some(_) => skip_discardable(self.items, b + 1),
        };
        for mut node in best.into_iter().flatten().flatten() {
            node.next_start = next_start;
            self.arena.push(node);
            self.active.push(self.arena.len() - 1);
        }
        !self.active.is_empty()
    }

    /// Tries the line from node `a` to break `b`, keeping it in `best` when it is feasible
    /// and better; whether `a` stays active (no forced break or overfull line ends it).
    fn try_line(&self, a: usize, b: usize, at: Break, best: &mut Best) -> bool {
        let node = self.arena[a];
        let s = node.next_start;
        if s > b || (s == self.items.len() && node.prev.is_some()) {
            return true;
        }
        let line = self.line(s, b, at);
        if line.ratio < -1.0 {
            return false;
        }
        let hyphens = if at.flagged { node.hyphens + 1 } else { 0 };
        if line.ratio <= self.measure.tolerance && hyphens <= MAX_HYPHEN_RUN {
            let fit = fitness(line.ratio);
            let total = node.demerits + self.demerits(&node, &line, at, fit);
            let slot = &mut best[usize::from(fit)][usize::from(hyphens)];
            if slot.is_none_or(|o| total < o.demerits) {
                *slot = Some(Node {
                    next_start: 0,
                    fitness: fit,
                    hyphens,
                    demerits: total,
                    prev: Some(a),
                    line,
                });
            }
        }
        !at.forced
    }

    /// The line from item `s` to break `b` (trailing glue left out), with the ratio that sets
    /// it in the measure.
    fn line(&self, s: usize, b: usize, at: Break) -> Line {
        let (items, sums, m) = (self.items, &self.sums, self.measure);
        let mut e = b;
        while e > s && matches!(items[e - 1], Item::Glue(_)) {
            e -= 1;
        }
        let natural = sums.width[e] - sums.width[s] + at.width;
        let stretch = sums.stretch[e] - sums.stretch[s] + m.ragged;
        let shrink = sums.shrink[e] - sums.shrink[s];
        let ratio = if natural <= m.width {
            if at.forced {
                0.0
            } else if stretch > 0.0 {
                (m.width - natural) / stretch
            } else if natural < m.width - 0.01 {
                // Nothing to stretch (one long word): very bad, allowed in a loose pass.
                UNDERFULL_RATIO
            } else {
                0.0
            }
        } else if shrink > 0.0 {
            (m.width - natural) / shrink
        } else {
            f32::NEG_INFINITY
        };
        Line {
            start: s,
            end: e,
            ratio,
            last: at.forced,
            natural,
            hyphenated: at.flagged,
        }
    }

    /// The demerits of `line`, of fitness class `fit`, after the line ending at `node`.
    fn demerits(&self, node: &Node, line: &Line, at: Break, fit: u8) -> f32 {
        let badness = 100.0 * line.ratio.abs().powi(3);
        let mut d = (LINE_PENALTY + badness).powi(2);
        if !at.forced {
            d += at.cost.signum() * at.cost * at.cost;
        }
        if at.flagged && node.line.hyphenated {
            d += DOUBLE_HYPHEN_DEMERITS;
        }
        if at.forced && node.line.hyphenated {
            d += FINAL_HYPHEN_DEMERITS;
        }
        let text = &self.items[line.start..line.end];
        if at.forced && is_runt(text, line.natural, self.measure.width) {
            d += SHORT_LAST_LINE_DEMERITS;
        }
        if fit.abs_diff(node.fitness) > 1 {
            d += ADJACENT_DEMERITS;
        }
        d
    }

    /// The lines of the best way to the paragraph's end, first to last.
    fn lines(&self) -> Option<Vec<Line>> {
        let n = self.items.len();
        let arena = &self.arena;
        let end = self
            .active
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
}

#[cfg(test)]
mod tests;
