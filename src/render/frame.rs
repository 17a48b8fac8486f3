//! The page frame: page geometry, the handling-marking banner at the top and foot of every
//! page, the running footer ("Page X of Y"), and the placement of paginated fragments and
//! their decorations into page coordinates.

use std::collections::{BTreeMap, BTreeSet};

use super::colour::Rgb;
use super::draw::Draw;
use super::flow::{Decoration, Flow};
use super::fonts::Family;
use super::items::{Item, Line};
use super::linebreak::place_line;
use super::notes;
use super::paginate::PageLayout;
use super::paper::{Margins, BANNER_BAND, BANNER_BASELINE};
use super::shape::Shaper;
use super::style::{self, Align, TextStyle};
use super::tags::Mark;
use super::theme::{Banner, Theme};
use crate::clip::clip;
use crate::error::RenderError;

/// Where things go on a page; y grows downwards from the top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left and right margin.
    pub margin: f32,
    /// Top margin: the banner and its rule sit in it.
    pub top: f32,
    /// Bottom margin: the footer line sits in it, the foot banner below.
    pub bottom: f32,
    /// Baseline of the top banner (its rule lies below it, in the top margin).
    pub top_banner: f32,
    /// Baseline of the foot banner.
    pub foot_banner: f32,
    /// Top of the text body.
    pub body_top: f32,
    /// Bottom of the text body.
    pub body_bottom: f32,
}

impl Geometry {
    /// The geometry of a page `width` × `height` points with margins `m` (which should leave
    /// the banners room: [`Margins::with_banner_room`]).
    pub fn new(width: f32, height: f32, m: Margins) -> Geometry {
        Geometry {
            width,
            height,
            margin: m.side,
            top: m.top,
            bottom: m.bottom,
            top_banner: m.top_banner_baseline(),
            foot_banner: m.foot_banner_baseline(height),
            body_top: m.top + 6.0,
            body_bottom: height - m.bottom - 14.0,
        }
    }

    /// Width of the text column.
    pub fn body_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    /// Height of the text body.
    pub fn body_height(&self) -> f32 {
        self.body_bottom - self.body_top
    }
}

/// What the frame prints besides the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Furniture {
    /// Handling marking, printed in capitals at the top and foot.
    pub marking: String,
    /// Left part of the footer line (the brief's title, shortened to fit).
    pub footer: String,
    /// Colours and banner style.
    pub theme: Theme,
    /// Scale of the body (the flow was laid out `1 / scale` times larger).
    pub scale: f32,
    /// Footnotes by source number, drawn at the foot of the pages that cite them.
    pub notes: BTreeMap<usize, Flow>,
}

/// Size of the banner's capitals: its band ([`BANNER_BAND`]) is half as high again.
const BANNER_SIZE: f32 = BANNER_BAND / 1.5;

/// Colours of a Traffic Light Protocol label (text, background), per FIRST TLP 2.0.
fn tlp_colours(marking: &str) -> Option<(Rgb, Rgb)> {
    let label = marking.trim().strip_prefix("TLP:")?;
    let text = match label.split(['+', ' ']).next()? {
        "RED" => Rgb::bytes(0xff, 0x2b, 0x2b),
        "AMBER" => Rgb::bytes(0xff, 0xc0, 0x00),
        "GREEN" => Rgb::bytes(0x33, 0xff, 0x00),
        "CLEAR" | "WHITE" => Rgb::bytes(0xff, 0xff, 0xff),
        _ => return None,
    };
    Some((text, Rgb(0.0, 0.0, 0.0)))
}

/// Sets one line of text; returns its drawings and natural width.
pub fn single_line(
    shaper: &mut Shaper,
    text: &str,
    style: &TextStyle,
    x: f32,
    width: f32,
    baseline: f32,
) -> Result<(Vec<Draw>, f32), RenderError> {
    let content = [super::blocks::Inline::Text {
        text: text.to_string(),
        style: Default::default(),
    }];
    let items = shaper.items(&content, style)?;
    let natural: f32 = items.iter().map(Item::width).sum();
    let line = Line {
        start: 0,
        end: items.len(),
        ratio: 0.0,
        last: true,
        natural,
        hyphenated: false,
    };
    let runs = place_line(&items, &line, x, width, style.align, baseline);
    Ok((runs.into_iter().map(Draw::Text).collect(), natural))
}

