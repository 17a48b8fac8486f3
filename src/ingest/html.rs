//! Saved web pages: dom_smoothie (Readability) finds the article body; our own reading of `<meta>`,
//! JSON-LD, `<link rel=canonical>` and `<time>` gives the metadata, with the published date taken
//! only from publication fields (never `article:modified_time` / `dateModified`).
//!
//! Paragraphs come from an iterative walk of the extracted body (no recursion, so deeply nested
//! pages cannot overflow the stack) that skips figures, captions, asides, share bars, ads and
//! forms. Before parsing, [`super::nesting::limit_depth`] flattens elements nested deeper than
//! [`GUARD_DEPTH`]; pages still deeper than [`MAX_DEPTH`] after parsing, or with more than
//! [`MAX_ELEMENTS`] elements, skip Readability and are read by the same walk over `<body>`.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use serde_json::Value;

use super::meta;
use super::Parsed;

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
    let mut hints = String::new();
    for a in ["class", "id"] {
        if let Some(v) = n.attr(a) {
            hints.push(' ');
            hints.push_str(&v.to_ascii_lowercase());
        }
    }
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| FURNITURE.contains(&w))
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

/// `<meta>` values by lowercased `property`, `name` or `itemprop`, first occurrence first.
fn meta_values(doc: &Document) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for n in doc.select("meta").nodes() {
        let Some(content) = n.attr("content") else {
            continue;
        };
        let content = content.trim().to_string();
        if content.is_empty() {
            continue;
        }
        for a in ["property", "name", "itemprop"] {
            if let Some(k) = n.attr(a) {
                v.push((k.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    v
}

fn get<'a>(values: &'a [(String, String)], keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        values
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    })
}

/// What a JSON-LD article object says.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

fn is_article_type(t: &Value) -> bool {
    let ok = |s: &str| s.ends_with("Article") || s.ends_with("BlogPosting") || s == "Report";
    match t {
        Value::String(s) => ok(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(ok)),
        _ => false,
    }
}

fn names(v: &Value) -> Option<String> {
    let list: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .into_iter()
            .collect(),
        Value::Array(a) => a.iter().filter_map(names).collect(),
        _ => vec![],
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.trim().is_empty()).collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// The first article-typed object in the page's JSON-LD blocks (arrays and `@graph` included).
fn json_ld(doc: &Document) -> Option<LdArticle> {
    for script in doc.select("script[type='application/ld+json']").nodes() {
        let Ok(root) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        let mut stack = vec![&root];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if o.get("@type").is_some_and(is_article_type) {
                        let s = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                        let main = o.get("mainEntityOfPage").and_then(|m| match m {
                            Value::String(s) => Some(s.clone()),
                            Value::Object(mo) => {
                                mo.get("@id").and_then(Value::as_str).map(str::to_string)
                            }
                            _ => None,
                        });
                        return Some(LdArticle {
                            headline: s("headline").or_else(|| s("name")),
                            published: s("datePublished"),
                            author: o.get("author").and_then(names),
                            publisher: o.get("publisher").and_then(names),
                            url: s("url").or(main),
                        });
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// Removes a " | Site" style suffix when it names the site or is short beside a longer title.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    split_site_suffix(title, site).0
}

/// The title without its " | Site" suffix, and the suffix when one was removed.
pub fn split_site_suffix(title: &str, site: Option<&str>) -> (String, Option<String>) {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " • "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
            let names_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.to_lowercase());
                s == t || s.contains(&t) || t.contains(&s)
            });
            let short = tail.split_whitespace().count() <= 4
                && head.split_whitespace().count() >= 3
                && sep != " - ";
            if (names_site || short) && !head.is_empty() && !tail.is_empty() {
                return (head.to_string(), Some(tail.to_string()));
            }
        }
    }
    (title, None)
}

/// The published date of a `<time>` or `itemprop=datePublished` element.
fn time_published(doc: &Document) -> Option<chrono::NaiveDate> {
    for n in doc.select("[itemprop='datePublished']").nodes() {
        let v = n
            .attr("content")
            .or_else(|| n.attr("datetime"))
            .map(|s| s.to_string())
            .unwrap_or_else(|| n.text().to_string());
        if let Some(d) = meta::parse_date(&v) {
            return Some(d);
        }
    }
    let updated = |n: &NodeRef| {
        let mut hints = String::new();
        for a in ["class", "itemprop", "id"] {
            if let Some(v) = n.attr(a) {
                hints.push_str(&v.to_ascii_lowercase());
            }
        }
        hints.contains("updat") || hints.contains("modif")
    };
    for n in doc.select("time[datetime]").nodes() {
        let in_update = updated(n) || n.parent().is_some_and(|p| updated(&p));
        let text = n.text().to_lowercase();
        if in_update || text.trim_start().starts_with("updated") {
            continue;
        }
        if let Some(d) = n.attr("datetime").and_then(|v| meta::parse_date(&v)) {
            return Some(d);
        }
    }
    None
}

