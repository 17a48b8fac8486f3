use crate::analyze::names::{introductions, APPOSITIVE, DESC_NAME, ROLE_NAME};
use crate::analyze::places::{organisations, ORG};
use crate::pattern::testing::{all, corpus, reference, spans};
use crate::pattern::Pattern;

#[test]
fn windowed_searches_find_every_match_of_the_whole_text() {
    let texts = corpus(60, 6_000);
    let patterns: [(&str, &Pattern); 4] = [
        ("role + name", &ROLE_NAME),
        ("appositive", &APPOSITIVE),
        ("description + name", &DESC_NAME),
        ("organisation", &ORG),
    ];
    let checks: Vec<_> = patterns
        .iter()
        .map(|(what, p)| {
            let re = regex::Regex::new(p.source()).unwrap();
            let lite = Pattern::new(p.source()).unwrap();
            (*what, re, lite)
        })
        .collect();
    let mut found = [0; 4];
    for text in &texts {
        let windowed: Vec<Vec<_>> = introductions(text)
            .iter()
            .map(|gs| gs.iter().map(spans).collect())
            .collect();
        let orgs: Vec<(usize, usize)> = organisations(text)
            .iter()
            .map(|o| {
                let start = o.as_ptr() as usize - text.as_ptr() as usize;
                (start, start + o.len())
            })
            .collect();
        for (i, (what, re, lite)) in checks.iter().enumerate() {
            let expected = reference(re, text);
            found[i] += expected.len();
            assert_eq!(all(lite, text), expected, "{what}, regex-lite, on {text:?}");
            if i < 3 {
                assert_eq!(windowed[i], expected, "{what} in windows, on {text:?}");
            } else {
                let whole: Vec<_> = expected.iter().map(|g| g[0].unwrap()).collect();
                assert_eq!(orgs, whole, "{what} in windows, on {text:?}");
            }
        }
    }
    for ((what, ..), n) in checks.iter().zip(found) {
        assert!(n > 100, "{what}: only {n} matches in the corpus");
    }
}

#[test]
fn a_small_runs_word_searcher_finds_what_a_large_batchs_finds() {
    use super::{occurrences, Words};
    use crate::pattern::Engine;
    let lexicon = || crate::lexicon::ROLE_HEADS.to_vec();
    let (small, large) = (Words::new(lexicon), Words::new(lexicon));
    small.prepare(Engine::Lite);
    large.prepare(Engine::Fast);
    let mut found = 0;
    for text in corpus(20, 6_000) {
        let expected = occurrences(&large, &text);
        found += expected.len();
        assert_eq!(occurrences(&small, &text), expected, "on {text:?}");
        assert_eq!(small.is_match(&text), !expected.is_empty());
    }
    assert!(found > 100, "only {found} role heads in the corpus");
}
