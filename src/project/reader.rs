//! An article's paragraphs cut into plain and statement segments, for reading it with its
//! statements highlighted (the UI never computes offsets itself).

use serde::{Deserialize, Serialize};

use crate::compose::statement_key;
use crate::model::{Analysis, Article};

/// A run of a paragraph's text: plain, or (part of) a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Key of the statement this run belongs to (see [`statement_key`]).
    pub statement: Option<String>,
    /// The statement's speaker, when known.
    pub speaker: Option<String>,
}

/// Each paragraph of `article` as segments; statements of `analysis` are their own segments
/// (a statement spanning paragraphs is cut at the paragraph ends).
pub fn segments(article: &Article, analysis: &Analysis) -> Vec<Vec<Segment>> {
    let mut spans: Vec<_> = analysis
        .statements
        .iter()
        .map(|s| {
            (
                s.provenance.span,
                statement_key(&s.provenance),
                s.speaker.as_ref().map(|p| p.name.clone()),
            )
        })
        .collect();
    spans.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
    article
        .paragraphs
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            let mut at = p.span.start;
            for (span, key, speaker) in &spans {
                let start = span.start.max(at);
                let end = span.end.min(p.span.end);
                // Overlaps with an earlier statement or outside this paragraph: skip.
                if start >= end {
                    continue;
                }
                push(&mut out, article, at, start, None, None);
                push(&mut out, article, start, end, Some(key), speaker.as_ref());
                at = end;
            }
            push(&mut out, article, at, p.span.end, None, None);
            out
        })
        .collect()
}

fn push(
    out: &mut Vec<Segment>,
    article: &Article,
    start: usize,
    end: usize,
    key: Option<&String>,
    speaker: Option<&String>,
) {
    if start >= end {
        return;
    }
    let Some(text) = article.text.get(start..end) else {
        return;
    };
    out.push(Segment {
        text: text.to_string(),
        statement: key.cloned(),
        speaker: speaker.cloned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, ingest};

    #[test]
    fn segments_rebuild_each_paragraph_and_mark_the_quotes() {
        let text =
            "Port talks\n\nThe minister spoke on Monday.\n\n“We will reopen the port,” said \
                    Transport Minister Lena Ortiz. Trade resumed.";
        let article = ingest::ingest("port.txt", text.as_bytes()).unwrap();
        let analysis = analyze::analyze(&article);
        let segs = segments(&article, &analysis);
        assert_eq!(segs.len(), article.paragraphs.len());
        for (p, s) in article.paragraphs.iter().zip(&segs) {
            let joined: String = s.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(joined, article.slice(p.span));
        }
        let marked: Vec<&Segment> = segs
            .iter()
            .flatten()
            .filter(|s| s.statement.is_some())
            .collect();
        assert!(!marked.is_empty(), "{segs:?}");
        assert!(marked
            .iter()
            .any(|s| s.text.contains("We will reopen the port")
                && s.speaker.as_deref() == Some("Lena Ortiz")));
    }
}
