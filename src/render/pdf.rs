//! Page drawings → PDF bytes through printpdf's low-level API.
//!
//! Fonts are subset here with `subsetter` (only the glyphs the brief uses, renumbered), named
//! with a deterministic `ABCDEF+` subset tag, and every glyph carries its text so the
//! ToUnicode map gives back curly quotes, dashes and diacritics on copy and paste.
//!
//! The PDF is tagged: page content is marked ([`super::content`]), the structure tree
//! ([`super::structure`]) and the document metadata ([`super::docinfo`]) are added to the
//! object tree printpdf builds, together with the outline and links ([`super::nav`]).

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Codepoint, FontId, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity,
    PdfSaveOptions, Pt, Rect, TextItem,
};
use subsetter::GlyphRemapper;

use super::content::{page_stream, Subset, UsedGlyphs};
use super::draw::Draw;
use super::fonts::{font, FontKey};
use super::tags::StructTree;
use crate::error::RenderError;

pub use super::docinfo::Meta;

/// Writes the pages (`width` × `height` points, drawings in top-down coordinates).
pub fn write(
    pages: &[Vec<Draw>],
    width: f32,
    height: f32,
    meta: &Meta,
) -> Result<Vec<u8>, RenderError> {
    let mut doc = PdfDocument::new(&meta.title);
    let subsets = embed_fonts(&mut doc, pages)?;
    let mut tree = StructTree::default();
    let mut used = UsedGlyphs::new();
    let streams: Vec<Vec<u8>> = pages
        .iter()
        .enumerate()
        .map(|(n, draws)| page_stream(draws, height, &subsets, n, &mut tree, &mut used))
        .collect();
    doc.pages = printpdf_pages(pages.len(), &used, width, height);
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
    finish_bytes(lo)
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
/// readable to tools that do not inflate streams) and the trailer /ID derived from the content
/// (printpdf draws it at random), so the same brief gives the same bytes.
fn finish_bytes(mut lo: lopdf::Document) -> Result<Vec<u8>, RenderError> {
    let mut hash = Fnv::default();
    for object in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if !stream.dict.has_type(b"Metadata") {
                compress(stream)?;
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

/// Deflates a stream that has no filter yet (when that makes it smaller), at zlib's fast level:
/// ~10 % more bytes than the default level, a tenth less time for a whole one-article build.
fn compress(stream: &mut lopdf::Stream) -> Result<(), RenderError> {
    use std::io::Write;
    if stream.dict.get(b"Filter").is_ok() {
        return Ok(());
    }
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let packed = enc
        .write_all(&stream.content)
        .and_then(|()| enc.finish())
        .map_err(|e| RenderError::Pdf(format!("compressing a stream: {e}")))?;
    if packed.len() + 19 < stream.content.len() {
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

/// 64-bit FNV-1a, for identifiers that must not change between runs.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A six-letter subset tag derived from the font and its glyph set, so the same brief always
/// gets the same tag.
fn subset_tag(name: &str, gids: &BTreeSet<u16>) -> String {
    let mut fnv = Fnv::default();
    fnv.write(name.as_bytes());
    for g in gids {
        fnv.write(&g.to_be_bytes());
    }
    let h = fnv.0;
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

/// Subsets and registers every font the pages use.
fn embed_fonts(
    doc: &mut PdfDocument,
    pages: &[Vec<Draw>],
) -> Result<BTreeMap<FontKey, Subset>, RenderError> {
    let mut used: BTreeMap<FontKey, BTreeSet<u16>> = BTreeMap::new();
    for d in pages.iter().flatten() {
        if let Draw::Text(run) = d {
            used.entry(run.font)
                .or_default()
                .extend(run.glyphs.iter().map(|g| g.gid));
        }
    }
    let mut out = BTreeMap::new();
    for (key, gids) in used {
        let f = font(key)?;
        let list: Vec<u16> = gids.iter().copied().collect();
        let remap = GlyphRemapper::new_from_glyphs_sorted(&list);
        let bytes = subsetter::subset(f.data, 0, &remap).map_err(|e| {
            RenderError::Font(format!(
                "{}: subsetting failed: {e:?}",
                key.postscript_name()
            ))
        })?;
        let mut font_warnings = Vec::new();
        let mut parsed =
            ParsedFont::from_bytes(&bytes, 0, &mut font_warnings).ok_or_else(|| {
                RenderError::Font(format!(
                    "{}: the subset does not parse",
                    key.postscript_name()
                ))
            })?;
        parsed.font_name = Some(format!(
            "{}+{}",
            subset_tag(key.postscript_name(), &gids),
            key.postscript_name()
        ));
        let id = FontId(format!("F{}", key.index() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed));
        out.insert(key, Subset { id, remap });
    }
    Ok(out)
}
