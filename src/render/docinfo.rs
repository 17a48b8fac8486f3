//! Document-level metadata of the PDF: what [`Meta`] holds, the XMP metadata stream (title,
//! author, subject, keywords, language, the brief's date — never the clock), the catalog
//! entries of an accessible PDF (`/Lang`, `/MarkInfo`, `/ViewerPreferences`
//! `/DisplayDocTitle`), and the removal of printpdf's false PDF/X claim: printpdf writes an
//! empty `GTS_PDFXVersion` (and `Trapped`) into every information dictionary, which readers
//! take for a PDF/X file.
//!
//! No PDF/UA identification (`pdfuaid:part`) is written: the tagging follows PDF/UA-1, but
//! only part of its machine-checkable rules (none of the font rules of 7.21) can be verified
//! without a full validator, and a false conformance claim is what this module removes.

use lopdf::{Dictionary, Document, Object, Stream};

use super::nav::{catalog_id, text_string};
use crate::error::RenderError;

/// Document information written to the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Title.
    pub title: String,
    /// Author, when known.
    pub author: Option<String>,
    /// Subject line.
    pub subject: Option<String>,
    /// Creation and modification date.
    pub date: chrono::NaiveDate,
    /// Keywords (the marking, speakers and outlets).
    pub keywords: Vec<String>,
    /// Natural language of the text (BCP 47, e.g. `en`), when known.
    pub lang: Option<String>,
}

/// printpdf's information-dictionary keys that belong to PDF/X, a print standard the file does
/// not meet: `GTS_PDFXVersion` (empty, which readers take for a PDF/X file),
/// `GTS_PDFXConformance`, `Trapped` (required by PDF/X, written as a fixed `/False`), and its
/// empty, non-standard `Identifier`.
const FALSE_CLAIMS: [&[u8]; 4] = [
    b"GTS_PDFXVersion",
    b"GTS_PDFXConformance",
    b"Trapped",
    b"Identifier",
];

/// Removes the PDF/X claim and adds the XMP metadata and the catalog entries for `meta`.
pub fn finish(doc: &mut Document, meta: &Meta) -> Result<(), RenderError> {
    if let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(dict) = doc.get_object_mut(info).and_then(Object::as_dict_mut) {
            for key in FALSE_CLAIMS {
                dict.remove(key);
            }
        }
    }
    let mut stream_dict = Dictionary::new();
    stream_dict.set("Type", Object::Name(b"Metadata".to_vec()));
    stream_dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let xmp = doc.add_object(Stream::new(stream_dict, xmp(meta).into_bytes()));
    let catalog = catalog_id(doc)?;
    let cat = doc
        .get_object_mut(catalog)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("the PDF catalog: {e}")))?;
    cat.set("Metadata", Object::Reference(xmp));
    if let Some(lang) = meta.lang.as_deref().filter(|l| !l.trim().is_empty()) {
        cat.set("Lang", text_string(lang.trim()));
    }
    cat.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    cat.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    Ok(())
}

/// `s` with the five XML special characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A language alternative (`rdf:Alt` with an `x-default` entry) for `text`.
fn alt(tag: &str, text: &str) -> String {
    format!(
        "   <{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{tag}>\n",
        escape(text)
    )
}

/// The XMP packet for `meta`; the dates are the brief's date at midnight UTC, as in the
/// information dictionary.
pub fn xmp(meta: &Meta) -> String {
    let date = format!("{}T00:00:00Z", meta.date.format("%Y-%m-%d"));
    let mut props = String::from("   <dc:format>application/pdf</dc:format>\n");
    props.push_str(&alt("dc:title", &meta.title));
    if let Some(author) = meta.author.as_deref().filter(|a| !a.is_empty()) {
        props.push_str(&format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            escape(author)
        ));
    }
    if let Some(subject) = meta.subject.as_deref().filter(|s| !s.is_empty()) {
        props.push_str(&alt("dc:description", subject));
    }
    if let Some(lang) = meta.lang.as_deref().filter(|l| !l.trim().is_empty()) {
        props.push_str(&format!(
            "   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
            escape(lang.trim())
        ));
    }
    for key in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
        props.push_str(&format!("   <{key}>{date}</{key}>\n"));
    }
    props.push_str("   <xmp:CreatorTool>BriefDesk</xmp:CreatorTool>\n");
    props.push_str("   <pdf:Producer>BriefDesk</pdf:Producer>\n");
    if !meta.keywords.is_empty() {
        let keywords = escape(&meta.keywords.join(","));
        props.push_str(&format!("   <pdf:Keywords>{keywords}</pdf:Keywords>\n"));
    }
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  \
         <rdf:Description rdf:about=\"\"\n    \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n    \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n    \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n\
         {props}  </rdf:Description>\n \
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_escapes_text_and_uses_the_briefs_date() {
        let meta = Meta {
            title: "Salt & <pepper> \"talks\"".into(),
            author: Some("Desk 3".into()),
            subject: None,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
            keywords: vec!["A".into(), "B".into()],
            lang: Some("en".into()),
        };
        let x = xmp(&meta);
        assert!(
            x.contains("Salt &amp; &lt;pepper&gt; &quot;talks&quot;"),
            "{x}"
        );
        assert!(x.contains("<xmp:CreateDate>2026-11-28T00:00:00Z</xmp:CreateDate>"));
        assert!(x.contains("<rdf:li>Desk 3</rdf:li>") && x.contains("<rdf:li>en</rdf:li>"));
        assert!(x.contains("<pdf:Keywords>A,B</pdf:Keywords>"));
        assert!(!x.contains("dc:description"));
        assert_eq!(x, xmp(&meta), "deterministic");
    }
}
