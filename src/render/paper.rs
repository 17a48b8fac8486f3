//! Paper: each page size's margins, the room they leave the banners, the lengths themes use.

use super::theme::number;
use super::PageSize;

/// The nearest the banner may come to the top or bottom edge of the paper (8.5 mm): many
/// printers cannot print closer, and a marking that is clipped is no marking.
pub const BANNER_EDGE: f32 = 24.0;
/// Height of the banner's band: the accent bar or the TLP label (1.5 × the 12 pt capitals);
/// the capitals of a plain text banner sit inside it.
pub const BANNER_BAND: f32 = 18.0;
/// From the top of the band down to the banner's baseline.
pub const BANNER_BASELINE: f32 = 12.6;
/// From the top banner's baseline down to the top margin (its rule lies 9 pt below the
/// baseline, the body begins 6 pt below the margin).
pub const TOP_BANNER_DROP: f32 = 17.4;
/// From the bottom margin down to the foot banner's baseline (the footer line, 4 pt below
/// the margin, lies between).
pub const FOOT_BANNER_DROP: f32 = 24.6;
/// The least top and bottom margin (0.75 in): room for a banner [`BANNER_EDGE`] from the edge.
pub const MIN_MARGIN: f32 = BANNER_EDGE + BANNER_BASELINE + TOP_BANNER_DROP;

/// The margins of one paper size, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Left and right.
    pub side: f32,
    /// Top (the banner sits in it).
    pub top: f32,
    /// Bottom (footer line and foot banner).
    pub bottom: f32,
}

impl Margins {
    /// The same margin all round.
    pub const fn all(m: f32) -> Margins {
        Margins {
            side: m,
            top: m,
            bottom: m,
        }
    }

    /// These margins with the top and bottom at least [`MIN_MARGIN`], so neither banner comes
    /// nearer the paper's edge than [`BANNER_EDGE`].
    pub fn with_banner_room(self) -> Margins {
        Margins {
            top: self.top.max(MIN_MARGIN),
            bottom: self.bottom.max(MIN_MARGIN),
            ..self
        }
    }

    /// The baseline of the top banner, from the top edge.
    pub fn top_banner_baseline(&self) -> f32 {
        self.top - TOP_BANNER_DROP
    }

    /// The baseline of the foot banner, from the top edge of a page `height` points high.
    pub fn foot_banner_baseline(&self, height: f32) -> f32 {
        height - self.bottom + FOOT_BANNER_DROP
    }

    /// Letter margins matching these A4 ones: sides wider by half the difference in paper
    /// width (the same measure, so the same characters per line), top and bottom shrunk in
    /// proportion to the shorter page.
    pub fn letter_for(a4: Margins) -> Margins {
        let (aw, ah) = PageSize::A4.dimensions_pt();
        let (lw, lh) = PageSize::Letter.dimensions_pt();
        Margins {
            side: a4.side + (lw - aw) / 2.0,
            top: a4.top * lh / ah,
            bottom: a4.bottom * lh / ah,
        }
    }
}

/// `12mm`, `0.5in` or `36pt` (or a bare number of points) in points.
pub fn length(v: &str) -> Result<f32, String> {
    let (n, unit) = match v {
        _ if v.ends_with("mm") => (&v[..v.len() - 2], 72.0 / 25.4),
        _ if v.ends_with("in") => (&v[..v.len() - 2], 72.0),
        _ if v.ends_with("pt") => (&v[..v.len() - 2], 1.0),
        _ => (v, 1.0),
    };
    let pt = number(n.trim(), 0.0, 1000.0)? * unit;
    if (14.0..=144.0).contains(&pt) {
        Ok(pt)
    } else {
        Err("a margin from 5mm to 2in".into())
    }
}

/// One to three lengths, as in CSS: all round; top and bottom, sides; top, sides, bottom.
pub fn margins(v: &str) -> Result<Margins, String> {
    let l: Vec<f32> = v.split_whitespace().map(length).collect::<Result<_, _>>()?;
    Ok(match l[..] {
        [m] => Margins::all(m),
        [v, h] => Margins {
            side: h,
            top: v,
            bottom: v,
        },
        [t, h, b] => Margins {
            side: h,
            top: t,
            bottom: b,
        },
        _ => return Err("one to three lengths (all; top-bottom sides; top sides bottom)".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_margin_lists() {
        assert!((length("20mm").unwrap() - 56.69).abs() < 0.01);
        assert_eq!(length("1in").unwrap(), 72.0);
        assert_eq!(length("36pt").unwrap(), 36.0);
        assert!(length("1mm").is_err() && length("3in").is_err() && length("x").is_err());
        let m = margins("0.5in 1in 36pt").unwrap();
        assert_eq!((m.top, m.side, m.bottom), (36.0, 72.0, 36.0));
        assert_eq!(margins("1in").unwrap(), Margins::all(72.0));
        assert!(margins("").is_err());
    }

    #[test]
    fn banners_keep_clear_of_the_paper_edge_in_every_theme() {
        use crate::render::theme::{Theme, THEMES};
        assert!((MIN_MARGIN - 54.0).abs() < 1e-3, "0.75 in");
        let narrow = Theme::from_markup("<!-- briefdesk-theme: press; margin=5mm -->").unwrap();
        let squeezed =
            Theme::from_markup("<!-- briefdesk-theme: one-page; margin-letter=0.3in 1in -->")
                .unwrap();
        for t in THEMES.into_iter().chain([narrow, squeezed]) {
            for paper in [PageSize::A4, PageSize::Letter] {
                let (_, height) = paper.dimensions_pt();
                let m = t.margins(paper);
                let band_top = m.top_banner_baseline() - BANNER_BASELINE;
                let band_foot = m.foot_banner_baseline(height) - BANNER_BASELINE + BANNER_BAND;
                assert!(band_top >= BANNER_EDGE - 1e-3, "{} {paper:?}", t.name);
                assert!(
                    height - band_foot >= BANNER_EDGE - 1e-3,
                    "{} {paper:?}",
                    t.name
                );
            }
        }
        assert_eq!(
            narrow.margins(PageSize::A4).side,
            narrow.a4.side,
            "sides as asked"
        );
        let wide = Margins::all(70.0);
        assert_eq!(wide.with_banner_room(), wide, "wide margins are kept");
    }

    #[test]
    fn letter_keeps_the_a4_measure() {
        let a4 = Margins::all(56.69);
        let l = Margins::letter_for(a4);
        let measure = |p: PageSize, m: Margins| p.dimensions_pt().0 - 2.0 * m.side;
        assert!((measure(PageSize::Letter, l) - measure(PageSize::A4, a4)).abs() < 0.01);
        assert!(l.top < a4.top && (l.top / a4.top - 792.0 / 841.89).abs() < 1e-4);
    }
}
