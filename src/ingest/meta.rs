//! Metadata shared by every format: bylines, header lines ("By …", "Outlet | date"), the
//! words that name a publication, and titles made from a first sentence. Datelines and wire
//! tags are read by [`super::dateline`] (re-exported here).

use chrono::NaiveDate;

use crate::lexicon::{AGENCIES, NAME_PARTICLES};

use super::dates::{date_only, find_date, only_date_noise};

pub use super::dateline::{dateline, dateline_len, wire_tag};

/// Words that mark a job title rather than a name in a byline.
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "staff",
    "columnist",
    "contributor",
    "analyst",
    "bureau",
    "chief",
    "producer",
    "journalist",
    "desk",
    "senior",
    "special",
];

/// Words that mark the name of a publication.
const OUTLET_WORDS: &[&str] = &[
    "wire",
    "news",
    "post",
    "times",
    "press",
    "agency",
    "herald",
    "journal",
    "tribune",
    "daily",
    "gazette",
    "observer",
    "monitor",
    "network",
    "media",
    "dispatch",
    "chronicle",
    "bulletin",
    "review",
    "telegraph",
    "guardian",
    "independent",
    "express",
    "standard",
    "weekly",
    "magazine",
    "radio",
    "tv",
    "television",
    "service",
    "courier",
    "sentinel",
    "register",
    "economist",
    "insider",
    "mirror",
];

/// Whether `s` has a word that marks a publication ([`OUTLET_WORDS`], [`AGENCIES`]).
pub(super) fn has_outlet_word(s: &str) -> bool {
    has_word_in(s, OUTLET_WORDS) || has_word_in(s, AGENCIES)
}

pub(super) fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

pub(super) fn has_word_in(s: &str, list: &[&str]) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| list.contains(&w.to_lowercase().as_str()))
}

/// Whether every word of `s` is capitalised (allowing small joining words): a name.
fn is_name_like(s: &str, max_words: usize) -> bool {
    let ws = words(s);
    !ws.is_empty()
        && ws.len() <= max_words
        && ws.iter().all(|w| {
            ["of", "the", "and", "&"].contains(w)
                || NAME_PARTICLES.contains(w)
                || w.chars().next().is_some_and(|c| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.&".contains(c))
        })
}

/// Cleans a byline: drops a leading "By", job titles, dates and "| …" tails. `None` when
/// nothing like a name is left (a bare "Staff Writer", a URL, a sentence).
pub fn clean_byline(raw: &str) -> Option<String> {
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(i) = s.find(['|', '•', '·']) {
        s.truncate(i);
    }
    for prefix in [
        "written by",
        "words by",
        "reporting by",
        "story by",
        "posted by",
        "by:",
        "by",
    ] {
        if s.len() > prefix.len()
            && s.is_char_boundary(prefix.len())
            && s[..prefix.len()].eq_ignore_ascii_case(prefix)
            && (prefix.ends_with(':') || s[prefix.len()..].starts_with(' '))
        {
            s = s[prefix.len()..].trim().to_string();
            break;
        }
    }
    if let Some((_, r)) = find_date(&s) {
        s.truncate(r.start);
    }
    if s.contains("://") || s.contains('@') || s.contains('/') {
        return None;
    }
    let parts: Vec<String> = s
        .split([',', ';'])
        .map(|p| p.trim().trim_end_matches(['.', '-', '—', '–']).trim())
        .filter(|p| !p.is_empty())
        .enumerate()
        .filter(|(i, p)| !has_word_in(p, ROLE_WORDS) && (*i == 0 || !has_outlet_word(p)))
        .map(|(_, p)| p.to_string())
        .collect();
    let out = parts.join(", ");
    let n = words(&out).len();
    (n > 0 && n <= 12 && out.chars().any(|c| c.is_uppercase())).then_some(out)
}

/// What a header line ("By Jane Doe", "Northbridge Wire | 26 Nov 2026") says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Header {
    /// Author(s).
    pub byline: Option<String>,
    /// Publication.
    pub outlet: Option<String>,
    /// Publication date (an "Updated …" date is recognised but not kept).
    pub published: Option<NaiveDate>,
    /// Whether the line carries a "By …" or a date: certain to be metadata wherever it sits.
    pub strong: bool,
}

