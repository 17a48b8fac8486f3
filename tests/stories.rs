//! Story grouping (issue 13): articles of one development grouped across outlets, articles of one
//! topic but different events kept apart, and the brief organised by story.

use crate::common;

use std::path::PathBuf;

use briefdesk::{compose, dump, files, stories, Analysis, Article, BriefSettings, StoryGroup};
use chrono::NaiveDate;
use common::briefdesk_ok;

fn folder(name: &str) -> PathBuf {
    common::fixtures().join("stories").join(name)
}

/// Every article of the given fixture folders, in file-name order.
fn load(folders: &[&str]) -> Vec<(Article, Analysis)> {
    let paths: Vec<PathBuf> = folders.iter().map(|f| folder(f)).collect();
    files::import(&paths, |_, _, _| {})
        .into_iter()
        .map(|r| r.expect("every fixture imports"))
        .collect()
}

/// Each story as the sorted file names of its articles.
fn files_of(items: &[(Article, Analysis)], groups: &[StoryGroup]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|g| {
            let mut f: Vec<String> = g
                .article_ids
                .iter()
                .map(|id| {
                    let (a, _) = items.iter().find(|(a, _)| a.id == *id).unwrap();
                    a.file_name.clone()
                })
                .collect();
            f.sort();
            f
        })
        .collect()
}

fn settings() -> BriefSettings {
    BriefSettings {
        title: None,
        subtitle: None,
        author: None,
        date: NaiveDate::from_ymd_opt(2027, 7, 20).unwrap(),
        marking: "OFFICIAL".into(),
    }
}

#[test]
fn three_stories_across_outlets_and_the_singles_alone() {
    let items = load(&["batch"]);
    let groups = stories::group(&items);
    let got = files_of(&items, &groups);
    // Heaviest first: three outlets; then two outlets each, the most recent first.
    assert_eq!(
        got[0],
        [
            "estravia-kordana-truce.md",
            "sarn-valley-ceasefire.html",
            "valletta-ceasefire.txt"
        ]
    );
    assert_eq!(
        got[1],
        ["salzgitter-fire-inquiry.html", "salzgitter-plant-fire.txt"]
    );
    assert_eq!(
        got[2],
        ["cedi-after-rate-decision.md", "ghana-rate-rise.txt"]
    );
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(got[3..].iter().all(|g| g.len() == 1), "{got:?}");
    // The reason names what the articles share and how far apart they are.
    assert!(groups[0].why.contains("Kordana") || groups[0].why.contains("Estravia"));
    assert!(groups[0].why.ends_with("2 days apart"), "{}", groups[0].why);
    assert!(groups[3].why.is_empty());
    common::check_golden("stories.batch.txt", &dump::stories(&items, &groups));
}

#[test]
fn a_two_article_story_is_named_by_its_first_report() {
    // The fire (4 June) and the inquiry into it (8 June) are one story: equally close to each
    // other, so the earlier report names it, whatever the files' order.
    let items = load(&["batch"]);
    let groups = stories::group(&items);
    let fire = groups
        .iter()
        .find(|g| g.article_ids.len() == 2 && g.label.contains("Salzgitter"))
        .expect("the Salzgitter story");
    assert_eq!(
        fire.label,
        "Two workers killed in fire at Salzgitter battery recycling plant"
    );
}

#[test]
fn a_dateline_after_a_standfirst_opens_no_sentence() {
    // The inquiry page puts a teaser before "BRAUNSCHWEIG — Prosecutors have opened …".
    let items = load(&["batch"]);
    let (article, analysis) = items
        .iter()
        .find(|(a, _)| a.file_name == "salzgitter-fire-inquiry.html")
        .unwrap();
    let d = article
        .dateline_span
        .expect("the dateline of the second paragraph");
    assert_eq!(article.slice(d), "BRAUNSCHWEIG — ");
    assert!(analysis
        .sentences
        .iter()
        .all(|s| !s.text.contains("BRAUNSCHWEIG")));
    assert!(analysis.sentences.iter().any(|s| s
        .text
        .starts_with("Prosecutors have opened a criminal investigation")));
}

#[test]
fn same_topic_different_events_stay_apart() {
    let items = load(&["same-topic"]);
    let groups = stories::group(&items);
    assert_eq!(groups.len(), 4, "{:?}", files_of(&items, &groups));
}

#[test]
fn grouping_off_is_one_story_of_everything() {
    let items = load(&["batch"]);
    let one = stories::one_story(&items);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].article_ids.len(), items.len());
    assert!(one[0].why.is_empty());
}

