//! PDF structure of a rendered brief: outline, metadata, page labels, links, and
//! deterministic bytes. The dump of the fixture brief (pages, sizes, metadata, outline, links,
//! text per page, SHA-256) is compared with `tests/fixtures/render/*.dump.txt`; after an
//! intended change, `BRIEFDESK_BLESS=1 cargo test --test suite render_pdf` rewrites it.

use crate::common;

use briefdesk::render::{render, PageSize, RenderOptions, Templates};
use common::{check_file, fixture_brief, fixtures, tool, water_talks, write_file};
use sha2::{Digest, Sha256};

fn main_pdf(template: &str, size: PageSize) -> (Vec<u8>, usize) {
    let opts = RenderOptions {
        template: template.into(),
        page_size: size,
    };
    let r = render(&water_talks(), &Templates::builtin(), &opts).unwrap();
    (r.pdf, r.pages)
}

/// SHA-256 of `bytes` in hex.
fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn outline_lines(items: &serde_json::Value, depth: usize, out: &mut String) {
    for item in items.as_array().into_iter().flatten() {
        out.push_str(&format!(
            "{}{} → page {}\n",
            "  ".repeat(depth + 1),
            item["title"].as_str().unwrap_or("?"),
            item["destpageposfrom1"]
        ));
        outline_lines(&item["kids"], depth + 1, out);
    }
}

/// Link annotations per page: page, rectangle (whole points) and target.
fn links(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for (n, id) in doc.get_pages() {
        for a in doc.get_page_annotations(id).unwrap_or_default() {
            let uri = a
                .get(b"A")
                .and_then(lopdf::Object::as_dict)
                .and_then(|d| d.get(b"URI"))
                .and_then(lopdf::Object::as_str)
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            let rect: Vec<String> = a
                .get(b"Rect")
                .and_then(lopdf::Object::as_array)
                .map(|r| {
                    r.iter()
                        .map(|v| format!("{:.0}", v.as_float().unwrap_or(-1.0)))
                        .collect()
                })
                .unwrap_or_default();
            out.push(format!("page {n} [{}] {uri}", rect.join(" ")));
        }
    }
    out
}

/// Pages, sizes, metadata, page labels, outline, links, text per page and the SHA-256.
fn dump(pdf: &[u8], pages: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "brief.pdf", pdf);
    tool("qpdf", &["--check", &path]);
    let mut out = format!("pages {pages}\n");
    let info = tool("pdfinfo", &["-f", "1", "-l", &pages.to_string(), &path]);
    let keys = [
        "Title:",
        "Subject:",
        "Keywords:",
        "Author:",
        "Creator:",
        "Producer:",
        "CreationDate:",
        "ModDate:",
        "Page ",
    ];
    for l in info
        .lines()
        .filter(|l| keys.iter().any(|k| l.starts_with(k)))
    {
        if !l.contains(" rot:") {
            out.push_str(&l.split_whitespace().collect::<Vec<_>>().join(" "));
            out.push('\n');
        }
    }
    let json = tool(
        "qpdf",
        &[
            "--json",
            "--json-key=outlines",
            "--json-key=pagelabels",
            &path,
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    out.push_str(&format!("page labels {}\noutline\n", json["pagelabels"]));
    outline_lines(&json["outlines"], 0, &mut out);
    out.push_str("links\n");
    for l in links(pdf) {
        out.push_str(&format!("  {l}\n"));
    }
    for p in 1..=pages {
        let n = p.to_string();
        let text = tool(
            "pdftotext",
            &["-enc", "UTF-8", "-layout", "-f", &n, "-l", &n, &path, "-"],
        );
        out.push_str(&format!("text of page {p}\n{text}"));
    }
    // Last, so a change in the text shows first in a failure.
    out.push_str(&format!("sha256 {}\n", hex(pdf)));
    out
}

#[test]
fn the_same_brief_gives_byte_identical_pdfs_and_the_approved_dump() {
    let (a, pages) = main_pdf("policy-brief", PageSize::A4);
    let (b, _) = main_pdf("policy-brief", PageSize::A4);
    assert_eq!(hex(&a), hex(&b), "two renders differ");
    check_file(
        &fixtures().join("render/water-talks.dump.txt"),
        &dump(&a, pages),
    );
}

#[test]
fn outline_metadata_labels_and_links_are_written() {
    let (pdf, pages) = main_pdf("policy-brief", PageSize::Letter);
    let d = dump(&pdf, pages);
    for want in [
        "Producer: BriefDesk",
        "Author: Policy Unit, Desk 3 (fictional)",
        "Subject: Positions of the riparian states",
        "Keywords: Official – Sensitive,Ayesha Dār,",
        "CreationDate: Sat Nov 28 00:00:00 2026",
        "\"/S\":\"/D\"",
        "\n  Rhine water-sharing talks: a deal is possible before spring, but not on current terms → page 1\n",
        "\n    Key points → page 1\n",
        "\n      Ayesha Dār · Chief negotiator of the downstream states (fictional) → page 1\n",
        "https://news.example.org/2026-11-20-neue-z%C3%BCrcher-abendblatt",
    ] {
        assert!(d.contains(want), "{want:?} not in\n{d}");
    }
    let sources = d.find("    Sources → page").expect("a Sources bookmark");
    assert!(
        d[..sources].contains("    Key statements → page"),
        "outline out of order"
    );
    // Four sources have a web address: one link each (a title split over lines gives
    // several rectangles with the same target).
    let targets: std::collections::BTreeSet<String> = links(&pdf)
        .into_iter()
        .map(|l| l.rsplit(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(targets.len(), 4, "{targets:?}");
}

#[test]
fn mixed_scripts_use_the_wide_font_and_missing_glyphs_are_warnings() {
    let mut b = fixture_brief("mixed-scripts.json");
    b.key_points[0]
        .text
        .push_str(" Beijing’s 中 observer attended.");
    let r = render(
        &b,
        &Templates::builtin(),
        &RenderOptions {
            template: "policy-brief".into(),
            page_size: PageSize::A4,
        },
    )
    .unwrap();
    assert_eq!(r.missing_glyphs, ['中']);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("'中' (U+4E2D)"), "{}", r.warnings[0]);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "mixed.pdf", &r.pdf);
    let fonts = tool("pdffonts", &[&path]);
    assert!(fonts.contains("+DejaVuSans"), "{fonts}");
    let text = tool("pdftotext", &["-enc", "UTF-8", &path, "-"]);
    for word in [
        "مشتركة",
        "مياه",
        "משותפים",
        "Nguyễn Thị Hằng",
        "Łukasz Żółkiewski",
        "\u{fffd}",
    ] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
    // Clean input gives no warnings.
    let clean = render(
        &fixture_brief("mixed-scripts.json"),
        &Templates::builtin(),
        &RenderOptions {
            template: "policy-brief".into(),
            page_size: PageSize::A4,
        },
    )
    .unwrap();
    assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
}

#[test]
fn an_overlong_one_pager_is_cut_with_a_visible_note_and_a_warning() {
    let mut b = water_talks();
    let points = b.key_points.clone();
    for p in &mut b.key_points {
        p.text = format!("{} {} {}", p.text, p.text, p.text);
    }
    for _ in 0..6 {
        b.bottom_line.extend(points.iter().cloned());
    }
    let r = render(
        &b,
        &Templates::builtin(),
        &RenderOptions {
            template: "one-pager".into(),
            page_size: PageSize::A4,
        },
    )
    .unwrap();
    assert_eq!(r.pages, 1);
    assert!(
        r.warnings.iter().any(|w| w.contains("was cut")),
        "{:?}",
        r.warnings
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "one.pdf", &r.pdf);
    let text = tool("pdftotext", &["-enc", "UTF-8", &path, "-"]);
    assert!(text.contains("… more in full brief"), "{text}");
}

#[test]
fn the_three_builtin_templates_are_listed_with_descriptions() {
    let list = Templates::builtin().list();
    let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["one-pager", "policy-brief", "quote-sheet"]);
    assert!(list
        .iter()
        .all(|t| t.origin == "built-in" && !t.description.is_empty()));
}

