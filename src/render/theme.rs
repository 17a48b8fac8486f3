//! Themes: the look of a brief kept apart from the template markup — body typeface, type
//! scale, margins, accent and shade colours, banner style, a page limit, and whether source
//! notes are footnotes or endnotes.
//!
//! A template picks a theme with a directive comment anywhere in its output, optionally
//! overriding single values:
//!
//! ```text
//! <!-- briefdesk-theme: press; accent=#8a1c1c; margin=18mm; scale=0.95; banner=bar -->
//! ```
//!
//! Without a directive the `classic` theme is used. An unknown theme or setting is an error
//! that names the template line.

use super::draw::Rgb;
use super::fonts::Family;
use super::markup::MarkupError;
use super::style;

/// How the handling marking is shown at the top and foot of every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Banner {
    /// Bold capitals on the page (TLP markings on their black label).
    Text,
    /// White capitals on a full-width bar in the accent colour.
    Bar,
}

/// The look of a brief.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Name of the built-in theme it started from.
    pub name: &'static str,
    /// Factor applied to every type size and vertical space of the body.
    pub scale: f32,
    /// Left and right margin in points.
    pub margin: f32,
    /// Headings, rules, the bottom-line bar and links.
    pub accent: Rgb,
    /// Background of the bottom-line box.
    pub shade: Rgb,
    /// Background of table header rows.
    pub header_shade: Rgb,
    /// Banner style.
    pub banner: Banner,
    /// The most pages the brief may take; content is shrunk, then cut, to fit.
    pub max_pages: Option<usize>,
    /// Smallest scale tried before content is cut (with [`Theme::max_pages`]).
    pub min_scale: f32,
    /// Typeface of body text (headings, tables and page furniture are always sans).
    pub body_font: Family,
    /// Source notes as footnotes at the foot of each citing page (otherwise the template's
    /// sources list serves as endnotes).
    pub footnotes: bool,
}

/// 20 mm in points.
const MM20: f32 = 56.69;

/// The built-in themes.
pub const THEMES: [Theme; 3] = [
    Theme {
        name: "classic",
        scale: 1.0,
        margin: MM20,
        accent: style::NAVY,
        shade: style::SHADE,
        header_shade: style::HEADER_SHADE,
        banner: Banner::Text,
        max_pages: None,
        min_scale: 1.0,
        body_font: Family::Serif,
        footnotes: false,
    },
    Theme {
        name: "one-page",
        scale: 1.0,
        margin: 45.35,
        accent: Rgb::bytes(0x16, 0x4e, 0x63),
        shade: Rgb::bytes(0xe6, 0xf0, 0xf3),
        header_shade: Rgb::bytes(0xd9, 0xe7, 0xec),
        banner: Banner::Text,
        max_pages: Some(1),
        min_scale: 0.84,
        body_font: Family::Serif,
        footnotes: false,
    },
    Theme {
        name: "press",
        scale: 1.04,
        margin: 51.02,
        accent: Rgb::bytes(0x8a, 0x1c, 0x1c),
        shade: Rgb::bytes(0xf6, 0xec, 0xea),
        header_shade: Rgb::bytes(0xf0, 0xdf, 0xdc),
        banner: Banner::Bar,
        max_pages: None,
        min_scale: 1.04,
        body_font: Family::Sans,
        footnotes: true,
    },
];

const DIRECTIVE: &str = "<!-- briefdesk-theme:";

impl Default for Theme {
    fn default() -> Self {
        THEMES[0]
    }
}

impl Theme {
    /// The built-in theme called `name`.
    pub fn named(name: &str) -> Option<Theme> {
        THEMES.iter().find(|t| t.name == name.trim()).copied()
    }

    /// The theme `markup` asks for (the first directive), or the default.
    pub fn from_markup(markup: &str) -> Result<Theme, MarkupError> {
        let Some(at) = markup.find(DIRECTIVE) else {
            return Ok(Theme::default());
        };
        let line = markup[..at].bytes().filter(|b| *b == b'\n').count() + 1;
        let rest = &markup[at + DIRECTIVE.len()..];
        let body = rest
            .find("-->")
            .map(|end| &rest[..end])
            .ok_or_else(|| MarkupError::new(line, "unterminated theme directive"))?;
        let mut parts = body.split(';');
        let name = parts.next().unwrap_or("").trim();
        let known = || THEMES.map(|t| t.name).join(", ");
        let mut theme = Theme::named(name).ok_or_else(|| {
            MarkupError::new(
                line,
                format!("unknown theme \"{name}\" (known: {})", known()),
            )
        })?;
        for setting in parts.map(str::trim).filter(|p| !p.is_empty()) {
            theme
                .set(setting)
                .map_err(|m| MarkupError::new(line, format!("theme setting \"{setting}\": {m}")))?;
        }
        Ok(theme)
    }

