//! The Word styles a brief is written in — Word's own names where Word has one (Title,
//! Subtitle, Heading 1/2, List Bullet, List Number, Quote, Body Text, Footer, Hyperlink) and
//! named BriefDesk styles for the rest (Marking, Brief Details, Bottom Line, Note, Table
//! Heading/Text, Source Reference, Attribution, Sources Table) — with the theme's typefaces
//! and colours, and the numbering, font table and settings parts that go with them.

use std::fmt::Write;

use crate::render::{Family, Rgb, Theme, INK, MUTED, RULE};

/// The `w:num` id of bulleted lists (the List Bullet style's numbering).
pub const BULLET_NUM: u32 = 901;
/// The `w:num` id of the first numbered list; each numbered list has its own, restarting at 1.
pub const FIRST_ORDERED_NUM: u32 = 902;
/// Abstract numbering ids: bullets, then decimal.
const BULLET_ABSTRACT: u32 = 901;
const DECIMAL_ABSTRACT: u32 = 902;

/// The character style of source numbers.
pub const REFERENCE_STYLE: &str = "SourceReference";
/// The character style of attributions, roles and other secondary text.
pub const ATTRIBUTION_STYLE: &str = "Attribution";
/// The table style of the sources table.
pub const TABLE_STYLE: &str = "SourcesTable";
/// The paragraph style of the handling marking in headers and footers.
pub const MARKING_STYLE: &str = "Marking";

/// A paragraph style of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Para {
    Title,
    Subtitle,
    Details,
    Heading1,
    Heading2,
    Body,
    BottomLine,
    ListBullet,
    ListNumber,
    ListContinue,
    Quote,
    Note,
    TableHeading,
    TableText,
}

impl Para {
    /// The style id used in `w:pStyle`.
    pub fn id(self) -> &'static str {
        self.def().0
    }

    /// Id, name, based-on id and the style's own properties (pPr then rPr).
    fn def(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Para::Title => ("Title", "Title", "Normal", "<w:spacing w:after=\"80\"/>"),
            Para::Subtitle => ("Subtitle", "Subtitle", "Normal", "<w:spacing w:after=\"80\"/>"),
            Para::Details => ("BriefDetails", "Brief Details", "Normal", "<w:spacing w:after=\"240\"/>"),
            Para::Heading1 => ("Heading1", "heading 1", "Normal", "<w:keepNext/><w:keepLines/><w:spacing w:before=\"280\" w:after=\"100\"/><w:outlineLvl w:val=\"0\"/>"),
            Para::Heading2 => ("Heading2", "heading 2", "Normal", "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/>"),
            Para::Body => ("BodyText", "Body Text", "Normal", "<w:jc w:val=\"both\"/>"),
            Para::BottomLine => ("BottomLine", "Bottom Line", "BodyText", "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"ACCENT\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"SHADE\"/><w:ind w:left=\"170\" w:right=\"170\"/>"),
            Para::ListBullet => ("ListBullet", "List Bullet", "Normal", "<w:numPr><w:numId w:val=\"901\"/></w:numPr><w:spacing w:after=\"40\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>"),
            Para::ListNumber => ("ListNumber", "List Number", "Normal", "<w:spacing w:after=\"40\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>"),
            Para::ListContinue => ("ListContinue", "List Continue", "Normal", "<w:spacing w:after=\"40\"/><w:ind w:left=\"360\"/>"),
            Para::Quote => ("Quote", "Quote", "Normal", "<w:spacing w:after=\"80\"/><w:ind w:left=\"320\"/>"),
            Para::Note => ("Note", "Note", "Normal", "<w:spacing w:after=\"40\"/>"),
            Para::TableHeading => ("TableHeading", "Table Heading", "TableText", ""),
            Para::TableText => ("TableText", "Table Text", "Normal", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"),
        }
    }

    /// Run properties of the style, after the pPr (`w:rPr` content).
    fn run_props(self) -> &'static str {
        match self {
            Para::Title => "<w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:b/><w:color w:val=\"ACCENT\"/><w:sz w:val=\"40\"/>",
            Para::Subtitle => "<w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:color w:val=\"MUTED\"/><w:sz w:val=\"26\"/>",
            Para::Details => "<w:color w:val=\"MUTED\"/><w:sz w:val=\"18\"/>",
            Para::Heading1 => "<w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:b/><w:color w:val=\"ACCENT\"/><w:sz w:val=\"26\"/>",
            Para::Heading2 => "<w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:b/><w:sz w:val=\"22\"/>",
            Para::Quote => "<w:i/>",
            Para::Note => "<w:sz w:val=\"17\"/>",
            Para::TableHeading => "<w:b/>",
            Para::TableText => "<w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:sz w:val=\"17\"/>",
            _ => "",
        }
    }

    const ALL: [Para; 14] = [
        Para::Title,
        Para::Subtitle,
        Para::Details,
        Para::Heading1,
        Para::Heading2,
        Para::Body,
        Para::BottomLine,
        Para::ListBullet,
        Para::ListNumber,
        Para::ListContinue,
        Para::Quote,
        Para::Note,
        Para::TableHeading,
        Para::TableText,
    ];
}

