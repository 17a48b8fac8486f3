//! Sentence segmentation of an article, paragraph by paragraph, with byte spans.
//!
//! Uses `sentencex`, which keeps "U.S.", "Mr.", "Jan. 5", "No. 10" and multi-sentence
//! quotations together. A dateline or a wire tag ("ISLAMABAD —", "(CNN)", at the head of the
//! first paragraph or of the second after a standfirst) is left out of its sentence.
//! A "sentence" longer than [`SENTENCE_MAX`] (a run of text without punctuation: a PDF extraction,
//! a flattened table, a pasted log) is cut into pieces at spaces and marked as cut, so every later
//! step works on bounded pieces and none of them is taken for a real sentence.

use crate::model::{Article, Sentence, Span};

/// Longest sentence, in bytes (about 250 words; news sentences stay well under 1,000 bytes).
pub const SENTENCE_MAX: usize = 1_500;

/// Splits every paragraph of `article` into sentences, in text order.
pub fn segment(article: &Article) -> Vec<Sentence> {
    let lang = article.language.as_deref().unwrap_or("en");
    let mut out = Vec::new();
    for p in &article.paragraphs {
        let mut start = p.span.start;
        if let Some(d) = article.dateline_span.filter(|d| d.start == p.span.start) {
            start = start.max(d.end);
        }
        let text = article.text.get(start..p.span.end).unwrap_or("");
        let mut carry: Option<usize> = None;
        let mut bounds = sentencex::get_sentence_boundaries(lang, text)
            .into_iter()
            .peekable();
        while let Some(b) = bounds.next() {
            let s = carry.take().unwrap_or(start + b.start_byte);
            let mut e = start + b.end_byte;
            // "a Ft. Worth blogger": an abbreviation the splitter does not know ends no sentence.
            let body = article.text.get(s..e).unwrap_or("").trim_end();
            if bounds.peek().is_some() && ends_with_abbreviation(body) {
                carry = Some(s);
                continue;
            }
            // An opening quotation mark belongs to the sentence it opens.
            if let Some(mark) = body.chars().next_back().filter(|c| *c == '“' || *c == '"') {
                let at = s + body.len() - mark.len_utf8();
                if mark == '“' || body[..body.len() - 1].ends_with(char::is_whitespace) {
                    e = at;
                    carry = Some(at);
                }
            }
            push_trimmed(&mut out, article, p.index, s, e);
        }
    }
    out
}

/// Abbreviations that end no sentence and that `sentencex` does not know ("Ft. Worth",
/// "Atty. Gen. Smith").
const ABBREVIATIONS: &[&str] = &["Ft.", "Atty."];

/// Whether `sentence` ends with one of [`ABBREVIATIONS`] as a word of its own.
fn ends_with_abbreviation(sentence: &str) -> bool {
    ABBREVIATIONS.iter().any(|a| {
        sentence
            .strip_suffix(a)
            .is_some_and(|head| head.is_empty() || head.ends_with(char::is_whitespace))
    })
}

/// Where the first sentence of `text` ends and where the last one starts, as [`segment`]
/// splits an English paragraph (the whole text, and 0, for a text of one sentence).
pub fn first_end_last_start(text: &str) -> (usize, usize) {
    let bounds = sentencex::get_sentence_boundaries("en", text);
    (
        bounds.first().map_or(text.len(), |b| b.end_byte),
        bounds.last().map_or(0, |b| b.start_byte),
    )
}

fn push_trimmed(out: &mut Vec<Sentence>, article: &Article, paragraph: usize, s: usize, e: usize) {
    let raw = article.text.get(s..e).unwrap_or("");
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    if lead + trail >= raw.len() {
        return;
    }
    let span = Span::new(s + lead, e - trail);
    if span.end - span.start <= SENTENCE_MAX {
        out.push(Sentence {
            paragraph,
            span,
            text: article.slice(span).to_string(),
            cut: false,
        });
        return;
    }
    for piece in pieces(article.slice(span), SENTENCE_MAX) {
        let at = Span::new(span.start + piece.start, span.start + piece.end);
        out.push(Sentence {
            paragraph,
            span: at,
            text: article.slice(at).to_string(),
            cut: true,
        });
    }
}

