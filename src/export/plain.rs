//! Markdown and plain-text briefs, for e-mail and chat: the template's blocks written as text —
//! the marking first and last (as the PDF's banners), headings, lists, quotes, the sources as a
//! table (Markdown) or one line per source (text), source numbers as `[1,2]`. Lines are not
//! wrapped: mail and chat programs wrap them to the reader's window.

use crate::model::Brief;
use crate::render::blocks::{Block, Cell, Inline, InlineStyle};
use crate::render::Document;

/// Which text format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// CommonMark with pipe tables (pandoc's and GitHub's Markdown).
    Markdown,
    /// Plain text: setext-underlined headings, indented quotes.
    Text,
}

/// Writes `doc` (the blocks of `brief`) as Markdown or text, ending in a newline.
pub fn write(brief: &Brief, doc: &Document, flavour: Flavour) -> String {
    let w = Writer { flavour };
    let marking = w.escape(brief.marking.trim());
    let mut chunks = Vec::new();
    if !marking.is_empty() {
        chunks.push(marking.clone());
    }
    chunks.extend(w.blocks(&doc.blocks));
    if !doc.notes.is_empty() {
        chunks.push(w.heading(2, "Sources"));
        chunks.extend(doc.notes.iter().map(|n| w.para(n)));
    }
    if !marking.is_empty() {
        chunks.push(marking);
    }
    let mut out = chunks.join("\n\n");
    out.push('\n');
    out
}

/// Writes blocks in one [`Flavour`].
struct Writer {
    flavour: Flavour,
}

impl Writer {
    /// Each block as one chunk of lines (chunks are separated by a blank line).
    fn blocks(&self, blocks: &[Block]) -> Vec<String> {
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Block::Heading { level, content } => {
                    out.push(self.heading(*level, &self.inline(content)))
                }
                Block::Para { content, .. } => out.push(self.para(content)),
                Block::List { ordered, items } => out.push(self.list(*ordered, items)),
                Block::Quote(inner) => {
                    let prefix = match self.flavour {
                        Flavour::Markdown => "> ",
                        Flavour::Text => "    ",
                    };
                    out.push(indent(&self.blocks(inner).join("\n\n"), prefix, prefix));
                }
                Block::Table(rows) => out.push(self.table(rows)),
                Block::Div { blocks, .. } => out.extend(self.blocks(blocks)),
            }
        }
        out.retain(|c| !c.trim().is_empty());
        out
    }

    fn heading(&self, level: u8, text: &str) -> String {
        match self.flavour {
            Flavour::Markdown => format!("{} {text}", "#".repeat(usize::from(level))),
            Flavour::Text => {
                let rule = match level {
                    1 => "=",
                    2 => "-",
                    _ => return text.to_string(),
                };
                format!("{text}\n{}", rule.repeat(text.chars().count().max(3)))
            }
        }
    }

    fn para(&self, content: &[Inline]) -> String {
        let text = self.inline(content);
        match self.flavour {
            Flavour::Markdown => escape_line_start(&text),
            Flavour::Text => text,
        }
    }

    /// A list: `- item` or `1. item`, the item's later lines indented under its text.
    fn list(&self, ordered: bool, items: &[Vec<Block>]) -> String {
        let loose = items.iter().any(|i| i.len() > 1);
        let mut out = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let marker = match ordered {
                true => format!("{}. ", n + 1),
                false => "- ".to_string(),
            };
            let rest = " ".repeat(marker.len());
            out.push(indent(&self.blocks(item).join("\n\n"), &marker, &rest));
        }
        out.join(if loose { "\n\n" } else { "\n" })
    }

    /// A table: a pipe table in Markdown; in text, one line per row, cells joined by " — ".
    fn table(&self, rows: &[Vec<Cell>]) -> String {
        let cell = |c: &Cell| {
            let text: Vec<String> = self.blocks(&c.blocks);
            text.join(" ").replace('\n', " ")
        };
        let mut lines = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<String> = row.iter().map(cell).collect();
            match self.flavour {
                Flavour::Markdown => {
                    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
                    lines.push(format!("| {} |", cells.join(" | ")));
                    if i == 0 {
                        lines.push(format!("|{}|", vec!["---"; row.len()].join("|")));
                    }
                }
                Flavour::Text => lines.push(cells.join(" — ")),
            }
        }
        lines.join("\n")
    }

    /// Inline content as one string: emphasis, links and source numbers in the flavour's way.
    fn inline(&self, content: &[Inline]) -> String {
        let mut out = String::new();
        for (i, item) in content.iter().enumerate() {
            match item {
                Inline::Break => out.push_str(match self.flavour {
                    Flavour::Markdown => "\\\n",
                    Flavour::Text => "\n",
                }),
                Inline::Text { text, style } if style.sup => {
                    out.push_str(&format!("[{}]", text.trim()));
                    let next_opens = matches!(content.get(i + 1),
                        Some(Inline::Text { text, .. }) if text.starts_with(['(', '[', ':']));
                    if next_opens && self.flavour == Flavour::Markdown {
                        out.push('\\');
                    }
                }
                Inline::Text { text, style } => out.push_str(&self.run(text, style)),
            }
        }
        out
    }

    /// One run of text in its style.
    fn run(&self, text: &str, style: &InlineStyle) -> String {
        let body = self.escape(text);
        if self.flavour == Flavour::Text {
            return match &style.link {
                Some(url) if url != text => format!("{body} <{url}>"),
                _ => body,
            };
        }
        // Emphasis marks must touch the words: keep edge spaces outside them.
        let (lead, core, trail) = split_spaces(&body);
        if core.is_empty() {
            return body;
        }
        let mut core = core.to_string();
        {
            if style.italic {
                core = format!("*{core}*");
            }
            if style.bold {
                core = format!("**{core}**");
            }
            if let Some(url) = &style.link {
                core = format!("[{core}](<{}>)", url.replace(['<', '>'], ""));
            }
        }
        format!("{lead}{core}{trail}")
    }

    /// Escapes Markdown's inline marks; text is left as it is.
    fn escape(&self, text: &str) -> String {
        if self.flavour == Flavour::Text {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
                out.push('\\');
            }
            out.push(c);
        }
        out
    }
}

/// The text with `first` before its first line and `rest` before every later non-empty line
/// (a Markdown quote keeps its `>` on empty lines too).
fn indent(text: &str, first: &str, rest: &str) -> String {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            out.push(prefix.trim_end().to_string());
        } else {
            out.push(format!("{prefix}{line}"));
        }
    }
    out.join("\n")
}

/// Leading spaces, the rest without its trailing spaces, trailing spaces.
fn split_spaces(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, core, trail)
}

/// Escapes a paragraph start Markdown would read as a heading, quote, list or rule.
fn escape_line_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = text[digits..].chars().next();
    let marker = text.starts_with(['#', '>', '-', '+', '=', '~'])
        || (digits > 0 && matches!(after_digits, Some('.' | ')')));
    match marker {
        true if digits > 0 => format!("{}\\{}", &text[..digits], &text[digits..]),
        true => format!("\\{text}"),
        false => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_starts_that_look_like_markup_are_escaped() {
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("1998. A year"), "1998\\. A year");
        assert_eq!(escape_line_start("- dash"), "\\- dash");
        assert_eq!(escape_line_start("1,000 people"), "1,000 people");
    }

    #[test]
    fn nested_lines_are_indented_under_the_marker() {
        assert_eq!(indent("a\n\nb", "- ", "  "), "- a\n\n  b");
        assert_eq!(indent("a\n\nb", "> ", "> "), "> a\n>\n> b");
    }
}
