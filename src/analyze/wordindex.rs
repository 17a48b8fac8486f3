//! An index of where each capitalised word of a text starts, so names are found in time linear in the text.
//!
//! Resolving "Rubio said" asks where else the text writes "Rubio": scanning the whole text for
//! every speaker mention costs the text's length each time, quadratic on a long article. The
//! index is built in one pass and answers each question in time proportional to its answers.

use std::collections::BTreeMap;
use std::ops::Bound;

/// Byte positions of the capitalised words of one text, by word.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// Alphanumeric run starting with an upper-case letter → byte positions where it starts.
    starts: BTreeMap<String, Vec<usize>>,
}

/// True for the characters a word is made of.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl WordIndex {
    /// Indexes every run of word characters that starts with an upper-case letter at a word start.
    pub fn build(text: &str) -> WordIndex {
        let mut starts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut run: Option<usize> = None;
        let mut prev_word = false;
        for (i, c) in text.char_indices() {
            let is_word = word_char(c);
            if is_word && !prev_word && c.is_uppercase() {
                run = Some(i);
            } else if !is_word {
                if let Some(s) = run.take() {
                    starts.entry(text[s..i].to_string()).or_default().push(s);
                }
            }
            prev_word = is_word;
        }
        if let Some(s) = run {
            starts.entry(text[s..].to_string()).or_default().push(s);
        }
        WordIndex { starts }
    }

    /// The byte positions, in text order, where `word` occurs in `text` at a word start (the
    /// character before is not a word character). `text` must be the indexed text.
    pub fn occurrences(&self, text: &str, word: &str) -> Vec<usize> {
        let lead: &str = {
            let end = word
                .char_indices()
                .find(|&(_, c)| !word_char(c))
                .map_or(word.len(), |(i, _)| i);
            &word[..end]
        };
        if !lead.chars().next().is_some_and(char::is_uppercase) {
            return Self::scan(text, word);
        }
        let mut found: Vec<usize> = self
            .starts
            .range::<str, _>((Bound::Included(lead), Bound::Unbounded))
            .take_while(|(key, _)| key.starts_with(lead))
            .flat_map(|(_, positions)| positions.iter().copied())
            .filter(|&p| text[p..].starts_with(word))
            .collect();
        found.sort_unstable();
        found
    }

    /// The slow path for words the index does not hold: a scan of the whole text.
    fn scan(text: &str, word: &str) -> Vec<usize> {
        if word.is_empty() {
            return Vec::new();
        }
        text.match_indices(word)
            .map(|(p, _)| p)
            .filter(|&p| !text[..p].chars().next_back().is_some_and(word_char))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_at_word_starts_only() {
        let text = "Lee met Leeds fans. McLee and O'Neill left; Lee’s aide stayed.";
        let idx = WordIndex::build(text);
        let lee: Vec<&str> = idx
            .occurrences(text, "Lee")
            .iter()
            .map(|&p| text[p..].split(' ').next().unwrap())
            .collect();
        assert_eq!(lee, ["Lee", "Leeds", "Lee’s"]);
        assert_eq!(idx.occurrences(text, "O'Neill").len(), 1);
        assert_eq!(
            idx.occurrences(text, "stayed"),
            [text.find("stayed").unwrap()]
        );
    }

    #[test]
    fn agrees_with_a_scan_of_the_text() {
        let text = "Ann Annan said. ANN and Anna; Ann’s Ann-Marie Annan.";
        let idx = WordIndex::build(text);
        for w in ["Ann", "Annan", "Anna", "Ann-Marie", "ANN", "Ann’s"] {
            assert_eq!(idx.occurrences(text, w), WordIndex::scan(text, w), "{w}");
        }
    }
}
