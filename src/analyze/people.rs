//! People in an article: names with their roles, and resolution of "he", "the minister", "Rubio".
//!
//! A first pass registers every person introduced with a role ("Secretary of State Marco Rubio",
//! "Amara Okafor, Nigeria's foreign minister,") or named as a speaker ("Jane Doe said"). Mentions
//! are then resolved in text order: a surname or first name to the person who bears it, a
//! description ("the Secretary") to the most recent person whose role contains its head word, and
//! a pronoun to the most recent compatible speaker (or, failing that, person).

use crate::analyze::names::{
    introductions, is_name_word, is_subject, looks_like_name, strip_title, titled, ROLE_NAME,
};
use crate::analyze::roles::{
    after_possessive, clean_role, clean_role_after, described_name, plain_name, split_role_name,
};
pub use crate::analyze::roster::Person;
use crate::analyze::roster::Roster;
use crate::analyze::wordindex::WordIndex;
use crate::lexicon::HONORIFICS;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// How many earlier mentions a description ("the minister") or pronoun looks back through for
/// its person: far more than any article has, few enough that a book-length text stays linear.
const LOOKBACK: usize = 10_000;

/// How far back (bytes) a pronoun's speaker or sentence subject may be.
const PRONOUN_WINDOW: usize = 1500;

/// The people of one article and where they were last mentioned or heard.
#[derive(Debug, Default)]
pub struct People {
    /// Everyone found, with look-ups by name.
    roster: Roster,
    /// (byte position, person, as a sentence subject) of every mention, in text order.
    mentions: BTreeSet<(usize, usize, bool)>,
    /// (byte position, person) of every time a person was the speaker of a statement.
    speakers: BTreeSet<(usize, usize)>,
    /// The article text, to find the full name behind a bare surname.
    text: String,
    /// Where each capitalised word of the text starts.
    words: WordIndex,
    /// Answers already given for a lone word: is it capitalised mid-sentence somewhere?
    mid_sentence: FxHashMap<String, bool>,
    /// Answers already given for a bare surname: the full name the text first gives it.
    full_names: FxHashMap<String, Option<String>>,
}

impl People {
    /// Registers the people that `text` introduces with a role or a courtesy title.
    pub fn scan(text: &str) -> People {
        let mut people = People {
            text: text.to_string(),
            words: WordIndex::build(text),
            ..People::default()
        };
        let [role_names, appositives, described] = introductions(text);
        for c in role_names {
            let (role, name) = split_role_name(&c["role"], &c["name"]);
            let role = clean_role(&role);
            people.introduce(&name, role, c.get(0).map_or(0, |m| m.start()));
        }
        for c in appositives {
            let role = Some(clean_role_after(&c["role"]).unwrap_or_default());
            people.introduce(&c["name"], role, c.get(0).map_or(0, |m| m.start()));
        }
        for c in described {
            people.introduce(
                &c["name"],
                clean_role(&c["role"]),
                c.get(0).map_or(0, |m| m.start()),
            );
        }
        for (title, name) in titled(text) {
            // Only these three tell whether the person is a woman.
            let female = match title {
                "Mrs" | "Ms" => Some(true),
                "Mr" => Some(false),
                _ => None,
            };
            if let (Some(i), Some(_)) = (people.roster.find(name), female) {
                people.roster.person_mut(i).female = female;
            }
        }
        for i in 0..people.roster.persons().len() {
            people.index_mentions(i, true);
        }
        people
    }

    /// Registers a full name introduced with a role at byte `pos`.
    fn introduce(&mut self, name: &str, role: Option<String>, pos: usize) {
        if looks_like_name(name) && name.contains(' ') {
            let i = self.roster.add(name, role);
            self.mentions.insert((pos, i, true));
        }
    }

    /// Everyone found, in order of introduction.
    pub fn persons(&self) -> &[Person] {
        self.roster.persons()
    }

    /// Adds a person (or completes the role of one already known) and returns its index.
    pub fn add(&mut self, name: &str, role: Option<String>) -> usize {
        self.roster.add(name, role)
    }

