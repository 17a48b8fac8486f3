//! The brief-markup parser: tokens → [`Block`]s, checking nesting (blocks inside inline
//! content, stray closing tags, unclosed elements) and reporting the line of every error.

use super::blocks::{
    check_attrs, parse_width, Block, Cell, DivClass, Inline, InlineBuilder, InlineStyle, ParaClass,
    BLOCK_TAGS,
};
use super::markup::{MarkupError, Pos, Tok, Token};

/// Parses brief-markup tokens into blocks.
pub fn parse(tokens: &[Tok]) -> Result<Vec<Block>, MarkupError> {
    let mut p = Parser {
        toks: tokens,
        pos: 0,
    };
    p.flow(None)
}

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn next(&mut self) -> Option<&'a Tok> {
        let t = self.toks.get(self.pos);
        self.pos += 1;
        t
    }

    fn last_line(&self) -> usize {
        self.toks.last().map_or(1, |t| t.at.line)
    }

    fn unclosed(&self, tag: &str, at: Pos) -> MarkupError {
        MarkupError::new(
            at,
            format!(
                "<{tag}> is never closed (end of markup at line {})",
                self.last_line()
            ),
        )
    }

    /// Blocks until `</end>` (or the end of input at top level). Inline content between
    /// blocks becomes an implicit body paragraph.
    fn flow(&mut self, end: Option<(&str, Pos)>) -> Result<Vec<Block>, MarkupError> {
        let mut blocks = Vec::new();
        let mut inline = InlineBuilder::default();
        loop {
            let Some(tok) = self.next() else {
                return match end {
                    Some((tag, at)) => Err(self.unclosed(tag, at)),
                    None => {
                        flush(&mut inline, &mut blocks);
                        Ok(blocks)
                    }
                };
            };
            match &tok.token {
                Token::Close(name) if end.is_some_and(|(e, _)| e == name) => {
                    flush(&mut inline, &mut blocks);
                    return Ok(blocks);
                }
                Token::Open { name, attrs, .. } if BLOCK_TAGS.contains(&name.as_str()) => {
                    flush(&mut inline, &mut blocks);
                    blocks.push(self.block(name, attrs, tok.at)?);
                }
                _ => self.inline_token(tok, &mut inline, InlineStyle::default())?,
            }
        }
    }

    fn block(
        &mut self,
        name: &str,
        attrs: &[(String, String)],
        at: Pos,
    ) -> Result<Block, MarkupError> {
        let (class, _) = check_attrs(name, attrs, at)?;
        Ok(match name {
            "h1" | "h2" | "h3" => Block::Heading {
                level: name.as_bytes()[1] - b'0',
                content: self.inline_until(name, at)?,
            },
            "p" => Block::Para {
                class: match class.as_deref() {
                    Some("subtitle") => ParaClass::Subtitle,
                    Some("meta") => ParaClass::Meta,
                    Some("note") => ParaClass::Note,
                    _ => ParaClass::Body,
                },
                content: self.inline_until(name, at)?,
            },
            "ul" | "ol" => Block::List {
                ordered: name == "ol",
                items: self.list_items(name, at)?,
            },
            "blockquote" => Block::Quote(self.flow(Some((name, at)))?),
            "div" => Block::Div {
                class: match class.as_deref() {
                    Some("bottom-line") => DivClass::BottomLine,
                    Some("title-block") => DivClass::TitleBlock,
                    _ => DivClass::Section,
                },
                blocks: self.flow(Some((name, at)))?,
            },
            "table" => Block::Table(self.table(at)?),
            _ => {
                return Err(MarkupError::new(
                    at,
                    format!("<{name}> is only allowed inside its list or table"),
                ))
            }
        })
    }

    /// Reads the element children of `parent` up to `</parent>`: only tags in `allowed`
    /// (whitespace between them is ignored); `each` parses one child after its open tag.
    fn elements(
        &mut self,
        parent: &str,
        at: Pos,
        allowed: &[&str],
        mut each: impl FnMut(&mut Self, &str, &[(String, String)], Pos) -> Result<(), MarkupError>,
    ) -> Result<(), MarkupError> {
        loop {
            let tok = self.next().ok_or_else(|| self.unclosed(parent, at))?;
            match &tok.token {
                Token::Close(name) if name == parent => return Ok(()),
                Token::Text(t) if t.chars().all(|c| c.is_ascii_whitespace()) => {}
                Token::Open { name, attrs, .. } if allowed.contains(&name.as_str()) => {
                    check_attrs(name, attrs, tok.at)?;
                    each(self, name, attrs, tok.at)?;
                }
                _ => {
                    return Err(MarkupError::new(
                        tok.at,
                        format!(
                            "{} is not allowed directly inside <{parent}> (only <{}>)",
                            describe(&tok.token),
                            allowed.join(">, <")
                        ),
                    ))
                }
            }
        }
    }

    fn list_items(&mut self, parent: &str, at: Pos) -> Result<Vec<Vec<Block>>, MarkupError> {
        let mut items = Vec::new();
        self.elements(parent, at, &["li"], |p, name, _, l| {
            items.push(p.flow(Some((name, l)))?);
            Ok(())
        })?;
        Ok(items)
    }

    fn table(&mut self, at: Pos) -> Result<Vec<Vec<Cell>>, MarkupError> {
        let mut rows = Vec::new();
        self.elements("table", at, &["tr"], |p, _, _, row_line| {
            let mut cells = Vec::new();
            p.elements("tr", row_line, &["th", "td"], |p, name, attrs, l| {
                cells.push(Cell {
                    header: name == "th",
                    width: attrs
                        .iter()
                        .find(|(k, _)| k == "width")
                        .and_then(|(_, v)| parse_width(v)),
                    blocks: p.flow(Some((name, l)))?,
                });
                Ok(())
            })?;
            rows.push(cells);
            Ok(())
        })?;
        Ok(rows)
    }

    fn inline_until(&mut self, tag: &str, at: Pos) -> Result<Vec<Inline>, MarkupError> {
        let mut b = InlineBuilder::default();
        self.inline_children(tag, at, &mut b, InlineStyle::default())?;
        Ok(b.finish())
    }

    fn inline_children(
        &mut self,
        tag: &str,
        at: Pos,
        b: &mut InlineBuilder,
        style: InlineStyle,
    ) -> Result<(), MarkupError> {
        loop {
            let tok = self.next().ok_or_else(|| self.unclosed(tag, at))?;
            if matches!(&tok.token, Token::Close(n) if n == tag) {
                return Ok(());
            }
            self.inline_token(tok, b, style.clone())?;
        }
    }

    fn inline_token(
        &mut self,
        tok: &'a Tok,
        b: &mut InlineBuilder,
        style: InlineStyle,
    ) -> Result<(), MarkupError> {
        match &tok.token {
            Token::Text(t) => b.push_text(t, &style),
            Token::Open {
                name,
                attrs,
                self_closing,
            } => {
                let (class, href) = check_attrs(name, attrs, tok.at)?;
                let mut inner = style;
                match name.as_str() {
                    "br" => {
                        b.push_break();
                        return Ok(());
                    }
                    "b" => inner.bold = true,
                    "i" => inner.italic = true,
                    "sup" => inner.sup = true,
                    "span" => {
                        inner.muted |= class.is_some();
                        if matches!(class.as_deref(), Some("attribution" | "role")) {
                            inner.plain = true;
                            inner.bold = false;
                            inner.italic = false;
                        }
                    }
                    "a" => inner.link = href,
                    _ if BLOCK_TAGS.contains(&name.as_str()) || name == "th" || name == "td" => {
                        return Err(MarkupError::new(
                            tok.at,
                            format!("block <{name}> is not allowed inside a paragraph, heading or inline element"),
                        ))
                    }
                    _ => {
                        return Err(MarkupError::new(tok.at, format!("unknown tag <{name}>")))
                    }
                }
                if !*self_closing {
                    self.inline_children(name, tok.at, b, inner)?;
                }
            }
            Token::Close(name) => {
                return Err(MarkupError::new(
                    tok.at,
                    format!("unexpected closing tag </{name}>"),
                ))
            }
        }
        Ok(())
    }
}

