//! The cues of attribution as patterns: a speaker and a verb of saying after or before a
//! quotation, reported speech ("X said that …", "…, X said"), "according to X"; each searched
//! only in text that holds the words it cannot match without.

use std::sync::LazyLock;

use crate::analyze::windows::Words;
use crate::lexicon::{
    compile as pattern, CLOSING_VERBS, QUOTE_VERBS, REPORTING_VERBS, SAYING_PARTICIPLES,
};
use crate::pattern::{Engine, Groups, Pattern};

/// A speaker as written: pronoun, description or (role +) name.
const SPK: &str = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|(?:the|a|an|The|A|An)\s+(?:[%L%’'\-]+\s+){0,4}?[%L%’'\-]+|(?:(?:[A-Z][%L%.’'\-]*|%SPEAKER_JOINERS%)\s+){0,6}[A-Z][%L%’'\-]+)";

/// A word that leads into a sentence before its subject ("But", "However,"), optional.
const LEAD: &str =
    r"(?:(?:But|And|Yet|Still|However|Meanwhile|Separately|Later|Earlier|Now),?\s+)?";

/// When, right after the verb: "on Monday", "today", "last week".
const TIME: &str = r"(?:\s+(?:on\s+)?(?:%WEEKDAYS%|today|yesterday|last\s+week|this\s+week|earlier|later|recently))?";

static CUE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"^[\s,]*(?:(?P<spk1>(?:[a-z][a-z\-]+\s+){{0,2}}?{SPK})(?:,\s+(?P<app1>[^,“”\x22]+?),)?\s+(?:(?:has|had|have|also|then|later|again|once|further)\s+)?(?P<v1>%QUOTE_VERBS%)(?-u:\b)|(?P<v2>%QUOTE_VERBS%)\s+(?P<spk2>(?:[a-z][a-z\-]+\s+){{0,3}}?{SPK})(?:,\s+(?P<app2>[^,“”\x22]+?),)?|[―—–]+\s*(?P<spk3>{SPK}))"
    ))
    .expect("cue-after regex")
});

static CUE_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"(?:^|[\s(])(?P<spk>{SPK})(?:,\s+(?P<app>[^,“”\x22]+?),)?\s+(?:[a-z]+ly\s+)?(?P<v>%QUOTE_VERBS%)(?-u:\b)(?:[^“”\x22.:,]*?[:,])?\s*$|(?:^|[.!?”]\s+)(?P<spk4>[A-Z][%L%’'\-]+(?:\s+[A-Z][%L%’'\-]+){{0,2}}):\s*$"
    ))
    .expect("cue-before regex")
});

/// The subject of a sentence that goes on to a participle of saying right before its
/// quotation ("Clinton claimed victory in a tweet, saying: “…”", "Ryan’s campaign shrugged
/// it off, telling reporters, “…”"): a pronoun or capitalised name, then a lower-case word (its
/// verb).
static SUBJECT_SAYING: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"^\s*{LEAD}(?P<spk>[Hh]e|[Ss]he|[Tt]hey|(?:[A-Z][%L%.’'\-]*\s+){{0,6}}[A-Z][%L%’'\-]+)(?:\s+\([^()“”\x22]*\))?\s+[a-z][^“”\x22]*?,\s+(?:(?P<v>%SAYING%)(?-u:\b)|(?P<t>telling)\s+[^“”\x22:,]+?)\s*[:,]?\s*$"
    ))
    .expect("subject-saying regex")
});

static REPORTED_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"^{LEAD}(?:[^,“”\x22]*,\s+)?(?P<spk>{SPK})(?:,\s+(?P<app>[^,“”\x22]+?),)?\s+(?:(?:also|repeatedly|later|again|has|had|have|then|further|previously|publicly|separately|[a-z]+ly)\s+)*(?P<v>%REPORTING_VERBS%|told(?:\s+(?:(?:the|a|an)\s+(?:[%L%\-]+\s+)?(?:%TOLD_BODIES%)|(?:[A-Z][%L%]+\s+)?(?:%AUDIENCES%)|[A-Z][%L%]+(?:\s+[A-Z][%L%]+)?)))(?-u:\b){TIME}(?:(?:\s+(?:on|in|at|during|after|before|aboard|from|by)\s+[^,“”\x22]+?)?\s+that\s+|(?:\s+(?:on|in|at|during|after|before|aboard|from|by)\s+[^,]+,)?,?\s+)(?P<content>.+)$"
    ))
    .expect("reported-first regex")
});

