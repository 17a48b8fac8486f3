//! Metadata of saved web pages from their own markup: `<meta>` (Open Graph, article:, Dublin
//! Core, author), JSON-LD `NewsArticle` objects (also in arrays and `@graph`), `<link
//! rel=canonical>`, `<time>` / `itemprop=datePublished`, `<title>` and `<html lang>`.
//!
//! The published date comes only from publication fields, in this order: `article:published_time`,
//! JSON-LD `datePublished`, `itemprop=datePublished` or a `<time>` not marked as an update, then
//! generic date metas. `article:modified_time` and `dateModified` are never read.

use dom_query::{Document, NodeRef};
use serde_json::Value;

use super::{dates, lang, meta, Parsed};

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
        if let Some(d) = dates::parse_date(&v) {
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
        if let Some(d) = n.attr("datetime").and_then(|v| dates::parse_date(&v)) {
            return Some(d);
        }
    }
    None
}

/// Title, outlet, byline, published date, URL and language from the page's own markup.
pub fn page_meta(doc: &Document) -> Parsed {
    let values = meta_values(doc);
    let ld = json_ld(doc).unwrap_or_default();
    let naming = naming(doc, &values, ld.headline, ld.publisher);
    let byline = [
        get(&values, &["author", "dc.creator", "byl", "sailthru.author"]).map(str::to_string),
        get(&values, &["article:author"]).map(str::to_string),
        ld.author,
    ]
    .into_iter()
    .flatten()
    .find_map(|b| meta::clean_byline(&b));
    let published = published(doc, &values, ld.published.as_deref());
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
        .and_then(|l| lang::declared_language(&l));
    Parsed {
        title: naming.title,
        outlet: naming.outlet,
        byline,
        published,
        language,
        url,
        ..Parsed::default()
    }
}

/// A page's headline and the outlet that published it.
struct Naming {
    title: Option<String>,
    outlet: Option<String>,
}

/// The headline (meta tags, else the JSON-LD `headline`, else `<title>`) without the site's
/// name, and the outlet (declared, else that name).
fn naming(
    doc: &Document,
    values: &[(String, String)],
    headline: Option<String>,
    publisher: Option<String>,
) -> Naming {
    let declared_site = get(values, &["og:site_name", "application-name"])
        .map(str::to_string)
        .or(publisher);
    let page_title = doc.select("title").text().to_string();
    let raw_title = get(values, &["og:title", "twitter:title", "title", "dc.title"])
        .map(str::to_string)
        .or(headline)
        .or_else(|| (!page_title.trim().is_empty()).then_some(page_title.clone()));
    let (title, suffix) = match &raw_title {
        Some(t) => {
            let (head, tail) = split_site_suffix(t, declared_site.as_deref());
            (Some(head), tail)
        }
        None => (None, None),
    };
    // "Headline | The Meridian Post" names the site when nothing else does.
    Naming {
        title,
        outlet: declared_site.or(suffix),
    }
}

/// The published date: an `article:published_time`-like meta tag, the JSON-LD
/// `datePublished` (`ld_published`), a `<time>` element, else a generic date meta tag.
fn published(
    doc: &Document,
    values: &[(String, String)],
    ld_published: Option<&str>,
) -> Option<chrono::NaiveDate> {
    get(
        values,
        &[
            "article:published_time",
            "og:article:published_time",
            "article.published",
            "published_time",
        ],
    )
    .and_then(dates::parse_date)
    .or_else(|| ld_published.and_then(dates::parse_date))
    .or_else(|| time_published(doc))
    .or_else(|| {
        get(
            values,
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
        .and_then(dates::parse_date)
    })
}

/// Fills what the page markup did not give from Readability's own metadata.
pub fn fill_from_readability(out: &mut Parsed, a: &dom_smoothie::Article) {
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
        out.published = a.published_time.as_deref().and_then(dates::parse_date);
    }
    if out.url.is_none() {
        out.url = a.url.clone();
    }
    if out.language.is_none() {
        out.language = a.lang.as_deref().and_then(lang::declared_language);
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
        let doc = Document::from("<title>Envoys meet again in Doha | Gulf Times</title><p>Hi.</p>");
        let p = page_meta(&doc);
        assert_eq!(p.outlet.as_deref(), Some("Gulf Times"));
        assert_eq!(p.title.as_deref(), Some("Envoys meet again in Doha"));
    }

    #[test]
    fn json_ld_graph_and_update_times() {
        let doc = Document::from(
            "<html lang='en'><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\
             \"@graph\":[{\"@type\":\"WebSite\",\"name\":\"X\"},{\"@type\":[\"NewsArticle\"],\
             \"headline\":\"Envoys return\",\"author\":[{\"name\":\"A B\"},{\"name\":\"C D\"}],\
             \"dateModified\":\"2026-11-28\"}]}</script></head><body>\
             <time class='updated' datetime='2026-11-28'>x</time><time datetime='2026-11-25'>y</time>\
             </body></html>",
        );
        let p = page_meta(&doc);
        assert_eq!(p.title.as_deref(), Some("Envoys return"));
        assert_eq!(p.byline.as_deref(), Some("A B, C D"));
        assert_eq!(p.published, chrono::NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(p.language.as_deref(), Some("en"));
    }
}