/// `text` cut into spans of at most `max` bytes, at the last whitespace before the limit (or,
/// in a word longer than that, at a character boundary), whitespace between pieces left out.
pub fn pieces(text: &str, max: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let skip = rest.len() - rest.trim_start().len();
        start += skip;
        if start >= text.len() {
            break;
        }
        let rest = &text[start..];
        if rest.len() <= max {
            out.push(Span::new(start, text.len()));
            break;
        }
        let mut limit = max;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let end = match rest[..limit].rfind(char::is_whitespace) {
            Some(ws) if ws > 0 => ws,
            _ => limit.max(rest.chars().next().map_or(1, char::len_utf8)),
        };
        out.push(Span::new(start, start + rest[..end].trim_end().len()));
        start += end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::test_article as article;

    #[test]
    fn abbreviations_do_not_split() {
        let a = article(
            "WASHINGTON: Mr. Lee met U.S. officials on Jan. 5 at No. 10 Downing St. with Sec. Hale. \
             Then he left.\n\nA second paragraph.",
        );
        let s = segment(&a);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Mr. Lee met U.S. officials on Jan. 5 at No. 10 Downing St. with Sec. Hale.",
                "Then he left.",
                "A second paragraph."
            ]
        );
        assert_eq!(s[2].paragraph, 1);
        assert_eq!(a.slice(s[1].span), "Then he left.");
    }

    #[test]
    fn a_wire_tag_is_left_out_of_the_first_sentence() {
        for (text, first) in [
            (
                "(CNN)They may not be friends. Then he left.",
                "They may not be friends.",
            ),
            (
                "(Reuters) - Pakistan said so. Then he left.",
                "Pakistan said so.",
            ),
            ("LONDON, England (CNN) -- They met. Then.", "They met."),
        ] {
            let s = segment(&article(text));
            assert_eq!(s[0].text, first, "{text}");
        }
        // Not at the head of the first paragraph, or not a wire tag: kept.
        let s = segment(&article(
            "Talks resumed.\n\n(Reuters) was first to report it.",
        ));
        assert_eq!(s[1].text, "(Reuters) was first to report it.");
        let s = segment(&article("(Updated) Talks resumed on Monday."));
        assert_eq!(s[0].text, "(Updated) Talks resumed on Monday.");
    }

    #[test]
    fn opening_mark_moves_to_its_sentence() {
        let a = article("He said he would meet Tamm in Brussels next week. “I have always found her a reasonable partner.");
        let s = segment(&a);
        assert_eq!(
            s[0].text,
            "He said he would meet Tamm in Brussels next week."
        );
        assert!(s[1].text.starts_with('“'), "{:?}", s[1].text);
    }

    #[test]
    fn a_run_without_punctuation_is_cut_into_bounded_pieces() {
        let run = "trade talks went on ".repeat(400);
        let a = article(&format!("A short one. {run}"));
        let s = segment(&a);
        assert_eq!(s[0].text, "A short one.");
        assert!(!s[0].cut);
        assert!(s.len() > 5, "{}", s.len());
        for piece in &s[1..] {
            assert!(piece.cut);
            assert!(piece.text.len() <= SENTENCE_MAX);
            let whole = |w: &str| ["trade", "talks", "went", "on"].contains(&w);
            assert!(piece.text.split_whitespace().all(whole), "a word was split");
            assert_eq!(a.slice(piece.span), piece.text);
        }
        let words: usize = s[1..]
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        assert_eq!(words, 1600, "no word lost or split");
    }

    #[test]
    fn a_word_longer_than_a_sentence_is_cut_at_character_boundaries() {
        let word = "é".repeat(SENTENCE_MAX);
        let spans = pieces(&word, SENTENCE_MAX);
        assert_eq!(spans.len(), 2);
        assert!(spans.iter().all(|s| s.end - s.start <= SENTENCE_MAX));
        assert_eq!(spans[1].end, word.len());
        assert_eq!(spans[0].end, spans[1].start);
    }
}
