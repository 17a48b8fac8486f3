//! Tests of pagination: page breaks, keeps, widows and orphans, quotes, tables, footnotes and flexible spaces.

use std::ops::Range;

use super::*;
use crate::render::flow::{Ctx, Fragment};
use crate::render::layout::Layouter;
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
fn a_speakers_quotes_split_between_quotes_and_the_heading_keeps_the_first() {
    let quote = |text: &str| {
        format!("<p>“{text}”<sup>2</sup><br><span class=\"attribution\">— The Harbour Ledger, 19 November 2026</span></p>")
    };
    let markup = format!(
        "<p>{LONG} {LONG} {LONG}</p><h2>Viktor Lebedev<span class=\"role\"> · envoy</span></h2>\
         <blockquote>{}{}{}</blockquote>",
        quote(LONG),
        quote("We will be watching the insurers first"),
        quote(&format!("{LONG} {LONG}"))
    );
    let (flow, blocks) = laid_out(&markup);
    let lines = |q: String| laid_out(&format!("<blockquote>{q}</blockquote>")).1[0].len();
    let heading = blocks[1].start;
    let quotes = blocks[2].clone();
    let first = lines(quote(LONG));
    assert!(
        first >= 3,
        "the first quote should take two lines or more and its source"
    );
    let second = heading + 1 + first;
    let third = second + lines(quote("We will be watching the insurers first"));
    let mut split_between = false;
    for page_of in sweep(&flow) {
        // The heading never ends a page: the first quote's first two lines stay with it.
        for k in 1..=2 {
            assert_eq!(page_of[heading], page_of[heading + k], "{page_of:?}");
        }
        // A quote's attribution never opens a page alone.
        for end in [second, third, quotes.end] {
            assert_eq!(page_of[end - 2], page_of[end - 1], "{page_of:?}");
        }
        split_between |= page_of[heading] < page_of[second];
    }
    assert!(
        split_between,
        "no page broke between the first and the second quote"
    );
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
    let markup = format!("<table><tr><th>No.</th><th>Outlet</th><th>Title</th></tr>{rows}</table>");
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

#[test]
fn spaces_shrink_a_little_to_take_in_the_next_line() {
    let mut fragments = vec![frag(20.0, false); 4];
    for f in &mut fragments {
        f.space_before = 10.0;
    }
    let flow = Flow {
        fragments,
        groups: Vec::new(),
    };
    // 20 + 3 × (10 + 20) = 110 pt: with the three spaces shrunk by 4 pt (of 30 × 15 %
    // = 4.5 allowed) the fourth fragment ends at 106 pt.
    let pages = paginate(&flow, 106.0);
    assert_eq!(pages.len(), 1);
    let ys: Vec<f32> = pages[0].placed.iter().map(|p| p.y).collect();
    for (y, want) in ys.iter().zip([0.0, 28.6667, 57.3333, 86.0]) {
        assert!((y - want).abs() < 1e-3, "{ys:?}");
    }
    // Beyond the shrink the fragment moves on, and a page that fits keeps its spaces.
    let pages = paginate(&flow, 105.0);
    assert_eq!(pages.len(), 2);
    let ys: Vec<f32> = pages[0].placed.iter().map(|p| p.y).collect();
    assert_eq!(ys, [0.0, 30.0, 60.0]);
}
