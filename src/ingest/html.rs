//! Saved web pages: dom_smoothie (Readability) finds the article body, [`super::pagemeta`]
//! reads the metadata (published date never from `article:modified_time` / `dateModified`).
//!
//! Paragraphs come from an iterative walk of the extracted body (no recursion, so deeply nested
//! pages cannot overflow the stack) that skips figures, captions, asides, share bars, ads and
//! forms. Before parsing, [`super::nesting::limit_depth`] flattens elements nested deeper than
//! [`GUARD_DEPTH`]; pages still deeper than [`MAX_DEPTH`] after parsing, or with more than
//! [`MAX_ELEMENTS`] elements, skip Readability and are read by the same walk over `<body>`.

use super::pagemeta::{fill_from_readability, page_meta};
use super::Parsed;
use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

/// Element nesting kept in the source; deeper start and end tags are dropped before parsing.
pub const GUARD_DEPTH: usize = 200;
/// Element nesting beyond which Readability (partly recursive) is not run.
pub const MAX_DEPTH: usize = 256;
/// Element count beyond which Readability is not run (the walk is linear).
pub const MAX_ELEMENTS: usize = 50_000;
/// Marks a `<br>` in the walk's buffer; two in a row end a paragraph.
const BR: char = '\u{2028}';

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "input",
    "select",
    "textarea",
    "form",
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "dialog",
    "menu",
    "head",
    "title",
];
/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
/// Words in a class or id that name the article's container: beside them a [`LAYOUT`] word
/// describes the page's layout ("content-with-sidebar-wrp" holds the article), not furniture.
const CONTENT: &[&str] = &["article", "body", "content", "main", "story"];
/// [`FURNITURE`] words that also name layouts around the content.
const LAYOUT: &[&str] = &["sidebar"];
/// With a [`CARD`] word, the class of a hover card: the pop-up of links a name in the text
/// opens ("rollover-people-block" goes, the name's own "rollover-people" stays).
const HOVER: &[&str] = &["rollover", "hover", "hovercard", "tooltip"];
/// See [`HOVER`].
const CARD: &[&str] = &["block", "card", "box", "panel"];
/// With an [`EMBED`] word, the class of a picture set in the text with its caption and credit
/// ("InlineImage-imageEmbed"), which Readability turns into bare paragraphs.
const IMAGE: &[&str] = &["image", "photo", "picture", "img"];
/// See [`IMAGE`].
const EMBED: &[&str] = &["embed", "inline"];
/// Words in a class or id that mark page furniture.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "sponsor",
    "sponsored",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "cookie",
    "cookies",
    "consent",
    "promo",
    "subscribe",
    "subscription",
    "comments",
    "comment",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "caption",
    "outbrain",
    "taboola",
    "paywall",
    "recirc",
    "popup",
    "modal",
    "byline",
];

/// Parses a saved web page.
pub fn parse(src: &str) -> Parsed {
    let src = super::nesting::limit_depth(src, GUARD_DEPTH);
    let src = src.as_ref();
    let doc = Document::from(src);
    let mut out = page_meta(&doc);
    let (depth, elements) = shape(&doc);
    let mut paragraphs = Vec::new();
    if depth <= MAX_DEPTH && elements <= MAX_ELEMENTS {
        let cfg = Config {
            keep_classes: true,
            max_elements_to_parse: MAX_ELEMENTS,
            ..Config::default()
        };
        if let Ok(mut r) = Readability::with_document(doc, None, Some(cfg)) {
            if let Ok(article) = r.parse() {
                let body = Document::from(article.content.as_ref());
                paragraphs = walk(body.root());
                fill_from_readability(&mut out, &article);
            }
        }
    }
    if paragraphs.is_empty() {
        // Readability was skipped or found nothing: read the page body directly.
        let doc = Document::from(src);
        let root = doc.body().unwrap_or_else(|| doc.root());
        paragraphs = walk(root);
    }
    out.paragraphs = paragraphs;
    out
}

/// Maximum element depth (stopping early past [`MAX_DEPTH`]) and element count.
fn shape(doc: &Document) -> (usize, usize) {
    let mut max = 0;
    let mut count = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((n, d)) = stack.pop() {
        max = max.max(d);
        count += 1;
        if max > MAX_DEPTH || count > MAX_ELEMENTS {
            break;
        }
        stack.extend(
            n.children_it(false)
                .filter(NodeRef::is_element)
                .map(|c| (c, d + 1)),
        );
    }
    (max, count)
}

fn lower_name(n: &NodeRef) -> String {
    n.node_name()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether an element is page furniture by tag, ARIA role, `hidden` or class/id words.
fn is_furniture(n: &NodeRef, name: &str) -> bool {
    if SKIP_TAGS.contains(&name) || n.has_attr("hidden") {
        return true;
    }
    if n.attr("aria-hidden").is_some_and(|v| v.as_ref() == "true") {
        return true;
    }
    if n.attr("role").is_some_and(|r| {
        matches!(
            r.as_ref(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alertdialog"
        )
    }) {
        return true;
    }
    if n.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.contains("display:none")
    }) {
        return true;
    }
    if matches!(name, "html" | "body") {
        // A page's own classes name its layout ("one-sidebar"), not furniture.
        return false;
    }
    let mut hints = String::new();
    for a in ["class", "id"] {
        if let Some(v) = n.attr(a) {
            hints.push(' ');
            push_words(&mut hints, &v);
        }
    }
    let words = || hints.split(|c: char| !c.is_ascii_alphanumeric());
    let has = |list: &[&str]| words().any(|w| list.contains(&w));
    let content = has(CONTENT);
    let hover_card = has(HOVER) && has(CARD);
    let inline_image = has(IMAGE) && has(EMBED);
    hover_card
        || inline_image
        || words().any(|w| FURNITURE.contains(&w) && !(content && LAYOUT.contains(&w)))
}

