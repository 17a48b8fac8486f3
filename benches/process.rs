//! Whole-process benchmark of the release `briefdesk` binary against the Python peer (issue 12).
//! Run with `cargo bench --bench process`.
//!
//! Each case runs the binary as a whole process (start-up, reading files, fonts, writing the
//! PDF included) and reports the median wall time, the median CPU time (user + sys, from the
//! rusage of wait4), the largest peak memory (max RSS) of the runs, and the measure against its
//! goal:
//! 1. `briefdesk build` on 10 CNN/DailyMail articles as text files (the first 10 records of
//!    `../shared/eval/data/cnndm_test_frank/dev.jsonl`), 15 runs: goal ≤ 20 ms wall;
//! 2. the same on the first article alone, 15 runs: goal ≤ 8 ms wall;
//! 3. `briefdesk analyze --json` on a one-line text file, 15 runs: goal ≤ 3 ms CPU;
//! 4. `briefdesk build` on 1,000 BBC News articles (the 668 of
//!    `../shared/eval/data/bbc_news_summary/dev.jsonl`, then again from the start with a closing
//!    line "Copy N." until 1,000), 5 runs: goals ≤ 0.6 s wall, ≤ 150 MB peak;
//! 5. the Python peer (`../shared/peers/pipeline.py OUT.pdf FILE...`: trafilatura, pysbd, sumy
//!    LexRank, Typst) on the inputs of 1 and 2 with `~/.cache/briefdesk-peers/bin/python`, runs
//!    alternating with BriefDesk's (A B A B …) after one pair left out (the peer's first run
//!    fills its caches): the median over the pairs of peer wall / BriefDesk wall, goal ≥ 100× on
//!    10 articles.
//!
//! Without `../shared` it says so and exits 0; without the peer's environment, or when a trial
//! run of the peer fails, it prints why and the set-up line of `../shared/peers/README.md` (plus
//! NumPy, which sumy's LexRank needs and the line leaves out) and leaves out the peer rows. The
//! first run of each case is left out (caches).
//!
//! With `BRIEFDESK_BASELINE=/path/to/an/older/briefdesk`, cases 1–3 are also run alternating
//! with that binary, and each gets a row with the medians of both and their ratio (before / now).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "common/child.rs"]
mod child;
use child::{run, Run};

/// Runs of the small cases (1–3 and the peer).
const SMALL_RUNS: usize = 15;
/// Runs of the 1,000-article case.
const LARGE_RUNS: usize = 5;
/// Articles of case 4.
const LARGE_ARTICLES: usize = 1_000;
/// The brief date of every build, so runs do not depend on the day.
const DATE: &str = "2026-12-01";
/// How the peer's environment is made: the line of `../shared/peers/README.md` plus `numpy`,
/// without which sumy's LexRank refuses to run.
const PEER_SETUP: &str = "python3 -m venv ~/.cache/briefdesk-peers && ~/.cache/briefdesk-peers/bin/pip install trafilatura sumy pysbd typst numpy";

/// The median of `v`.
fn median<T: Copy + PartialOrd>(mut v: Vec<T>) -> T {
    v.sort_by(|a, b| a.partial_cmp(b).expect("comparable"));
    v[v.len() / 2]
}

/// Median wall, median CPU and largest peak of some runs.
#[derive(Debug, Clone, Copy)]
struct Summary {
    wall: Duration,
    cpu: Duration,
    peak_kb: u64,
    runs: usize,
}

/// The summary of `runs`.
fn summarise(runs: &[Run]) -> Summary {
    Summary {
        wall: median(runs.iter().map(|r| r.wall).collect()),
        cpu: median(runs.iter().map(|r| r.cpu).collect()),
        peak_kb: runs.iter().map(|r| r.peak_kb).max().unwrap_or(0),
        runs: runs.len(),
    }
}

/// Milliseconds, one decimal under 100 ms.
fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// One row of the table: the case, its summary, the ratio column and the goal.
fn row(case: &str, s: &Summary, ratio: &str, goal: &str) {
    println!(
        "{case:<34} {:>4} {:>10} {:>10} {:>7} MB {:>12}  {goal}",
        s.runs,
        ms(s.wall),
        ms(s.cpu),
        s.peak_kb / 1024,
        ratio
    );
}

/// `measured / goal` as a ratio with whether the goal is met ("0.62× ok", "1.40× over").
fn against(measured: f64, goal: f64) -> String {
    let r = measured / goal;
    format!("{r:.2}× {}", if r <= 1.0 { "ok" } else { "over" })
}

/// The `text` field (and `title`, when there is one, as the first line) of each JSON line.
fn records(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("read JSON lines");
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|r| {
            let body = r["text"].as_str().unwrap_or("");
            match r["title"].as_str() {
                Some(t) if !t.is_empty() => format!("{t}\n\n{body}\n"),
                _ => format!("{body}\n"),
            }
        })
        .collect()
}

/// Writes `docs` as `aNN.txt` (zero-padded to the count's width) into a new folder `dir`;
/// returns the files in order.
fn write_folder(dir: &Path, docs: &[String]) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("folder");
    let width = docs.len().saturating_sub(1).to_string().len().max(2);
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let p = dir.join(format!("a{i:0width$}.txt"));
            std::fs::write(&p, d).expect("write article");
            p
        })
        .collect()
}

