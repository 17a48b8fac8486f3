//! Issue 11: the same brief as Word, Markdown and text, each read back by a reader that is not
//! ours — pandoc (Word and Markdown to its JSON AST) and LibreOffice (Word to PDF) — and
//! compared with our PDF of the same brief.

use crate::common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use briefdesk::export::{export, ExportOptions, Format};
use briefdesk::render::{PageSize, RenderOptions, Templates};
use briefdesk::Brief;
use common::{tool as run, water_talks};
use serde_json::Value;

fn exported(brief: &Brief, template: &str, format: Format, reference: Option<&[u8]>) -> Vec<u8> {
    let render = RenderOptions {
        template: template.into(),
        page_size: PageSize::A4,
    };
    let opts = ExportOptions {
        render: &render,
        format,
        reference_docx: reference,
    };
    export(brief, &Templates::builtin(), &opts).unwrap().bytes
}

/// A fresh folder holding `name` with `bytes`; returns the file's path.
fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Text with quotes straightened and whitespace collapsed, for comparing readers' output.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The plain text of pandoc inlines.
fn inlines(v: &Value) -> String {
    let mut out = String::new();
    for i in v.as_array().into_iter().flatten() {
        match i["t"].as_str().unwrap_or("") {
            "Str" => out.push_str(i["c"].as_str().unwrap_or("")),
            "Space" | "SoftBreak" | "LineBreak" => out.push(' '),
            "Link" | "Span" => out.push_str(&inlines(&i["c"][1])),
            "Quoted" => out.push_str(&format!("\"{}\"", inlines(&i["c"][1]))),
            _ => out.push_str(&inlines(&i["c"])),
        }
    }
    out
}

