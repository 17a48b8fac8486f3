//! Render: a [`Brief`] in, PDF bytes out (Tera → brief markup → blocks → pages).
//!
//! ```text
//! Brief ─Tera─▶ brief markup ─markup/blocks─▶ blocks ─shape/linebreak/layout─▶ flow
//!       ─paginate─▶ pages ─frame─▶ page drawings ─pdf─▶ bytes
//! ```
//! Fonts are the embedded Liberation faces, subset into the PDF; nothing depends on the
//! machine's fonts or clock, so the same brief always renders the same pages.

pub mod blocks;
mod colour;
mod content;
mod context;
mod docinfo;
mod draw;
mod fit;
mod flow;
mod fontprog;
mod fonts;
mod frame;
mod hyphen;
mod items;
mod layout;
mod linebreak;
mod markup;
mod nav;
mod notes;
mod origin;
mod paginate;
mod paper;
mod parser;
mod pdf;
pub mod quotes;
mod shape;
mod stream;
mod structure;
mod style;
mod table;
mod tags;
mod templates;
mod theme;
mod totalfit;
mod values;

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::RenderError;
use crate::model::Brief;
use blocks::{Block, Inline};

pub use colour::Rgb;
pub use fonts::Family;
pub use paper::Margins;
pub use style::{INK, MUTED, RULE};
pub use templates::{TemplateFile, TemplateInfo, TemplateLoader, Templates};
pub use theme::Theme;

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
    /// The name printed for users: `A4` or `Letter`.
    pub fn label(self) -> &'static str {
        match self {
            PageSize::A4 => "A4",
            PageSize::Letter => "Letter",
        }
    }

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
    /// What the user should be told, one message each (print as `warning: {message}`):
    /// characters no font has, and content cut to fit a page limit.
    pub warnings: Vec<String>,
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

/// A brief set as blocks by its template, before typesetting: what every output format is
/// written from (the PDF through the typesetter, Word, Markdown and text directly).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// The template's theme (type, colours, notes).
    pub theme: Theme,
    /// The paper: the caller's, unless the theme fixes one.
    pub paper: PageSize,
    /// The margins on that paper.
    pub margins: Margins,
    /// The source notes, one per source, when the theme sets sources as footnotes (the
    /// template then prints no sources list); empty otherwise.
    pub notes: Vec<Vec<Inline>>,
    /// What the user should be told (a paper the theme overrides).
    pub warnings: Vec<String>,
}

/// Sets `brief` with template `opts.template` into blocks, theme and paper.
pub fn document(
    brief: &Brief,
    templates: &Templates,
    opts: &RenderOptions,
) -> Result<Document, RenderError> {
    let ctx = context::build(brief);
    let markup = templates.render(&opts.template, &ctx)?;
    let markup_error =
        |e: markup::MarkupError| match templates.trace(&opts.template, &ctx, &markup, e.offset) {
            Some(at) => RenderError::Markup {
                name: at.file,
                line: at.line,
                message: e.message,
            },
            None => RenderError::MarkupOutput {
                name: templates.file_of(&opts.template),
                line: e.line,
                message: e.message,
            },
        };
    let blocks = markup::tokenize(&markup)
        .and_then(|t| parser::parse(&t))
        .map_err(markup_error)?;
    let theme = theme::Theme::from_markup(&markup).map_err(markup_error)?;
    let paper = theme.paper_for(opts.page_size);
    let mut warnings = Vec::new();
    if paper != opts.page_size {
        warnings.push(format!(
            "template \"{}\" is made for {} paper (its theme says page-size={}): the brief \
             is {}, not {}",
            templates::display_name(&opts.template),
            paper.label(),
            format!("{paper:?}").to_lowercase(),
            paper.label(),
            opts.page_size.label()
        ));
    }
    let notes = match theme.footnotes {
        true => brief.sources.iter().map(notes::note_content).collect(),
        false => Vec::new(),
    };
    Ok(Document {
        blocks,
        margins: theme.margins(paper),
        theme,
        paper,
        notes,
        warnings,
    })
}

/// Renders `brief` to PDF, also reporting the page count and substituted characters.
pub fn render(
    brief: &Brief,
    templates: &Templates,
    opts: &RenderOptions,
) -> Result<Rendered, RenderError> {
    let doc = document(brief, templates, opts)?;
    let (theme, blocks) = (doc.theme, &doc.blocks);
    let (width, height) = doc.paper.dimensions_pt();
    let geo = frame::Geometry::new(width, height, doc.margins);
    let mut shaper = shape::Shaper::default();
    let fitted = fit::fit(blocks, &mut shaper, &theme, &geo, &brief.sources)?;
    // The title outside the body (footer, document title) gets the body's curly quotes too.
    let title = quotes::curl(&brief.title, &quotes::ENGLISH);
    let furniture = frame::Furniture {
        marking: brief.marking.clone(),
        footer: title.clone(),
        theme,
        scale: fitted.scale,
        notes: fitted.notes.clone(),
    };
    let drawn = frame::compose(&mut shaper, &fitted.flow, &fitted.pages, &geo, &furniture)?;
    let meta = pdf::Meta {
        title,
        author: brief.author.clone(),
        subject: brief.subtitle.clone(),
        date: brief.date,
        keywords: keywords(brief),
        // The templates' headings and labels are English.
        lang: Some("en".into()),
    };
    let bytes = pdf::write(&drawn, width, height, &meta)?;
    let missing: Vec<char> = shaper.missing.iter().copied().collect();
    let mut warnings: Vec<String> = missing
        .iter()
        .map(|c| {
            format!(
                "no embedded font has the character '{c}' (U+{:04X}); it is printed as a replacement mark (U+FFFD)",
                u32::from(*c)
            )
        })
        .collect();
    warnings.extend(doc.warnings);
    if fitted.cut {
        warnings.push(format!(
            "the brief does not fit template \"{}\"'s limit of {} page(s) even at {:.0} % \
             size: it was cut and ends with \"{}\"",
            templates::display_name(&opts.template),
            theme.max_pages.unwrap_or(1),
            fitted.scale * 100.0,
            fit::MORE
        ));
    }
    let pages = drawn.len();
    drop_aside(pages, (drawn, fitted, shaper, doc.blocks));
    Ok(Rendered {
        pdf: bytes,
        pages,
        missing_glyphs: missing,
        warnings,
    })
}

/// From this many pages on, what a render leaves behind is freed on another thread: a long
/// brief's glyphs, lines and shapes take tens of milliseconds to free, which the caller need
/// not wait for.
const DROP_ASIDE_PAGES: usize = 8;

/// Frees `value` (what a render of `pages` pages leaves behind) here, or on a thread of its own
/// for a long brief.
fn drop_aside<T: Send + 'static>(pages: usize, value: T) {
    if pages >= DROP_ASIDE_PAGES {
        std::thread::spawn(move || drop(value));
    }
}

/// The PDF keywords of a brief: its marking, the named speakers and the outlets, each once.
fn keywords(brief: &Brief) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let named = brief
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .filter(|n| *n != crate::model::UNATTRIBUTED);
    let outlets = brief.sources.iter().filter_map(|s| s.outlet.as_deref());
    for k in std::iter::once(brief.marking.as_str())
        .chain(named)
        .chain(outlets)
    {
        let k = k.replace(',', " ");
        if !k.trim().is_empty() && !out.contains(&k) {
            out.push(k);
        }
    }
    out
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
