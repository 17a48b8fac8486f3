//! Sentence segmentation of an article, paragraph by paragraph, with byte spans.
//!
//! Uses `sentencex`, which keeps "U.S.", "Mr.", "Jan. 5", "No. 10" and multi-sentence
//! quotations together. A dateline opening the first paragraph is left out of its sentence.

use crate::model::{Article, Sentence, Span};

/// Splits every paragraph of `article` into sentences, in text order.
pub fn segment(article: &Article) -> Vec<Sentence> {
    let lang = article.language.as_deref().unwrap_or("en");
    let mut out = Vec::new();
    for p in &article.paragraphs {
        let mut start = p.span.start;
        if p.index == 0 {
            start += crate::ingest::meta::dateline_len(article.slice(p.span));
        }
        let text = article.text.get(start..p.span.end).unwrap_or("");
        let mut carry: Option<usize> = None;
        for b in sentencex::get_sentence_boundaries(lang, text) {
            let s = carry.take().unwrap_or(start + b.start_byte);
            let mut e = start + b.end_byte;
            // An opening quotation mark belongs to the sentence it opens.
            let body = article.text.get(s..e).unwrap_or("").trim_end();
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

fn push_trimmed(out: &mut Vec<Sentence>, article: &Article, paragraph: usize, s: usize, e: usize) {
    let raw = article.text.get(s..e).unwrap_or("");
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    if lead + trail >= raw.len() {
        return;
    }
    let span = Span::new(s + lead, e - trail);
    out.push(Sentence {
        paragraph,
        span,
        text: article.slice(span).to_string(),
    });
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
    fn opening_mark_moves_to_its_sentence() {
        let a = article("He said he would meet Tamm in Brussels next week. “I have always found her a reasonable partner.");
        let s = segment(&a);
        assert_eq!(
            s[0].text,
            "He said he would meet Tamm in Brussels next week."
        );
        assert!(s[1].text.starts_with('“'), "{:?}", s[1].text);
    }
}
