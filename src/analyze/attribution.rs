//! Statements with their speakers: direct quotes attributed by the cue beside them, quotes with
//! no cue carried over from the previous speaker, and reported speech ("X said that …",
//! "…, X said", "according to X").

use crate::analyze::cues;
use crate::analyze::people::People;
use crate::analyze::quotes::Quote;
use crate::analyze::sources::{anonymous_source, organisation_speaker};
use crate::analyze::when;
use crate::lexicon::{is_role_head, FINITE_WORDS, OBJECT_VERBS};
use crate::model::{Article, Provenance, Sentence, Span, Statement, StatementKind};
use crate::pattern::{Found, Groups};

/// Finds the statements of `article`, given its sentences, quotes and people, each dated when
/// its sentence says when it was made ([`when::date_statements`]).
pub fn statements(
    article: &Article,
    sentences: &[Sentence],
    quotes: &[Quote],
    people: &mut People,
) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    let mut last: Option<LastSpeaker> = None;
    let mut qi = 0;
    for sen in sentences {
        let mut had_direct = false;
        while qi < quotes.len() && quotes[qi].open < sen.span.end {
            let q = &quotes[qi];
            qi += 1;
            if q.open < sen.span.start && q.paragraph == sen.paragraph {
                // Opened in an earlier sentence of this paragraph: already handled.
                continue;
            }
            if let Some(st) = direct(article, sen, q, people, &mut last, &mut out) {
                had_direct = true;
                out.push(st);
            }
        }
        if !had_direct && !sen.cut {
            if let Some(st) = reported(article, sen, people) {
                last = Some(LastSpeaker {
                    paragraph: sen.paragraph,
                    person: st.speaker.as_ref().and_then(|s| people.find(&s.name)),
                    mention: st.mention.clone(),
                });
                out.push(st);
            }
        }
    }
    when::date_statements(article, sentences, &mut out);
    out
}

/// The speaker of the last statement and its paragraph, for quotes without a cue.
struct LastSpeaker {
    paragraph: usize,
    person: Option<usize>,
    mention: Option<String>,
}

/// A quotation with the text around it that may hold its cue.
struct Site<'a> {
    /// The quotation's words, without a closing comma.
    text: String,
    /// From the start of its sentence to the opening mark.
    before: &'a str,
    /// Where `before` starts.
    before_start: usize,
    /// From the closing mark to the next quotation mark or the paragraph's end.
    after: &'a str,
}

impl<'a> Site<'a> {
    fn of(article: &'a Article, sen: &Sentence, q: &Quote) -> Site<'a> {
        let para_end = article.paragraphs[q.paragraph..]
            .iter()
            .find(|p| p.span.end >= q.close)
            .map_or(article.text.len(), |p| p.span.end);
        let after = article.text.get(q.close..para_end).unwrap_or("");
        let before_start = sen.span.start.min(q.open);
        let text = q.text(article);
        Site {
            text: text.trim_end_matches(',').trim_end().to_string(),
            before: article.text.get(before_start..q.open).unwrap_or(""),
            before_start,
            after: after.split(['“', '"']).next().unwrap_or(""),
        }
    }
}

/// Who a quotation's cue names: the verb, the mention as written and where it is.
struct Cue<'a> {
    verb: Option<&'a str>,
    mention: Option<&'a str>,
    pos: usize,
}

/// Attributes one quotation; `None` for a fragment inside someone's paraphrase, or for a
/// quotation that continues the previous one (which then grows by it).
fn direct(
    article: &Article,
    sen: &Sentence,
    q: &Quote,
    people: &mut People,
    last: &mut Option<LastSpeaker>,
    out: &mut [Statement],
) -> Option<Statement> {
    let site = Site::of(article, sen, q);
    // `“A,” he said, “B.”` and `“A,” he said. “B.”`: a quotation with no cue of its own that
    // follows the cue of the one before joins it, as it continues the same remark.
    let own_cue = !site.text.ends_with('.') && cues::cue_after(site.after).is_some();
    if let Some(prev) = out.last_mut().filter(|_| !own_cue) {
        if joins(article, q, prev, &site.text) {
            return None;
        }
    }
    let cue = cue(&site, q);
    if !stands_as_quotation(&site, &cue, q) {
        return None;
    }
    let pronoun = cue.mention.filter(|m| m.split_whitespace().count() == 1);
    let person = match cue.mention {
        Some(m) => people.resolve(m, cue.pos),
        None => last
            .as_ref()
            .filter(|l| q.paragraph <= l.paragraph + 1)
            .and_then(|l| l.person),
    };
    if let Some(i) = person {
        people.heard(i, cue.pos, pronoun);
    }
    let mention = cue
        .mention
        .map(str::to_string)
        .or_else(|| last.as_ref().and_then(|l| l.mention.clone()));
    *last = Some(LastSpeaker {
        paragraph: q.paragraph,
        person,
        mention: mention.clone(),
    });
    Some(Statement {
        kind: StatementKind::DirectQuote,
        text: site.text,
        speaker: person
            .map(|i| people.persons()[i].speaker())
            .or_else(|| mention.as_deref().and_then(organisation_speaker))
            .or_else(|| {
                cue.mention
                    .and_then(|_| anonymous_source(&article.text[cue.pos..]))
            }),
        mention,
        cue: cue.verb.map(str::to_string),
        date: None,
        provenance: Provenance {
            article_id: article.id.clone(),
            paragraph: q.paragraph,
            span: Span::new(q.open, q.close),
        },
    })
}

