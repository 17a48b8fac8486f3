//! The values of theme settings read from text: bounded numbers, lengths, CSS-like margin
//! lists and `#rrggbb` colours.

use super::colour::Rgb;
use super::paper::Margins;

/// `v` as a number from `lo` to `hi`.
pub fn number(v: &str, lo: f32, hi: f32) -> Result<f32, String> {
    v.parse::<f32>()
        .ok()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| format!("expected a number from {lo} to {hi}"))
}

/// `#rrggbb`.
pub fn colour(v: &str) -> Result<Rgb, String> {
    let hex = v
        .strip_prefix('#')
        .filter(|h| h.len() == 6)
        .ok_or("expected #rrggbb")?;
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
    Ok(Rgb::bytes(byte(0)?, byte(2)?, byte(4)?))
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
    fn colours_are_hex_triples() {
        assert_eq!(colour("#102030").unwrap(), Rgb::bytes(0x10, 0x20, 0x30));
        assert!(
            colour("102030").is_err() && colour("#1020").is_err() && colour("#10203g").is_err()
        );
        assert!(number("1.5", 0.5, 2.0).is_ok() && number("3", 0.5, 2.0).is_err());
    }
}
