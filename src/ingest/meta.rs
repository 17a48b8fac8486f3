//! Metadata shared by every format: absolute dates, datelines, bylines, header lines, boilerplate
//! and language.
//!
//! The date parser reads the absolute forms news pages and wires print, nothing relative:
//!
//! | form | example |
//! |---|---|
//! | ISO date or date-time | `2026-11-26`, `2026-11-26T08:15:00+05:00`, `2026/11/26` |
//! | month first | `Nov. 26, 2026`, `November 26th, 2026`, `Sept 5 2026`, `Thursday, Nov. 26, 2026` |
//! | day first (also RFC 2822) | `26 November 2026`, `26th of Nov. 2026`, `Thu, 26 Nov 2026 09:00:00 +0000` |
//! | numeric, only when unambiguous | `11/26/2026`, `26/11/2026` (but not `05/06/2026`) |
//!
//! A date-time keeps the calendar date as written (no time-zone shift): that is the date the
//! outlet printed.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")
        .expect("valid regex")
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("valid regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
        .expect("valid regex")
});
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").expect("valid regex"));
/// Words that may surround a date on a header line without making it anything else.
static DATE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:first\s+published|last\s+updated|published|posted|updated|modified|on|at|date|dated|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|gmt|utc|bst|cet|cest|est|edt|et|pt|pst|pdt|ist|pkt|[ap]\.?m\.?|\d{1,2}[:.]\d{2}(?::\d{2})?|[+-]\d{4})\b|[,:|·•—–()\-.]",
    )
    .expect("valid regex")
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{Lu}.'’\-]*(?:\s+\p{Lu}[\p{Lu}.'’\-]*){0,3})(?:,\s*[^:—–(\n]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?::|—|–|--?)\s+\S",
    )
    .expect("valid regex")
});

/// Words in capitals that open a paragraph like a dateline but are labels.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "WATCH",
    "LIVE",
    "OPINION",
    "EDITORIAL",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "PHOTO",
    "VIDEO",
    "FILE",
    "COMMENT",
    "REVIEW",
    "FACTBOX",
    "EXPLAINER",
];

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
    "reuters",
    "afp",
    "ap",
    "bbc",
    "cnn",
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

/// The month (1–12) a word names: full names, three-letter abbreviations and "Sept".
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| w == *m || (w.len() == 3 && m.starts_with(w.as_str())))
        .map(|i| i as u32 + 1)
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, num(d)?)
}

/// Finds the first absolute date in `s` (see the module docs for the forms) and where it sits.
pub fn find_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    // Every supported form has a four-digit year: skip the regexes when there is none.
    if !s
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let mut best: Option<(NaiveDate, Range<usize>)> = None;
    let mut consider = |date: Option<NaiveDate>, range: Range<usize>| {
        if let Some(d) = date {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((d, range));
            }
        }
    };
    for c in ISO_DATE.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        consider(num(&c[2]).and_then(|mo| ymd(&c[1], mo, &c[3])), m.range());
    }
    for c in MONTH_FIRST.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        consider(
            month_number(&c[1]).and_then(|mo| ymd(&c[3], mo, &c[2])),
            m.range(),
        );
    }
    for c in DAY_FIRST.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        consider(
            month_number(&c[2]).and_then(|mo| ymd(&c[3], mo, &c[1])),
            m.range(),
        );
    }
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        let (a, b) = (num(&c[1]).unwrap_or(0), num(&c[2]).unwrap_or(0));
        let date = match (a > 12, b > 12) {
            (true, false) => ymd(&c[3], b, &c[1]),
            (false, true) => ymd(&c[3], a, &c[2]),
            // 05/06/2026 reads differently in the US and in Europe: no guess.
            _ => None,
        };
        consider(date, m.range());
    }
    best
}

/// The first absolute date in `s`, if any.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    find_date(s).map(|(d, _)| d)
}

/// A date that fills (nearly) the whole of `s`, apart from labels such as "Published:", a
/// weekday, a time and a time zone. Returns the date and whether it is labelled as an update.
pub fn date_only(s: &str) -> Option<(NaiveDate, bool)> {
    let (date, range) = find_date(s)?;
    let rest = format!("{} {}", &s[..range.start], &s[range.end..]);
    if !DATE_NOISE.replace_all(&rest, " ").trim().is_empty() {
        return None;
    }
    let lower = s[..range.start].to_lowercase();
    let updated = lower.contains("updated") || lower.contains("modified");
    Some((date, updated))
}

