//! Font programs for the PDF: each font cut down to the glyphs the brief shows (`subsetter`),
//! named with a deterministic `ABCDEF+` subset tag, parsed for printpdf and deflated — for a
//! long brief on a thread of its own while the page streams are written ([`super::pdf`]).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::mpsc::Sender;

use printpdf::{FontId, ParsedFont};
use subsetter::GlyphRemapper;

use super::content::Subset;
use super::draw::Draw;
use super::fonts::{font, FontKey};
use crate::error::RenderError;

/// Full-font glyph ids each font shows on the pages, by font.
pub type UsedFonts = BTreeMap<FontKey, BTreeSet<u16>>;

/// The glyphs each font shows on `pages`.
pub fn used_fonts(pages: &[Vec<Draw>]) -> UsedFonts {
    let mut used = UsedFonts::new();
    for d in pages.iter().flatten() {
        if let Draw::Text(run) = d {
            used.entry(run.font)
                .or_default()
                .extend(run.glyphs.iter().map(|g| g.gid));
        }
    }
    used
}

/// Each used font's resource name and old → new glyph map: what the page streams need, known
/// before any font is cut.
pub fn subsets(used: &UsedFonts) -> BTreeMap<FontKey, Subset> {
    used.iter()
        .map(|(&key, gids)| {
            let list: Vec<u16> = gids.iter().copied().collect();
            let subset = Subset {
                id: FontId(format!("F{}", key.index() + 1)),
                remap: GlyphRemapper::new_from_glyphs_sorted(&list),
            };
            (key, subset)
        })
        .collect()
}

/// A font program as the PDF embeds it: its bytes, and those bytes deflated ([`deflate`]).
pub struct Program {
    /// The subset font's bytes (printpdf's font stream holds exactly these).
    pub bytes: Vec<u8>,
    /// The same deflated, when that makes them smaller.
    pub packed: Option<Vec<u8>>,
}

/// Cuts, names and parses every used font, sends the parsed fonts on `parsed` (printpdf needs
/// them before the page streams are done), then deflates the programs and returns them.
pub fn programs(
    used: &UsedFonts,
    subsets: &BTreeMap<FontKey, Subset>,
    parsed: Sender<Result<Vec<(FontId, ParsedFont)>, RenderError>>,
) -> Result<Vec<Program>, RenderError> {
    let mut fonts = Vec::with_capacity(used.len());
    let mut programs = Vec::with_capacity(used.len());
    for (key, gids) in used {
        let subset = &subsets[key];
        match program(*key, gids, &subset.remap) {
            Ok((bytes, font)) => {
                fonts.push((subset.id.clone(), font));
                programs.push(bytes);
            }
            Err(e) => {
                let _ = parsed.send(Err(e.clone()));
                return Err(e);
            }
        }
    }
    // The receiver is gone only when the caller gave up on an error of its own.
    let _ = parsed.send(Ok(fonts));
    programs
        .into_iter()
        .map(|bytes| {
            let packed = deflate(&bytes)?;
            Ok(Program { bytes, packed })
        })
        .collect()
}

/// One font cut down to `gids` with `remap`: the subset's bytes and printpdf's parse of them,
/// named `ABCDEF+PostScriptName`.
fn program(
    key: FontKey,
    gids: &BTreeSet<u16>,
    remap: &GlyphRemapper,
) -> Result<(Vec<u8>, ParsedFont), RenderError> {
    let name = key.postscript_name();
    let bytes = subsetter::subset(font(key)?.data, 0, remap)
        .map_err(|e| RenderError::Font(format!("{name}: subsetting failed: {e:?}")))?;
    let mut warnings = Vec::new();
    let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| RenderError::Font(format!("{name}: the subset does not parse")))?;
    parsed.font_name = Some(format!("{}+{name}", subset_tag(name, gids)));
    Ok((bytes, parsed))
}

/// `content` deflated at zlib's fast level (~10 % more bytes than the default level, a tenth
/// less time for a whole one-article build), or `None` when that saves too little to pay for
/// the filter's entry in the stream's dictionary.
pub fn deflate(content: &[u8]) -> Result<Option<Vec<u8>>, RenderError> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let packed = enc
        .write_all(content)
        .and_then(|()| enc.finish())
        .map_err(|e| RenderError::Pdf(format!("compressing a stream: {e}")))?;
    Ok((packed.len() + 19 < content.len()).then_some(packed))
}

/// 64-bit FNV-1a, for identifiers that must not change between runs.
pub struct Fnv(pub u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Mixes `bytes` into the hash.
    pub fn write(&mut self, bytes: &[u8]) {
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
