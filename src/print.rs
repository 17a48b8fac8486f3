//! Printing through the system print service (CUPS `lp`/`lpstat` on Linux and macOS): the list
//! of printers and a print job for a PDF file, with copies, two-sided printing and page ranges.

use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A printer the system knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printer {
    /// Its queue name.
    pub name: String,
    /// Whether it is the system default.
    pub default: bool,
}

/// One- or two-sided printing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duplex {
    /// One side of each sheet.
    #[default]
    OneSided,
    /// Both sides, turned on the long edge (portrait booklets).
    LongEdge,
    /// Both sides, turned on the short edge.
    ShortEdge,
}

/// What to print and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintOptions {
    /// Printer queue name.
    pub printer: String,
    /// Number of copies (1–99).
    pub copies: u32,
    /// Sides.
    #[serde(default)]
    pub duplex: Duplex,
    /// Pages, e.g. `1-2,4`; empty for all.
    #[serde(default)]
    pub pages: String,
}

/// Why printing failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PrintError {
    /// `lp`/`lpstat` are not installed or not running.
    #[error("no print service: {0}")]
    NoService(String),
    /// The system has no printer set up.
    #[error("no printer is set up on this computer: add one in the system's printer settings")]
    NoPrinter,
    /// The options are not valid.
    #[error("{0}")]
    Invalid(String),
    /// The print service refused the job.
    #[error("the printer refused the job: {0}")]
    Refused(String),
}

/// The printers the print service knows, the default one marked.
pub fn printers() -> Result<Vec<Printer>, PrintError> {
    let names = run("lpstat", &["-e"])?;
    // `lpstat -d` exits non-zero on some systems when there is no default: not an error.
    let default = run("lpstat", &["-d"]).unwrap_or_default();
    Ok(parse_printers(&names, &default))
}

/// Sends the PDF at `pdf` to the printer as a job named `title`; returns the job id the print
/// service gave.
pub fn print_file(pdf: &Path, opts: &PrintOptions, title: &str) -> Result<String, PrintError> {
    let args = lp_args(opts)?;
    let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
    let title: String = title
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    if !title.trim().is_empty() {
        all.extend(["-t", title.as_str()]);
    }
    all.push("--");
    let file = pdf.to_string_lossy();
    all.push(&file);
    let out = run("lp", &all)?;
    Ok(parse_job(&out).unwrap_or_else(|| out.trim().to_string()))
}

/// The `lp` arguments for `opts`, after checking them.
pub fn lp_args(opts: &PrintOptions) -> Result<Vec<String>, PrintError> {
    let printer = opts.printer.trim();
    if printer.is_empty() {
        return Err(PrintError::NoPrinter);
    }
    if printer.starts_with('-') || printer.chars().any(|c| c.is_whitespace() || c == '/') {
        return Err(PrintError::Invalid(format!(
            "\"{printer}\" is not a printer name"
        )));
    }
    if !(1..=99).contains(&opts.copies) {
        return Err(PrintError::Invalid(format!(
            "copies must be between 1 and 99, not {}",
            opts.copies
        )));
    }
    let sides = match opts.duplex {
        Duplex::OneSided => "one-sided",
        Duplex::LongEdge => "two-sided-long-edge",
        Duplex::ShortEdge => "two-sided-short-edge",
    };
    let mut args = vec![
        "-d".to_string(),
        printer.to_string(),
        "-n".to_string(),
        opts.copies.to_string(),
        "-o".to_string(),
        format!("sides={sides}"),
    ];
    let pages: String = opts.pages.chars().filter(|c| !c.is_whitespace()).collect();
    if !pages.is_empty() {
        check_range(&pages)?;
        args.extend(["-P".to_string(), pages]);
    }
    Ok(args)
}

/// Checks a page range such as `1-2,4`: numbers from 1, ranges that do not run backwards.
fn check_range(pages: &str) -> Result<(), PrintError> {
    let bad = || PrintError::Invalid(format!("\"{pages}\" is not a page range (e.g. 1-2,4)"));
    for part in pages.split(',') {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let a: u32 = a.parse().map_err(|_| bad())?;
        let b: u32 = b.parse().map_err(|_| bad())?;
        if a == 0 || b < a {
            return Err(bad());
        }
    }
    Ok(())
}

/// Printers from `lpstat -e` (one name a line) and `lpstat -d` (the default).
fn parse_printers(names: &str, default: &str) -> Vec<Printer> {
    let default = default
        .lines()
        .find_map(|l| l.split_once("system default destination:"))
        .map(|(_, d)| d.trim().to_string());
    names
        .lines()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| Printer {
            name: n.to_string(),
            default: default.as_deref() == Some(n),
        })
        .collect()
}

/// The job id in `lp`'s answer: `request id is PDF-12 (1 file(s))`.
fn parse_job(out: &str) -> Option<String> {
    let rest = out.split("request id is ").nth(1)?;
    rest.split_whitespace().next().map(str::to_string)
}

/// Runs a print-service command in the C locale; its standard output, or why it failed.
fn run(program: &str, args: &[&str]) -> Result<String, PrintError> {
    let out = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| PrintError::NoService(format!("cannot run {program} ({e}); install CUPS")))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        return Ok(stdout);
    }
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if program == "lp" {
        Err(PrintError::Refused(err))
    } else if err.contains("No destinations") || err.contains("no destinations") {
        Ok(String::new())
    } else {
        Err(PrintError::NoService(format!("{program}: {err}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pages: &str) -> PrintOptions {
        PrintOptions {
            printer: "Office".into(),
            copies: 2,
            duplex: Duplex::LongEdge,
            pages: pages.into(),
        }
    }

    #[test]
    fn lp_gets_printer_copies_sides_and_pages() {
        let args = lp_args(&opts(" 1-2, 4")).unwrap();
        assert_eq!(
            args,
            [
                "-d",
                "Office",
                "-n",
                "2",
                "-o",
                "sides=two-sided-long-edge",
                "-P",
                "1-2,4"
            ]
        );
        assert!(!lp_args(&opts("")).unwrap().contains(&"-P".to_string()));
    }

    #[test]
    fn bad_options_are_refused_before_printing() {
        for pages in ["0", "3-1", "a", "1,,2", "-1"] {
            assert!(
                matches!(lp_args(&opts(pages)), Err(PrintError::Invalid(_))),
                "{pages}"
            );
        }
        let mut o = opts("");
        o.copies = 0;
        assert!(lp_args(&o).is_err());
        o.copies = 1;
        o.printer = "-oevil".into();
        assert!(lp_args(&o).is_err());
        o.printer = " ".into();
        assert_eq!(lp_args(&o), Err(PrintError::NoPrinter));
    }

    #[test]
    fn printers_and_default_come_from_lpstat() {
        let list = parse_printers("Office\nPDF\n", "system default destination: PDF\n");
        assert_eq!(list.len(), 2);
        assert!(!list[0].default && list[1].default && list[1].name == "PDF");
        assert!(parse_printers("", "no system default destination\n").is_empty());
    }

    #[test]
    fn the_job_id_is_read_from_lp() {
        assert_eq!(
            parse_job("request id is PDF-12 (1 file(s))\n").as_deref(),
            Some("PDF-12")
        );
        assert_eq!(parse_job("weird"), None);
    }
}