/// The dateline place a paragraph opens with: `ISLAMABAD` for "ISLAMABAD: …",
/// "ISLAMABAD (Reuters) - …", "NEW DELHI, Nov 26 (Reuters) - …" or "WASHINGTON — …".
pub fn dateline(paragraph: &str) -> Option<String> {
    let c = DATELINE.captures(paragraph)?;
    let place = c.get(1)?.as_str().trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || NOT_PLACES.contains(&place) {
        return None;
    }
    Some(place.to_string())
}

/// The byte length of the dateline prefix ("ISLAMABAD: "), so callers can look past it.
pub fn dateline_len(paragraph: &str) -> usize {
    match (dateline(paragraph), DATELINE.find(paragraph)) {
        // The match ends with the first character of the body text.
        (Some(_), Some(m)) => {
            let end = m.end();
            paragraph[..end]
                .char_indices()
                .last()
                .map(|(i, _)| i)
                .unwrap_or(end)
        }
        _ => 0,
    }
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn has_word_in(s: &str, list: &[&str]) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| list.contains(&w.to_lowercase().as_str()))
}

/// Whether every word of `s` is capitalised (allowing small joining words): a name.
fn is_name_like(s: &str, max_words: usize) -> bool {
    const JOINERS: &[&str] = &[
        "of", "the", "and", "&", "de", "da", "al", "el", "van", "von", "der", "bin", "du", "la",
    ];
    let ws = words(s);
    !ws.is_empty()
        && ws.len() <= max_words
        && ws.iter().all(|w| {
            JOINERS.contains(w)
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
        .filter(|(i, p)| !has_word_in(p, ROLE_WORDS) && (*i == 0 || !has_word_in(p, OUTLET_WORDS)))
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
    for part in line.split(['|', '•', '·', '—', '–']) {
        let part = part.trim().trim_matches(['-', ' ']);
        if part.is_empty() {
            continue;
        }
        if let Some((date, updated)) = date_only(part) {
            if !updated && h.published.is_none() {
                h.published = Some(date);
            }
            h.strong = true;
            continue;
        }
        if DATE_NOISE.replace_all(part, " ").trim().is_empty() {
            continue; // a bare time or label
        }
        let lower = part.to_lowercase();
        if lower.starts_with("by ") || lower.starts_with("by:") {
            // "By Jane Doe, Reuters" or "By Jane Doe and Ali Khan, Staff Writers".
            let rest = part[2..].trim_start_matches(':').trim();
            let mut pieces = rest.split(',').map(str::trim);
            let who = pieces.next().unwrap_or("");
            if !is_name_like(&who.replace(" and ", " And "), 10) {
                return None;
            }
            h.byline = clean_byline(who);
            for p in pieces {
                if has_word_in(p, OUTLET_WORDS) && !has_word_in(p, ROLE_WORDS) {
                    h.outlet.get_or_insert_with(|| p.to_string());
                } else if !is_name_like(p, 6) && date_only(p).is_none() {
                    return None;
                }
            }
            h.strong = true;
            continue;
        }
        if let Some((who, rest)) = part.split_once(", ") {
            // "Jane Doe, Reuters" / "Jane Doe, Diplomatic Correspondent".
            if is_name_like(who, 4) && is_name_like(rest, 5) {
                if has_word_in(rest, OUTLET_WORDS) && !has_word_in(rest, ROLE_WORDS) {
                    h.outlet.get_or_insert_with(|| rest.to_string());
                } else if !has_word_in(rest, ROLE_WORDS) {
                    return None;
                }
                h.byline.get_or_insert_with(|| who.to_string());
                continue;
            }
            return None;
        }
        // A lone name: "Jane Doe", "Northbridge Wire", "Reuters" (not "Body." or "GENEVA").
        let single = words(part).len() == 1;
        if is_name_like(part, 6)
            && !part.ends_with('.')
            && part.chars().any(char::is_lowercase)
            && (!single || has_word_in(part, OUTLET_WORDS))
        {
            names.push(part);
            continue;
        }
        return None;
    }
    for n in names {
        if has_word_in(n, OUTLET_WORDS) || h.byline.is_some() {
            h.outlet.get_or_insert_with(|| n.to_string());
        } else if has_word_in(n, ROLE_WORDS) {
            continue;
        } else if (2..=4).contains(&words(n).len()) {
            h.byline.get_or_insert_with(|| n.to_string());
        } else {
            h.outlet.get_or_insert_with(|| n.to_string());
        }
    }
    (h.byline.is_some() || h.outlet.is_some() || h.published.is_some() || h.strong).then_some(h)
}

/// What to do with a paragraph of page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boilerplate {
    /// Part of the article.
    Keep,
    /// Furniture: ad label, share line, cookie notice, newsletter pitch, "Read more" link.
    Drop,
    /// A lone "By X | Published …" line: metadata, not body.
    Meta(Header),
}

/// Sorts a paragraph into article text, page furniture or a stray metadata line.
pub fn boilerplate(p: &str) -> Boilerplate {
    // Every rule below is about short paragraphs (60 words at most).
    if p.len() > 1200 {
        return Boilerplate::Keep;
    }
    let lower = p.trim().to_lowercase();
    let lower = lower.trim_end_matches(['.', '…', ':', '›', '»', '→', '>', ' ']);
    let n = words(lower).len();
    const EXACT: &[&str] = &[
        "advertisement",
        "advertisment",
        "ad",
        "sponsored",
        "sponsored content",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading",
        "continue reading below",
        "read more",
        "read next",
        "related",
        "related articles",
        "related stories",
        "recommended",
        "more stories",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share article",
        "copy link",
        "print",
        "email",
        "comments",
        "skip to content",
        "skip to main content",
        "listen to this article",
        "follow us",
        "top stories",
        "most read",
    ];
    if EXACT.contains(&lower) {
        return Boilerplate::Drop;
    }
    const SHORT_PREFIXES: &[&str] = &[
        "read more",
        "read also",
        "also read",
        "related:",
        "see also",
        "more from",
        "share on ",
        "share this",
        "follow us",
        "click here",
        "sign up for",
        "listen to this article",
        "photo:",
        "photograph:",
        "image:",
        "file photo",
        "pictured:",
        "(photo",
    ];
    if n <= 30 && SHORT_PREFIXES.iter().any(|s| lower.starts_with(s)) {
        return Boilerplate::Drop;
    }
    const TINY_PREFIXES: &[&str] = &["subscribe", "©", "copyright ©", "sign in", "log in"];
    if n <= 12 && TINY_PREFIXES.iter().any(|s| lower.starts_with(s)) {
        return Boilerplate::Drop;
    }
    if n <= 60 {
        let newsletter = lower.contains("newsletter")
            && ["sign up", "subscribe", "inbox", "delivered"]
                .iter()
                .any(|w| lower.contains(w));
        let cookies = lower.contains("cookie")
            && [
                "we use",
                "this site uses",
                "this website uses",
                "accept",
                "consent",
                "by continuing",
                "privacy",
            ]
            .iter()
            .any(|w| lower.contains(w));
        if newsletter || cookies || (n <= 12 && lower.contains("all rights reserved")) {
            return Boilerplate::Drop;
        }
    }
    // Only a "By …" line or one with a year can be a strong header line.
    let maybe_header =
        n <= 18 && (lower.starts_with("by") || lower.bytes().any(|b| b.is_ascii_digit()));
    if !maybe_header {
        return Boilerplate::Keep;
    }
    match header_line(p) {
        Some(h) if h.strong => Boilerplate::Meta(h),
        _ => Boilerplate::Keep,
    }
}

/// Common abbreviations that end with a period inside a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
    "st", "jr", "sr", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "vs", "etc", "inc", "ltd", "co", "corp", "rev", "hon", "amb", "adm", "cmdr",
    "pres", "gov", "sec", "dept", "ft", "mt", "approx",
];

