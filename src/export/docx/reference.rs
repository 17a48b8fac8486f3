//! A reference document (pandoc's `--reference-doc`): a ministry's own .docx or .dotx whose
//! styles, numbering, theme, page set-up, headers and footers the brief is written into. Its
//! body is dropped; the styles it lacks are added from BriefDesk's, so every paragraph still
//! has a named style; its headers and footers are kept and given the handling marking when
//! they do not show it already.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::package::{Package, Rel, HYPERLINK_KIND};
use crate::error::RenderError;
use crate::ingest::xml::{self, Node};

/// The most a reference document may unpack to (a Word template is well under 10 MB).
const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

fn bad(why: impl std::fmt::Display) -> RenderError {
    RenderError::Docx(format!("the reference document cannot be used: {why}"))
}

/// Reads the parts of the reference document `bytes` that shape a brief.
pub fn open(bytes: &[u8]) -> Result<Package, RenderError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("it is not a Word document ({e})")))?;
    let mut all = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(bad)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().map_err(bad)?.to_string();
        let mut data = Vec::new();
        let limit = MAX_UNPACKED - total;
        file.by_ref()
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(bad)?;
        total += data.len() as u64;
        if total > MAX_UNPACKED {
            return Err(bad("it unpacks to more than 64 MB"));
        }
        all.insert(name, data);
    }
    let text = |name: &str| all.get(name).and_then(|b| std::str::from_utf8(b).ok());
    if text("word/styles.xml").is_none() {
        return Err(bad(
            "it has no styles (word/styles.xml): is it a Word document?",
        ));
    }
    let mut pkg = Package {
        sect_pr: text("word/document.xml").and_then(last_sect_pr),
        overrides: content_types(text("[Content_Types].xml").unwrap_or("")),
        ..Package::default()
    };
    let rels = text("word/_rels/document.xml.rels").map(relationships);
    for (name, data) in all {
        let keep = name.starts_with("word/")
            && name != "word/document.xml"
            && name != "word/_rels/document.xml.rels";
        if keep {
            pkg.parts.insert(name, data);
        }
    }
    // Keep the relationships to parts kept (styles, theme, headers…), not the old body's links.
    pkg.rels = rels
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !r.external && r.kind != HYPERLINK_KIND)
        .filter(|r| pkg.parts.contains_key(&format!("word/{}", r.target)))
        .collect();
    Ok(pkg)
}

/// The body-level section properties: the last `w:sectPr` of the document.
fn last_sect_pr(xml: &str) -> Option<String> {
    let start = xml.rfind("<w:sectPr")?;
    let rest = &xml[start..];
    let open_end = rest.find('>')?;
    if rest[..open_end].ends_with('/') {
        return Some(rest[..=open_end].to_string());
    }
    let end = rest.find("</w:sectPr>")? + "</w:sectPr>".len();
    Some(rest[..end].to_string())
}

