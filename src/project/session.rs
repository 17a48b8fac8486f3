//! An open project with its articles' analyses: the operations of the desktop app (import,
//! pick, order, remove, review, settings, brief), each a plain method the shell calls.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use thiserror::Error;

use super::duplicates::{duplicates, StoryKey};
use super::views::{ArticleView, Duplicate, ImportOutcome, Refused, StatementChange};
use super::{segments, Project, ProjectArticle, ProjectSettings, Segment};
use crate::analyze;
use crate::compose::{self, statement_key, ReviewGroup, StatementEdit};
use crate::error::{ComposeError, IngestError};
use crate::model::{Analysis, Article, Brief, StoryGroup};

/// Why a session operation failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SessionError {
    /// No article or statement with this id or key.
    #[error("no {0} in this project")]
    NotFound(String),
    /// The brief could not be composed.
    #[error(transparent)]
    Compose(#[from] ComposeError),
}

/// An open project and the analyses of its articles.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// The project as it will be saved.
    pub project: Project,
    analyses: HashMap<String, Analysis>,
    /// The automatic stories of the picked articles, keyed by their ids in order: every view of
    /// the project and every brief needs them, and grouping is the slow part.
    auto_stories: RefCell<Option<(Vec<String>, Vec<StoryGroup>)>>,
    /// Article id → its number of words, counted once (every library view shows them).
    word_counts: RefCell<HashMap<String, usize>>,
}