/// The first sentence of `s`: up to the first `.`, `!` or `?` that ends a sentence (not "Mr.",
/// "U.S.", "Jan.") and is followed by a space and a capital or a quotation mark.
pub fn first_sentence(s: &str) -> &str {
    // A headline needs only the start: look at the first 600 characters at most.
    let s = match s.char_indices().nth(600) {
        Some((cut, _)) => &s[..cut],
        None => s,
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence.
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')') {
            j += 1;
        }
        let end = chars.get(j).map(|&(b, _)| b).unwrap_or(s.len());
        if j >= chars.len() {
            return s;
        }
        if !chars[j].1.is_whitespace() {
            continue;
        }
        let next = chars[j..]
            .iter()
            .map(|&(_, c)| c)
            .find(|c| !c.is_whitespace());
        if !next.is_some_and(|n| n.is_uppercase() || "“\"‘'(".contains(n)) {
            continue;
        }
        if c == '.' {
            let word: String = s[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let w = word.to_lowercase();
            if w.contains('.') || w.chars().count() == 1 || ABBREVIATIONS.contains(&w.as_str()) {
                continue;
            }
        }
        return &s[..end];
    }
    s
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

/// The ISO 639-1 code of the text's language, when whatlang is confident about it.
pub fn language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(20_000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code()).map(str::to_string)
}