/// `text` shortened at a word boundary, with an ellipsis, until it fits `width` in `style`: a
/// binary search over its length, so a title of any length costs a few shapings of one line.
fn fit(
    shaper: &mut Shaper,
    text: &str,
    style: &TextStyle,
    width: f32,
) -> Result<String, RenderError> {
    // No line of the page holds more characters than this.
    const LINE_CHARS: usize = 400;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = clip(&text, LINE_CHARS);
    if single_line(shaper, &text, style, 0.0, width, 0.0)?.1 <= width {
        return Ok(text.into_owned());
    }
    let (mut lo, mut hi) = (2, text.chars().count());
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        let fits = single_line(shaper, &clip(&text, mid), style, 0.0, width, 0.0)?.1 <= width;
        if fits {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(clip(&text, lo).into_owned())
}

fn banner(
    shaper: &mut Shaper,
    marking: &str,
    geo: &Geometry,
    baseline: f32,
    bar: bool,
) -> Result<Vec<Draw>, RenderError> {
    let mut text = marking.trim().to_uppercase();
    let tlp = tlp_colours(&text);
    // A bar in the accent colour (the house navy, recoloured by the theme), white capitals.
    let bar = bar && tlp.is_none() && !text.is_empty();
    let tlp = tlp.or(bar.then_some((Rgb(1.0, 1.0, 1.0), style::NAVY)));
    let mut style = TextStyle {
        family: Family::Sans,
        size: BANNER_SIZE,
        leading: 14.0,
        bold: true,
        italic: false,
        color: tlp.map_or(style::INK, |(fg, _)| fg),
        align: Align::Center,
    };
    let mut width = single_line(shaper, &text, &style, 0.0, 0.0, 0.0)?.1;
    if width > geo.body_width() {
        style.size = (style.size * geo.body_width() / width).max(6.0);
        width = single_line(shaper, &text, &style, 0.0, 0.0, 0.0)?.1;
    }
    if width > geo.body_width() {
        // Still too long at the smallest size: shortened, never running off the page.
        text = fit(shaper, &text, &style, geo.body_width())?;
        width = single_line(shaper, &text, &style, 0.0, 0.0, 0.0)?.1;
    }
    let (mut draws, _) = single_line(
        shaper,
        &text,
        &style,
        geo.margin,
        geo.body_width(),
        baseline,
    )?;
    if bar {
        draws.insert(
            0,
            Draw::Rect {
                x: geo.margin,
                y: baseline - style.size * (BANNER_BASELINE / BANNER_SIZE),
                w: geo.body_width(),
                h: style.size * 1.5,
                fill: style::NAVY,
            },
        );
    } else if let Some((_, bg)) = tlp {
        let pad = 6.0;
        draws.insert(
            0,
            Draw::Rect {
                x: (geo.width - width) / 2.0 - pad,
                y: baseline - style.size * 0.95,
                w: width + 2.0 * pad,
                h: style.size * 1.3,
                fill: bg,
            },
        );
    }
    Ok(draws)
}

fn hairline(geo: &Geometry, y: f32) -> Draw {
    Draw::Line {
        x1: geo.margin,
        y1: y,
        x2: geo.width - geo.margin,
        y2: y,
        width: 0.5,
        color: style::RULE,
    }
}

/// Every page's drawings in page coordinates: decorations, body, banners and footer.
pub fn compose(
    shaper: &mut Shaper,
    flow: &Flow,
    pages: &[PageLayout],
    geo: &Geometry,
    furniture: &Furniture,
) -> Result<Vec<Vec<Draw>>, RenderError> {
    let total = pages.len();
    let bar = furniture.theme.banner == Banner::Bar;
    let mut top_banner = banner(shaper, &furniture.marking, geo, geo.top_banner, bar)?;
    let mut foot_banner = banner(shaper, &furniture.marking, geo, geo.foot_banner, bar)?;
    artifacts(&mut top_banner, &Mark::Header);
    artifacts(&mut foot_banner, &Mark::Footer);
    let footer_y = geo.height - geo.bottom + 4.0;
    let footer_style = TextStyle {
        align: Align::Left,
        ..style::FOOTER
    };
    let footer_text = fit(
        shaper,
        &furniture.footer,
        &footer_style,
        geo.body_width() * 0.7,
    )?;
    let (mut footer_left, _) = single_line(
        shaper,
        &footer_text,
        &footer_style,
        geo.margin,
        geo.body_width(),
        footer_y,
    )?;
    artifacts(&mut footer_left, &Mark::Footer);
    let mut out = Vec::with_capacity(total);
    let mut seen = Seen::default();
    for (n, page) in pages.iter().enumerate() {
        // Reading order: top banner, body, footer, foot banner (backgrounds before the text
        // they sit under).
        let mut draws = top_banner.clone();
        draws.push(hairline(geo, geo.top_banner + 9.0));
        for mut d in body(flow, page, geo, furniture, &mut seen) {
            d.scale(furniture.scale);
            d.translate(geo.margin, geo.body_top);
            draws.push(d);
        }
        draws.push(hairline(geo, footer_y - 10.0));
        draws.extend(footer_left.iter().cloned());
        let page_no = format!("Page {} of {}", n + 1, total);
        let right = TextStyle {
            align: Align::Right,
            ..style::FOOTER
        };
        let (mut number, _) = single_line(
            shaper,
            &page_no,
            &right,
            geo.margin,
            geo.body_width(),
            footer_y,
        )?;
        artifacts(&mut number, &Mark::Footer);
        draws.extend(number);
        draws.extend(foot_banner.iter().cloned());
        for d in &mut draws {
            d.recolour(|c| furniture.theme.recolour(c));
        }
        out.push(draws);
    }
    Ok(out)
}

/// Fragments and footnotes already printed. Printed again (a table's header row, a note cited
/// on two pages), they are artifacts, so the structure holds each once.
#[derive(Default)]
struct Seen {
    fragments: BTreeSet<usize>,
    notes: BTreeSet<usize>,
}

/// The body of `page` in body coordinates at the body's scale: decorations, fragments and
/// footnotes.
fn body(
    flow: &Flow,
    page: &PageLayout,
    geo: &Geometry,
    furniture: &Furniture,
    seen: &mut Seen,
) -> Vec<Draw> {
    let mut body = decorations(flow, page);
    for p in &page.placed {
        let again = !seen.fragments.insert(p.fragment);
        for d in &flow.fragments[p.fragment].draws {
            let mut d = d.clone();
            d.translate(0.0, p.y);
            if again {
                d.set_artifact(&Mark::Pagination);
            }
            body.push(d);
        }
    }
    body.extend(notes::draw(
        &furniture.notes,
        &page.notes,
        (
            geo.body_height() / furniture.scale,
            geo.body_width() / furniture.scale,
        ),
        &mut seen.notes,
    ));
    body
}

/// Marks the text of page furniture as the artifact `mark`.
fn artifacts(draws: &mut [Draw], mark: &Mark) {
    for d in draws {
        d.set_artifact(mark);
    }
}

/// Backgrounds and rules of the groups on `page`, spanning their fragments on that page.
fn decorations(flow: &Flow, page: &PageLayout) -> Vec<Draw> {
    let mut draws = Vec::new();
    for (g, group) in flow.groups.iter().enumerate() {
        let mut span: Option<(f32, f32)> = None;
        for p in &page.placed {
            let f = &flow.fragments[p.fragment];
            if f.groups.contains(&g) {
                let (top, bottom) = (p.y, p.y + f.height);
                span = Some(span.map_or((top, bottom), |(t, b)| (t.min(top), b.max(bottom))));
            }
        }
        let Some((top, bottom)) = span else { continue };
        let (x, y, h) = (group.x, top, bottom - top);
        match group.decoration {
            Decoration::Shade => {
                draws.push(Draw::Rect {
                    x,
                    y,
                    w: group.width,
                    h,
                    fill: style::SHADE,
                });
                draws.push(Draw::Rect {
                    x,
                    y,
                    w: style::BOX_ACCENT,
                    h,
                    fill: style::NAVY,
                });
            }
            Decoration::LeftRule => draws.push(Draw::Line {
                x1: x + 3.0,
                y1: y + 1.0,
                x2: x + 3.0,
                y2: y + h - 1.0,
                width: 1.5,
                color: style::RULE,
            }),
        }
    }
    draws
}
