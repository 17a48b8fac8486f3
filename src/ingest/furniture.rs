//! Page furniture that leaks into article text: ad labels, share bars, "Read more" links,
//! cookie notices, newsletter pitches, and stray "By X | Published …" lines (kept as metadata).

use super::meta::{header_line, Header};

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
    let n = lower.split_whitespace().count();
    if is_label(lower, n) || (n <= 60 && is_pitch(lower, n)) {
        return Boilerplate::Drop;
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

/// Paragraphs that are page furniture as they stand (lowercase, closing dots and arrows
/// trimmed).
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

/// Openings of page furniture up to 30 words long.
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

/// Openings of page furniture up to 12 words long.
const TINY_PREFIXES: &[&str] = &["subscribe", "©", "copyright ©", "sign in", "log in"];

/// Whether `lower`, `n` words long, is a furniture label: an ad label, share bar, "Read
/// more" link, photo credit, sign-in or copyright line.
fn is_label(lower: &str, n: usize) -> bool {
    EXACT.contains(&lower)
        || (n <= 30 && SHORT_PREFIXES.iter().any(|s| lower.starts_with(s)))
        || (n <= 12 && TINY_PREFIXES.iter().any(|s| lower.starts_with(s)))
}

/// Whether `lower`, `n` words long (60 at most), is a pitch or notice: a newsletter pitch, a
/// cookie notice, an affiliate disclosure or a short rights line.
fn is_pitch(lower: &str, n: usize) -> bool {
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
    newsletter
        || cookies
        || is_disclosure(lower)
        || (n <= 12 && lower.contains("all rights reserved"))
        || (n <= 30 && lower.contains('©'))
        || (n <= 30 && is_contact(lower))
}

/// Whether `lower` is a site's contact line: a telephone number named as one ("202-628-8500
/// tel | 202-628-8503 fax").
fn is_contact(lower: &str) -> bool {
    let phone = |w: &str| {
        let groups: Vec<&str> = w.split(['-', '.']).collect();
        groups.len() == 3
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && groups.iter().map(|g| g.len()).eq([3, 3, 4])
    };
    let named = lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "tel" | "fax" | "phone" | "telephone"));
    named && lower.split_whitespace().any(phone)
}

/// Whether `lower` is a site's disclosure that it earns from its links, not news.
fn is_disclosure(lower: &str) -> bool {
    let affiliate = ["affiliate", "referral"].iter().any(|w| lower.contains(w))
        && ["link", "earn", "commission", "compensat", "purchase"]
            .iter()
            .any(|w| lower.contains(w));
    let earns = [
        "earn a commission",
        "receive a commission",
        "earn a small commission",
    ]
    .iter()
    .any(|w| lower.contains(w));
    (affiliate || earns)
        && ["may ", "we ", "this post", "this article", "our "]
            .iter()
            .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Issue 13: a site's disclaimer became a key point.
        assert_eq!(
            boilerplate("This post may contain affiliate and/or referral links."),
            Boilerplate::Drop
        );
        assert_eq!(
            boilerplate("We may earn a commission when you buy through links on our site."),
            Boilerplate::Drop
        );
        assert_eq!(
            boilerplate("The European Commission may link the funds to reforms, we understand."),
            Boilerplate::Keep
        );
        assert!(matches!(
            boilerplate("By Jane Doe | Published Nov. 26, 2026"),
            Boilerplate::Meta(_)
        ));
    }

    /// Found reading a saved page of The Hill: its footer became a key point.
    #[test]
    fn a_site_s_contact_and_rights_lines_are_furniture() {
        for line in [
            "The Hill 1625 K Street, NW Suite 900 Washington DC 20006 | 202-628-8500 tel | 202-628-8503 fax",
            "The contents of this site are ©2019 Capitol Hill Publishing Corp., a subsidiary of News Communications, Inc.",
        ] {
            assert_eq!(boilerplate(line), Boilerplate::Drop, "{line}");
        }
        assert_eq!(
            boilerplate(
                "Residents can call the hotline on 555-010-7788 until Friday, the council said."
            ),
            Boilerplate::Keep
        );
    }

    /// Found reading a saved page of The Hill: its byline line opened the body and became the
    /// bottom line.
    #[test]
    fn a_byline_with_a_dash_and_a_numeric_date_is_metadata() {
        match boilerplate("By Justine Coleman - 11/18/19 11:04 PM EST") {
            Boilerplate::Meta(h) => assert_eq!(h.byline.as_deref(), Some("Justine Coleman")),
            other => panic!("{other:?}"),
        }
        // A dash inside a sentence of the body is not a header's separator.
        assert_eq!(
            boilerplate("By 2030 - the minister said - prices will have doubled."),
            Boilerplate::Keep
        );
    }
}