/// Reads a short line made only of byline, outlet and date parts; `None` for anything else.
pub fn header_line(line: &str) -> Option<Header> {
    let line = line.trim();
    if line.is_empty()
        || line.chars().count() > 140
        || words(line).len() > 18
        || dateline(line).is_some()
    {
        return None;
    }
    let mut h = Header::default();
    let mut names: Vec<&str> = Vec::new();
    // " - " separates parts as a dash does ("By Justine Coleman - 11/18/19 11:04 PM EST").
    for part in line
        .split(" - ")
        .flat_map(|p| p.split(['|', '•', '·', '—', '–']))
    {
        let part = part.trim().trim_matches(['-', ' ']);
        match header_part(part, &mut h) {
            Part::Taken => {}
            Part::Name(n) => names.push(n),
            Part::NotHeader => return None,
        }
    }
    settle_names(&names, &mut h);
    (h.byline.is_some() || h.outlet.is_some() || h.published.is_some() || h.strong).then_some(h)
}

/// What follows a numeric date with a two-digit year opening `part` ("11/18/19 …"), or `None`
/// when `part` does not open with one.
fn short_numeric_date(part: &str) -> Option<&str> {
    let (m, rest) = part.split_once('/')?;
    let (d, rest) = rest.split_once('/')?;
    let small = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let year = rest.bytes().take_while(u8::is_ascii_digit).count();
    (small(m) && small(d) && year == 2).then(|| &rest[2..])
}

/// What one part of a header line is.
enum Part<'a> {
    /// Read into the header (or empty, a bare time or a label).
    Taken,
    /// A lone name, a byline or an outlet: which one is settled by the whole line.
    Name(&'a str),
    /// Something else: the line is no header.
    NotHeader,
}

/// Reads one `|`-separated part of a header line into `h`.
fn header_part<'a>(part: &'a str, h: &mut Header) -> Part<'a> {
    if part.is_empty() {
        return Part::Taken;
    }
    if let Some((date, updated)) = date_only(part) {
        if !updated && h.published.is_none() {
            h.published = Some(date);
        }
        h.strong = true;
        return Part::Taken;
    }
    if only_date_noise(part) {
        return Part::Taken; // a bare time or label
    }
    if short_numeric_date(part).is_some_and(only_date_noise) {
        // "11/18/19 11:04 PM EST": a date whose order (month or day first) the line does not
        // tell; the header is certain, the publication date is left to the page.
        h.strong = true;
        return Part::Taken;
    }
    let lower = part.to_lowercase();
    if lower.starts_with("by ") || lower.starts_with("by:") {
        return by_part(part, h);
    }
    if let Some((who, rest)) = part.split_once(", ") {
        // "Jane Doe, Reuters" / "Jane Doe, Diplomatic Correspondent".
        if !(is_name_like(who, 4) && is_name_like(rest, 5)) {
            return Part::NotHeader;
        }
        if has_outlet_word(rest) && !has_word_in(rest, ROLE_WORDS) {
            h.outlet.get_or_insert_with(|| rest.to_string());
        } else if !has_word_in(rest, ROLE_WORDS) {
            return Part::NotHeader;
        }
        h.byline.get_or_insert_with(|| who.to_string());
        return Part::Taken;
    }
    // A lone name: "Jane Doe", "Northbridge Wire", "Reuters" (not "Body." or "GENEVA").
    let single = words(part).len() == 1;
    if is_name_like(part, 6)
        && !part.ends_with('.')
        && part.chars().any(char::is_lowercase)
        && (!single || has_outlet_word(part))
    {
        return Part::Name(part);
    }
    Part::NotHeader
}

