//! Pathological articles of a given size, made on the fly: the shapes that made BriefDesk slow or
//! huge (issue 14), shared by `tests/pathological.rs` and `benches/pathological.rs`.
#![allow(dead_code)]

/// Ordinary words, so the text looks like prose to the analysis.
const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "that",
    "government",
    "would",
    "review",
    "policy",
    "on",
    "trade",
    "and",
    "energy",
    "after",
    "talks",
    "with",
    "officials",
    "in",
    "capital",
    "port",
    "fees",
];

/// Names for speakers and tables of people.
const NAMES: &[&str] = &[
    "Lee", "Okafor", "Hale", "Tamm", "Rubio", "Diaz", "Khan", "Novak",
];

/// A small deterministic generator (an LCG), so every run makes the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn words(&mut self, n: usize) -> String {
        let w: Vec<&str> = (0..n).map(|_| WORDS[self.next(WORDS.len())]).collect();
        w.join(" ")
    }
}

/// One pathological article: a name (file name with its extension) and its bytes.
pub struct Case {
    /// What it is, as a file name (`one-word.txt`).
    pub name: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Every shape, each about `size` bytes.
pub fn cases(size: usize) -> Vec<Case> {
    vec![
        Case {
            name: "one-word.txt",
            bytes: one_word(size),
        },
        Case {
            name: "one-sentence.txt",
            bytes: one_sentence(size),
        },
        Case {
            name: "one-paragraph.txt",
            bytes: one_paragraph(size),
        },
        Case {
            name: "short-lines.txt",
            bytes: short_lines(size),
        },
        Case {
            name: "many-quotes.txt",
            bytes: many_quotes(size),
        },
        Case {
            name: "many-names.txt",
            bytes: many_names(size),
        },
        Case {
            name: "long-title.html",
            bytes: long_title(size),
        },
        Case {
            name: "table.html",
            bytes: table(2_000),
        },
        Case {
            name: "deep-nesting.md",
            bytes: deep_markdown(size.min(100_000)),
        },
    ]
}

/// A title line, then one word of `size` letters.
pub fn one_word(size: usize) -> Vec<u8> {
    let word: String = "abcdefghij".repeat(size / 10);
    format!("One long word\n\n{word}\n").into_bytes()
}

/// A title line, then one sentence of ordinary words and `size` bytes, one full stop at the end.
pub fn one_sentence(size: usize) -> Vec<u8> {
    let mut g = Lcg(1);
    let mut body = String::with_capacity(size + 64);
    while body.len() < size {
        body.push_str(&g.words(64));
        body.push(' ');
    }
    format!("One long sentence\n\nThe {}.\n", body.trim_end()).into_bytes()
}

/// A title line, then one paragraph of ordinary sentences, `size` bytes.
pub fn one_paragraph(size: usize) -> Vec<u8> {
    let mut g = Lcg(2);
    let mut body = String::with_capacity(size + 64);
    while body.len() < size {
        let n = 8 + g.next(18);
        let s = g.words(n);
        body.push_str(&s[..1].to_uppercase());
        body.push_str(&s[1..]);
        body.push_str(". ");
    }
    format!("One long paragraph\n\n{}\n", body.trim_end()).into_bytes()
}

/// A title line, then three-word lines without punctuation (a pasted log or a flattened table).
pub fn short_lines(size: usize) -> Vec<u8> {
    let mut g = Lcg(3);
    let mut body = String::with_capacity(size + 64);
    while body.len() < size {
        body.push_str(&g.words(3));
        body.push('\n');
    }
    format!("Short lines\n\n{body}").into_bytes()
}

/// Quotation after quotation, each with its speaker, paragraphs of twenty.
pub fn many_quotes(size: usize) -> Vec<u8> {
    let mut g = Lcg(4);
    let mut body = String::from("Secretary Anna Lee and envoy Tom Hale met.\n\n");
    let mut i = 0;
    while body.len() < size {
        let n = 6 + g.next(8);
        let q = g.words(n);
        let who = NAMES[g.next(NAMES.len())];
        body.push_str(&format!(
            "“{}{} {i},” {who} said. ",
            &q[..1].to_uppercase(),
            &q[1..]
        ));
        i += 1;
        if i % 20 == 0 {
            body.push_str("\n\n");
        }
    }
    format!("Many quotes\n\n{body}\n").into_bytes()
}

/// A table of people flattened to text: a new name in every sentence.
pub fn many_names(size: usize) -> Vec<u8> {
    let first = [
        "Anna", "Tom", "Mei", "Omar", "Ivan", "Lena", "Raj", "Sara", "Ken", "Zoe",
    ];
    let mut g = Lcg(5);
    let mut body = String::with_capacity(size + 64);
    let mut i = 0;
    while body.len() < size {
        let f = first[g.next(first.len())];
        body.push_str(&format!("{f} Name{i} said the talks were useful. "));
        i += 1;
        if i % 10 == 0 {
            body.push('\n');
        }
    }
    format!("Many names\n\n{body}\n").into_bytes()
}

/// A saved page whose title and headline are one word each, `size` bytes in all.
pub fn long_title(size: usize) -> Vec<u8> {
    let t = "abcdefghij".repeat(size / 20);
    format!(
        "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>\
         <p>The ministry published the report on Tuesday, officials said in the capital today.</p>\
         <p>The talks continue next week in the capital with officials from both sides.</p>\
         </article></body></html>"
    )
    .into_bytes()
}

/// A saved page holding a table of `rows` rows of people and figures.
pub fn table(rows: usize) -> Vec<u8> {
    let mut g = Lcg(6);
    let mut html = String::from(
        "<html><head><title>Delegations</title></head><body><article><h1>Delegations</h1>\
         <p>The list of delegations was published on Tuesday by the ministry.</p><table>",
    );
    for i in 0..rows {
        let who = NAMES[g.next(NAMES.len())];
        html.push_str(&format!(
            "<tr><td>{who} {i}</td><td>{}</td><td>{}</td></tr>",
            g.words(4),
            g.next(100_000)
        ));
    }
    html.push_str("</table></article></body></html>");
    html.into_bytes()
}

/// Markdown nested `depth` levels deep: block quotes in block quotes, lists in lists.
pub fn deep_markdown(depth: usize) -> Vec<u8> {
    format!(
        "# Deep nesting\n\nThe ministry published the plan on Tuesday.\n\n{} quoted\n\n{}listed\n",
        ">".repeat(depth),
        "- ".repeat(depth)
    )
    .into_bytes()
}
