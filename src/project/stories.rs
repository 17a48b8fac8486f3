//! The stories of an open project: the picked articles grouped by story as the analyst arranged
//! them, the operations that correct the grouping, and the review screen by story.

use serde::{Deserialize, Serialize};

use super::{Session, SessionError};
use crate::compose::{self, ReviewGroup};
use crate::model::StoryGroup;

/// A story as the library shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryView {
    /// Story id (what the story operations take).
    pub id: String,
    /// Its label.
    pub label: String,
    /// Why its articles are together ("grouped: …; 1 day apart", "grouped by you").
    pub why: String,
    /// Its articles' ids, in the library's order.
    pub articles: Vec<String>,
    /// Whether the analyst named it.
    pub renamed: bool,
}

/// The statements of one story on the review screen, by speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewStory {
    /// Story id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its statements by speaker, in review order.
    pub groups: Vec<ReviewGroup>,
}

impl Session {
    /// The stories of the picked articles, as the analyst arranged them (heaviest first unless
    /// reordered); one story when grouping is off.
    pub fn stories(&self) -> Vec<StoryGroup> {
        self.picked_stories()
    }

    /// The stories as the library lists them.
    pub fn story_views(&self) -> Vec<StoryView> {
        self.stories()
            .into_iter()
            .map(|s| StoryView {
                renamed: self.project.stories.labels.contains_key(&s.id),
                id: s.id,
                label: s.label,
                why: s.why,
                articles: s.article_ids,
            })
            .collect()
    }

    /// Whether the articles are grouped by story (`false`: one story).
    pub fn grouped(&self) -> bool {
        !self.project.stories.one_story
    }

    /// Groups the articles by story (`true`) or takes them as one story.
    pub fn set_grouped(&mut self, grouped: bool) {
        self.project.stories.one_story = !grouped;
    }

    /// Moves `article` into the story `into`, or into a new story of its own when `into` is
    /// `None`; returns the id of its story.
    pub fn move_to_story(
        &mut self,
        article: &str,
        into: Option<&str>,
    ) -> Result<String, SessionError> {
        let stories = self.stories();
        let from = stories
            .iter()
            .find(|s| s.article_ids.iter().any(|a| a == article))
            .ok_or_else(|| SessionError::NotFound(format!("picked article {article}")))?;
        let into = into.map(|id| find(&stories, id)).transpose()?;
        Ok(self.project.stories.move_article(article, from, into))
    }

    /// Merges the story `story` into the story `into` (which keeps its name and place).
    pub fn merge_stories(&mut self, story: &str, into: &str) -> Result<(), SessionError> {
        let stories = self.stories();
        let (from, to) = (find(&stories, story)?, find(&stories, into)?);
        if from.id != to.id {
            self.project.stories.merge(from, to);
        }
        Ok(())
    }

    /// Names the story `story` (blank: back to its headline).
    pub fn rename_story(&mut self, story: &str, label: &str) -> Result<(), SessionError> {
        let stories = self.stories();
        self.project.stories.rename(find(&stories, story)?, label);
        Ok(())
    }

    /// Puts the stories in the order of `ids` (stories not listed follow).
    pub fn order_stories(&mut self, ids: &[String]) -> Result<(), SessionError> {
        let stories = self.stories();
        for id in ids {
            find(&stories, id)?;
        }
        self.project.stories.order = ids.to_vec();
        Ok(())
    }

    /// The review screen by story: each story's statements by speaker, marked with what its
    /// section of the brief prints, the analyst's decisions applied.
    pub fn review_by_story(&self) -> Result<Vec<ReviewStory>, SessionError> {
        let items = self.items();
        let stories = self.arranged_stories(&items);
        let groups = compose::review_groups_by_story(&items, &stories, &self.project.review)?;
        Ok(stories
            .into_iter()
            .zip(groups)
            .map(|(s, groups)| ReviewStory {
                id: s.id,
                label: s.label,
                groups,
            })
            .collect())
    }
}

/// The story `id` among `stories`.
fn find<'a>(stories: &'a [StoryGroup], id: &str) -> Result<&'a StoryGroup, SessionError> {
    stories
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| SessionError::NotFound(format!("story {id}")))
}
