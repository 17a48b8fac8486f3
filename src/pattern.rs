//! The analysis's regular expressions with two engines behind one face: regex-lite, built in
//! microseconds, and the regex crate, whose automata take milliseconds to build but search
//! many times faster.
//!
//! A run of a few articles never pays for building the fast engine: every search goes to
//! regex-lite. A large batch, the evaluation and the desktop app call [`Pattern::warm`] once on
//! a spare thread; from then on searches go to the regex crate. Both engines give the same
//! matches and groups for the patterns the analysis writes (leftmost-first, the same greedy and
//! lazy order, ASCII `\b`): the only syntax regex-lite reads differently, `\s` (ASCII there,
//! Unicode in the regex crate), is written out as a class for it, and the tests of each pattern
//! compare the two engines on the same texts.

use std::ops::Range;
use std::sync::OnceLock;

/// Unicode white space beyond ASCII's, added wherever the pattern says `\s` for regex-lite.
const WIDE_SPACE: &str =
    r"\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// A regular expression searched by whichever engine is ready (see the module documentation).
#[derive(Debug)]
pub struct Pattern {
    /// The pattern in the regex crate's syntax, for building the fast engine.
    source: String,
    /// The engine built at once.
    lite: regex_lite::Regex,
    /// The fast engine, once [`Pattern::warm`] has built it.
    full: OnceLock<regex::Regex>,
    /// Each group's name, by index (`None` for group 0 and unnamed groups).
    names: Vec<Option<String>>,
}

/// Why a pattern cannot be built.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(String);

/// One group of a match: where it is and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'t> {
    hay: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Found<'t> {
    /// Where the group starts in the text searched.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Where the group ends in the text searched.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The group's span in the text searched.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the group holds.
    pub fn as_str(&self) -> &'t str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match (group 0 is the whole match).
#[derive(Debug, Clone)]
pub struct Groups<'p, 't> {
    hay: &'t str,
    spans: Vec<Option<(usize, usize)>>,
    names: &'p [Option<String>],
}

impl<'t> Groups<'_, 't> {
    /// Group `i`, when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Found<'t>> {
        let (start, end) = (*self.spans.get(i)?)?;
        Some(Found {
            hay: self.hay,
            start,
            end,
        })
    }

    /// The group called `name`, when it took part in the match.
    pub fn name(&self, name: &str) -> Option<Found<'t>> {
        let i = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(i)
    }

    /// The whole match.
    pub fn whole(&self) -> Found<'t> {
        self.get(0).expect("group 0 is the match")
    }
}

impl<'t> std::ops::Index<&str> for Groups<'_, 't> {
    type Output = str;

    /// The text of the group called `name`; panics when it did not take part, as the regex
    /// crate's `Captures` does.
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("no group '{name}' in this match"))
            .as_str()
    }
}

/// Which engine of the patterns to build ahead of their first search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// regex-lite (microseconds a pattern): what a run of a few articles searches with.
    Lite,
    /// The regex crate's automata too (milliseconds): worth it before a large batch.
    Fast,
}

impl Pattern {
    /// Builds the pattern `source` (regex crate syntax) for regex-lite; the fast engine waits
    /// for [`Pattern::warm`].
    pub fn new(source: &str) -> Result<Pattern, PatternError> {
        let lite =
            regex_lite::Regex::new(&for_lite(source)).map_err(|e| PatternError(e.to_string()))?;
        let names = lite.capture_names().map(|n| n.map(String::from)).collect();
        Ok(Pattern {
            source: source.to_string(),
            lite,
            full: OnceLock::new(),
            names,
        })
    }

    /// The pattern in the regex crate's syntax.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Builds `engine` now (regex-lite is built with the pattern; the fast engine on request).
    pub fn prepare(&self, engine: Engine) {
        if engine == Engine::Fast {
            self.warm();
        }
    }

    /// Builds the fast engine (milliseconds); searches use it from then on.
    pub fn warm(&self) {
        self.full.get_or_init(|| {
            regex::RegexBuilder::new(&self.source)
                // Big enough to keep the lazy DFA's states between articles.
                .dfa_size_limit(16 << 20)
                .build()
                .expect("a pattern regex-lite accepts is valid regex syntax")
        });
    }

    /// The first match at or after byte `at` of `hay` (look-behind sees `hay` before `at`),
    /// with its groups.
    pub fn captures_at<'t>(&self, hay: &'t str, at: usize) -> Option<Groups<'_, 't>> {
        let spans = match self.full.get() {
            Some(full) => {
                let mut locs = full.capture_locations();
                full.captures_read_at(&mut locs, hay, at)?;
                (0..locs.len()).map(|i| locs.get(i)).collect()
            }
            None => {
                let mut locs = self.lite.capture_locations();
                self.lite.captures_read_at(&mut locs, hay, at)?;
                (0..locs.len()).map(|i| locs.get(i)).collect()
            }
        };
        Some(Groups {
            hay,
            spans,
            names: &self.names,
        })
    }

    /// The first match in `hay`, with its groups.
    pub fn captures<'t>(&self, hay: &'t str) -> Option<Groups<'_, 't>> {
        self.captures_at(hay, 0)
    }

    /// The span of the first match at or after byte `at` of `hay`.
    pub fn find_at(&self, hay: &str, at: usize) -> Option<Range<usize>> {
        match self.full.get() {
            Some(full) => full.find_at(hay, at).map(|m| m.range()),
            None => self.lite.find_at(hay, at).map(|m| m.range()),
        }
    }

    /// The span of the first match in `hay`.
    pub fn find(&self, hay: &str) -> Option<Range<usize>> {
        self.find_at(hay, 0)
    }
}

/// `source` in regex-lite's terms: `\s` as the class of Unicode white space, `(?-u:\b)` (the
/// ASCII word boundary) as regex-lite's `\b`, which is ASCII.
fn for_lite(source: &str) -> String {
    let source = source.replace(r"(?-u:\b)", r"\b");
    let mut out = String::with_capacity(source.len() + 64);
    let mut in_class = false;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().unwrap_or('\\');
                match (next, in_class) {
                    ('s', true) => out.push_str(&format!(r"\s{WIDE_SPACE}")),
                    ('s', false) => out.push_str(&format!(r"[\s{WIDE_SPACE}]")),
                    _ => {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal, not the end of the class.
                if chars.peek() == Some(&'^') {
                    out.extend(chars.next());
                }
                if chars.peek() == Some(&']') {
                    out.extend(chars.next());
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

pub mod alternation;

#[cfg(test)]
pub(crate) mod testing;
