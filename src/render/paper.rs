//! Paper: the margins of each page size and the lengths themes write them in.

use super::theme::number;
use super::PageSize;

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
    fn letter_keeps_the_a4_measure() {
        let a4 = Margins::all(56.69);
        let l = Margins::letter_for(a4);
        let measure = |p: PageSize, m: Margins| p.dimensions_pt().0 - 2.0 * m.side;
        assert!((measure(PageSize::Letter, l) - measure(PageSize::A4, a4)).abs() < 0.01);
        assert!(l.top < a4.top && (l.top / a4.top - 792.0 / 841.89).abs() < 1e-4);
    }
}
