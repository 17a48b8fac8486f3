//! A word list as a regex alternation shaped like a prefix tree, matching exactly as the plain
//! alternation `w1|w2|…` does (leftmost-first: an earlier word wins).
//!
//! regex-lite compiles `w1|w2|…|w131` as 131 branches and its Pike VM follows every branch at
//! every position it tries; `Min(?:ister|istry)|Pre(?:mier|sident)…` leaves one branch per
//! distinct first letter. The regex crate factors alternations itself; for it the tree changes
//! nothing.
//!
//! Why the tree keeps the plain alternation's preferences: at a given position only the words
//! whose next character is the text's next character can go on, so words with different next
//! characters never compete and may be grouped by that character, keeping their order within
//! the group. A word that ends (an empty rest) competes with every other word, so words are
//! never moved across one: grouping happens between the words that end, not over them.

/// `words` as an alternation (no enclosing group): a prefix tree with the same matches, groups
/// and preferences as `words` joined by `|`, each word escaped.
pub fn alternation(words: &[&str]) -> String {
    let mut out = String::new();
    branches(words, &mut out);
    out
}

/// Writes the alternation of `rests` (words, or what is left of them after a shared prefix),
/// in their order, to `out`.
fn branches(rests: &[&str], out: &mut String) {
    let mut first = true;
    let mut separator = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push('|');
        }
    };
    // Segments between the words that end here; within a segment, groups by first character
    // in the order each character first appears.
    for segment in rests.split_inclusive(|r| r.is_empty()) {
        let (words, ended) = match segment.split_last() {
            Some((&"", words)) => (words, true),
            _ => (segment, false),
        };
        let mut heads: Vec<char> = Vec::new();
        for w in words {
            let c = w.chars().next().expect("only empty rests end a segment");
            if !heads.contains(&c) {
                heads.push(c);
            }
        }
        for c in heads {
            let group: Vec<&str> = words.iter().copied().filter(|w| w.starts_with(c)).collect();
            separator(out);
            branch(&group, out);
        }
        if ended {
            separator(out);
        }
    }
}

/// Writes `group` (words sharing their first character, at least one): their longest common
/// prefix, then the alternation of the rests in a group when they differ.
fn branch(group: &[&str], out: &mut String) {
    let prefix = common_prefix(group);
    out.push_str(&regex::escape(prefix));
    let rests: Vec<&str> = group.iter().map(|w| &w[prefix.len()..]).collect();
    if rests.iter().all(|r| r.is_empty()) {
        return;
    }
    out.push_str("(?:");
    branches(&rests, out);
    out.push(')');
}

/// The longest prefix (whole characters) every word of `words` starts with.
fn common_prefix<'a>(words: &[&'a str]) -> &'a str {
    let first = words[0];
    let mut len = first.len();
    for w in &words[1..] {
        len = first
            .char_indices()
            .zip(w.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    &first[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_sharing_a_start_share_a_branch() {
        assert_eq!(
            alternation(&["said", "says", "say", "added"]),
            "sa(?:id|y(?:s|))|added"
        );
        assert_eq!(alternation(&["Mr", "Mrs", "Ms", "Dr"]), "M(?:r(?:|s)|s)|Dr");
        assert_eq!(alternation(&["G7", "G20", "U.N."]), r"G(?:7|20)|U\.N\.");
    }

    #[test]
    fn words_are_not_moved_across_a_word_that_ends() {
        // "a" is preferred to "abd" but not to "abc": the two cannot share a "b" branch.
        assert_eq!(alternation(&["abc", "a", "abd"]), "a(?:bc||bd)");
    }

    #[test]
    fn matches_as_the_plain_alternation_does() {
        let words = [
            "Secretary-General",
            "Secretary",
            "Secretary-Designate",
            "Minister",
            "Ministry",
            "Vice-President",
            "Vice President",
            "President",
            "say",
            "says",
            "said",
            "s",
            "Dr",
            "Mr",
            "Mrs",
            "de",
            "del",
            "der",
            "d'",
            "Émile",
            "Étienne",
        ];
        let hay = "Secretary-General Secretary-Designate Secretary General Vice-President Vice President Ministry \
                   Minister of saying says sa Mrs Mr. Dr del derby d'Alembert Émile Étienne";
        // Tails that make the preference between a word and its longer forms matter (classes
        // written out: `\w` and `\s` are ASCII in regex-lite).
        for tail in [
            "",
            "[^A-Za-z]",
            r"[A-Za-z\-]*",
            "[ ]+[A-Za-z]+",
            "(?:[ ]+of)?",
            "'?[A-Za-z]",
        ] {
            let plain = words.map(regex::escape).join("|");
            let plain = regex::Regex::new(&format!("(?P<w>{plain}){tail}")).unwrap();
            let tree = format!("(?P<w>{}){tail}", alternation(&words));
            let tree_re = regex::Regex::new(&tree).unwrap();
            let lite = regex_lite::Regex::new(&tree).unwrap();
            let of = |c: regex::Captures| {
                let (w, m) = (c.name("w").unwrap(), c.get(0).unwrap());
                (m.start(), m.end(), w.start(), w.end())
            };
            let expected: Vec<_> = plain.captures_iter(hay).map(of).collect();
            assert!(expected.len() > 5, "{tail}: {expected:?}");
            assert_eq!(
                tree_re.captures_iter(hay).map(of).collect::<Vec<_>>(),
                expected
            );
            let lite_found: Vec<_> = lite
                .captures_iter(hay)
                .map(|c| {
                    let (w, m) = (c.name("w").unwrap(), c.get(0).unwrap());
                    (m.start(), m.end(), w.start(), w.end())
                })
                .collect();
            assert_eq!(lite_found, expected, "regex-lite, tail {tail}");
        }
    }
}
