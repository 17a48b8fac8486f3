//! Inline content → a list of boxes, glue and penalties (the Knuth–Plass item model): words
//! are shaped with rustybuzz, spaces become stretchable glue, break opportunities inside words
//! (after hyphens, dashes, slashes) and `<br>` become penalties.
//!
//! Characters no embedded font has are never dropped: the other family is tried, then U+FFFD
//! (or `?`) is set instead and the character is recorded in [`Shaper::missing`].

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::blocks::{Inline, InlineStyle};
use super::colour::Rgb;
use super::fonts::{font, Font, FontKey};
use super::hyphen;
use super::items::{Glue, Glyph, Item, Piece, FORCED, HYPHEN_PENALTY};
use super::style::{Align, TextStyle, MUTED, NAVY, SUP_RISE, SUP_SCALE};
use super::tags::Tag;
use crate::error::RenderError;

/// Shapes text and remembers characters that had to be substituted.
#[derive(Debug, Default)]
pub struct Shaper {
    /// Characters no embedded font could show.
    pub missing: BTreeSet<char>,
    /// The glyphs of every text shaped so far, by font: a brief repeats its words, and a
    /// fitted brief is set more than once.
    shaped: FxHashMap<FontKey, FxHashMap<String, Vec<Shaped>>>,
}

/// A glyph as shaping gives it, whatever the size: its id, advance and offset in font units,
/// and the span of the text it starts a cluster of (`None` inside a cluster).
#[derive(Debug, Clone)]
struct Shaped {
    gid: u16,
    advance: i32,
    offset: i32,
    text: Option<Range<usize>>,
}

/// The glyphs of `text` shaped in `f`.
fn shape(f: &Font, text: &str) -> Result<Vec<Shaped>, RenderError> {
    let shaped = f.shape(text);
    let infos = shaped.glyph_infos();
    // Cluster starts in text order (right-to-left words come back in visual order).
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let glyphs = infos.iter().zip(shaped.glyph_positions()).enumerate();
    glyphs
        .map(|(i, (info, pos))| {
            let start = info.cluster as usize;
            let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
            let end = starts
                .iter()
                .copied()
                .find(|c| *c > start)
                .unwrap_or(text.len());
            Ok(Shaped {
                gid: u16::try_from(info.glyph_id).map_err(|_| {
                    RenderError::Font(format!("glyph id {} out of range", info.glyph_id))
                })?,
                advance: pos.x_advance,
                offset: pos.x_offset,
                text: first_of_cluster.then_some(start..end.max(start)),
            })
        })
        .collect()
}

/// How a stretch of text is set: font, size, baseline rise and colour.
#[derive(Debug, Clone, Copy)]
struct Face {
    key: FontKey,
    size: f32,
    rise: f32,
    color: Rgb,
}

impl Face {
    /// The face of text styled `style` in a block set in `base`: bold and italic added to
    /// (or, for `plain` text, in place of) the block's, superscripts smaller and raised, links
    /// in the accent colour.
    fn of(style: &InlineStyle, base: &TextStyle) -> Face {
        let (bold, italic) = if style.plain {
            (style.bold, style.italic)
        } else {
            (base.bold || style.bold, base.italic != style.italic)
        };
        let (size, rise) = if style.sup {
            (base.size * SUP_SCALE, base.size * SUP_RISE)
        } else {
            (base.size, 0.0)
        };
        let color = if style.muted {
            MUTED
        } else if style.link.is_some() {
            NAVY
        } else {
            base.color
        };
        Face {
            key: FontKey::select(base.family, bold, italic),
            size,
            rise,
            color,
        }
    }
}

fn breaks_after(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '/' | '_')
}

impl Shaper {
    /// The items of `content` set in `base`, untagged.
    pub fn items(
        &mut self,
        content: &[Inline],
        base: &TextStyle,
    ) -> Result<Vec<Item>, RenderError> {
        self.items_tagged(content, base, &[])
    }

    /// The items of `content` set in `base`, the pieces of `content[i]` tagged `tags[i]`.
    pub fn items_tagged(
        &mut self,
        content: &[Inline],
        base: &TextStyle,
        tags: &[Tag],
    ) -> Result<Vec<Item>, RenderError> {
        let mut items = Vec::new();
        for (i, inline) in content.iter().enumerate() {
            let first = items.len();
            match inline {
                Inline::Break => items.push(Item::Penalty {
                    width: 0.0,
                    cost: FORCED,
                }),
                Inline::Text { text, style } => self.text(text, style, base, &mut items)?,
            }
            if let Some(tag) = tags.get(i) {
                for item in &mut items[first..] {
                    match item {
                        Item::Box(p) => p.tag = Some(tag.clone()),
                        Item::Glue(g) => g.space.tag = Some(tag.clone()),
                        Item::Penalty { .. } => {}
                    }
                }
            }
        }
        Ok(items)
    }

    /// Pushes the items of `text` styled `style` in a block set in `base`.
    fn text(
        &mut self,
        text: &str,
        style: &InlineStyle,
        base: &TextStyle,
        items: &mut Vec<Item>,
    ) -> Result<(), RenderError> {
        let face = Face::of(style, base);
        let hyphenate = base.align == Align::Justify && !style.sup && style.link.is_none();
        let first = items.len();
        self.words(text, face, base.size, hyphenate, items)?;
        if let Some(uri) = &style.link {
            let uri: Arc<str> = Arc::from(uri.as_str());
            for item in &mut items[first..] {
                match item {
                    Item::Box(p) => p.link = Some(uri.clone()),
                    Item::Glue(g) => g.space.link = Some(uri.clone()),
                    Item::Penalty { .. } => {}
                }
            }
        }
        Ok(())
    }