    /// The person a written name refers to: exact, or by surname / first name.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.roster.find(name)
    }

    /// How many times the text writes person `i`'s surname as a word of its own (at least 1).
    pub fn mention_count(&self, i: usize) -> usize {
        self.surname_positions(i, true).len().max(1)
    }

    /// Where the text writes person `i`'s surname; `whole`: not followed by a word character.
    fn surname_positions(&self, i: usize, whole: bool) -> Vec<usize> {
        let name = &self.roster.persons()[i].name;
        let last = name.split_whitespace().last().unwrap_or(name);
        let mut found = self.words.occurrences(&self.text, last);
        if whole {
            found.retain(|&p| !self.text[p + last.len()..].starts_with(char::is_alphanumeric));
        }
        found
    }

    /// Records the mentions of person `i`'s surname in the text.
    fn index_mentions(&mut self, i: usize, whole: bool) {
        for pos in self.surname_positions(i, whole) {
            self.mentions.insert((pos, i, is_subject(&self.text, pos)));
        }
    }

    /// Records that person `i` spoke at byte `pos` (and, from a pronoun, their gender).
    pub fn heard(&mut self, i: usize, pos: usize, pronoun: Option<&str>) {
        self.speakers.insert((pos, i));
        let person = self.roster.person_mut(i);
        match pronoun.map(str::to_lowercase).as_deref() {
            Some("he") if person.female.is_none() => person.female = Some(false),
            Some("she") if person.female.is_none() => person.female = Some(true),
            _ => {}
        }
    }

    /// The most recent speaker before `pos`, within `window` bytes.
    pub fn last_speaker(&self, pos: usize, window: usize) -> Option<usize> {
        self.speakers
            .range(..=(pos, usize::MAX))
            .next_back()
            .filter(|&&(p, _)| pos - p <= window)
            .map(|&(_, i)| i)
    }

    /// Resolves a speaker mention written at byte `pos` to a person, registering new names.
    pub fn resolve(&mut self, mention: &str, pos: usize) -> Option<usize> {
        let m = after_possessive(mention.trim());
        let lower = m.to_lowercase();
        if let Some(female) = match lower.as_str() {
            "he" | "him" => Some(Some(false)),
            "she" | "her" => Some(Some(true)),
            "they" | "i" | "we" => Some(None),
            _ => None,
        } {
            return self.pronoun(pos, female);
        }
        if let Some(desc) = lower
            .strip_prefix("the ")
            .or_else(|| lower.strip_prefix("a "))
            .or_else(|| lower.strip_prefix("an "))
        {
            let head = desc.split_whitespace().last().unwrap_or(desc);
            return self.recent(pos, |p| {
                p.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains(head))
            });
        }
        if let Some(c) = ROLE_NAME.captures(m) {
            let (role, name) = split_role_name(&c["role"], &c["name"]);
            if looks_like_name(&name) && name.contains(' ') {
                return Some(self.roster.add(&name, clean_role(&role)));
            }
        }
        if let Some((role, name)) = described_name(m) {
            return Some(self.roster.add(name, clean_role(role)));
        }
        self.resolve_name(strip_title(plain_name(m)))
    }

    /// Resolves a written name (no title): a known person, the full name behind a bare surname,
    /// or a new person.
    fn resolve_name(&mut self, name: &str) -> Option<usize> {
        if let Some(i) = self.roster.find(name) {
            return Some(i);
        }
        if !looks_like_name(name) {
            return None;
        }
        if !name.contains(' ') {
            // A bare surname: the full name is where the text first gives it.
            if let Some(full) = self.full_name(name) {
                let i = self.roster.add(&full, None);
                self.index_mentions(i, false);
                return Some(i);
            }
        }
        // A lone capitalised word is a name only if the text capitalises it mid-sentence too
        // ("Traders said" at a sentence start is not a person).
        if !name.contains(' ') && !self.capitalised_mid_sentence(name) {
            return None;
        }
        let i = self.roster.add(name, None);
        self.index_mentions(i, false);
        Some(i)
    }

    fn capitalised_mid_sentence(&mut self, word: &str) -> bool {
        if let Some(&known) = self.mid_sentence.get(word) {
            return known;
        }
        let text = &self.text;
        let found = self.words.occurrences(text, word).into_iter().any(|pos| {
            let before = text[..pos].trim_end_matches([' ', '\u{a0}']);
            before.len() < pos
                && before
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || c == ',')
        });
        self.mid_sentence.insert(word.to_string(), found);
        found
    }

    /// The first "Given Surname" in the text for a bare `surname`.
    fn full_name(&mut self, surname: &str) -> Option<String> {
        if let Some(known) = self.full_names.get(surname) {
            return known.clone();
        }
        let found = self.first_full_name(surname);
        self.full_names.insert(surname.to_string(), found.clone());
        found
    }

    fn first_full_name(&self, surname: &str) -> Option<String> {
        let positions = self.words.occurrences(&self.text, surname);
        positions.into_iter().find_map(|pos| {
            let after = self.text[pos + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                return None;
            }
            // Up to two words of a name right before the surname, on its line.
            let line = &self.text[..pos];
            let before: Vec<&str> = line[line.rfind('\n').map_or(0, |i| i + 1)..]
                .split(' ')
                .rev()
                .skip(1)
                .take(2)
                .take_while(|w| is_name_word(w) && !HONORIFICS.contains(w))
                .collect();
            let mut words: Vec<&str> = before.into_iter().rev().collect();
            if self.text[..pos].ends_with(' ') {
                while words.first().is_some_and(|w| !looks_like_name(w)) {
                    words.remove(0);
                }
                words.push(surname);
            } else {
                return None;
            }
            let full = words.join(" ");
            (full.contains(' ') && looks_like_name(&full)).then_some(full)
        })
    }

    fn pronoun(&self, pos: usize, female: Option<bool>) -> Option<usize> {
        let fits = |i: usize| match (female, self.roster.persons()[i].female) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        // The most recent speaker or sentence subject, then any mention.
        let near = |&(p, _): &(usize, usize)| pos - p < PRONOUN_WINDOW;
        let mut cands: Vec<(usize, usize)> = self
            .speakers
            .range(..=(pos, usize::MAX))
            .rev()
            .copied()
            .take_while(near)
            .collect();
        cands.extend(
            self.mentions
                .range(..=(pos, usize::MAX, true))
                .rev()
                .take_while(|&&(p, _, _)| pos - p < PRONOUN_WINDOW)
                .filter(|m| m.2)
                .map(|&(p, i, _)| (p, i)),
        );
        cands.sort_unstable();
        cands
            .iter()
            .rev()
            .find(|&&(_, i)| fits(i))
            .map(|&(_, i)| i)
            .or_else(|| self.recent(pos, |p| female.is_none() || p.female != female.map(|f| !f)))
    }

    /// The person of the latest speaker record or mention at or before `pos` that `pred` accepts
    /// (looking back through at most [`LOOKBACK`] of each).
    fn recent(&self, pos: usize, pred: impl Fn(&Person) -> bool) -> Option<usize> {
        let persons = self.roster.persons();
        let spoke = self
            .speakers
            .range(..=(pos, usize::MAX))
            .rev()
            .take(LOOKBACK)
            .find(|&&(_, i)| pred(&persons[i]))
            .copied();
        let named = self
            .mentions
            .range(..=(pos, usize::MAX, true))
            .rev()
            .take(LOOKBACK)
            .find(|&&(_, i, _)| pred(&persons[i]))
            .map(|&(p, i, _)| (p, i));
        spoke.max(named).map(|(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_before_name_and_later_surname() {
        let text = "Secretary of State Marco Rubio said Saturday. Later, Rubio left.";
        let mut p = People::scan(text);
        assert_eq!(p.persons().len(), 1);
        assert_eq!(p.persons()[0].name, "Marco Rubio");
        assert_eq!(p.persons()[0].role.as_deref(), Some("Secretary of State"));
        assert_eq!(p.resolve("Rubio", 50), Some(0));
        assert_eq!(p.resolve("the Secretary", 60), Some(0));
    }

    #[test]
    fn appositive_role_and_pronouns() {
        let text =
            "Amara Okafor, Nigeria’s foreign minister, spoke. Mr. Tom Hale, a senior official, \
                    also spoke.";
        let mut p = People::scan(text);
        let okafor = p.find("Okafor").unwrap();
        let hale = p.find("Hale").unwrap();
        assert_eq!(
            p.persons()[okafor].role.as_deref(),
            Some("Nigeria’s foreign minister")
        );
        assert_eq!(p.persons()[hale].female, Some(false));
        assert_eq!(p.resolve("the minister", 100), Some(okafor));
        p.heard(okafor, 10, Some("she"));
        p.heard(hale, 60, None);
        assert_eq!(p.resolve("she", 100), Some(okafor));
        assert_eq!(p.resolve("he", 100), Some(hale));
    }
}