static REPORTED_LAST: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"^(?P<content>[^“”\x22]+?),\s+(?P<spk>{SPK})(?:,\s+(?P<app>[^,“”\x22]+?),)?\s+(?P<v>%CLOSING_VERBS%|told\s+[%L%]+){TIME}(?:[.,;]|\s+(?:in|at|on|during|after|before|while)(?-u:\b))"
    ))
    .expect("reported-last regex")
});

static ACCORDING_TO: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(r",?\s*(?i:according\s+to)\s+(?P<spk>{SPK}),?")).expect("according-to regex")
});

/// Builds `engine` of the cue patterns ([`crate::pattern`]) and the verb searchers now.
pub fn warm_up(engine: Engine) {
    for re in [
        &CUE_AFTER,
        &CUE_BEFORE,
        &REPORTED_FIRST,
        &REPORTED_LAST,
        &ACCORDING_TO,
        &SUBJECT_SAYING,
    ] {
        re.prepare(engine);
    }
    for words in [
        &QUOTE_VERB_WORDS,
        &REPORTING_WORDS,
        &CLOSING_WORDS,
        &SAYING_WORDS,
    ] {
        words.prepare(engine);
    }
}

/// Where a verb of [`QUOTE_VERBS`] occurs: every cue beside a quotation names one (or is a
/// dash, or a name and a colon).
static QUOTE_VERB_WORDS: Words = Words::new(|| QUOTE_VERBS.to_vec());

/// Where a verb of [`REPORTING_VERBS`] or "told" occurs: [`REPORTED_FIRST`] needs one.
static REPORTING_WORDS: Words = Words::new(|| [REPORTING_VERBS, &["told"]].concat());

/// Where a verb of [`CLOSING_VERBS`] or "told" occurs: [`REPORTED_LAST`] needs one.
static CLOSING_WORDS: Words = Words::new(|| [CLOSING_VERBS, &["told"]].concat());

/// The cue after a quotation (`after` is the text that follows it): a speaker and a verb
/// ("…,” she said"), a verb and a speaker ("said Okafor"), or a dash and a speaker.
pub fn cue_after(after: &str) -> Option<Groups<'static, '_>> {
    let may = QUOTE_VERB_WORDS.is_match(after) || after.contains(['―', '—', '–']);
    may.then(|| CUE_AFTER.captures(after)).flatten()
}

/// The cue before a quotation (`before` is its sentence up to it): "Okafor said:" or "Okafor:".
pub fn cue_before(before: &str) -> Option<Groups<'static, '_>> {
    let may = QUOTE_VERB_WORDS.is_match(before) || before.contains(':');
    may.then(|| CUE_BEFORE.captures(before)).flatten()
}

/// Where a participle of [`SAYING_PARTICIPLES`] occurs: [`SUBJECT_SAYING`] needs one.
static SAYING_WORDS: Words = Words::new(|| SAYING_PARTICIPLES.to_vec());

/// The subject of the sentence before a quotation that a participle of saying leads into
/// ("Clinton claimed victory in a tweet, saying:").
pub fn subject_saying(before: &str) -> Option<Groups<'static, '_>> {
    let may = before.contains(',') && SAYING_WORDS.is_match(before);
    may.then(|| SUBJECT_SAYING.captures(before))
        .flatten()
        // "In early October, …", "Here in Columbia, …": an opening phrase, not a subject.
        .filter(|c| {
            let first = c["spk"].split_whitespace().next().unwrap_or_default();
            !crate::analyze::names::not_a_name(first)
        })
}

/// "according to X" in a sentence.
pub fn according_to(sentence: &str) -> Option<Groups<'static, '_>> {
    let may = sentence
        .as_bytes()
        .windows(9)
        .any(|w| w.eq_ignore_ascii_case(b"according"));
    may.then(|| ACCORDING_TO.captures(sentence)).flatten()
}

/// Reported speech closing a sentence: "…, X said."
pub fn reported_last(sentence: &str) -> Option<Groups<'static, '_>> {
    let may = sentence.contains(',') && CLOSING_WORDS.is_match(sentence);
    may.then(|| REPORTED_LAST.captures(sentence)).flatten()
}

/// Reported speech opening a sentence: "X said that …", "X warned on Monday …".
pub fn reported_first(sentence: &str) -> Option<Groups<'static, '_>> {
    let may = REPORTING_WORDS.is_match(sentence);
    may.then(|| REPORTED_FIRST.captures(sentence)).flatten()
}

#[cfg(test)]
mod tests;
