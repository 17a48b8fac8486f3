//! Footnotes: with a theme's `notes=footnotes`, every source cited on a page (a superscript
//! source number in the text) gets a note at the foot of that page — the same number, the
//! outlet, title and date, the web address as a link. The paginator reserves their height
//! ([`super::paginate::paginate_notes`]); the frame draws them under a short rule.
//!
//! With endnotes (the default) the template's numbered sources list plays that part.

use std::collections::{BTreeMap, BTreeSet};

use super::blocks::{curl_quotes, Block, Inline, InlineStyle, ParaClass};
use super::context::long_date;
use super::draw::Draw;
use super::flow::Flow;
use super::fonts::Family;
use super::layout::Layouter;
use super::shape::Shaper;
use super::tags::{Mark, Role, Tag};
use crate::error::RenderError;
use crate::model::Source;

/// Space above the first note: the gap, then the rule.
pub const SEPARATOR: f32 = 10.0;
/// Space between notes.
const GAP: f32 = 1.5;

/// The content of the note for `s`: its number (superscript), outlet, title, date, address.
pub fn note_content(s: &Source) -> Vec<Inline> {
    let plain = InlineStyle::default();
    let mut v = vec![Inline::Text {
        text: s.number.to_string(),
        style: InlineStyle {
            sup: true,
            ..InlineStyle::default()
        },
    }];
    let mut text = String::from(" ");
    if let Some(o) = &s.outlet {
        text.push_str(o);
        text.push_str(", ");
    }
    v.push(Inline::Text {
        text,
        style: plain.clone(),
    });
    v.push(Inline::Text {
        text: format!("“{}”", s.title),
        style: InlineStyle {
            link: s.url.clone(),
            ..InlineStyle::default()
        },
    });
    let date = s
        .date
        .map(|d| format!(", {}", long_date(d)))
        .unwrap_or_default();
    v.push(Inline::Text {
        text: format!("{date}."),
        style: plain,
    });
    curl_quotes(&mut v, &Default::default());
    v
}

/// Each source's note laid out `width` points wide in the body typeface `family`.
pub fn layout(
    shaper: &mut Shaper,
    sources: &[Source],
    width: f32,
    family: Family,
) -> Result<BTreeMap<usize, Flow>, RenderError> {
    let mut out = BTreeMap::new();
    for s in sources {
        let block = Block::Para {
            class: ParaClass::Note,
            content: note_content(s),
        };
        let mut layouter = Layouter::new(shaper);
        layouter.body_family = family;
        let note = Tag::with(Role::Note, None, None, Some(format!("note-{}", s.number)));
        let flow = layouter.layout_as(std::slice::from_ref(&block), width, Some(note))?;
        out.insert(s.number, flow);
    }
    Ok(out)
}

/// Height of each note (its lines and the gap above it).
pub fn heights(notes: &BTreeMap<usize, Flow>) -> BTreeMap<usize, f32> {
    notes
        .iter()
        .map(|(n, f)| (*n, GAP + f.fragments.iter().map(|x| x.height).sum::<f32>()))
        .collect()
}

/// The drawings of the notes `cited` at the foot of a body `body_height` tall and `width`
/// wide, in body coordinates. A note already in `drawn` (printed on an earlier page) is a
/// pagination artifact; the others are added to it.
pub fn draw(
    notes: &BTreeMap<usize, Flow>,
    cited: &[usize],
    (body_height, width): (f32, f32),
    drawn: &mut BTreeSet<usize>,
) -> Vec<Draw> {
    let h = heights(notes);
    let total: f32 = cited.iter().filter_map(|n| h.get(n)).sum();
    if total == 0.0 {
        return Vec::new();
    }
    let mut y = body_height - total - SEPARATOR;
    let mut draws = vec![Draw::Line {
        x1: 0.0,
        y1: y + SEPARATOR / 2.0,
        x2: width * 0.25,
        y2: y + SEPARATOR / 2.0,
        width: 0.5,
        color: super::style::RULE,
    }];
    y += SEPARATOR;
    for n in cited {
        let Some(flow) = notes.get(n) else { continue };
        let again = !drawn.insert(*n);
        y += GAP;
        for f in &flow.fragments {
            for d in &f.draws {
                let mut d = d.clone();
                d.translate(0.0, y);
                if again {
                    d.set_artifact(&Mark::Pagination);
                }
                draws.push(d);
            }
            y += f.height;
        }
    }
    draws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::items::line_notes;
    use crate::render::linebreak::break_lines;
    use crate::render::style::BODY;

    #[test]
    fn superscript_numbers_are_the_notes_of_a_line() {
        let content = vec![
            Inline::Text {
                text: "Talks resumed in 2026.".into(),
                style: InlineStyle::default(),
            },
            Inline::Text {
                text: "1,3".into(),
                style: InlineStyle {
                    sup: true,
                    ..InlineStyle::default()
                },
            },
            Inline::Text {
                text: " Again.".into(),
                style: InlineStyle::default(),
            },
            Inline::Text {
                text: "3".into(),
                style: InlineStyle {
                    sup: true,
                    ..InlineStyle::default()
                },
            },
        ];
        let items = Shaper::default().items(&content, &BODY).unwrap();
        let lines = break_lines(&items, 400.0, 0.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(line_notes(&items, &lines[0]), [1, 3]);
    }
}
