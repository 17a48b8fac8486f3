//! Places and groups by name: the country gazetteer (countries, their aliases and demonyms, from
//! `keshvar`, written out by build.rs) and organisations recognised by their head word or a known
//! acronym — what a capitalised phrase names when it is not a person.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::analyze::windows;
use crate::lexicon::{compile, is_name_letter, ORG_ACRONYMS, ORG_HEADS};
use crate::pattern::{Engine, Pattern};

/// The gazetteer as build.rs writes it from `keshvar`: `name<TAB>country` lines, the name
/// lower-case (countries, aliases, demonyms), the country by its usual English name.
const COUNTRY_LINES: &str = include_str!(concat!(env!("OUT_DIR"), "/countries.txt"));

/// Every country name, alias and demonym (lower-case) → the country's usual English name.
static COUNTRIES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    COUNTRY_LINES
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// An organisation name: up to four capitalised words, a head word, an "of …" tail.
pub(crate) static ORG: LazyLock<Pattern> = LazyLock::new(|| {
    compile(
        r"(?-u:\b)(?:[A-Z][%L%\-]+\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,4}(?:%ORG_HEADS%)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][%L%\-]+(?:\s+[A-Z][%L%\-]+){0,3})?",
    )
    .expect("org regex")
});

/// Where the organisation head words occur: every match of [`ORG`] holds one.
static ORG_HEAD_WORDS: windows::Words = windows::Words::new(|| ORG_HEADS.to_vec());

/// How far around a head word an [`ORG`] match can reach, in words: four capitalised words
/// with "of the" before it (twelve), its own words and an "of …" tail after it (eight), and
/// three more each way for an overlapping head word found in its place.
const ORG_REACH: windows::Reach = windows::Reach {
    before: 15,
    after: 11,
};

/// The organisation names in `text`, as `ORG.find_iter(text)` gives them: searched only around
/// the head words, in the runs of letters, hyphens and white space that `ORG` can match.
pub fn organisations(text: &str) -> Vec<&str> {
    let heads = windows::occurrences(&ORG_HEAD_WORDS, text);
    let part = |c: char| is_name_letter(c) || c == '-' || c.is_whitespace();
    windows::captures_in(&ORG, text, &windows::around(text, &heads, ORG_REACH, part))
        .into_iter()
        .map(|c| c.whole().as_str())
        .collect()
}

/// The country a single word or phrase names ("Pakistani" → Pakistan), if any.
pub fn country(s: &str) -> Option<&'static str> {
    let s = crate::analyze::rank::without_possessive(s);
    COUNTRIES.get(s.to_lowercase().as_str()).copied()
}

/// Whether `s` names a country, nationality or organisation rather than a person.
pub fn is_place_or_group(s: &str) -> bool {
    country(s).is_some()
        || s.split_whitespace()
            .any(|w| country(w).is_some() && s.split_whitespace().count() == 1)
        || ORG.find(s) == Some(0..s.len())
        || ORG_ACRONYMS.contains(&s)
}

/// The organisation a speaker mention names ("The European Commission" → "European
/// Commission", "NATO", "UK Coal"), when it is one.
pub fn organisation(mention: &str) -> Option<String> {
    let m = mention.trim();
    let name = m
        .strip_prefix("The ")
        .or_else(|| m.strip_prefix("the "))
        .unwrap_or(m);
    let whole = ORG
        .find(name)
        .is_some_and(|f| f == (0..name.len()) && name.contains(' '));
    (whole || ORG_ACRONYMS.contains(&name) || acronym_named(name)).then(|| name.to_string())
}

/// Whether `name` is an organisation known by its initials: an acronym alone ("UNAIDS",
/// "TMZ") or before capitalised words ("UK Coal", "HVB Group"); not a country ("US") nor words
/// all in capitals ("DES MOINES", a dateline).
fn acronym_named(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let acronym = |w: &str| {
        (2..=7).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase() || c == '&')
    };
    let Some(first) = words.next().filter(|w| acronym(w)) else {
        return false;
    };
    if country(name).is_some() {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    first.chars().filter(char::is_ascii_uppercase).count() >= 2
        && rest.len() <= 3
        && rest.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().skip(1).any(|c| c.is_ascii_lowercase())
        })
}

/// Builds the gazetteer, `engine` of the organisation pattern ([`crate::pattern`]) and its
/// head-word searcher now.
pub fn warm_up(engine: Engine) {
    LazyLock::force(&COUNTRIES);
    ORG.prepare(engine);
    ORG_HEAD_WORDS.prepare(engine);
}
