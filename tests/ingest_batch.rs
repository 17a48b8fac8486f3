//! A batch of 1,000 files of every format, written to a temporary folder and imported one by
//! one as the CLI does (read, ingest, keep the article): it must finish, import every file and
//! keep the process's peak memory bounded. Its own test binary, so the peak is this test's.

use crate::common;

use std::io::Write;
use std::time::{Duration, Instant};

use briefdesk::ingest::ingest;
use zip::write::SimpleFileOptions;

/// Peak resident memory of this process in KiB (`VmHWM`), where /proc has it.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn docx(text: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    let xml = format!(
        "<w:document><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    );
    w.write_all(xml.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// File `i` of the batch: a name and bytes, the format chosen by `i`.
fn file(i: usize, pdf: &[u8]) -> (String, Vec<u8>) {
    let story = format!(
        "DOHA — Negotiators met for round {i} on Saturday and agreed to resume talks on the shared river basin, officials said."
    );
    match i % 8 {
        0 => (format!("{i}.txt"), format!("Round {i} of talks\n\n{story}\n").into_bytes()),
        1 => (format!("{i}.md"), format!("# Round {i}\n\n{story}\n").into_bytes()),
        2 => (
            format!("{i}.html"),
            format!("<html><head><title>Round {i}</title></head><body><article><p>{story}</p></article></body></html>").into_bytes(),
        ),
        3 => (
            format!("{i}.eml"),
            format!("From: Wire <w@x.y>\nSubject: Round {i}\nDate: Thu, 26 Nov 2026 09:00:00 +0000\n\n{story}\n").into_bytes(),
        ),
        4 => (format!("{i}.rtf"), format!("{{\\rtf1\\ansi Round {i}\\par\\par {}\\par}}", story.replace('—', "\\emdash ")).into_bytes()),
        5 => (format!("{i}.docx"), docx(&story)),
        6 => {
            // The same PDF with a different trailing comment: a distinct file.
            let mut b = pdf.to_vec();
            b.extend(format!("% batch {i}\n").bytes());
            (format!("{i}.pdf"), b)
        }
        _ => (
            format!("{i}.mhtml"),
            format!("MIME-Version: 1.0\nSnapshot-Content-Location: https://x.y/{i}\nContent-Type: multipart/related; boundary=\"r\"\n\n--r\nContent-Type: text/html\n\n<p>{story}</p>\n--r--\n").into_bytes(),
        ),
    }
}

#[test]
fn thousand_files_import_in_bounded_memory() {
    let pdf = std::fs::read(common::fixtures().join("formats/article.pdf")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for i in 0..1000 {
        let (name, bytes) = file(i, &pdf);
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    let before = peak_kib();
    let t = Instant::now();
    let mut articles = Vec::with_capacity(paths.len());
    let mut failures = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        match ingest(&name, &bytes) {
            Ok(a) => articles.push(a),
            Err(e) => failures.push(e.to_string()),
        }
    }
    let elapsed = t.elapsed();
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(articles.len(), 1000);
    let mut ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 1000, "every file is its own article");
    assert!(elapsed < Duration::from_secs(120), "{elapsed:?}");
    if let (Some(before), Some(after)) = (before, peak_kib()) {
        // 1,000 small articles are a few MB; a reader that kept its buffers would show here.
        let grown_mb = after.saturating_sub(before) / 1024;
        assert!(grown_mb < 200, "peak memory grew by {grown_mb} MB");
        eprintln!("1000 files in {elapsed:?}, peak memory grew by {grown_mb} MB");
    }
}
