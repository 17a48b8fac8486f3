//! Page drawings → content-stream bytes, every piece of content in marked content:
//! text of the brief as `/P <</MCID n>> BDC … EMC` (the tag is the element's type; the
//! [`StructTree`] records which element each id belongs to), the frame's banners, footer and
//! page numbers as `/Artifact` of type `/Pagination` (`/Header`, `/Footer`), rules and
//! shading as `/Layout` artifacts. Consecutive drawings of one element share one id.

use std::collections::BTreeMap;

use printpdf::FontId;
use subsetter::GlyphRemapper;

use super::colour::Rgb;
use super::draw::{Draw, TextRun};
use super::fonts::{font, FontKey};
use super::stream::{Property, Shown, Stream};
use super::tags::{Mark, StructTree};

/// A subset font ready to embed: its resource id and the old → new glyph id map.
pub struct Subset {
    /// Resource name.
    pub id: FontId,
    /// Full-font glyph id → subset glyph id.
    pub remap: GlyphRemapper,
}

/// The glyphs the pages show, by font resource: subset glyph id → the text it stands for
/// (the last text written for it, as printpdf keeps it for the ToUnicode map).
pub type UsedGlyphs = BTreeMap<FontId, BTreeMap<u16, String>>;

/// `c` as the operands of a colour operator.
fn rgb(c: Rgb) -> [f32; 3] {
    [c.0, c.1, c.2]
}

/// Opens marked content `mark` on page `page`.
fn begin(out: &mut Stream, mark: &Mark, page: usize, tree: &mut StructTree) {
    match mark {
        Mark::Content(t) => {
            let mcid = tree.content(t, page);
            out.begin_marked(t.role().name(), &[("MCID", Property::Int(mcid))]);
        }
        Mark::Layout => out.begin_marked("Artifact", &[("Type", Property::Name("Layout"))]),
        Mark::Pagination => {
            out.begin_marked("Artifact", &[("Type", Property::Name("Pagination"))]);
        }
        Mark::Header | Mark::Footer => {
            let edge = if *mark == Mark::Header {
                "Header"
            } else {
                "Footer"
            };
            // Keys in name order, as a sorted property map is written.
            let props = [
                ("Subtype", Property::Name(edge)),
                ("Type", Property::Name("Pagination")),
            ];
            out.begin_marked("Artifact", &props);
        }
    }
}

/// The content stream of page `page`; `height` flips y to PDF's bottom-up coordinates.
/// Tagged text and link areas are recorded in `tree`, the glyphs shown in `used`.
pub fn page_stream(
    draws: &[Draw],
    height: f32,
    subsets: &BTreeMap<FontKey, Subset>,
    page: usize,
    tree: &mut StructTree,
    used: &mut UsedGlyphs,
) -> Vec<u8> {
    let mut out = Stream::default();
    let mut open: Option<&Mark> = None;
    let mut links = 0;
    for d in draws {
        let mark = match d {
            Draw::Text(run) if run.glyphs.is_empty() || !subsets.contains_key(&run.font) => {
                continue
            }
            Draw::Text(run) => &run.mark,
            Draw::Rect { .. } | Draw::Line { .. } => &Mark::Layout,
            Draw::Anchor { .. } => continue,
            Draw::Link { tag, .. } => {
                if let Some(tag) = tag {
                    tree.link(tag, page, links);
                }
                links += 1;
                continue;
            }
        };
        if open != Some(mark) {
            if open.is_some() {
                out.bare("EMC");
            }
            begin(&mut out, mark, page, tree);
        }
        if let (Draw::Text(run), Mark::Content(tag)) = (d, mark) {
            let text: String = run.glyphs.iter().map(|g| g.text.as_str()).collect();
            tree.text(tag, page, &text);
        }
        draw(d, height, subsets, &mut out, used);
        open = Some(mark);
    }
    if open.is_some() {
        out.bare("EMC");
    }
    out.into_bytes()
}

/// Writes the operators drawing `d`.
fn draw(
    d: &Draw,
    height: f32,
    subsets: &BTreeMap<FontKey, Subset>,
    out: &mut Stream,
    used: &mut UsedGlyphs,
) {
    match d {
        Draw::Rect { x, y, w, h, fill } => {
            out.numbers(&rgb(*fill), "rg");
            out.numbers(&[*x, height - y - h, *w, *h], "re");
            out.bare("f");
        }
        Draw::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color: c,
        } => {
            out.numbers(&rgb(*c), "RG");
            out.numbers(&[*width], "w");
            out.numbers(&[*x1, height - y1], "m");
            out.numbers(&[*x2, height - y2], "l");
            out.bare("S");
        }
        Draw::Text(run) => {
            if let Some(s) = subsets.get(&run.font) {
                text(run, height, s, out, used);
            }
        }
        // Written as PDF structures by `super::nav`, not as page content.
        Draw::Anchor { .. } | Draw::Link { .. } => {}
    }
}

/// One `Tm` + `TJ` for a run: each glyph's TJ adjustment moves the pen from where the
/// viewer's `/W` advance leaves it to the glyph's typeset position.
fn text(run: &TextRun, height: f32, subset: &Subset, out: &mut Stream, used: &mut UsedGlyphs) {
    let Some(first) = run.glyphs.first() else {
        return;
    };
    let Ok(f) = font(run.font) else {
        return;
    };
    let glyphs = used.entry(subset.id.clone()).or_default();
    // Adjustments are whole thousandths of an em (short content streams); the pen the viewer
    // will really be at is tracked so rounding never accumulates along the run.
    let mut shown = Vec::with_capacity(run.glyphs.len() * 2);
    let mut pen = first.x;
    for (i, g) in run.glyphs.iter().enumerate() {
        pen += f.pdf_advance_em(g.gid) * run.size;
        let offset = match run.glyphs.get(i + 1) {
            Some(next) => ((pen - next.x) * 1000.0 / run.size).round(),
            None => 0.0,
        };
        pen -= offset * run.size / 1000.0;
        let code = subset.remap.get(g.gid).unwrap_or(0);
        shown.push(Shown::Code(code));
        if offset != 0.0 {
            shown.push(Shown::Adjust(offset));
        }
        match glyphs.get_mut(&code) {
            Some(t) if *t == g.text => {}
            Some(t) => t.clone_from(&g.text),
            None => {
                glyphs.insert(code, g.text.clone());
            }
        }
    }
    out.bare("BT");
    out.numbers(&rgb(run.color), "rg");
    out.font(&subset.id.0, run.size);
    out.numbers(&[1.0, 0.0, 0.0, 1.0, first.x, height - run.baseline], "Tm");
    out.show(&shown);
    out.bare("ET");
}
