//! Analyze: an [`Article`] in, its sentences, statements, key sentences and entities out.

pub mod attribution;
pub mod cues;
pub mod entities;
pub mod names;
pub mod people;
pub mod places;
pub mod quotes;
pub mod rank;
pub mod roles;
pub mod roster;
pub mod sentences;
pub mod sources;
pub mod when;
pub mod whenforms;
pub mod windows;
pub mod wordindex;

use crate::model::{Analysis, Article};
use crate::pattern::Engine;

/// How many ranked key sentences an analysis keeps.
pub const KEY_SENTENCES: usize = 12;

/// Builds the analysis's tables now, on two threads: the country gazetteer, the word searchers
/// and the fast engine of every pattern (milliseconds; see [`crate::pattern`]). Worth it before
/// a large batch, or at a shell's start-up beside its other work; a run of a few articles is
/// faster without, its patterns searched by regex-lite ([`prepare`]).
pub fn warm_up() {
    build(Engine::Fast);
}

/// Builds the analysis's tables and its patterns' regex-lite engine now (about a millisecond):
/// on a spare core while the first files are read, so their analysis does not wait for them.
pub fn prepare() {
    build(Engine::Lite);
}

/// Builds `engine` of every module: the fast one's automata on two threads, the lite one's on
/// this thread (a thread would cost more than its work).
fn build(engine: Engine) {
    let (names, cues) = (|| names::warm_up(engine), || cues::warm_up(engine));
    match engine {
        Engine::Fast => std::thread::scope(|s| {
            s.spawn(names);
            s.spawn(cues);
            entities::warm_up(engine);
        }),
        Engine::Lite => {
            names();
            cues();
            entities::warm_up(engine);
        }
    }
}

/// Analyses one article: sentences, quotes and reported statements with resolved speakers,
/// ranked key sentences and entities.
pub fn analyze(article: &Article) -> Analysis {
    let sentences = sentences::segment(article);
    let quotes = quotes::find(article);
    let mut people = people::People::scan(&article.text);
    let statements = attribution::statements(article, &sentences, &quotes, &mut people);
    let key_sentences = rank::key_sentences(&sentences, KEY_SENTENCES);
    let entities = entities::find(&article.text, &people);
    Analysis {
        article_id: article.id.clone(),
        sentences,
        statements,
        key_sentences,
        entities,
    }
}

/// An article of plain paragraphs (separated by a blank line), for unit tests.
#[cfg(test)]
pub(crate) fn test_article(text: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for (index, p) in text.split("\n\n").enumerate() {
        paragraphs.push(crate::model::Paragraph {
            index,
            span: crate::model::Span::new(pos, pos + p.len()),
        });
        pos += p.len() + 2;
    }
    Article {
        id: "t".into(),
        file_name: "t.txt".into(),
        format: crate::model::SourceFormat::Text,
        title: "T".into(),
        outlet: None,
        byline: None,
        published: None,
        dateline: None,
        dateline_span: Some(crate::model::Span::new(
            0,
            crate::ingest::dateline::dateline_len(text.split("\n\n").next().unwrap_or("")),
        ))
        .filter(|s| s.end > 0),
        language: None,
        url: None,
        text: text.into(),
        paragraphs,
        date_conflicts: Vec::new(),
    }
}
