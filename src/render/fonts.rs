//! The embedded Liberation fonts: parsed once per process, looked up by [`FontKey`].
//!
//! Every machine prints with the same fonts because they ship inside the binary
//! (`templates/fonts`, SIL Open Font License). Each font is parsed, and its shaping plan made,
//! the first time a render uses it, then shared: a render pays only for the fonts it sets text
//! in and for shaping its own text.

use std::sync::OnceLock;

use rustybuzz::{script, Direction, Face, GlyphBuffer, ShapePlan, UnicodeBuffer};

use crate::error::RenderError;

/// A typeface family of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Liberation Serif: body text.
    Serif,
    /// Liberation Sans: headings, tables, page furniture.
    Sans,
}

/// One embedded font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontKey {
    /// Liberation Serif Regular.
    SerifRegular,
    /// Liberation Serif Bold.
    SerifBold,
    /// Liberation Serif Italic.
    SerifItalic,
    /// Liberation Serif Bold Italic.
    SerifBoldItalic,
    /// Liberation Sans Regular.
    SansRegular,
    /// Liberation Sans Bold.
    SansBold,
    /// Liberation Sans Italic.
    SansItalic,
    /// DejaVu Sans: the fallback for scripts Liberation lacks (Arabic, Hebrew, symbols).
    Wide,
}

impl FontKey {
    /// Every embedded font, in a fixed order (also the order of PDF resource names).
    pub const ALL: [FontKey; 8] = [
        FontKey::SerifRegular,
        FontKey::SerifBold,
        FontKey::SerifItalic,
        FontKey::SerifBoldItalic,
        FontKey::SansRegular,
        FontKey::SansBold,
        FontKey::SansItalic,
        FontKey::Wide,
    ];

    /// The font for a family and style. Sans has no bold italic file: bold is used.
    pub fn select(family: Family, bold: bool, italic: bool) -> FontKey {
        match (family, bold, italic) {
            (Family::Serif, false, false) => FontKey::SerifRegular,
            (Family::Serif, true, false) => FontKey::SerifBold,
            (Family::Serif, false, true) => FontKey::SerifItalic,
            (Family::Serif, true, true) => FontKey::SerifBoldItalic,
            (Family::Sans, false, false) => FontKey::SansRegular,
            (Family::Sans, true, _) => FontKey::SansBold,
            (Family::Sans, false, true) => FontKey::SansItalic,
        }
    }

    /// The closest font of the other family, tried when this one lacks a glyph.
    pub fn fallback(self) -> FontKey {
        match self {
            FontKey::SerifRegular => FontKey::SansRegular,
            FontKey::SerifBold | FontKey::SerifBoldItalic => FontKey::SansBold,
            FontKey::SerifItalic => FontKey::SansItalic,
            FontKey::SansRegular => FontKey::SerifRegular,
            FontKey::SansBold => FontKey::SerifBold,
            FontKey::SansItalic => FontKey::SerifItalic,
            FontKey::Wide => FontKey::SansRegular,
        }
    }

    /// The family this font belongs to.
    pub fn family(self) -> Family {
        match self {
            FontKey::SerifRegular
            | FontKey::SerifBold
            | FontKey::SerifItalic
            | FontKey::SerifBoldItalic => Family::Serif,
            _ => Family::Sans,
        }
    }

    /// Position in [`FontKey::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// PostScript name, used (with a subset tag) as the PDF `/BaseFont`.
    pub fn postscript_name(self) -> &'static str {
        match self {
            FontKey::SerifRegular => "LiberationSerif",
            FontKey::SerifBold => "LiberationSerif-Bold",
            FontKey::SerifItalic => "LiberationSerif-Italic",
            FontKey::SerifBoldItalic => "LiberationSerif-BoldItalic",
            FontKey::SansRegular => "LiberationSans",
            FontKey::SansBold => "LiberationSans-Bold",
            FontKey::SansItalic => "LiberationSans-Italic",
            FontKey::Wide => "DejaVuSans",
        }
    }

    fn data(self) -> &'static [u8] {
        match self {
            FontKey::SerifRegular => {
                include_bytes!("../../templates/fonts/LiberationSerif-Regular.ttf")
            }
            FontKey::SerifBold => include_bytes!("../../templates/fonts/LiberationSerif-Bold.ttf"),
            FontKey::SerifItalic => {
                include_bytes!("../../templates/fonts/LiberationSerif-Italic.ttf")
            }
            FontKey::SerifBoldItalic => {
                include_bytes!("../../templates/fonts/LiberationSerif-BoldItalic.ttf")
            }
            FontKey::SansRegular => {
                include_bytes!("../../templates/fonts/LiberationSans-Regular.ttf")
            }
            FontKey::SansBold => include_bytes!("../../templates/fonts/LiberationSans-Bold.ttf"),
            FontKey::SansItalic => {
                include_bytes!("../../templates/fonts/LiberationSans-Italic.ttf")
            }
            FontKey::Wide => include_bytes!("../../templates/fonts/DejaVuSans.ttf"),
        }
    }
}

