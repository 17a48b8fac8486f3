//! Page drawings → PDF bytes through printpdf's low-level API.
//!
//! Fonts are subset (only the glyphs the brief uses, renumbered: [`super::fontprog`]; for a
//! long brief on a second thread while the page streams are written), and every glyph carries
//! its text so the ToUnicode map gives back curly quotes, dashes and diacritics on copy and
//! paste.
//!
//! The PDF is tagged: page content is marked ([`super::content`]), the structure tree
//! ([`super::structure`]) and the document metadata ([`super::docinfo`]) are added to the
//! object tree printpdf builds, together with the outline and links ([`super::nav`]).

use std::sync::mpsc;

use printpdf::{
    Codepoint, Op, PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt,
    Rect, TextItem,
};

use super::content::{page_stream, UsedGlyphs};
use super::draw::Draw;
use super::fontprog::{self, Fnv, Program};
use super::tags::StructTree;
use crate::error::RenderError;

pub use super::docinfo::Meta;

/// From this many pages on, the fonts are cut, parsed and deflated on a second thread while
/// this one writes the page streams: 1,000 articles (27 pages) 1.06× faster; under it a thread
/// costs more than it saves (1 and 10 articles 2–3 % slower, measured).
const FONT_THREAD_PAGES: usize = 8;

/// Writes the pages (`width` × `height` points, drawings in top-down coordinates).
pub fn write(
    pages: &[Vec<Draw>],
    width: f32,
    height: f32,
    meta: &Meta,
) -> Result<Vec<u8>, RenderError> {
    let used = fontprog::used_fonts(pages);
    let subsets = fontprog::subsets(&used);
    let (parsed_tx, parsed_rx) = mpsc::channel();
    std::thread::scope(|s| {
        let (used, subsets) = (&used, &subsets);
        let (thread, made_here) = if pages.len() >= FONT_THREAD_PAGES {
            let thread = s.spawn(move || fontprog::programs(used, subsets, parsed_tx));
            (Some(thread), None)
        } else {
            (None, Some(fontprog::programs(used, subsets, parsed_tx)))
        };
        let mut tree = StructTree::default();
        let mut glyphs = UsedGlyphs::new();
        let streams: Vec<Vec<u8>> = pages
            .iter()
            .enumerate()
            .map(|(n, draws)| page_stream(draws, height, subsets, n, &mut tree, &mut glyphs))
            .collect();
        let mut doc = PdfDocument::new(&meta.title);
        let fonts = parsed_rx
            .recv()
            .unwrap_or_else(|_| Err(RenderError::Font("the font thread stopped".into())))?;
        for (id, parsed) in fonts {
            let font = printpdf::PdfFont::new(parsed);
            doc.resources.fonts.map.insert(id, font);
        }
        doc.pages = printpdf_pages(pages.len(), &glyphs, width, height);
        set_info(&mut doc.metadata.info, meta);
        let mut lo = to_lopdf(doc)?;
        let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
        for (&id, content) in page_ids.iter().zip(streams) {
            set_contents(&mut lo, id, content)?;
        }
        let annots = super::nav::annotate(&mut lo, pages, height)?;
        super::structure::write(&mut lo, &tree, &page_ids, &annots)?;
        super::docinfo::finish(&mut lo, meta)?;
        lo.version = "1.7".into();
        let programs = match thread {
            Some(t) => t.join().expect("the font thread never panics"),
            None => made_here.expect("the programs are made on one side"),
        }?;
        finish_bytes(lo, &programs)
    })
}

/// `count` empty pages of `width` × `height` points for printpdf, the first showing the glyph
/// inventory: printpdf embeds the fonts (widths, ToUnicode) for the glyphs its pages show, so
/// the first page shows each used glyph once; every page gets its own content stream later.
fn printpdf_pages(count: usize, used: &UsedGlyphs, width: f32, height: f32) -> Vec<PdfPage> {
    let mut inventory = Some(glyph_inventory(used));
    (0..count)
        .map(|_| {
            let ops = inventory.take().unwrap_or_default();
            let mut page = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), ops);
            let rect = Rect::from_wh(Pt(width), Pt(height));
            page.media_box = rect.clone();
            page.trim_box = rect.clone();
            page.crop_box = rect;
            page
        })
        .collect()
}

