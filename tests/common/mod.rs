//! Helpers shared by the integration tests: fixture paths and golden-file checks.
#![allow(dead_code)]

pub mod pathological;

use std::path::{Path, PathBuf};

use briefdesk::{analyze, ingest, Analysis, Article};

/// The repository's `tests/fixtures` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The team's `../shared` folder, when it sits beside the checkout (as in CI).
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Compares `actual` with the golden file `tests/golden/<name>`.
///
/// With `BRIEFDESK_BLESS=1` in the environment the golden file is (re)written instead; that is
/// the one command to update every golden dump: `BRIEFDESK_BLESS=1 cargo test`.
pub fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BRIEFDESK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "golden file {} is missing: run BRIEFDESK_BLESS=1 cargo test",
            path.display()
        )
    });
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(i, (e, a))| format!("line {}:\n  golden: {e}\n  actual: {a}", i + 1))
            .collect();
        panic!(
            "{} differs from the golden file ({} vs {} lines)\n{}\nIf the change is intended: BRIEFDESK_BLESS=1 cargo test",
            name,
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// The text of a PDF as `pdftotext -layout` reads it (poppler-utils, installed by `.ci/setup`).
pub fn pdftotext(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8(o.stdout).unwrap()
}

/// The standard output of `cmd args…` (a tool `.ci/setup` installs); panics with its stderr
/// when it is missing or fails.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed (bash .ci/setup): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Imports and analyses one article file; panics when it cannot be imported.
pub fn load(path: &Path) -> (Article, Analysis) {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let a = ingest::ingest(&name, &bytes).unwrap();
    let an = analyze::analyze(&a);
    (a, an)
}