/// Character, header/footer and table styles: id, name, type, properties.
const OTHER_STYLES: [(&str, &str, &str, &str); 6] = [
    (REFERENCE_STYLE, "Source Reference", "character", "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"),
    (ATTRIBUTION_STYLE, "Attribution", "character", "<w:rPr><w:b w:val=\"0\"/><w:i w:val=\"0\"/><w:color w:val=\"MUTED\"/></w:rPr>"),
    ("Hyperlink", "Hyperlink", "character", "<w:rPr><w:color w:val=\"ACCENT\"/><w:u w:val=\"single\"/></w:rPr>"),
    (MARKING_STYLE, "Marking", "paragraph", "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:b/><w:caps/><w:sz w:val=\"18\"/></w:rPr>"),
    ("Footer", "footer", "paragraph", "<w:basedOn w:val=\"Normal\"/><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"TEXTWIDTH\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"SANS\" w:hAnsi=\"SANS\" w:cs=\"SANS\"/><w:color w:val=\"MUTED\"/><w:sz w:val=\"16\"/></w:rPr>"),
    (TABLE_STYLE, "Sources Table", "table", "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"RULE\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"RULE\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"RULE\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"HEADERSHADE\"/></w:tcPr></w:tblStylePr>"),
];

/// Every style definition (`<w:style>` elements) in `theme`'s typefaces and colours, by id.
pub fn definitions(theme: &Theme, text_width: u32) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in Para::ALL {
        let (id, name, based, ppr) = p.def();
        let q = if matches!(
            p,
            Para::Title
                | Para::Subtitle
                | Para::Heading1
                | Para::Heading2
                | Para::Body
                | Para::Quote
                | Para::ListBullet
                | Para::ListNumber
        ) {
            "<w:qFormat/>"
        } else {
            ""
        };
        let next = if matches!(p, Para::Heading1 | Para::Heading2 | Para::Title) {
            "<w:next w:val=\"BodyText\"/>"
        } else {
            ""
        };
        let xml = format!(
            "<w:style w:type=\"paragraph\" w:customStyle=\"{custom}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"{based}\"/>{next}{q}<w:pPr>{ppr}</w:pPr><w:rPr>{}</w:rPr></w:style>",
            p.run_props(),
            custom = u8::from(matches!(p, Para::Details | Para::BottomLine | Para::Note | Para::TableHeading | Para::TableText)),
        );
        out.push((id.to_string(), xml));
    }
    for (id, name, kind, props) in OTHER_STYLES {
        let custom = u8::from(matches!(
            id,
            REFERENCE_STYLE | ATTRIBUTION_STYLE | MARKING_STYLE | TABLE_STYLE
        ));
        out.push((
            id.to_string(),
            format!("<w:style w:type=\"{kind}\" w:customStyle=\"{custom}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{props}</w:style>"),
        ));
    }
    for (_, xml) in &mut out {
        *xml = themed(xml, theme, text_width);
    }
    out
}

