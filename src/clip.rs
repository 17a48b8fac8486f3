//! Shortening text to a number of characters with an ellipsis, at a word boundary where one is near.

use std::borrow::Cow;

/// Longest headline, outlet or byline an article keeps (characters): a "title" longer than this
/// is a paragraph or a page's text, not a title.
pub const META_MAX_CHARS: usize = 300;

/// Longest line (bottom line, key point, statement) a brief takes from an article (characters):
/// about 100 words, longer than any sentence a brief should print whole.
pub const LINE_MAX_CHARS: usize = 600;

/// `text` if it has at most `max` characters; else its first words (or, without a space in the
/// second half, its first characters) followed by "…", `max` characters in all. Linear in `max`,
/// whatever the length of `text`.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    let max = max.max(2);
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return Cow::Borrowed(text);
    };
    // Room for the ellipsis: the first max - 1 characters.
    let head_end = text[..cut].char_indices().last().map_or(0, |(i, _)| i);
    let head = &text[..head_end];
    // A space right after the head keeps the head's last word whole.
    let at_space = text[..cut]
        .rfind(char::is_whitespace)
        .filter(|&i| head[..i].chars().count() >= max / 2);
    let kept = at_space.map_or(head, |i| &head[..i]);
    let kept = kept.trim_end_matches(|c: char| {
        c.is_whitespace() || [',', ';', ':', '.', '·', '—', '–', '-', '(', '“', '"'].contains(&c)
    });
    Cow::Owned(format!("{kept}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_as_is() {
        assert!(matches!(
            clip("Talks resumed.", 20),
            Cow::Borrowed("Talks resumed.")
        ));
        assert_eq!(clip("abcde", 5), "abcde");
    }

    #[test]
    fn long_text_is_cut_at_a_word_with_an_ellipsis() {
        let text = "The ministers met in Geneva on Tuesday, and agreed to meet again.";
        let short = clip(text, 40);
        assert_eq!(short, "The ministers met in Geneva on Tuesday…");
        assert!(short.chars().count() <= 40);
    }

    #[test]
    fn a_long_word_is_cut_between_characters() {
        let word = "ü".repeat(10_000);
        let short = clip(&word, 50);
        assert_eq!(short.chars().count(), 50);
        assert!(short.ends_with("ü…"));
    }
}