    fn set(&mut self, setting: &str) -> Result<(), String> {
        let (key, value) = setting
            .split_once('=')
            .map(|(k, v)| (k.trim(), v.trim()))
            .ok_or("expected key=value")?;
        match key {
            "accent" => self.accent = colour(value)?,
            "shade" => self.shade = colour(value)?,
            "header-shade" => self.header_shade = colour(value)?,
            "margin" => self.margin = length(value)?,
            "scale" => self.scale = number(value, 0.5, 2.0)?,
            "min-scale" => self.min_scale = number(value, 0.5, 2.0)?,
            "max-pages" => self.max_pages = Some(number(value, 1.0, 99.0)? as usize),
            "notes" => {
                self.footnotes = match value {
                    "footnotes" => true,
                    "endnotes" => false,
                    _ => return Err("notes is footnotes or endnotes".into()),
                }
            }
            "body-font" => {
                self.body_font = match value {
                    "serif" => Family::Serif,
                    "sans" => Family::Sans,
                    _ => return Err("body-font is serif or sans".into()),
                }
            }
            "banner" => {
                self.banner = match value {
                    "text" => Banner::Text,
                    "bar" => Banner::Bar,
                    _ => return Err("banner is text or bar".into()),
                }
            }
            _ => {
                return Err("unknown key (accent, shade, header-shade, margin, scale, \
                            min-scale, max-pages, banner, body-font, notes)"
                    .into())
            }
        }
        Ok(())
    }

    /// The scales to try, largest first: only [`Theme::scale`] unless the page count is
    /// limited, then steps of 4 % down to [`Theme::min_scale`].
    pub fn scales(&self) -> Vec<f32> {
        let mut out = vec![self.scale];
        if self.max_pages.is_some() {
            let mut s = self.scale;
            while s - 0.04 >= self.min_scale - 1e-4 {
                s -= 0.04;
                out.push(s);
            }
        }
        out
    }

    /// The theme's colour for a colour of the house palette ([`style`]).
    pub fn recolour(&self, c: Rgb) -> Rgb {
        if c == style::NAVY {
            self.accent
        } else if c == style::SHADE {
            self.shade
        } else if c == style::HEADER_SHADE {
            self.header_shade
        } else {
            c
        }
    }
}

fn number(v: &str, lo: f32, hi: f32) -> Result<f32, String> {
    v.parse::<f32>()
        .ok()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| format!("expected a number from {lo} to {hi}"))
}

/// `12mm`, `0.5in` or `36pt` (or a bare number of points) in points.
fn length(v: &str) -> Result<f32, String> {
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

/// `#rrggbb`.
fn colour(v: &str) -> Result<Rgb, String> {
    let hex = v
        .strip_prefix('#')
        .filter(|h| h.len() == 6)
        .ok_or("expected #rrggbb")?;
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
    Ok(Rgb::bytes(byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_pick_and_adjust_a_theme() {
        assert_eq!(Theme::from_markup("<p>x</p>").unwrap().name, "classic");
        let t = Theme::from_markup(
            "<p>a</p>\n<!-- briefdesk-theme: press; accent=#102030; margin=10mm; banner=text; body-font=serif; notes=endnotes -->",
        )
        .unwrap();
        assert_eq!(t.name, "press");
        assert_eq!(t.accent, Rgb::bytes(0x10, 0x20, 0x30));
        assert!((t.margin - 28.35).abs() < 0.01);
        assert_eq!(t.banner, Banner::Text);
        assert_eq!(t.body_font, Family::Serif);
        assert!(!t.footnotes);
    }

    #[test]
    fn bad_directives_name_their_line() {
        let e = Theme::from_markup("\n\n<!-- briefdesk-theme: fancy -->").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.message.contains("classic, one-page, press"),
            "{}",
            e.message
        );
        let e = Theme::from_markup("<!-- briefdesk-theme: classic; colour=red -->").unwrap_err();
        assert!(e.message.contains("unknown key"));
        assert!(Theme::from_markup("<!-- briefdesk-theme: classic; margin=1mm -->").is_err());
    }

    #[test]
    fn only_page_limited_themes_shrink() {
        assert_eq!(Theme::default().scales(), [1.0]);
        let s = Theme::named("one-page").unwrap().scales();
        assert_eq!(s.len(), 5);
        assert!((s[4] - 0.84).abs() < 1e-3);
    }
}
