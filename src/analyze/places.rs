//! Places and groups by name: the country gazetteer (countries, their aliases and demonyms, from
//! `keshvar`) and organisations recognised by their head word or a known acronym — what a
//! capitalised phrase names when it is not a person.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{compile, ORG_ACRONYMS};

/// Every country name, alias and demonym (lower-case) → the country's usual English name.
static COUNTRIES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    let latin = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii() || c.is_alphabetic() && c < '\u{250}')
    };
    // UN members first, so "Indian" stays India and not the British Indian Ocean Territory.
    let mut countries: Vec<keshvar::Country> = keshvar::CountryIterator::new().collect();
    countries.sort_by_key(|c| !c.un_member());
    for c in countries {
        let canonical = c
            .unofficial_name_list()
            .iter()
            .copied()
            .find(|s| latin(s))
            .unwrap_or(c.iso_short_name())
            .to_string();
        let names = [
            Some(c.iso_short_name()),
            Some(canonical.as_str()),
            c.maybe_nationality(),
        ];
        for n in names.into_iter().flatten() {
            m.entry(n.to_lowercase())
                .or_insert_with(|| canonical.clone());
        }
    }
    let us = m
        .get("united states")
        .cloned()
        .unwrap_or("United States".into());
    let uk = m
        .get("united kingdom")
        .cloned()
        .unwrap_or("United Kingdom".into());
    for (alias, target) in [
        ("us", &us),
        ("u.s.", &us),
        ("usa", &us),
        ("america", &us),
        ("american", &us),
        ("uk", &uk),
        ("u.k.", &uk),
        ("britain", &uk),
        ("british", &uk),
    ] {
        m.insert(alias.to_string(), target.clone());
    }
    m
});

/// An organisation name: up to four capitalised words, a head word, an "of …" tail.
pub(crate) static ORG: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?-u:\b)(?:[A-Z][%L%\-]+\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,4}(?:%ORG_HEADS%)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][%L%\-]+(?:\s+[A-Z][%L%\-]+){0,3})?",
    )
    .expect("org regex")
});

/// The country a single word or phrase names ("Pakistani" → Pakistan), if any.
pub fn country(s: &str) -> Option<&'static str> {
    let s = crate::analyze::rank::without_possessive(s);
    COUNTRIES.get(&s.to_lowercase()).map(String::as_str)
}

/// Whether `s` names a country, nationality or organisation rather than a person.
pub fn is_place_or_group(s: &str) -> bool {
    country(s).is_some()
        || s.split_whitespace()
            .any(|w| country(w).is_some() && s.split_whitespace().count() == 1)
        || ORG.find(s).is_some_and(|m| m.as_str() == s)
        || ORG_ACRONYMS.contains(&s)
}

/// The organisation a speaker mention names ("The European Commission" → "European
/// Commission", "NATO"), when it is one.
pub fn organisation(mention: &str) -> Option<String> {
    let m = mention.trim();
    let name = m
        .strip_prefix("The ")
        .or_else(|| m.strip_prefix("the "))
        .unwrap_or(m);
    let whole = ORG
        .find(name)
        .is_some_and(|f| f.as_str() == name && name.contains(' '));
    (whole || ORG_ACRONYMS.contains(&name)).then(|| name.to_string())
}

/// Builds the gazetteer and compiles the organisation pattern now rather than on first use.
pub fn warm_up() {
    LazyLock::force(&COUNTRIES);
    LazyLock::force(&ORG);
}
