//! Themes: the look of a brief kept apart from the template markup — body typeface, type
//! scale, margins for each paper size, optionally a fixed paper size, accent and shade
//! colours, banner style, a page limit, and whether source notes are footnotes or endnotes.
//!
//! A template picks a theme with a directive comment anywhere in its output, optionally
//! overriding single values:
//!
//! ```text
//! <!-- briefdesk-theme: press; accent=#8a1c1c; margin=18mm; scale=0.95; banner=bar -->
//! ```
//!
//! Each paper has its own margins: Letter is wider and shorter than A4, so its side margins
//! are wider (the line keeps A4's length in characters) and its top and bottom margins
//! narrower. The paper is the caller's ([`super::RenderOptions::page_size`]) unless the theme
//! fixes it (`page-size=letter`).
//!
//! Without a directive the `classic` theme is used. An unknown theme or setting is an error
//! that names the template line.

use super::colour::Rgb;
use super::fonts::Family;
use super::markup::{MarkupError, Pos};
use super::paper::{Margins, MIN_MARGIN};
use super::style;
use super::values::{colour, length, margins, number};
use super::PageSize;

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
    /// Margins on A4.
    pub a4: Margins,
    /// Margins on Letter.
    pub letter: Margins,
    /// The paper the theme is made for, whatever the caller asks (`None`: the caller's).
    pub paper: Option<PageSize>,
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
/// 0.75 in: the least top and bottom margin, room for the banner ([`MIN_MARGIN`]).
const IN075: f32 = MIN_MARGIN;

/// The built-in themes.
pub const THEMES: [Theme; 3] = [
    Theme {
        name: "classic",
        scale: 1.0,
        a4: Margins::all(MM20),
        // 0.9 in sides (A4's measure), 0.75 in top and bottom.
        letter: Margins {
            side: 64.8,
            top: 54.0,
            bottom: 54.0,
        },
        paper: None,
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
        // 16 mm sides; top and bottom the least that leaves the banner room (0.75 in).
        a4: Margins {
            side: 45.35,
            top: IN075,
            bottom: IN075,
        },
        // A4's measure (sides 0.75 in), 0.75 in top and bottom.
        letter: Margins {
            side: 53.71,
            top: IN075,
            bottom: IN075,
        },
        paper: None,
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
        // 18 mm sides; top and bottom the least that leaves the banner room (0.75 in).
        a4: Margins {
            side: 51.02,
            top: IN075,
            bottom: IN075,
        },
        // A4's measure (sides 0.82 in), 0.75 in top and bottom.
        letter: Margins {
            side: 59.38,
            top: IN075,
            bottom: IN075,
        },
        paper: None,
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
        let line = Pos::of(markup, at);
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
            "margin" => {
                self.a4 = Margins::all(length(value)?);
                self.letter = Margins::letter_for(self.a4);
            }
            "margin-a4" => self.a4 = margins(value)?,
            "margin-letter" => self.letter = margins(value)?,
            "page-size" => {
                self.paper = Some(
                    value
                        .parse()
                        .map_err(|e: super::UnknownPageSize| e.to_string())?,
                )
            }
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
                return Err(
                    "unknown key (accent, shade, header-shade, margin, margin-a4, \
                            margin-letter, page-size, scale, min-scale, max-pages, banner, \
                            body-font, notes)"
                        .into(),
                )
            }
        }
        Ok(())
    }

    /// The paper to print on when the caller asks for `asked`: the theme's fixed paper, if
    /// any, else `asked`.
    pub fn paper_for(&self, asked: PageSize) -> PageSize {
        self.paper.unwrap_or(asked)
    }

    /// The margins on `paper`, the top and bottom widened where needed to keep the banners
    /// clear of the paper's edge ([`Margins::with_banner_room`]).
    pub fn margins(&self, paper: PageSize) -> Margins {
        match paper {
            PageSize::A4 => self.a4,
            PageSize::Letter => self.letter,
        }
        .with_banner_room()
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

    /// The theme's colour for a colour of the house palette (`style`).
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
        assert!((t.a4.side - 28.35).abs() < 0.01 && (t.a4.top - 28.35).abs() < 0.01);
        assert!((t.letter.side - 36.71).abs() < 0.01 && (t.letter.top - 26.67).abs() < 0.01);
        assert_eq!(t.paper, None);
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
    fn each_paper_has_its_margins_and_a_theme_may_fix_the_paper() {
        let classic = Theme::default();
        let measure = |p: PageSize| p.dimensions_pt().0 - 2.0 * classic.margins(p).side;
        let (a4, letter) = (measure(PageSize::A4), measure(PageSize::Letter));
        assert!((letter / a4 - 1.0).abs() < 0.01, "{a4} vs {letter}");
        for t in THEMES {
            let derived = Margins::letter_for(t.a4).with_banner_room();
            assert!((t.letter.side - derived.side).abs() < 1.0, "{}", t.name);
            assert!((t.letter.top - derived.top).abs() < 1.0, "{}", t.name);
            for paper in [PageSize::A4, PageSize::Letter] {
                let asked = match paper {
                    PageSize::A4 => t.a4,
                    PageSize::Letter => t.letter,
                };
                assert_eq!(t.margins(paper), asked, "{} {paper:?}: as written", t.name);
            }
        }
        assert_eq!(classic.paper_for(PageSize::Letter), PageSize::Letter);

        let t = Theme::from_markup(
            "<!-- briefdesk-theme: classic; page-size=Letter; margin-letter=0.7in 1in; margin-a4=15mm 20mm 25mm -->",
        )
        .unwrap();
        assert_eq!(t.paper_for(PageSize::A4), PageSize::Letter);
        let l = t.letter;
        assert!(
            l.side == 72.0 && (l.top - 50.4).abs() < 1e-3 && l.bottom == l.top,
            "{l:?}"
        );
        assert!((t.a4.top - 42.52).abs() < 0.01 && (t.a4.bottom - 70.87).abs() < 0.01);
        assert!(Theme::from_markup("<!-- briefdesk-theme: classic; page-size=legal -->").is_err());
        assert!(
            Theme::from_markup("<!-- briefdesk-theme: classic; margin-a4=1in 1in 1in 1in -->")
                .is_err()
        );
    }

    #[test]
    fn banners_keep_clear_of_the_paper_edge_in_every_theme() {
        use crate::render::paper::{BANNER_BAND, BANNER_BASELINE, BANNER_EDGE};
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
    fn only_page_limited_themes_shrink() {
        assert_eq!(Theme::default().scales(), [1.0]);
        let s = Theme::named("one-page").unwrap().scales();
        assert_eq!(s.len(), 5);
        assert!((s[4] - 0.84).abs() < 1e-3);
    }
}
