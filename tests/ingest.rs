//! Ingest stage: golden dumps of the fixture articles, the metadata a user relies on, and bad
//! input that must fail with the file's name and a clear reason.

use crate::common;

use std::time::{Duration, Instant};

use briefdesk::ingest::{ingest, MAX_FILE_BYTES};
use briefdesk::{Article, IngestErrorKind, SourceFormat};
use chrono::NaiveDate;

fn fixture(name: &str) -> Article {
    let bytes = std::fs::read(common::fixtures().join(name)).expect("fixture exists");
    ingest(name, &bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Every paragraph span slices to its trimmed, non-empty text and the spans tile the text.
fn assert_spans(a: &Article) {
    assert!(!a.paragraphs.is_empty());
    let mut rebuilt = Vec::new();
    for (i, p) in a.paragraphs.iter().enumerate() {
        assert_eq!(p.index, i);
        let s = a.slice(p.span);
        assert!(!s.is_empty(), "paragraph {i} is empty");
        assert_eq!(s, s.trim(), "paragraph {i} has surrounding whitespace");
        assert!(!s.contains("\n\n"), "paragraph {i} spans a paragraph break");
        rebuilt.push(s);
    }
    assert_eq!(rebuilt.join("\n\n"), a.text);
}

fn golden(fixture_name: &str) -> Article {
    let a = fixture(fixture_name);
    assert_spans(&a);
    common::check_golden(
        &format!("{fixture_name}.article.txt"),
        &briefdesk::dump::article(&a),
    );
    a
}

#[test]
fn golden_harbor_talks() {
    let a = golden("harbor-talks.txt");
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(
        a.title,
        "Lagos port talks stall as Nigeria and Benin trade warnings over transit fees"
    );
    assert_eq!(a.byline.as_deref(), Some("Chidi Nwosu and Hélène Dossou"));
    assert_eq!(a.outlet.as_deref(), Some("Northbridge Wire"));
    assert_eq!(a.published, date(2026, 10, 14));
    assert_eq!(a.dateline.as_deref(), Some("LAGOS"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.paragraphs.len(), 12);
    // Hard-wrapped lines are joined with a space, and the dateline stays in the text.
    assert!(a.paragraph_text(0).starts_with(
        "LAGOS — Talks between Nigeria and Benin over transit fees at the Lagos and Cotonou harbors"
    ));
    // The quote carried into the next paragraph keeps its open end and its reopening mark.
    assert!(a
        .paragraph_text(9)
        .ends_with("the trucks will keep moving."));
    assert!(a
        .paragraph_text(10)
        .starts_with("“We will be back in Cotonou"));
    assert!(!a.text.contains("Published"));
}

#[test]
fn golden_grain_corridor() {
    let a = golden("grain-corridor.md");
    assert_eq!(a.format, SourceFormat::Markdown);
    assert_eq!(
        a.title,
        "Black Sea grain corridor extended for 90 days after late-night deal in Istanbul"
    );
    // The job title after the name is not part of the byline.
    assert_eq!(a.byline.as_deref(), Some("Daria Kovalenko"));
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Ledger"));
    // `date:`, not `updated:`.
    assert_eq!(a.published, date(2026, 11, 19));
    assert_eq!(a.dateline.as_deref(), Some("ISTANBUL"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://harbourledger.example/world/black-sea-grain-corridor-extended")
    );
    assert!(!a.text.contains("By Daria"), "byline line leaked");
    assert!(
        !a.text.contains("Cargo ships at anchor"),
        "image alt text leaked"
    );
    assert!(!a.text.contains('#'));
    assert!(a.text.contains("\"Nobody got everything"));
}

#[test]
fn golden_energy_summit_html() {
    let a = golden("energy-summit.html");
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(
        a.title,
        "EU and Gulf states agree gas reserve pact at Brussels summit"
    );
    assert_eq!(a.outlet.as_deref(), Some("The Meridian Post"));
    assert_eq!(a.byline.as_deref(), Some("Sofia Brandt"));
    // article:published_time (Nov 26), never article:modified_time / dateModified (Nov 27).
    assert_eq!(a.published, date(2026, 11, 26));
    assert_eq!(a.dateline.as_deref(), Some("BRUSSELS"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://meridianpost.example/world/2026/11/26/eu-gulf-gas-reserve-pact")
    );
    assert_eq!(a.paragraphs.len(), 8);
    assert!(a.paragraph_text(0).starts_with("BRUSSELS — European Union"));
    let lower = a.text.to_lowercase();
    for leak in [
        "advertisement",
        "family photo",         // figure caption
        "read more",            // related-links aside
        "gulf producers court", // related link text
        "cookies",              // cookie banner
        "share this",           // share bar
        "copy link",
        "newsletter",
        "datalayer", // inline script
        "function(",
        "font-family",   // style
        "published nov", // in-article byline line
        "all rights reserved",
        "subscribe",
        "politics", // navigation
    ] {
        assert!(!lower.contains(leak), "{leak:?} leaked into the text");
    }
}

#[test]
fn golden_water_accord_cp1252() {
    let bytes = std::fs::read(common::fixtures().join("water-accord-cp1252.txt")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must stay Windows-1252"
    );
    let a = golden("water-accord-cp1252.txt");
    assert_eq!(a.byline.as_deref(), Some("Amélie Fournier"));
    assert_eq!(a.outlet.as_deref(), Some("Steppe Observer"));
    assert_eq!(a.published, date(2026, 12, 3));
    assert_eq!(a.dateline.as_deref(), Some("TASHKENT"));
    assert!(a
        .text
        .contains("“For thirty years we argued about every cubic meter,” Rahimova said."));
    assert!(a
        .text
        .contains("According to Hélène Marchetti, the World Bank’s"));
    assert!(!a.text.contains('\u{FFFD}'));
}

#[test]
fn golden_utf16_note() {
    let a = golden("utf16-note.txt");
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(
        a.title,
        "Ceasefire monitors to return to the Armenia–Azerbaijan border"
    );
    assert_eq!(a.byline.as_deref(), Some("Léa Moreau"));
    assert_eq!(a.dateline.as_deref(), Some("YEREVAN"));
    assert_eq!(a.paragraphs.len(), 3);
    assert!(a.text.contains(
        "“Our teams will be back in the villages before the first snow,” Lindqvist said."
    ));
    assert!(a.text.contains("The café owners"));
}

#[test]
fn rubio_sample_from_shared() {
    let Some(shared) = common::shared() else {
        eprintln!("../shared is absent: skipping the Rubio sample");
        return;
    };
    let bytes = std::fs::read(shared.join("samples/rubio-pakistan.txt")).unwrap();
    let a = ingest("samples/rubio-pakistan.txt", &bytes).unwrap();
    assert_eq!(a.file_name, "rubio-pakistan.txt");
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(a.dateline.as_deref(), Some("ISLAMABAD"));
    assert_eq!(a.paragraphs.len(), 15);
    assert_spans(&a);
    assert!(a
        .paragraph_text(0)
        .starts_with("ISLAMABAD: The United States (US)"));
    // No headline line: the title is the lede's first sentence, cut at a word.
    assert!(a
        .title
        .starts_with("The United States (US) saw a growing opportunity"));
    assert!(a.title.ends_with('…') && a.title.chars().count() <= 90);
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.id.len(), 16);
    assert!(a.id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(ingest("other-name.txt", &bytes).unwrap().id, a.id);
}

/// Runs ingest on bad input and returns the error kind, checking the message names the file.
fn refused(name: &str, bytes: &[u8]) -> IngestErrorKind {
    let err = ingest(name, bytes).expect_err("bad input must be refused");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{name}: ")), "{msg}");
    assert!(msg.len() > name.len() + 10, "reason too thin: {msg}");
    err.kind
}

#[test]
fn empty_and_whitespace_files() {
    assert_eq!(refused("empty.txt", b""), IngestErrorKind::Empty);
    assert_eq!(refused("blank.md", b"  \n\t\r\n  "), IngestErrorKind::Empty);
    assert_eq!(
        refused("bom.txt", b"\xEF\xBB\xBF \n"),
        IngestErrorKind::Empty
    );
    assert_eq!(
        refused("blank16.txt", b"\xFF\xFE \0\n\0"),
        IngestErrorKind::Empty
    );
    let msg = ingest("empty.txt", b"").unwrap_err().to_string();
    assert_eq!(msg, format!("empty.txt: {}", IngestErrorKind::Empty));
    assert!(msg.contains("empty"), "{msg}");
}

#[test]
fn binary_files_are_refused_whatever_their_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    match refused("x.html", png) {
        IngestErrorKind::Binary(why) => assert!(why.contains("image"), "{why}"),
        other => panic!("{other:?}"),
    }
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    match refused("report.txt", pdf) {
        IngestErrorKind::Damaged(why) => assert!(why.starts_with("truncated PDF ("), "{why}"),
        other => panic!("{other:?}"),
    }
    let zip = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
    match refused("brief.md", zip) {
        IngestErrorKind::Damaged(why) => {
            assert!(why.starts_with("truncated ZIP archive ("), "{why}")
        }
        other => panic!("{other:?}"),
    }
    match refused("zeros.txt", &[0u8; 4096]) {
        IngestErrorKind::Binary(why) => assert!(why.contains("NUL"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn random_invalid_utf8_is_refused() {
    // A fixed xorshift stream: bytes over the whole range, never NUL, not valid UTF-8.
    let mut x: u32 = 0x9E37_79B9;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8 | 0x01
        })
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let err = ingest("noise.txt", &bytes).unwrap_err();
    assert!(matches!(err.kind, IngestErrorKind::Binary(_)), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("noise.txt") && msg.contains("not valid UTF-8"),
        "{msg}"
    );
}

#[test]
fn oversized_file_is_refused_before_any_work() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    let t = Instant::now();
    let err = ingest("huge.txt", &big).unwrap_err();
    assert!(
        t.elapsed() < Duration::from_millis(200),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(
        err.kind,
        IngestErrorKind::TooLarge {
            size: big.len() as u64,
            limit: MAX_FILE_BYTES
        }
    );
    let msg = err.to_string();
    assert_eq!(msg, format!("huge.txt: {}", err.kind));
    assert!(msg.contains("limit"), "{msg}");
}

#[test]
fn deeply_nested_html_does_not_crash() {
    let depth = 20_000;
    let mut html = String::from("<!DOCTYPE html><html><head><title>Deep page</title></head><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>GENEVA — The innermost paragraph still counts as article text.</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    // Run on a thread with the default 2 MiB test stack: recursion would overflow it.
    let t = Instant::now();
    let a = std::thread::spawn(move || ingest("deep.html", html.as_bytes()))
        .join()
        .expect("no stack overflow")
        .expect("text found");
    // Unguarded, the HTML parser alone takes about a minute on this input (debug build).
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(a.title, "Deep page");
    assert_eq!(a.dateline.as_deref(), Some("GENEVA"));
    assert!(a.text.contains("innermost paragraph"));
}

#[test]
fn html_named_txt_and_page_without_body_text() {
    let a = ingest(
        "saved.txt",
        b"<p>ANKARA \xE2\x80\x94 Officials met.</p>\n<p>They talked again.</p>",
    )
    .unwrap();
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.dateline.as_deref(), Some("ANKARA"));
    let err = ingest(
        "chrome.html",
        b"<html><body><nav>Home</nav><script>x()</script></body></html>",
    )
    .unwrap_err();
    assert_eq!(err.kind, IngestErrorKind::NoText);
    assert_eq!(
        err.to_string(),
        format!("chrome.html: {}", IngestErrorKind::NoText)
    );
}

#[test]
fn text_header_styles() {
    let a = ingest(
        "wire.txt",
        "Pakistan and India agree to resume water talks\nAyesha Khan, Reuters\nNovember 26, 2026\n\n\
         ISLAMABAD, Nov 26 (Reuters) - Pakistan and India agreed on Thursday to resume talks.\n\n\
         \"We are ready,\" the minister said.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(a.title, "Pakistan and India agree to resume water talks");
    assert_eq!(a.byline.as_deref(), Some("Ayesha Khan"));
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert_eq!(a.dateline.as_deref(), Some("ISLAMABAD"));
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a
        .paragraph_text(0)
        .starts_with("ISLAMABAD, Nov 26 (Reuters) - "));

    // No headline: "By" and "Published" lines at the top are still metadata.
    let b = ingest(
        "untitled.txt",
        "By Jane Doe\nPublished: Thu 26 Nov 2026 09:14 GMT\n\n\
         WASHINGTON — The U.S. said on Wednesday it would send envoys. They leave on Friday.\n\n\
         More text here follows.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(b.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(b.published, date(2026, 11, 26));
    assert_eq!(b.title, "The U.S. said on Wednesday it would send envoys");
    assert_eq!(b.paragraphs.len(), 2);

    // A headline followed directly by one-line paragraphs.
    let c = ingest(
        "lines.txt",
        b"Envoys head to Doha\nDOHA: Envoys arrived on Thursday for talks.\nThey met the emir.\nNo deal yet.\n",
    )
    .unwrap();
    assert_eq!(c.title, "Envoys head to Doha");
    assert_eq!(c.paragraphs.len(), 3);
    assert_eq!(c.dateline.as_deref(), Some("DOHA"));
}

#[test]
fn markdown_byline_and_date_under_heading() {
    let a = ingest(
        "note.md",
        b"# Envoys head to Doha\n\n**By Jane Doe**  \n*November 26, 2026*\n\nDOHA \xE2\x80\x94 Envoys arrived.\n\n> \"Quoted block,\" he said.\n",
    )
    .unwrap();
    assert_eq!(a.title, "Envoys head to Doha");
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(a.published, date(2026, 11, 26));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.paragraph_text(1), "\"Quoted block,\" he said.");
}

#[test]
fn html_metadata_fallbacks() {
    // JSON-LD in an @graph, a modified <time> before the published one, a French page.
    let page = "<html lang=fr><head><title>Sommet à Paris - Le Quotidien</title>\
        <script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[\
        {\"@type\":\"WebSite\",\"name\":\"Le Quotidien\"},{\"@type\":[\"NewsArticle\"],\
        \"headline\":\"Sommet à Paris\",\"author\":{\"@type\":\"Person\",\"name\":\"Marie Dupont\"},\
        \"publisher\":{\"name\":\"Le Quotidien\"},\"dateModified\":\"2026-11-28\"}]}</script></head>\
        <body><article><p class=byline>Par Marie Dupont</p>\
        <time class=updated datetime=2026-11-28>28 nov.</time><time datetime='2026-11-25T10:00'>25 nov.</time>\
        <p>PARIS — Les ministres se sont réunis mardi pour discuter de la sécurité énergétique en Europe et des prix du gaz.</p>\
        <p>« Nous avons besoin d'un accord », a déclaré le ministre aux journalistes après la réunion.</p>\
        </article></body></html>";
    let a = ingest("sommet.html", page.as_bytes()).unwrap();
    assert_eq!(a.title, "Sommet à Paris");
    assert_eq!(a.outlet.as_deref(), Some("Le Quotidien"));
    assert_eq!(a.byline.as_deref(), Some("Marie Dupont"));
    assert_eq!(a.published, date(2026, 11, 25));
    assert_eq!(a.language.as_deref(), Some("fr"));
    assert_eq!(a.dateline.as_deref(), Some("PARIS"));
    assert_eq!(a.paragraphs.len(), 2, "{}", a.text);

    // Only an in-article "By … | Published …" line gives byline and date.
    let b = ingest(
        "talks.html",
        b"<html><head><title>Talks</title></head><body><div>\
          <p>By Omar Haddad | Published Nov. 26, 2026</p>\
          <p>AMMAN \xE2\x80\x94 Talks opened on Thursday between the two delegations, officials said.</p>\
          <p>Advertisement</p><p>Second paragraph of the story with more detail.</p></div></body></html>",
    )
    .unwrap();
    assert_eq!(b.byline.as_deref(), Some("Omar Haddad"));
    assert_eq!(b.published, date(2026, 11, 26));
    assert_eq!(b.paragraphs.len(), 2);
    assert!(!b.text.contains("Advertisement"));
}

#[test]
fn legacy_charset_declared_by_a_page() {
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        <title>Accord sign\xe9</title></head><body><p>GEN\xC8VE \x97 Les d\xe9l\xe9gations ont sign\xe9 l'accord mardi.</p></body></html>"
        .to_vec();
    page.extend_from_slice(b"\n");
    let a = ingest("accord.htm", &page).unwrap();
    assert_eq!(a.title, "Accord signé");
    // ISO-8859-1 is read as its superset Windows-1252 (as browsers do): 0x97 is an em dash.
    assert_eq!(a.dateline.as_deref(), Some("GENÈVE"));
    assert!(a.text.contains("Les délégations ont signé"));
}
