//! The `briefdesk` command line as a user runs it: build, analyze, templates, bad input.

use crate::common;

use std::path::PathBuf;

use common::{briefdesk, pdftotext, stderr};

fn fixture(name: &str) -> String {
    common::fixtures().join(name).to_string_lossy().into_owned()
}

#[test]
fn build_writes_a_pdf_with_the_articles_content() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    let o = briefdesk(
        &[
            "build",
            &fixture("analyze/port-dispute.txt"),
            "-o",
            out.to_str().unwrap(),
            "--title",
            "Baltic ports dispute",
            "--author",
            "Nordic Unit",
            "--date",
            "2026-11-28",
            "--marking",
            "official",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    let text = pdftotext(&out);
    assert!(text.contains("Baltic ports dispute"));
    assert!(text.contains("Nordic Unit"));
    assert!(text.contains("OFFICIAL"));
    assert!(text.contains("Ozoliņš"), "diacritics survive: {text}");
    assert!(
        text.contains("“We signed a treaty, not a suggestion"),
        "{text}"
    );
    // Only the PDF is left in the folder: no temporary files from the atomic write.
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(left, vec![out]);
}

#[test]
fn bad_files_are_named_with_a_reason_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    std::fs::write(
        p.join("picture.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    )
    .unwrap();
    std::fs::write(
        p.join("bytes.txt"),
        [0xffu8, 0xfe, 0x00, 0x81, 0x00, 0x9f, 0x00, 0x00],
    )
    .unwrap();
    let big = std::fs::File::create(p.join("huge.txt")).unwrap();
    // 200 MB (sparse: no disk used), refused from its size without being read.
    big.set_len(200 * 1024 * 1024).unwrap();
    let out = p.join("brief.pdf");
    let o = briefdesk(
        &[
            "build",
            "empty.txt",
            "picture.html",
            "bytes.txt",
            "huge.txt",
            "missing.txt",
            &fixture("harbor-talks.txt"),
            "-o",
            "brief.pdf",
            "--date",
            "2026-11-28",
        ],
        p,
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("picture.html", "not a text document"),
        ("bytes.txt", ""),
        ("huge.txt", "limit"),
        ("missing.txt", "no such file"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("error: {file}: ")) && l.contains(reason)),
            "no error naming {file} ({reason}) in:\n{err}"
        );
    }
    assert_eq!(lines.len(), 5, "{err}");
    assert!(pdftotext(&out).contains("Sources"));
}

#[test]
fn nothing_usable_fails_and_keeps_the_old_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("empty.txt"), b"  \n").unwrap();
    std::fs::write(p.join("brief.pdf"), b"previous brief").unwrap();
    let o = briefdesk(&["build", "empty.txt", "-o", "brief.pdf"], p);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error: empty.txt: the file is empty"));
    assert_eq!(
        std::fs::read(p.join("brief.pdf")).unwrap(),
        b"previous brief"
    );
}

#[test]
fn unwritable_output_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = briefdesk(
        &[
            "build",
            &fixture("harbor-talks.txt"),
            "-o",
            "no/such/folder/brief.pdf",
        ],
        dir.path(),
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("cannot write no/such/folder/brief.pdf"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn letter_paper_and_folder_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("letter.pdf");
    let o = briefdesk(
        &[
            "build",
            common::fixtures().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--page-size",
            "letter",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let info = common::tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts"), "{info}");
}

#[test]
fn analyze_json_is_stable_and_traceable() {
    let dir = tempfile::tempdir().unwrap();
    let o = briefdesk(
        &["analyze", "--json", &fixture("analyze/port-dispute.txt")],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc = &v["articles"][0];
    // One article, one story: its id among the story's articles, a label, no grouping reason.
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["article_ids"][0], doc["article"]["id"]);
    assert!(!stories[0]["label"].as_str().unwrap().is_empty());
    assert_eq!(doc["article"]["dateline"], "RIGA");
    let text = doc["article"]["text"].as_str().unwrap();
    let statements = doc["analysis"]["statements"].as_array().unwrap();
    assert!(statements.len() >= 8);
    for s in statements {
        assert!(["direct_quote", "reported"].contains(&s["kind"].as_str().unwrap()));
        let span = &s["provenance"]["span"];
        let (a, b) = (
            span["start"].as_u64().unwrap(),
            span["end"].as_u64().unwrap(),
        );
        assert!(text.get(a as usize..b as usize).is_some());
    }
    let text_out = briefdesk(
        &["analyze", &fixture("analyze/port-dispute.txt")],
        dir.path(),
    );
    let shown = String::from_utf8_lossy(&text_out.stdout);
    assert!(shown.contains("QUOTE") && shown.contains("Helena Tamm (Estonian Foreign Minister)"));
}

#[test]
fn templates_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let o = briefdesk(&["templates"], dir.path());
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("policy-brief"));
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["analyze", "--help"],
        &["templates", "--help"],
    ] {
        let o = briefdesk(args, dir.path());
        assert!(o.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stdout).contains("Usage"));
    }
    let o = briefdesk(&["build", "x.txt", "--date", "28/11/2026"], dir.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("YYYY-MM-DD"));
}

