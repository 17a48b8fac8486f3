//! EPUB e-books and saved articles: the package file's Dublin Core metadata (title, creator,
//! publisher, date, language) and the spine's XHTML documents in reading order, each read by the
//! HTML reader.
//!
//! Navigation documents (the table of contents) and cover pages are skipped. Chapter headings
//! other than the book title stay in the body as their own paragraphs.

use super::container::{damaged, join_path, Clock, Deadline, Zip};
use super::xml::{self, attr, Node};
use super::{html, Parsed};
use crate::error::IngestErrorKind;

/// One manifest entry.
struct Item {
    id: String,
    href: String,
    media_type: String,
    properties: String,
}

/// Reads an EPUB file's bytes (an archive already opened by the caller), within the time limit
/// on `clock`.
pub fn parse(zip: &mut Zip, clock: &dyn Clock) -> Result<Parsed, IngestErrorKind> {
    let deadline = Deadline::start(clock);
    let opf_path = package_path(zip)?;
    let opf = zip
        .read_text("EPUB", &opf_path)?
        .ok_or_else(|| damaged("EPUB", format!("the package file {opf_path} is missing")))?;
    let mut out = xml::dublin_core("EPUB", &opf)?;
    let (items, spine) = manifest_and_spine(&opf)?;
    // Every chapter is unpacked before any is parsed, so an archive over the unpacked-size limit
    // is refused at the cost of inflating, not of parsing up to 64 MB of HTML first.
    let mut chapters = Vec::new();
    for idref in spine {
        deadline.check()?;
        let Some(item) = items.iter().find(|i| i.id == idref) else {
            continue;
        };
        let skip = item.properties.split_whitespace().any(|p| p == "nav")
            || !item.media_type.contains("html")
            || ["cover", "toc", "nav"]
                .iter()
                .any(|w| item.id.to_ascii_lowercase() == *w);
        if skip {
            continue;
        }
        let path = join_path(&opf_path, &item.href);
        if let Some(chapter) = zip.read_text("EPUB", &path)? {
            chapters.push(chapter);
        }
    }
    for chapter in chapters {
        deadline.check()?;
        let part = html::parse(&chapter);
        if let Some(t) = part.title {
            let same = out
                .title
                .as_deref()
                .is_some_and(|b| b.eq_ignore_ascii_case(t.trim()));
            if !same && !part.paragraphs.is_empty() {
                out.paragraphs.push(t);
            }
        }
        out.paragraphs.extend(part.paragraphs);
        if out.byline.is_none() {
            out.byline = part.byline;
        }
        if out.published.is_none() {
            out.published = part.published;
        }
    }
    Ok(out)
}

/// The package file named by `META-INF/container.xml`, else the first `.opf` entry.
fn package_path(zip: &mut Zip) -> Result<String, IngestErrorKind> {
    if let Some(container) = zip.read_text("EPUB", "META-INF/container.xml")? {
        let mut path = None;
        xml::walk("EPUB", &container, |n| {
            if let Node::Open {
                name: "rootfile",
                attrs,
            } = n
            {
                if path.is_none() {
                    path = attr(&attrs, "full-path").map(str::to_string);
                }
            }
        })?;
        if let Some(p) = path {
            return Ok(p);
        }
    }
    zip.first_with_extension(".opf")
        .ok_or_else(|| damaged("EPUB", "no package (.opf) file"))
}

/// Manifest items and the spine's item ids, in reading order.
fn manifest_and_spine(opf: &str) -> Result<(Vec<Item>, Vec<String>), IngestErrorKind> {
    let mut items = Vec::new();
    let mut spine = Vec::new();
    xml::walk("EPUB", opf, |n| {
        if let Node::Open { name, attrs } = n {
            let get = |k: &str| attr(&attrs, k).unwrap_or("").to_string();
            match name {
                "item" => items.push(Item {
                    id: get("id"),
                    href: get("href"),
                    media_type: get("media-type"),
                    properties: get("properties"),
                }),
                "itemref" if get("linear") != "no" => spine.push(get("idref")),
                _ => {}
            }
        }
    })?;
    Ok((items, spine))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spine_order_and_manifest() {
        let opf = r#"<package><metadata><dc:title>T</dc:title></metadata><manifest>
            <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
            <item id="c2" href="b.xhtml" media-type="application/xhtml+xml"/>
            <item id="c1" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>
            <spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="x" linear="no"/></spine></package>"#;
        let (items, spine) = manifest_and_spine(opf).unwrap();
        assert_eq!(spine, vec!["c1", "c2"]);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].properties, "nav");
    }
}
