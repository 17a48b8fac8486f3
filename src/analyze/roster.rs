//! The persons of one article, looked up by full name, surname or first name in constant time.

use crate::analyze::names::strip_title;
use crate::model::Speaker;
use rustc_hash::FxHashMap;

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

/// Everyone found in an article, in order of introduction, with indexes by name.
#[derive(Debug, Default)]
pub struct Roster {
    /// The persons, in order of introduction.
    persons: Vec<Person>,
    /// Full name → person (full names are unique: a name already known is never added again).
    by_name: FxHashMap<String, usize>,
    /// Last word of the name → persons bearing it, in order of introduction.
    by_last: FxHashMap<String, Vec<usize>>,
    /// First word of the name → persons bearing it, in order of introduction.
    by_first: FxHashMap<String, Vec<usize>>,
}

/// `name` without a possessive ending ("Rubio’s" → "Rubio") or a courtesy title.
fn bare(name: &str) -> &str {
    let name = name.trim();
    let name = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|end| name.strip_suffix(end))
        .unwrap_or(name)
        .trim();
    strip_title(name)
}

impl Roster {
    /// The persons, in order of introduction.
    pub fn persons(&self) -> &[Person] {
        &self.persons
    }

    /// Person `i`, to update the role or gender the text gives.
    pub fn person_mut(&mut self, i: usize) -> &mut Person {
        &mut self.persons[i]
    }

    /// The person a written name refers to: exact, or else the latest introduced who bears its
    /// surname (or, for a single word, its first name).
    pub fn find(&self, name: &str) -> Option<usize> {
        let name = bare(name);
        if let Some(&i) = self.by_name.get(name) {
            return Some(i);
        }
        let mut words = name.split_whitespace();
        let first = words.next()?;
        let single = words.next().is_none();
        let last = name.split_whitespace().last()?;
        let by_last = self.by_last.get(last).and_then(|v| v.last().copied());
        let by_first = single
            .then(|| self.by_first.get(first).and_then(|v| v.last().copied()))
            .flatten();
        by_last.max(by_first)
    }

    /// Adds a person (or completes the role and name of one already known) and returns its index.
    pub fn add(&mut self, name: &str, role: Option<String>) -> usize {
        let role = role.filter(|r| !r.is_empty());
        if let Some(i) = self.find(name) {
            if self.persons[i].role.is_none() {
                self.persons[i].role = role;
            }
            let longer =
                name.split_whitespace().count() > self.persons[i].name.split_whitespace().count();
            if longer {
                self.unindex(i);
                self.persons[i].name = name.to_string();
                self.index(i);
            }
            return i;
        }
        self.persons.push(Person {
            name: name.to_string(),
            role,
            female: None,
        });
        let i = self.persons.len() - 1;
        self.index(i);
        i
    }

    /// The first and last word of person `i`'s name.
    fn ends(&self, i: usize) -> (String, String) {
        let name = &self.persons[i].name;
        let first = name.split_whitespace().next().unwrap_or("").to_string();
        let last = name.split_whitespace().last().unwrap_or("").to_string();
        (first, last)
    }

    fn index(&mut self, i: usize) {
        let (first, last) = self.ends(i);
        self.by_name.insert(self.persons[i].name.clone(), i);
        for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
            let list = map.entry(key).or_default();
            let at = list.partition_point(|&j| j < i);
            list.insert(at, i);
        }
    }

    fn unindex(&mut self, i: usize) {
        let (first, last) = self.ends(i);
        self.by_name.remove(&self.persons[i].name);
        for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
            if let Some(list) = map.get_mut(&key) {
                list.retain(|&j| j != i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_full_name_surname_and_possessive() {
        let mut r = Roster::default();
        let jones = r.add("Chris Jones", None);
        let lee = r.add("Mei Lee", Some("envoy".into()));
        assert_eq!(r.find("Chris Jones"), Some(jones));
        assert_eq!(r.find("Jones’s"), Some(jones));
        assert_eq!(r.find("Mr. Jones"), Some(jones));
        assert_eq!(r.find("Mei"), Some(lee));
        assert_eq!(r.find("Bob Smith"), None);
        assert_eq!(
            r.add("Chris Jones", None),
            jones,
            "a known name is not added twice"
        );
    }

    #[test]
    fn a_longer_name_replaces_the_short_one() {
        let mut r = Roster::default();
        let i = r.add("Rubio", None);
        assert_eq!(r.add("Marco Rubio", Some("Secretary".into())), i);
        assert_eq!(r.persons()[i].name, "Marco Rubio");
        assert_eq!(r.persons()[i].role.as_deref(), Some("Secretary"));
        assert_eq!(r.find("Marco"), Some(i));
        assert_eq!(r.find("Rubio"), Some(i));
        assert_eq!(
            r.find("Rubio"),
            r.find("Ana Rubio"),
            "a surname is one person"
        );
    }
}
