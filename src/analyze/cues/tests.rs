use super::*;
use crate::pattern::testing::{all, corpus, reference, spans};

/// The stretches the cues are searched in: whole texts, lines, the text between quotation
/// marks (what follows or precedes a quotation) and sentences cut at full stops.
fn stretches() -> Vec<String> {
    let mut out = Vec::new();
    for text in corpus(40, 4_000) {
        out.extend(text.lines().map(String::from));
        out.extend(text.split(['“', '”', '"']).map(String::from));
        out.extend(text.split(". ").map(|s| format!("{s}.")));
        out.push(text);
    }
    out
}

#[test]
fn each_cue_finds_what_its_regex_finds() {
    type Cue = fn(&str) -> Option<Groups<'static, '_>>;
    let cues: [(&str, &LazyLock<Pattern>, Cue); 5] = [
        ("cue after", &CUE_AFTER, cue_after),
        ("cue before", &CUE_BEFORE, cue_before),
        ("according to", &ACCORDING_TO, according_to),
        ("reported last", &REPORTED_LAST, reported_last),
        ("reported first", &REPORTED_FIRST, reported_first),
    ];
    let hays = stretches();
    for (what, pattern, cue) in cues {
        let re = regex::Regex::new(pattern.source()).unwrap();
        let lite = Pattern::new(pattern.source()).unwrap();
        let mut found = 0;
        for hay in &hays {
            let expected = reference(&re, hay);
            assert_eq!(all(&lite, hay), expected, "{what}, regex-lite, on {hay:?}");
            let first = expected.into_iter().next();
            found += usize::from(first.is_some());
            assert_eq!(cue(hay).map(|g| spans(&g)), first, "{what} on {hay:?}");
        }
        assert!(found > 50, "{what}: only {found} stretches match");
    }
}