/// "By Jane Doe, Reuters" or "By Jane Doe and Ali Khan, Staff Writers".
fn by_part<'a>(part: &'a str, h: &mut Header) -> Part<'a> {
    let rest = part[2..].trim_start_matches(':').trim();
    let mut pieces = rest.split(',').map(str::trim);
    let who = pieces.next().unwrap_or("");
    if !is_name_like(&who.replace(" and ", " And "), 10) {
        return Part::NotHeader;
    }
    h.byline = clean_byline(who);
    for p in pieces {
        if has_outlet_word(p) && !has_word_in(p, ROLE_WORDS) {
            h.outlet.get_or_insert_with(|| p.to_string());
        } else if !is_name_like(p, 6) && date_only(p).is_none() {
            return Part::NotHeader;
        }
    }
    h.strong = true;
    Part::Taken
}

/// Lone names of a header line: an outlet when it says so or a byline is known, else a byline
/// of two to four words, else an outlet; job titles are dropped.
fn settle_names(names: &[&str], h: &mut Header) {
    for &n in names {
        if has_outlet_word(n) || h.byline.is_some() {
            h.outlet.get_or_insert_with(|| n.to_string());
        } else if has_word_in(n, ROLE_WORDS) {
            continue;
        } else if (2..=4).contains(&words(n).len()) {
            h.byline.get_or_insert_with(|| n.to_string());
        } else {
            h.outlet.get_or_insert_with(|| n.to_string());
        }
    }
}

/// The first sentence of `s` as `sentencex` splits it (the splitter the analysis uses: "Mr.",
/// "U.S." and "Jan. 5" stay inside), within its first 600 characters.
pub fn first_sentence(s: &str) -> &str {
    // A headline needs only the start: look at the first 600 characters at most.
    let s = match s.char_indices().nth(600) {
        Some((cut, _)) => &s[..cut],
        None => s,
    };
    match sentencex::get_sentence_boundaries("en", s).first() {
        Some(b) => s[..b.end_byte].trim_end(),
        None => s,
    }
}

/// A title made from body text: its first sentence without the final period, cut at a word
/// boundary to at most `max` characters (ending with "…" when cut).
pub fn title_from_sentence(sentence: &str, max: usize) -> String {
    let s = sentence.trim().trim_end_matches('.').trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        let next = if out.is_empty() {
            w.to_string()
        } else {
            format!("{out} {w}")
        };
        if next.chars().count() + 1 > max {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        out = s.chars().take(max - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '—', '–', '-', ' ']);
    format!("{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_headers() {
        assert_eq!(clean_byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            clean_byline("Jane Doe, Diplomatic Correspondent").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(clean_byline("Staff Writer"), None);
        assert_eq!(clean_byline("https://example.com/jane"), None);
        let h = header_line("Northbridge Wire | 26 Nov 2026").unwrap();
        assert_eq!(h.outlet.as_deref(), Some("Northbridge Wire"));
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2026, 11, 26));
        let h = header_line("Jane Doe, Reuters").unwrap();
        assert_eq!(h.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(h.outlet.as_deref(), Some("Reuters"));
        let h = header_line("By Jane Doe | Published Nov. 26, 2026").unwrap();
        assert!(h.strong);
        assert_eq!(h.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            header_line("Talks resumed in Geneva, officials said."),
            None
        );
        assert_eq!(
            header_line("By the end of the week, the talks had stalled."),
            None
        );
    }

    #[test]
    fn sentences_and_titles() {
        let s = "Mr. Okafor met U.S. envoys on Jan. 5 in Lagos. Then he left.";
        assert_eq!(
            first_sentence(s),
            "Mr. Okafor met U.S. envoys on Jan. 5 in Lagos."
        );
        let t = title_from_sentence(
            "The United States saw a growing opportunity to expand its strategic relationship with Pakistan, Rubio said.",
            90,
        );
        assert!(t.ends_with('…') && t.chars().count() <= 90, "{t}");
        assert_eq!(title_from_sentence("Talks stall.", 90), "Talks stall");
    }
}
