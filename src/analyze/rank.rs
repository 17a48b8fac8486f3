//! Key-sentence ranking for the bottom line.
//!
//! Method: each sentence gets `0.9·lead + 0.1·centrality`, times penalties.
//! - *lead*: news is written as an inverted pyramid, so the lead carries the story;
//!   `1 / (1 + 0.35·i)` for the i-th sentence of the body.
//! - *centrality*: cosine similarity between the sentence's stemmed content words and the whole
//!   article's (TF weighted), normalised by the best sentence — the sentence that best covers the
//!   article's vocabulary.
//! - penalties: sentences that are mostly a direct quotation (a bottom line is the analyst's
//!   statement of fact, not a speaker's words) ×0.6, questions ×0.5, fewer than 8 words ×0.5,
//!   more than 60 words ×0.8.
//!
//! Scores are divided by the best so they lie in `[0, 1]`.
//!
//! The weights were chosen on the shared CNN/DailyMail and BBC dev sets (tests/quality.md): the
//! lead prior is what beats Lead-3 on news highlights; more centrality (or a preference for long
//! sentences) helps BBC's long extractive references but costs more on CNN/DailyMail than it
//! gains, and a bottom line should read like the story's lead.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::{KeySentence, Sentence};

/// Weight of the lead prior against centrality.
const LEAD_WEIGHT: f64 = 0.9;

/// The English stop words of the `stop-words` crate, a word a line (written by build.rs).
const STOP_WORDS_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/stop_words_en.txt"));

/// The stop words and the speech words every article repeats: looked up for every word of
/// every sentence, so with a fast hash.
static STOP: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut s: FxHashSet<&'static str> = STOP_WORDS_EN.lines().collect();
    s.extend(["said", "says", "told", "added", "mr", "ms", "mrs"]);
    s
});

/// `word` without its possessive endings ("Lee’s" → "Lee"); `strip_suffix` in a loop, not
/// `trim_end_matches` with a string, which builds a substring searcher for every word.
pub fn without_possessive(mut word: &str) -> &str {
    while let Some(w) = word.strip_suffix("’s") {
        word = w;
    }
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    word
}

/// Stemmed content words of `text` (lower-cased; stop words and numbers dropped).
pub fn terms(text: &str, stemmer: &Stemmer) -> Vec<String> {
    content_words(text, stemmer).map(|(_, s)| s).collect()
}

/// The content words of `text` as written (possessive `'s` trimmed; stop words, one-letter words
/// and numbers dropped), each with its lower-cased stem.
pub fn content_words<'a>(
    text: &'a str,
    stemmer: &'a Stemmer,
) -> impl Iterator<Item = (&'a str, String)> + 'a {
    content_tokens(text).map(|(w, lower)| (w, stemmer.stem(&lower).into_owned()))
}

/// The content words of `text` as written and lower-cased, not stemmed (what
/// [`content_words`] stems); a word already in lower case is not copied.
pub fn content_tokens(text: &str) -> impl Iterator<Item = (&str, Cow<'_, str>)> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| without_possessive(w.trim_matches(['\'', '’'])))
        .filter(|w| w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|w| {
            let lower = if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            };
            (!STOP.contains(lower.as_ref())).then_some((w, lower))
        })
}

/// Term ids of each sentence: stemmed content words, each distinct word stemmed once.
fn term_ids(sentences: &[Sentence]) -> (Vec<Vec<u32>>, usize) {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut by_word: FxHashMap<String, u32> = FxHashMap::default();
    let mut by_stem: FxHashMap<String, u32> = FxHashMap::default();
    let per = sentences
        .iter()
        .map(|s| {
            content_tokens(&s.text)
                .map(|(_, lower)| {
                    if let Some(&id) = by_word.get(lower.as_ref()) {
                        return id;
                    }
                    let next = by_stem.len() as u32;
                    let id = *by_stem
                        .entry(stemmer.stem(&lower).into_owned())
                        .or_insert(next);
                    by_word.insert(lower.into_owned(), id);
                    id
                })
                .collect()
        })
        .collect();
    (per, by_stem.len())
}

/// Cosine similarity of a sentence's term frequencies (`terms`, unsorted ids) with the
/// article's (`doc`, indexed by id, with its norm `doc_norm`).
fn cosine(terms: &[u32], doc: &[f64], doc_norm: f64) -> f64 {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let (mut dot, mut norm) = (0.0, 0.0);
    for run in sorted.chunk_by(|a, b| a == b) {
        let f = run.len() as f64;
        dot += f * doc[run[0] as usize];
        norm += f * f;
    }
    if norm == 0.0 || doc_norm == 0.0 {
        0.0
    } else {
        dot / (norm.sqrt() * doc_norm)
    }
}

/// Share of a sentence's characters inside quotation marks.
pub fn quoted_share(s: &str) -> f64 {
    let mut inside = false;
    let (mut q, mut all) = (0usize, 0usize);
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ => {
                all += 1;
                if inside {
                    q += 1;
                }
            }
        }
    }
    if all == 0 {
        0.0
    } else {
        q as f64 / all as f64
    }
}

/// Ranks `sentences`, returning the best `n`, best first.
pub fn key_sentences(sentences: &[Sentence], n: usize) -> Vec<KeySentence> {
    let (per, vocabulary) = term_ids(sentences);
    let mut doc = vec![0.0; vocabulary];
    for &t in per.iter().flatten() {
        doc[t as usize] += 1.0;
    }
    let doc_norm = doc.iter().map(|v| v * v).sum::<f64>().sqrt();
    let cent: Vec<f64> = per.iter().map(|t| cosine(t, &doc, doc_norm)).collect();
    let max_cent = cent.iter().cloned().fold(0.0, f64::max).max(1e-9);
    let mut scored: Vec<KeySentence> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.cut)
        .map(|(i, s)| {
            let lead = 1.0 / (1.0 + 0.35 * i as f64);
            let mut score = LEAD_WEIGHT * lead + (1.0 - LEAD_WEIGHT) * cent[i] / max_cent;
            let words = s.text.split_whitespace().count();
            if quoted_share(&s.text) > 0.5 {
                score *= 0.6;
            }
            if s.text.trim_end_matches(['”', '"']).ends_with('?') {
                score *= 0.5;
            }
            if words < 8 {
                score *= 0.5;
            } else if words > 60 {
                score *= 0.8;
            }
            KeySentence { sentence: i, score }
        })
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentence.cmp(&b.sentence))
    });
    scored.truncate(n);
    let best = scored.first().map_or(1.0, |k| k.score.max(1e-9));
    for k in &mut scored {
        k.score /= best;
    }
    scored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn s(text: &str) -> Sentence {
        Sentence {
            cut: false,
            paragraph: 0,
            span: Span::new(0, 0),
            text: text.into(),
        }
    }

    #[test]
    fn lead_and_central_sentences_win_quotes_lose() {
        let sents = vec![
            s("The government of Freedonia raised fuel prices by a third on Monday, setting off protests in the capital."),
            s("“We had no choice at all in this matter,” the minister said."),
            s("Is this fair?"),
            s("Protests over fuel prices spread to three more cities as the government refused to reverse the rise."),
            s("The weather was mild."),
        ];
        let k = key_sentences(&sents, 3);
        assert_eq!(k[0].sentence, 0);
        assert_eq!(k[1].sentence, 3);
        assert!((k[0].score - 1.0).abs() < 1e-9);
        assert!(k.iter().all(|k| k.sentence != 2));
    }
}
