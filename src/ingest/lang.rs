//! Language of an article: whatlang's guess when it is reliable, mapped to ISO 639-1, or the
//! language the file declares.

/// How much of a text (characters) its language is first told from: whatlang is sure of an
/// article's language within a few paragraphs, and its time grows with the sample (~13 µs
/// per 1,000 characters over a fixed ~60 µs).
const SAMPLE_CHARS: usize = 1_000;
/// How much is read when the first sample leaves whatlang unsure (code, tables, mixed text).
const FULL_SAMPLE_CHARS: usize = 20_000;

/// The ISO 639-1 code of the text's language, when whatlang is confident about it: told from
/// the first 1,000 characters (`SAMPLE_CHARS`), or from the first 20,000 when those
/// are not enough.
pub fn language(text: &str) -> Option<String> {
    let end = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    let reliable = |end: usize| whatlang::detect(&text[..end]).filter(whatlang::Info::is_reliable);
    let first = end(SAMPLE_CHARS);
    let more = || {
        (first < text.len())
            .then(|| reliable(end(FULL_SAMPLE_CHARS)))
            .flatten()
    };
    let info = reliable(first).or_else(more)?;
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

    #[test]
    fn languages() {
        let en = "The foreign ministers met on Tuesday to discuss the water accord, and officials said the talks would continue next week in the capital.";
        assert_eq!(language(en).as_deref(), Some("en"));
        assert_eq!(language("Hi"), None);
        assert_eq!(declared_language("en-GB").as_deref(), Some("en"));
        // An opening the first sample cannot tell (a table of figures): more is read.
        let figures = "2024 | 13,500 | 7.25 | 0.4 %\n".repeat(40);
        assert!(figures.chars().count() > SAMPLE_CHARS);
        let text = format!("{figures}{}", en.repeat(4));
        assert_eq!(language(&text).as_deref(), Some("en"));
        assert_eq!(declared_language("fra"), None);
    }
}
