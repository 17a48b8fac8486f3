//! Plain-text articles: a title line, header lines (byline, outlet, date) and paragraphs.
//!
//! Paragraphs are separated by blank lines, and the lines of one paragraph are joined with a
//! space. A body without blank lines has one paragraph per line, unless its lines are clearly
//! hard-wrapped (short, mostly not ending a sentence): then a paragraph ends at a short line that
//! closes a sentence or before an indented line.

use super::meta;
use super::Parsed;

/// Most header lines read after the title.
const MAX_HEADER_LINES: usize = 5;

/// Whether `line` reads like a headline: short, no final period, not a dateline or header.
pub fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    t.chars().any(char::is_alphabetic)
        && t.chars().count() <= 150
        && (1..=16).contains(&words)
        && !t.ends_with(['.', ',', ';', ':'])
        && meta::dateline(t).is_none()
        && meta::header_line(t).is_none_or(|h| !h.strong)
        && !t.starts_with(|c: char| c.is_lowercase())
}

/// Whether `line` underlines a setext title (`=====` or `-----`).
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// Parses a plain-text article.
pub fn parse(text: &str) -> Parsed {
    let lines: Vec<&str> = text.lines().collect();
    let blank = |l: &str| l.trim().is_empty();
    let next_content = |from: usize| (from..lines.len()).find(|&k| !blank(lines[k]));
    let mut out = Parsed::default();
    let Some(mut i) = next_content(0) else {
        return out;
    };

    if looks_like_title(lines[i]) {
        let mut after = i + 1;
        if lines.get(after).is_some_and(|l| is_underline(l)) {
            after += 1;
        }
        if next_content(after).is_some() {
            out.title = Some(lines[i].trim().to_string());
            i = after;
        }
    }

    // Header lines right after the title (any kind), or at the very top ("By …", dates only).
    // A header line stands alone: the next line is blank or another header line.
    for _ in 0..MAX_HEADER_LINES {
        let Some(j) = next_content(i) else { break };
        let alone = lines
            .get(j + 1)
            .is_none_or(|n| blank(n) || meta::header_line(n).is_some());
        match meta::header_line(lines[j]) {
            Some(h) if alone && (out.title.is_some() || h.strong) => {
                out.absorb(&h);
                i = j + 1;
            }
            _ => break,
        }
    }

    out.paragraphs = paragraphs(&lines[i..]);
    out
}

/// Splits body lines into paragraphs (see the module docs).
pub fn paragraphs(lines: &[&str]) -> Vec<String> {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(start), Some(end)) = (start, end) else {
        return Vec::new();
    };
    let body = &lines[start..=end];
    let has_blank = body.iter().any(|l| l.trim().is_empty());
    if has_blank {
        return body
            .split(|l| l.trim().is_empty())
            .filter(|b| !b.is_empty())
            .map(join)
            .collect();
    }
    if !is_hard_wrapped(body) {
        return body.iter().map(|l| l.trim().to_string()).collect();
    }
    let width = body
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for (k, line) in body.iter().enumerate() {
        cur.push(line);
        let next_indented = body
            .get(k + 1)
            .is_some_and(|n| n.starts_with([' ', '\t']) && !line.starts_with([' ', '\t']));
        let t = line.trim_end();
        let closes = t.ends_with(['.', '!', '?', '"', '”', ':']);
        let short = t.chars().count() * 4 < width * 3;
        if next_indented || (closes && short) {
            out.push(join(&cur));
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(join(&cur));
    }
    out
}

/// Lines of at most ~100 characters of which most do not end a sentence: wrapped prose.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    let longest = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let open = lines
        .iter()
        .filter(|l| !l.trim_end().ends_with(['.', '!', '?', '"', '”', ':']))
        .count();
    longest <= 100 && open * 10 >= lines.len() * 6
}

fn join(lines: &[&str]) -> String {
    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_header_and_blocks() {
        let p = parse(
            "Talks stall in Geneva\nBy Jane Doe\nNorthbridge Wire | 26 Nov 2026\n\nGENEVA — Talks\nstalled.\n\nSecond one.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Talks stall in Geneva"));
        assert_eq!(p.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(p.outlet.as_deref(), Some("Northbridge Wire"));
        assert_eq!(
            p.published.map(|d| d.to_string()).as_deref(),
            Some("2026-11-26")
        );
        assert_eq!(p.paragraphs, vec!["GENEVA — Talks stalled.", "Second one."]);
    }

    #[test]
    fn no_title_when_first_line_is_a_sentence() {
        let p = parse("ISLAMABAD: Rubio said so.\nHe added more.\n");
        assert_eq!(p.title, None);
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn hard_wrapped_without_blank_lines() {
        let lines = [
            "The ministers met on Tuesday in a long session that ran",
            "well past midnight, officials said, and ended without any",
            "agreement on the disputed quotas.",
            "A second round is planned for next week in the capital, where",
            "delegations will meet again under the same chairmanship and",
            "rules.",
        ];
        let ps = paragraphs(&lines);
        assert_eq!(ps.len(), 2, "{ps:?}");
        assert!(ps[0].ends_with("disputed quotas."));
    }
}