#[test]
fn statements_from_several_outlets_are_shown_with_their_count() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("merged.pdf");
    let o = briefdesk(
        &[
            "build",
            common::fixtures().join("merge").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdftotext(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("3 outlets"), "{text}");
    assert!(text.contains("single source"), "{text}");
}

#[test]
fn every_article_of_a_mailbox_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = "From alerts@wire.example Mon Nov 23 08:00:00 2026\n\
From: Northbridge Alerts <alerts@wire.example>\n\
Subject: Port talks resume in Lagos\n\
Date: Mon, 23 Nov 2026 08:00:00 +0000\n\
Content-Type: text/plain; charset=utf-8\n\
\n\
LAGOS — Talks on port fees resumed on Monday after a week-long pause, officials said.\n\
\n\
\u{201c}We are back at the table,\u{201d} Foreign Minister Amara Okafor told reporters.\n\
\n\
From alerts@wire.example Tue Nov 24 08:00:00 2026\n\
From: Northbridge Alerts <alerts@wire.example>\n\
Subject: Grain corridor inspections speed up\n\
Date: Tue, 24 Nov 2026 08:00:00 +0000\n\
Content-Type: text/plain; charset=utf-8\n\
\n\
ISTANBUL — Inspections of grain ships in the Bosphorus now take under two days, the joint centre said.\n\
\n\
\u{201c}The queue is shorter than it has been all year,\u{201d} coordinator Farid D\u{101}r said.\n";
    std::fs::write(dir.path().join("alerts.mbox"), mbox).unwrap();
    let out = dir.path().join("alerts.pdf");
    let o = briefdesk(
        &["build", "alerts.mbox", "-o", out.to_str().unwrap()],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("(2 articles"), "{}", stderr(&o));
    let text = pdftotext(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("We are back at the table"), "{text}");
    assert!(text.contains("The queue is shorter"), "{text}");
}

#[test]
fn a_dropped_folder_is_searched_with_its_subfolders_and_large_batches_show_progress() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("week/monday");
    std::fs::create_dir_all(&inbox).unwrap();
    let article = std::fs::read(common::fixtures().join("harbor-talks.txt")).unwrap();
    for i in 0..120 {
        let mut a = article.clone();
        a.extend_from_slice(format!("\n\nCopy {i} of the report.\n").as_bytes());
        std::fs::write(inbox.join(format!("{i:03}.txt")), a).unwrap();
    }
    std::fs::write(dir.path().join("week/.hidden.txt"), b"").unwrap();
    std::fs::write(dir.path().join("week/notes.bin"), [0u8, 159, 146, 150]).unwrap();
    let o = briefdesk(&["build", "week", "-o", "week.pdf"], dir.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("importing: 6 of 121 files"), "{err}");
    assert!(err.contains("error: week/notes.bin: "), "{err}");
    assert!(!err.contains(".hidden"), "{err}");
    assert!(err.contains("(120 articles"), "{err}");
}

#[test]
fn print_checks_its_options_before_the_printer_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("brief.pdf"), b"%PDF-1.7\n").unwrap();
    let o = briefdesk(
        &[
            "print",
            "brief.pdf",
            "--printer",
            "Office",
            "--pages",
            "3-1",
        ],
        p,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"3-1\" is not a page range"),
        "{}",
        stderr(&o)
    );
    let o = briefdesk(&["print", "brief.pdf", "--duplex", "both"], p);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("one-sided, long-edge, short-edge"));
}

/// Needs the CUPS-PDF printer `.ci/cups` sets up (the README's test command runs it first).
#[test]
fn print_sends_the_brief_to_the_default_printer() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let list = briefdesk(&["print", "--list"], p);
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(
        listed.contains("BriefDesk-PDF (default)"),
        "run `bash .ci/cups` to set up the test printer; printers: {listed}{}",
        stderr(&list)
    );
    let o = briefdesk(
        &[
            "build",
            &fixture("harbor-talks.txt"),
            "-o",
            "cli-print-test.pdf",
        ],
        p,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = briefdesk(&["print", "cli-print-test.pdf", "--copies", "1"], p);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.starts_with("sent cli-print-test.pdf to BriefDesk-PDF (job BriefDesk-PDF-"),
        "{err}"
    );
}

/// Issue 11: the output's extension picks the format, `--format` forces one, a name without a
/// known extension is refused before any work, and a reference document must exist.
#[test]
fn issue_11_output_extension_and_format_choose_pdf_word_markdown_or_text() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("analyze/port-dispute.txt");
    let build = |out: &str, extra: &[&str]| {
        let mut args = vec!["build", article.as_str(), "-o", out, "--date", "2026-11-28"];
        args.extend_from_slice(extra);
        briefdesk(&args, dir.path())
    };
    let o = build("brief.docx", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Word document"));
    assert!(std::fs::read(dir.path().join("brief.docx"))
        .unwrap()
        .starts_with(b"PK\x03\x04"));
    let o = build("brief.md", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(dir.path().join("brief.md")).unwrap();
    assert!(md.starts_with("OFFICIAL\n\n# "), "{md}");
    assert!(md.contains("We signed a treaty, not a suggestion"), "{md}");
    let o = build("notes.out", &["--format", "txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let txt = std::fs::read_to_string(dir.path().join("notes.out")).unwrap();
    assert!(txt.contains("Ozoliņš") && !txt.contains("<w:"), "{txt}");

    let o = build("brief.odt", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("brief.odt") && stderr(&o).contains("--format"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("brief.odt").exists());
    let o = build("brief.docx", &["--reference-docx", "ministry.docx"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("ministry.docx"), "{}", stderr(&o));
    std::fs::write(dir.path().join("ministry.docx"), b"not a zip").unwrap();
    let o = build("brief.docx", &["--reference-docx", "ministry.docx"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("ministry.docx") && stderr(&o).contains("not a Word document"),
        "{}",
        stderr(&o)
    );
}
