//! Paper: each page size's margins and the room they leave the banners.

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

    /// These margins with the top and bottom at least `MIN_MARGIN`, so neither banner comes
    /// nearer the paper's edge than `BANNER_EDGE`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_keeps_the_a4_measure() {
        let a4 = Margins::all(56.69);
        let l = Margins::letter_for(a4);
        let measure = |p: PageSize, m: Margins| p.dimensions_pt().0 - 2.0 * m.side;
        assert!((measure(PageSize::Letter, l) - measure(PageSize::A4, a4)).abs() < 0.01);
        assert!(l.top < a4.top && (l.top / a4.top - 792.0 / 841.89).abs() < 1e-4);
    }
}