/// Block kinds in document order ("Header 2: Key points", "BulletList", …), from pandoc JSON.
fn outline(ast: &Value) -> Vec<String> {
    fn walk(blocks: &Value, out: &mut Vec<String>) {
        for b in blocks.as_array().into_iter().flatten() {
            let kind = b["t"].as_str().unwrap_or("").to_string();
            match kind.as_str() {
                "Header" => out.push(format!(
                    "Header {}: {}",
                    b["c"][0],
                    norm(&inlines(&b["c"][2]))
                )),
                "BulletList" | "OrderedList" | "BlockQuote" | "Table" => out.push(kind),
                "Div" => walk(&b["c"][1], out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    if let Some(title) = ast["meta"]["title"]["c"].as_array() {
        out.push(format!(
            "Title: {}",
            norm(&inlines(&Value::Array(title.clone())))
        ));
    }
    walk(&ast["blocks"], &mut out);
    out
}

/// A Markdown outline in Word's terms: `# Title` is the Title style, `##` is Heading 1, …
fn as_word_levels(outline: Vec<String>) -> Vec<String> {
    outline
        .into_iter()
        .map(|l| match l.strip_prefix("Header ") {
            Some(rest) if rest.starts_with("1: ") => format!("Title: {}", &rest[3..]),
            Some(rest) => {
                let level: u8 = rest[..1].parse().unwrap();
                format!("Header {}{}", level - 1, &rest[1..])
            }
            None => l,
        })
        .collect()
}

fn pandoc_json(path: &Path, from: &str) -> Value {
    let json = run(
        "pandoc",
        &["-f", from, "-t", "json", path.to_str().unwrap()],
    );
    serde_json::from_str(&json).unwrap()
}

/// Every statement, key point and bottom-line line of the brief, as printed (normalised).
fn printed_lines(brief: &Brief) -> Vec<String> {
    let mut out: Vec<String> = brief.bottom_line.iter().map(|l| norm(&l.text)).collect();
    out.extend(brief.key_points.iter().map(|l| norm(&l.text)));
    for s in &brief.speakers {
        out.extend(s.statements.iter().map(|st| norm(&st.text)));
    }
    out
}

/// The position of each of `needles` in `hay`, panicking on one that is missing.
fn positions(hay: &str, needles: &[String], what: &str) -> Vec<usize> {
    needles
        .iter()
        .map(|n| {
            hay.find(n.as_str())
                .unwrap_or_else(|| panic!("{what} lacks {n:?}"))
        })
        .collect()
}

#[test]
fn issue_11_word_reads_back_in_pandoc_with_every_statement_in_pdf_order() {
    let b = water_talks();
    let dir = tempfile::tempdir().unwrap();
    let docx = file(
        &dir,
        "brief.docx",
        &exported(&b, "policy-brief", Format::Docx, None),
    );
    let pdf = file(
        &dir,
        "brief.pdf",
        &exported(&b, "policy-brief", Format::Pdf, None),
    );
    let ast = pandoc_json(&docx, "docx");
    let blocks = outline(&ast);
    for want in [
        format!("Title: {}", norm(&b.title)),
        "Header 1: Key points".to_string(),
        "Header 1: Key statements".to_string(),
        "Header 1: Sources".to_string(),
        "BulletList".into(),
        "BlockQuote".into(),
        "Table".into(),
    ] {
        assert!(
            blocks.contains(&want),
            "pandoc's outline lacks {want}: {blocks:#?}"
        );
    }
    let speakers: Vec<String> = blocks
        .iter()
        .filter(|l| l.starts_with("Header 2: "))
        .map(|l| {
            l["Header 2: ".len()..]
                .split(" · ")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let names: Vec<String> = b.speakers.iter().map(|s| norm(&s.name)).collect();
    assert_eq!(speakers, names, "speakers in the brief's order");
    let word_text = norm(&run(
        "pandoc",
        &[
            "-f",
            "docx",
            "-t",
            "plain",
            "--wrap=none",
            docx.to_str().unwrap(),
        ],
    ));
    let pdf_text = norm(&common::pdftotext(&pdf).replace("-\n", ""));
    let lines = printed_lines(&b);
    let in_word = positions(&word_text, &lines, "the Word brief");
    assert!(
        in_word.windows(2).all(|w| w[0] < w[1]),
        "Word keeps the order"
    );
    // The PDF is justified and hyphenated: compare each line's first words, in order.
    let heads: Vec<String> = lines
        .iter()
        .map(|l| l.split(' ').take(4).collect::<Vec<_>>().join(" "))
        .collect();
    let in_pdf = positions(&pdf_text, &heads, "the PDF");
    assert!(
        in_pdf.windows(2).all(|w| w[0] < w[1]),
        "the PDF has the same order"
    );
    assert!(
        word_text.contains("(edited)"),
        "the analyst's edit is marked"
    );
    for s in &b.sources {
        assert!(
            word_text.contains(&norm(&s.title)),
            "source {} listed",
            s.number
        );
    }
}

/// The entry `name` of the zip `bytes`, as text.
fn entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn issue_11_word_uses_named_styles_not_direct_formatting() {
    let bytes = exported(&water_talks(), "policy-brief", Format::Docx, None);
    let styles = entry(&bytes, "word/styles.xml");
    for (id, name) in [
        ("Title", "Title"),
        ("Subtitle", "Subtitle"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("ListBullet", "List Bullet"),
        ("Quote", "Quote"),
        ("Marking", "Marking"),
        ("SourceReference", "Source Reference"),
    ] {
        let def = format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>");
        assert!(styles.contains(&def), "styles.xml defines {name}");
    }
    assert!(styles.contains("Liberation Serif") && styles.contains("Liberation Sans"));
    let doc = entry(&bytes, "word/document.xml");
    let paragraphs = doc.matches("<w:p>").count();
    assert!(paragraphs > 20);
    assert_eq!(
        doc.matches("<w:p><w:pPr><w:pStyle ").count(),
        paragraphs,
        "every paragraph has a style"
    );
    for direct in [
        "<w:sz ",
        "<w:color ",
        "<w:rFonts ",
        "<w:jc ",
        "<w:spacing ",
        "<w:vertAlign ",
    ] {
        assert!(!doc.contains(direct), "document.xml sets {direct} directly");
    }
    assert!(doc.contains("<w:rStyle w:val=\"SourceReference\"/>"));
    let sect = &doc[doc.rfind("<w:sectPr").unwrap()..];
    assert!(
        sect.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
        "A4: {sect}"
    );
}

#[test]
fn issue_11_word_header_and_footer_carry_marking_and_page_fields() {
    let mut b = water_talks();
    b.marking = "TLP:AMBER".into();
    let bytes = exported(&b, "policy-brief", Format::Docx, None);
    let header = entry(&bytes, "word/header1.xml");
    let footer = entry(&bytes, "word/footer1.xml");
    assert!(header.contains("TLP:AMBER") && footer.contains("TLP:AMBER"));
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "));
    assert!(footer.contains(&b.title));
    assert_eq!(
        bytes,
        exported(&b, "policy-brief", Format::Docx, None),
        "same bytes"
    );
}

#[test]
fn issue_11_libreoffice_prints_the_word_brief_with_the_pdf_text() {
    let mut b = water_talks();
    b.marking = "TLP:AMBER".into();
    let dir = tempfile::tempdir().unwrap();
    let docx = file(
        &dir,
        "brief.docx",
        &exported(&b, "policy-brief", Format::Docx, None),
    );
    let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
    let outdir = dir.path().to_str().unwrap();
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            outdir,
            docx.to_str().unwrap(),
        ],
    );
    let converted = dir.path().join("brief.pdf");
    let text = common::pdftotext(&converted);
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 2, "{pages} pages");
    assert!(text.contains("Page 1 of") && text.contains("TLP:AMBER"));
    let ours = file(
        &dir,
        "ours.pdf",
        &exported(&b, "policy-brief", Format::Pdf, None),
    );
    let our_text = norm(&common::pdftotext(&ours).replace("-\n", ""));
    let their_text = norm(&text.replace("-\n", ""));
    for line in printed_lines(&b) {
        let head: String = line.split(' ').take(6).collect::<Vec<_>>().join(" ");
        assert!(
            their_text.contains(&head),
            "LibreOffice's pages lack {head:?}"
        );
        assert!(our_text.contains(&head), "our PDF lacks {head:?}");
    }
}

/// pandoc's own reference.docx with a red Heading 1, Letter paper and a ministry header.
fn ministry_reference(dir: &tempfile::TempDir) -> Vec<u8> {
    let out = Command::new("pandoc")
        .args(["--print-default-data-file", "reference.docx"])
        .output()
        .expect("pandoc is installed");
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(out.stdout)).unwrap();
    let mut dst = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = Vec::new();
        f.read_to_end(&mut text).unwrap();
        if name == "word/styles.xml" {
            let s = String::from_utf8(text).unwrap();
            let at = s.find("w:styleId=\"Heading1\"").unwrap();
            let rpr = at + s[at..].find("<w:rPr>").unwrap() + "<w:rPr>".len();
            text = format!("{}<w:color w:val=\"FF0000\"/>{}", &s[..rpr], &s[rpr..]).into_bytes();
        }
        dst.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        dst.write_all(&text).unwrap();
    }
    let bytes = dst.finish().unwrap().into_inner();
    std::fs::write(dir.path().join("reference.docx"), &bytes).unwrap();
    bytes
}

#[test]
fn issue_11_reference_docx_styles_win() {
    let dir = tempfile::tempdir().unwrap();
    let reference = ministry_reference(&dir);
    let mut b = water_talks();
    b.marking = "TLP:GREEN".into();
    let bytes = exported(&b, "policy-brief", Format::Docx, Some(&reference));
    let styles = entry(&bytes, "word/styles.xml");
    let at = styles.find("w:styleId=\"Heading1\"").unwrap();
    let heading1 = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
    assert!(
        heading1.contains("FF0000"),
        "the reference's Heading 1 wins: {heading1}"
    );
    assert_eq!(styles.matches("w:styleId=\"Heading1\"").count(), 1);
    for ours in ["Marking", "SourceReference", "BottomLine"] {
        assert!(
            styles.contains(&format!("w:styleId=\"{ours}\"")),
            "{ours} added"
        );
    }
    let docx = file(&dir, "brief.docx", &bytes);
    let ast = pandoc_json(&docx, "docx");
    assert!(outline(&ast).contains(&"Header 1: Key points".to_string()));
    let footer = entry(&bytes, "word/footer1.xml");
    assert!(footer.contains("TLP:GREEN"), "the marking is on every page");
    assert!(run(
        "pandoc",
        &["-f", "docx", "-t", "plain", docx.to_str().unwrap()]
    )
    .contains("Key statements"));
}

#[test]
fn issue_11_markdown_parses_into_the_same_headings_and_lists_as_word() {
    let b = water_talks();
    let dir = tempfile::tempdir().unwrap();
    let md = file(
        &dir,
        "brief.md",
        &exported(&b, "policy-brief", Format::Markdown, None),
    );
    let docx = file(
        &dir,
        "brief.docx",
        &exported(&b, "policy-brief", Format::Docx, None),
    );
    let from_md = as_word_levels(outline(&pandoc_json(&md, "markdown")));
    let from_docx = outline(&pandoc_json(&docx, "docx"));
    assert_eq!(from_md, from_docx);
    let text = norm(&run(
        "pandoc",
        &[
            "-f",
            "markdown",
            "-t",
            "plain",
            "--wrap=none",
            md.to_str().unwrap(),
        ],
    ));
    positions(&text, &printed_lines(&b), "the Markdown brief");
}

#[test]
fn issue_11_text_has_every_statement_and_source_and_the_marking_first_and_last() {
    let mut b = water_talks();
    b.marking = "TLP:AMBER".into();
    let text = String::from_utf8(exported(&b, "policy-brief", Format::Text, None)).unwrap();
    assert_eq!(text.lines().next(), Some("TLP:AMBER"));
    assert_eq!(text.lines().last(), Some("TLP:AMBER"));
    let flat = norm(&text);
    let at = positions(&flat, &printed_lines(&b), "the text brief");
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    for s in &b.sources {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{} — ", s.number)));
        let line = line.unwrap_or_else(|| panic!("source {} has a line", s.number));
        assert!(norm(line).contains(&norm(&s.title)));
        if let Some(url) = &s.url {
            assert!(line.contains(url.as_str()), "the address is kept");
        }
    }
}

#[test]
fn issue_11_quote_sheet_sources_become_a_list_outside_the_pdf() {
    let b = water_talks();
    let text = String::from_utf8(exported(&b, "quote-sheet", Format::Text, None)).unwrap();
    let sources = text.split("\nSources\n").nth(1).expect("a Sources section");
    for s in &b.sources {
        assert!(
            sources.contains(&format!("[{}] ", s.number)),
            "source {}",
            s.number
        );
    }
}
