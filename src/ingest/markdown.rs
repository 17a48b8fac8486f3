//! Markdown articles: optional YAML-style front matter (`title`, `date`, `author`, `outlet`,
//! `url`, `lang`), a `# Title` heading, header lines under it, and block-level paragraphs.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Parsed;
use super::{dates, lang, meta};

/// Splits YAML-style front matter (`---` … `---` or `...`) off the text: its `key: value`
/// pairs (keys lowercased, values unquoted; `- item` lines join a list with ", ") and the body.
pub fn split_front_matter(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let rest = text.trim_start_matches('\u{feff}');
    let rest = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut offset = text.len() - rest.len();
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        offset += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return (!pairs.is_empty()).then_some((pairs, &text[offset..]));
        }
        if n > 60 {
            return None;
        }
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if let Some(item) = l.trim_start().strip_prefix("- ") {
            let last = pairs.last_mut()?;
            if !last.1.is_empty() {
                last.1.push_str(", ");
            }
            last.1.push_str(unquote(item));
            continue;
        }
        let (k, v) = l.split_once(':')?;
        if k.trim().is_empty() || k.contains(' ') && !k.starts_with(' ') {
            return None;
        }
        let v = v.trim();
        let v = v
            .strip_prefix('[')
            .and_then(|x| x.strip_suffix(']'))
            .map(|list| {
                list.split(',')
                    .map(unquote)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_else(|| unquote(v).to_string());
        pairs.push((k.trim().to_ascii_lowercase(), v));
    }
    None
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

/// Fills `out` from front-matter pairs. Update dates (`updated`, `lastmod`, …) are ignored.
fn apply_front_matter(pairs: &[(String, String)], out: &mut Parsed) {
    for (k, v) in pairs {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "title" | "headline" => out.title = Some(v.to_string()),
            "date" | "published" | "publish_date" | "pubdate" | "published_at"
            | "datepublished" | "date_published" => {
                if let Some(d) = dates::parse_date(v) {
                    out.published = Some(d);
                }
            }
            "author" | "authors" | "byline" => out.byline = meta::clean_byline(v),
            "outlet" | "source" | "publication" | "publisher" | "site" | "site_name" => {
                out.outlet = Some(v.to_string())
            }
            "url" | "canonical" | "canonical_url" | "link" => out.url = Some(v.to_string()),
            "lang" | "language" => out.language = lang::declared_language(v),
            _ => {}
        }
    }
}

/// Parses a Markdown article.
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let body = match split_front_matter(text) {
        Some((pairs, body)) => {
            apply_front_matter(&pairs, &mut out);
            body
        }
        None => text,
    };
    let title_from_front_matter = out.title.is_some();

    let mut blocks: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut in_image = 0usize;
    let mut title_seen = false;
    let flush = |buf: &mut String, blocks: &mut Vec<String>| {
        let t = buf.trim();
        if !t.is_empty() {
            blocks.push(t.to_string());
        }
        buf.clear();
    };
    for ev in Parser::new_ext(body, Options::empty()) {
        match ev {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_),
            )
            | Event::Rule => flush(&mut buf, &mut blocks),
            Event::End(TagEnd::Heading(level)) => {
                let h = buf.trim().to_string();
                buf.clear();
                if level == HeadingLevel::H1 && !title_seen && blocks.is_empty() {
                    // The headline: kept as the title unless front matter named one.
                    title_seen = true;
                    if !title_from_front_matter && !h.is_empty() {
                        out.title = Some(h);
                    }
                } else if !h.is_empty() {
                    blocks.push(h);
                }
            }
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push('\n'),
            _ => {}
        }
    }
    flush(&mut buf, &mut blocks);

    // Byline / outlet / date lines under the headline.
    let mut skip = 0;
    for b in blocks.iter().take(3) {
        let heads: Option<Vec<meta::Header>> = b.lines().map(meta::header_line).collect();
        match heads {
            Some(hs) if out.title.is_some() || hs.iter().all(|h| h.strong) => {
                hs.iter().for_each(|h| out.absorb(h));
                skip += 1;
            }
            _ => break,
        }
    }
    out.paragraphs = blocks.into_iter().skip(skip).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_heading() {
        let p = parse(
            "---\ntitle: \"Grain deal\"\ndate: 2026-11-26\nauthor: [Jane Doe, Ali Khan]\noutlet: Wire\nupdated: 2026-12-01\n---\n# Grain deal\n\n*By Jane Doe*\n\nODESA — First.\nStill first.\n\n![a photo](x.jpg)\n\n- item\n",
        );
        assert_eq!(p.title.as_deref(), Some("Grain deal"));
        assert_eq!(p.byline.as_deref(), Some("Jane Doe, Ali Khan"));
        assert_eq!(p.outlet.as_deref(), Some("Wire"));
        assert_eq!(
            p.published.map(|d| d.to_string()).as_deref(),
            Some("2026-11-26")
        );
        assert_eq!(p.paragraphs, vec!["ODESA — First.\nStill first.", "item"]);
    }

    #[test]
    fn no_front_matter() {
        assert!(split_front_matter("--- not yaml\n").is_none());
        assert!(split_front_matter("---\nJust a rule above a sentence.\n---\n").is_none());
        let p = parse("# Title here\n\nBody.\n");
        assert_eq!(p.title.as_deref(), Some("Title here"));
        assert_eq!(p.paragraphs, vec!["Body."]);
    }
}
