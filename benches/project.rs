//! Benchmark of a large project (issue 14): 1,000 articles in one project, as the app handles it.
//!
//! Medians of repeated runs in this one process, on the folder the temporary directory lives in:
//! - `change`: a settings change as the app's command does it: set, save the whole project
//!   atomically (JSON, fsync, rename), and the library view it returns (articles and stories);
//! - `reopen`: the file read, parsed and every article analysed ([`Session::new`]);
//! - `preview`: the brief of the picked articles composed and rendered to PDF.
//!
//! Run with `cargo bench --bench project`. Ratios are against the 10-article project.

#[path = "common/allocator.rs"]
mod allocator;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus;

use std::time::{Duration, Instant};

use briefdesk::files::write_atomic;
use briefdesk::project::{Project, Session};
use briefdesk::render::{render, Templates};
use briefdesk::{analyze, ingest};

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let tmp = tempfile::tempdir_in(std::env::temp_dir()).expect("temp dir");
    let templates = Templates::builtin();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
    let mut base: Option<[Duration; 3]> = None;
    println!(
        "{:>9} {:>9} {:>11} {:>8} {:>11} {:>8} {:>11} {:>8}",
        "articles", "file", "change", "ratio", "reopen", "ratio", "preview", "ratio"
    );
    for n in [10usize, 1000] {
        let results = corpus(n, true)
            .iter()
            .map(|(name, b)| {
                ingest::ingest(name, b).map(|a| {
                    let an = analyze::analyze(&a);
                    (a, an)
                })
            })
            .collect();
        let mut session = Session::new(Project::default());
        session.import(results);
        let path = tmp.path().join(format!("p{n}.briefdesk"));
        let runs = if n <= 10 { 21 } else { 7 };
        let mut k = 0;
        let save = median(runs, || {
            let mut settings = session.project.settings.clone();
            k += 1;
            settings.title = format!("Title {k}");
            session.set_settings(settings);
            write_atomic(&path, &session.project.to_json()).expect("save");
            std::hint::black_box((session.views(), session.story_views()));
        });
        let size = std::fs::metadata(&path).expect("saved").len();
        let reopen = median(runs.min(7), || {
            let bytes = std::fs::read(&path).expect("read");
            let project = Project::from_json(&bytes).expect("parse");
            std::hint::black_box(Session::new(project));
        });
        let opts = session.project.settings.render_options();
        let preview = median(runs.min(7), || {
            let brief = session.brief(today).expect("brief");
            std::hint::black_box(render(&brief, &templates, &opts).expect("render"));
        });
        let b = *base.get_or_insert([save, reopen, preview]);
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{n:>9} {:>6} KB {:>8.1} ms {:>7.1}x {:>8.1} ms {:>7.1}x {:>8.1} ms {:>7.1}x",
            size / 1024,
            ms(save),
            ms(save) / ms(b[0]),
            ms(reopen),
            ms(reopen) / ms(b[1]),
            ms(preview),
            ms(preview) / ms(b[2]),
        );
    }
}
