//! Quotation spans: pairs curly and straight quotation marks paragraph by paragraph.
//!
//! A quote left open at a paragraph's end continues when the next paragraph opens with a
//! quotation mark (the newspaper convention for a quote over several paragraphs). Any other
//! unmatched mark is dropped, so an odd number of marks spoils at most its own paragraph.

use crate::model::{Article, Span};

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte position of the opening mark.
    pub open: usize,
    /// Byte position just past the closing mark (or the paragraph end for an unclosed part).
    pub close: usize,
    /// The quoted text, one span per paragraph it runs through, marks excluded.
    pub parts: Vec<Span>,
    /// Paragraph of the opening mark.
    pub paragraph: usize,
}

impl Quote {
    /// The quoted words, parts joined by a space.
    pub fn text(&self, article: &Article) -> String {
        let parts: Vec<&str> = self
            .parts
            .iter()
            .map(|s| article.slice(*s).trim())
            .filter(|s| !s.is_empty())
            .collect();
        parts.join(" ")
    }

    /// Byte position just past the end of the quoted words (before the closing mark).
    pub fn inner_end(&self) -> usize {
        self.parts.last().map_or(self.close, |s| s.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Classifies the quotation marks of `text` (one paragraph) as (position, length, kind).
fn marks(text: &str) -> Vec<(usize, usize, Mark)> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let kind = match c {
            '“' | '«' | '„' => Mark::Open,
            '”' | '»' => Mark::Close,
            '"' => {
                let before = text[..i].chars().next_back();
                let after = text[i + 1..].chars().next();
                let open_side = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
                let close_side =
                    after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]}—–-".contains(a));
                match (open_side, close_side) {
                    (true, false) => Mark::Open,
                    (false, true) => Mark::Close,
                    _ => Mark::Either,
                }
            }
            _ => continue,
        };
        out.push((i, c.len_utf8(), kind));
    }
    out
}

/// Finds the quotations of an article, in text order.
pub fn find(article: &Article) -> Vec<Quote> {
    let mut out = Vec::new();
    // A quote running on from the previous paragraph.
    let mut carried: Option<Quote> = None;
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let text = article.slice(p.span);
        let base = p.span.start;
        let mut open: Option<Quote> = None;
        let ms = marks(text);
        let mut rest = &ms[..];
        if let Some(mut q) = carried.take() {
            // The continuation opens with a mark at the paragraph start.
            if let Some(&(0, len, Mark::Open | Mark::Either)) = ms.first() {
                q.parts.push(Span::new(base + len, base + len));
                open = Some(q);
                rest = &ms[1..];
            }
        }
        for &(pos, len, kind) in rest {
            let at = base + pos;
            match (kind, open.is_some()) {
                (Mark::Open, _) | (Mark::Either, false) => {
                    open = Some(Quote {
                        open: at,
                        close: at,
                        parts: vec![Span::new(at + len, at + len)],
                        paragraph: pi,
                    });
                }
                (Mark::Close | Mark::Either, true) => {
                    let mut q = open.take().expect("open quote");
                    if let Some(last) = q.parts.last_mut() {
                        last.end = at;
                    }
                    q.close = at + len;
                    if !q.text(article).is_empty() {
                        out.push(q);
                    }
                }
                (Mark::Close, false) => {}
            }
        }
        if let Some(mut q) = open {
            let next_opens = article
                .paragraphs
                .get(pi + 1)
                .map(|n| article.slice(n.span))
                .is_some_and(|t| t.starts_with(['“', '"', '«']));
            if next_opens {
                if let Some(last) = q.parts.last_mut() {
                    last.end = p.span.end;
                }
                q.close = p.span.end;
                carried = Some(q);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paras: &[&str]) -> Article {
        crate::analyze::test_article(&paras.join("\n\n"))
    }

    fn texts(a: &Article) -> Vec<String> {
        find(a).iter().map(|q| q.text(a)).collect()
    }

    #[test]
    fn curly_and_straight() {
        let a = article(&["“One,” he said. He said \"two\" and then “three.”"]);
        assert_eq!(texts(&a), vec!["One,", "two", "three."]);
    }

    #[test]
    fn carried_into_next_paragraph() {
        let a = article(&[
            "“We will not move,” she said. “The talks go on.",
            "“We will be back next week.”",
            "Later she left.",
        ]);
        let qs = find(&a);
        assert_eq!(qs.len(), 2);
        assert_eq!(
            qs[1].text(&a),
            "The talks go on. We will be back next week."
        );
        assert_eq!(qs[1].paragraph, 0);
    }

    #[test]
    fn odd_marks_spoil_only_their_paragraph() {
        let a = article(&[
            "He said “this never closes. And “this does,” she said.",
            "“Fine,” he said.",
        ]);
        assert_eq!(texts(&a), vec!["this does,", "Fine,"]);
        let b = article(&["A stray ” closer and “a quote.”", "Unclosed “start here."]);
        assert_eq!(texts(&b), vec!["a quote."]);
    }
}
