//! Benchmark of the analysis alone (sentences, quotes, speakers, reported speech, ranking,
//! entities) on one core, in articles per second.
//!
//! Corpus: the BBC News dev set of the shared evaluation kit when `../shared` is beside the
//! checkout (668 real articles), else the repository's fixture articles. Articles are imported
//! once; each timed round analyses every article once on this thread. The baseline in the same
//! run is the import (ingest) of the same articles. Run with `cargo bench --bench analysis`.

#[path = "common/allocator.rs"]
mod allocator;

use std::path::Path;
use std::time::{Duration, Instant};

use briefdesk::{analyze, ingest, Article};

fn corpus() -> (String, Vec<(String, Vec<u8>)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bbc = root.join("../shared/eval/data/bbc_news_summary/dev.jsonl");
    if let Ok(text) = std::fs::read_to_string(&bbc) {
        let docs = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|r| {
                let id = r["id"].as_str().unwrap_or("doc").to_string();
                let doc = format!(
                    "{}\n\n{}",
                    r["title"].as_str().unwrap_or(""),
                    r["text"].as_str().unwrap_or("")
                );
                (format!("{id}.txt"), doc.into_bytes())
            })
            .collect();
        return ("BBC News dev (shared eval)".into(), docs);
    }
    let dir = root.join("tests/fixtures");
    let docs = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("fixture"))
        })
        .collect();
    ("repository fixtures".into(), docs)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let (what, docs) = corpus();
    let articles: Vec<Article> = docs
        .iter()
        .filter_map(|(n, b)| ingest::ingest(n, b).ok())
        .collect();
    analyze::warm_up();
    for a in &articles {
        std::hint::black_box(analyze::analyze(a));
    }
    let rounds = 9;
    let analysis = median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                for a in &articles {
                    std::hint::black_box(analyze::analyze(a));
                }
                t.elapsed()
            })
            .collect(),
    );
    let import = median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                for (n, b) in &docs {
                    let _ = std::hint::black_box(ingest::ingest(n, b));
                }
                t.elapsed()
            })
            .collect(),
    );
    let n = articles.len() as f64;
    println!(
        "corpus: {what}, {} articles, one thread, median of {rounds} rounds",
        articles.len()
    );
    println!(
        "analysis: {:8.1} ms per round  {:7.0} articles/s",
        analysis.as_secs_f64() * 1e3,
        n / analysis.as_secs_f64()
    );
    println!(
        "import:   {:8.1} ms per round  {:7.0} articles/s  (analysis/import = {:.2}x)",
        import.as_secs_f64() * 1e3,
        n / import.as_secs_f64(),
        analysis.as_secs_f64() / import.as_secs_f64()
    );
}
