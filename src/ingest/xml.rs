//! XML of office and e-book containers: a flat event walk with entities resolved and a nesting
//! limit, and the Dublin Core metadata DOCX core properties and EPUB package files share.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::container::{damaged, over_limit, MAX_NESTING};
use super::dates;
use super::Parsed;
use crate::error::IngestErrorKind;

/// One step of the walk. Names are local (no namespace prefix).
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    /// A start tag, or an empty element (then no [`Node::Close`] follows).
    Open {
        /// Local name, e.g. `p` for `<w:p>`.
        name: &'a str,
        /// Attributes by local name, values unescaped.
        attrs: Vec<(String, String)>,
    },
    /// An end tag, also sent right after an empty element's `Open`.
    Close {
        /// Local name.
        name: &'a str,
    },
    /// Character data, entities resolved.
    Text(&'a str),
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attrs(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.clone().into_owned());
            (local(a.key.as_ref()).to_string(), value)
        })
        .collect()
}

/// Walks `xml`, calling `f` for every start tag, end tag and piece of text. A document nested
/// deeper than [`MAX_NESTING`] elements is refused; malformed XML is refused as damaged
/// `format`.
pub fn walk(format: &str, xml: &str, mut f: impl FnMut(Node)) -> Result<(), IngestErrorKind> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        match reader.read_event().map_err(|e| damaged(format, e))? {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(over_limit(
                        format!("the {format} nests elements too deeply"),
                        format!("{MAX_NESTING} levels of nesting"),
                    ));
                }
                let name = local(e.name().as_ref()).to_string();
                f(Node::Open {
                    name: &name,
                    attrs: attrs(&e),
                });
            }
            Event::Empty(e) => {
                let name = local(e.name().as_ref()).to_string();
                f(Node::Open {
                    name: &name,
                    attrs: attrs(&e),
                });
                f(Node::Close { name: &name });
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(Node::Close {
                    name: local(e.name().as_ref()),
                });
            }
            Event::Text(t) => f(Node::Text(&t.xml10_content())),
            Event::CData(t) => f(Node::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap_or("")
                        .to_string(),
                };
                f(Node::Text(&text));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of attribute `key` (local name).
pub fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Dublin Core metadata (`dc:title`, `dc:creator`, `dc:publisher`, `dc:date`, `dc:language`,
/// `dcterms:created`) of a DOCX `core.xml` or an EPUB package file. Only the first of each is
/// kept; `cp:lastModifiedBy` and `dcterms:modified` are never read as author or date.
pub fn dublin_core(format: &str, xml: &str) -> Result<Parsed, IngestErrorKind> {
    let mut out = Parsed::default();
    let mut field: Option<String> = None;
    let mut text = String::new();
    walk(format, xml, |node| match node {
        // XMP wraps values in rdf:Alt / rdf:Seq / rdf:Bag of rdf:li.
        Node::Open { name, .. }
            if field.is_some() && matches!(name, "Alt" | "Seq" | "Bag" | "li") => {}
        Node::Open { name, .. } => {
            field = matches!(
                name,
                "title" | "creator" | "publisher" | "date" | "created" | "CreateDate" | "language"
            )
            .then(|| name.to_string());
            text.clear();
        }
        Node::Text(t) if field.is_some() => text.push_str(t),
        Node::Text(_) => {}
        Node::Close { name } => {
            if name == "li" && !text.trim().is_empty() {
                text.push_str("; ");
            }
            if field.as_deref() != Some(name) {
                return;
            }
            let value = text.trim().trim_end_matches(';').trim().to_string();
            field = None;
            if value.is_empty() {
                return;
            }
            match name {
                "title" => {
                    out.title.get_or_insert(value);
                }
                "creator" => {
                    out.byline.get_or_insert(value);
                }
                "publisher" => {
                    out.outlet.get_or_insert(value);
                }
                "language" => {
                    out.language = out
                        .language
                        .take()
                        .or_else(|| super::lang::declared_language(&value));
                }
                _ => {
                    if out.published.is_none() {
                        out.published = dates::parse_date(&value);
                    }
                }
            }
        }
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_resolves_entities_and_prefixes() {
        let mut seen = Vec::new();
        walk(
            "DOCX",
            "<w:p a:x='1'><w:t>A &amp; B&#233;</w:t><w:br/></w:p>",
            |n| seen.push(format!("{n:?}")),
        )
        .unwrap();
        let all = seen.join("|");
        assert!(
            all.contains("Open { name: \"p\", attrs: [(\"x\", \"1\")] }"),
            "{all}"
        );
        assert!(
            all.contains("Text(\"&\")") && all.contains("Text(\"é\")"),
            "{all}"
        );
        assert!(all.contains("Close { name: \"br\" }"), "{all}");
    }

    #[test]
    fn deep_and_broken_xml_are_refused() {
        let deep = "<a>".repeat(MAX_NESTING + 1);
        let e = walk("EPUB", &deep, |_| {}).unwrap_err();
        assert!(matches!(e, IngestErrorKind::Limit { .. }), "{e}");
        assert!(
            e.to_string()
                .ends_with("over the limit of 256 levels of nesting"),
            "{e}"
        );
        let e = walk("DOCX", "<a><b></a>", |_| {}).unwrap_err();
        assert!(matches!(e, IngestErrorKind::Damaged(_)), "{e}");
        assert!(
            e.to_string()
                .starts_with("the file is damaged: broken DOCX ("),
            "{e}"
        );
    }

    #[test]
    fn core_properties() {
        let xml = r#"<cp:coreProperties xmlns:dc="x" xmlns:dcterms="y"><dc:title>Talks resume</dc:title>
            <dc:creator>Jane Doe</dc:creator><cp:lastModifiedBy>Analyst</cp:lastModifiedBy>
            <dcterms:created>2026-11-26T09:00:00Z</dcterms:created>
            <dcterms:modified>2026-11-29T09:00:00Z</dcterms:modified></cp:coreProperties>"#;
        let p = dublin_core("DOCX", xml).unwrap();
        assert_eq!(p.title.as_deref(), Some("Talks resume"));
        assert_eq!(p.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(p.published, chrono::NaiveDate::from_ymd_opt(2026, 11, 26));
    }
}
