//! The lines of a PDF page as placed (baseline, left and right edges, size) in reading order:
//! split into columns at a gutter, with a blank line at each paragraph break.

/// A line of the page as placed: baseline, left edge, font size, right edge, text.
#[derive(Clone, Default)]
pub struct Line {
    /// Baseline.
    pub y: f32,
    /// Left edge.
    pub x: f32,
    /// Font size (the em, scaled to the page).
    pub size: f32,
    /// Right edge.
    pub end: f32,
    /// The text.
    pub text: String,
}

/// The texts of the page's lines column by column, with blank lines at paragraph breaks.
pub fn reading_order(lines: Vec<Line>) -> Vec<String> {
    let mut out = Vec::new();
    for column in columns(lines) {
        // A column break ends a paragraph only where the text ends a sentence.
        let ends = out
            .last()
            .is_some_and(|l: &String| l.ends_with(['.', '!', '?', '”', '"']));
        if ends {
            out.push(String::new());
        }
        out.extend(with_breaks(&column));
    }
    out
}

/// The page's lines in reading order: lines spanning the page (a headline over two columns)
/// first, then the left column, then the right one, when the lines split at a gutter into two
/// columns of at least a quarter of the lines each; else the lines as they are. Content streams
/// that interleave the two columns line by line come out column by column.
fn columns(lines: Vec<Line>) -> Vec<Vec<Line>> {
    let n = lines.len();
    let tolerance = |l: &Line| l.size.max(1.0) * 0.5;
    let mut best: Option<(f32, usize)> = None;
    for cand in &lines {
        let split = cand.x;
        let left = lines
            .iter()
            .filter(|l| l.end <= split - tolerance(l))
            .count();
        let right = lines.iter().filter(|l| l.x >= split - tolerance(l)).count();
        let Some(spanning) = n.checked_sub(left + right) else {
            continue;
        };
        let ok = left * 4 >= n && right * 4 >= n && spanning * 5 <= n;
        if ok && best.is_none_or(|(_, s)| spanning < s) {
            best = Some((split, spanning));
        }
    }
    let Some((split, _)) = best else {
        return vec![lines];
    };
    let (mut head, mut left, mut right) = (Vec::new(), Vec::new(), Vec::new());
    for l in lines {
        if l.x >= split - tolerance(&l) {
            right.push(l);
        } else if l.end <= split - tolerance(&l) {
            left.push(l);
        } else {
            head.push(l);
        }
    }
    [head, left, right]
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect()
}

/// Line texts with a blank line before a line whose gap above is over 1.4 times the usual
/// spacing, or whose left edge is indented past the usual margin (a first-line indent).
fn with_breaks(lines: &[Line]) -> Vec<String> {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let usual = gaps.get(gaps.len() / 3).copied().unwrap_or(0.0);
    let mut lefts: Vec<f32> = lines.iter().map(|l| l.x).collect();
    lefts.sort_by(f32::total_cmp);
    let margin = lefts.get(lefts.len() / 2).copied().unwrap_or(0.0);
    let mut out = Vec::with_capacity(lines.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let gap = lines[i - 1].y - line.y;
            let indent = line.x - margin > line.size && line.x - margin < line.size * 6.0;
            if (usual > 0.0 && gap > usual * 1.4) || indent {
                out.push(String::new());
            }
        }
        out.push(line.text.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, x: f32, t: &str) -> Line {
        Line {
            y,
            x,
            size: 10.0,
            end: x,
            text: t.into(),
        }
    }

    #[test]
    fn gaps_and_indents_break_paragraphs() {
        let ls = [
            line(700.0, 72.0, "One a"),
            line(688.0, 72.0, "one b."),
            line(664.0, 72.0, "Two a"),
            line(652.0, 72.0, "two b."),
            line(640.0, 90.0, "Three."),
        ];
        assert_eq!(
            with_breaks(&ls),
            vec!["One a", "one b.", "", "Two a", "two b.", "", "Three."]
        );
        let interleaved: Vec<Line> = (0..4)
            .flat_map(|i| {
                let y = 700.0 - 12.0 * i as f32;
                let mut l = line(y, 72.0, &format!("left {i}"));
                l.end = 280.0;
                let mut r = line(y, 310.0, &format!("right {i}"));
                r.end = 520.0;
                [l, r]
            })
            .collect();
        let cols = columns(interleaved);
        assert_eq!(cols.len(), 2);
        let left: Vec<&str> = cols[0].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(left, ["left 0", "left 1", "left 2", "left 3"]);
        assert_eq!(columns(ls.to_vec()).len(), 1);
    }
}