/// Whether quotation `q` (words `text`, no cue of its own) continues the remark of `prev`,
/// the statement before it, after that one's cue; if so `prev` takes it in.
fn joins(article: &Article, q: &Quote, prev: &mut Statement, text: &str) -> bool {
    let gap = article
        .text
        .get(prev.provenance.span.end..q.open)
        .unwrap_or("");
    // The remark may go on in the next paragraph, opening it with no cue of its own.
    let (gap, next_paragraph) = match gap.split_once("\n\n") {
        Some((g, rest)) if rest.trim().is_empty() && !rest.contains("\n\n") => (g, true),
        _ => (gap, false),
    };
    let tail = cues::cue_after(gap).map(|c| gap[c.whole().end()..].trim());
    let continues = tail
        .is_some_and(|t| t.len() < 150 && t.ends_with([',', '.']) && !t.contains(['“', '”', '"']));
    let same_remark = if next_paragraph {
        continues && tail.is_some_and(|t| t.ends_with('.'))
    } else {
        continues && prev.provenance.paragraph == q.paragraph
    };
    if prev.kind != StatementKind::DirectQuote || !same_remark {
        return false;
    }
    // The comma that led into the cue ends the sentence once the cue is gone.
    let sep = if tail.is_some_and(|t| t.ends_with(',')) {
        ", "
    } else if prev.text.ends_with(['.', '?', '!']) {
        " "
    } else {
        ". "
    };
    prev.text = format!("{}{sep}{}", prev.text, text);
    prev.provenance.span.end = q.close;
    true
}

/// The cue of a quotation: after it (unless it ends its own sentence), else before it.
fn cue<'a>(site: &Site<'a>, q: &Quote) -> Cue<'a> {
    // A quotation that ends its own sentence takes no cue from the sentence after it.
    let ends_sentence = site.text.ends_with('.');
    if let Some(c) = cues::cue_after(site.after).filter(|_| !ends_sentence) {
        let spk = speaker_of(&c, &["app1", "app2", "spk1", "spk2", "spk3"]);
        let verb = c.name("v1").or(c.name("v2")).map_or("said", |m| m.as_str());
        return Cue {
            verb: Some(verb),
            mention: Some(spk.as_str()),
            pos: q.close + spk.start(),
        };
    }
    if let Some(c) = cues::cue_before(site.before) {
        let spk = speaker_of(&c, &["app", "spk", "spk4"]);
        return Cue {
            verb: Some(c.name("v").map_or("said", |m| m.as_str())),
            mention: Some(spk.as_str()),
            pos: site.before_start + spk.start(),
        };
    }
    if let Some(c) = cues::subject_saying(site.before) {
        let spk = c.name("spk").expect("a subject");
        return Cue {
            verb: c.name("v").or(c.name("t")).map(|m| m.as_str()),
            mention: Some(spk.as_str()),
            pos: site.before_start + spk.start(),
        };
    }
    Cue {
        verb: None,
        mention: None,
        pos: q.open,
    }
}

/// Whether a quotation is a statement of its own: cued, or a whole sentence, and not a
/// fragment woven into the writer's sentence (`he "made a strategic mistake," Lichtman said`,
/// kept with the sentence's reported speech instead).
fn stands_as_quotation(site: &Site, cue: &Cue, q: &Quote) -> bool {
    let lead_in = site
        .before
        .trim_matches(|c: char| c.is_whitespace() || "—–-(".contains(c));
    let whole = lead_in.is_empty()
        && site
            .after
            .split_terminator(['.', '!', '?'])
            .next()
            .is_none_or(|s| s.trim_matches(|c: char| !c.is_alphanumeric()).is_empty());
    if cue.verb.is_none() && !whole && q.parts.len() == 1 {
        return false;
    }
    let woven = !lead_in.is_empty()
        && !lead_in.ends_with([':', ','])
        && site.text.chars().next().is_some_and(char::is_lowercase);
    !woven
}

