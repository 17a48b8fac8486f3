//! Tests of shaping: words, glue and breaks; substituted missing glyphs.

use super::*;
use crate::render::style::BODY;

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text {
        text: s.into(),
        style: InlineStyle::default(),
    }]
}

#[test]
fn words_glue_and_breaks() {
    let mut sh = Shaper::default();
    let items = sh.items(&text("Zürich well-known “Dār”"), &BODY).unwrap();
    let kinds: String = items
        .iter()
        .map(|i| match i {
            Item::Box(_) => 'B',
            Item::Glue(_) => 'G',
            Item::Penalty { .. } => 'P',
        })
        .collect();
    assert_eq!(kinds, "BGBPBGB");
    let Item::Box(p) = &items[0] else { panic!() };
    let t: String = p.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(t, "Zürich");
    assert!(sh.missing.is_empty());
}

#[test]
fn missing_glyphs_are_substituted_and_recorded() {
    let mut sh = Shaper::default();
    let items = sh.items(&text("a\u{4e2d}b"), &BODY).unwrap();
    assert!(sh.missing.contains(&'\u{4e2d}'));
    let glyphs: usize = items
        .iter()
        .map(|i| match i {
            Item::Box(p) => p.glyphs.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(glyphs, 3);
}
