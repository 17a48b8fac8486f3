//! Tagged, accessible PDF: the fixture brief in every built-in template has a structure tree
//! in reading order (`pdfinfo -struct-text`), all page text in marked content (MCIDs owned
//! by structure elements through the parent tree, or artifacts for the page furniture),
//! `/Lang`, `/MarkInfo`, `/DisplayDocTitle`, XMP metadata, no PDF/X claim, and the same bytes
//! on every run. The structure of the policy brief is compared with
//! `tests/golden/fixtures.structure.txt` (`BRIEFDESK_BLESS=1 cargo test --test suite render_tagged`
//! rewrites it after an intended change).

use crate::common;
use crate::structure;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use briefdesk::render::{render, PageSize, RenderOptions, Templates};
use briefdesk::Brief;
use common::{tool, water_talks};
use lopdf::{Dictionary, Document, Object};
use structure::{dump, structure, Elem};

const TEMPLATES: [&str; 3] = ["policy-brief", "one-pager", "quote-sheet"];

fn pdf(template: &str) -> Vec<u8> {
    let opts = RenderOptions {
        template: template.into(),
        page_size: PageSize::A4,
    };
    render(&water_talks(), &Templates::builtin(), &opts)
        .unwrap()
        .pdf
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `bytes` written to a temporary folder (kept while the returned guard lives).
fn file(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Text without whitespace and hyphens (so line breaks and hyphenation do not matter).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
        .collect()
}

/// What `template` prints of the brief, in reading order.
fn reading_order(template: &str, b: &Brief) -> Vec<String> {
    let mut want = vec![b.title.clone(), b.subtitle.clone().unwrap()];
    let names = b.speakers.iter().map(|s| s.name.clone());
    match template {
        "policy-brief" => {
            want.push("Bottom line".into());
            want.extend(b.bottom_line.iter().map(|l| l.text.clone()));
            want.push("Key points".into());
            want.extend(b.key_points.iter().map(|l| l.text.clone()));
            want.push("Key statements".into());
            want.extend(names);
            want.push("Sources".into());
            want.extend(b.sources.iter().map(|s| s.title.clone()));
        }
        "one-pager" => {
            want.push("Bottom line".into());
            want.extend(b.bottom_line.iter().map(|l| l.text.clone()));
            want.push("Key points".into());
            want.extend(b.key_points.iter().take(5).map(|l| l.text.clone()));
        }
        _ => want.extend(names),
    }
    want
}

#[test]
fn every_template_gives_a_tagged_pdf_without_a_pdfx_claim() {
    for template in TEMPLATES {
        let bytes = pdf(template);
        assert!(bytes == pdf(template), "{template}: two renders differ");
        let (_dir, path) = file(&bytes);
        tool("qpdf", &["--check", path_str(&path)]);
        let info = tool("pdfinfo", &[path_str(&path)]);
        assert!(
            info.contains("\nTagged:          yes"),
            "{template}:\n{info}"
        );
        assert!(
            !info.contains("PDF subtype") && !info.contains("PDF/X"),
            "{template}:\n{info}"
        );
        let doc = Document::load_mem(&bytes).unwrap();
        let info_dict =
            doc.get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap());
        assert!(!info_dict.unwrap().has(b"GTS_PDFXVersion"));
        let cat = doc.catalog().unwrap();
        assert_eq!(cat.get(b"Lang").unwrap().as_str().unwrap(), b"en");
        let marked = doc.get_dict_in_dict(cat, b"MarkInfo").unwrap();
        assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
        let prefs = doc.get_dict_in_dict(cat, b"ViewerPreferences").unwrap();
        assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
        let xmp = doc
            .get_object(cat.get(b"Metadata").unwrap().as_reference().unwrap())
            .and_then(Object::as_stream)
            .unwrap();
        let xmp = String::from_utf8(xmp.content.clone()).unwrap();
        for want in [
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Rhine water-sharing talks",
            "<rdf:li>Policy Unit, Desk 3 (fictional)</rdf:li>",
            "<xmp:CreateDate>2026-11-28T00:00:00Z</xmp:CreateDate>",
            "<xmp:ModifyDate>2026-11-28T00:00:00Z</xmp:ModifyDate>",
            "<pdf:Producer>BriefDesk</pdf:Producer>",
        ] {
            assert!(xmp.contains(want), "{template}: {want} not in\n{xmp}");
        }
        assert!(!xmp.contains("pdfx") && !xmp.contains("pdfaid"), "{xmp}");
    }
}

