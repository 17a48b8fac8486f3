//! The vocabulary the analysis knows, defined once: letters of names, months and weekdays,
//! name particles, honorifics, role heads, speech verbs, organisation cues and news agencies.
//!
//! Ingest (dates, datelines, bylines) and analyze (names, attribution, statement dates,
//! entities) read their words from here; the patterns built from them live with the rules that
//! use them. Lists are in the order the patterns try them (for alternations, earlier wins).

use std::sync::LazyLock;

use chrono::Weekday;

use crate::pattern::alternation::alternation;
use crate::pattern::{Pattern, PatternError};

/// The letters a name is written in, as the inside of a regex character class: ASCII, Latin-1,
/// Latin Extended-A and -B, and Latin Extended Additional (Vietnamese, Welsh).
pub const LETTERS: &str = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ";

/// Whether `c` is one of [`LETTERS`].
pub fn is_name_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | 'Ḁ'..='ỿ')
}

/// The months, in calendar order.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month (1–12) a word names, in any case: full names, three-letter abbreviations and
/// "Sept".
pub fn month_number(word: &str) -> Option<u32> {
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            word.eq_ignore_ascii_case(m) || word.len() == 3 && word.eq_ignore_ascii_case(&m[..3])
        })
        .map(|i| i as u32 + 1)
}

/// A month as news text writes it, as a regex: full name or abbreviation ("Sept", "Oct."),
/// ending at a word boundary, with an optional full stop.
pub fn month_pattern() -> String {
    let forms: Vec<String> = MONTHS
        .iter()
        .map(|m| match (m.len(), &m[..3]) {
            (3, _) => m.to_string(),
            (_, "Sep") => "Sept?(?:ember)?".to_string(),
            _ => format!("{}(?:{})?", &m[..3], &m[3..]),
        })
        .collect();
    format!("(?:{})(?-u:\\b)\\.?", forms.join("|"))
}

/// The days of the week, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

/// The weekday a word begins with ("Tuesday", "Tue", "Tuesday's"), by its first three letters.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    let head = word.get(..3)?;
    WEEKDAYS
        .iter()
        .find(|(name, _)| &name[..3] == head)
        .map(|&(_, day)| day)
}

/// The weekday names as a regex alternation (no group): `Monday|Tuesday|…`.
pub fn weekday_pattern() -> String {
    WEEKDAYS.map(|(name, _)| name).join("|")
}

/// Small words inside personal names ("Ursula von der Leyen", "Mohammed bin Salman").
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "di", "du",
];

/// Lower-case words that may join the capitalised words of a speaker as written ("Secretary of
/// State", "Mohammed bin Salman"): a shorter list than [`NAME_PARTICLES`], tried in this order.
pub const SPEAKER_JOINERS: &[&str] = &["of", "for", "the", "de", "al", "bin", "van", "von"];

/// Prepositions that can stand before a role and its name ("alongside Vice President Joe
/// Biden") without being part of the role.
#[rustfmt::skip]
pub const PREPOSITIONS: &[&str] = &[
    "alongside", "with", "by", "for", "from", "to", "of", "at", "in", "on", "about", "against",
    "beside", "behind", "like", "including", "among", "between",
];

/// Honorifics written before a name ("Mr. Smith", "Dr Okafor", "Rev. Kyev Tatum").
pub const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Rev"];

