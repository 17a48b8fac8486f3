//! Word (.docx) export: the brief's blocks in named Word styles, the handling marking in the
//! header and footer of every page, "Page X of Y" as fields, the theme's paper and margins —
//! or, given a reference document, its styles, page set-up, headers and footers (pandoc's
//! `--reference-doc`). Written with `zip` + `quick-xml` (already dependencies): the parts are
//! small and fixed, and the bytes are the same for the same brief.
//!
//! Source numbers stay superscript references into the numbered sources table, not Word
//! footnotes: one source backs many statements, and the numbers must match the PDF's.

mod body;
mod package;
mod reference;
mod styles;

use quick_xml::escape::escape;

use crate::error::RenderError;
use crate::model::Brief;
use crate::render::{quotes, Document};
use package::{Package, Rel, FOOTER_REL, HEADER_REL};
use styles::{HEAD, MARKING_STYLE, NS};

/// The language written on the text (proofing) and core properties.
const LANG: &str = "en-GB";

/// The Word document of `doc` (the blocks of `brief`), in the styles of `reference` when given.
pub fn write(
    brief: &Brief,
    doc: &Document,
    reference: Option<&[u8]>,
) -> Result<Vec<u8>, RenderError> {
    let (width, height) = doc.paper.dimensions_pt();
    let twips = |pt: f32| (pt * 20.0).round() as u32;
    let text_width = twips(width - 2.0 * doc.margins.side);
    let mut pkg = match reference {
        Some(bytes) => reference::open(bytes)?,
        None => Package::default(),
    };
    let body = body::write(&doc.blocks, &doc.notes, text_width);
    let ours = styles::definitions(&doc.theme, text_width);
    match pkg.part("word/styles.xml") {
        Some(theirs) => {
            let merged = reference::add_missing_styles(theirs, &ours);
            pkg.put("word/styles.xml", merged);
        }
        None => pkg.put(
            "word/styles.xml",
            styles::styles_xml(&doc.theme, text_width, LANG),
        ),
    }
    let (abstracts, nums) = styles::numbering(body.ordered_lists);
    let numbering = match pkg.part("word/numbering.xml") {
        Some(theirs) => reference::add_numbering(theirs, &abstracts, &nums),
        None => format!("{HEAD}<w:numbering {NS}>{abstracts}{nums}</w:numbering>"),
    };
    pkg.put("word/numbering.xml", numbering);
    pkg.put_if_missing("word/settings.xml", styles::settings(LANG));
    pkg.put_if_missing("word/fontTable.xml", styles::font_table());
    pkg.put("docProps/core.xml", core(brief));
    for (part, kind) in [
        ("styles.xml", package::STYLES_REL),
        ("numbering.xml", package::NUMBERING_REL),
        ("settings.xml", package::SETTINGS_REL),
        ("fontTable.xml", package::FONT_TABLE_REL),
    ] {
        pkg.ensure_rel(kind, part);
    }
    let furniture = furniture(&mut pkg, brief)?;
    let sect = match pkg.sect_pr.take() {
        Some(theirs) => reference::with_furniture(&theirs, &furniture),
        None => {
            let m = &doc.margins;
            let header = twips((m.top / 2.0).min(36.0));
            format!(
                "<w:sectPr>{furniture}<w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" \
                 w:right=\"{side}\" w:bottom=\"{}\" w:left=\"{side}\" w:header=\"{header}\" \
                 w:footer=\"{header}\" w:gutter=\"0\"/></w:sectPr>",
                twips(width),
                twips(height),
                twips(m.top),
                twips(m.bottom),
                side = twips(m.side),
            )
        }
    };
    for (i, url) in body.links.iter().enumerate() {
        pkg.rels
            .push(Rel::external(format!("rIdLink{}", i + 1), url));
    }
    pkg.put(
        "word/document.xml",
        format!(
            "{HEAD}<w:document {NS}><w:body>{}{sect}</w:body></w:document>",
            body.xml
        ),
    );
    pkg.finish()
}

/// The header and footer references of the section: the reference document's own when it
/// has them (each given the marking when it lacks it), else BriefDesk's: the marking at the
/// top; the marking, the brief's title and "Page X of Y" at the foot.
fn furniture(pkg: &mut Package, brief: &Brief) -> Result<String, RenderError> {
    let marking = escape(brief.marking.trim()).into_owned();
    let marking_para = match marking.is_empty() {
        true => String::new(),
        false => format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{MARKING_STYLE}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{marking}</w:t></w:r></w:p>"
        ),
    };
    if let Some(parts) = pkg.sect_pr.as_deref().map(reference::furniture_parts) {
        if !parts.is_empty() {
            for rid in parts {
                reference::ensure_marking(pkg, &rid, &marking, &marking_para)?;
            }
            return Ok(String::new());
        }
    }
    let field = |instr: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    let text = |t: &str| format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(t));
    let header = format!("{HEAD}<w:hdr {NS}>{marking_para}</w:hdr>");
    let footer = format!(
        "{HEAD}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{}<w:r><w:tab/></w:r>{}{}{}{}</w:p>{marking_para}</w:ftr>",
        text(&quotes::curl(&brief.title, &quotes::ENGLISH)),
        text("Page "),
        field("PAGE"),
        text(" of "),
        field("NUMPAGES"),
    );
    let header_part = pkg.unused_name("word/header", ".xml");
    let footer_part = pkg.unused_name("word/footer", ".xml");
    pkg.put(&header_part, header);
    pkg.put(&footer_part, footer);
    let h = pkg.add_rel(HEADER_REL, header_part.trim_start_matches("word/"));
    let f = pkg.add_rel(FOOTER_REL, footer_part.trim_start_matches("word/"));
    Ok(format!(
        "<w:headerReference w:type=\"default\" r:id=\"{h}\"/><w:footerReference w:type=\"default\" r:id=\"{f}\"/>"
    ))
}

/// `docProps/core.xml`: title, subject, author, keywords (the marking) and the brief's date.
fn core(brief: &Brief) -> String {
    let date = format!("{}T00:00:00Z", brief.date.format("%Y-%m-%d"));
    let opt = |v: &Option<String>| escape(v.as_deref().unwrap_or("")).into_owned();
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>\
         <dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords>\
         <dc:language>{LANG}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified></cp:coreProperties>",
        escape(quotes::curl(&brief.title, &quotes::ENGLISH)),
        opt(&brief.subtitle),
        opt(&brief.author),
        escape(&brief.marking),
    )
}
