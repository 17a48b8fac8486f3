//! Fitting a brief into its theme's page limit: the flow is laid out at the theme's scale,
//! then at smaller scales (the page is set as if larger, then scaled down), and when even the
//! smallest scale overflows, the last allowed page is cut at a fragment that may end a page
//! and closed with a visible "… more in full brief" note — never a silent overflow.

use std::collections::BTreeMap;

use super::blocks::{Block, Inline, InlineStyle, ParaClass};
use super::flow::Flow;
use super::frame::Geometry;
use super::layout::Layouter;
use super::notes;
use super::paginate::{paginate_notes, PageLayout, Placed};
use super::shape::Shaper;
use super::theme::Theme;
use crate::error::RenderError;
use crate::model::Source;

/// The note closing a cut brief.
pub const MORE: &str = "… more in full brief";

/// Space above the note.
const NOTE_GAP: f32 = 6.0;

/// A laid-out, paginated brief and the scale it is drawn at.
#[derive(Debug, Clone)]
pub struct Fitted {
    /// The flow (with the note appended when cut).
    pub flow: Flow,
    /// Its pages.
    pub pages: Vec<PageLayout>,
    /// Scale of the body.
    pub scale: f32,
    /// Content was left out.
    pub cut: bool,
    /// The footnotes by source number (empty with endnotes).
    pub notes: BTreeMap<usize, Flow>,
}

/// Lays out and paginates `blocks` within `theme`'s page limit, with footnotes for
/// `sources` when the theme asks for them.
pub fn fit(
    blocks: &[Block],
    shaper: &mut Shaper,
    theme: &Theme,
    geo: &Geometry,
    sources: &[Source],
) -> Result<Fitted, RenderError> {
    let mut last = None;
    for scale in theme.scales() {
        let width = geo.body_width() / scale;
        let mut layouter = Layouter::new(shaper);
        layouter.body_family = theme.body_font;
        let flow = layouter.layout(blocks, width)?;
        let notes = if theme.footnotes {
            notes::layout(shaper, sources, width, theme.body_font)?
        } else {
            BTreeMap::new()
        };
        let pages = paginate_notes(&flow, geo.body_height() / scale, &notes::heights(&notes));
        if theme.max_pages.is_none_or(|m| pages.len() <= m) {
            return Ok(Fitted {
                flow,
                pages,
                scale,
                cut: false,
                notes,
            });
        }
        last = Some((flow, pages, scale, notes));
    }
    let Some((flow, pages, scale, notes)) = last else {
        return Err(RenderError::Pdf(
            "the theme offers no scale to set at".into(),
        ));
    };
    let max = theme.max_pages.unwrap_or(1);
    let mut fitted = cut(flow, pages, scale, max, shaper, geo)?;
    fitted.notes = notes;
    Ok(fitted)
}

/// Keeps the first `max` pages, ending the last one early enough for the note.
fn cut(
    mut flow: Flow,
    mut pages: Vec<PageLayout>,
    scale: f32,
    max: usize,
    shaper: &mut Shaper,
    geo: &Geometry,
) -> Result<Fitted, RenderError> {
    let note = [Block::Para {
        class: ParaClass::Note,
        content: vec![Inline::Text {
            text: MORE.into(),
            style: InlineStyle {
                italic: true,
                ..InlineStyle::default()
            },
        }],
    }];
    let width = geo.body_width() / scale;
    let note_flow = Layouter::new(shaper).layout(&note, width)?;
    let note_height: f32 = note_flow.fragments.iter().map(|f| f.height).sum();
    let body = geo.body_height() / scale;
    pages.truncate(max.max(1));
    let page = pages.last_mut().expect("paginate gives at least one page");
    let bottom = |p: &Placed, flow: &Flow| p.y + flow.fragments[p.fragment].height;
    while page.placed.len() > 1 {
        let last = page.placed.last().expect("checked above");
        let room = bottom(last, &flow) + NOTE_GAP + note_height <= body;
        if room && !flow.fragments[last.fragment].keep_with_next {
            break;
        }
        page.placed.pop();
    }
    let mut y = page
        .placed
        .last()
        .map_or(0.0, |p| bottom(p, &flow) + NOTE_GAP);
    for f in note_flow.fragments {
        page.placed.push(Placed {
            fragment: flow.fragments.len(),
            y,
        });
        y += f.height;
        flow.fragments.push(f);
    }
    Ok(Fitted {
        flow,
        pages,
        scale,
        cut: true,
        notes: BTreeMap::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::paper::Margins;
    use crate::render::{markup, parser};

    fn blocks(items: usize) -> Vec<Block> {
        let li = "<li>Delegations agreed to publish a joint hydrological baseline before the \
                  next round, and to meet again in Basel in the new year.</li>";
        let markup = format!("<h2>Key points</h2><ul>{}</ul>", li.repeat(items));
        parser::parse(&markup::tokenize(&markup).unwrap()).unwrap()
    }

    fn text_of(f: &Fitted) -> String {
        let mut s = String::new();
        for p in f.pages.iter().flat_map(|p| &p.placed) {
            for d in &f.flow.fragments[p.fragment].draws {
                if let crate::render::draw::Draw::Text(r) = d {
                    s.extend(r.glyphs.iter().map(|g| g.text.as_str()));
                }
            }
        }
        s
    }

    #[test]
    fn short_content_is_left_alone_long_content_shrinks_then_is_cut() {
        let geo = Geometry::new(595.0, 842.0, Margins::all(45.0));
        let theme = Theme::named("one-page").unwrap();
        let mut sh = Shaper::default();
        let short = fit(&blocks(5), &mut sh, &theme, &geo, &[]).unwrap();
        assert_eq!((short.scale, short.cut, short.pages.len()), (1.0, false, 1));
        let mut shrunk = None;
        for n in (20..60).step_by(2) {
            let f = fit(&blocks(n), &mut sh, &theme, &geo, &[]).unwrap();
            assert_eq!(f.pages.len(), 1, "{n} items");
            if f.scale < 1.0 && !f.cut {
                shrunk = Some(n);
            }
            if f.cut {
                assert!(shrunk.is_some(), "cut before shrinking");
                assert!(text_of(&f).ends_with(MORE));
                let last = f.pages[0].placed.last().unwrap();
                let bottom = last.y + f.flow.fragments[last.fragment].height;
                assert!(bottom <= geo.body_height() / f.scale + 0.01);
                return;
            }
        }
        panic!("60 items never needed a cut");
    }
}
