//! Composing the brief: bottom line, key points, statements by speaker, numbered sources.

use crate::common;

use briefdesk::{compose, dump, Analysis, Article, BriefSettings, StatementKind};
use chrono::NaiveDate;

fn settings() -> BriefSettings {
    BriefSettings {
        title: None,
        subtitle: None,
        author: Some("Regional Desk".into()),
        date: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        marking: "official-sensitive".into(),
    }
}

fn fixtures() -> Vec<(Article, Analysis)> {
    let mut paths: Vec<_> = std::fs::read_dir(common::fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths.iter().map(|p| common::load(p)).collect()
}

#[test]
fn rubio_bottom_line_is_about_expanding_ties_with_pakistan() {
    let Some(shared) = common::shared() else {
        eprintln!("../shared is absent: the shared-sample check cannot run here");
        return;
    };
    let item = common::load(&shared.join("samples/rubio-pakistan.txt"));
    let brief = compose::compose(&[item], &settings()).unwrap();
    let bl = &brief.bottom_line;
    assert!((2..=3).contains(&bl.len()), "{bl:#?}");
    assert!(
        bl[0]
            .text
            .contains("expand its strategic relationship with Pakistan"),
        "{}",
        bl[0].text
    );
    assert!(!bl[0].text.starts_with("ISLAMABAD"), "dateline left in");
    let rubio = &brief.speakers[0];
    assert_eq!(rubio.name, "Marco Rubio");
    assert_eq!(rubio.role.as_deref(), Some("Secretary of State"));
    assert_eq!(rubio.statements[0].kind, StatementKind::DirectQuote);
}

#[test]
fn sources_numbered_and_every_line_traceable() {
    let items = fixtures();
    let brief = compose::compose(&items, &settings()).unwrap();
    assert_eq!(brief.sources.len(), items.len());
    assert_eq!(brief.marking, "OFFICIAL-SENSITIVE");
    for (i, s) in brief.sources.iter().enumerate() {
        assert_eq!(s.number, i + 1);
        assert_eq!(s.article_id, items[i].0.id);
    }
    assert!((2..=3).contains(&brief.bottom_line.len()));
    assert!(
        (3..=5).contains(&brief.key_points.len()),
        "{:#?}",
        brief.key_points
    );
    // Each line's provenance slices back to a passage that holds the line's words.
    for line in brief.bottom_line.iter().chain(&brief.key_points) {
        assert!(!line.sources.is_empty());
        let p = &line.provenance[0];
        let (a, _) = items.iter().find(|(a, _)| a.id == p.article_id).unwrap();
        let passage = a.slice(p.span);
        let tail: String = line
            .text
            .chars()
            .rev()
            .take(20)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(
            passage.ends_with(&tail),
            "“{}” vs passage “{passage}”",
            line.text
        );
    }
    for g in &brief.speakers {
        let first_reported = g
            .statements
            .iter()
            .position(|s| s.kind == StatementKind::Reported)
            .unwrap_or(g.statements.len());
        assert!(
            g.statements[first_reported..]
                .iter()
                .all(|s| s.kind == StatementKind::Reported),
            "direct quotes come first for {}",
            g.name
        );
        for s in &g.statements {
            assert_eq!(
                brief.sources[s.source - 1].article_id,
                s.provenance.article_id
            );
        }
    }
}

#[test]
fn golden_brief_of_all_fixtures() {
    let brief = compose::compose(&fixtures(), &settings()).unwrap();
    common::check_golden("fixtures.brief.txt", &dump::brief(&brief));
}

#[test]
fn settings_override_title_and_nothing_to_brief_is_an_error() {
    let items = fixtures();
    let mut s = settings();
    s.title = Some("Baltic ports: what to expect".into());
    s.subtitle = Some("Meeting with the Minister".into());
    let brief = compose::compose(&items, &s).unwrap();
    assert_eq!(brief.title, "Baltic ports: what to expect");
    assert_eq!(brief.subtitle.as_deref(), Some("Meeting with the Minister"));
    assert_eq!(brief.date, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    assert!(compose::compose(&[], &s).is_err());
}

/// Issue 5: the same statement carried by several outlets (trimmed quote, straight vs curly
/// marks, another attribution verb) is one statement citing every source.
#[test]
fn same_statement_in_three_outlets_is_one_statement_with_three_sources() {
    let dir = common::fixtures().join("merge");
    let items: Vec<_> = ["northbridge.txt", "meridian.txt", "ledger.txt"]
        .iter()
        .map(|f| common::load(&dir.join(f)))
        .collect();
    let brief = compose::compose(&items, &settings()).unwrap();
    let moraru = brief
        .speakers
        .iter()
        .find(|g| g.name == "Victor Moraru")
        .expect("Moraru's statements");
    let winter: Vec<_> = moraru
        .statements
        .iter()
        .filter(|s| s.text.contains("another winter with one cable"))
        .collect();
    assert_eq!(winter.len(), 1, "{:#?}", moraru.statements);
    assert_eq!(winter[0].sources, vec![1, 2, 3]);
    assert!(!winter[0].single_source);
    // "The engineering is done" appears in one article only.
    let engineering = moraru
        .statements
        .iter()
        .find(|s| s.text.contains("The engineering is done"))
        .expect("single-source quote kept");
    assert_eq!(engineering.sources, vec![1]);
    assert!(engineering.single_source);
    // Different statements of the same speaker are not merged.
    assert!(moraru.statements.len() >= 2);
}
