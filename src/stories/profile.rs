//! Article profiles for story grouping: TF-IDF vectors of stemmed content words and word pairs.
//!
//! - *Words*: the headline (counted [`TITLE_WEIGHT`] times: it names the event) and every
//!   sentence of the body, reduced to stemmed content words (the ranker's stop words and stems,
//!   `analyze::rank::content_words`).
//! - *Word pairs*: neighbouring content words of one sentence ("arms embargo", "stamp duty"),
//!   at [`PAIR_WEIGHT`]: a pair is more specific to an event than either word.
//! - *Weights*: `(1 + ln tf) · idf` with the smoothed `idf = ln((1 + n) / (1 + df)) + 1` over the
//!   batch, so words every article uses (the campaign, the party, the leader) count for little
//!   and words two or three articles share count most; vectors are scaled to unit length so
//!   long and short articles compare alike.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::analyze::rank::content_words;
use crate::model::{Analysis, Article};

/// How many times the headline's words count.
pub const TITLE_WEIGHT: f32 = 2.0;
/// Weight of a word pair against a word.
pub const PAIR_WEIGHT: f32 = 0.5;

/// The profiles of a batch: one unit vector per article, `(term, weight)` sorted by term.
pub struct Profiles {
    /// Sparse unit vectors, one per article, in the batch's order.
    pub vectors: Vec<Vec<(u32, f32)>>,
    /// Each term as written in the batch ("FBI", "arms embargo"), by term id.
    pub words: Vec<String>,
}

/// Interns terms and remembers how each was written: in lower case if it ever was (a common
/// noun capitalised in a headline or at a sentence start is not a name), else as first seen.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocabulary {
    fn id(&mut self, term: String, written: String) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            let known = &mut self.words[id as usize];
            if starts_upper(known) && !starts_upper(&written) {
                *known = written;
            }
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(term, id);
        self.words.push(written);
        id
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Adds the words and word pairs of one sentence (or headline), each counted `weight` times.
fn count(
    text: &str,
    weight: f32,
    stemmer: &Stemmer,
    vocab: &mut Vocabulary,
    tf: &mut HashMap<u32, f32>,
) {
    let mut previous: Option<(&str, String)> = None;
    for (word, stem) in content_words(text, stemmer) {
        let id = vocab.id(stem.clone(), word.to_string());
        *tf.entry(id).or_default() += weight;
        if let Some((pw, ps)) = previous.take() {
            let pair = vocab.id(format!("{ps} {stem}"), format!("{pw} {word}"));
            *tf.entry(pair).or_default() += weight * PAIR_WEIGHT;
        }
        previous = Some((word, stem));
    }
}

/// The raw term counts of one article: headline, then the sentences of its analysis (the body's
/// paragraphs when the analysis has none).
fn counts(
    article: &Article,
    analysis: &Analysis,
    stemmer: &Stemmer,
    vocab: &mut Vocabulary,
) -> HashMap<u32, f32> {
    let mut tf = HashMap::new();
    count(&article.title, TITLE_WEIGHT, stemmer, vocab, &mut tf);
    if analysis.sentences.is_empty() {
        for p in article.text.split("\n\n") {
            count(p, 1.0, stemmer, vocab, &mut tf);
        }
    }
    for s in &analysis.sentences {
        count(&s.text, 1.0, stemmer, vocab, &mut tf);
    }
    tf
}

/// The TF-IDF profile of every article of `items`.
pub fn profiles(items: &[(Article, Analysis)]) -> Profiles {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut vocab = Vocabulary::default();
    let raw: Vec<HashMap<u32, f32>> = items
        .iter()
        .map(|(a, an)| counts(a, an, &stemmer, &mut vocab))
        .collect();
    let mut df = vec![0u32; vocab.words.len()];
    for tf in &raw {
        for &t in tf.keys() {
            df[t as usize] += 1;
        }
    }
    let n = items.len() as f32;
    let vectors = raw
        .into_iter()
        .map(|tf| {
            let mut v: Vec<(u32, f32)> = tf
                .into_iter()
                .map(|(t, c)| {
                    let idf = ((1.0 + n) / (1.0 + df[t as usize] as f32)).ln() + 1.0;
                    (t, (1.0 + c.max(1.0).ln()) * idf)
                })
                .collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect();
    Profiles {
        vectors,
        words: vocab.words,
    }
}

/// Cosine similarity of two unit vectors sorted by term.
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}
