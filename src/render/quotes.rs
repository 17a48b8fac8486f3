//! Smart quotes: the straight `"` and `'` of article text set as the curly marks of the
//! language, as Typst's smart quotes do, while inch marks and apostrophes stay as written.
//!
//! The text is read as one stream of characters (a block's inline runs together, so a quote may
//! open in one style and close in another), keeping a stack of the quotes open at each point.
//! Curly marks already in the text count: `“` and `«` open a double quote, `”` and `»` close
//! one, `‘` opens a single quote and `’` closes one when it stands where a closing `'` would
//! (below), otherwise it is an apostrophe.
//!
//! * A straight `"` **opens** after the start of the text, whitespace, an opening bracket, a dash
//!   or another opening quote. It is set as a double quote, or as a single quote when the quote
//!   it opens inside is a double one: the convention of English (“He called it ‘no illusions’”),
//!   so a `"` inside the templates' “…” around a statement is a nested quote, ‘…’.
//! * Anywhere else a `"` **closes** the innermost open quote, with that quote's mark (a closing
//!   double mark when nothing is open) — except right after a digit when the innermost open quote
//!   was not opened by a straight `"`: that is an inch mark (`a 12" pipe`) and stays straight.
//! * A straight `'` **opens** a single quote only at a word start (after the start, whitespace, an
//!   opening bracket, a dash or an opening quote) and before a letter. It **closes** after a
//!   letter or punctuation when the innermost open quote is a single one opened by `'` or `‘`
//!   and what follows is whitespace, punctuation or the end. Any other `'` is left untouched:
//!   apostrophes inside words and names (`don't`, `O'Brien`), elisions (`'90s`) and a plural
//!   possessive with no single quote open (`the players' union`).
//! * A quote right after a bracket glued to a word is code (`alert('x')`, `row["id"]`): it and
//!   the mark that closes it stay straight.
//!
//! The marks come from [`Marks`]: English (“ ” ‘ ’) by default, German („ “ ‚ ‘) and French
//! (« » ‹ › inside narrow no-break spaces) by language code. A brief has no language yet, so the
//! renderer sets English.

/// The opening and closing marks of a language's double and single quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// Double quote: opening, closing.
    pub double: (&'static str, &'static str),
    /// Single (nested) quote: opening, closing.
    pub single: (&'static str, &'static str),
}

/// English: “double” and ‘single’.
pub const ENGLISH: Marks = Marks {
    double: ("“", "”"),
    single: ("‘", "’"),
};

impl Default for Marks {
    fn default() -> Self {
        ENGLISH
    }
}

impl Marks {
    /// The marks of an ISO 639-1 language code (`de`, `fr`; region subtags ignored), English for
    /// any other.
    pub fn for_language(code: &str) -> Marks {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "de" => Marks {
                double: ("„", "“"),
                single: ("‚", "‘"),
            },
            "fr" => Marks {
                double: ("«\u{202f}", "\u{202f}»"),
                single: ("‹\u{202f}", "\u{202f}›"),
            },
            _ => ENGLISH,
        }
    }
}

/// Double or single.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
    /// A quote in code (`alert('x')`): both marks stay straight.
    Code,
}

/// An open quote: how it is set and which mark opened it.
#[derive(Debug, Clone, Copy)]
struct Open {
    kind: Kind,
    /// The mark in the text: `"`, `'`, or a curly one.
    by: char,
}

/// Whether a quote may open after `prev` (`prev_opens`: it was a straight mark set as an
/// opening one).
fn opens_after(prev: Option<char>, prev_opens: bool) -> bool {
    prev_opens || prev.is_none_or(|p| p.is_whitespace() || "([{-‐–—“‘«„‚‹".contains(p))
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || "…”’»›–—".contains(c)
}

/// Where a `'` or `’` may close: after a letter or punctuation, before whitespace, punctuation
/// or the end.
fn closing_position(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_alphabetic() || is_punct(p))
        && next.is_none_or(|n| n.is_whitespace() || is_punct(n))
}

/// What each straight quote of `chars` becomes: `(index, replacement)` in text order; every
/// character not listed stays as it is.
pub fn replacements(chars: &[char], marks: &Marks) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let prev_opens = out
            .last()
            .is_some_and(|&(at, r)| at + 1 == i && is_opening(marks, r));
        let next = chars.get(i + 1).copied();
        let top = stack.last().copied();
        let single_open = top.is_some_and(|o| o.by == '\'' || o.by == '‘');
        match c {
            '“' | '«' => stack.push(Open {
                kind: Kind::Double,
                by: c,
            }),
            '‘' => stack.push(Open {
                kind: Kind::Single,
                by: c,
            }),
            '”' | '»' => {
                // Up to and including the innermost curly double quote, if any.
                let at = stack.iter().rposition(|o| o.by == '“' || o.by == '«');
                stack.truncate(at.unwrap_or(stack.len().saturating_sub(1)));
            }
            '’' if single_open && closing_position(prev, next) => {
                stack.pop();
            }
            '"' if opens_after(prev, prev_opens) => {
                let kind = match top {
                    _ if in_code(chars, i) => Kind::Code,
                    Some(o) if o.kind == Kind::Double => Kind::Single,
                    _ => Kind::Double,
                };
                stack.push(Open { kind, by: '"' });
                out.extend(mark(marks, kind, true).map(|m| (i, m)));
            }
            '"' => {
                let inch = prev.is_some_and(|p| p.is_ascii_digit());
                if inch && top.is_none_or(|o| o.by != '"') {
                    continue;
                }
                let kind = stack.pop().map_or(Kind::Double, |o| o.kind);
                out.extend(mark(marks, kind, false).map(|m| (i, m)));
            }
            '\'' if opens_after(prev, prev_opens) && next.is_some_and(char::is_alphabetic) => {
                let kind = match in_code(chars, i) {
                    true => Kind::Code,
                    false => Kind::Single,
                };
                stack.push(Open { kind, by: '\'' });
                out.extend(mark(marks, kind, true).map(|m| (i, m)));
            }
            '\'' if single_open && closing_position(prev, next) => {
                let kind = stack.pop().map_or(Kind::Single, |o| o.kind);
                out.extend(mark(marks, kind, false).map(|m| (i, m)));
            }
            _ => {}
        }
    }
    out
}

