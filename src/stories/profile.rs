//! Article profiles for story grouping: TF-IDF vectors of stemmed content words and word pairs.
//!
//! - *Words*: the headline (counted [`TITLE_WEIGHT`] times: it names the event) and every
//!   sentence of the body, reduced to stemmed content words (the ranker's stop words and stems,
//!   `analyze::rank::content_tokens`).
//! - *Word pairs*: neighbouring content words of one sentence ("arms embargo", "stamp duty"),
//!   at [`PAIR_WEIGHT`]: a pair is more specific to an event than either word.
//! - *Weights*: `(1 + ln tf) · idf` with the smoothed `idf = ln((1 + n) / (1 + df)) + 1` over the
//!   batch, so words every article uses (the campaign, the party, the leader) count for little
//!   and words two or three articles share count most; vectors are scaled to unit length so
//!   long and short articles compare alike.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::analyze::rank::content_tokens;
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
/// Each distinct lower-cased word is stemmed once.
struct Vocabulary {
    stemmer: Stemmer,
    /// Lower-cased word → its stem's term id.
    words_seen: HashMap<String, u32>,
    /// Stem → term id.
    stems: HashMap<String, u32>,
    /// Pair of word term ids → the pair's term id.
    pairs: HashMap<(u32, u32), u32>,
    /// How each term is written, by term id.
    words: Vec<String>,
}

impl Vocabulary {
    fn new() -> Self {
        Vocabulary {
            stemmer: Stemmer::create(Algorithm::English),
            words_seen: HashMap::default(),
            stems: HashMap::default(),
            pairs: HashMap::default(),
            words: Vec::new(),
        }
    }

    /// The term id of a word written `written`, lower-cased `lower`.
    fn word(&mut self, written: &str, lower: Cow<str>) -> u32 {
        let id = match self.words_seen.get(lower.as_ref()) {
            Some(&id) => id,
            None => {
                let stem = self.stemmer.stem(&lower).into_owned();
                let next = self.words.len() as u32;
                let id = *self.stems.entry(stem).or_insert(next);
                if id == next {
                    self.words.push(written.to_string());
                }
                self.words_seen.insert(lower.into_owned(), id);
                id
            }
        };
        let known = &mut self.words[id as usize];
        if starts_upper(known) && !starts_upper(written) {
            *known = written.to_string();
        }
        id
    }

    /// The term id of the pair of words `a` then `b`.
    fn pair(&mut self, a: u32, b: u32) -> u32 {
        if let Some(&id) = self.pairs.get(&(a, b)) {
            return id;
        }
        let id = self.words.len() as u32;
        let written = format!("{} {}", self.words[a as usize], self.words[b as usize]);
        self.words.push(written);
        self.pairs.insert((a, b), id);
        id
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Adds the words and word pairs of one sentence (or headline), each counted `weight` times.
fn count(text: &str, weight: f32, vocab: &mut Vocabulary, tf: &mut HashMap<u32, f32>) {
    let mut previous: Option<u32> = None;
    for (word, lower) in content_tokens(text) {
        let id = vocab.word(word, lower);
        *tf.entry(id).or_default() += weight;
        if let Some(p) = previous.take() {
            let pair = vocab.pair(p, id);
            *tf.entry(pair).or_default() += weight * PAIR_WEIGHT;
        }
        previous = Some(id);
    }
}

/// How much of an article's body (bytes) its profile reads: news articles are far shorter; a
/// book-length text is known by its opening, not by its whole length.
const BODY_MAX_BYTES: usize = 64 * 1024;

/// The raw term counts of one article: headline, then the sentences of its analysis (the body's
/// paragraphs when the analysis has none).
fn counts(article: &Article, analysis: &Analysis, vocab: &mut Vocabulary) -> HashMap<u32, f32> {
    let mut tf = HashMap::default();
    count(&article.title, TITLE_WEIGHT, vocab, &mut tf);
    let mut read = 0;
    let mut within = |text: &str| {
        read += text.len();
        read - text.len() < BODY_MAX_BYTES
    };
    if analysis.sentences.is_empty() {
        for p in article.text.split("\n\n").take_while(|p| within(p)) {
            count(p, 1.0, vocab, &mut tf);
        }
    }
    for s in analysis.sentences.iter().take_while(|s| within(&s.text)) {
        count(&s.text, 1.0, vocab, &mut tf);
    }
    tf
}

/// The TF-IDF profile of every article of `items`.
pub fn profiles(items: &[(Article, Analysis)]) -> Profiles {
    let mut vocab = Vocabulary::new();
    let raw: Vec<HashMap<u32, f32>> = items
        .iter()
        .map(|(a, an)| counts(a, an, &mut vocab))
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
