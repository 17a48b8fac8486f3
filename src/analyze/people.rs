//! People in an article: names with their roles, and resolution of "he", "the minister", "Rubio".
//!
//! A first pass registers every person introduced with a role ("Secretary of State Marco Rubio",
//! "Amara Okafor, Nigeria's foreign minister,") or named as a speaker ("Jane Doe said"). Mentions
//! are then resolved in text order: a surname or first name to the person who bears it, a
//! description ("the Secretary") to the most recent person whose role contains its head word, and
//! a pronoun to the most recent compatible speaker (or, failing that, person).

use crate::analyze::names::{
    clean_role, is_subject, looks_like_name, split_role_name, strip_title, APPOSITIVE, DESC_NAME,
    ROLE_NAME, TITLE_NAME,
};
use crate::model::Speaker;

/// A person found in the article.
#[derive(Debug, Clone)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Role or title, when the text gives one.
    pub role: Option<String>,
    /// `Some(true)` female, `Some(false)` male, when known.
    pub female: Option<bool>,
}

impl Person {
    /// The public speaker record.
    pub fn speaker(&self) -> Speaker {
        Speaker {
            name: self.name.clone(),
            role: self.role.clone(),
        }
    }
}

/// The people of one article and where they were last mentioned or heard.
#[derive(Debug, Default)]
pub struct People {
    /// Everyone found, in order of introduction.
    pub persons: Vec<Person>,
    /// (byte position, person, as a sentence subject) of every mention, sorted by position.
    mentions: Vec<(usize, usize, bool)>,
    /// (byte position, person) of every time a person was the speaker of a statement.
    speakers: Vec<(usize, usize)>,
    /// The article text, to find the full name behind a bare surname.
    text: String,
}

impl People {
    /// Registers the people that `text` introduces with a role or a courtesy title.
    pub fn scan(text: &str) -> People {
        let mut people = People {
            text: text.to_string(),
            ..People::default()
        };
        for c in ROLE_NAME.captures_iter(text) {
            let (role, name) = split_role_name(&c["role"], &c["name"]);
            let role = clean_role(&role);
            if looks_like_name(&name) && name.contains(' ') {
                let i = people.add(&name, role);
                people
                    .mentions
                    .push((c.get(0).map_or(0, |m| m.start()), i, true));
            }
        }
        for c in APPOSITIVE.captures_iter(text) {
            let name = c["name"].to_string();
            if looks_like_name(&name) && name.contains(' ') {
                let i = people.add(&name, Some(clean_role(&c["role"]).unwrap_or_default()));
                people
                    .mentions
                    .push((c.get(0).map_or(0, |m| m.start()), i, true));
            }
        }
        for c in DESC_NAME.captures_iter(text) {
            let name = c["name"].to_string();
            if looks_like_name(&name) && name.contains(' ') {
                let i = people.add(&name, clean_role(&c["role"]));
                people
                    .mentions
                    .push((c.get(0).map_or(0, |m| m.start()), i, true));
            }
        }
        for c in TITLE_NAME.captures_iter(text) {
            let female = matches!(&c["title"], "Mrs" | "Ms");
            if let Some(i) = people.find(&c["name"]) {
                if &c["title"] != "Dr" {
                    people.persons[i].female = Some(female);
                }
            }
        }
        people.index_mentions(text);
        people
    }

    /// Adds a person (or completes the role of one already known) and returns its index.
    pub fn add(&mut self, name: &str, role: Option<String>) -> usize {
        let role = role.filter(|r| !r.is_empty());
        if let Some(i) = self.find(name) {
            if self.persons[i].role.is_none() {
                self.persons[i].role = role;
            }
            if name.split_whitespace().count() > self.persons[i].name.split_whitespace().count() {
                self.persons[i].name = name.to_string();
            }
            return i;
        }
        self.persons.push(Person {
            name: name.to_string(),
            role,
            female: None,
        });
        self.persons.len() - 1
    }

    /// The person a written name refers to: exact, or by surname / first name.
    pub fn find(&self, name: &str) -> Option<usize> {
        let name = name.trim_end_matches(['’', '\'', 's']).trim();
        let name = strip_title(name);
        if let Some(i) = self.persons.iter().position(|p| p.name == name) {
            return Some(i);
        }
        let last = name.split_whitespace().last()?;
        let first = name.split_whitespace().next()?;
        self.persons.iter().rposition(|p| {
            let mut words = p.name.split_whitespace();
            let pf = words.next().unwrap_or("");
            let pl = p.name.split_whitespace().last().unwrap_or("");
            pl == last || (name.split_whitespace().count() == 1 && pf == first)
        })
    }

