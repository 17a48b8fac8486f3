//! Ingest of the container formats: PDF, DOCX, EPUB, e-mail and mbox, RTF and MHTML, each read
//! into the same `Article` with the metadata the format carries. DOCX and EPUB files are built
//! here with the `zip` crate; the PDFs in `tests/fixtures/formats/` were written by a small
//! script and encrypted with `qpdf --encrypt` (see `formats/README.md`).

use crate::common;

use std::io::Write;

use briefdesk::ingest::{ingest, ingest_all};
use briefdesk::{Article, IngestErrorKind, SourceFormat};
use chrono::NaiveDate;
use zip::write::SimpleFileOptions;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn format_fixture(name: &str) -> Vec<u8> {
    std::fs::read(common::fixtures().join("formats").join(name)).expect("fixture exists")
}

/// A ZIP archive of `(name, content)` entries; the first is stored, the rest deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, data)) in entries.iter().enumerate() {
        let method = if i == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = SimpleFileOptions::default().compression_method(method);
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A DOCX holding `body` (the inside of `<w:body>`) and core properties.
pub fn docx(body: &str, core: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", doc.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

fn para(style: Option<&str>, text: &str) -> String {
    let ppr = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn no_article(name: &str, bytes: &[u8]) -> String {
    let err = ingest(name, bytes).expect_err("must be refused");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{name}: ")), "{msg}");
    assert!(!msg.contains('\n'), "one line: {msg}");
    msg
}

#[test]
fn pdf_text_layer_metadata_and_paragraphs() {
    let a = ingest("talks.pdf", &format_fixture("article.pdf")).unwrap();
    assert_eq!(a.format, SourceFormat::Pdf);
    assert_eq!(a.title, "Envoys agree to resume water talks in Doha");
    assert_eq!(a.byline.as_deref(), Some("Amina Yusuf"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert_eq!(a.dateline.as_deref(), Some("DOHA"));
    // Paragraph gaps become breaks; the page number "3" is gone; page 2 continues.
    assert_eq!(a.paragraphs.len(), 4, "{}", a.text);
    assert!(a.paragraph_text(1).starts_with("\"We are ready"));
    assert!(a
        .paragraph_text(2)
        .starts_with("The talks collapsed in July"));
    assert!(!a.text.contains(" 3 "));
    // Encrypted with an owner password only: readable without one.
    let b = ingest("owner.pdf", &format_fixture("owner-only.pdf")).unwrap();
    assert_eq!(b.text, a.text);
}

#[test]
fn pdf_interleaved_columns_come_out_column_by_column() {
    // The content stream alternates left and right lines at the same height.
    let a = ingest("dam.pdf", &format_fixture("two-column.pdf")).unwrap();
    assert_eq!(a.title, "Dam talks resume with a new timetable");
    assert_eq!(a.dateline.as_deref(), Some("CAIRO"));
    let expected = [
        "CAIRO - Ministers from the three countries met on Friday to discuss the dam, and said the talks had been useful.",
        "Engineers will report next month on the filling plan.",
        "The next round is set for Khartoum in January, officials said, though no date has been agreed.",
        "Observers from the African Union will attend the meeting.",
    ];
    let got: Vec<&str> = (0..a.paragraphs.len())
        .map(|i| a.paragraph_text(i))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn pdf_refusals_name_the_reason() {
    let msg = no_article("locked.pdf", &format_fixture("locked.pdf"));
    assert!(msg.contains("password-protected"), "{msg}");
    let msg = no_article("scan.pdf", &format_fixture("scan.pdf"));
    assert!(msg.contains("no text layer — run OCR first"), "{msg}");
    let whole = format_fixture("article.pdf");
    for cut in [20, whole.len() / 3, whole.len() / 2, whole.len() - 40] {
        let msg = no_article("cut.pdf", &whole[..cut]);
        assert!(msg.contains("PDF"), "{msg}");
    }
}

#[test]
fn docx_paragraphs_headings_tables_and_core_properties() {
    let body = [
        para(Some("Title"), "Envoys agree to resume water talks"),
        para(None, "DOHA — Negotiators agreed on Saturday to resume talks, officials said."),
        para(Some("Heading2"), "What comes next"),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Round</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Date</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
        para(None, "A first round is expected before the end of the year."),
    ]
    .concat();
    let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Document1</dc:title><dc:creator>Amina Yusuf</dc:creator><dcterms:created>2026-11-26T08:00:00Z</dcterms:created></cp:coreProperties>"#;
    let a = ingest("talks.docx", &docx(&body, core)).unwrap();
    assert_eq!(a.format, SourceFormat::Docx);
    assert_eq!(a.title, "Envoys agree to resume water talks");
    assert_eq!(a.byline.as_deref(), Some("Amina Yusuf"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert_eq!(a.dateline.as_deref(), Some("DOHA"));
    assert_eq!(a.paragraph_text(1), "What comes next");
    assert_eq!(a.paragraph_text(2), "Round | Date");
    assert_eq!(a.paragraphs.len(), 4);
}

#[test]
fn epub_metadata_and_spine_order() {
    let chapter = |h: &str, p: &str| {
        format!("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>{h}</title></head><body><h1>{h}</h1><p>{p}</p></body></html>")
    };
    let opf = r#"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>Water talks dossier</dc:title><dc:creator>Amina Yusuf</dc:creator><dc:publisher>Gulf Wire</dc:publisher><dc:date>2026-11-26</dc:date><dc:language>en</dc:language></metadata>
        <manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="b" href="text/b.xhtml" media-type="application/xhtml+xml"/><item id="a" href="text/a%20one.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#;
    let container = r#"<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>"#;
    let a_html = chapter(
        "Talks resume",
        "DOHA — Negotiators agreed on Saturday to resume talks on the shared river.",
    );
    let b_html = chapter(
        "Next steps",
        "A first round is expected before the end of the year, officials said.",
    );
    let nav_html = chapter("Contents", "Talks resume. Next steps.");
    let bytes = zip_of(&[
        ("mimetype", b"application/epub+zip".as_slice()),
        ("META-INF/container.xml", container.as_bytes()),
        ("OEBPS/content.opf", opf.as_bytes()),
        ("OEBPS/nav.xhtml", nav_html.as_bytes()),
        ("OEBPS/text/a one.xhtml", a_html.as_bytes()),
        ("OEBPS/text/b.xhtml", b_html.as_bytes()),
    ]);
    let a = ingest("dossier.epub", &bytes).unwrap();
    assert_eq!(a.format, SourceFormat::Epub);
    assert_eq!(a.title, "Water talks dossier");
    assert_eq!(a.byline.as_deref(), Some("Amina Yusuf"));
    assert_eq!(a.outlet.as_deref(), Some("Gulf Wire"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert!(!a.text.contains("Contents"), "{}", a.text);
    let pos = |s: &str| {
        a.text
            .find(s)
            .unwrap_or_else(|| panic!("{s} in {}", a.text))
    };
    assert!(pos("Negotiators agreed") < pos("Next steps"));
    assert!(pos("Next steps") < pos("A first round"));
}

const ALERT: &str = "From: Gulf Wire Alerts <alerts@gulfwire.example>\r\nTo: analyst@example.org\r\nSubject: =?UTF-8?Q?Breaking_News:_Envoys_agree_to_resume_water_talks?=\r\nDate: Thu, 26 Nov 2026 09:00:00 +0300\r\nMessage-ID: <1@gulfwire.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain version\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>DOHA =E2=80=94 Negotiators agreed on Saturday to resume talks, officia=\r\nls said.</p><p>A first round is expected before the end of the year.</p><script>alert('x')</script></body></html>\r\n--alt--\r\n";

#[test]
fn email_alert_with_html_body() {
    let a = ingest("alert.eml", ALERT.as_bytes()).unwrap();
    assert_eq!(a.format, SourceFormat::Email);
    assert_eq!(a.title, "Envoys agree to resume water talks");
    assert_eq!(a.outlet.as_deref(), Some("Gulf Wire Alerts"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert_eq!(a.paragraphs.len(), 2, "{}", a.text);
    assert_eq!(
        a.paragraph_text(0),
        "DOHA — Negotiators agreed on Saturday to resume talks, officials said."
    );
    assert!(!a.text.contains("alert(") && !a.text.contains("plain version"));
    // Named .txt, it is still a mail.
    assert_eq!(
        ingest("alert.txt", ALERT.as_bytes()).unwrap().format,
        SourceFormat::Email
    );
}

#[test]
fn mail_with_attached_articles_and_mbox() {
    let pdf = format_fixture("article.pdf");
    let b64 = base64_encode(&pdf);
    let mail = format!("From: Colleague <c@example.org>\r\nSubject: FYI\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--m\r\nContent-Type: application/pdf; name=\"talks.pdf\"\r\nContent-Disposition: attachment; filename=\"talks.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--m\r\nContent-Type: message/rfc822\r\n\r\n{ALERT}\r\n--m--\r\n");
    // The body is only a cover note: `ingest` gives the first attached article.
    let main = ingest("fyi.eml", mail.as_bytes()).unwrap();
    assert_eq!(main.format, SourceFormat::Pdf);
    assert_eq!(main.file_name, "fyi.eml#talks.pdf");
    let all = ingest_all("fyi.eml", mail.as_bytes());
    let ok: Vec<&Article> = all.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[1].format, SourceFormat::Email);
    assert_eq!(ok[1].title, "Envoys agree to resume water talks");

    let mbox = format!("From alerts@gulfwire.example Thu Nov 26 09:00:00 2026\n{}\nFrom alerts@gulfwire.example Fri Nov 27 09:00:00 2026\nFrom: Gulf Wire <a@g.example>\nSubject: Second story\nDate: Fri, 27 Nov 2026 09:00:00 +0000\n\nCAIRO — Ministers met on Friday.\n", ALERT.replace("\r\n", "\n"));
    let all = ingest_all("alerts.mbox", mbox.as_bytes());
    assert_eq!(all.len(), 2);
    let second = all[1].as_ref().unwrap();
    assert_eq!(
        (second.title.as_str(), second.file_name.as_str()),
        ("Second story", "alerts.mbox#2")
    );
    assert_ne!(all[0].as_ref().unwrap().id, second.id);
}

#[test]
fn rtf_and_mhtml() {
    let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\info{\author Amina Yusuf}{\creatim\yr2026\mo11\dy26}}\pard Envoys agree to resume water talks\par\par DOHA \endash  Negotiators agreed on Saturday to resume talks, caf\'e9 owners said.\par A first round is expected before the end of the year.\par}";
    let a = ingest("talks.rtf", rtf).unwrap();
    assert_eq!(a.format, SourceFormat::Rtf);
    assert_eq!(a.title, "Envoys agree to resume water talks");
    assert_eq!(a.byline.as_deref(), Some("Amina Yusuf"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert!(a.paragraph_text(0).contains("café owners"), "{}", a.text);

    let page = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://gulfwire.example/2026/11/26/talks\r\nSubject: Envoys agree to resume water talks\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Location: https://gulfwire.example/2026/11/26/talks\r\n\r\n<html><head><title>Envoys agree to resume water talks</title></head><body><article><p>DOHA — Negotiators agreed on Saturday to resume talks on the shared river, officials said.</p><p>A first round is expected before the end of the year.</p></article></body></html>\r\n--r\r\nContent-Type: image/png\r\nContent-Location: https://gulfwire.example/a.png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--r--\r\n";
    let m = ingest("talks.mhtml", page.as_bytes()).unwrap();
    assert_eq!(m.format, SourceFormat::Mhtml);
    assert_eq!(m.title, "Envoys agree to resume water talks");
    assert_eq!(
        m.url.as_deref(),
        Some("https://gulfwire.example/2026/11/26/talks")
    );
    assert_eq!(m.dateline.as_deref(), Some("DOHA"));
}

#[test]
fn other_zip_archives_are_refused() {
    let bytes = zip_of(&[("a.txt", b"hello".as_slice())]);
    let msg = no_article("archive.docx", &bytes);
    assert!(msg.contains("neither a DOCX nor an EPUB"), "{msg}");
    let e = ingest("x.docx", &bytes).unwrap_err();
    assert!(matches!(e.kind, IngestErrorKind::Binary(_)));
}

/// Standard base64 with line breaks, for MIME attachments built in tests.
fn base64_encode(data: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                out.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn ingest_all_of_a_single_article_file_is_that_article() {
    let bytes = b"Talks resume\n\nDOHA \xE2\x80\x94 Negotiators met on Saturday.\n";
    let all = ingest_all("note.txt", bytes);
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].as_ref().unwrap(),
        &ingest("note.txt", bytes).unwrap()
    );
    let err = ingest_all("empty.eml", b"");
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].as_ref().unwrap_err().kind, IngestErrorKind::Empty);
}
