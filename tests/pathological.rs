//! Issue 14: articles of pathological shape (one long word, sentence or paragraph, lines without
//! punctuation, endless quotes or names, a huge title, a big table, deep nesting) build in bounded
//! time into a short brief whose lines are capped, whatever their size.

use crate::common;

use std::sync::mpsc;
use std::time::Duration;

use briefdesk::clip::{LINE_MAX_CHARS, META_MAX_CHARS};
use briefdesk::render::{render, PageSize, RenderOptions, Templates};
use briefdesk::{analyze, compose, ingest, stories, Brief, BriefSettings};
use common::pathological::{self, Case};

/// Size of each pathological article here (the benchmark uses 10 MB with the release build).
const SIZE: usize = 1_000_000;

/// Generous bound for one article in a debug build: a hang or a quadratic step (minutes at this
/// size before issue 14) fails it, an ordinary slow machine does not.
const DEADLINE: Duration = Duration::from_secs(90);

/// The whole path, bytes → PDF: the brief and the rendered file with its page count.
fn build(name: &'static str, bytes: Vec<u8>) -> (Brief, Vec<u8>, usize) {
    let items: Vec<_> = ingest::ingest_all(name, &bytes)
        .into_iter()
        .map(|a| {
            let article = a.expect("ingest");
            let analysis = analyze::analyze(&article);
            (article, analysis)
        })
        .collect();
    let groups = stories::group(&items);
    let settings =
        BriefSettings::dated(chrono::NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"));
    let brief = compose::compose_stories(&items, &groups, &settings).expect("compose");
    let opts = RenderOptions {
        template: "policy-brief".into(),
        page_size: PageSize::A4,
    };
    let rendered = render(&brief, &Templates::builtin(), &opts).expect("render");
    (brief, rendered.pdf, rendered.pages)
}

/// [`build`] on its own thread, failing the test when it takes longer than [`DEADLINE`].
fn build_within_deadline(case: Case) -> (Brief, Vec<u8>, usize) {
    let (tx, rx) = mpsc::channel();
    let name = case.name;
    std::thread::spawn(move || {
        let _ = tx.send(build(case.name, case.bytes));
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(out) => out,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: no brief after {DEADLINE:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: the build panicked"),
    }
}

/// Every line of text the brief prints from the article.
fn printed_lines(brief: &Brief) -> Vec<String> {
    let mut lines: Vec<String> = brief
        .bottom_line
        .iter()
        .chain(&brief.key_points)
        .map(|l| l.text.clone())
        .collect();
    for g in &brief.speakers {
        lines.extend(g.statements.iter().map(|s| s.text.clone()));
    }
    for story in &brief.stories {
        lines.extend(story.bottom_line.iter().map(|l| l.text.clone()));
        lines.extend(story.key_points.iter().map(|l| l.text.clone()));
        for g in &story.speakers {
            lines.extend(g.statements.iter().map(|s| s.text.clone()));
        }
        lines.push(story.label.clone());
    }
    lines
}

#[test]
fn issue_14_pathological_articles_build_in_bounded_time_into_short_briefs() {
    for case in pathological::cases(SIZE) {
        let name = case.name;
        let (brief, pdf, pages) = build_within_deadline(case);
        assert!(
            pdf.len() <= 1_000_000,
            "{name}: a PDF of {} bytes",
            pdf.len()
        );
        assert!(pages <= 4, "{name}: {pages} pages");
        assert!(
            brief.title.chars().count() <= META_MAX_CHARS,
            "{name}: title"
        );
        for s in &brief.sources {
            assert!(
                s.title.chars().count() <= META_MAX_CHARS,
                "{name}: source title"
            );
        }
        for line in printed_lines(&brief) {
            assert!(
                line.chars().count() <= LINE_MAX_CHARS,
                "{name}: a line of {} characters",
                line.chars().count()
            );
        }
    }
}

#[test]
fn issue_14_a_run_without_punctuation_is_never_the_bottom_line() {
    let (brief, _, _) = build_within_deadline(Case {
        name: "one-sentence.txt",
        bytes: pathological::one_sentence(SIZE),
    });
    assert!(
        brief
            .bottom_line
            .iter()
            .chain(&brief.key_points)
            .all(|l| l.text.len() < 2_000),
        "a piece of the run was printed as a key sentence"
    );
    let (brief, _, _) = build_within_deadline(Case {
        name: "short-lines.txt",
        bytes: pathological::short_lines(SIZE),
    });
    assert!(
        brief.bottom_line.is_empty(),
        "{:?}",
        brief.bottom_line.first()
    );
}

#[test]
fn issue_14_a_long_quotation_is_printed_clipped_with_its_source() {
    let quote = "we will keep the port open for trade ".repeat(40);
    let text = format!(
        "Port talks\n\nThe talks on the port resumed on Tuesday in the capital, officials said.\n\n\
         “{}” said Anna Lee, the trade minister.\n",
        quote.trim_end()
    );
    let (brief, _, _) = build_within_deadline(Case {
        name: "long-quote.txt",
        bytes: text.into_bytes(),
    });
    let st = brief
        .speakers
        .iter()
        .flat_map(|g| &g.statements)
        .find(|s| s.text.starts_with("we will keep"))
        .expect("the quotation is a statement");
    assert!(st.text.ends_with('…'), "{}", st.text);
    assert!(st.text.chars().count() <= LINE_MAX_CHARS);
    assert_eq!(st.source, 1);
    let full = st.provenance.span.end - st.provenance.span.start;
    assert!(
        full > 1_400,
        "the provenance keeps the whole passage: {full} bytes"
    );
}

/// Inputs the whole-path fuzz target (`pipeline`) once found to crash, hang or blow up stay fixed:
/// each builds within the deadline (`.ci/fuzz-smoke` keeps them as
/// `tests/fixtures/formats/crashes/pipeline-*`).
#[test]
fn fuzz_pipeline_regressions_replay() {
    let dir = common::fixtures().join("formats/crashes");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("pipeline-") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        if briefdesk::ingest::ingest("article", &bytes).is_ok() {
            build_within_deadline(Case {
                name: "article",
                bytes,
            });
        }
    }
}