impl Session {
    /// Opens `project`, analysing its articles (on every core: reopening a project of 1,000
    /// articles is mostly their analysis).
    pub fn new(project: Project) -> Session {
        // Threads pay off from a few dozen articles.
        let threads = match project.articles.len() {
            0..32 => 1,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let chunk = project.articles.len().div_ceil(threads).max(1);
        let analyses = std::thread::scope(|s| {
            let parts: Vec<_> = project
                .articles
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|p| (p.article.id.clone(), analyze::analyze(&p.article)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|h| h.join().expect("analysis never panics"))
                .collect()
        });
        Session {
            project,
            analyses,
            auto_stories: RefCell::default(),
            word_counts: RefCell::default(),
        }
    }

    /// Adds imported articles (picked, at the end); refusals and exact duplicates are reported.
    pub fn import(
        &mut self,
        results: Vec<Result<(Article, Analysis), IngestError>>,
    ) -> ImportOutcome {
        let mut out = ImportOutcome::default();
        let first_new = self.project.articles.len();
        for r in results {
            match r {
                Err(e) => out.failed.push(Refused {
                    file: e.file.clone(),
                    reason: e.kind.to_string(),
                }),
                Ok((article, analysis)) => {
                    if let Some(p) = self.find(&article.id) {
                        out.duplicates.push(Duplicate {
                            file: article.file_name.clone(),
                            title: p.article.title.clone(),
                        });
                        continue;
                    }
                    let id = article.id.clone();
                    self.analyses.insert(id.clone(), analysis);
                    self.project.articles.push(ProjectArticle {
                        article,
                        picked: true,
                    });
                }
            }
        }
        out.added = self.views().split_off(first_new);
        out
    }

    /// Every article as the library shows it, in order.
    pub fn views(&self) -> Vec<ArticleView> {
        let keys: Vec<StoryKey> = self
            .project
            .articles
            .iter()
            .map(|p| StoryKey::of(&p.article))
            .collect();
        duplicates(&keys)
            .into_iter()
            .enumerate()
            .map(|(i, dup)| self.view(i, dup))
            .collect()
    }

    /// Ticks or unticks article `id`.
    pub fn pick(&mut self, id: &str, picked: bool) -> Result<(), SessionError> {
        let i = self.index(id)?;
        self.project.articles[i].picked = picked;
        Ok(())
    }

    /// Puts the articles in the order of `ids`; articles not listed keep their order after them.
    pub fn order(&mut self, ids: &[String]) -> Result<(), SessionError> {
        for id in ids {
            self.index(id)?;
        }
        let rank = |a: &ProjectArticle| ids.iter().position(|i| *i == a.article.id);
        self.project
            .articles
            .sort_by_key(|a| rank(a).unwrap_or(usize::MAX));
        Ok(())
    }

    /// Removes the articles `ids`, the review decisions on their statements and their place in
    /// the analyst's stories.
    pub fn remove(&mut self, ids: &[String]) -> Result<(), SessionError> {
        for id in ids {
            self.index(id)?;
        }
        self.project
            .articles
            .retain(|a| !ids.contains(&a.article.id));
        for id in ids {
            self.analyses.remove(id);
            let prefix = format!("{id}:");
            let review = &mut self.project.review;
            review.edits.retain(|k, _| !k.starts_with(&prefix));
            review.order.retain(|k| !k.starts_with(&prefix));
            self.project.stories.placed.remove(id);
        }
        Ok(())
    }

    /// The picked articles with their analyses, in order.
    pub fn items(&self) -> Vec<(Article, Analysis)> {
        self.project
            .articles
            .iter()
            .filter(|a| a.picked)
            .filter_map(|a| {
                let an = self.analyses.get(&a.article.id)?;
                Some((a.article.clone(), an.clone()))
            })
            .collect()
    }

    /// The stories of `items` (the picked articles) as the analyst arranged them: grouped
    /// automatically (once per set of picked articles) and corrected by the project's choices,
    /// or one story when grouping is off.
    pub fn arranged_stories(&self, items: &[(Article, Analysis)]) -> Vec<StoryGroup> {
        let articles: Vec<&Article> = items.iter().map(|(a, _)| a).collect();
        self.arranged(&articles, || crate::stories::group(items))
    }

    /// The stories of the picked articles as the analyst arranged them ([`Self::arranged_stories`]),
    /// the picked articles and their analyses copied only when the grouping must be made again.
    pub fn picked_stories(&self) -> Vec<StoryGroup> {
        let articles: Vec<&Article> = self
            .project
            .articles
            .iter()
            .filter(|a| a.picked && self.analyses.contains_key(&a.article.id))
            .map(|a| &a.article)
            .collect();
        self.arranged(&articles, || crate::stories::group(&self.items()))
    }

    /// `articles` arranged into stories; `group` makes the automatic grouping on a cache miss.
    fn arranged(
        &self,
        articles: &[&Article],
        group: impl FnOnce() -> Vec<StoryGroup>,
    ) -> Vec<StoryGroup> {
        let choices = &self.project.stories;
        if choices.one_story {
            return crate::stories::one_story_of(articles);
        }
        let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
        let cached = match &*self.auto_stories.borrow() {
            Some((key, groups)) if *key == ids => Some(groups.clone()),
            _ => None,
        };
        let auto = cached.unwrap_or_else(|| {
            let groups = group();
            *self.auto_stories.borrow_mut() = Some((ids, groups.clone()));
            groups
        });
        crate::stories::arrange(articles, auto, choices)
    }

    /// The statements of the picked articles grouped by speaker, with the review applied.
    pub fn review(&self) -> Result<Vec<ReviewGroup>, SessionError> {
        Ok(compose::review_groups(&self.items(), &self.project.review)?)
    }

    /// Applies `change` to the statement `key`.
    pub fn edit_statement(
        &mut self,
        key: &str,
        change: StatementChange,
    ) -> Result<(), SessionError> {
        self.statement_exists(key)?;
        let edits = &mut self.project.review.edits;
        let edit = edits.entry(key.to_string()).or_default();
        if let Some(keep) = change.keep {
            edit.keep = Some(keep);
            if keep {
                edit.promoted = false;
            }
        }
        if let Some(text) = change.text {
            edit.text = text.filter(|t| !t.trim().is_empty());
        }
        if let Some(promoted) = change.promoted {
            edit.promoted = promoted;
        }
        if *edit == StatementEdit::default() {
            edits.remove(key);
        }
        Ok(())
    }

    /// Puts the statements in the order of `keys`.
    pub fn order_statements(&mut self, keys: &[String]) -> Result<(), SessionError> {
        for k in keys {
            self.statement_exists(k)?;
        }
        self.project.review.order = keys.to_vec();
        Ok(())
    }

    /// Stores the brief settings.
    pub fn set_settings(&mut self, settings: ProjectSettings) {
        self.project.settings = settings;
    }

    /// The brief of the picked articles with the review and settings applied; `today` is the
    /// date printed when none is set.
    pub fn brief(&self, today: NaiveDate) -> Result<Brief, SessionError> {
        let settings = self.project.settings.brief_settings(today);
        let items = self.items();
        Ok(compose::compose_reviewed(
            &items,
            &self.arranged_stories(&items),
            &settings,
            &self.project.review,
        )?)
    }

    /// Article `id` with its paragraphs cut into plain and statement segments.
    pub fn detail(&self, id: &str) -> Result<(ArticleView, Vec<Vec<Segment>>), SessionError> {
        let i = self.index(id)?;
        let analysis = &self.analyses[id];
        let segs = segments(&self.project.articles[i].article, analysis);
        let keys: Vec<StoryKey> = self.project.articles[..=i]
            .iter()
            .map(|p| StoryKey::of(&p.article))
            .collect();
        Ok((self.view(i, duplicates(&keys)[i]), segs))
    }

    fn find(&self, id: &str) -> Option<&ProjectArticle> {
        self.project.articles.iter().find(|a| a.article.id == id)
    }

    fn index(&self, id: &str) -> Result<usize, SessionError> {
        self.project
            .articles
            .iter()
            .position(|a| a.article.id == id)
            .ok_or_else(|| SessionError::NotFound(format!("article {id}")))
    }

    fn statement_exists(&self, key: &str) -> Result<(), SessionError> {
        let found = self
            .analyses
            .values()
            .flat_map(|a| &a.statements)
            .any(|s| statement_key(&s.provenance) == key);
        if found {
            Ok(())
        } else {
            Err(SessionError::NotFound(format!("statement {key}")))
        }
    }

    /// Article `i` as the library shows it; `duplicate`: the first earlier article of the same
    /// story (imported from another file: another format, a re-save).
    fn view(&self, i: usize, duplicate: Option<usize>) -> ArticleView {
        let p = &self.project.articles[i];
        let a = &p.article;
        let duplicate_of = duplicate.map(|j| self.project.articles[j].article.id.clone());
        ArticleView {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            byline: a.byline.clone(),
            published: a.published,
            words: *self
                .word_counts
                .borrow_mut()
                .entry(a.id.clone())
                .or_insert_with(|| a.word_count()),
            language: a.language.clone(),
            format: a.format,
            file_name: a.file_name.clone(),
            picked: p.picked,
            statements: self.analyses.get(&a.id).map_or(0, |an| an.statements.len()),
            date_conflicts: a.date_conflicts.clone(),
            duplicate_of,
        }
    }
}