/// Calls `f` with the local name and attributes (local name, value) of every element of
/// `xml` (ingest's XML walk: entities resolved, nesting limited); malformed XML ends the walk.
fn elements(xml: &str, mut f: impl FnMut(&str, &[(String, String)])) {
    let _ = xml::walk("Word document", xml, |node| {
        if let Node::Open { name, attrs } = node {
            f(name, &attrs);
        }
    });
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The content types the document declares for its parts, by part name (no leading `/`).
fn content_types(xml: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    elements(xml, |name, attrs| {
        if let ("Override", Some(part), Some(kind)) =
            (name, attr(attrs, "PartName"), attr(attrs, "ContentType"))
        {
            out.insert(part.trim_start_matches('/').to_string(), kind.to_string());
        }
    });
    out
}

/// The relationships of a `.rels` part.
fn relationships(xml: &str) -> Vec<Rel> {
    let mut out = Vec::new();
    elements(xml, |name, attrs| {
        if let ("Relationship", Some(id), Some(kind), Some(target)) = (
            name,
            attr(attrs, "Id"),
            attr(attrs, "Type"),
            attr(attrs, "Target"),
        ) {
            out.push(Rel {
                id: id.into(),
                kind: kind.into(),
                target: target.trim_start_matches("/word/").into(),
                external: attr(attrs, "TargetMode") == Some("External"),
            });
        }
    });
    out
}

/// `theirs` (a styles.xml) with every style of `ours` (id, `<w:style>` XML) it lacks added.
pub fn add_missing_styles(theirs: &str, ours: &[(String, String)]) -> String {
    let mut have = Vec::new();
    elements(theirs, |name, attrs| {
        if let ("style", Some(id)) = (name, attr(attrs, "styleId")) {
            have.push(id.to_string());
        }
    });
    let missing: String = ours
        .iter()
        .filter(|(id, _)| !have.contains(id))
        .map(|(_, xml)| xml.as_str())
        .collect();
    insert_before(theirs, "</w:styles>", &missing)
}

/// `theirs` (a numbering.xml) with BriefDesk's abstract numberings and numberings added.
pub fn add_numbering(theirs: &str, abstracts: &str, nums: &str) -> String {
    let first_num = ["<w:num ", "<w:num>"]
        .iter()
        .filter_map(|t| theirs.find(t))
        .min();
    let with_abstracts = match first_num {
        Some(at) => format!("{}{abstracts}{}", &theirs[..at], &theirs[at..]),
        None => insert_before(theirs, "</w:numbering>", abstracts),
    };
    insert_before(&with_abstracts, "</w:numbering>", nums)
}

/// `xml` with `what` inserted before the last `tag`, or at the end when there is none.
fn insert_before(xml: &str, tag: &str, what: &str) -> String {
    match xml.rfind(tag) {
        Some(at) => format!("{}{what}{}", &xml[..at], &xml[at..]),
        None => format!("{xml}{what}"),
    }
}

/// The relationship ids of the headers and footers a section refers to.
pub fn furniture_parts(sect_pr: &str) -> Vec<String> {
    let mut out = Vec::new();
    elements(sect_pr, |name, attrs| {
        if matches!(name, "headerReference" | "footerReference") {
            out.extend(attr(attrs, "id").map(str::to_string));
        }
    });
    out
}

/// Puts `marking_para` first in the header or footer `rid` unless it shows `marking` already.
pub fn ensure_marking(
    pkg: &mut Package,
    rid: &str,
    marking: &str,
    marking_para: &str,
) -> Result<(), RenderError> {
    let Some(rel) = pkg.rels.iter().find(|r| r.id == rid) else {
        return Err(bad(format!("its section refers to a missing part ({rid})")));
    };
    let name = format!("word/{}", rel.target);
    let Some(xml) = pkg.part(&name) else {
        return Err(bad(format!("{name} is missing or not UTF-8")));
    };
    if marking.is_empty() || xml.contains(marking) {
        return Ok(());
    }
    let root = ["<w:hdr", "<w:ftr"]
        .iter()
        .filter_map(|t| xml.find(t))
        .min();
    let Some(at) = root.and_then(|r| xml[r..].find('>').map(|e| r + e + 1)) else {
        return Err(bad(format!("{name} is not a header or footer")));
    };
    let marked = format!("{}{marking_para}{}", &xml[..at], &xml[at..]);
    pkg.put(&name, marked);
    Ok(())
}

/// The reference's section properties with `furniture` (header/footer references) first.
pub fn with_furniture(sect_pr: &str, furniture: &str) -> String {
    if furniture.is_empty() {
        return sect_pr.to_string();
    }
    match sect_pr.strip_suffix("/>") {
        Some(open) => format!("{open}>{furniture}</w:sectPr>"),
        None => {
            let at = sect_pr.find('>').map_or(sect_pr.len(), |e| e + 1);
            format!("{}{furniture}{}", &sect_pr[..at], &sect_pr[at..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_section_is_the_last_one() {
        let xml = "<w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w=\"1\"/></w:sectPr></w:pPr></w:p>\
                   <w:sectPr w:rsidR=\"1\"><w:pgSz w:w=\"2\"/></w:sectPr></w:body>";
        assert_eq!(
            last_sect_pr(xml).as_deref(),
            Some("<w:sectPr w:rsidR=\"1\"><w:pgSz w:w=\"2\"/></w:sectPr>")
        );
        assert_eq!(last_sect_pr("<w:sectPr/>").as_deref(), Some("<w:sectPr/>"));
        assert_eq!(
            with_furniture("<w:sectPr/>", "<x/>"),
            "<w:sectPr><x/></w:sectPr>"
        );
    }

    #[test]
    fn only_missing_styles_are_added() {
        let theirs = "<w:styles><w:style w:styleId=\"Title\"/></w:styles>";
        let ours = [
            ("Title".to_string(), "<ours-title/>".to_string()),
            ("Quote".to_string(), "<ours-quote/>".to_string()),
        ];
        assert_eq!(
            add_missing_styles(theirs, &ours),
            "<w:styles><w:style w:styleId=\"Title\"/><ours-quote/></w:styles>"
        );
    }
}