#[test]
fn the_brief_follows_the_stories() {
    let items = load(&["batch"]);
    let groups = stories::group(&items);
    let brief = compose::compose_stories(&items, &groups, &settings()).unwrap();
    assert_eq!(brief.stories.len(), 6);
    // Untitled, a brief of several stories is named after the heaviest.
    assert_eq!(brief.title, brief.stories[0].label);
    for (story, group) in brief.stories.iter().zip(&groups) {
        assert_eq!(story.label, group.label);
        // Every line of a section cites only the story's own sources.
        let own = |n: &usize| story.sources.contains(n);
        let lines = story.bottom_line.iter().chain(&story.key_points);
        assert!(lines.flat_map(|l| &l.sources).all(own), "{}", story.label);
        let statements = story.speakers.iter().flat_map(|g| &g.statements);
        assert!(statements.flat_map(|s| &s.sources).all(own));
        assert!(story.chronology.iter().flat_map(|e| &e.sources).all(own));
        // In time order.
        let dates: Vec<_> = story.chronology.iter().map(|e| e.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        assert!(!story.bottom_line.is_empty());
    }
    // The ceasefire was told by three outlets over three days: its chronology has each.
    assert_eq!(brief.stories[0].outlets.len(), 3);
    assert!(brief.stories[0].chronology.len() >= 3);
    // "on Tuesday" in the second Ghana article is the day before it was published.
    let ghana = &brief.stories[2];
    let tuesday = NaiveDate::from_ymd_opt(2027, 4, 20).unwrap();
    assert!(ghana.chronology.iter().any(|e| e.date == tuesday));
    // The sources stay one numbered list for the whole brief.
    assert_eq!(brief.sources.len(), items.len());
    common::check_golden("stories.brief.txt", &dump::brief(&brief));
}

#[test]
fn a_single_story_keeps_the_two_page_layout_with_its_chronology() {
    let items = load(&["batch"]);
    let ceasefire: Vec<_> = items
        .into_iter()
        .filter(|(a, _)| a.title.contains("Estravia") || a.title.contains("Valletta"))
        .collect();
    assert_eq!(ceasefire.len(), 3);
    let brief = compose::compose(&ceasefire, &settings()).unwrap();
    assert_eq!(brief.stories.len(), 1);
    let story = &brief.stories[0];
    // The full budget: the same bottom line and statements as the brief's own.
    assert_eq!(story.bottom_line, brief.bottom_line);
    assert_eq!(story.speakers, brief.speakers);
    assert!(story.chronology.len() >= 2);
}

#[test]
fn cli_groups_by_default_and_one_story_turns_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let batch = folder("batch").to_string_lossy().into_owned();
    let common = ["--date", "2027-07-20", "--title", "Week 28"];
    let grouped = dir.path().join("grouped.pdf");
    let mut args = vec!["build", &batch, "-o", grouped.to_str().unwrap()];
    args.extend(common);
    briefdesk_ok(&args, dir.path());
    let text = common::pdftotext(&grouped);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The overview lists the stories, heaviest first, then each has its section.
    let overview = text.find("Stories in this brief").expect("an overview");
    let ceasefire = text[overview..]
        .find("Estravia and Kordana sign ceasefire")
        .unwrap();
    let fire = text[overview..].find("Two workers killed in fire").unwrap();
    let ghana = text[overview..].find("Bank of Ghana").unwrap();
    assert!(ceasefire < fire && fire < ghana, "{text}");
    assert!(text.contains("3 outlets · 11–13 March 2027"), "{text}");
    assert!(
        text.contains("1. Estravia and Kordana sign ceasefire"),
        "{text}"
    );
    assert!(text.contains("Chronology"), "{text}");
    let one = dir.path().join("one.pdf");
    let mut args = vec!["build", &batch, "-o", one.to_str().unwrap(), "--one-story"];
    args.extend(common);
    briefdesk_ok(&args, dir.path());
    let text = common::pdftotext(&one);
    assert!(!text.contains("Stories in this brief"), "{text}");
    assert!(
        text.contains("Bottom line") && text.contains("Key points"),
        "{text}"
    );
}