/// Title, outlet, byline, published date, URL and language from the page's own markup.
fn page_meta(doc: &Document) -> Parsed {
    let values = meta_values(doc);
    let ld = json_ld(doc).unwrap_or_default();

    let declared_site = get(&values, &["og:site_name", "application-name"])
        .map(str::to_string)
        .or(ld.publisher);
    let page_title = doc.select("title").text().to_string();
    let raw_title = get(&values, &["og:title", "twitter:title", "title", "dc.title"])
        .map(str::to_string)
        .or(ld.headline)
        .or_else(|| (!page_title.trim().is_empty()).then_some(page_title.clone()));
    let (title, suffix) = match &raw_title {
        Some(t) => {
            let (head, tail) = split_site_suffix(t, declared_site.as_deref());
            (Some(head), tail)
        }
        None => (None, None),
    };
    // "Headline | The Meridian Post" names the site when nothing else does.
    let outlet = declared_site.or(suffix);

    let byline = [
        get(&values, &["author", "dc.creator", "byl", "sailthru.author"]).map(str::to_string),
        get(&values, &["article:author"]).map(str::to_string),
        ld.author,
    ]
    .into_iter()
    .flatten()
    .find_map(|b| meta::clean_byline(&b));

    let published = get(
        &values,
        &[
            "article:published_time",
            "og:article:published_time",
            "article.published",
            "published_time",
        ],
    )
    .and_then(meta::parse_date)
    .or_else(|| ld.published.as_deref().and_then(meta::parse_date))
    .or_else(|| time_published(doc))
    .or_else(|| {
        get(
            &values,
            &[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "dc.date",
                "dc.date.issued",
                "dcterms.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
            ],
        )
        .and_then(meta::parse_date)
    });

    let url = doc
        .select("link[rel='canonical']")
        .attr("href")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| get(&values, &["og:url"]).map(str::to_string))
        .or(ld.url);

    let language = doc
        .select("html")
        .attr("lang")
        .and_then(|l| meta::declared_language(&l));

    Parsed {
        title,
        outlet,
        byline,
        published,
        language,
        url,
        paragraphs: Vec::new(),
    }
}

/// Fills what the page markup did not give from Readability's own metadata.
fn fill_from_readability(out: &mut Parsed, a: &dom_smoothie::Article) {
    if out.title.is_none() && !a.title.trim().is_empty() {
        out.title = Some(a.title.clone());
    }
    if out.outlet.is_none() {
        out.outlet = a.site_name.clone();
    }
    if out.byline.is_none() {
        out.byline = a.byline.as_deref().and_then(meta::clean_byline);
    }
    if out.published.is_none() {
        out.published = a.published_time.as_deref().and_then(meta::parse_date);
    }
    if out.url.is_none() {
        out.url = a.url.clone();
    }
    if out.language.is_none() {
        out.language = a.lang.as_deref().and_then(meta::declared_language);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site_suffix("Talks stall in Geneva | The Meridian Post", None),
            "Talks stall in Geneva"
        );
        assert_eq!(
            strip_site_suffix("Pakistan - India talks resume - Dawn", Some("Dawn")),
            "Pakistan - India talks resume"
        );
        assert_eq!(
            strip_site_suffix("War - and peace", None),
            "War - and peace"
        );
        assert_eq!(
            split_site_suffix("Envoys meet again in Doha | Gulf Times", None).1,
            Some("Gulf Times".to_string())
        );
        let p =
            parse("<title>Envoys meet again in Doha | Gulf Times</title><p>DOHA — Envoys met.</p>");
        assert_eq!(p.outlet.as_deref(), Some("Gulf Times"));
        assert_eq!(p.title.as_deref(), Some("Envoys meet again in Doha"));
    }

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

    #[test]
    fn modified_date_is_not_published() {
        let p = parse(
            "<html><head><meta property='article:modified_time' content='2026-12-01'>\
             </head><body><p>Text.</p></body></html>",
        );
        assert_eq!(p.published, None);
    }
}
