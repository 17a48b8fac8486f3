//! Flow → pages: fills each page's body with fragments top to bottom, breaking before a
//! fragment that does not fit, keeping chains of keep-with-next fragments together and
//! repeating a table's header row at the top of a page the table continues on.
//!
//! Widow and orphan control, keep-with-next for headings and list intros, and unsplit list
//! items are all expressed by the layout as keep-with-next flags between line fragments
//! ([`super::layout`]); this module honours them. Footnotes take their room at the foot of
//! the page that cites them. The spaces between blocks may shrink by up to
//! [`SPACE_SHRINK`] on a page that would otherwise leave its next lines to the following
//! page (TeX's `\parskip` with a minus part), so pages fill instead of leaving a gap.

use std::collections::BTreeMap;

use super::flow::Flow;
use super::notes::SEPARATOR;

/// Longest chain of keep-with-next fragments honoured (a longer one may split).
const MAX_CHAIN: usize = 8;
/// Share by which the spaces between blocks on a page may shrink to take in more lines.
const SPACE_SHRINK: f32 = 0.15;

/// A fragment placed on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into [`Flow::fragments`].
    pub fragment: usize,
    /// Top of the fragment, from the top of the page body.
    pub y: f32,
}

/// The fragments of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLayout {
    /// Top to bottom.
    pub placed: Vec<Placed>,
    /// Source numbers whose footnotes go at the foot, in order of citation.
    pub notes: Vec<usize>,
}

/// Height of fragment `i` plus the following fragments it must stay with, space included,
/// the spaces inside that chain, and the last fragment of the chain.
fn chain_height(flow: &Flow, i: usize) -> (f32, f32, usize) {
    let frags = &flow.fragments;
    let (mut h, mut space) = (frags[i].height, 0.0);
    let mut j = i;
    while frags[j].keep_with_next && j + 1 < frags.len() && j - i < MAX_CHAIN {
        j += 1;
        h += frags[j].space_before + frags[j].height;
        space += frags[j].space_before;
    }
    (h, space, j)
}

/// Moves the fragments of `page` up when they reach `over` points into the footnotes or
/// past the body foot: every space above a fragment (`gaps`, one per placed fragment)
/// shrinks by the same share, at most [`SPACE_SHRINK`].
fn tighten(page: &mut PageLayout, gaps: &[f32], over: f32) {
    let total: f32 = gaps.iter().sum();
    if over <= 0.0 || total <= 0.0 {
        return;
    }
    let share = (over / total).min(SPACE_SHRINK);
    let mut moved = 0.0;
    for (p, gap) in page.placed.iter_mut().zip(gaps) {
        moved += gap * share;
        p.y -= moved;
    }
}

/// Splits `flow` into pages whose body is `body_height` points tall (no footnotes).
#[cfg(test)]
pub fn paginate(flow: &Flow, body_height: f32) -> Vec<PageLayout> {
    paginate_notes(flow, body_height, &BTreeMap::new())
}

/// Room the footnotes `cited` (plus the new ones in `more`) take at the page foot.
fn reserved(cited: &[usize], more: &[usize], heights: &BTreeMap<usize, f32>) -> f32 {
    let mut total = 0.0;
    let mut any = false;
    for n in cited
        .iter()
        .chain(more.iter().filter(|n| !cited.contains(n)))
    {
        if let Some(h) = heights.get(n) {
            total += h;
            any = true;
        }
    }
    if any {
        total + SEPARATOR
    } else {
        0.0
    }
}

/// The source numbers cited by fragments `i..=last`.
fn cited(flow: &Flow, i: usize, last: usize) -> Vec<usize> {
    flow.fragments[i..=last]
        .iter()
        .flat_map(|f| f.notes.iter().copied())
        .collect()
}

/// [`paginate`], also placing footnotes: a page holds the notes (of the given heights) of
/// every source its fragments cite, and a fragment moves on when its notes do not fit.
pub fn paginate_notes(
    flow: &Flow,
    body_height: f32,
    heights: &BTreeMap<usize, f32>,
) -> Vec<PageLayout> {
    let frags = &flow.fragments;
    let mut pages = Vec::new();
    let mut page = PageLayout::default();
    let mut y = 0.0f32;
    // The space above each fragment placed on the page.
    let mut gaps: Vec<f32> = Vec::new();
    let mut i = 0;
    while i < frags.len() {
        let f = &frags[i];
        if page.placed.is_empty() && !pages.is_empty() {
            if let Some(h) = f.repeat_header.filter(|h| *h != i) {
                page.placed.push(Placed {
                    fragment: h,
                    y: 0.0,
                });
                gaps.push(0.0);
                y = frags[h].height;
            }
        }
        let fresh = page.placed.is_empty();
        let gap = if fresh { 0.0 } else { f.space_before };
        let (chain, inner, last) = chain_height(flow, i);
        let chain_notes = reserved(&page.notes, &cited(flow, i, last), heights);
        let own_notes = reserved(&page.notes, &f.notes, heights);
        let slack = SPACE_SHRINK * (gaps.iter().sum::<f32>() + gap);
        let chain_breaks = y + gap + chain + chain_notes - slack - SPACE_SHRINK * inner
            > body_height
            && chain <= body_height;
        let overflows = y + gap + f.height + own_notes - slack > body_height;
        if !fresh && (chain_breaks || overflows) && !only_repeated_header(&page, i, flow) {
            let over = y + reserved(&page.notes, &[], heights) - body_height;
            tighten(&mut page, &gaps, over);
            pages.push(std::mem::take(&mut page));
            gaps.clear();
            y = 0.0;
            continue;
        }
        y += gap;
        gaps.push(gap);
        for n in &f.notes {
            if heights.contains_key(n) && !page.notes.contains(n) {
                page.notes.push(*n);
            }
        }
        page.placed.push(Placed { fragment: i, y });
        y += f.height;
        i += 1;
    }
    if !page.placed.is_empty() || pages.is_empty() {
        let over = y + reserved(&page.notes, &[], heights) - body_height;
        tighten(&mut page, &gaps, over);
        pages.push(page);
    }
    pages
}

/// Whether the page holds nothing but the repeated header of fragment `i`'s table (breaking
/// again would loop forever).
fn only_repeated_header(page: &PageLayout, i: usize, flow: &Flow) -> bool {
    page.placed.len() == 1 && flow.fragments[i].repeat_header == Some(page.placed[0].fragment)
}

#[cfg(test)]
mod tests;
