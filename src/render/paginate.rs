//! Flow → pages: fills each page's body with fragments top to bottom, breaking before a
//! fragment that does not fit, keeping chains of keep-with-next fragments together and
//! repeating a table's header row at the top of a page the table continues on.
//!
//! Widow and orphan control, keep-with-next for headings and list intros, and unsplit list
//! items are all expressed by the layout as keep-with-next flags between line fragments
//! ([`super::layout`]); this module honours them. Footnotes take their room at the foot of
//! the page that cites them.

use std::collections::BTreeMap;

use super::layout::Flow;
use super::notes::SEPARATOR;

/// Longest chain of keep-with-next fragments honoured (a longer one may split).
const MAX_CHAIN: usize = 8;

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
/// and the last fragment of that chain.
fn chain_height(flow: &Flow, i: usize) -> (f32, usize) {
    let frags = &flow.fragments;
    let mut h = frags[i].height;
    let mut j = i;
    while frags[j].keep_with_next && j + 1 < frags.len() && j - i < MAX_CHAIN {
        j += 1;
        h += frags[j].space_before + frags[j].height;
    }
    (h, j)
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
    let mut i = 0;
    while i < frags.len() {
        let f = &frags[i];
        if page.placed.is_empty() && !pages.is_empty() {
            if let Some(h) = f.repeat_header.filter(|h| *h != i) {
                page.placed.push(Placed {
                    fragment: h,
                    y: 0.0,
                });
                y = frags[h].height;
            }
        }
        let fresh = page.placed.is_empty();
        let gap = if fresh { 0.0 } else { f.space_before };
        let (chain, last) = chain_height(flow, i);
        let chain_notes = reserved(&page.notes, &cited(flow, i, last), heights);
        let own_notes = reserved(&page.notes, &f.notes, heights);
        let chain_breaks = y + gap + chain + chain_notes > body_height && chain <= body_height;
        let overflows = y + gap + f.height + own_notes > body_height;
        if !fresh && (chain_breaks || overflows) && !only_repeated_header(&page, i, flow) {
            pages.push(std::mem::take(&mut page));
            y = 0.0;
            continue;
        }
        y += gap;
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
mod tests {
    use std::ops::Range;

    use super::*;
    use crate::render::layout::{Ctx, Fragment, Layouter};
    use crate::render::shape::Shaper;
    use crate::render::{markup, parser};

    fn frag(height: f32, keep: bool) -> Fragment {
        Fragment {
            height,
            space_before: 5.0,
            keep_with_next: keep,
            ..Fragment::default()
        }
    }

    #[test]
    fn breaks_pages_and_drops_space_at_the_top() {
        let flow = Flow {
            fragments: vec![frag(40.0, false); 5],
            groups: Vec::new(),
        };
        let pages = paginate(&flow, 100.0);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[1].placed[0].y, 0.0);
        assert_eq!(pages[0].placed[1].y, 45.0);
    }

    #[test]
    fn keeps_a_heading_with_the_next_line() {
        let mut fragments = vec![frag(40.0, false), frag(30.0, true), frag(40.0, false)];
        fragments[0].space_before = 0.0;
        let flow = Flow {
            fragments,
            groups: Vec::new(),
        };
        let pages = paginate(&flow, 100.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].placed[0].fragment, 1);
    }

    /// Lays out `markup` 300 pt wide; also returns the fragment range of each top-level block.
    fn laid_out(markup: &str) -> (Flow, Vec<Range<usize>>) {
        let blocks = parser::parse(&markup::tokenize(markup).unwrap()).unwrap();
        let mut shaper = Shaper::default();
        let mut l = Layouter::new(&mut shaper);
        let ctx = Ctx {
            width: 300.0,
            ..Ctx::default()
        };
        let mut ranges = Vec::new();
        for b in &blocks {
            let start = l.flow.fragments.len();
            l.blocks(std::slice::from_ref(b), &ctx).unwrap();
            ranges.push(start..l.flow.fragments.len());
        }
        (l.flow, ranges)
    }

    /// For every body height from 90 to 400 pt (room for six lines or more): the page of
    /// each fragment.
    fn sweep(flow: &Flow) -> Vec<Vec<usize>> {
        (90..400)
            .map(|h| {
                let mut page_of = vec![usize::MAX; flow.fragments.len()];
                for (p, page) in paginate(flow, h as f32).iter().enumerate() {
                    for placed in &page.placed {
                        if page_of[placed.fragment] == usize::MAX {
                            page_of[placed.fragment] = p;
                        }
                    }
                }
                assert!(page_of.iter().all(|p| *p != usize::MAX), "height {h}");
                page_of
            })
            .collect()
    }

    const LONG: &str = "Delegations agreed to publish a joint hydrological baseline, the first \
        since 2019, before the next round in January, and to meet again in Basel.";

    #[test]
    fn a_heading_that_would_end_a_page_moves_to_the_next() {
        let markup = format!("<p>{LONG} {LONG}</p><h2>Key points</h2><p>{LONG}</p>");
        let (flow, blocks) = laid_out(&markup);
        let heading = blocks[1].start;
        assert_eq!(blocks[1].len(), 1);
        for page_of in sweep(&flow) {
            // The heading shares its page with the first two lines that follow it.
            assert_eq!(page_of[heading], page_of[heading + 1]);
            assert_eq!(page_of[heading], page_of[heading + 2]);
        }
    }

    #[test]
    fn a_two_line_paragraph_at_a_page_foot_is_not_split() {
        let markup = format!("<p>{LONG} {LONG} {LONG}</p><p>{LONG}</p>");
        let (flow, blocks) = laid_out(&markup);
        assert_eq!(
            blocks[1].len(),
            2,
            "the fixture paragraph should take two lines"
        );
        let mut moved = false;
        for page_of in sweep(&flow) {
            let (a, b) = (blocks[1].start, blocks[1].start + 1);
            assert_eq!(page_of[a], page_of[b]);
            moved |= page_of[a] > page_of[a - 1];
        }
        assert!(moved, "no height put a page break before the paragraph");
    }

    #[test]
    fn no_widows_or_orphans() {
        let markup = format!("<h3>Background</h3><p>{LONG} {LONG} {LONG} {LONG}</p>");
        let (flow, blocks) = laid_out(&markup);
        let para = blocks[1].clone();
        assert!(para.len() >= 5);
        for page_of in sweep(&flow) {
            for page in page_of[para.clone()].chunk_by(|a, b| a == b) {
                assert!(
                    page.len() >= 2,
                    "a line alone: {:?}",
                    &page_of[para.clone()]
                );
            }
        }
    }

    #[test]
    fn list_intros_stay_with_the_list_and_items_do_not_split_after_one_line() {
        let item = format!("<li>{LONG} {LONG}</li>");
        let markup = format!("<p>{LONG}</p><p>The parties said:</p><ul>{item}{item}{item}</ul>");
        let blocks = parser::parse(&markup::tokenize(&markup).unwrap()).unwrap();
        let mut shaper = Shaper::default();
        let mut l = Layouter::new(&mut shaper);
        let ctx = Ctx {
            width: 300.0,
            ..Ctx::default()
        };
        l.blocks(&blocks, &ctx).unwrap();
        let flow = l.flow;
        let (_, single) = laid_out(&format!("<p>{LONG}</p><p>The parties said:</p>"));
        let intro = single[1].start;
        let item_lines = (flow.fragments.len() - intro - 1) / 3;
        assert!(item_lines >= 3);
        for page_of in sweep(&flow) {
            assert_eq!(page_of[intro], page_of[intro + 1], "intro left behind");
            for k in 0..3 {
                let first = intro + 1 + k * item_lines;
                assert_eq!(
                    page_of[first],
                    page_of[first + 1],
                    "item {k} split after one line"
                );
            }
        }
    }

    #[test]
    fn a_table_across_pages_repeats_its_header_and_keeps_every_row() {
        let rows: String = (1..=12)
            .map(|n| format!("<tr><td>{n}</td><td>Outlet {n}</td><td>{LONG}</td></tr>"))
            .collect();
        let markup =
            format!("<table><tr><th>No.</th><th>Outlet</th><th>Title</th></tr>{rows}</table>");
        let (flow, blocks) = laid_out(&markup);
        let header = blocks[0].start;
        let pages = paginate(&flow, 200.0);
        assert!(pages.len() >= 3);
        let mut seen = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            assert_eq!(page.placed[0].fragment, header, "page {p} lacks the header");
            assert!(page.placed.len() >= 2, "page {p} holds only a header");
            seen.extend(page.placed[1..].iter().map(|pl| pl.fragment));
        }
        assert_eq!(seen, (header + 1..blocks[0].end).collect::<Vec<_>>());
    }

    #[test]
    fn footnotes_take_room_at_the_foot_of_the_citing_page() {
        let mut fragments = vec![frag(20.0, false); 6];
        fragments[3].notes = vec![7];
        fragments[4].notes = vec![7, 8];
        let flow = Flow {
            fragments,
            groups: Vec::new(),
        };
        let heights = BTreeMap::from([(7, 12.0), (8, 30.0)]);
        // 100 pt: four fragments (20 + 3 × 25 = 95) fit without notes; with note 7 (12 + 10
        // separator) the fourth does not, so it opens page 2 with its note.
        let pages = paginate_notes(&flow, 100.0, &heights);
        assert_eq!(pages[0].placed.len(), 3);
        assert!(pages[0].notes.is_empty());
        assert_eq!(pages[1].placed[0].fragment, 3);
        assert_eq!(pages[1].notes, [7, 8]);
        let last = pages[1].placed.last().unwrap();
        assert!(last.y + 20.0 + 12.0 + 30.0 + SEPARATOR <= 100.0);
        // Without notes the plain paginator fills the page.
        assert_eq!(paginate(&flow, 100.0)[0].placed.len(), 4);
    }

    #[test]
    fn repeats_table_headers() {
        let mut fragments = vec![frag(20.0, true)];
        for _ in 0..6 {
            let mut row = frag(30.0, false);
            row.space_before = 0.0;
            row.repeat_header = Some(0);
            fragments.push(row);
        }
        let flow = Flow {
            fragments,
            groups: Vec::new(),
        };
        let pages = paginate(&flow, 100.0);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[1].placed[0].fragment, 0);
        assert_eq!(pages[1].placed[1].fragment, 3);
    }
}
