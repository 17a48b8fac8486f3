//! Flow → pages: fills each page's body with fragments top to bottom, breaking before a
//! fragment that does not fit, keeping chains of keep-with-next fragments together and
//! repeating a table's header row at the top of a page the table continues on.
//!
//! This is the place for widow/orphan control and footnotes later: both only change which
//! fragment a page ends with.

use super::layout::Flow;

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
}

/// Height of fragment `i` plus the following fragments it must stay with, space included.
fn chain_height(flow: &Flow, i: usize) -> f32 {
    let frags = &flow.fragments;
    let mut h = frags[i].height;
    let mut j = i;
    while frags[j].keep_with_next && j + 1 < frags.len() && j - i < MAX_CHAIN {
        j += 1;
        h += frags[j].space_before + frags[j].height;
    }
    h
}

/// Splits `flow` into pages whose body is `body_height` points tall.
pub fn paginate(flow: &Flow, body_height: f32) -> Vec<PageLayout> {
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
        let chain = chain_height(flow, i);
        let chain_breaks = y + gap + chain > body_height && chain <= body_height;
        let overflows = y + gap + f.height > body_height;
        if !fresh && (chain_breaks || overflows) && !only_repeated_header(&page, i, flow) {
            pages.push(std::mem::take(&mut page));
            y = 0.0;
            continue;
        }
        y += gap;
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
    use super::*;
    use crate::render::layout::Fragment;

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