/// The document information dictionary's fields: dates from the brief, never the clock.
fn set_info(info: &mut printpdf::PdfDocumentInfo, meta: &Meta) {
    let date = pdf_date(meta.date);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.producer = "BriefDesk".into();
    info.creator = "BriefDesk".into();
    info.author = meta.author.clone().unwrap_or_default();
    info.subject = meta.subject.clone().unwrap_or_default();
    info.keywords = meta.keywords.clone();
}

/// printpdf's document as lopdf's object tree; printpdf's own copy is freed before the caller
/// builds the structure tree. An error printpdf reports becomes the render error.
fn to_lopdf(doc: PdfDocument) -> Result<lopdf::Document, RenderError> {
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let lo = doc.to_lopdf_document(&opts, &mut warnings);
    drop(doc);
    match warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        Some(w) => Err(RenderError::Pdf(w.msg.clone())),
        None => Ok(lo),
    }
}

/// The finished object tree as bytes: streams deflated (but the XMP metadata, which stays
/// readable to tools that do not inflate streams; the font `programs` come deflated already)
/// and the trailer /ID derived from the content (printpdf draws it at random), so the same
/// brief gives the same bytes.
fn finish_bytes(mut lo: lopdf::Document, programs: &[Program]) -> Result<Vec<u8>, RenderError> {
    let mut hash = Fnv::default();
    for object in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if !stream.dict.has_type(b"Metadata") {
                compress(stream, programs)?;
            }
            hash.write(&stream.content);
        }
    }
    let id = format!(
        "{:016x}{:016x}",
        hash.0,
        hash.0.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15
    );
    let id = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal);
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| RenderError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// One text section showing every used glyph once with its text, font by font: what printpdf
/// reads to embed each font's widths and ToUnicode map (the page's own content replaces it).
fn glyph_inventory(used: &UsedGlyphs) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (id, glyphs) in used {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(1.0),
        });
        let codepoints = glyphs
            .iter()
            .map(|(&gid, text)| Codepoint {
                gid,
                offset: 0.0,
                cid: Some(text.clone()),
            })
            .collect();
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(codepoints)],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Puts `content` in the content stream of page `page`.
fn set_contents(
    lo: &mut lopdf::Document,
    page: lopdf::ObjectId,
    content: Vec<u8>,
) -> Result<(), RenderError> {
    let missing = |e: lopdf::Error| RenderError::Pdf(format!("a page's content stream: {e}"));
    let id = lo
        .get_dictionary(page)
        .and_then(|d| d.get(b"Contents"))
        .and_then(lopdf::Object::as_reference)
        .map_err(missing)?;
    let stream = lo
        .get_object_mut(id)
        .and_then(lopdf::Object::as_stream_mut)
        .map_err(missing)?;
    stream.set_content(content);
    Ok(())
}

/// Deflates a stream that has no filter yet, when that makes it smaller ([`fontprog::deflate`]);
/// a font program's deflated bytes come from `programs`.
fn compress(stream: &mut lopdf::Stream, programs: &[Program]) -> Result<(), RenderError> {
    if stream.dict.get(b"Filter").is_ok() {
        return Ok(());
    }
    let packed = match programs.iter().find(|p| p.bytes == stream.content) {
        Some(program) => program.packed.clone(),
        None => fontprog::deflate(&stream.content)?,
    };
    if let Some(packed) = packed {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(packed);
    }
    Ok(())
}

fn pdf_date(d: chrono::NaiveDate) -> printpdf::OffsetDateTime {
    use chrono::Datelike;
    printpdf::OffsetDateTime {
        date: printpdf::Date {
            year: d.year(),
            month: d.month() as u8,
            day: d.day() as u8,
        },
        time: printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}
