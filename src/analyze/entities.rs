//! Named entities: countries (and their demonyms, from the `keshvar` gazetteer), organisations
//! recognised by their head word or a known acronym, and the people the speaker pass found.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::analyze::people::People;
use crate::analyze::places::{self, country, ORG};
use crate::lexicon::{compile, ORG_ACRONYMS};
use crate::model::{Entity, EntityKind};

static WORD: LazyLock<Regex> =
    LazyLock::new(|| compile(r"[%L%][%L%\-]*(?:\.[%L%]\.?)*").expect("word regex"));

/// Builds the gazetteer and compiles this module's patterns now rather than on first use.
pub fn warm_up() {
    places::warm_up();
    LazyLock::force(&WORD);
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