/// A parsed font with its cached shaping plan and the metrics the typesetter needs.
pub struct Font {
    /// Which font this is.
    pub key: FontKey,
    /// The TrueType file.
    pub data: &'static [u8],
    face: Face<'static>,
    plan: ShapePlan,
    /// Font units per em.
    pub units_per_em: f32,
    /// Ascender in ems.
    pub ascender: f32,
    /// Descender in ems (positive below the baseline).
    pub descender: f32,
}

impl Font {
    fn load(key: FontKey) -> Result<Font, String> {
        let data = key.data();
        let face = Face::from_slice(data, 0)
            .ok_or_else(|| format!("{} cannot be parsed", key.postscript_name()))?;
        let plan = ShapePlan::new(
            &face,
            Direction::LeftToRight,
            Some(script::LATIN),
            None,
            &[],
        );
        let units_per_em = f32::from(face.units_per_em() as u16);
        let ascender = f32::from(face.ascender()) / units_per_em;
        let descender = -f32::from(face.descender()) / units_per_em;
        Ok(Font {
            key,
            data,
            face,
            plan,
            units_per_em,
            ascender,
            descender,
        })
    }

    /// Whether the font has a glyph for `c`.
    pub fn has_char(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// Shapes one word: left-to-right text with the cached plan; a word with right-to-left
    /// letters (Arabic, Hebrew) right to left in its own script, so letters join, with the
    /// glyphs coming back in visual (left-to-right) order.
    pub fn shape(&self, text: &str) -> GlyphBuffer {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        if is_rtl(text) {
            buffer.guess_segment_properties();
            buffer.set_direction(Direction::RightToLeft);
            return rustybuzz::shape(&self.face, &[], buffer);
        }
        buffer.set_direction(Direction::LeftToRight);
        buffer.set_script(script::LATIN);
        rustybuzz::shape_with_plan(&self.face, &self.plan, buffer)
    }

    /// Converts font units to ems.
    pub fn em(&self, units: i32) -> f32 {
        units as f32 / self.units_per_em
    }

    /// The advance of a glyph as the PDF viewer computes it from the `/W` array: printpdf
    /// truncates each width to whole thousandths of an em, so the emitter must too.
    pub fn pdf_advance_em(&self, gid: u16) -> f32 {
        let raw = self
            .face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        ((f32::from(raw) * 1000.0 / self.units_per_em) as i64) as f32 / 1000.0
    }
}

/// Whether `text` holds a strong right-to-left letter (bidi class R or AL).
pub fn is_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, R};
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), R | AL))
}

/// Each font of [`FontKey::ALL`], by index, once parsed (or why it could not be).
static FONTS: [OnceLock<Result<Font, String>>; FontKey::ALL.len()] =
    [const { OnceLock::new() }; FontKey::ALL.len()];

/// The parsed font for `key` (parsed on first use, then shared).
pub fn font(key: FontKey) -> Result<&'static Font, RenderError> {
    match FONTS[key.index()].get_or_init(|| Font::load(key)) {
        Ok(font) => Ok(font),
        Err(e) => Err(RenderError::Font(e.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_parses_and_covers_the_brief_characters() {
        for key in FontKey::ALL {
            let f = font(key).unwrap();
            for c in "Zürich Dār Šefčovič “”’–—•".chars() {
                assert!(f.has_char(c), "{key:?} lacks {c:?}");
            }
            assert!(f.ascender > 0.5 && f.descender > 0.1);
        }
    }

    #[test]
    fn fallback_crosses_families() {
        assert_eq!(FontKey::SerifBold.fallback(), FontKey::SansBold);
        assert_eq!(FontKey::select(Family::Sans, true, true), FontKey::SansBold);
    }
}
