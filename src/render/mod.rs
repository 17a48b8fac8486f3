//! Render: a [`Brief`](crate::model::Brief) in, PDF bytes out (Tera → brief markup → blocks → pages).
//!
//! ```text
//! Brief ─Tera─▶ brief markup ─markup/blocks─▶ blocks ─shape/linebreak/layout─▶ flow
//!       ─paginate─▶ pages ─frame─▶ page drawings ─pdf─▶ bytes
//! ```
//! Fonts are the embedded Liberation faces, subset into the PDF; nothing depends on the
//! machine's fonts or clock, so the same brief always renders the same pages.

mod blocks;
mod context;
mod draw;
mod fonts;
mod frame;
mod layout;
mod linebreak;
mod markup;
mod paginate;
mod parser;
mod pdf;
mod shape;
mod style;
mod table;
mod templates;

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::RenderError;
use crate::model::Brief;

pub use templates::{TemplateInfo, Templates};

/// Paper size of the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Width and height in points.
    pub fn dimensions_pt(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.28, 841.89),
            PageSize::Letter => (612.0, 792.0),
        }
    }
}

/// A page size name that is neither `a4` nor `letter`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown page size \"{0}\" (expected a4 or letter)")]
pub struct UnknownPageSize(pub String);

impl FromStr for PageSize {
    type Err = UnknownPageSize;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(PageSize::A4),
            "letter" => Ok(PageSize::Letter),
            _ => Err(UnknownPageSize(s.to_string())),
        }
    }
}

/// How to render a brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderOptions {
    /// Template name ("policy-brief" or "policy-brief.html").
    pub template: String,
    /// Paper size.
    pub page_size: PageSize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            template: "policy-brief".into(),
            page_size: PageSize::A4,
        }
    }
}

/// A rendered brief with what the renderer noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters no embedded font has; each was printed as U+FFFD (or `?`).
    pub missing_glyphs: Vec<char>,
}

/// Renders template `template` for `brief` into brief markup (autoescaped HTML subset).
pub fn render_markup(
    brief: &Brief,
    templates: &Templates,
    template: &str,
) -> Result<String, RenderError> {
    templates.render(template, &context::build(brief))
}

/// Renders `brief` to PDF bytes.
pub fn render_pdf(
    brief: &Brief,
    templates: &Templates,
    opts: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    render(brief, templates, opts).map(|r| r.pdf)
}

/// Renders `brief` to PDF, also reporting the page count and substituted characters.
pub fn render(
    brief: &Brief,
    templates: &Templates,
    opts: &RenderOptions,
) -> Result<Rendered, RenderError> {
    let markup = render_markup(brief, templates, &opts.template)?;
    let name = templates::display_name(&opts.template);
    let blocks = markup::tokenize(&markup)
        .and_then(|t| parser::parse(&t))
        .map_err(|e| RenderError::Markup {
            name: name.to_string(),
            line: e.line,
            message: e.message,
        })?;
    let (width, height) = opts.page_size.dimensions_pt();
    let geo = frame::Geometry::new(width, height);
    let mut shaper = shape::Shaper::default();
    let flow = layout::Layouter::new(&mut shaper).layout(&blocks, geo.body_width())?;
    let pages = paginate::paginate(&flow, geo.body_height());
    let furniture = frame::Furniture {
        marking: brief.marking.clone(),
        footer: brief.title.clone(),
    };
    let drawn = frame::compose(&mut shaper, &flow, &pages, &geo, &furniture)?;
    let meta = pdf::Meta {
        title: brief.title.clone(),
        author: brief.author.clone(),
        subject: brief.subtitle.clone(),
        date: brief.date,
    };
    let bytes = pdf::write(&drawn, width, height, &meta)?;
    Ok(Rendered {
        pdf: bytes,
        pages: drawn.len(),
        missing_glyphs: shaper.missing.into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_parse_case_insensitively() {
        assert_eq!("A4".parse::<PageSize>().unwrap(), PageSize::A4);
        assert_eq!(" letter ".parse::<PageSize>().unwrap(), PageSize::Letter);
        assert!("legal".parse::<PageSize>().is_err());
        assert_eq!(PageSize::Letter.dimensions_pt(), (612.0, 792.0));
    }
}
