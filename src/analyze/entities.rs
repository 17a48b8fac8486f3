//! Named entities: countries (and their demonyms, from the `keshvar` gazetteer), organisations
//! recognised by their head word or a known acronym, and the people the speaker pass found.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::analyze::people::People;
use crate::lexicon::{expand, ORG_ACRONYMS};
use crate::model::{Entity, EntityKind};

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

static ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(
        r"(?-u:\b)(?:[A-Z][%L%\-]+\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,4}(?:%ORG_HEADS%)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][%L%\-]+(?:\s+[A-Z][%L%\-]+){0,3})?",
    ))
    .expect("org regex")
});

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&expand(r"[%L%][%L%\-]*(?:\.[%L%]\.?)*"))
        .expect("word regex")
});

/// Builds the gazetteer and compiles this module's patterns now rather than on first use.
pub fn warm_up() {
    LazyLock::force(&COUNTRIES);
    LazyLock::force(&ORG);
    LazyLock::force(&WORD);
}

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

/// Finds the entities of `text`, most mentioned first; `people` supplies the persons.
pub fn find(text: &str, people: &People) -> Vec<Entity> {
    let mut counts: HashMap<(EntityKind, String), usize> = HashMap::new();
    let words: Vec<regex::Match> = WORD.find_iter(text).collect();
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        // Country names and demonyms are capitalised: other words need no look-up.
        let upper = words[i]
            .as_str()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        for n in (1..=3).rev().filter(|_| upper) {
            if i + n > words.len() {
                continue;
            }
            let (s, e) = (words[i].start(), words[i + n - 1].end());
            let phrase = &text[s..e];
            if let Some(c) = country(phrase).filter(|_| phrase.len() > 1) {
                *counts
                    .entry((EntityKind::Country, c.to_string()))
                    .or_default() += 1;
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    for m in ORG.find_iter(text) {
        let name = m.as_str().trim_start_matches("The ").to_string();
        // A bare head word ("the Bank") is a back-reference, not a name.
        if !name.contains(' ') && !["Pentagon", "Kremlin", "Parliament"].contains(&name.as_str()) {
            continue;
        }
        *counts.entry((EntityKind::Organisation, name)).or_default() += 1;
    }
    for w in &words {
        if ORG_ACRONYMS.contains(&w.as_str()) {
            *counts
                .entry((EntityKind::Organisation, w.as_str().to_string()))
                .or_default() += 1;
        }
    }
    for (i, p) in people.persons().iter().enumerate() {
        *counts
            .entry((EntityKind::Person, p.name.clone()))
            .or_default() += people.mention_count(i);
    }
    let mut out: Vec<Entity> = counts
        .into_iter()
        .map(|((kind, name), mentions)| Entity {
            name,
            kind,
            mentions,
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_demonyms() {
        assert_eq!(country("Pakistani"), Some("Pakistan"));
        assert_eq!(country("India’s"), Some("India"));
        assert_eq!(country("U.S."), country("United States"));
        assert!(country("Rubio").is_none());
    }

    #[test]
    fn finds_countries_orgs_people() {
        let text = "Secretary of State Marco Rubio said the Pakistani and Indian governments \
                    met at the United Nations Security Council and NATO. Pakistan agreed.";
        let people = People::scan(text);
        let e = find(text, &people);
        let has = |k: EntityKind, n: &str| e.iter().any(|x| x.kind == k && x.name == n);
        assert!(has(EntityKind::Country, "Pakistan"));
        assert!(has(EntityKind::Country, "India"));
        assert!(has(EntityKind::Person, "Marco Rubio"));
        assert!(has(EntityKind::Organisation, "NATO"));
        assert!(e
            .iter()
            .any(|x| x.kind == EntityKind::Organisation && x.name.contains("Council")));
        assert_eq!(
            e.iter().find(|x| x.name == "Pakistan").map(|x| x.mentions),
            Some(2)
        );
    }
}
