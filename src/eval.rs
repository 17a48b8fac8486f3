//! Predictions for the shared evaluation sets, made by the product's own pipeline.
//!
//! Each function takes one record of a set (JSON with `id` and `text` or `html`, plus the
//! metadata fields a system may read) and returns the prediction line `score.py` expects. A
//! record goes through `ingest` as a file would (title line + body for text sets, the saved page
//! for HTML), then through `analyze` and the same selection `compose` uses for the bottom line.

use serde_json::{json, Value};

use crate::model::{Analysis, Article, StatementKind};
use crate::{analyze, compose, ingest, stories};

/// What to predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// `{"id", "summary": [sentence, …]}` — the bottom line, `SUMMARY_SENTENCES` long.
    Summarize,
    /// `{"id", "quotes": [{"speaker", "mention", "quote"}]}` — direct quotes with speakers.
    Quotes,
    /// `{"id", "text", "title", "byline", "date"}` — the main text of a saved page.
    Extract,
    /// `{"id", "stories": [[article id, …], …]}` — a window of articles grouped by story.
    Stories,
}

/// Sentences in a summary (the peers' setting).
pub const SUMMARY_SENTENCES: usize = 3;

fn field<'a>(record: &'a Value, name: &str) -> Option<&'a str> {
    record
        .get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// The article a record stands for, read the way a dropped file would be; the record's
/// `publisher` and `date`, which a saved page would carry in its metadata, fill the outlet and
/// publication date when the text itself does not give them.
fn article(record: &Value) -> Result<Article, String> {
    let id = field(record, "id").unwrap_or("record");
    let mut article = if let Some(html) = field(record, "html") {
        ingest::ingest(&format!("{id}.html"), html.as_bytes()).map_err(|e| e.to_string())?
    } else {
        let text = field(record, "text").unwrap_or("");
        let doc = match field(record, "title") {
            Some(t) => format!("{t}\n\n{text}"),
            None => text.to_string(),
        };
        ingest::ingest(&format!("{id}.txt"), doc.as_bytes()).map_err(|e| e.to_string())?
    };
    // The page's metadata would come before an outlet read from a wire tag ("(CNN)").
    let tagged = (0..2).find_map(|i| ingest::meta::wire_tag(article.paragraph_text(i)));
    if article.outlet.is_none() || article.outlet.as_deref() == tagged {
        if let Some(p) = field(record, "publisher") {
            article.outlet = Some(p.to_string());
        }
    }
    if article.published.is_none() {
        article.published = field(record, "date").and_then(|d| d.parse().ok());
    }
    Ok(article)
}

/// The stories of a window record (`{"id", "articles": [record, …]}`): each story as the ids
/// of its articles. An article that cannot be read is left out (a story of its own to the
/// scorer) and reported.
fn window_stories(record: &Value) -> (Vec<Vec<String>>, Option<String>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for a in record
        .get("articles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match article(a) {
            Ok(mut article) => {
                // The set's id, not the hash of the text: a window may hold one text twice.
                article.id = field(a, "id").unwrap_or_default().to_string();
                let analysis = analyze::analyze(&article);
                items.push((article, analysis));
            }
            Err(e) => errors.push(e),
        }
    }
    let groups = stories::group(&items)
        .into_iter()
        .map(|g| g.article_ids)
        .collect();
    (groups, (!errors.is_empty()).then(|| errors.join("; ")))
}

/// The prediction for one record; a record the pipeline cannot read gets an empty prediction
/// and the reason.
pub fn predict(task: Task, record: &Value) -> (Value, Option<String>) {
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    if task == Task::Stories {
        let (groups, error) = window_stories(record);
        return (json!({ "id": id, "stories": groups }), error);
    }
    match article(record) {
        Ok(article) => (predict_article(task, id, article), None),
        Err(e) => {
            let empty = match task {
                Task::Summarize => json!({ "id": id, "summary": [] }),
                Task::Quotes => json!({ "id": id, "quotes": [] }),
                Task::Extract | Task::Stories => json!({ "id": id, "text": "" }),
            };
            (empty, Some(e))
        }
    }
}

/// The prediction of a one-article task for a readable article.
fn predict_article(task: Task, id: Value, article: Article) -> Value {
    match task {
        Task::Summarize => {
            let analysis = analyze::analyze(&article);
            json!({ "id": id, "summary": summary(article, analysis) })
        }
        Task::Quotes => {
            let analysis = analyze::analyze(&article);
            json!({ "id": id, "quotes": quotes(&analysis) })
        }
        Task::Extract | Task::Stories => json!({
            "id": id,
            "text": article.text,
            "title": article.title,
            "byline": article.byline,
            "date": article.published.map(|d| d.to_string()),
        }),
    }
}

/// The bottom-line sentences of a single-article brief.
fn summary(article: Article, analysis: Analysis) -> Vec<String> {
    compose::bottom_line(&[(article, analysis)], SUMMARY_SENTENCES)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// Direct quotes with the resolved speaker and the mention as written.
fn quotes(analysis: &Analysis) -> Vec<Value> {
    analysis
        .statements
        .iter()
        .filter(|s| s.kind == StatementKind::DirectQuote)
        .map(|s| {
            json!({
                "speaker": s.speaker.as_ref().map(|p| p.name.clone()),
                "mention": s.mention,
                "quote": s.text,
                "cue": s.cue,
            })
        })
        .collect()
}