/// Head words that make a phrase a job title ("Foreign Minister", "the bank's chief economist"),
/// capitalised and lower-case, abbreviations with their full stop; multi-word titles and
/// hyphenated forms are single entries.
#[rustfmt::skip]
pub const ROLE_HEADS: &[&str] = &[
    "Secretary-General", "Secretary", "Minister", "President", "Vice-President", "Vice President",
    "Premier", "Chancellor", "Ambassador", "Envoy", "Senator", "Sen.", "Representative", "Rep.",
    "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor", "Spokesman", "Spokeswoman",
    "Spokesperson", "spokesman", "spokeswoman", "spokesperson", "Director", "Chief", "Chairman",
    "Chairwoman", "Chair", "Commissioner", "General", "Gen.", "Admiral", "Adm.", "Colonel",
    "Col.", "Commander", "King", "Queen", "Prince", "Princess", "Sheikh", "Speaker", "Leader",
    "Justice", "Judge", "Attorney General", "Adviser", "Advisor", "Officer", "Official",
    "Analyst", "Professor", "Prof.", "Economist", "Deputy", "Lawmaker", "Diplomat", "Negotiator",
    "Emir", "Sultan", "Pope", "Archbishop", "Bishop", "Coordinator", "Counsel",
    "Secretary of State", "CEO", "Executive", "Founder", "Head", "Strategist", "Researcher",
    "Fellow", "Candidate", "Nominee", "Lt.", "Sgt.", "Capt.", "minister", "secretary",
    "president", "ambassador", "envoy", "senator", "governor", "mayor", "director", "chief",
    "chairman", "chairwoman", "commissioner", "adviser", "advisor", "official", "analyst",
    "professor", "economist", "deputy", "lawmaker", "diplomat", "negotiator", "coordinator",
    "counsel", "executive", "founder", "head", "strategist", "researcher", "fellow", "candidate",
    "nominee", "leader", "commander", "mediator", "Mediator", "representative", "inspector",
    "monitor", "observer", "activist", "historian", "scholar", "lawyer", "attorney", "expert",
    "manager", "chancellor", "premier", "chair", "Prosecutor", "prosecutor", "Attorney",
    "Sergeant", "sergeant", "Detective", "detective", "Sheriff", "sheriff", "Rabbi", "Pastor",
    "pastor", "Recorder", "Whip",
];

/// Whether `word` is one of the single-word [`ROLE_HEADS`] exactly as written.
pub fn is_role_head(word: &str) -> bool {
    ROLE_HEADS.contains(&word)
}

/// Verbs that introduce a quotation next to it ("…," she said), past and present, and the
/// phrases that act as one ("pointed out", "told reporters").
#[rustfmt::skip]
pub const QUOTE_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "stressed",
    "stresses", "noted", "notes", "warned", "warns", "acknowledged", "insisted", "insists",
    "argued", "argues", "explained", "explains", "continued", "wrote", "writes", "declared",
    "claimed", "claims", "stated", "replied", "responded", "recalled", "remarked", "observed",
    "suggested", "emphasised", "emphasized", "admitted", "conceded", "announced", "confirmed",
    "countered", "cautioned", "predicted", "pledged", "vowed", "promised", "complained", "joked",
    "quipped", "tweeted", "posted", "maintained", "contended", "reiterated", "agreed",
    "concluded", "urged", "demanded", "pointed out", "went on", "underlined", "underscored",
    "asserted", "recounted", "shouted", "laughed", "continues", "added that", "told reporters",
];

/// Verbs of reported speech opening a sentence ("X said that …", "X warned on Monday …"),
/// before "told", which takes its audience ([`AUDIENCES`]).
#[rustfmt::skip]
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "stressed", "noted", "warned", "acknowledged", "insisted", "argued", "added",
    "claimed", "suggested", "emphasised", "emphasized", "announced", "stated", "explained",
    "confirmed", "denied", "urged", "maintained", "contended", "reiterated", "predicted",
    "cautioned", "pledged", "vowed", "promised", "admitted", "asserted", "declared", "observed",
    "conceded", "pointed out", "underlined", "underscored", "signalled", "signaled", "indicated",
];

/// Participles that carry a quotation after the sentence's own verb ("Clinton claimed victory
/// in a tweet, saying: “…”", "the ministry issued a statement, adding that …").
#[rustfmt::skip]
pub const SAYING_PARTICIPLES: &[&str] = &[
    "saying", "adding", "writing", "telling", "declaring", "insisting", "warning", "noting",
];

/// Verbs of [`REPORTING_VERBS`] that as often take a thing as what was said ("denied the
/// charges", "claimed victory", "announced the sale"): without "that", what follows them is
/// reported speech only when it reads as a clause ([`FINITE_WORDS`]).
#[rustfmt::skip]
pub const OBJECT_VERBS: &[&str] = &[
    "claimed", "announced", "confirmed", "denied", "admitted", "acknowledged", "predicted",
    "promised", "pledged", "vowed", "urged", "signalled", "signaled", "indicated",
];

