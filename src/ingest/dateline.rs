//! Datelines and wire tags: the place, date and outlet tag that open an article's first
//! paragraph, or its second after a standfirst ("ISLAMABAD (Reuters) - …", "WASHINGTON — …",
//! "(CNN)They …"), so that sentences, titles and key points start at the body text and the
//! article records its dateline place.
//!
//! A wire tag is a short bracketed outlet name at the very head of a paragraph, alone or after
//! a place: an agency (the list in [`super::meta`]), a name with an outlet word ("Northbridge
//! Wire"), or, followed by a dash, an abbreviation in capitals ("(ANI) - "). Brackets elsewhere
//! in the text, labels ("(Updated)", "(AP Photo)") and numbers ("(1)") are not tags.

use super::headforms;
use super::meta::{has_outlet_word, has_word_in, words};
use crate::lexicon::AGENCIES;
use crate::model::{Paragraph, Span};

/// How many paragraphs from the top a dateline may open: the first, or the second when a saved
/// page puts a standfirst before the body ("Investigators will examine…", then "BRAUNSCHWEIG —
/// Prosecutors have opened…").
pub const DATELINE_PARAGRAPHS: usize = 2;

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

/// A wire tag at the head of a paragraph.
struct Wire<'a> {
    place: Option<&'a str>,
    tag: &'a str,
    /// Bytes up to the body text.
    len: usize,
}

/// Whether the text in brackets names an outlet: an agency ("Reuters", "AP"), a name of up to
/// three capitalised words with an outlet word ("Northbridge Wire"), or, before a dash, an
/// abbreviation in capitals ("ANI"); never a label ("AP Photo", "Updated") or a number.
fn is_wire_tag(tag: &str, dashed: bool) -> bool {
    let ws = words(tag);
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let label = ws
        .iter()
        .any(|w| NOT_PLACES.contains(&w.to_uppercase().as_str()));
    if ws.is_empty() || ws.len() > 3 || label || !ws.iter().all(capitalised) {
        return false;
    }
    let letters = |w: &str| w.chars().all(|c| c.is_alphabetic() || "&.-".contains(c));
    if !ws.iter().all(|w| letters(w)) {
        return false;
    }
    let caps =
        ws.len() == 1 && (2..=6).contains(&tag.len()) && !tag.chars().any(char::is_lowercase);
    has_word_in(tag, AGENCIES) || (ws.len() > 1 && has_outlet_word(tag)) || (dashed && caps)
}

fn wire(paragraph: &str) -> Option<Wire<'_>> {
    let head = headforms::wire(paragraph)?;
    let end = head.end;
    let body = paragraph[end..].chars().next()?;
    let tag = paragraph[head.tag.clone()].trim();
    let dashed = head.dash.is_some();
    if body.is_whitespace() || !is_wire_tag(tag, dashed) {
        return None;
    }
    let place = head.place.map(|r| &paragraph[r]);
    if let Some(p) = place {
        // A name in small letters before "(CNN) said" is a subject, not a place: a place in
        // small letters needs a dash or the body glued to the tag.
        let glued = !paragraph[head.tag.end + 1..end].contains(char::is_whitespace);
        if p.chars().any(char::is_lowercase) && !dashed && !glued {
            return None;
        }
        if NOT_PLACES.contains(&p) {
            return None;
        }
    }
    Some(Wire {
        place,
        tag,
        len: end,
    })
}

/// The outlet a paragraph's wire tag names: `CNN` for "(CNN)They …" or "LONDON, England (CNN)
/// -- …", `Reuters` for "ISLAMABAD (Reuters) - …"; `None` for "(Updated)", "(1)" or a tag that
/// does not open the paragraph.
pub fn wire_tag(paragraph: &str) -> Option<&str> {
    wire(paragraph).map(|w| w.tag)
}

/// The dateline place a paragraph opens with: `ISLAMABAD` for "ISLAMABAD: …",
/// "ISLAMABAD (Reuters) - …", "NEW DELHI, Nov 26 (Reuters) - …" or "WASHINGTON — …"; in
/// capitals for a place set in small letters before a wire tag ("Kathmandu, Nepal (CNN)…").
/// `None` for a bare wire tag ("(CNN)They …"), which still counts in [`dateline_len`].
pub fn dateline(paragraph: &str) -> Option<String> {
    if let Some(w) = wire(paragraph) {
        return w.place.map(str::to_uppercase);
    }
    let (place_end, _) = headforms::dateline(paragraph)?;
    let place = paragraph[..place_end].trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || NOT_PLACES.contains(&place) {
        return None;
    }
    Some(place.to_string())
}

/// The byte length of the dateline prefix ("ISLAMABAD: ", "(CNN) -- "), so callers can look
/// past it.
pub fn dateline_len(paragraph: &str) -> usize {
    if let Some(w) = wire(paragraph) {
        return w.len;
    }
    match (dateline(paragraph), headforms::dateline(paragraph)) {
        // The match ends with the first character of the body text.
        (Some(_), Some((_, end))) => paragraph[..end]
            .char_indices()
            .last()
            .map(|(i, _)| i)
            .unwrap_or(end),
        _ => 0,
    }
}

