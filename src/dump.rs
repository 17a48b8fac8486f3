//! Readable text dumps of each stage's output, for golden files and `briefdesk analyze`.

use std::fmt::Write;

use crate::model::{
    Analysis, Article, Brief, BriefLine, BriefStory, SpeakerGroup, StatementKind, StoryGroup,
};

/// The article's metadata and paragraphs, one field per line.
pub fn article(a: &Article) -> String {
    let mut s = String::new();
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let _ = writeln!(s, "file: {}", a.file_name);
    let _ = writeln!(s, "format: {:?}", a.format);
    let _ = writeln!(s, "title: {}", a.title);
    let _ = writeln!(s, "outlet: {}", opt(&a.outlet));
    let _ = writeln!(s, "byline: {}", opt(&a.byline));
    let _ = writeln!(
        s,
        "published: {}",
        a.published.map(|d| d.to_string()).unwrap_or("-".into())
    );
    let _ = writeln!(s, "dateline: {}", opt(&a.dateline));
    let _ = writeln!(s, "language: {}", opt(&a.language));
    let _ = writeln!(s, "url: {}", opt(&a.url));
    if !a.date_conflicts.is_empty() {
        let _ = writeln!(s, "date conflicts: {}", a.date_conflicts.join("; "));
    }
    let _ = writeln!(s, "words: {}", a.word_count());
    for p in &a.paragraphs {
        let _ = writeln!(
            s,
            "\n[¶{} {}..{}]\n{}",
            p.index,
            p.span.start,
            p.span.end,
            a.slice(p.span)
        );
    }
    s
}

/// The sentences of an analysis, one per line with paragraph and span.
pub fn sentences(an: &Analysis) -> String {
    let mut s = String::new();
    for (i, sen) in an.sentences.iter().enumerate() {
        let _ = writeln!(
            s,
            "{i:>3} ¶{} {}..{}  {}",
            sen.paragraph, sen.span.start, sen.span.end, sen.text
        );
    }
    s
}

/// Statements with speakers and provenance, then key sentences and entities.
pub fn statements(an: &Analysis) -> String {
    let mut s = String::new();
    for st in &an.statements {
        let kind = match st.kind {
            StatementKind::DirectQuote => "QUOTE",
            StatementKind::Reported => "REPORTED",
        };
        let who = st
            .speaker
            .as_ref()
            .map(|sp| match &sp.role {
                Some(r) => format!("{} ({r})", sp.name),
                None => sp.name.clone(),
            })
            .unwrap_or_else(|| "?".into());
        // The date only where the sentence gives one, so undated statements read as before.
        let date = st.date.map(|d| format!("; date: {d}")).unwrap_or_default();
        let _ = writeln!(
            s,
            "{kind} ¶{} {}..{} {who} [mention: {}; cue: {}{date}]\n  {}",
            st.provenance.paragraph,
            st.provenance.span.start,
            st.provenance.span.end,
            st.mention.as_deref().unwrap_or("-"),
            st.cue.as_deref().unwrap_or("-"),
            st.text
        );
    }
    let _ = writeln!(s, "\nKEY SENTENCES");
    for k in &an.key_sentences {
        if let Some(sen) = an.sentences.get(k.sentence) {
            let _ = writeln!(s, "  {:.3} #{} {}", k.score, k.sentence, sen.text);
        }
    }
    let _ = writeln!(s, "\nENTITIES");
    for e in &an.entities {
        let _ = writeln!(s, "  {:?} {} ×{}", e.kind, e.name, e.mentions);
    }
    s
}

fn line(s: &mut String, bullet: &str, l: &BriefLine) {
    let refs: Vec<String> = l.sources.iter().map(|n| n.to_string()).collect();
    let _ = writeln!(s, "{bullet}{} [{}]", l.text, refs.join(","));
}

/// The composed brief as plain text, section by section.
pub fn brief(b: &Brief) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "MARKING: {}", b.marking);
    let _ = writeln!(s, "TITLE: {}", b.title);
    if let Some(sub) = &b.subtitle {
        let _ = writeln!(s, "SUBTITLE: {sub}");
    }
    let _ = writeln!(s, "DATE: {}", b.date);
    let _ = writeln!(s, "AUTHOR: {}", b.author.as_deref().unwrap_or("-"));
    let _ = writeln!(s, "\nBOTTOM LINE");
    for l in &b.bottom_line {
        line(&mut s, "  ", l);
    }
    let _ = writeln!(s, "\nKEY POINTS");
    for l in &b.key_points {
        line(&mut s, "  - ", l);
    }
    let _ = writeln!(s, "\nKEY STATEMENTS");
    speakers(&mut s, "  ", &b.speakers);
    for (i, story) in b.stories.iter().enumerate() {
        self::story(&mut s, i + 1, story);
    }
    let _ = writeln!(s, "\nSOURCES");
    for src in &b.sources {
        let _ = writeln!(
            s,
            "  {}. {} — {} — {} — {} — {}",
            src.number,
            src.outlet.as_deref().unwrap_or("-"),
            src.title,
            src.byline.as_deref().unwrap_or("-"),
            src.date.map(|d| d.to_string()).unwrap_or("-".into()),
            src.file_name
        );
    }
    s
}

/// Speakers and their statements, each line indented by `indent`.
fn speakers(s: &mut String, indent: &str, groups: &[SpeakerGroup]) {
    for g in groups {
        let role = g
            .role
            .as_ref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let _ = writeln!(s, "{indent}{}{role}", g.name);
        for st in &g.statements {
            let q = match st.kind {
                StatementKind::DirectQuote => format!("“{}”", st.text),
                StatementKind::Reported => st.text.clone(),
            };
            let edited = if st.edited { ", edited" } else { "" };
            let _ = writeln!(s, "{indent}  - {q} [{}{edited}]", st.refs());
        }
    }
}

/// One story of a brief: label, grouping, sources, dates, then its section and chronology.
fn story(s: &mut String, number: usize, st: &BriefStory) {
    let dates = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or("-".into());
    let minor = if st.minor { " (minor)" } else { "" };
    let _ = writeln!(s, "\nSTORY {number}{minor}: {}", st.label);
    if !st.why.is_empty() {
        let _ = writeln!(s, "  {}", st.why);
    }
    let refs: Vec<String> = st.sources.iter().map(usize::to_string).collect();
    let _ = writeln!(
        s,
        "  sources [{}]; outlets: {}; {} to {}",
        refs.join(","),
        st.outlets.join(", "),
        dates(st.first_date),
        dates(st.last_date)
    );
    for l in &st.bottom_line {
        line(s, "  BOTTOM LINE ", l);
    }
    for l in &st.key_points {
        line(s, "  - ", l);
    }
    speakers(s, "  ", &st.speakers);
    for e in &st.chronology {
        let refs: Vec<String> = e.sources.iter().map(usize::to_string).collect();
        let _ = writeln!(s, "  {} {} [{}]", e.date, e.text, refs.join(","));
    }
}

/// Stories as grouped: label, the reason, and the files of their articles, one story a block.
pub fn stories(items: &[(Article, Analysis)], groups: &[StoryGroup]) -> String {
    let mut s = String::new();
    for g in groups {
        let _ = writeln!(s, "{}", g.label);
        if !g.why.is_empty() {
            let _ = writeln!(s, "  {}", g.why);
        }
        for id in &g.article_ids {
            let file = items
                .iter()
                .find(|(a, _)| a.id == *id)
                .map_or(id.as_str(), |(a, _)| a.file_name.as_str());
            let _ = writeln!(s, "  - {file}");
        }
    }
    s
}