/// Words that make a run of words a clause: subject pronouns, auxiliaries and modal verbs
/// ("the brewer had asked for talks", "they received bets", "demand would soar").
#[rustfmt::skip]
pub const FINITE_WORDS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "there", "is", "are", "was", "were", "has", "have",
    "had", "will", "would", "may", "might", "can", "could", "should", "must", "did", "does",
    "do", "shall",
];

/// Verbs of reported speech closing a sentence ("…, X said."), before "told".
#[rustfmt::skip]
pub const CLOSING_VERBS: &[&str] = &[
    "said", "says", "added", "noted", "warned", "stressed", "insisted", "argued", "acknowledged",
    "explained", "claimed", "announced", "confirmed",
];

/// Whom a speaker tells, as a plural or collective noun ("told reporters", "told state media").
#[rustfmt::skip]
pub const AUDIENCES: &[&str] = &[
    "reporters", "journalists", "lawmakers", "parliament", "delegates", "radio", "television",
    "TV", "media", "broadcaster", "newspaper", "students", "supporters", "officials", "investors",
    "diplomats",
];

/// What a statement is made in ("in a statement", "in his speech").
#[rustfmt::skip]
pub const STATEMENT_MEDIA: &[&str] = &[
    "statement", "interview", "speech", "post", "briefing", "address", "letter", "message",
    "remarks", "video",
];

/// Where a statement is made ("at a news conference", "at the summit").
#[rustfmt::skip]
pub const STATEMENT_EVENTS: &[&str] = &[
    "conference", "briefing", "meeting", "summit", "rally", "hearing", "event", "forum", "session",
    "ceremony",
];

/// The bodies one tells, after "the", "a" or "an" ("told the committee", "told a rally").
#[rustfmt::skip]
pub const TOLD_BODIES: &[&str] = &[
    "committee", "hearing", "conference", "summit", "meeting", "audience", "crowd", "rally",
    "session", "newspaper", "agency", "channel", "station", "briefing", "forum", "paper",
    "interviewer", "radio", "television",
];

/// Head words of organisation names ("Ministry of Defence", "African Union"), and institutions
/// named by one word or two.
#[rustfmt::skip]
pub const ORG_HEADS: &[&str] = &[
    "Ministry", "Department", "Council", "Union", "Organisation", "Organization", "Agency", "Bank",
    "Party", "Parliament", "Commission", "Fund", "Forces", "Army", "Navy", "Court", "Institute",
    "University", "Association", "Alliance", "Committee", "Assembly", "Foundation", "Corporation",
    "Authority", "Pentagon", "Kremlin", "White House", "State Department",
];

/// Organisations known by their acronym alone.
#[rustfmt::skip]
pub const ORG_ACRONYMS: &[&str] = &[
    "UN", "NATO", "EU", "IMF", "WHO", "OPEC", "ASEAN", "WTO", "IAEA", "AU", "FBI", "CIA", "BRICS",
    "OSCE", "ICC", "ICJ", "UNHCR", "UNICEF", "OECD", "G7", "G20", "SCO", "ECB", "NSA", "DHS",
];

/// News agencies and broadcasters whose name alone tags wire copy ("(Reuters)", "(CNN)"),
/// lower-case.
#[rustfmt::skip]
pub const AGENCIES: &[&str] = &[
    "reuters", "afp", "ap", "bbc", "cnn", "upi", "xinhua", "tass", "dpa", "efe", "ansa", "kyodo",
    "yonhap", "bloomberg", "pti", "ians", "anadolu", "bernama",
];