#[test]
fn quote_sheet_footnotes_sit_on_the_pages_that_cite_them() {
    let (pdf, pages) = main_pdf("quote-sheet", PageSize::A4);
    assert_eq!(pages, 2);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "quotes.pdf", &pdf);
    let page = |n: &str| {
        tool(
            "pdftotext",
            &["-enc", "UTF-8", "-f", n, "-l", n, &path, "-"],
        )
    };
    let (one, two) = (page("1"), page("2"));
    // Source 2 is cited (by Ayesha Dār's quotes) on page 1 only; 6 (insurers) on page 2 only.
    let note2 = "The Lahore Courier, “Dār says the upstream proposal";
    let note6 = "Baltic Wire, “Insurers price in longer droughts";
    assert!(
        one.contains(note2) && !two.contains(note2),
        "{one}\n----\n{two}"
    );
    assert!(
        two.contains(note6) && !one.contains(note6),
        "{one}\n----\n{two}"
    );
    // The footnote sits below the last body line of its page.
    let body = two.find("Insurers said premiums").unwrap();
    assert!(two.find(note6).unwrap() > body);
}

#[test]
fn a_long_brief_embeds_every_font_as_a_subset_and_gives_the_same_bytes_twice() {
    // From 8 pages on the fonts are cut, parsed and deflated on a second thread while the page
    // streams are written (src/render/pdf.rs).
    let mut brief = water_talks();
    let speakers = brief.speakers.clone();
    for _ in 0..12 {
        brief.speakers.extend(speakers.iter().cloned());
    }
    let opts = RenderOptions {
        template: "policy-brief".into(),
        page_size: PageSize::A4,
    };
    let a = render(&brief, &Templates::builtin(), &opts).unwrap();
    assert!(
        a.pages >= 8,
        "{} pages: the brief is not long enough",
        a.pages
    );
    let b = render(&brief, &Templates::builtin(), &opts).unwrap();
    assert_eq!(hex(&a.pdf), hex(&b.pdf), "two renders differ");
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "long.pdf", &a.pdf);
    tool("qpdf", &["--check", &path]);
    let fonts = tool("pdffonts", &[&path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    assert!(
        rows.iter()
            .all(|r| r.contains('+') && r.contains(" yes yes ")),
        "{fonts}"
    );
    // Every page's text is there, the last page's too.
    let text = tool("pdftotext", &["-f", &a.pages.to_string(), &path, "-"]);
    assert!(
        text.contains(&format!("Page {} of {}", a.pages, a.pages)),
        "{text}"
    );
}
