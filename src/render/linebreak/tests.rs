//! Tests of line breaking: fitting and ragged lines, forced breaks, over-wide words.

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
    let lines = break_lines(&items, 200.0, 0.0);
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
    let lines = break_lines(&items, 500.0, 0.0);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].last);
}

#[test]
fn over_wide_words_are_split() {
    let items = split_wide_boxes(items("2026-11-20-neue-zürcher-abendblatt.html"), 30.0);
    assert!(items.iter().all(|i| i.width() <= 30.0));
    let lines = break_lines(&items, 30.0, 0.0);
    assert!(lines.iter().all(|l| l.natural <= 30.0 + 0.01));
}

/// Issue 14: a run of 600 digits broke as one line per word before it, then full lines.
#[test]
fn words_before_an_over_wide_word_share_its_first_line() {
    let text = format!(
        "The ministry published the key {} in its report.",
        "1234567890".repeat(60)
    );
    let words_only = items("The ministry published the key ").len();
    let items = split_wide_boxes(items(&text), 300.0);
    let lines = break_lines(&items, 300.0, 0.0);
    assert!(lines.iter().all(|l| l.natural <= 300.0 + 0.01));
    let first = lines[0].end - lines[0].start;
    assert!(
        first > words_only,
        "the first line holds only the words before the run"
    );
    let all: f32 = items.iter().map(Item::width).sum();
    assert!(
        lines.len() as f32 <= (all / 300.0).ceil() + 1.0,
        "{} lines",
        lines.len()
    );
}

/// Lines broken at spaces or `<br>` end in a space glyph, so the text of the runs is the
/// paragraph's text (what the structure tree and copy and paste read).
#[test]
fn the_runs_of_all_lines_spell_the_text_with_its_spaces() {
    let text = "Delegations agreed to publish a joint baseline before the next round in Basel.";
    let mut items = items(&format!("{text} {text}"));
    let at = items.len() / 2;
    items.insert(
        at,
        Item::Penalty {
            width: 0.0,
            cost: FORCED,
        },
    );
    let lines = break_lines(&items, 120.0, 120.0);
    assert!(lines.len() > 3);
    let spelled: String = lines
        .iter()
        .flat_map(|l| place_line(&items, l, 0.0, 120.0, Align::Left, 10.0))
        .flat_map(|r| r.glyphs)
        .map(|g| g.text)
        .collect();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&spelled), words(&format!("{text} {text}")));
    assert_eq!(
        spelled.matches(' ').count(),
        text.matches(' ').count() * 2 + 1
    );
}
