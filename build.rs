//! Build script: word tables written out as text files that the library includes, so the
//! binary holds one string per table instead of the source crates' data (every language's
//! stop words, every country's names in every language: tens of thousands of pointers the
//! loader relocates, and a gazetteer rebuilt in every process).
//!
//! - `stop_words_en.txt`: the English stop words of the `stop-words` crate, a word a line;
//! - `countries.txt`: every country name, alias and demonym of `keshvar` (lower-case), a tab,
//!   the country's usual English name; a line each, sorted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out, "stop_words_en.txt", stop_words::get("en").join("\n"));
    write(&out, "countries.txt", countries());
    println!("cargo::rerun-if-changed=build.rs");
}

fn write(dir: &Path, name: &str, text: String) {
    std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("writing {name}: {e}"));
}

/// The gazetteer as `name<TAB>country` lines: each country's ISO short name, its usual name
/// (the first unofficial name in Latin letters) and nationality, plus the usual short forms
/// of the United States and the United Kingdom.
fn countries() -> String {
    let latin = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii() || c.is_alphabetic() && c < '\u{250}')
    };
    let mut m: HashMap<String, String> = HashMap::new();
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
    let known = |m: &HashMap<String, String>, k: &str, or: &str| {
        m.get(k).cloned().unwrap_or(or.to_string())
    };
    let us = known(&m, "united states", "United States");
    let uk = known(&m, "united kingdom", "United Kingdom");
    for alias in ["us", "u.s.", "usa", "america", "american"] {
        m.insert(alias.to_string(), us.clone());
    }
    for alias in ["uk", "u.k.", "britain", "british"] {
        m.insert(alias.to_string(), uk.clone());
    }
    let mut lines: Vec<String> = m
        .into_iter()
        .map(|(name, country)| {
            assert!(!name.contains(['\t', '\n']) && !country.contains(['\t', '\n']));
            format!("{name}\t{country}")
        })
        .collect();
    lines.sort();
    lines.join("\n")
}