/// Reported speech in one sentence, attributed to a person.
fn reported(article: &Article, sen: &Sentence, people: &mut People) -> Option<Statement> {
    let s = sen.text.as_str();
    let (spk, verb, content, spk_pos) = if let Some(c) = cues::according_to(s) {
        let m = c.whole();
        let mut rest = &s[m.end()..];
        // "According to X, the bank's regional director, …": the appositive goes with X.
        if let Some((app, tail)) = rest.split_once(',') {
            let words: Vec<&str> = app.split_whitespace().collect();
            if words.len() <= 8 && words.iter().any(|w| is_role_head(w)) {
                rest = tail;
            }
        }
        let content = format!("{}{}", &s[..m.start()], rest);
        let spk = c.name("spk").expect("speaker");
        (spk.as_str(), "according to", content, spk.start())
    } else if let Some(c) = cues::reported_last(s).filter(|c| c["content"].len() >= 20) {
        let spk = speaker_of(&c, &["app", "spk"]);
        let verb = c.name("v").expect("verb").as_str();

        (spk.as_str(), verb, c["content"].to_string(), spk.start())
    } else if let Some(c) = cues::reported_first(s) {
        let spk = speaker_of(&c, &["app", "spk"]);
        let (verb, content) = (
            c.name("v").expect("verb"),
            c.name("content").expect("content"),
        );
        if !reports_speech(
            verb.as_str(),
            &s[verb.end()..content.start()],
            content.as_str(),
        ) {
            return None;
        }
        (
            spk.as_str(),
            verb.as_str(),
            content.as_str().to_string(),
            spk.start(),
        )
    } else {
        return None;
    };
    let content = tidy(&content);
    if content.split_whitespace().count() < 4 || content.starts_with(['“', '"']) {
        return None;
    }
    let pos = sen.span.start + spk_pos;
    let speaker = match people.resolve(spk, pos) {
        Some(person) => {
            people.heard(
                person,
                pos,
                (spk.split_whitespace().count() == 1).then_some(spk),
            );
            people.persons()[person].speaker()
        }
        // "The European Commission said it was following the dispute closely."
        None => organisation_speaker(spk)?,
    };
    Some(Statement {
        kind: StatementKind::Reported,
        text: content,
        speaker: Some(speaker),
        mention: Some(spk.to_string()),
        cue: Some(
            if verb.starts_with("told") {
                "told"
            } else {
                verb
            }
            .to_string(),
        ),
        date: None,
        provenance: Provenance {
            article_id: article.id.clone(),
            paragraph: sen.paragraph,
            span: sen.span,
        },
    })
}

/// Whether `content`, after `verb` and the words between them (`bridge`), is what someone
/// said: always after "that" or a verb only of saying; after a verb that also takes a thing
/// ([`OBJECT_VERBS`]: "denied the charges", "claimed victory") only when it is what they
/// undertook ("vowed to block …", not "admitted to falsifying …") or the words before its
/// first comma read as a clause ([`FINITE_WORDS`]).
fn reports_speech(verb: &str, bridge: &str, content: &str) -> bool {
    if !OBJECT_VERBS.contains(&verb) || bridge.split_whitespace().any(|w| w == "that") {
        return true;
    }
    // After "admitted", "to" is the preposition of what was owned up to.
    if verb != "admitted" && content.split_whitespace().next() == Some("to") {
        return true;
    }
    let head = content.split(',').next().unwrap_or_default();
    head.split(|c: char| !c.is_alphanumeric())
        .any(|w| FINITE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The speaker group of a cue match: an appositive that is a name ("A spokeswoman, Maria
/// Lindqvist, said") wins over the phrase before it; `groups` lists candidates in that order.
fn speaker_of<'t>(c: &Groups<'_, 't>, groups: &[&str]) -> Found<'t> {
    let mut fallback = None;
    for g in groups {
        if let Some(m) = c.name(g) {
            if g.starts_with("app") {
                if crate::analyze::names::looks_like_name(m.as_str()) {
                    return m;
                }
            } else if fallback.is_none() {
                fallback = Some(m);
            }
        }
    }
    fallback.expect("a speaker group matched")
}

/// Capitalises the first letter and ends the clause with a full stop.
fn tidy(content: &str) -> String {
    let c = content
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim_start_matches(',')
        .trim();
    let mut chars = c.chars();
    let mut s = match chars.next() {
        Some(f) => f.to_uppercase().collect::<String>() + chars.as_str(),
        None => return String::new(),
    };
    if !s.ends_with(['.', '!', '?', '”', '"']) {
        s.push('.');
    }
    s
}
