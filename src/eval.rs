//! Predictions for the shared evaluation sets, made by the product's own pipeline.
//!
//! Each function takes one record of a set (JSON with `id` and `text` or `html`, plus the
//! metadata fields a system may read) and returns the prediction line `score.py` expects. A
//! record goes through `ingest` as a file would (title line + body for text sets, the saved page
//! for HTML), then through `analyze` and the same selection `compose` uses for the bottom line.

use serde_json::{json, Value};

use crate::model::{Analysis, Article, StatementKind};
use crate::{analyze, compose, ingest};

/// What to predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// `{"id", "summary": [sentence, …]}` — the bottom line, `SUMMARY_SENTENCES` long.
    Summarize,
    /// `{"id", "quotes": [{"speaker", "mention", "quote"}]}` — direct quotes with speakers.
    Quotes,
    /// `{"id", "text", "title", "byline", "date"}` — the main text of a saved page.
    Extract,
}

/// Sentences in a summary (the peers' setting).
pub const SUMMARY_SENTENCES: usize = 3;

fn field<'a>(record: &'a Value, name: &str) -> Option<&'a str> {
    record
        .get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// The article a record stands for, read the way a dropped file would be.
fn article(record: &Value) -> Result<Article, String> {
    let id = field(record, "id").unwrap_or("record");
    if let Some(html) = field(record, "html") {
        return ingest::ingest(&format!("{id}.html"), html.as_bytes()).map_err(|e| e.to_string());
    }
    let text = field(record, "text").unwrap_or("");
    let doc = match field(record, "title") {
        Some(t) => format!("{t}\n\n{text}"),
        None => text.to_string(),
    };
    ingest::ingest(&format!("{id}.txt"), doc.as_bytes()).map_err(|e| e.to_string())
}

/// The prediction for one record; a record the pipeline cannot read gets an empty prediction
/// and the reason.
pub fn predict(task: Task, record: &Value) -> (Value, Option<String>) {
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    let article = match article(record) {
        Ok(a) => a,
        Err(e) => {
            let empty = match task {
                Task::Summarize => json!({ "id": id, "summary": [] }),
                Task::Quotes => json!({ "id": id, "quotes": [] }),
                Task::Extract => json!({ "id": id, "text": "" }),
            };
            return (empty, Some(e));
        }
    };
    let line = match task {
        Task::Summarize => {
            let analysis = analyze::analyze(&article);
            json!({ "id": id, "summary": summary(article, analysis) })
        }
        Task::Quotes => {
            let analysis = analyze::analyze(&article);
            json!({ "id": id, "quotes": quotes(&analysis) })
        }
        Task::Extract => json!({
            "id": id,
            "text": article.text,
            "title": article.title,
            "byline": article.byline,
            "date": article.published.map(|d| d.to_string()),
        }),
    };
    (line, None)
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
