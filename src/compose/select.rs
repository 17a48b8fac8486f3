//! Choosing the bottom-line sentences and key points across articles.

use rustc_hash::FxHashSet as HashSet;

use super::Item;
use crate::clip::{clip, LINE_MAX_CHARS};
use crate::model::{Analysis, BriefLine, Provenance};

/// The lower-cased words of a text, as a set.
pub fn word_set(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Dice coefficient of two word sets, in `[0, 1]`.
pub fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Whether two statements say the same thing in near-identical words: Dice over 0.8, or the
/// shorter one (a trimmed quote) lying at least 80 % inside the longer one.
pub fn same_words(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let inside = small.intersection(large).count() as f64 / small.len().max(1) as f64;
    dice(a, b) > 0.8 || (small.len() >= 5 && inside >= 0.8)
}

/// Dice similarity of two texts' lower-cased word sets, in `[0, 1]`.
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&word_set(a), &word_set(b))
}

fn mostly_quoted(s: &str) -> bool {
    crate::analyze::rank::quoted_share(s) > 0.5
}

/// Whether a sentence is page furniture left in the body (a site's disclaimer, a "Read more"
/// line, a byline): never news, so never a bottom-line sentence or key point.
fn furniture(s: &str) -> bool {
    use crate::ingest::furniture::{boilerplate, Boilerplate};
    boilerplate(s) != Boilerplate::Keep
}

/// The sentence made readable on its own: a pronoun subject that the analysis resolved to a
/// speaker is replaced by the speaker's surname, a leading "But"/"And" is dropped, and a
/// sentence that ends without punctuation (a page's standfirst) gets its full stop, since lines
/// are set one after another in the bottom line.
fn standalone(text: &str, span: crate::model::Span, analysis: &Analysis) -> String {
    let speaker = analysis
        .statements
        .iter()
        .find(|st| st.provenance.span == span)
        .filter(|st| {
            matches!(
                st.mention.as_deref(),
                Some("he" | "He" | "she" | "She" | "they" | "They")
            )
        })
        .and_then(|st| Some((st.mention.clone()?, st.speaker.clone()?)));
    let mut t = text.to_string();
    for lead in ["But ", "And ", "Yet ", "So "] {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest.to_string();
        }
    }
    if let Some((pronoun, who)) = speaker {
        let surname = who
            .name
            .split_whitespace()
            .last()
            .unwrap_or(&who.name)
            .to_string();
        let lower = pronoun.to_lowercase();
        let words: Vec<&str> = t.splitn(4, ' ').collect();
        if let Some(i) = words.iter().take(3).position(|w| w.to_lowercase() == lower) {
            let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            w[i] = surname;
            t = w.join(" ");
        }
    }
    if t.ends_with(char::is_alphanumeric) {
        t.push('.');
    }
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => t,
    }
}

/// A candidate line: (score, source number, sentence index, line).
type Candidate = (f64, usize, usize, BriefLine);

/// The bottom line (up to `bl_max` sentences, at least `bl_min` where there are; past `bl_min`
/// only sentences scoring at least 0.6 of the best) and key points (up to `kp_max`), both in
/// source order.
pub fn lines(
    items: &[Item],
    bl_min: usize,
    bl_max: usize,
    kp_max: usize,
) -> (Vec<BriefLine>, Vec<BriefLine>) {
    let mut cands: Vec<Candidate> = Vec::new();
    for item in items {
        let (n, article, analysis) = (item.number, item.article, item.analysis);
        for k in &analysis.key_sentences {
            let Some(s) = analysis.sentences.get(k.sentence) else {
                continue;
            };
            if mostly_quoted(&s.text) || furniture(&s.text) {
                continue;
            }
            cands.push((
                k.score,
                n,
                k.sentence,
                BriefLine {
                    text: clip(&standalone(&s.text, s.span, analysis), LINE_MAX_CHARS).into_owned(),
                    sources: vec![n],
                    provenance: vec![Provenance {
                        article_id: article.id.clone(),
                        paragraph: s.paragraph,
                        span: s.span,
                    }],
                },
            ));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut sets: Vec<HashSet<String>> = Vec::new();
    for c in cands {
        let words = word_set(&c.3.text);
        if let Some(i) = sets.iter().position(|x| dice(x, &words) > 0.6) {
            // The same point from another source: cite that source too.
            let dup = &mut chosen[i].3;
            if !dup.sources.contains(&c.1) {
                dup.sources.push(c.1);
                dup.provenance.extend(c.3.provenance);
            }
        } else if chosen.len() < bl_max + kp_max {
            chosen.push(c);
            sets.push(words);
        }
    }
    let n_bl = chosen
        .iter()
        .take(bl_max)
        .enumerate()
        .take_while(|(i, c)| *i < bl_min || c.0 >= 0.6)
        .count();
    let mut bottom: Vec<Candidate> = chosen.drain(..n_bl).collect();
    let mut points: Vec<Candidate> = chosen.into_iter().take(kp_max).collect();
    let order = |v: &mut Vec<Candidate>| v.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)));
    order(&mut bottom);
    order(&mut points);
    let strip = |v: Vec<Candidate>| v.into_iter().map(|c| c.3).collect();
    (strip(bottom), strip(points))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_of_reworded_quote() {
        let a = "We see an opportunity to expand our strategic relationship with Pakistan.";
        let b = "we see an opportunity to expand our strategic relationship with Pakistan";
        assert!((similarity(a, b) - 1.0).abs() < 1e-9);
        assert!(similarity(a, "Every night brings a new challenge.") < 0.2);
    }

    #[test]
    fn a_line_without_punctuation_gets_its_full_stop() {
        let a = crate::analyze::test_article("Investigators will examine the storage hall");
        let an = crate::analyze::analyze(&a);
        let s = &an.sentences[0];
        assert_eq!(
            standalone(&s.text, s.span, &an),
            "Investigators will examine the storage hall."
        );
        let q = crate::analyze::test_article("“We will rebuild,” the mayor said (in French)");
        let an = crate::analyze::analyze(&q);
        let s = &an.sentences[0];
        assert!(standalone(&s.text, s.span, &an).ends_with("(in French)"));
    }

    #[test]
    fn page_furniture_is_never_a_key_point() {
        assert!(furniture(
            "This post may contain affiliate and/or referral links."
        ));
        assert!(!furniture(
            "The talks stalled on Tuesday over transit fees at the two ports."
        ));
    }

    #[test]
    fn quoted_sentences_are_not_bottom_line() {
        assert!(mostly_quoted(
            "“We will win this fight, and soon,” he said."
        ));
        assert!(!mostly_quoted(
            "He called it “a fine day” for the nation and its allies."
        ));
    }
}
