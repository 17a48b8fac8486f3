//! Lexer of *brief markup*, the closed HTML subset templates produce: tags, text, entities.
//!
//! It only splits the markup into tokens (with 1-based line numbers) and decodes character
//! references; which tags and attributes are allowed where is decided by [`super::blocks`].
//! Anything that is not plain text, a tag or a comment is an error, never skipped.

/// A place in the rendered markup: 1-based line and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// Byte offset from the start of the markup.
    pub offset: usize,
}

impl Pos {
    /// The position `offset` bytes into `src`.
    pub fn of(src: &str, offset: usize) -> Pos {
        Pos {
            line: count_lines(&src[..offset]) + 1,
            offset,
        }
    }
}

/// A lexing or structure error: where in the rendered markup and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Line of the rendered markup.
    pub line: usize,
    /// Byte offset of the offending token in the rendered markup (traced back to the template
    /// line by [`super::origin`]).
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl MarkupError {
    /// An error at `at`.
    pub fn new(at: Pos, message: impl Into<String>) -> Self {
        MarkupError {
            line: at.line,
            offset: at.offset,
            message: message.into(),
        }
    }
}

/// One token of brief markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Text with character references decoded (whitespace as written).
    Text(String),
    /// `<name attr="value">`, or `<name/>` when `self_closing`.
    Open {
        /// Lower-case tag name.
        name: String,
        /// Attributes in order, values decoded.
        attrs: Vec<(String, String)>,
        /// Written as `<name/>`.
        self_closing: bool,
    },
    /// `</name>`.
    Close(String),
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// The token.
    pub token: Token,
    /// Its first character.
    pub at: Pos,
}

/// Splits markup into tokens; comments (`<!-- … -->`) are dropped.
pub fn tokenize(src: &str) -> Result<Vec<Tok>, MarkupError> {
    let mut out = Vec::new();
    let mut rest = src;
    let mut line = 1;
    while !rest.is_empty() {
        let start = Pos {
            line,
            offset: src.len() - rest.len(),
        };
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after
                .find("-->")
                .ok_or_else(|| MarkupError::new(start, "unterminated comment"))?;
            line += count_lines(&rest[..4 + end + 3]);
            rest = &after[end + 3..];
        } else if rest.starts_with('<') {
            let end = tag_end(rest)
                .ok_or_else(|| MarkupError::new(start, "unterminated tag (missing '>')"))?;
            let tag = &rest[..=end];
            line += count_lines(tag);
            out.push(Tok {
                token: parse_tag(tag, start)?,
                at: start,
            });
            rest = &rest[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            line += count_lines(text);
            out.push(Tok {
                token: Token::Text(decode_entities(text, start)?),
                at: start,
            });
            rest = &rest[end..];
        }
    }
    Ok(out)
}

fn count_lines(s: &str) -> usize {
    s.bytes().filter(|b| *b == b'\n').count()
}

/// Index of the `>` closing the tag that starts `s`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

fn parse_tag(tag: &str, at: Pos) -> Result<Token, MarkupError> {
    let inner = &tag[1..tag.len() - 1];
    if let Some(name) = inner.strip_prefix('/') {
        let name = name.trim_end();
        if name.is_empty() || !name.chars().all(is_name_char) {
            return Err(MarkupError::new(at, format!("malformed closing tag {tag}")));
        }
        return Ok(Token::Close(name.to_ascii_lowercase()));
    }
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(MarkupError::new(
            at,
            format!("unknown markup {tag} (a literal '<' must be written &lt;)"),
        ));
    }
    let (body, self_closing) = match inner.trim_end().strip_suffix('/') {
        Some(b) => (b, true),
        None => (inner, false),
    };
    let name_len = body.find(|c: char| !is_name_char(c)).unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    let mut rest = &body[name_len..];
    let mut attrs = Vec::new();
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        if trimmed.len() == rest.len() {
            return Err(MarkupError::new(at, format!("malformed tag {tag}")));
        }
        let key_len = trimmed
            .find(|c: char| !is_name_char(c))
            .unwrap_or(trimmed.len());
        if key_len == 0 {
            return Err(MarkupError::new(
                at,
                format!("malformed attribute in {tag}"),
            ));
        }
        let key = trimmed[..key_len].to_ascii_lowercase();
        let after_key = trimmed[key_len..].trim_start();
        let Some(after_eq) = after_key.strip_prefix('=') else {
            attrs.push((key, String::new()));
            rest = after_key;
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (raw, remaining) = match after_eq.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = after_eq[1..].find(q).ok_or_else(|| {
                    MarkupError::new(at, format!("unterminated attribute value in {tag}"))
                })?;
                (&after_eq[1..=close], &after_eq[close + 2..])
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        attrs.push((key, decode_entities(raw, at)?));
        rest = remaining;
    }
    Ok(Token::Open {
        name,
        attrs,
        self_closing,
    })
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "middot" => '·',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Decodes `&amp;`-style references. A bare `&` that starts no reference stays literal; a
/// well-formed but unknown reference (`&foo;`) is an error.
/// `at` is where `text` starts; errors point at the offending `&`.
pub fn decode_entities(text: &str, at: Pos) -> Result<String, MarkupError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut line = at.line;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        line += count_lines(&rest[..pos]);
        let here = Pos {
            line,
            offset: at.offset + (text.len() - rest.len()) + pos,
        };
        let after = &rest[pos + 1..];
        let semi = after.find(';').filter(|&i| i > 0 && i <= 12).filter(|&i| {
            after[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '#')
        });
        let Some(semi) = semi else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..semi];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            named_entity(name)
        };
        let c = decoded.ok_or_else(|| {
            MarkupError::new(here, format!("unknown character reference &{name};"))
        })?;
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_lines() {
        let toks = tokenize("<p class=\"meta\">A &amp; B</p>\n<!-- c\n -->\n<br/>").unwrap();
        assert_eq!(
            toks[0].token,
            Token::Open {
                name: "p".into(),
                attrs: vec![("class".into(), "meta".into())],
                self_closing: false
            }
        );
        assert_eq!(toks[1].token, Token::Text("A & B".into()));
        assert_eq!(toks[2].token, Token::Close("p".into()));
        let br = toks.last().unwrap();
        assert_eq!(br.at.line, 4);
        assert_eq!(
            br.at.offset,
            "<p class=\"meta\">A &amp; B</p>\n<!-- c\n -->\n".len()
        );
        assert!(matches!(
            br.token,
            Token::Open {
                self_closing: true,
                ..
            }
        ));
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities(
                "&lt;script&gt; &#39;x&#39; &#8220;&#x201D; R&D",
                Pos::default()
            )
            .unwrap(),
            "<script> 'x' “” R&D"
        );
        let at = Pos {
            line: 3,
            offset: 10,
        };
        let e = decode_entities("ok\n &bogus;", at).unwrap_err();
        assert_eq!((e.line, e.offset), (4, 14));
    }

    #[test]
    fn stray_angle_bracket_is_an_error() {
        assert!(tokenize("a < b>").is_err());
        assert!(tokenize("<p").is_err());
    }
}
