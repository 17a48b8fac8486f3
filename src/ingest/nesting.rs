//! Nesting guard for saved pages: flattens elements nested deeper than a limit before the HTML
//! parser sees them.
//!
//! html5ever walks its stack of open elements for every start and end tag, so 20,000 nested
//! `<div>`s cost minutes; Readability then recurses over the tree. This pass is one linear scan
//! of the source that tracks open elements the way a browser roughly does (void elements,
//! raw-text elements such as `<script>`, comments, implied `</p>`, `</li>`, `</td>` …) and drops
//! the start and end tags of elements that would sit deeper than the limit. Their text is kept,
//! so deep content ends up in the deepest kept element.

use std::borrow::Cow;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];
/// Elements whose content is text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];
/// How far down the stack an end tag looks for its start tag (bounds adversarial input).
const SEARCH: usize = 256;

/// One open element: its name, whether its tags were kept, and how many identical dropped
/// elements it stands for (runs of dropped tags are counted, not stored).
struct Open<'a> {
    name: &'a str,
    kept: bool,
    count: usize,
}

/// Whether `open` (a start tag named so) implies the end of the element `top`.
fn implies_end(open: &str, top: &str) -> bool {
    let is = |s: &str| open.eq_ignore_ascii_case(s);
    let top_is = |s: &str| top.eq_ignore_ascii_case(s);
    (top_is("p") && CLOSES_P.iter().any(|t| is(t)))
        || (top_is("li") && is("li"))
        || ((top_is("dt") || top_is("dd")) && (is("dt") || is("dd")))
        || ((top_is("td") || top_is("th")) && (is("td") || is("th") || is("tr")))
        || (top_is("tr") && is("tr"))
        || (top_is("option") && is("option"))
}

/// Finds the end of a tag opened at `from` (the byte after its name), honouring quoted attribute
/// values. Returns the index just past `>` and whether the tag ends with `/>`.
fn tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        match (quote, b[i]) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"') | (None, b'\'') => quote = Some(b[i]),
            (None, b'>') => return (i + 1, i > from && b[i - 1] == b'/'),
            _ => {}
        }
        i += 1;
    }
    (b.len(), false)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len())
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

fn name_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    i
}

/// The HTML with elements deeper than `max` flattened (borrowed when nothing was that deep).
pub fn limit_depth(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0; // bytes of `html` already handled (copied or dropped)
    let mut dropped_any = false;
    let mut nest = Nest {
        stack: Vec::new(),
        kept_depth: 0,
        max,
    };
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if b[lt..].starts_with(b"<!--") {
            i = find_ci(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if next == b'!' || next == b'?' {
            i = tag_end(b, lt + 1).0;
            continue;
        }
        let closing = next == b'/';
        let name_start = lt + 1 + usize::from(closing);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let ne = name_end(b, name_start);
        let name = &html[name_start..ne];
        let (end, self_closing) = tag_end(b, ne);
        i = end;
        let keep_tag = if closing {
            nest.close(name)
        } else {
            if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) && !self_closing {
                // Skip the element's text; its end tag is read on the next round.
                let mut close = String::from("</");
                close.push_str(name);
                i = find_ci(b, end, close.as_bytes()).unwrap_or(b.len());
            }
            nest.open(name, self_closing)
        };
        if !keep_tag {
            out.push_str(&html[copied..lt]);
            copied = end;
            dropped_any = true;
        }
    }
    if !dropped_any {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The elements open at a point of the scan, and how many of them keep their tags.
struct Nest<'a> {
    stack: Vec<Open<'a>>,
    /// Open elements whose tags were kept.
    kept_depth: usize,
    /// The most kept elements nested in one another.
    max: usize,
}

impl<'a> Nest<'a> {
    /// Reads the start tag of element `name`; whether the tag is kept.
    fn open(&mut self, name: &'a str, self_closing: bool) -> bool {
        while self.stack.last().is_some_and(|t| implies_end(name, t.name)) {
            let e = self.stack.pop().expect("non-empty");
            self.kept_depth -= usize::from(e.kept);
        }
        let void = self_closing || VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
        if void {
            return true;
        }
        let keep = self.kept_depth < self.max;
        match self.stack.last_mut() {
            Some(t) if !keep && !t.kept && t.name.eq_ignore_ascii_case(name) => t.count += 1,
            _ => self.stack.push(Open {
                name,
                kept: keep,
                count: 1,
            }),
        }
        self.kept_depth += usize::from(keep);
        keep
    }

    /// Reads the end tag of element `name`, closing the elements opened inside it; whether
    /// the tag is kept (an end tag that matches no open element is).
    fn close(&mut self, name: &str) -> bool {
        let stack = &mut self.stack;
        let from = stack.len().saturating_sub(SEARCH);
        let Some(k) = (from..stack.len())
            .rev()
            .find(|&k| stack[k].name.eq_ignore_ascii_case(name))
        else {
            return true;
        };
        // Elements above the match are closed implicitly.
        for e in stack.drain(k + 1..) {
            self.kept_depth -= usize::from(e.kept);
        }
        let top = stack.last_mut().expect("matched entry");
        let keep = top.kept;
        if top.count > 1 {
            top.count -= 1;
        } else {
            self.kept_depth -= usize::from(top.kept);
            stack.pop();
        }
        keep
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_html_is_untouched() {
        let h = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x></div>\
                 <script>if (a<b) document.write('<div><div>')</script></body></html>";
        assert!(matches!(limit_depth(h, 5), Cow::Borrowed(_)));
        assert!(matches!(limit_depth(h, 4), Cow::Owned(_)));
    }

    #[test]
    fn deep_divs_are_flattened_keeping_text() {
        let h = format!(
            "<body>{}<p>deep text</p>{}<p>after</p></body>",
            "<div class=\"x>y\">".repeat(1000),
            "</div>".repeat(1000)
        );
        let out = limit_depth(&h, 10);
        assert_eq!(out.matches("<div").count(), 9);
        assert_eq!(out.matches("</div>").count(), 9);
        assert!(out.contains("deep text") && out.contains("<p>after</p>"));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let h = "<body>".to_string() + &"<p>para ".repeat(500) + "</body>";
        assert!(matches!(limit_depth(&h, 8), Cow::Borrowed(_)));
    }
}