/// Appends `name` (a class or id) in lower case with its camel-case words apart
/// ("InlineImage-imageEmbedCaption" → "inline image-image embed caption").
fn push_words(out: &mut String, name: &str) {
    let mut lower_before = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && lower_before {
            out.push(' ');
        }
        lower_before = c.is_ascii_lowercase();
        out.push(c.to_ascii_lowercase());
    }
}

/// A step of the iterative walk.
enum Step<'a> {
    /// Visit a node and queue its children.
    Enter(NodeRef<'a>),
    /// A block ends: its paragraph is complete.
    LeaveBlock,
    /// A `<time>` element ends.
    LeaveTime,
}

/// Collects paragraphs under `root` in document order, iteratively. A block whose only text
/// comes from `<time>` elements (a stray "26 Nov 2026" stamp) is dropped.
fn walk(root: NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut prose = false; // whether `buf` holds text outside <time>
    let mut in_time = 0usize;
    let end_block = |buf: &mut String, prose: &mut bool, out: &mut Vec<String>| {
        if *prose {
            flush(buf, out);
        }
        buf.clear();
        *prose = false;
    };
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let n = match step {
            Step::Enter(n) => n,
            Step::LeaveBlock => {
                end_block(&mut buf, &mut prose, &mut out);
                continue;
            }
            Step::LeaveTime => {
                in_time -= 1;
                continue;
            }
        };
        if n.is_text() {
            let t = n.text();
            prose |= in_time == 0 && !t.trim().is_empty();
            buf.push_str(&t);
            continue;
        }
        if n.is_element() {
            let name = lower_name(&n);
            if is_furniture(&n, &name) {
                continue;
            }
            if name == "br" {
                buf.push(BR);
                continue;
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                end_block(&mut buf, &mut prose, &mut out);
                stack.push(Step::LeaveBlock);
            } else if name == "time" {
                in_time += 1;
                stack.push(Step::LeaveTime);
            }
        } else if !(n.is_document() || n.is_fragment()) {
            continue; // comments, doctype
        }
        let children: Vec<NodeRef> = n.children_it(true).collect();
        stack.extend(children.into_iter().map(Step::Enter));
    }
    end_block(&mut buf, &mut prose, &mut out);
    out
}

/// Ends the paragraph in `buf`; two `<br>`s in a row split it.
fn flush(buf: &mut String, out: &mut Vec<String>) {
    let mut pending_br = false;
    let mut piece = String::new();
    let push = |piece: &mut String, out: &mut Vec<String>| {
        let t = piece.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push(t);
        }
        piece.clear();
    };
    for c in buf.chars() {
        if c == BR {
            if pending_br {
                push(&mut piece, out);
                pending_br = false;
            } else {
                pending_br = true;
                piece.push(' ');
            }
        } else {
            if !c.is_whitespace() {
                pending_br = false;
            }
            piece.push(c);
        }
    }
    push(&mut piece, out);
    buf.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_skips_furniture_and_splits_brs() {
        let doc = Document::from(
            "<body><p>One <b>two</b>.</p><figure><figcaption>Cap</figcaption></figure>\
             <div class='share-bar'>Share</div><p>A<br>B<br><br>C</p><script>x()</script>\
             <div><time datetime='2026-11-26'>26 Nov</time></div>\
             <p>Met on <time>Tuesday</time>.</p></body>",
        );
        assert_eq!(
            walk(doc.root()),
            vec!["One two.", "A B", "C", "Met on Tuesday."]
        );
    }

    /// Found reading a saved page of CNBC: a photo's caption (in "InlineImage-imageEmbed",
    /// which Readability leaves as bare paragraphs) became the bottom line.
    #[test]
    fn camel_case_class_words_count() {
        let doc = Document::from(
            "<body><div class='InlineImage-imageEmbed'><p>A jet at the air show.</p>\
             <p>Jane Roe | Getty Images</p></div><div class='figureCaption'>A pilot.</div>\
             <p>Emirates ordered 30 jets.</p><div class='adSlot'>Buy</div></body>",
        );
        assert_eq!(walk(doc.root()), vec!["Emirates ordered 30 jets."]);
    }

    /// Found reading a saved page of The Hill: its article sits in "content-with-sidebar-wrp"
    /// on a body of class "one-sidebar", and names open hover cards of headlines.
    #[test]
    fn an_article_in_a_layout_with_a_sidebar_is_kept_and_hover_cards_are_not() {
        let doc = Document::from(
            "<body class='one-sidebar sidebar-second'><div class='sidebar'>Most read</div>\
             <article><div class='content-with-sidebar-wrp'><p>A man threatened Rep. \
             <span class='rollover-people'><a>Ilhan Omar</a><span class='rollover-people-block'>\
             <a>Budget talks stall</a></span></span> on Monday.</p></div></article></body>",
        );
        assert_eq!(
            walk(doc.root()),
            vec!["A man threatened Rep. Ilhan Omar on Monday."]
        );
    }

    #[test]
    fn modified_date_is_not_published() {
        let p = parse(
            "<html><head><meta property='article:modified_time' content='2026-12-01'>\
             </head><body><p>Text.</p></body></html>",
        );
        assert_eq!(p.published, None);
    }
}