    fn index_mentions(&mut self, text: &str) {
        for (i, p) in self.persons.iter().enumerate() {
            let last = p.name.split_whitespace().last().unwrap_or(&p.name);
            for (pos, _) in text.match_indices(last) {
                let before = text[..pos].chars().next_back();
                let after = text[pos + last.len()..].chars().next();
                if !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    self.mentions.push((pos, i, is_subject(text, pos)));
                }
            }
        }
        self.mentions.sort_unstable();
        self.mentions.dedup();
    }

    /// Records that person `i` spoke at byte `pos` (and, from a pronoun, their gender).
    pub fn heard(&mut self, i: usize, pos: usize, pronoun: Option<&str>) {
        let at = self.speakers.partition_point(|&(p, _)| p <= pos);
        self.speakers.insert(at, (pos, i));
        match pronoun.map(str::to_lowercase).as_deref() {
            Some("he") if self.persons[i].female.is_none() => self.persons[i].female = Some(false),
            Some("she") if self.persons[i].female.is_none() => self.persons[i].female = Some(true),
            _ => {}
        }
    }

    /// The most recent speaker before `pos`, within `window` bytes.
    pub fn last_speaker(&self, pos: usize, window: usize) -> Option<usize> {
        self.speakers
            .iter()
            .rev()
            .find(|&&(p, _)| p <= pos && pos - p <= window)
            .map(|&(_, i)| i)
    }

    /// Resolves a speaker mention written at byte `pos` to a person, registering new names.
    pub fn resolve(&mut self, mention: &str, pos: usize) -> Option<usize> {
        let m = mention.trim();
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
            let by_role = self.recent(pos, |p| {
                p.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains(head))
            });
            return by_role;
        }
        if let Some(c) = ROLE_NAME.captures(m) {
            let (role, name) = split_role_name(&c["role"], &c["name"]);
            if looks_like_name(&name) && name.contains(' ') {
                return Some(self.add(&name, clean_role(&role)));
            }
        }
        let name = strip_title(m);
        if let Some(i) = self.find(name) {
            return Some(i);
        }
        if !looks_like_name(name) {
            return None;
        }
        if !name.contains(' ') {
            // A bare surname: the full name is where the text first gives it.
            if let Some(full) = self.full_name(name) {
                let i = self.add(&full, None);
                self.index_one(i);
                return Some(i);
            }
        }
        // A lone capitalised word is a name only if the text capitalises it mid-sentence too
        // ("Traders said" at a sentence start is not a person).
        if !name.contains(' ') && !self.capitalised_mid_sentence(name) {
            return None;
        }
        let i = self.add(name, None);
        self.index_one(i);
        Some(i)
    }

    fn capitalised_mid_sentence(&self, word: &str) -> bool {
        self.text.match_indices(word).any(|(pos, _)| {
            let before = self.text[..pos].trim_end_matches([' ', '\u{a0}']);
            before.len() < pos
                && before
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || c == ',')
        })
    }

    /// The first "Given Surname" in the text for a bare `surname`.
    fn full_name(&self, surname: &str) -> Option<String> {
        self.text.match_indices(surname).find_map(|(pos, _)| {
            let after = self.text[pos + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                return None;
            }
            // Up to two capitalised words right before the surname.
            let before: Vec<&str> = self.text[..pos]
                .split(' ')
                .rev()
                .skip(1)
                .take(2)
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
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

    /// Indexes the mentions of one newly added person.
    fn index_one(&mut self, i: usize) {
        let last = self.persons[i]
            .name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        let text = std::mem::take(&mut self.text);
        for (pos, _) in text.match_indices(last.as_str()) {
            self.mentions.push((pos, i, is_subject(&text, pos)));
        }
        self.text = text;
        self.mentions.sort_unstable();
        self.mentions.dedup();
    }

    fn pronoun(&self, pos: usize, female: Option<bool>) -> Option<usize> {
        let fits = |i: usize| match (female, self.persons[i].female) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        // The most recent speaker or sentence subject, then any mention.
        let subjects = self
            .mentions
            .iter()
            .filter(|m| m.2)
            .map(|&(p, i, _)| (p, i));
        let mut cands: Vec<(usize, usize)> =
            self.speakers.iter().copied().chain(subjects).collect();
        cands.sort_unstable();
        cands
            .iter()
            .rev()
            .find(|&&(p, i)| p <= pos && pos - p < 1500 && fits(i))
            .map(|&(_, i)| i)
            .or_else(|| self.recent(pos, |p| female.is_none() || p.female != female.map(|f| !f)))
    }

    fn recent(&self, pos: usize, pred: impl Fn(&Person) -> bool) -> Option<usize> {
        let named = self.mentions.iter().map(|&(p, i, _)| (p, i));
        let mut all: Vec<(usize, usize)> = self.speakers.iter().copied().chain(named).collect();
        all.sort_unstable();
        all.iter()
            .rev()
            .find(|&&(p, i)| p <= pos && pred(&self.persons[i]))
            .map(|&(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_before_name_and_later_surname() {
        let text = "Secretary of State Marco Rubio said Saturday. Later, Rubio left.";
        let mut p = People::scan(text);
        assert_eq!(p.persons.len(), 1);
        assert_eq!(p.persons[0].name, "Marco Rubio");
        assert_eq!(p.persons[0].role.as_deref(), Some("Secretary of State"));
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
            p.persons[okafor].role.as_deref(),
            Some("Nigeria’s foreign minister")
        );
        assert_eq!(p.persons[hale].female, Some(false));
        assert_eq!(p.resolve("the minister", 100), Some(okafor));
        p.heard(okafor, 10, Some("she"));
        p.heard(hale, 60, None);
        assert_eq!(p.resolve("she", 100), Some(okafor));
        assert_eq!(p.resolve("he", 100), Some(hale));
    }
}
