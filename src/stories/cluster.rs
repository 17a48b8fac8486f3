//! Average-linkage clustering of articles by profile similarity, with a threshold.
//!
//! Two groups merge while the mean similarity over all their cross pairs is at least
//! [`THRESHOLD`]: a story's articles must resemble each other on the whole, not through one
//! chain of look-alikes (single linkage merges a week of campaign coverage into one "story").
//! Similarities come from an inverted index (only articles sharing a term are compared) and
//! pairs under [`FLOOR`] count as 0, so 1,000 articles group in tens of milliseconds.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use crate::parallel::par_map;

/// Mean similarity two groups need to merge.
/// Chosen on the shared `news_stories` dev windows and the same-topic fixtures
/// (tests/quality.md): lower merges different stories of one topic (0.12 scores best on dev but
/// merges a debate and a poll of one campaign), higher splits stories told in different words.
pub const THRESHOLD: f32 = 0.14;
/// Similarities under this are taken as 0.
pub const FLOOR: f32 = 0.02;

/// Cosine similarity of every pair of unit vectors sharing a term, at least [`FLOOR`]:
/// `(i, j, similarity)` with `i < j`, in that order. A large batch's rows are computed on every
/// core.
pub fn pairs(vectors: &[Vec<(u32, f32)>]) -> Vec<(usize, usize, f32)> {
    let terms = vectors
        .iter()
        .flat_map(|v| v.last().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); terms];
    for (d, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((d, w));
        }
    }
    if vectors.len() < PARALLEL_ROWS {
        return rows(vectors, &postings, 0..vectors.len());
    }
    // Rows in interleaved order would balance better, but chunks keep the output in order.
    let chunk = vectors.len().div_ceil(ROW_CHUNKS);
    let ranges: Vec<std::ops::Range<usize>> = (0..vectors.len())
        .step_by(chunk)
        .map(|start| start..(start + chunk).min(vectors.len()))
        .collect();
    par_map(&ranges, |r| rows(vectors, &postings, r.clone()))
        .into_iter()
        .flatten()
        .collect()
}

/// From this many articles on, [`pairs`] computes its rows on every core.
const PARALLEL_ROWS: usize = 256;
/// How many pieces the rows are cut into: the first rows compare with more later documents
/// than the last, so more pieces than cores keep the cores evenly busy.
const ROW_CHUNKS: usize = 16;

/// The pairs `(i, j, similarity)` of the rows `i` in `range`, each with the later documents.
fn rows(
    vectors: &[Vec<(u32, f32)>],
    postings: &[Vec<(usize, f32)>],
    range: std::ops::Range<usize>,
) -> Vec<(usize, usize, f32)> {
    let mut out = Vec::new();
    let mut acc = vec![0f32; vectors.len()];
    let mut touched = Vec::new();
    for i in range {
        for &(t, w) in &vectors[i] {
            // Postings are in document order: only later documents.
            let list = &postings[t as usize];
            let start = list.partition_point(|&(d, _)| d <= i);
            for &(j, wj) in &list[start..] {
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += w * wj;
            }
        }
        touched.sort_unstable();
        for j in touched.drain(..) {
            if acc[j] >= FLOOR {
                out.push((i, j, acc[j]));
            }
            acc[j] = 0.0;
        }
    }
    out
}

/// A candidate merge: mean similarity of groups `a` and `b` (`a < b`).
#[derive(PartialEq)]
struct Merge {
    mean: f32,
    a: usize,
    b: usize,
}

impl Eq for Merge {}

impl Ord for Merge {
    /// Highest mean first; ties broken towards the earliest groups, for a deterministic result.
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Groups `n` items given their pairwise similarities: each group as item indices in
/// ascending order, groups ordered by their first item.
pub fn average_linkage(n: usize, pairs: &[(usize, usize, f32)], threshold: f32) -> Vec<Vec<usize>> {
    // Sum of similarities between live groups, keyed by group (the group's first item).
    let mut links: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    for &(i, j, s) in pairs {
        *links[i].entry(j).or_default() += s;
        *links[j].entry(i).or_default() += s;
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mean =
        |sum: f32, a: usize, b: usize, m: &[Vec<usize>]| sum / (m[a].len() * m[b].len()) as f32;
    let mut heap: BinaryHeap<Merge> = pairs
        .iter()
        .map(|&(a, b, s)| Merge { mean: s, a, b })
        .collect();
    while let Some(Merge { mean: m, a, b }) = heap.pop() {
        if m < threshold {
            break;
        }
        // Stale entries: a group gone, or a mean computed before one of them grew.
        if !alive[a] || !alive[b] {
            continue;
        }
        let current = mean(links[a].get(&b).copied().unwrap_or(0.0), a, b, &members);
        if (current - m).abs() > 1e-6 {
            continue;
        }
        // Merge b into a: sums to the others add up.
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let b_links = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (c, s) in b_links {
            if c == a {
                continue;
            }
            links[c].remove(&b);
            *links[c].entry(a).or_default() += s;
            *links[a].entry(c).or_default() += s;
        }
        let mut neighbours: Vec<(usize, f32)> = links[a].iter().map(|(&c, &s)| (c, s)).collect();
        neighbours.sort_unstable_by_key(|&(c, _)| c);
        for (c, s) in neighbours {
            let (x, y) = (a.min(c), a.max(c));
            heap.push(Merge {
                mean: mean(s, a, c, &members),
                a: x,
                b: y,
            });
        }
    }
    let mut groups: Vec<Vec<usize>> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, live)| *live)
        .map(|(mut m, _)| {
            m.sort_unstable();
            m
        })
        .collect();
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_linkage_does_not_chain() {
        // 0–1 and 1–2 are close, 0–2 far apart: single linkage would make one group of three.
        let pairs = [(0, 1, 0.5), (1, 2, 0.3), (0, 2, 0.0), (3, 4, 0.1)];
        let groups = average_linkage(5, &pairs, 0.2);
        assert_eq!(groups, vec![vec![0, 1], vec![2], vec![3], vec![4]]);
    }

    #[test]
    fn a_large_batch_gives_the_same_pairs_in_the_same_order_on_every_core() {
        // 300 documents of 2–5 terms out of 40, by a fixed recipe.
        let vectors: Vec<Vec<(u32, f32)>> = (0..300u32)
            .map(|d| {
                let mut v: Vec<(u32, f32)> = (0..2 + d % 4)
                    .map(|k| ((d * 7 + k * 13) % 40, 0.5))
                    .collect();
                v.sort_unstable_by_key(|&(t, _)| t);
                v.dedup_by_key(|&mut (t, _)| t);
                v
            })
            .collect();
        assert!(vectors.len() >= PARALLEL_ROWS);
        let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); 40];
        for (d, v) in vectors.iter().enumerate() {
            for &(t, w) in v {
                postings[t as usize].push((d, w));
            }
        }
        let one_thread = rows(&vectors, &postings, 0..vectors.len());
        assert!(one_thread.len() > 1000);
        assert_eq!(pairs(&vectors), one_thread);
    }

    #[test]
    fn pairs_are_cosines_of_shared_terms() {
        let v = vec![vec![(0, 0.6), (1, 0.8)], vec![(1, 1.0)], vec![(2, 1.0)]];
        let p = pairs(&v);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].0, p[0].1), (0, 1));
        assert!((p[0].2 - 0.8).abs() < 1e-6);
    }
}
