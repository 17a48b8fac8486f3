//! Tests of the total-fit line breaker: against first fit, hyphen runs, overfull text and short last lines.

use super::*;
use crate::render::blocks::{Inline, InlineStyle};
use crate::render::items::{Glue, Piece};
use crate::render::linebreak::{first_fit, place_line};
use crate::render::shape::Shaper;
use crate::render::style::{Align, BODY};

fn shaped(text: &str) -> Vec<Item> {
    let content = [Inline::Text {
        text: text.into(),
        style: InlineStyle::default(),
    }];
    Shaper::default().items(&content, &BODY).unwrap()
}

fn boxed(width: f32) -> Item {
    Item::Box(Piece {
        font: crate::render::fonts::FontKey::SerifRegular,
        size: 10.0,
        rise: 0.0,
        color: BODY.color,
        glyphs: Vec::new(),
        width,
        link: None,
        tag: None,
    })
}

fn glue() -> Item {
    let Item::Box(space) = boxed(5.0) else {
        unreachable!()
    };
    Item::Glue(Glue {
        width: 5.0,
        stretch: 3.0,
        shrink: 3.0,
        space,
    })
}

fn worst(lines: &[Line]) -> f32 {
    lines
        .iter()
        .filter(|l| !l.last)
        .map(|l| l.ratio.abs())
        .fold(0.0, f32::max)
}

#[test]
fn total_fit_avoids_the_loose_line_first_fit_leaves() {
    // Words 40 40 15 50 45 at width 100, spaces 5 (stretch 3, shrink 3). First fit will
    // not shrink "40 40 15" (105) that far, so it sets "40 40" (ratio 2.5) and "15 50"
    // (ratio 10); total fit shrinks the first line (ratio -0.83) and sets "50 45" (1.67).
    let items: Vec<Item> = [40.0, 40.0, 15.0, 50.0, 45.0]
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            let mut v = vec![boxed(*w)];
            if i < 4 {
                v.push(glue());
            }
            v
        })
        .collect();
    let ff = first_fit(&items, 100.0);
    assert_eq!(ff.len(), 3);
    assert!(worst(&ff) > 9.0);
    let kp = total_fit(&items, 100.0, 20.0, 0.0).unwrap();
    assert_eq!(kp.len(), 2, "{kp:?}");
    assert_eq!((kp[0].start, kp[0].end), (0, 5));
    assert_eq!((kp[1].start, kp[1].end), (6, 9));
    assert!((kp[0].ratio + 5.0 / 6.0).abs() < 1e-4);
    assert!((kp[1].ratio - 0.0).abs() < 1e-4 && kp[1].last);
    // Within a tolerance of 1 the same breaks are found.
    assert_eq!(total_fit(&items, 100.0, 1.0, 0.0).unwrap(), kp);
}

#[test]
fn real_text_is_set_no_looser_than_first_fit() {
    let text = "The delegations agreed on a provisional allocation of summer flows, \
        subject to ratification by the cantonal parliaments and the federal water \
        authority, while the downstream operators asked for compensation mechanisms \
        covering drought years and the environmental minimum flows in the delta. "
        .repeat(3);
    let items = shaped(&text);
    for width in [150.0, 220.0, 330.0] {
        let ff = first_fit(&items, width);
        let kp = total_fit(&items, width, 20.0, 0.0).unwrap();
        assert!(worst(&kp) <= worst(&ff) + 1e-3, "width {width}");
        assert!(kp.iter().all(|l| l.ratio >= -1.0));
        let text_of = |ls: &[Line]| ls.iter().map(|l| l.end - l.start).sum::<usize>();
        assert!(text_of(&kp) > 0);
    }
}

#[test]
fn at_most_two_hyphenated_lines_in_a_row_and_hyphens_are_drawn() {
    let text = "Internationalisation of transboundary administration necessitates \
        extraordinarily comprehensive intergovernmental coordination mechanisms \
        notwithstanding considerable institutional heterogeneity. "
        .repeat(4);
    let items = shaped(&text);
    let lines = total_fit(&items, 120.0, 20.0, 0.0).expect("feasible");
    assert!(lines.iter().any(|l| l.hyphenated), "no hyphenation at all");
    for run in lines.windows(3) {
        assert!(!run.iter().all(|l| l.hyphenated), "three hyphens in a row");
    }
    let l = lines.iter().find(|l| l.hyphenated).unwrap();
    let runs = place_line(&items, l, 0.0, 120.0, Align::Justify, 10.0);
    let last = runs.last().unwrap().glyphs.last().unwrap();
    assert_eq!(last.text, "-");
    assert!(last.x < 120.0);
}

#[test]
fn overfull_paragraphs_have_no_total_fit() {
    let items = vec![boxed(80.0), glue(), boxed(90.0)];
    assert_eq!(total_fit(&items, 100.0, 20.0, 0.0).unwrap().len(), 2);
    assert!(total_fit(&items, 60.0, 20.0, 0.0).is_none());
    assert!(total_fit(&[], 60.0, 1.0, 0.0).unwrap().is_empty());
}

#[test]
fn a_short_last_word_is_taken_up_by_tightening_the_line_above() {
    // Two lines of six 11 pt words (96 pt natural at width 100, spaces 6 that shrink to 4)
    // and an 8 pt word. First fit, which shrinks spaces only 70 % of the way, leaves the
    // 8 pt word alone on a third line; total fit shrinks one line (ratio -10/12) to take it.
    let space = |i: &Item| match i {
        Item::Glue(g) => Item::Glue(Glue {
            width: 6.0,
            stretch: 3.6,
            shrink: 2.0,
            space: g.space.clone(),
        }),
        other => other.clone(),
    };
    let mut widths = vec![11.0; 12];
    widths.push(8.0);
    let items: Vec<Item> = widths
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            let mut v = vec![boxed(*w)];
            if i + 1 < widths.len() {
                v.push(space(&glue()));
            }
            v
        })
        .collect();
    let ff = first_fit(&items, 100.0);
    assert_eq!(ff.len(), 3, "{ff:?}");
    assert_eq!(
        ff[2].end - ff[2].start,
        1,
        "first fit should leave one word"
    );
    let kp = total_fit(&items, 100.0, 1.0, 0.0).unwrap();
    assert_eq!(kp.len(), 2, "{kp:?}");
    let last = kp.last().unwrap();
    assert!(last.end - last.start > 1, "a word alone on the last line");
    assert!(
        kp.iter().all(|l| l.ratio >= -1.0),
        "beyond the shrink limit"
    );
    assert!(kp.iter().any(|l| l.ratio < -0.8), "no line was tightened");
}

#[test]
fn runts_are_short_lines_or_one_short_word() {
    let word = |t: &str| shaped(t);
    // "is”²" alone: one word of four characters.
    assert!(is_runt(&word("is”"), 15.0, 300.0));
    assert!(!is_runt(&word("corridor"), 40.0, 300.0));
    // Under a tenth of the measure.
    assert!(is_runt(&word("a corridor"), 40.0, 500.0));
    assert!(!is_runt(&word("a corridor"), 40.0, 300.0));
}