#[test]
fn analyze_json_includes_the_stories() {
    let dir = tempfile::tempdir().unwrap();
    let batch = folder("batch").to_string_lossy().into_owned();
    let o = briefdesk_ok(&["analyze", "--json", &batch], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(articles.len(), 10);
    assert_eq!(stories.len(), 6);
    // Every article is in exactly one story.
    let mut ids: Vec<&str> = stories
        .iter()
        .flat_map(|s| s["article_ids"].as_array().unwrap())
        .map(|id| id.as_str().unwrap())
        .collect();
    ids.sort();
    let mut expected: Vec<&str> = articles
        .iter()
        .map(|a| a["article"]["id"].as_str().unwrap())
        .collect();
    expected.sort();
    assert_eq!(ids, expected);
    assert!(stories[0]["why"].as_str().unwrap().starts_with("grouped: "));
}

mod session {
    use super::*;
    use briefdesk::project::{Project, Session};

    fn open(folders: &[&str]) -> Session {
        let paths: Vec<PathBuf> = folders.iter().map(|f| folder(f)).collect();
        let mut s = Session::new(Project::default());
        let out = s.import(files::import(&paths, |_, _, _| {}));
        assert!(out.failed.is_empty(), "{:?}", out.failed);
        s
    }

    fn id_of(s: &Session, file: &str) -> String {
        let views = s.views();
        views
            .iter()
            .find(|v| v.file_name == file)
            .unwrap()
            .id
            .clone()
    }

    fn story_of(s: &Session, article: &str) -> String {
        let views = s.story_views();
        let story = views
            .iter()
            .find(|v| v.articles.iter().any(|a| a == article));
        story.unwrap().id.clone()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, 20).unwrap()
    }

    #[test]
    fn the_analyst_moves_merges_renames_and_reorders_and_reopening_keeps_it() {
        let mut s = open(&["batch"]);
        assert_eq!(s.story_views().len(), 6);
        let museum = id_of(&s, "porto-river-trade-museum.md");
        let fire = id_of(&s, "salzgitter-plant-fire.txt");
        let ghana = id_of(&s, "ghana-rate-rise.txt");
        // Move the museum article into the fire story: 5 stories, the fire story has 3.
        let fire_story = story_of(&s, &fire);
        s.move_to_story(&museum, Some(&fire_story)).unwrap();
        assert_eq!(story_of(&s, &museum), fire_story);
        assert_eq!(s.story_views().len(), 5);
        // ... and out again into a story of its own.
        let own = s.move_to_story(&museum, None).unwrap();
        assert_ne!(own, fire_story);
        assert_eq!(s.story_views().len(), 6);
        // Merge the Ghana story into the fire story, rename it, put it first.
        let ghana_story = story_of(&s, &ghana);
        s.merge_stories(&ghana_story, &fire_story).unwrap();
        s.rename_story(&fire_story, "Industrial and monetary shocks")
            .unwrap();
        s.order_stories(std::slice::from_ref(&fire_story)).unwrap();
        let views = s.story_views();
        assert_eq!(views.len(), 5);
        assert_eq!(views[0].label, "Industrial and monetary shocks");
        assert_eq!(views[0].articles.len(), 4);
        assert!(views[0].renamed);
        // The brief follows at once, and so does a reopened project.
        let brief = s.brief(today()).unwrap();
        assert_eq!(brief.stories[0].label, "Industrial and monetary shocks");
        assert_eq!(brief.stories.len(), 5);
        let reopened = Session::new(Project::from_json(&s.project.to_json()).unwrap());
        assert_eq!(reopened.story_views(), s.story_views());
        // Unknown stories are refused by name.
        let e = s.merge_stories("story-nope", &fire_story).unwrap_err();
        assert!(e.to_string().contains("story-nope"), "{e}");
    }

    #[test]
    fn grouping_off_makes_one_story_and_review_follows_the_stories() {
        let mut s = open(&["batch"]);
        let review = s.review_by_story().unwrap();
        assert_eq!(review.len(), 6);
        // Each story's review holds only statements of its own articles.
        for (story, r) in s.story_views().iter().zip(&review) {
            assert_eq!(story.id, r.id);
            let ids = r.groups.iter().flat_map(|g| &g.statements);
            assert!(ids
                .map(|st| &st.article_id)
                .all(|a| story.articles.contains(a)));
        }
        s.set_grouped(false);
        assert!(!s.grouped());
        assert_eq!(s.story_views().len(), 1);
        let brief = s.brief(today()).unwrap();
        assert_eq!(brief.stories.len(), 1);
    }

    #[test]
    fn a_new_article_joins_the_story_the_analyst_named() {
        let mut s = open(&["batch"]);
        let truce = id_of(&s, "estravia-kordana-truce.md");
        let story = story_of(&s, &truce);
        s.rename_story(&story, "Sarn ceasefire").unwrap();
        // The third ceasefire article arrives later: it joins the renamed story.
        let sarn = id_of(&s, "sarn-valley-ceasefire.html");
        s.remove(std::slice::from_ref(&sarn)).unwrap();
        let again = folder("batch").join("sarn-valley-ceasefire.html");
        s.import(files::import(&[again], |_, _, _| {}));
        let views = s.story_views();
        let named = views.iter().find(|v| v.label == "Sarn ceasefire").unwrap();
        assert_eq!(named.articles.len(), 3);
    }
}
