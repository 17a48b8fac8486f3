//! Benchmark of the whole pipeline on 10 and 100 articles made from the fixture articles.
//!
//! Two measurements, each the median of repeated runs in this one process:
//! - `library`: ingest → analyze → compose → render in process (no file I/O);
//! - `cli`: wall time of the release `briefdesk build` on a folder of the same articles
//!   (process start, reading files, fonts and writing the PDF included).
//!
//! Run with `cargo bench --bench pipeline`. Ratios are against the 10-article run.

#[path = "common/allocator.rs"]
mod allocator;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefdesk::render::{PageSize, RenderOptions, Templates};
use briefdesk::{analyze, compose, ingest, BriefSettings};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn library_run(articles: &[(String, Vec<u8>)], templates: &Templates) -> usize {
    let items: Vec<_> = articles
        .iter()
        .filter_map(|(n, b)| ingest::ingest(n, b).ok())
        .map(|a| {
            let an = analyze::analyze(&a);
            (a, an)
        })
        .collect();
    let settings = BriefSettings {
        title: None,
        subtitle: None,
        author: Some("Benchmark".into()),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"),
        marking: "OFFICIAL".into(),
    };
    let brief = compose::compose(&items, &settings).expect("compose");
    let opts = RenderOptions {
        template: "policy-brief".into(),
        page_size: PageSize::A4,
    };
    briefdesk::render::render_pdf(&brief, templates, &opts)
        .expect("render")
        .len()
}

fn cli_run(bin: &Path, dir: &Path, out: &Path) -> Duration {
    let t = Instant::now();
    let status = Command::new(bin)
        .args(["build", "--date", "2026-11-28", "-o"])
        .arg(out)
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run briefdesk");
    let d = t.elapsed();
    assert!(status.success(), "briefdesk build failed");
    d
}

fn main() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_briefdesk"));
    let templates = Templates::builtin();
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut base_lib = None;
    let mut base_cli = None;
    println!(
        "{:>9} {:>14} {:>8} {:>14} {:>8}",
        "articles", "library", "ratio", "cli (wall)", "ratio"
    );
    for n in [10usize, 100] {
        let arts = corpus(n, false);
        let dir = tmp.path().join(format!("in{n}"));
        std::fs::create_dir_all(&dir).expect("dir");
        for (name, bytes) in &arts {
            std::fs::write(dir.join(name), bytes).expect("write");
        }
        let runs = if n <= 10 { 21 } else { 7 };
        library_run(&arts, &templates);
        let lib = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(library_run(&arts, &templates));
                    t.elapsed()
                })
                .collect(),
        );
        let out = tmp.path().join(format!("brief{n}.pdf"));
        cli_run(&bin, &dir, &out);
        let cli = median((0..runs).map(|_| cli_run(&bin, &dir, &out)).collect());
        let bl = *base_lib.get_or_insert(lib);
        let bc = *base_cli.get_or_insert(cli);
        println!(
            "{n:>9} {:>11.1} ms {:>7.2}x {:>11.1} ms {:>7.2}x",
            lib.as_secs_f64() * 1e3,
            lib.as_secs_f64() / bl.as_secs_f64(),
            cli.as_secs_f64() * 1e3,
            cli.as_secs_f64() / bc.as_secs_f64(),
        );
    }
}
