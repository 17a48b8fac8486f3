//! Benchmark of story grouping (`stories::group`) on 100 and 1,000 real articles: the shared
//! evaluation kit's BBC, PolNeAR and CNN/DailyMail dev articles (`../shared/eval`), imported and
//! analysed before timing. Median of repeated runs in this one process, ratio against 100.
//!
//! Run with `cargo bench --bench stories`.

#[path = "common/allocator.rs"]
mod allocator;

use std::path::Path;
use std::time::{Duration, Instant};

use briefdesk::{analyze, ingest, stories, Analysis, Article};

/// Up to `n` articles of the evaluation kit, each read as a dropped text file would be.
fn articles(n: usize) -> Vec<(Article, Analysis)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/data");
    let mut out = Vec::new();
    for set in ["bbc_news_summary", "polnear_quotes", "cnndm_test_frank"] {
        let Ok(text) = std::fs::read_to_string(data.join(set).join("dev.jsonl")) else {
            continue;
        };
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let title = v["title"].as_str().unwrap_or("");
            let body = v["text"].as_str().unwrap_or("");
            let doc = format!("{title}\n\n{body}");
            if let Ok(a) = ingest::ingest(&format!("{}.txt", out.len()), doc.as_bytes()) {
                let an = analyze::analyze(&a);
                out.push((a, an));
            }
            if out.len() == n {
                return out;
            }
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let all = articles(1000);
    if all.len() < 1000 {
        eprintln!(
            "only {} articles: ../shared/eval is needed for this benchmark",
            all.len()
        );
        return;
    }
    println!(
        "{:>9} {:>12} {:>8} {:>8}",
        "articles", "group", "ratio", "stories"
    );
    let mut base = None;
    for n in [100usize, 1000] {
        let items = &all[..n];
        let mut count = 0;
        let runs = (0..9)
            .map(|_| {
                let t = Instant::now();
                count = std::hint::black_box(stories::group(items)).len();
                t.elapsed()
            })
            .collect();
        let m = median(runs);
        let b = *base.get_or_insert(m);
        println!(
            "{n:>9} {:>9.1} ms {:>7.2}x {count:>8}",
            m.as_secs_f64() * 1e3,
            m.as_secs_f64() / b.as_secs_f64()
        );
    }
}
