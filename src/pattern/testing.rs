//! Checking the two engines of a [`Pattern`] against each other: texts to search (fixture
//! articles, shared evaluation articles, near misses of news phrasing) and every match's groups
//! as each engine finds them.

use super::*;

/// Every group's span of every match of `re` over the whole of `hay`, as the regex crate's
/// `captures_iter` gives them: the reference the lite engine and the windowed searches must
/// equal.
pub fn reference(re: &regex::Regex, hay: &str) -> Vec<Vec<Option<(usize, usize)>>> {
    re.captures_iter(hay)
        .map(|c| {
            (0..c.len())
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
        .collect()
}

/// The groups of one match as spans.
pub fn spans(g: &Groups) -> Vec<Option<(usize, usize)>> {
    g.spans.clone()
}

/// Every match of `p` over the whole of `hay`, searched match after match as `captures_iter`
/// does (the patterns never match the empty string).
pub fn all(p: &Pattern, hay: &str) -> Vec<Vec<Option<(usize, usize)>>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(g) = p.captures_at(hay, at) {
        at = g.whole().end();
        out.push(spans(&g));
    }
    out
}

/// Pieces of news phrasing, punctuation and white space (ASCII and not) for near misses.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\u{a0}",
    "\u{2003}",
    "\u{85}",
    "\n",
    "\n\n",
    ",",
    ", ",
    ";",
    ":",
    ".",
    "—",
    "–",
    "“",
    "”",
    "\"",
    "’s",
    "'s",
    "(",
    "said",
    "says",
    "told",
    "told reporters",
    "added",
    "warned",
    "according to",
    "According to",
    "ACCORDING\u{a0}TO",
    "on Monday",
    "today",
    "that",
    "the",
    "The",
    "a",
    "an",
    "of",
    "for",
    "and",
    "Minister",
    "minister",
    "Foreign Minister",
    "foreign minister",
    "President",
    "Vice President",
    "Secretary of State",
    "spokeswoman",
    "Sen.",
    "Dr",
    "Amara",
    "Okafor",
    "Łódź",
    "de",
    "bin",
    "J.",
    "he",
    "She",
    "They",
    "Ministry",
    "Ministry of Defence",
    "White House",
    "Bank",
    "Central Bank",
    "University",
    "also",
    "repeatedly",
    "quickly",
    "2026",
    "Kordana’s",
    "chief economist",
    "Chief",
    "head",
];

/// Sentences cut at `|` into [`PIECES`]-like parts, the forms the near misses vary. The last
/// four are the longest forms the patterns allow: six words of role, an "of …" tail of four
/// names and a name of seven words; four capitalised words with "of the" before an
/// organisation's head word; names of seven words beside a description.
const FORMS: &[&str] = &[
    "Foreign Minister| |Amara| |Okafor| |said| |on Monday|.",
    "Amara| |Okafor|, |the| |foreign minister|, |said| |that",
    "The| |chief economist|, |Amara| |Okafor|, |warned|.",
    "“|We| |will|,|”| |she| |said|,| |“|go|”",
    "Prices| |will| |rise|, |Amara| |Okafor| |told reporters|.",
    "According to| |the| |Ministry of Defence|, |the| |port|.",
    "He| |also| |warned| |that| |the| |Central Bank| |would",
    "Okafor|:| |“|No|.|”| |—| |Sen.| |J.| |de| |Bin",
    "Acting| |Deputy| |of| |the| |Interim| |senior| |Secretary of State| |of| |the| |North| |and| \
     |East| |and| |West| |and| |South| |Amara| |de| |Okafor| |de| |J.| |bin| |Salman| |said",
    "Royal| |of| |the| |Higher| |for| |the| |Civil| |of| |the| |North| |of| |the| |Council| |of| \
     |the| |Interior| |Security| |Sea| |Lands",
    "Amara| |de| |Okafor| |de| |J.| |bin| |Salman|, |the| |bank|’s| |chief| |economist|,| |said",
    "x|, |Kordana|’s| |long| |serving| |deputy| |minister|, |Amara| |de| |Okafor| |de| |J.| \
     |bin| |Salman|,| |said",
];

/// Texts to compare the engines on: the fixture articles, up to `per_set` articles of each
/// shared evaluation set (when `../shared` is beside the checkout), and `near` near misses.
pub fn corpus(per_set: usize, near: usize) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let fixtures = root.join("tests/fixtures");
    for dir in [
        fixtures.clone(),
        fixtures.join("stories/batch"),
        fixtures.join("stories/same-topic"),
    ] {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.push(text);
            }
        }
    }
    let eval = root.join("../shared/eval/data");
    for set in ["bbc_news_summary", "cnndm_test_frank", "polnear_quotes"] {
        let Ok(lines) = std::fs::read_to_string(eval.join(set).join("dev.jsonl")) else {
            continue;
        };
        for line in lines.lines().take(per_set) {
            let Ok(serde_json::Value::Object(record)) = serde_json::from_str(line) else {
                continue;
            };
            let long = record
                .values()
                .filter_map(|v| v.as_str())
                .filter(|s| s.len() > 400);
            out.extend(long.map(String::from));
        }
    }
    let forms: Vec<Vec<&str>> = FORMS.iter().map(|f| f.split('|').collect()).collect();
    let forms: Vec<&[&str]> = forms.iter().map(Vec::as_slice).collect();
    out.extend(crate::scan::near_misses(&forms, PIECES, near));
    out
}

#[test]
fn lite_reads_white_space_and_boundaries_as_the_regex_crate_does() {
    for (source, hay) in [
        (r"a\s+b", "a\u{2003}\u{a0}b a b a\u{85}b"),
        (r"[^\s,]+", "x\u{3000}y,z"),
        (r"[\s(]x", "(x \u{202f}x"),
        (r"(?-u:\b)é(?-u:\b)", "é aé é1"),
        (r"(?-u:\b)said(?-u:\b)", "said saidé unsaid said."),
        (r"(?i:according\s+to)", "ACCORDING\u{a0}To according to"),
        (r"[]a]+", "]a]"),
    ] {
        let p = Pattern::new(source).unwrap();
        let re = regex::Regex::new(source).unwrap();
        assert_eq!(all(&p, hay), reference(&re, hay), "{source} on {hay:?}");
        p.warm();
        assert_eq!(
            all(&p, hay),
            reference(&re, hay),
            "{source} warm on {hay:?}"
        );
    }
}

#[test]
fn groups_by_name_and_index() {
    let p = Pattern::new(r"(?P<who>[A-Z][a-z]+) (?P<verb>said|says)(?P<when> today)?").unwrap();
    let g = p.captures("Then Okafor said it.").unwrap();
    assert_eq!(&g["who"], "Okafor");
    assert_eq!(g.name("verb").map(|m| m.range()), Some(12..16));
    assert_eq!(g.name("when"), None);
    assert_eq!(g.whole().as_str(), "Okafor said");
    assert_eq!(p.find("no match here"), None);
}
