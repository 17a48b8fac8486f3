//! Analyze: an [`Article`] in, its sentences, statements, key sentences and entities out.

use crate::model::{Analysis, Article};

/// Analyses one article.
pub fn analyze(article: &Article) -> Analysis {
    Analysis {
        article_id: article.id.clone(),
        sentences: vec![],
        statements: vec![],
        key_sentences: vec![],
        entities: vec![],
    }
}
