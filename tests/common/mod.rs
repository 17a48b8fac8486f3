//! Helpers shared by the integration tests: fixtures, golden files, external tools, the CLI.
#![allow(dead_code)]

pub mod pathological;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefdesk::{analyze, ingest, Analysis, Article, Brief};

/// The repository's `tests/fixtures` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The team's `../shared` folder, when it sits beside the checkout (as in CI).
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// A brief stored as JSON in `tests/fixtures/render` ("water-talks.json": one story, five
/// speakers, an edited statement, eight sources).
pub fn fixture_brief(name: &str) -> Brief {
    let path = fixtures().join("render").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The fixture brief most render and export tests use ([`fixture_brief`] "water-talks.json").
pub fn water_talks() -> Brief {
    fixture_brief("water-talks.json")
}

/// Whether this run approves new output (`BRIEFDESK_BLESS=1`) instead of checking it: the one
/// switch of every golden dump and approved image.
pub fn blessing() -> bool {
    std::env::var_os("BRIEFDESK_BLESS").is_some()
}

/// Compares `actual` with the golden file `tests/golden/<name>` ([`check_file`]).
pub fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    check_file(&path, actual);
}

/// Compares `actual` with the approved file `path`, naming the first lines that differ.
///
/// When [`blessing`] the file is (re)written instead; that is the one command to update every
/// golden dump: `BRIEFDESK_BLESS=1 cargo test`.
pub fn check_file(path: &Path, actual: &str) {
    let name = path.file_name().unwrap().to_string_lossy();
    if blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
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
pub fn pdftotext(pdf: impl AsRef<Path>) -> String {
    let pdf = pdf.as_ref().to_str().unwrap();
    tool("pdftotext", &["-enc", "UTF-8", "-layout", pdf, "-"])
}

/// The standard output of `cmd args…` (a tool `.ci/setup` installs: qpdf, poppler-utils,
/// pandoc, LibreOffice); panics with its output when it is missing or fails.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed (bash .ci/setup): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `bytes` written to `dir/name`; returns the path as a string, for tools' arguments.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs the `briefdesk` binary in `cwd` with `args`, its user templates in `cwd/config` (so the
/// tester's own never count).
pub fn briefdesk(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(args)
        .current_dir(cwd)
        .env("XDG_CONFIG_HOME", cwd.join("config"))
        .output()
        .expect("run briefdesk")
}

/// [`briefdesk`], panicking with its standard error when it fails.
pub fn briefdesk_ok(args: &[&str], cwd: &Path) -> Output {
    let o = briefdesk(args, cwd);
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

/// The standard error of a run, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Imports and analyses one article file; panics when it cannot be imported.
pub fn load(path: &Path) -> (Article, Analysis) {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let a = ingest::ingest(&name, &bytes).unwrap();
    let an = analyze::analyze(&a);
    (a, an)
}
