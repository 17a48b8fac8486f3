//! A story's label (its most representative headline, trimmed) and the explanation of why its
//! articles were grouped (the terms they share, the days between them).

use super::profile::{cosine, Profiles};
use crate::model::{Analysis, Article, StoryGroup};

/// Longest label, in characters; longer headlines are cut at a word with "…".
pub const LABEL_MAX: usize = 100;
/// How many shared terms the explanation names.
pub const WHY_TERMS: usize = 3;

/// The story made of `members` (indices into `items`, ascending).
pub fn story(items: &[(Article, Analysis)], members: &[usize], profiles: &Profiles) -> StoryGroup {
    let lead = representative(items, members, profiles);
    let first = &items[members[0]].0;
    StoryGroup {
        id: format!("story-{}", first.id.chars().take(12).collect::<String>()),
        label: trim_headline(&items[lead].0.title, items[lead].0.outlet.as_deref()),
        article_ids: members.iter().map(|&i| items[i].0.id.clone()).collect(),
        why: if members.len() > 1 {
            why(items, members, profiles)
        } else {
            String::new()
        },
    }
}

/// The member most similar to the others: its headline names the story. Between members as
/// similar (every pair of a two-article story), the earliest published, then the first: the
/// first report names the event, a later one a development of it.
fn representative(items: &[(Article, Analysis)], members: &[usize], profiles: &Profiles) -> usize {
    let v = &profiles.vectors;
    let closeness = |i: usize| -> f32 {
        members
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| cosine(&v[i], &v[j]))
            .sum()
    };
    // Unknown dates after known ones.
    let date = |i: usize| (items[i].0.published.is_none(), items[i].0.published);
    let mut best = members[0];
    let mut best_score = closeness(best);
    for &i in &members[1..] {
        let s = closeness(i);
        let tie = (s - best_score).abs() <= SAME_CLOSENESS;
        if s > best_score + SAME_CLOSENESS || (tie && date(i) < date(best)) {
            best = i;
            best_score = s;
        }
    }
    best
}

/// Closeness sums closer than this are a tie (float rounding, or the two-article case).
const SAME_CLOSENESS: f32 = 1e-4;

/// A headline as a label: the outlet's name after a dash dropped ("… - BBC News"), a site's
/// name after a bar ("… | Reuters"), cut at a word boundary past [`LABEL_MAX`] characters.
pub fn trim_headline(title: &str, outlet: Option<&str>) -> String {
    let mut t = title.trim();
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(i) = t.rfind(sep) {
            let tail = t[i + sep.len()..].trim();
            let is_outlet = outlet.is_some_and(|o| o.eq_ignore_ascii_case(tail));
            // "| Site" is a site's suffix; after a dash only the outlet's own name is dropped.
            if is_outlet || (sep == " | " && tail.split_whitespace().count() <= 4) {
                t = t[..i].trim_end();
            }
        }
    }
    let t = t.trim_end_matches(['.', ' ']);
    if t.chars().count() <= LABEL_MAX {
        return t.to_string();
    }
    let cut: String = t.chars().take(LABEL_MAX).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// "grouped: Comey, FBI, e-mails; 1 day apart": the terms most of the members share, by their
/// combined weight, and the spread of their dates.
fn why(items: &[(Article, Analysis)], members: &[usize], profiles: &Profiles) -> String {
    let mut weight: std::collections::HashMap<u32, (usize, f32)> = Default::default();
    for &i in members {
        for &(t, w) in &profiles.vectors[i] {
            let e = weight.entry(t).or_default();
            e.0 += 1;
            e.1 += w;
        }
    }
    let need = members.len().div_ceil(2).max(2);
    let mut shared: Vec<(u32, f32)> = weight
        .into_iter()
        .filter(|(_, (n, _))| *n >= need)
        .map(|(t, (_, w))| (t, w))
        .collect();
    shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut named: Vec<&str> = Vec::new();
    for (t, _) in shared {
        let word = profiles.words[t as usize].as_str();
        // A word already inside a named pair (or a pair of named words) adds nothing.
        let covered = named.iter().any(|n| {
            n.split(' ').any(|p| p.eq_ignore_ascii_case(word))
                || word.split(' ').all(|p| n.eq_ignore_ascii_case(p))
        });
        if !covered {
            named.push(word);
        }
        if named.len() == WHY_TERMS {
            break;
        }
    }
    let mut why = format!("grouped: {}", named.join(", "));
    let dates: Vec<_> = members
        .iter()
        .filter_map(|&i| items[i].0.published)
        .collect();
    if let (Some(lo), Some(hi)) = (dates.iter().min(), dates.iter().max()) {
        let days = (*hi - *lo).num_days();
        why.push_str(&match days {
            0 => "; same day".to_string(),
            1 => "; 1 day apart".to_string(),
            n => format!("; {n} days apart"),
        });
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_lose_the_outlet_and_stay_short() {
        assert_eq!(
            trim_headline("Ceasefire signed in Geneva - BBC News", Some("BBC News")),
            "Ceasefire signed in Geneva"
        );
        assert_eq!(
            trim_headline("Rates rise again | Reuters", Some("Reuters")),
            "Rates rise again"
        );
        let long = "A very long headline that goes on and on about the many things that happened in the capital on Tuesday";
        let t = trim_headline(long, None);
        assert!(
            t.chars().count() <= LABEL_MAX + 1 && t.ends_with('…'),
            "{t}"
        );
    }
}