/// Maps whatlang's ISO 639-3 codes to ISO 639-1.
fn iso639_1(code3: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("cym", "cy"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    MAP.iter().find(|(c3, _)| *c3 == code3).map(|(_, c1)| *c1)
}

/// The primary subtag of a declared language (`en-GB` → `en`), when it is a two-letter code.
pub fn declared_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_news_forms() {
        assert_eq!(parse_date("Nov. 26, 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("November 26, 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("Thursday, Sept. 3rd, 2026"), d(2026, 9, 3));
        assert_eq!(parse_date("26 November 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("26th of Nov 2026"), d(2026, 11, 26));
        assert_eq!(parse_date("2026-11-26"), d(2026, 11, 26));
        assert_eq!(parse_date("2026-11-26T23:10:00-05:00"), d(2026, 11, 26));
        assert_eq!(
            parse_date("Thu, 26 Nov 2026 09:00:00 +0000"),
            d(2026, 11, 26)
        );
        assert_eq!(parse_date("11/26/2026"), d(2026, 11, 26));
        assert_eq!(parse_date("26/11/2026"), d(2026, 11, 26));
        assert_eq!(parse_date("05/06/2026"), None);
        assert_eq!(parse_date("February 30, 2026"), None);
        assert_eq!(parse_date("Marble 26, 2026"), None);
        assert_eq!(parse_date("No. 10 said 2026 would be hard"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_only("Published: 26 November 2026 at 09:00 GMT"),
            Some((NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), false))
        );
        assert_eq!(
            date_only("Updated Nov. 27, 2026, 4:10 p.m. ET").map(|x| x.1),
            Some(true)
        );
        assert_eq!(date_only("Talks resumed on Nov. 26, 2026 in Geneva"), None);
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("ISLAMABAD: The United States").as_deref(),
            Some("ISLAMABAD")
        );
        assert_eq!(
            dateline("ISLAMABAD (Reuters) - Pakistan said").as_deref(),
            Some("ISLAMABAD")
        );
        assert_eq!(
            dateline("NEW DELHI, Nov 26 (Reuters) - India said").as_deref(),
            Some("NEW DELHI")
        );
        assert_eq!(
            dateline("WASHINGTON — The U.S.").as_deref(),
            Some("WASHINGTON")
        );
        assert_eq!(dateline("SÃO PAULO — Brazil").as_deref(), Some("SÃO PAULO"));
        assert_eq!(dateline("BREAKING: Talks collapse"), None);
        assert_eq!(dateline("U.S. officials said on Tuesday"), None);
        assert_eq!(dateline("The minister said: “No.”"), None);
        let p = "WASHINGTON — The talks";
        assert_eq!(&p[dateline_len(p)..], "The talks");
    }

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
    fn furniture() {
        assert_eq!(boilerplate("Advertisement"), Boilerplate::Drop);
        assert_eq!(boilerplate("Read more: Talks stall"), Boilerplate::Drop);
        assert_eq!(
            boilerplate("We use cookies to improve your experience. Accept all"),
            Boilerplate::Drop
        );
        assert_eq!(
            boilerplate("“Read more books,” she said, smiling at the delegates."),
            Boilerplate::Keep
        );
        assert!(matches!(
            boilerplate("By Jane Doe | Published Nov. 26, 2026"),
            Boilerplate::Meta(_)
        ));
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
