//! Matching by hand for the short patterns of ingest and analyze (dates, datelines, wire tags,
//! when a statement was made): the regex crate's semantics without compiling a regex in every
//! process.
//!
//! A pattern piece at a position gives its possible end positions in the order a backtracking
//! regex tries them ([`Ends`]): greedy repetitions longest first, lazy ones shortest first,
//! optional pieces present first. [`then`] chains pieces, so the first end of a whole pattern is
//! the regex's leftmost-first match from that position. `\s` is Unicode white space, as in the
//! regex crate; `\d` is an ASCII digit (a date written in other digits never parsed anyway);
//! `\b` is the ASCII word boundary the patterns asked for with `(?-u:\b)`.

/// End positions of a piece, most preferred first.
pub type Ends = Vec<usize>;

/// No upper bound on a repetition (`*`, `+`).
pub const MANY: usize = usize::MAX;

/// Whether `b` is an ASCII word byte (letter, digit, underscore).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether there is an ASCII word boundary at byte `i` of `s` (`(?-u:\b)`).
pub fn boundary(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let before = i > 0 && b.get(i - 1).is_some_and(|&c| is_word_byte(c));
    let after = b.get(i).is_some_and(|&c| is_word_byte(c));
    before != after
}

/// `\d`: an ASCII digit.
pub fn digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// `\s`: Unicode white space.
pub fn space(c: char) -> bool {
    c.is_whitespace()
}

/// Between `min` and `max` characters satisfying `f` from `i`, greedy: longest first.
pub fn repeat(s: &str, i: usize, min: usize, max: usize, f: impl Fn(char) -> bool) -> Ends {
    let mut ends = Vec::new();
    let mut at = i;
    if min == 0 {
        ends.push(i);
    }
    for (n, c) in s.get(i..).unwrap_or("").chars().take(max).enumerate() {
        if !f(c) {
            break;
        }
        at += c.len_utf8();
        if n + 1 >= min {
            ends.push(at);
        }
    }
    ends.reverse();
    ends
}

/// `\s+`: a run of white space, longest first.
pub fn spaces(s: &str, i: usize) -> Ends {
    repeat(s, i, 1, MANY, space)
}

/// The same repetition, lazy: shortest first.
pub fn repeat_lazy(s: &str, i: usize, min: usize, max: usize, f: impl Fn(char) -> bool) -> Ends {
    let mut ends = repeat(s, i, min, max, f);
    ends.reverse();
    ends
}

/// One character satisfying `f`.
pub fn one(s: &str, i: usize, f: impl Fn(char) -> bool) -> Ends {
    repeat(s, i, 1, 1, f)
}

/// The literal `lit`.
pub fn lit(s: &str, i: usize, lit: &str) -> Ends {
    if s.get(i..).is_some_and(|rest| rest.starts_with(lit)) {
        vec![i + lit.len()]
    } else {
        Vec::new()
    }
}

/// The literal `lit` in any ASCII case.
pub fn lit_nocase(s: &str, i: usize, lit: &str) -> Ends {
    let b = s.as_bytes();
    match b.get(i..i + lit.len()) {
        Some(head) if head.eq_ignore_ascii_case(lit.as_bytes()) => vec![i + lit.len()],
        _ => Vec::new(),
    }
}

/// A piece followed by the rest: for each end of `first` in order, the ends of `rest` from there.
pub fn then(first: Ends, rest: impl Fn(usize) -> Ends) -> Ends {
    first.into_iter().flat_map(rest).collect()
}

/// An optional piece, greedy: its ends, then `i` itself.
pub fn opt(i: usize, piece: impl Fn(usize) -> Ends) -> Ends {
    let mut ends = piece(i);
    ends.push(i);
    ends
}

/// A piece repeated up to `max` times, greedy: as many as can be, the last repetition given
/// back first (`(?:piece){0,max}`; the piece never matches empty).
pub fn repeat_piece(i: usize, max: usize, piece: &dyn Fn(usize) -> Ends) -> Ends {
    let mut ends = Vec::new();
    if max > 0 {
        for a in piece(i).into_iter().filter(|&a| a > i) {
            ends.extend(repeat_piece(a, max - 1, piece));
        }
    }
    ends.push(i);
    ends
}

/// The ends of `ends` where an ASCII word boundary holds.
pub fn at_boundary(s: &str, ends: Ends) -> Ends {
    ends.into_iter().filter(|&e| boundary(s, e)).collect()
}

/// Every non-overlapping leftmost match of `at` in `s`, as a regex's `find_iter` gives them:
/// tried at each character from the left, the search going on after each match.
pub fn find_iter<M>(s: &str, at: impl Fn(usize) -> Option<(usize, M)>) -> Vec<(usize, usize, M)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i <= s.len() {
        match at(i).filter(|(end, _)| *end > i) {
            Some((end, m)) => {
                out.push((i, end, m));
                i = end;
            }
            None => i += s[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// Strings for checking a hand matcher against the regex it replaces: one of `forms` (its pieces
/// joined), with up to three pieces changed, left out or added from `pieces` (near misses);
/// `n` strings, the same on every run.
#[cfg(test)]
pub fn near_misses(forms: &[&[&str]], pieces: &[&str], n: usize) -> Vec<String> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    (0..n)
        .map(|_| {
            let mut t: Vec<&str> = forms[next(forms.len())].to_vec();
            for _ in 0..next(4) {
                let at = next(t.len() + 1);
                match next(3) {
                    0 if at < t.len() => t[at] = pieces[next(pieces.len())],
                    1 if at < t.len() => {
                        t.remove(at);
                    }
                    _ => t.insert(at, pieces[next(pieces.len())]),
                }
            }
            t.concat()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repetitions_in_backtracking_order() {
        assert_eq!(repeat("aab", 0, 0, 5, |c| c == 'a'), vec![2, 1, 0]);
        assert_eq!(repeat_lazy("aab", 0, 1, 5, |c| c == 'a'), vec![1, 2]);
        assert_eq!(repeat("aaa", 0, 2, 2, |c| c == 'a'), vec![2]);
        assert_eq!(opt(0, |i| lit("ab", i, "a")), vec![1, 0]);
        assert_eq!(then(vec![2, 1], |e| vec![e * 10]), vec![20, 10]);
    }

    #[test]
    fn ascii_word_boundaries() {
        assert!(boundary("ab cd", 0) && boundary("ab cd", 2) && !boundary("ab cd", 1));
        assert!(!boundary("é", 0), "non-ASCII is not a word character");
        assert!(boundary("2026", 4));
    }
}