/// Fills the placeholders of a style with the theme's values.
fn themed(xml: &str, theme: &Theme, text_width: u32) -> String {
    xml.replace("SANS", SANS)
        .replace("ACCENT", &hex(theme.accent))
        .replace("HEADERSHADE", &hex(theme.header_shade))
        .replace("SHADE", &hex(theme.shade))
        .replace("MUTED", &hex(MUTED))
        .replace("RULE", &hex(RULE))
        .replace("TEXTWIDTH", &text_width.to_string())
}

/// The sans typeface (headings, tables, furniture), as the PDF embeds it.
const SANS: &str = "Liberation Sans";
/// The serif typeface of body text.
const SERIF: &str = "Liberation Serif";

/// `RRGGBB` of a colour.
fn hex(c: Rgb) -> String {
    let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{:02X}{:02X}{:02X}", b(c.0), b(c.1), b(c.2))
}

/// A complete `word/styles.xml`: document defaults (body typeface, 10.5 pt, the language),
/// Normal, and [`definitions`].
pub fn styles_xml(theme: &Theme, text_width: u32, lang: &str) -> String {
    let body = match theme.body_font {
        Family::Serif => SERIF,
        Family::Sans => SANS,
    };
    let ink = hex(INK);
    let mut out = format!(
        "{HEAD}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{body}\" \
         w:hAnsi=\"{body}\" w:eastAsia=\"{body}\" w:cs=\"{body}\"/><w:color w:val=\"{ink}\"/>\
         <w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>\
         </w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    );
    for (_, xml) in definitions(theme, text_width) {
        out.push_str(&xml);
    }
    out.push_str("</w:styles>");
    out
}

/// The XML declaration every part starts with.
pub const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// The WordprocessingML and relationship namespaces.
pub const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The abstract numberings (bullets, decimal) and the `w:num`s of the bullet list and of
/// `ordered` numbered lists, each restarting at 1: the inside of `w:numbering`, abstract
/// definitions first as the schema wants.
pub fn numbering(ordered: u32) -> (String, String) {
    let mut abstracts = String::new();
    for (id, fmt, text) in [
        (BULLET_ABSTRACT, "bullet", "•"),
        (DECIMAL_ABSTRACT, "decimal", "%1."),
    ] {
        let _ = write!(abstracts, "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>");
        for level in 0..3u32 {
            let text = text.replace("%1", &format!("%{}", level + 1));
            let indent = 360 * (level + 1);
            let _ = write!(abstracts, "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{indent}\" w:hanging=\"360\"/></w:pPr></w:lvl>");
        }
        abstracts.push_str("</w:abstractNum>");
    }
    let mut nums = format!(
        "<w:num w:numId=\"{BULLET_NUM}\"><w:abstractNumId w:val=\"{BULLET_ABSTRACT}\"/></w:num>"
    );
    for i in 0..ordered {
        let _ = write!(nums, "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{DECIMAL_ABSTRACT}\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>", FIRST_ORDERED_NUM + i);
    }
    (abstracts, nums)
}

/// `word/fontTable.xml`: the two typefaces the PDF embeds, with the common faces Word
/// substitutes where they are not installed (Times New Roman, Arial: same metrics).
pub fn font_table() -> String {
    format!(
        "{HEAD}<w:fonts {NS}><w:font w:name=\"{SERIF}\"><w:altName w:val=\"Times New Roman\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font><w:font w:name=\"{SANS}\"><w:altName w:val=\"Arial\"/><w:charset w:val=\"00\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    )
}

/// `word/settings.xml`: Word 2013+ layout, the brief's language for proofing.
pub fn settings(lang: &str) -> String {
    format!(
        "{HEAD}<w:settings {NS}><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:themeFontLang w:val=\"{lang}\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
    )
}