#[test]
fn the_structure_tree_reads_the_brief_in_order_without_the_page_furniture() {
    let b = water_talks();
    for template in TEMPLATES {
        let (_dir, path) = file(&pdf(template));
        let elems = structure(&path);
        assert_eq!(elems[0].role, "Document", "{template}");
        assert_eq!(elems[1].role, "H1", "{template}: the title comes first");
        assert_eq!(squeeze(&elems[1].text), squeeze(&b.title), "{template}");
        let roles: BTreeSet<&str> = elems.iter().map(|e| e.role.as_str()).collect();
        let mut want = vec![
            "H2",
            "P",
            "L",
            "LI",
            "Lbl",
            "LBody",
            "BlockQuote",
            "Reference",
        ];
        match template {
            "policy-brief" => want.extend(["H3", "Table", "TR", "TH", "TD", "Link"]),
            "quote-sheet" => want.extend(["Note", "Link"]),
            _ => {}
        }
        for role in want {
            assert!(roles.contains(role), "{template}: no {role} in {roles:?}");
        }
        let th: Vec<&Elem> = elems.iter().filter(|e| e.role == "TH").collect();
        assert!(th.iter().all(|e| e.attrs == ["/Scope /Column"]), "{th:?}");
        // Every superscript source number is a Reference (a Lbl in a footnote).
        let refs = elems.iter().filter(|e| e.role == "Reference");
        assert!(refs.clone().all(|e| e
            .text
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',')));
        let text = squeeze(&elems[0].text);
        let mut at = 0;
        for piece in reading_order(template, &b) {
            let found = text[at..].find(&squeeze(&piece));
            let found =
                found.unwrap_or_else(|| panic!("{template}: {piece:?} missing or out of order"));
            at += found + squeeze(&piece).len();
        }
        let marking = squeeze(&b.marking.to_uppercase());
        assert!(
            !text.contains(&marking),
            "{template}: the marking banner is tagged"
        );
        assert!(
            !text.contains("Page1of"),
            "{template}: a page number is tagged"
        );
        let title = squeeze(&b.title);
        assert_eq!(
            text.matches(&title).count(),
            1,
            "{template}: the footer is tagged"
        );
        // Every link area is an annotation of a Link element.
        for e in elems.iter().filter(|e| e.role == "Link") {
            assert!(e.objects >= 1, "{template}: {e:?}");
        }
    }
}

