//! Benchmark of pathological articles (issue 14): each shape of `tests/common/pathological.rs` at
//! 10 MB built by the release `briefdesk build`, the whole process, beside a baseline build of the
//! bundled three-article sample in the same command.
//!
//! Reports per shape the median wall time of 3 runs, its ratio to the baseline, the peak memory
//! (max RSS, from wait4) and the PDF's size. Goals: ≤ 3 s, ≤ 300 MB, PDF ≤ 1 MB.
//! Run with `cargo bench --bench pathological`.

#[path = "../tests/common/pathological.rs"]
mod pathological;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "common/child.rs"]
mod child;

/// Size of each pathological article.
const SIZE: usize = 10_000_000;

/// Runs the CLI once: wall time and peak memory in KB.
fn run(bin: &Path, inputs: &[PathBuf], out: &Path) -> (Duration, u64) {
    let mut cmd = Command::new(bin);
    cmd.args(["build", "--date", "2026-12-04", "-o"])
        .arg(out)
        .args(inputs);
    let r = child::run(&mut cmd);
    (r.wall, r.peak_kb)
}

/// Median wall time and largest peak memory of `n` runs.
fn measure(bin: &Path, inputs: &[PathBuf], out: &Path, n: usize) -> (Duration, u64) {
    let mut walls = Vec::new();
    let mut peak = 0;
    for _ in 0..n {
        let (w, m) = run(bin, inputs, out);
        walls.push(w);
        peak = peak.max(m);
    }
    walls.sort();
    (walls[walls.len() / 2], peak)
}

fn main() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_briefdesk"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("brief.pdf");
    let sample: Vec<PathBuf> = [
        "harbor-talks.txt",
        "grain-corridor.md",
        "energy-summit.html",
    ]
    .iter()
    .map(|f| root.join("tests/fixtures").join(f))
    .collect();
    let (base, base_mem) = measure(&bin, &sample, &out, 5);
    println!(
        "{:<20} {:>9} {:>8} {:>9} {:>10}",
        "article (10 MB)", "wall", "ratio", "peak", "PDF"
    );
    println!(
        "{:<20} {:>6.0} ms {:>7.1}x {:>6} MB {:>7} KB",
        "baseline: sample",
        base.as_secs_f64() * 1e3,
        1.0,
        base_mem / 1024,
        std::fs::metadata(&out).map_or(0, |m| m.len() / 1024)
    );
    for case in pathological::cases(SIZE) {
        let input = tmp.path().join(case.name);
        std::fs::write(&input, &case.bytes).expect("write");
        let (wall, mem) = measure(&bin, &[input], &out, 3);
        println!(
            "{:<20} {:>6.0} ms {:>7.1}x {:>6} MB {:>7} KB",
            case.name,
            wall.as_secs_f64() * 1e3,
            wall.as_secs_f64() / base.as_secs_f64(),
            mem / 1024,
            std::fs::metadata(&out).map_or(0, |m| m.len() / 1024)
        );
    }
}