/// The `briefdesk build` command on `dir`, writing `out`.
fn build(bin: &Path, dir: &Path, out: &Path) -> Command {
    let mut c = Command::new(bin);
    c.args(["build", "--date", DATE, "-o"]).arg(out).arg(dir);
    c
}

/// The peer's command on `files`, writing `out`.
fn peer(python: &Path, script: &Path, files: &[PathBuf], out: &Path) -> Command {
    let mut c = Command::new(python);
    c.arg(script).arg(out).args(files);
    c
}

/// BriefDesk on `dir` and, when there is a peer, the peer on `files`, alternating; the first
/// pair is left out. Returns BriefDesk's runs and the peer's runs (empty without a peer).
fn alternate(
    bin: &Path,
    dir: &Path,
    files: &[PathBuf],
    peer_cmd: Option<(&Path, &Path)>,
    out: &Path,
) -> (Vec<Run>, Vec<Run>) {
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for i in 0..=SMALL_RUNS {
        let a = run(&mut build(bin, dir, out));
        let b = peer_cmd.map(|(py, script)| run(&mut peer(py, script, files, out)));
        if i > 0 {
            ours.push(a);
            theirs.extend(b);
        }
    }
    (ours, theirs)
}

/// Cases 1–3 again, alternating this binary with `base` (an older build): one row each with
/// the baseline's medians and the ratios of its medians to ours.
fn against_baseline(bin: &Path, base: &Path, cases: &[(&str, Vec<std::ffi::OsString>)]) {
    println!("\nbaseline: {}", base.display());
    for (case, args) in cases {
        let (mut now, mut before) = (Vec::new(), Vec::new());
        for i in 0..=SMALL_RUNS {
            let a = run(Command::new(bin).args(args));
            let b = run(Command::new(base).args(args));
            if i > 0 {
                now.push(a);
                before.push(b);
            }
        }
        let (n, b) = (summarise(&now), summarise(&before));
        let ratio = |x: Duration, y: Duration| x.as_secs_f64() / y.as_secs_f64();
        row(
            &format!("{case}: now"),
            &n,
            &format!("{:.2}× wall", ratio(b.wall, n.wall)),
            "",
        );
        row(
            &format!("{case}: baseline"),
            &b,
            &format!("{:.2}× CPU", ratio(b.cpu, n.cpu)),
            "",
        );
    }
}

/// The peer rows of one case: the peer's summary and the median over pairs of peer / ours.
fn peer_row(case: &str, ours: &[Run], theirs: &[Run], goal: &str) {
    if theirs.is_empty() {
        return;
    }
    let ratios: Vec<f64> = ours
        .iter()
        .zip(theirs)
        .map(|(a, b)| b.wall.as_secs_f64() / a.wall.as_secs_f64())
        .collect();
    row(
        case,
        &summarise(theirs),
        &format!("{:.0}× peer/bd", median(ratios)),
        goal,
    );
}

/// The input folders and files of the cases, in a temporary folder.
struct Inputs {
    _tmp: tempfile::TempDir,
    out: PathBuf,
    ten_dir: PathBuf,
    ten: Vec<PathBuf>,
    one_dir: PathBuf,
    one: Vec<PathBuf>,
    line: PathBuf,
    many_dir: PathBuf,
}

/// Writes the inputs of the cases from the CNN/DailyMail and BBC sets.
fn inputs(cnndm: &Path, bbc: &Path) -> Inputs {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cnn = records(cnndm);
    assert!(
        cnn.len() >= 10,
        "fewer than 10 records in {}",
        cnndm.display()
    );
    let ten_dir = tmp.path().join("ten");
    let ten = write_folder(&ten_dir, &cnn[..10]);
    let one_dir = tmp.path().join("one");
    let one = write_folder(&one_dir, &cnn[..1]);
    let line = tmp.path().join("line.txt");
    std::fs::write(
        &line,
        "The minister said on Tuesday that talks would resume.\n",
    )
    .expect("write line");
    let bbc_docs = records(bbc);
    assert!(!bbc_docs.is_empty(), "no records in {}", bbc.display());
    let many: Vec<String> = (0..LARGE_ARTICLES)
        .map(|i| {
            let d = &bbc_docs[i % bbc_docs.len()];
            if i < bbc_docs.len() {
                d.clone()
            } else {
                format!("{d}\nCopy {}.\n", i / bbc_docs.len())
            }
        })
        .collect();
    let many_dir = tmp.path().join("many");
    write_folder(&many_dir, &many);
    Inputs {
        out: tmp.path().join("out.pdf"),
        _tmp: tmp,
        ten_dir,
        ten,
        one_dir,
        one,
        line,
        many_dir,
    }
}