/// The marked-content ids of a page's content stream, checking that every text-showing
/// operator is inside marked content with an id or inside an artifact.
fn marked_content(doc: &Document, page: lopdf::ObjectId) -> (Vec<i64>, usize) {
    #[derive(PartialEq)]
    enum Kind {
        Mcid,
        Artifact,
        Other,
    }
    let content = doc.get_and_decode_page_content(page).unwrap();
    let (mut stack, mut ids, mut artifact_text) = (Vec::new(), Vec::new(), 0);
    for op in &content.operations {
        let name = |i: usize| op.operands.get(i).and_then(|o| o.as_name().ok());
        match op.operator.as_str() {
            "BMC" | "BDC" if name(0) == Some(b"Artifact".as_slice()) => {
                assert!(
                    !stack.contains(&Kind::Mcid),
                    "an artifact inside tagged content"
                );
                stack.push(Kind::Artifact);
            }
            "BDC" => match op.operands[1].as_dict().and_then(|d| d.get(b"MCID")) {
                Ok(id) => {
                    assert!(stack.is_empty(), "marked content nested in marked content");
                    ids.push(id.as_i64().unwrap());
                    stack.push(Kind::Mcid);
                }
                Err(_) => stack.push(Kind::Other),
            },
            "BMC" => stack.push(Kind::Other),
            "EMC" => assert!(stack.pop().is_some(), "EMC without BMC/BDC"),
            "Tj" | "TJ" | "'" | "\"" => {
                assert!(
                    stack.contains(&Kind::Mcid) || stack.contains(&Kind::Artifact),
                    "text outside marked content: {op:?}"
                );
                artifact_text += usize::from(stack.contains(&Kind::Artifact));
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed marked content");
    (ids, artifact_text)
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).unwrap().1
}

/// Whether structure element `elem` has `kid` among its kids (an MCID or an annotation).
fn owns(doc: &Document, elem: &Dictionary, kid: &Object) -> bool {
    let kids = deref(doc, elem.get(b"K").unwrap()).as_array().unwrap();
    kids.iter().any(|k| match (deref(doc, k), kid) {
        (Object::Integer(m), Object::Integer(n)) => m == n,
        (Object::Dictionary(d), Object::Integer(n)) => {
            d.get(b"MCID").ok() == Some(&Object::Integer(*n))
        }
        (Object::Dictionary(d), Object::Reference(r)) => {
            d.get(b"Obj").ok() == Some(&Object::Reference(*r))
        }
        _ => false,
    })
}

#[test]
fn all_page_text_is_marked_content_owned_through_the_parent_tree() {
    for template in TEMPLATES {
        let doc = Document::load_mem(&pdf(template)).unwrap();
        let root = doc
            .get_dict_in_dict(doc.catalog().unwrap(), b"StructTreeRoot")
            .unwrap();
        let parents = doc.get_dict_in_dict(root, b"ParentTree").unwrap();
        let nums = deref(&doc, parents.get(b"Nums").unwrap())
            .as_array()
            .unwrap();
        let entry = |key: i64| -> &Object {
            let at = nums
                .chunks(2)
                .find(|p| p[0] == Object::Integer(key))
                .expect("a parent-tree entry");
            deref(&doc, &at[1])
        };
        for (n, page_id) in doc.get_pages() {
            let page = doc.get_dictionary(page_id).unwrap();
            let (ids, artifact_text) = marked_content(&doc, page_id);
            assert_eq!(
                ids,
                (0..ids.len() as i64).collect::<Vec<_>>(),
                "{template} page {n}"
            );
            assert!(
                artifact_text >= 3,
                "{template} page {n}: banners, footer and number are artifacts"
            );
            let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
            let owners = entry(key).as_array().unwrap();
            assert_eq!(owners.len(), ids.len(), "{template} page {n}");
            for (mcid, owner) in owners.iter().enumerate() {
                let elem = deref(&doc, owner).as_dict().unwrap();
                assert!(
                    owns(&doc, elem, &Object::Integer(mcid as i64)),
                    "{template} page {n} MCID {mcid}"
                );
            }
            let annots = doc.get_page_annotations(page_id).unwrap_or_default();
            if !annots.is_empty() {
                assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
            }
            let refs = page
                .get(b"Annots")
                .map(|a| deref(&doc, a).as_array().unwrap().clone());
            for r in refs.unwrap_or_default() {
                let a = deref(&doc, &r).as_dict().unwrap();
                assert!(
                    a.has(b"Contents"),
                    "{template}: a link without a description"
                );
                let link = entry(a.get(b"StructParent").unwrap().as_i64().unwrap());
                let link = link.as_dict().unwrap();
                assert_eq!(link.get(b"S").unwrap().as_name().unwrap(), b"Link");
                assert!(
                    owns(&doc, link, &r),
                    "{template}: the Link does not own its annotation"
                );
            }
        }
    }
}

#[test]
fn the_structure_of_the_fixture_brief_is_as_approved() {
    let (_dir, path) = file(&pdf("policy-brief"));
    common::check_golden("fixtures.structure.txt", &dump(&structure(&path)));
}

#[test]
fn a_table_header_repeated_on_the_next_page_is_an_artifact() {
    let mut b = water_talks();
    let more: Vec<briefdesk::Source> = (1..=3)
        .flat_map(|round| {
            b.sources.iter().map(move |s| briefdesk::Source {
                title: format!("{} (follow-up {round})", s.title),
                ..s.clone()
            })
        })
        .collect();
    b.sources.extend(more);
    for (i, s) in b.sources.iter_mut().enumerate() {
        s.number = i + 1;
    }
    let opts = RenderOptions {
        template: "policy-brief".into(),
        page_size: PageSize::Letter,
    };
    let r = render(&b, &Templates::builtin(), &opts).unwrap();
    let (_dir, path) = file(&r.pdf);
    let sources_page = |n: usize| {
        let n = n.to_string();
        tool("pdftotext", &["-f", &n, "-l", &n, path_str(&path), "-"])
    };
    assert!(
        (2..=r.pages)
            .any(|n| sources_page(n).contains("No.") && !sources_page(n).contains("Sources")),
        "the table does not continue on a later page"
    );
    let elems = structure(&path);
    let count = |role: &str| elems.iter().filter(|e| e.role == role).count();
    let th: Vec<&str> = elems
        .iter()
        .filter(|e| e.role == "TH")
        .map(|e| e.text.trim())
        .collect();
    assert_eq!(
        th,
        ["No.", "Outlet", "Title", "Byline", "Date", "File"],
        "the header row is tagged once"
    );
    assert_eq!(count("TR"), b.sources.len() + 1);
}
