//! Page drawings → content-stream operations, every piece of content in marked content:
//! text of the brief as `/P <</MCID n>> BDC … EMC` (the tag is the element's type; the
//! [`StructTree`] records which element each id belongs to), the frame's banners, footer and
//! page numbers as `/Artifact` of type `/Pagination` (`/Header`, `/Footer`), rules and
//! shading as `/Layout` artifacts. Consecutive drawings of one element share one id.

use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt,
    Rect, TextItem, TextMatrix,
};
use subsetter::GlyphRemapper;

use super::colour::Rgb;
use super::draw::{Draw, TextRun};
use super::fonts::{font, FontKey};
use super::tags::{Mark, StructTree};

/// A subset font ready to embed: its resource id and the old → new glyph id map.
pub struct Subset {
    /// Resource name.
    pub id: FontId,
    /// Full-font glyph id → subset glyph id.
    pub remap: GlyphRemapper,
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

/// The operator opening marked content `mark` on page `page`.
fn begin(mark: &Mark, page: usize, tree: &mut StructTree) -> Op {
    let (tag, props): (&str, Vec<(&str, DictItem)>) = match mark {
        Mark::Content(t) => {
            let mcid = tree.content(t, page);
            (t.role().name(), vec![("MCID", DictItem::Int(mcid as i64))])
        }
        Mark::Layout => ("Artifact", vec![("Type", name("Layout"))]),
        Mark::Pagination => ("Artifact", vec![("Type", name("Pagination"))]),
        Mark::Header | Mark::Footer => {
            let edge = if *mark == Mark::Header {
                "Header"
            } else {
                "Footer"
            };
            let props = vec![("Type", name("Pagination")), ("Subtype", name(edge))];
            ("Artifact", props)
        }
    };
    let map = props.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    Op::BeginMarkedContentWithProperties {
        tag: tag.to_string(),
        properties: DictItem::Dict { map },
    }
}

/// The operations of page `page`; `height` flips y to PDF's bottom-up coordinates. Tagged
/// text and link areas are recorded in `tree`.
pub fn page_ops(
    draws: &[Draw],
    height: f32,
    subsets: &BTreeMap<FontKey, Subset>,
    page: usize,
    tree: &mut StructTree,
) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut open: Option<Mark> = None;
    let mut links = 0;
    for d in draws {
        let mark = match d {
            Draw::Text(run) if run.glyphs.is_empty() || !subsets.contains_key(&run.font) => {
                continue
            }
            Draw::Text(run) => run.mark.clone(),
            Draw::Rect { .. } | Draw::Line { .. } => Mark::Layout,
            Draw::Anchor { .. } => continue,
            Draw::Link { tag, .. } => {
                if let Some(tag) = tag {
                    tree.link(tag, page, links);
                }
                links += 1;
                continue;
            }
        };
        if open.as_ref() != Some(&mark) {
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            ops.push(begin(&mark, page, tree));
        }
        if let (Draw::Text(run), Mark::Content(tag)) = (d, &mark) {
            let text: String = run.glyphs.iter().map(|g| g.text.as_str()).collect();
            tree.text(tag, page, &text);
        }
        draw_ops(d, height, subsets, &mut ops);
        open = Some(mark);
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    // Every page's operations are alive until the document is serialised: no spare room.
    ops.shrink_to_fit();
    ops
}

/// The operations drawing `d`.
fn draw_ops(d: &Draw, height: f32, subsets: &BTreeMap<FontKey, Subset>, ops: &mut Vec<Op>) {
    match d {
        Draw::Rect { x, y, w, h, fill } => {
            ops.push(Op::SetFillColor { col: color(*fill) });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(height - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
        Draw::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color: c,
        } => {
            ops.push(Op::SetOutlineColor { col: color(*c) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            let point = |x: f32, y: f32| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(height - y),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(*x1, *y1), point(*x2, *y2)],
                    is_closed: false,
                },
            });
        }
        Draw::Text(run) => {
            if let Some(s) = subsets.get(&run.font) {
                text_ops(run, height, s, ops);
            }
        }
        // Written as PDF structures by `super::nav`, not as page content.
        Draw::Anchor { .. } | Draw::Link { .. } => {}
    }
}

/// One `Tm` + `TJ` for a run: each glyph's TJ adjustment moves the pen from where the
/// viewer's `/W` advance leaves it to the glyph's typeset position.
fn text_ops(run: &TextRun, height: f32, subset: &Subset, ops: &mut Vec<Op>) {
    let Some(first) = run.glyphs.first() else {
        return;
    };
    let f = match font(run.font) {
        Ok(f) => f,
        Err(_) => return,
    };
    // Adjustments are whole thousandths of an em (short content streams); the pen the viewer
    // will really be at is tracked so rounding never accumulates along the run.
    let mut codepoints = Vec::with_capacity(run.glyphs.len());
    let mut pen = first.x;
    for (i, g) in run.glyphs.iter().enumerate() {
        pen += f.pdf_advance_em(g.gid) * run.size;
        let offset = match run.glyphs.get(i + 1) {
            Some(next) => ((pen - next.x) * 1000.0 / run.size).round(),
            None => 0.0,
        };
        pen -= offset * run.size / 1000.0;
        codepoints.push(Codepoint {
            gid: subset.remap.get(g.gid).unwrap_or(0),
            offset,
            cid: Some(g.text.clone()),
        });
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor {
        col: color(run.color),
    });
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(subset.id.clone()),
        size: Pt(run.size),
    });
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(first.x), Pt(height - run.baseline)),
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::GlyphIds(codepoints)],
    });
    ops.push(Op::EndTextSection);
}