fn flush(inline: &mut InlineBuilder, blocks: &mut Vec<Block>) {
    let content = std::mem::take(inline).finish();
    if !content.is_empty() {
        blocks.push(Block::Para {
            class: ParaClass::Body,
            content,
        });
    }
}

fn describe(t: &Token) -> String {
    match t {
        Token::Text(s) => format!("text \"{}\"", s.trim().chars().take(30).collect::<String>()),
        Token::Open { name, .. } => format!("<{name}>"),
        Token::Close(name) => format!("</{name}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markup::tokenize;

    fn parse_str(s: &str) -> Result<Vec<Block>, MarkupError> {
        parse(&tokenize(s)?)
    }

    #[test]
    fn builds_nested_blocks() {
        let blocks = parse_str(
            "<div class=\"bottom-line\"><h2>Bottom line</h2><p>A <b>b</b><sup>1</sup></p></div>\n\
             <ul><li>one</li><li><p>two</p><ol><li>x</li></ol></li></ul>\n\
             <table><tr><th width=\"10%\">No.</th><th>T</th></tr><tr><td>1</td><td>t</td></tr></table>",
        )
        .unwrap();
        assert_eq!(blocks.len(), 3);
        assert!(
            matches!(&blocks[0], Block::Div { class: DivClass::BottomLine, blocks } if blocks.len() == 2)
        );
        let Block::List { items, .. } = &blocks[1] else {
            panic!()
        };
        assert_eq!(items[1].len(), 2);
        let Block::Table(rows) = &blocks[2] else {
            panic!()
        };
        assert_eq!(rows[0][0].width, Some(0.1));
        assert!(rows[0][1].header && !rows[1][0].header);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("<p>a</p>\n<p>b<div>x</div></p>", 2, "not allowed"),
            ("<p>a\n\n<blink>x</blink></p>", 3, "unknown tag <blink>"),
            ("<p id=\"x\">a</p>", 1, "unknown attribute"),
            ("<ul>\n<p>x</p></ul>", 2, "only <li>"),
            ("<p>a</b></p>", 1, "unexpected closing tag"),
            ("\n<blockquote><p>a</p>", 2, "never closed"),
            ("<td width=\"wide\">x</td>", 1, "percentage"),
        ];
        for (src, at, needle) in cases {
            let e = parse_str(src).unwrap_err();
            assert_eq!(e.line, at, "{src}: {e:?}");
            assert!(e.message.contains(needle), "{src}: {}", e.message);
        }
    }
}