    /// Pushes the words of `text` set in `face` (hyphenated when `hyphenate`), glue for its
    /// spaces (set `space_size` points, the block's size) and free breaks after hyphens,
    /// dashes and slashes inside words and at zero-width spaces.
    fn words(
        &mut self,
        text: &str,
        face: Face,
        space_size: f32,
        hyphenate: bool,
        items: &mut Vec<Item>,
    ) -> Result<(), RenderError> {
        let mut word = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ' ' => {
                    self.syllables(&word, hyphenate, face, items)?;
                    word.clear();
                    let space = self.piece(" ", face.key, space_size, 0.0, face.color)?;
                    let width = space.width;
                    items.push(Item::Glue(Glue {
                        width,
                        stretch: width * 0.6,
                        // Spaces shrink to two thirds at most, as in TeX and Typst.
                        shrink: width / 3.0,
                        space,
                    }));
                }
                '\u{200b}' => {
                    self.word(&word, face, items)?;
                    word.clear();
                    items.push(Item::Penalty {
                        width: 0.0,
                        cost: 0.0,
                    });
                }
                '\u{ad}' | '\u{200c}'..='\u{200f}' | '\u{feff}' => {}
                _ => {
                    word.push(c);
                    let next_is_word = chars.peek().is_some_and(|n| *n != ' ');
                    if breaks_after(c) && next_is_word && word.chars().count() > 1 {
                        self.word(&word, face, items)?;
                        word.clear();
                        items.push(Item::Penalty {
                            width: 0.0,
                            cost: 0.0,
                        });
                    }
                }
            }
        }
        self.syllables(&word, hyphenate, face, items)
    }

    /// Pushes a word split at its hyphenation points (when `hyphenate`), with a hyphen
    /// penalty as wide as the hyphen between the syllables.
    fn syllables(
        &mut self,
        word: &str,
        hyphenate: bool,
        face: Face,
        items: &mut Vec<Item>,
    ) -> Result<(), RenderError> {
        let parts = if hyphenate {
            hyphen::syllables(word)
        } else {
            vec![word]
        };
        if parts.len() == 1 {
            return self.word(word, face, items);
        }
        let hyphen = self.face_piece("-", face.key, face)?.width;
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                items.push(Item::Penalty {
                    width: hyphen,
                    cost: HYPHEN_PENALTY,
                });
            }
            self.word(part, face, items)?;
        }
        Ok(())
    }

    /// Pushes the boxes of one word (one per font when a fallback font is needed).
    fn word(&mut self, word: &str, face: Face, items: &mut Vec<Item>) -> Result<(), RenderError> {
        if word.is_empty() {
            return Ok(());
        }
        let key = face.key;
        let primary = font(key)?;
        let alternate = font(key.fallback())?;
        let wide = font(FontKey::Wide)?;
        let mut segment = String::new();
        let mut segment_font = key;
        for c in word.chars() {
            let (f, ch) = if primary.has_char(c) {
                (key, c)
            } else if alternate.has_char(c) {
                (alternate.key, c)
            } else if wide.has_char(c) {
                (FontKey::Wide, c)
            } else {
                self.missing.insert(c);
                if primary.has_char('\u{fffd}') {
                    (key, '\u{fffd}')
                } else if wide.has_char('\u{fffd}') {
                    (FontKey::Wide, '\u{fffd}')
                } else {
                    (key, '?')
                }
            };
            if f != segment_font && !segment.is_empty() {
                items.push(Item::Box(self.face_piece(&segment, segment_font, face)?));
                segment.clear();
            }
            segment_font = f;
            segment.push(ch);
        }
        items.push(Item::Box(self.face_piece(&segment, segment_font, face)?));
        Ok(())
    }

    /// [`Shaper::piece`] of `text` in font `key` at the size, rise and colour of `face`.
    fn face_piece(&mut self, text: &str, key: FontKey, face: Face) -> Result<Piece, RenderError> {
        self.piece(text, key, face.size, face.rise, face.color)
    }

    /// Shapes `text` (all of whose characters `key` has) into one piece.
    pub fn piece(
        &mut self,
        text: &str,
        key: FontKey,
        size: f32,
        rise: f32,
        color: Rgb,
    ) -> Result<Piece, RenderError> {
        let f = font(key)?;
        let by_font = self.shaped.entry(key).or_default();
        if !by_font.contains_key(text) {
            by_font.insert(text.to_string(), shape(f, text)?);
        }
        let shaped = &by_font[text];
        let mut glyphs = Vec::with_capacity(shaped.len());
        let mut width = 0.0;
        for g in shaped {
            let advance = f.em(g.advance) * size;
            width += advance;
            glyphs.push(Glyph {
                gid: g.gid,
                advance,
                offset: f.em(g.offset) * size,
                text: g
                    .text
                    .clone()
                    .map_or(String::new(), |r| text.get(r).unwrap_or("").to_string()),
            });
        }
        Ok(Piece {
            font: key,
            size,
            rise,
            color,
            glyphs,
            width,
            link: None,
            tag: None,
        })
    }
}

#[cfg(test)]
mod tests;
