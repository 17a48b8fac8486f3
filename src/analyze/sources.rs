//! Speakers that are not named persons: an organisation named as such ("the European
//! Commission", "UK Coal") and an unnamed source as the text describes it ("an Iowa Democrat").

use crate::lexicon::QUOTE_VERBS;
use crate::model::Speaker;

/// An unnamed source as the text describes one ("said an Iowa Democrat", "a senior source at
/// the club told the BBC"), from `from` (the text at the mention): an indefinite description up
/// to its punctuation, verb of saying or [`SOURCE_ENDS`], at most [`SOURCE_WORDS`] words,
/// capitalised.
pub(crate) fn anonymous_source(from: &str) -> Option<Speaker> {
    let first = from.split_whitespace().next()?;
    if !["a", "an", "A", "An", "another", "Another", "one", "One"].contains(&first) {
        return None;
    }
    let clause = from.split(|c: char| ",.;:!?“”\"(\n".contains(c)).next()?;
    let words: Vec<&str> = clause
        .split_whitespace()
        .take_while(|w| !QUOTE_VERBS.contains(w) && !SOURCE_ENDS.contains(w))
        .take(SOURCE_WORDS + 1)
        .collect();
    if words.len() < 2 || words.len() > SOURCE_WORDS {
        return None;
    }
    let name = words.join(" ");
    let mut chars = name.chars();
    let name = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())?;
    Some(Speaker { name, role: None })
}

/// Words that end the description of an unnamed source: a relative clause or a time after it
/// ("a new video where she …", "an IMF official on Wednesday").
const SOURCE_ENDS: &[&str] = &[
    "where", "who", "whom", "which", "that", "when", "while", "on",
];

/// Longest description of an unnamed source, in words ("a senior official at the
/// ministry of finance").
const SOURCE_WORDS: usize = 8;

/// A speaker that is an organisation named as such ("the European Commission", "NATO").
pub(crate) fn organisation_speaker(mention: &str) -> Option<Speaker> {
    crate::analyze::places::organisation(mention).map(|name| Speaker { name, role: None })
}