/// The peer's Python, when it is installed and a trial run on `one` works; says why not.
fn working_peer(script: &Path, one: &[PathBuf], out: &Path) -> Option<PathBuf> {
    let python = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cache/briefdesk-peers/bin/python"))
        .filter(|p| p.is_file() && script.is_file());
    if python.is_none() {
        println!(
            "The Python peer is not installed (~/.cache/briefdesk-peers): its rows are left out."
        );
    }
    let python = python.filter(|py| match peer(py, script, one, out).output() {
        Ok(o) if o.status.success() => true,
        Ok(o) => {
            let err = String::from_utf8_lossy(&o.stderr);
            let last = err.lines().last().unwrap_or("no message");
            println!("The Python peer fails ({last}): its rows are left out.");
            false
        }
        Err(e) => {
            println!("The Python peer cannot start ({e}): its rows are left out.");
            false
        }
    });
    if python.is_none() {
        println!("Set the peer up with\n  {PEER_SETUP}\n");
    }
    python
}

/// Case 3: `analyze --json` on one line, each run a process.
fn analyze_line(bin: &Path, line: &Path) -> Summary {
    let runs: Vec<Run> = (0..=SMALL_RUNS)
        .map(|_| run(Command::new(bin).args(["analyze", "--json"]).arg(line)))
        .skip(1)
        .collect();
    summarise(&runs)
}

/// Case 4: the 1,000-article brief.
fn large(bin: &Path, inputs: &Inputs) -> Summary {
    let runs: Vec<Run> = (0..=LARGE_RUNS)
        .map(|_| run(&mut build(bin, &inputs.many_dir, &inputs.out)))
        .skip(1)
        .collect();
    summarise(&runs)
}

/// The arguments of cases 1–3, for the baseline comparison.
fn case_args(inputs: &Inputs) -> [(&'static str, Vec<std::ffi::OsString>); 3] {
    let build_args = |dir: &Path| -> Vec<std::ffi::OsString> {
        let mut a: Vec<std::ffi::OsString> =
            ["build", "--date", DATE, "-o"].map(Into::into).to_vec();
        a.push(inputs.out.clone().into_os_string());
        a.push(dir.as_os_str().to_owned());
        a
    };
    let line = inputs.line.clone().into_os_string();
    [
        ("build, 10 articles", build_args(&inputs.ten_dir)),
        ("build, 1 article", build_args(&inputs.one_dir)),
        (
            "analyze, one line",
            vec!["analyze".into(), "--json".into(), line],
        ),
    ]
}

fn main() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_briefdesk"));
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let cnndm = shared.join("eval/data/cnndm_test_frank/dev.jsonl");
    let bbc = shared.join("eval/data/bbc_news_summary/dev.jsonl");
    if !cnndm.is_file() || !bbc.is_file() {
        println!(
            "process bench: no shared evaluation data ({} and {}); put the shared folder beside \
             the checkout to run it. Nothing measured.",
            cnndm.display(),
            bbc.display()
        );
        return;
    }
    let script = shared.join("peers/pipeline.py");
    let inputs = inputs(&cnndm, &bbc);
    let python = working_peer(&script, &inputs.one, &inputs.out);
    let peer_cmd = python.as_deref().map(|py| (py, script.as_path()));
    println!(
        "{:<34} {:>4} {:>10} {:>10} {:>10} {:>12}  goal",
        "case", "runs", "wall", "CPU", "peak", "ratio"
    );
    let (ours10, peer10) = alternate(&bin, &inputs.ten_dir, &inputs.ten, peer_cmd, &inputs.out);
    let s10 = summarise(&ours10);
    let wall = |s: &Summary, goal: f64| against(s.wall.as_secs_f64(), goal);
    row(
        "build, 10 CNN/DM articles",
        &s10,
        &wall(&s10, 0.020),
        "≤ 20 ms wall",
    );
    let (ours1, peer1) = alternate(&bin, &inputs.one_dir, &inputs.one, peer_cmd, &inputs.out);
    let s1 = summarise(&ours1);
    row(
        "build, 1 CNN/DM article",
        &s1,
        &wall(&s1, 0.008),
        "≤ 8 ms wall",
    );
    let sa = analyze_line(&bin, &inputs.line);
    let cpu = against(sa.cpu.as_secs_f64(), 0.003);
    row("analyze --json, one line", &sa, &cpu, "≤ 3 ms CPU");
    let sl = large(&bin, &inputs);
    let memory = against(sl.peak_kb as f64, 150.0 * 1024.0);
    let ratio = format!("{} / {memory}", wall(&sl, 0.6));
    row(
        "build, 1,000 BBC articles",
        &sl,
        &ratio,
        "≤ 0.6 s wall, ≤ 150 MB",
    );
    let goal = "≥ 100× on 10 articles";
    peer_row("peer (Python), 10 CNN/DM articles", &ours10, &peer10, goal);
    peer_row("peer (Python), 1 CNN/DM article", &ours1, &peer1, "");
    if let Some(base) = std::env::var_os("BRIEFDESK_BASELINE").map(PathBuf::from) {
        against_baseline(&bin, &base, &case_args(&inputs));
    }
    println!(
        "\nwall and CPU: medians; peak: largest max RSS of the runs; the first run of each case \
         is left out (caches). Peer ratio: median over alternating pairs of peer wall / BriefDesk \
         wall."
    );
}