/// `pattern` with the lexicon's tokens replaced by their regex: `%L%` by [`LETTERS`] (for use
/// inside a class), `%MONTH%` by [`month_pattern`], and `%WEEKDAYS%`, `%NAME_PARTICLES%`,
/// `%SPEAKER_JOINERS%`, `%HONORIFICS%`, `%ROLE_HEADS%`, `%QUOTE_VERBS%`, `%REPORTING_VERBS%`,
/// `%CLOSING_VERBS%`, `%AUDIENCES%`, `%SAYING%`, `%TOLD_BODIES%`, `%ORG_HEADS%` by the list as an
/// [`alternation`].
pub fn expand(pattern: &str) -> String {
    let mut out = pattern
        .replace("%L%", LETTERS)
        .replace("%MONTH%", &month_pattern())
        .replace("%WEEKDAYS%", &weekday_pattern());
    for (token, alternation) in &ALTERNATIONS {
        if out.contains(token) {
            out = out.replace(token, alternation);
        }
    }
    out
}

/// The word lists [`expand`] writes into patterns, each by its token, with the list's
/// alternation built once per process (several patterns share a list).
static ALTERNATIONS: [(&str, LazyLock<String>); 11] = [
    ("%TOLD_BODIES%", LazyLock::new(|| alternation(TOLD_BODIES))),
    (
        "%NAME_PARTICLES%",
        LazyLock::new(|| alternation(NAME_PARTICLES)),
    ),
    (
        "%SPEAKER_JOINERS%",
        LazyLock::new(|| alternation(SPEAKER_JOINERS)),
    ),
    ("%HONORIFICS%", LazyLock::new(|| alternation(HONORIFICS))),
    ("%ROLE_HEADS%", LazyLock::new(|| alternation(ROLE_HEADS))),
    ("%QUOTE_VERBS%", LazyLock::new(|| alternation(QUOTE_VERBS))),
    (
        "%REPORTING_VERBS%",
        LazyLock::new(|| alternation(REPORTING_VERBS)),
    ),
    (
        "%CLOSING_VERBS%",
        LazyLock::new(|| alternation(CLOSING_VERBS)),
    ),
    ("%AUDIENCES%", LazyLock::new(|| alternation(AUDIENCES))),
    (
        "%SAYING%",
        LazyLock::new(|| alternation(SAYING_PARTICIPLES)),
    ),
    ("%ORG_HEADS%", LazyLock::new(|| alternation(ORG_HEADS))),
];

/// Builds one of the analysis's patterns after [`expand`]ing the lexicon's tokens: the one way
/// the analysis makes a regular expression (see [`Pattern`] for its two engines).
pub fn compile(pattern: &str) -> Result<Pattern, PatternError> {
    Pattern::new(&expand(pattern))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_abbreviation_and_sept() {
        assert_eq!(month_number("November"), Some(11));
        assert_eq!(month_number("nov"), Some(11));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Novem"), None);
        let re = regex::Regex::new(&format!("^{}$", month_pattern())).unwrap();
        for m in [
            "Jan",
            "January",
            "Sept.",
            "Sep",
            "September",
            "May",
            "June",
            "Jun.",
        ] {
            assert!(re.is_match(m), "{m}");
        }
        assert!(!re.is_match("Mayor"));
    }

    #[test]
    fn weekdays_by_their_first_letters() {
        assert_eq!(weekday_of("Tuesday's"), Some(Weekday::Tue));
        assert_eq!(weekday_of("Sun"), Some(Weekday::Sun));
        assert_eq!(weekday_of("Today"), None);
    }

    #[test]
    fn lists_hold_no_word_twice() {
        for list in [
            ROLE_HEADS,
            QUOTE_VERBS,
            REPORTING_VERBS,
            AUDIENCES,
            ORG_HEADS,
            AGENCIES,
        ] {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert!(seen.insert(w), "{w} twice");
            }
        }
    }

    #[test]
    fn name_letters_match_the_class() {
        let re = regex::Regex::new(&format!("^[{LETTERS}]$")).unwrap();
        for c in [
            'a', 'Z', 'é', 'ß', 'Ł', 'ș', 'ạ', 'ỹ', '×', '÷', '1', '-', 'ʻ', 'Ω',
        ] {
            assert_eq!(is_name_letter(c), re.is_match(&c.to_string()), "{c}");
        }
    }
}
