//! Projects and the review: what the desktop app does to a brief, tested on the core session.

use crate::common;

use std::path::PathBuf;

use briefdesk::compose::{statement_key, ReviewStatement};
use briefdesk::files;
use briefdesk::project::{Project, Session};
use briefdesk::render::{self, Templates};
use briefdesk::StatementKind;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn session(names: &[&str]) -> Session {
    let paths: Vec<PathBuf> = names.iter().map(|n| common::fixtures().join(n)).collect();
    let mut s = Session::new(Project::default());
    let out = s.import(files::import(&paths, |_, _, _| {}));
    assert!(out.failed.is_empty(), "{:?}", out.failed);
    s
}

fn change(json: &str) -> briefdesk::project::StatementChange {
    serde_json::from_str(json).unwrap()
}

fn pdf_text(s: &Session) -> String {
    let brief = s.brief(today()).unwrap();
    let opts = s.project.settings.render_options();
    let pdf = render::render_pdf(&brief, &Templates::builtin(), &opts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    common::pdftotext(common::write_file(dir.path(), "brief.pdf", &pdf))
}

fn all(s: &Session) -> Vec<ReviewStatement> {
    s.review()
        .unwrap()
        .into_iter()
        .flat_map(|g| g.statements)
        .collect()
}

#[test]
fn importing_the_same_file_twice_is_flagged_not_doubled() {
    let mut s = session(&["harbor-talks.txt"]);
    let again = s.import(files::import(
        &[common::fixtures().join("harbor-talks.txt")],
        |_, _, _| {},
    ));
    assert!(again.added.is_empty());
    assert_eq!(again.duplicates.len(), 1);
    assert_eq!(again.duplicates[0].file, "harbor-talks.txt");
    assert_eq!(s.views().len(), 1);
}

#[test]
fn a_failed_file_is_reported_with_its_reason_and_the_rest_imported() {
    let mut s = Session::new(Project::default());
    let paths = [
        common::fixtures().join("no-such-article.txt"),
        common::fixtures().join("harbor-talks.txt"),
    ];
    let out = s.import(files::import(&paths, |_, _, _| {}));
    assert_eq!(out.added.len(), 1);
    assert_eq!(out.failed.len(), 1);
    assert!(out.failed[0].file.ends_with("no-such-article.txt"));
    assert_eq!(out.failed[0].reason, "cannot read the file: no such file");
}

#[test]
fn unticked_articles_leave_the_brief_and_its_sources() {
    let mut s = session(&["harbor-talks.txt", "grain-corridor.md"]);
    assert_eq!(s.brief(today()).unwrap().sources.len(), 2);
    let id = s.views()[1].id.clone();
    s.pick(&id, false).unwrap();
    let brief = s.brief(today()).unwrap();
    assert_eq!(brief.sources.len(), 1);
    assert_ne!(brief.sources[0].article_id, id);
    assert!(s.pick("nope", true).is_err());
}

#[test]
fn dropped_statements_leave_the_brief_and_kept_ones_join_it() {
    let mut s = session(&[
        "harbor-talks.txt",
        "grain-corridor.md",
        "energy-summit.html",
    ]);
    let st = all(&s);
    let dropped = st.iter().find(|x| x.keep).unwrap().clone();
    let extra = st
        .iter()
        .find(|x| !x.auto && x.text.split_whitespace().count() > 6);
    s.edit_statement(&dropped.key, change(r#"{"keep": false}"#))
        .unwrap();
    if let Some(extra) = extra {
        s.edit_statement(&extra.key, change(r#"{"keep": true}"#))
            .unwrap();
    }
    let brief = s.brief(today()).unwrap();
    let keys: Vec<String> = brief
        .speakers
        .iter()
        .flat_map(|g| &g.statements)
        .map(|b| statement_key(&b.provenance))
        .collect();
    assert!(!keys.contains(&dropped.key));
    if let Some(extra) = extra {
        assert!(
            keys.contains(&extra.key),
            "an explicitly kept statement is printed"
        );
    }
    assert!(!all(&s).iter().find(|x| x.key == dropped.key).unwrap().keep);
}

#[test]
fn an_edited_quote_is_printed_in_its_new_words_marked_edited() {
    let mut s = session(&["harbor-talks.txt"]);
    let q = all(&s)
        .into_iter()
        .find(|x| x.keep && x.kind == StatementKind::DirectQuote)
        .unwrap();
    s.edit_statement(
        &q.key,
        change(r#"{"text": "Shortened words for the meeting"}"#),
    )
    .unwrap();
    let view = all(&s).into_iter().find(|x| x.key == q.key).unwrap();
    assert!(view.edited && view.original == q.original);
    let text = pdf_text(&s);
    assert!(
        text.contains("“Shortened words for the meeting” (edited)"),
        "{text}"
    );
    // Reverting restores the source's words.
    s.edit_statement(&q.key, change(r#"{"text": null}"#))
        .unwrap();
    let view = all(&s).into_iter().find(|x| x.key == q.key).unwrap();
    assert!(!view.edited && view.text == q.original);
}

#[test]
fn a_promoted_statement_opens_the_bottom_line_and_leaves_the_statements() {
    let mut s = session(&["harbor-talks.txt"]);
    let before = s.brief(today()).unwrap();
    let q = all(&s)
        .into_iter()
        .find(|x| x.kind == StatementKind::DirectQuote)
        .unwrap();
    s.edit_statement(&q.key, change(r#"{"promoted": true}"#))
        .unwrap();
    let brief = s.brief(today()).unwrap();
    assert!(
        brief.bottom_line[0].text.contains(&q.text),
        "{:?}",
        brief.bottom_line
    );
    assert!(brief.bottom_line.len() <= 3);
    assert_eq!(brief.bottom_line[1].text, before.bottom_line[0].text);
    let printed = brief
        .speakers
        .iter()
        .flat_map(|g| &g.statements)
        .any(|b| statement_key(&b.provenance) == q.key);
    assert!(!printed);
}

#[test]
fn statements_follow_the_analysts_order() {
    let mut s = session(&["harbor-talks.txt", "energy-summit.html"]);
    let mut keys: Vec<String> = all(&s)
        .into_iter()
        .filter(|x| x.keep)
        .map(|x| x.key)
        .collect();
    assert!(keys.len() >= 3);
    keys.reverse();
    s.order_statements(&keys).unwrap();
    let printed: Vec<String> = s
        .brief(today())
        .unwrap()
        .speakers
        .iter()
        .flat_map(|g| &g.statements)
        .map(|b| statement_key(&b.provenance))
        .collect();
    // The last statement now comes first, and so does its speaker.
    assert_eq!(printed[0], keys[0]);
    assert!(s.order_statements(&["x:1-2".into()]).is_err());
}

#[test]
fn a_reopened_project_gives_the_same_brief() {
    let mut s = session(&["harbor-talks.txt", "grain-corridor.md"]);
    let q = all(&s).into_iter().find(|x| x.keep).unwrap();
    s.edit_statement(
        &q.key,
        change(r#"{"text": "Edited for the meeting", "keep": true}"#),
    )
    .unwrap();
    s.project.settings.title = "Harbour and grain".into();
    s.project.settings.marking = "TLP:AMBER".into();
    let id = s.views()[1].id.clone();
    s.pick(&id, false).unwrap();
    let saved = s.project.to_json();
    let reopened = Session::new(Project::from_json(&saved).unwrap());
    assert_eq!(reopened.brief(today()).unwrap(), s.brief(today()).unwrap());
    let text = pdf_text(&reopened);
    assert!(text.contains("Harbour and grain") && text.contains("TLP:AMBER"));
    assert!(text.contains("Edited for the meeting"));
}

#[test]
fn removing_an_article_forgets_its_review() {
    let mut s = session(&["harbor-talks.txt", "grain-corridor.md"]);
    let q = all(&s).into_iter().next().unwrap();
    s.edit_statement(&q.key, change(r#"{"keep": false}"#))
        .unwrap();
    s.remove(std::slice::from_ref(&q.article_id)).unwrap();
    assert!(s.project.review.edits.is_empty());
    assert_eq!(s.views().len(), 1);
}

#[test]
fn the_reader_marks_every_statement_of_the_article() {
    let s = session(&["harbor-talks.txt"]);
    let id = s.views()[0].id.clone();
    let (view, paragraphs) = s.detail(&id).unwrap();
    let marked: std::collections::BTreeSet<String> = paragraphs
        .iter()
        .flatten()
        .filter_map(|seg| seg.statement.clone())
        .collect();
    assert_eq!(marked.len(), view.statements);
}

#[test]
fn the_same_story_saved_twice_is_flagged_as_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::fixtures().join("harbor-talks.txt")).unwrap();
    // Another save of the same story: other bytes (a trailing note), so not the same file.
    std::fs::write(
        dir.path().join("copy.txt"),
        format!("{text}\n\nSaved from the wire.\n"),
    )
    .unwrap();
    let mut s = session(&["harbor-talks.txt", "grain-corridor.md"]);
    let out = s.import(files::import(&[dir.path().join("copy.txt")], |_, _, _| {}));
    assert_eq!(out.added.len(), 1, "a different file is added");
    let views = s.views();
    assert_eq!(views[2].duplicate_of.as_deref(), Some(views[0].id.as_str()));
    assert_eq!(views[1].duplicate_of, None);
}
