//! Fuzz target: the whole path, bytes → ingest → analyze → stories → compose → render (PDF bytes).
//! Run with libFuzzer's `-timeout` and `-rss_limit_mb` (`.ci/fuzz-smoke` does), so a super-linear
//! step or a memory blow-up on some shape of text is found as a crash, not only a panic. The file
//! has no extension: its format (text, Markdown, HTML, containers) is known by its content.
#![no_main]

use std::sync::LazyLock;

use briefdesk::render::{render, PageSize, RenderOptions, Templates};
use briefdesk::{analyze, compose, ingest, stories, BriefSettings};
use libfuzzer_sys::fuzz_target;

static TEMPLATES: LazyLock<Templates> = LazyLock::new(Templates::builtin);

fuzz_target!(|data: &[u8]| {
    let items: Vec<_> = ingest::ingest_all("article", data)
        .into_iter()
        .filter_map(Result::ok)
        .map(|a| {
            let analysis = analyze::analyze(&a);
            (a, analysis)
        })
        .collect();
    if items.is_empty() {
        return;
    }
    let groups = stories::group(&items);
    let settings =
        BriefSettings::dated(chrono::NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"));
    let brief = compose::compose_stories(&items, &groups, &settings).expect("compose");
    for template in ["policy-brief", "one-pager"] {
        let opts = RenderOptions {
            template: template.into(),
            page_size: PageSize::A4,
        };
        let _ = render(&brief, &TEMPLATES, &opts).expect("render");
    }
});
