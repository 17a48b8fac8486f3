//! Hyphenation points of English words from the TeX en-US patterns embedded in the binary
//! (the `hyphenation` crate), with the rules a typesetter applies on top: only words of
//! [`MIN_WORD`] letters or more, at least [`MIN_LEFT`] letters before and [`MIN_RIGHT`] after a
//! break, never inside acronyms, numbers or words that already contain a hyphen.

use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

/// Shortest word (in letters) that may be hyphenated.
pub const MIN_WORD: usize = 6;
/// Fewest letters left before a hyphen.
pub const MIN_LEFT: usize = 2;
/// Fewest letters carried over to the next line.
pub const MIN_RIGHT: usize = 3;

static EN_US: LazyLock<Option<Standard>> =
    LazyLock::new(|| Standard::from_embedded(Language::EnglishUS).ok());

/// Splits `word` (which may carry punctuation such as quotes or a trailing comma) into the
/// pieces between its allowed hyphenation points; a word that may not be broken comes back
/// whole.
pub fn syllables(word: &str) -> Vec<&str> {
    let Some((start, end)) = letter_core(word) else {
        return vec![word];
    };
    let core = &word[start..end];
    let letters = core.chars().count();
    let acronym_like = core.chars().skip(1).any(char::is_uppercase);
    // The patterns are English: Latin letters only (diacritics included).
    let latin = |c: char| c.is_alphabetic() && c < '\u{250}';
    if letters < MIN_WORD || acronym_like || !core.chars().all(latin) {
        return vec![word];
    }
    let Some(dict) = EN_US.as_ref() else {
        return vec![word];
    };
    let breaks: Vec<usize> = dict
        .hyphenate(core)
        .breaks
        .into_iter()
        .filter(|b| core.is_char_boundary(*b))
        .filter(|b| {
            let left = core[..*b].chars().count();
            left >= MIN_LEFT && letters - left >= MIN_RIGHT
        })
        .collect();
    let mut out = Vec::with_capacity(breaks.len() + 1);
    let mut from = 0;
    for b in breaks {
        out.push(&word[from..start + b]);
        from = start + b;
    }
    out.push(&word[from..]);
    out
}

/// The byte range of the letters of `word` once leading and trailing punctuation is set
/// aside; `None` when nothing is left.
fn letter_core(word: &str) -> Option<(usize, usize)> {
    let start = word.find(|c: char| c.is_alphanumeric())?;
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())?;
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_split_at_pattern_points() {
        assert_eq!(syllables("negotiations"), ["ne", "go", "ti", "a", "tions"]);
        assert_eq!(syllables("allocations,"), ["al", "lo", "ca", "tions,"]);
        assert_eq!(syllables("“hyphenation”"), ["“hy", "phen", "a", "tion”"]);
    }

    #[test]
    fn short_words_acronyms_and_numbers_stay_whole() {
        for w in [
            "talks",
            "UNESCO",
            "OpenAI",
            "2026-11-20",
            "well-known",
            "—",
            "",
        ] {
            assert_eq!(syllables(w), [w], "{w}");
        }
    }

    #[test]
    fn no_fragment_is_shorter_than_the_minima() {
        for w in [
            "Commission",
            "upstream",
            "mediation",
            "administration",
            "Zürich",
        ] {
            let parts = syllables(w);
            assert_eq!(parts.concat(), w);
            assert!(parts[0].chars().count() >= MIN_LEFT, "{parts:?}");
            assert!(
                parts.last().unwrap().chars().count() >= MIN_RIGHT,
                "{parts:?}"
            );
        }
    }
}
