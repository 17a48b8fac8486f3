//! Articles for the benchmarks, made from the repository's fixtures.

use std::path::Path;

use briefdesk::ingest;

/// `n` articles from the readable fixtures (`text_only`: plain text and Markdown only), in turn;
/// each text copy made distinct by a closing paragraph (other formats are copied as they are).
pub fn corpus(n: usize, text_only: bool) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let is_text = |name: &str| name.ends_with(".txt") || name.ends_with(".md");
    let mut base: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            ingest::ingest(&name, &bytes).ok().map(|_| (name, bytes))
        })
        .filter(|(name, _)| !text_only || is_text(name))
        .collect();
    base.sort();
    assert!(
        !base.is_empty(),
        "no readable fixtures in {}",
        dir.display()
    );
    (0..n)
        .map(|i| {
            let (name, bytes) = &base[i % base.len()];
            let mut b = bytes.clone();
            if is_text(name) {
                b.extend_from_slice(format!("\n\nCopy {i} filed for the benchmark.\n").as_bytes());
            }
            (format!("{i:04}-{name}"), b)
        })
        .collect()
}