fn is_opening(marks: &Marks, mark: &str) -> bool {
    mark == marks.double.0 || mark == marks.single.0
}

/// The opening or closing mark of `kind`; `None` for code.
fn mark(marks: &Marks, kind: Kind, open: bool) -> Option<&'static str> {
    let (o, c) = match kind {
        Kind::Double => marks.double,
        Kind::Single => marks.single,
        Kind::Code => return None,
    };
    Some(if open { o } else { c })
}

/// Whether the quote at `i` follows a bracket glued to a word, as in code: `alert('x')`,
/// `f("a")`, `row["id"]`.
fn in_code(chars: &[char], i: usize) -> bool {
    i >= 2
        && matches!(chars[i - 1], '(' | '[')
        && (chars[i - 2].is_alphanumeric() || chars[i - 2] == '_')
}

/// `text` with its straight quotes set as `marks` ([`replacements`]).
pub fn curl(text: &str, marks: &Marks) -> String {
    if !text.contains(['"', '\'']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut reps = replacements(&chars, marks).into_iter().peekable();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in chars.into_iter().enumerate() {
        match reps.next_if(|&(at, _)| at == i) {
            Some((_, r)) => out.push_str(r),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(s: &str) -> String {
        curl(s, &ENGLISH)
    }

    #[test]
    fn double_quotes_open_and_close() {
        assert_eq!(
            en(r#"He had "no illusions" about "Star Trek"."#),
            "He had “no illusions” about “Star Trek”."
        );
        assert_eq!(en(r#""Go," he said."#), "“Go,” he said.");
        assert_eq!(en(r#"(“a” and "b")"#), "(“a” and “b”)");
        assert_eq!(en(r#"talks—"soon""#), "talks—“soon”");
    }

    #[test]
    fn a_straight_quote_inside_a_double_one_is_single() {
        assert_eq!(
            en(r#"“He called it "no illusions" again”"#),
            "“He called it ‘no illusions’ again”"
        );
        assert_eq!(en(r#""a "b" c""#), "“a ‘b’ c”");
        // After the curly quote closes, the next one is a double quote again.
        assert_eq!(en(r#"“x” "y""#), "“x” “y”");
        assert_eq!(en(r#"'He said "go"'"#), "‘He said “go”’");
    }

    #[test]
    fn inches_stay_straight() {
        assert_eq!(en(r#"a 12" pipe"#), r#"a 12" pipe"#);
        assert_eq!(en(r#"“a 12" pipe”"#), r#"“a 12" pipe”"#);
        // A quote opened by a straight mark closes after a digit.
        assert_eq!(
            en(r#"he said "take 5" and left"#),
            "he said “take 5” and left"
        );
    }

    #[test]
    fn apostrophes_stay_as_written() {
        for s in [
            "O'Brien said",
            "they don't",
            "the '90s",
            "the players' union",
            "rock'n'roll",
            "Ngũgĩ wa Thiong'o",
        ] {
            assert_eq!(en(s), s);
        }
        assert_eq!(en("'O'Brien won't,' she said"), "‘O'Brien won't,’ she said");
        assert_eq!(en("the 'players' union' vote"), "the ‘players’ union' vote");
    }

    #[test]
    fn code_stays_straight() {
        for s in [r#"alert('x')"#, r#"f("a")"#, r#"row["id"] = 1"#] {
            assert_eq!(en(s), s);
        }
        assert_eq!(en(r#"“run alert('x') now”"#), "“run alert('x') now”");
        assert_eq!(en(r#"(“no”) and ("yes")"#), "(“no”) and (“yes”)");
    }

    #[test]
    fn single_quotes_open_at_word_starts() {
        assert_eq!(en("called it 'no deal'."), "called it ‘no deal’.");
        assert_eq!(
            en(r#""It is 'final'," he said"#),
            "“It is ‘final’,” he said"
        );
        assert_eq!(en(r#""'Brexit' means""#), "“‘Brexit’ means”");
        // A curly apostrophe inside a curly single quote is not its close.
        assert_eq!(en("‘don’t go’ and 'x'"), "‘don’t go’ and ‘x’");
    }

    #[test]
    fn no_straight_quote_leaves_the_text_alone() {
        assert_eq!(en("“Already” curly"), "“Already” curly");
        assert_eq!(en(""), "");
        // A stray closing quote with nothing open is a closing double mark.
        assert_eq!(en(r#"said." He"#), "said.” He");
    }

    #[test]
    fn languages() {
        let de = Marks::for_language("de-AT");
        assert_eq!(
            curl(r#"Er sagte "ja 'bitte'""#, &de),
            "Er sagte „ja ‚bitte‘“"
        );
        let fr = Marks::for_language("fr");
        assert_eq!(curl(r#"dit "oui""#, &fr), "dit «\u{202f}oui\u{202f}»");
        assert_eq!(Marks::for_language("en"), ENGLISH);
        assert_eq!(Marks::for_language("xx"), ENGLISH);
        assert_eq!(Marks::default(), ENGLISH);
    }
}
