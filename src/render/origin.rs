//! Tracing brief markup back to template lines: the templates re-rendered with line markers.
//!
//! Tera keeps no source positions in its output, so when the markup a template produced is
//! rejected, the templates are rendered a second time with a marker before the first visible
//! character of every line of literal template text: `U+F8F0 id ':' line U+F8F1` (private-use
//! characters, never in a template and untouched by escaping or case filters). Markers sit
//! only before non-blank characters, so Tera's whitespace control (`{%-`, `-%}`) trims
//! exactly what it trimmed before. With the markers removed, the output must equal the
//! markup that failed (otherwise, e.g. under a `{% filter truncate %}`, tracing gives up and
//! the caller says so); the error's byte offset then lies after exactly one last marker,
//! which names the template file and line the offending markup was written on. Output of
//! `{{ … }}` expressions belongs to the text line before it.

/// Starts a marker.
const OPEN: char = '\u{F8F0}';
/// Ends a marker.
const CLOSE: char = '\u{F8F1}';

/// Where a stretch of output markup came from: template `id`, 1-based `line`, starting at
/// byte `offset` of the output without markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset in the output without markers.
    pub offset: usize,
    /// Which template (the caller's numbering).
    pub id: usize,
    /// 1-based line in that template.
    pub line: usize,
}

/// `source` with a marker before the first non-blank character of every line of literal text
/// (and of every text run between two Tera tags); tags, expressions and comments are copied
/// untouched, `{% raw %}` content counts as text.
pub fn instrument(source: &str, id: usize) -> String {
    let mut out = String::with_capacity(source.len() * 2);
    let mut line = 1;
    let mut rest = source;
    let mut raw = false;
    while !rest.is_empty() {
        let (text_end, tag_end) = next_tag(rest, raw);
        let mut need = true;
        for c in rest[..text_end].chars() {
            if c == '\n' {
                line += 1;
                need = true;
            } else if need && !c.is_whitespace() {
                out.push_str(&format!("{OPEN}{id}:{line}{CLOSE}"));
                need = false;
            }
            out.push(c);
        }
        let tag = &rest[text_end..tag_end];
        line += tag.matches('\n').count();
        out.push_str(tag);
        raw = match statement(tag) {
            Some("raw") => true,
            Some("endraw") => false,
            _ => raw,
        };
        rest = &rest[tag_end..];
    }
    out
}

/// The end of the text at the start of `s` and the end of the Tera tag after it (both equal
/// to `s.len()` when none follows). In a raw section only `{% endraw %}` is a tag.
fn next_tag(s: &str, raw: bool) -> (usize, usize) {
    let mut from = 0;
    while let Some(i) = s[from..].find('{').map(|i| i + from) {
        let close = match &s[i..].get(..2) {
            Some("{{") if !raw => "}}",
            Some("{%") => "%}",
            Some("{#") if !raw => "#}",
            _ => {
                from = i + 1;
                continue;
            }
        };
        let end = tag_close(&s[i + 2..], close).map_or(s.len(), |e| i + 2 + e);
        if raw && statement(&s[i..end]) != Some("endraw") {
            from = i + 2;
            continue;
        }
        return (i, end);
    }
    (s.len(), s.len())
}

/// The end (after `close`) of a tag body, skipping quoted strings.
fn tag_close(body: &str, close: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in body.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') && close != "#}" => quote = Some(c),
            None if body[i..].starts_with(close) => return Some(i + close.len()),
            None => {}
        }
    }
    None
}

/// The first word of a `{% … %}` tag.
fn statement(tag: &str) -> Option<&str> {
    let body = tag.strip_prefix("{%")?.strip_suffix("%}")?;
    body.trim_matches(|c: char| c == '-' || c.is_whitespace())
        .split_whitespace()
        .next()
}

/// Removes the markers of `marked`: the clean text and the marks in output order, or `None`
/// when a marker is malformed.
pub fn strip(marked: &str) -> Option<(String, Vec<Mark>)> {
    let mut out = String::with_capacity(marked.len());
    let mut marks = Vec::new();
    let mut rest = marked;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        let end = after.find(CLOSE)?;
        let (id, line) = after[..end].split_once(':')?;
        marks.push(Mark {
            offset: out.len(),
            id: id.parse().ok()?,
            line: line.parse().ok()?,
        });
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    Some((out, marks))
}

/// The mark in force at byte `offset` of the clean output: the last one at or before it.
pub fn locate(marks: &[Mark], offset: usize) -> Option<Mark> {
    marks.iter().rev().find(|m| m.offset <= offset).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_before_text_not_into_tags() {
        let src = "{# about\n #}\n<h1>{{ title }}</h1>\n  {% if x -%}\n  <p>a</p>{% endif %}\n";
        let marked = instrument(src, 4);
        let (clean, marks) = strip(&marked).unwrap();
        assert_eq!(clean, src);
        let at = |needle: &str| locate(&marks, clean.find(needle).unwrap()).unwrap();
        assert_eq!((at("<h1>").id, at("<h1>").line), (4, 3));
        assert_eq!(at("</h1>").line, 3);
        assert_eq!(at("<p>").line, 5);
        assert!(marked.contains("{{ title }}") && marked.contains("{% if x -%}\n  \u{F8F0}"));
    }

    #[test]
    fn raw_sections_are_text_and_strings_may_hold_delimiters() {
        let src = "{% raw %}\n<b>{{ x }}</b>{% endraw %}\n{{ \"}}\" }}<i>y</i>";
        let (clean, marks) = strip(&instrument(src, 0)).unwrap();
        assert_eq!(clean, src);
        assert_eq!(locate(&marks, clean.find("<b>").unwrap()).unwrap().line, 2);
        assert_eq!(locate(&marks, clean.find("<i>").unwrap()).unwrap().line, 3);
        assert!(strip("a\u{F8F0}1:x\u{F8F1}").is_none());
    }

    #[test]
    fn whitespace_control_trims_as_before() {
        let src = "<ul>\n  {%- for i in items %}\n  <li>{{ i }}</li>\n  {%- endfor %}\n</ul>";
        let mut tera = tera::Tera::default();
        tera.add_raw_template("plain", src).unwrap();
        tera.add_raw_template("marked", &instrument(src, 7))
            .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("items", &[1, 2]);
        let plain = tera.render("plain", &ctx).unwrap();
        let (clean, marks) = strip(&tera.render("marked", &ctx).unwrap()).unwrap();
        assert_eq!(clean, plain);
        let second = clean.rfind("<li>").unwrap();
        assert_eq!(locate(&marks, second).unwrap().line, 3);
        assert_eq!(
            locate(&marks, clean.find("</ul>").unwrap()).unwrap().line,
            5
        );
    }
}