/// Where the dateline prefix sits in `text` (its `paragraphs` in order): at the head of the
/// first paragraph, or of the second when that names its place in capitals (see
/// [`DATELINE_PARAGRAPHS`]); `None` when neither opens with one.
pub fn span(text: &str, paragraphs: &[Paragraph]) -> Option<Span> {
    paragraphs
        .iter()
        .take(DATELINE_PARAGRAPHS)
        .enumerate()
        .find_map(|(i, p)| {
            let paragraph = text.get(p.span.start..p.span.end)?;
            let len = match i {
                0 => dateline_len(paragraph),
                _ => capital_dateline_len(paragraph),
            };
            (len > 0).then(|| Span::new(p.span.start, p.span.start + len))
        })
}

/// [`dateline_len`] of a paragraph whose dateline names its place in capitals ("BRAUNSCHWEIG —",
/// "WASHINGTON (Reuters) -", "DUBAI, United Arab Emirates —") or none ("(CNN)"), else 0: the only kind taken after
/// a standfirst, where a name and a bracket also open lines of a transcript ("Rep. Trey Gowdy
/// (R-S.C.):").
fn capital_dateline_len(paragraph: &str) -> usize {
    let Some(place) = dateline(paragraph) else {
        // A bare wire tag ("(Reuters) - …") names no place to doubt.
        return wire(paragraph)
            .filter(|w| w.place.is_none())
            .map_or(0, |w| w.len);
    };
    let city = place.split(',').next().unwrap_or_default().trim();
    let in_capitals = city.chars().any(char::is_alphabetic) && !city.contains(char::is_lowercase);
    if in_capitals && paragraph.starts_with(city) {
        dateline_len(paragraph)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of `text` separated by a blank line, as ingest records them.
    fn paragraphs(text: &str) -> Vec<Paragraph> {
        let mut pos = 0;
        text.split("\n\n")
            .enumerate()
            .map(|(index, p)| {
                let span = Span::new(pos, pos + p.len());
                pos += p.len() + 2;
                Paragraph { index, span }
            })
            .collect()
    }

    #[test]
    fn a_dateline_after_a_standfirst_is_found_in_capitals_only() {
        let standfirst = "Investigators will examine how the batteries were stored\n\n";
        let text = format!("{standfirst}BRAUNSCHWEIG — Prosecutors have opened an inquiry.");
        let at = standfirst.len();
        assert_eq!(
            span(&text, &paragraphs(&text)),
            Some(Span::new(at, at + "BRAUNSCHWEIG — ".len()))
        );
        let text =
            format!("{standfirst}DUBAI, United Arab Emirates — Dubai's carrier ordered jets.");
        let head = span(&text, &paragraphs(&text)).map(|d| text[d.start..d.end].to_string());
        assert_eq!(head.as_deref(), Some("DUBAI, United Arab Emirates — "));
        let transcript =
            "Her camp's calculation.\n\nRep. Trey Gowdy (R-S.C.):\"Who told you that?\"";
        assert_eq!(span(transcript, &paragraphs(transcript)), None);
        let wire = "A teaser.\n\n(CNN)The Senate voted.";
        assert_eq!(span(wire, &paragraphs(wire)), Some(Span::new(11, 16)));
        let third = "One.\n\nTwo.\n\nLONDON — Three.";
        assert_eq!(span(third, &paragraphs(third)), None);
        let first = "WASHINGTON (Reuters) - The Senate voted.";
        assert_eq!(
            span(first, &paragraphs(first)),
            Some(Span::new(0, "WASHINGTON (Reuters) - ".len()))
        );
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
    fn wire_tags_are_datelines() {
        for (p, place, tag, body) in [
            ("(CNN)They may not be", None, "CNN", "They may not be"),
            ("(CNN) -- They may not be", None, "CNN", "They may not be"),
            (
                "(Reuters) - Pakistan said",
                None,
                "Reuters",
                "Pakistan said",
            ),
            ("(AP) — Officials said", None, "AP", "Officials said"),
            (
                "LONDON, England (CNN) -- They",
                Some("LONDON"),
                "CNN",
                "They",
            ),
            (
                "Kathmandu, Nepal (CNN)Rescuers",
                Some("KATHMANDU"),
                "CNN",
                "Rescuers",
            ),
            (
                "ISLAMABAD (Reuters) - Pakistan",
                Some("ISLAMABAD"),
                "Reuters",
                "Pakistan",
            ),
            (
                "(Northbridge Wire) — Talks",
                None,
                "Northbridge Wire",
                "Talks",
            ),
            ("(ANI) - Talks", None, "ANI", "Talks"),
        ] {
            assert_eq!(dateline(p).as_deref(), place, "{p}");
            assert_eq!(wire_tag(p), Some(tag), "{p}");
            assert_eq!(&p[dateline_len(p)..], body, "{p}");
        }
        for p in [
            "(Updated) Talks resumed",
            "(Photo) The minister",
            "(1) The first point",
            "(AP Photo) The minister",
            "(ANI) Talks",
            "(GM) has until midnight",
            "Pakistan said (Reuters) - that talks",
            "Sofia Vergara (CNN) said on Tuesday",
            "(CNN)",
        ] {
            assert_eq!(wire_tag(p), None, "{p}");
            assert_eq!(dateline_len(p), 0, "{p}");
        }
    }
}
