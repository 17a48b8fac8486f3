//! The analyst's corrections to the automatic grouping, and the stories they make.
//!
//! The analyst moves articles between stories (or into a new one), merges stories, renames and
//! reorders them, or switches grouping off. Each correction is recorded as data
//! ([`StoryChoices`]), never as a frozen copy of the groups, so articles imported later are still
//! grouped automatically: an automatic group whose placed articles all sit in one of the
//! analyst's stories brings its other articles into that story.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::label::trim_headline;
use crate::model::{Article, StoryGroup};

/// What the analyst decided about the grouping, as saved in a project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoryChoices {
    /// Grouping switched off: every picked article in one story.
    pub one_story: bool,
    /// Articles the analyst placed, by article id: the id of their story.
    pub placed: BTreeMap<String, String>,
    /// Names the analyst gave stories, by story id.
    pub labels: BTreeMap<String, String>,
    /// Story ids in the analyst's order; stories not listed follow, heaviest first.
    pub order: Vec<String>,
    /// How many stories the analyst has made (for fresh ids).
    pub made: u32,
}

/// Prefix of the ids of stories the analyst made.
pub const MADE_PREFIX: &str = "story-new-";

impl StoryChoices {
    /// Places every article of `story` in the story `into`, keeping `into`'s place and name.
    pub fn merge(&mut self, story: &StoryGroup, into: &StoryGroup) {
        self.pin(into);
        for id in &story.article_ids {
            self.placed.insert(id.clone(), into.id.clone());
        }
        self.order.retain(|s| *s != story.id);
    }

    /// Moves `article` out of its story `from` into the story `into`, or into a new story when
    /// `into` is `None` (both stories keep their other articles); returns the id of the story
    /// it is now in.
    pub fn move_article(
        &mut self,
        article: &str,
        from: &StoryGroup,
        into: Option<&StoryGroup>,
    ) -> String {
        self.pin(from);
        let id = match into {
            Some(g) => {
                self.pin(g);
                g.id.clone()
            }
            None => {
                self.made += 1;
                format!("{MADE_PREFIX}{}", self.made)
            }
        };
        self.placed.insert(article.to_string(), id.clone());
        id
    }

    /// Names `story` `label` (blank: back to its headline).
    pub fn rename(&mut self, story: &StoryGroup, label: &str) {
        self.pin(story);
        let label = label.trim();
        if label.is_empty() {
            self.labels.remove(&story.id);
        } else {
            self.labels.insert(story.id.clone(), label.to_string());
        }
    }

    /// Keeps `story` as it is now: its articles placed in it, so its id and name last.
    fn pin(&mut self, story: &StoryGroup) {
        for a in &story.article_ids {
            self.placed
                .entry(a.clone())
                .or_insert_with(|| story.id.clone());
        }
    }
}

/// The reason given for a story whose articles the analyst chose.
pub const ARRANGED: &str = "grouped by you";

/// The stories of `items`: the automatic groups `auto` (heaviest first) corrected by `choices`.
pub fn arrange(
    articles: &[&Article],
    auto: Vec<StoryGroup>,
    choices: &StoryChoices,
) -> Vec<StoryGroup> {
    // Story id → its articles, in the order stories first appear.
    let mut members: Vec<(String, Vec<String>)> = Vec::new();
    for group in &auto {
        // Where the analyst put this group's articles; the others follow if all agree.
        let mut homes: Vec<&String> = group
            .article_ids
            .iter()
            .filter_map(|a| choices.placed.get(a))
            .collect();
        homes.sort();
        homes.dedup();
        let follow = match homes.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        for a in &group.article_ids {
            let home = choices.placed.get(a).or(follow).unwrap_or(&group.id);
            match members.iter_mut().find(|(id, _)| id == home) {
                Some((_, list)) => list.push(a.clone()),
                None => members.push((home.clone(), vec![a.clone()])),
            }
        }
    }
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let position = |id: &String| index.get(id.as_str()).copied();
    let mut stories: Vec<StoryGroup> = members
        .into_iter()
        .map(|(id, mut article_ids)| {
            article_ids.sort_by_key(position);
            let same = auto.iter().find(|g| g.id == id);
            let untouched = same.filter(|g| sorted(&g.article_ids) == sorted(&article_ids));
            let headline = || {
                article_ids
                    .first()
                    .and_then(position)
                    .map(|i| trim_headline(&articles[i].title, articles[i].outlet.as_deref()))
                    .unwrap_or_default()
            };
            StoryGroup {
                label: match (choices.labels.get(&id), same) {
                    (Some(l), _) => l.clone(),
                    (None, Some(g)) => g.label.clone(),
                    (None, None) => headline(),
                },
                why: match untouched {
                    Some(g) => g.why.clone(),
                    None if article_ids.len() > 1 => ARRANGED.to_string(),
                    None => String::new(),
                },
                id,
                article_ids,
            }
        })
        .collect();
    // Listed stories first, in the analyst's order; the rest keep their weight order.
    let rank = |s: &StoryGroup| {
        choices
            .order
            .iter()
            .position(|o| *o == s.id)
            .unwrap_or(usize::MAX)
    };
    stories.sort_by_key(|s| rank(s));
    stories
}

fn sorted(ids: &[String]) -> Vec<&String> {
    let mut v: Vec<&String> = ids.iter().collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, articles: &[&str]) -> StoryGroup {
        StoryGroup {
            id: id.into(),
            label: id.to_uppercase(),
            article_ids: articles.iter().map(|a| a.to_string()).collect(),
            why: "grouped: x".into(),
        }
    }

    #[test]
    fn moved_articles_leave_their_group_and_new_ones_follow_the_analyst() {
        let auto = vec![group("s1", &["a", "b"]), group("s2", &["c"])];
        let mut choices = StoryChoices::default();
        // Move b into s2, then a new article d is grouped with a: d follows a's story.
        choices.move_article("b", &auto[0], Some(&auto[1]));
        let stories = arrange(&[], auto.clone(), &choices);
        let ids = |s: &StoryGroup| s.article_ids.clone();
        assert_eq!(ids(&stories[0]), ["a"]);
        assert_eq!(ids(&stories[1]), ["b", "c"]);
        choices.rename(&stories[0], "Talks");
        let later = vec![group("s1", &["a", "d"]), group("s2", &["b", "c"])];
        let stories = arrange(&[], later, &choices);
        assert_eq!(stories[0].label, "Talks");
        assert_eq!(ids(&stories[0]), ["a", "d"]);
    }

    #[test]
    fn merged_stories_become_one_and_order_is_the_analysts() {
        let auto = vec![
            group("s1", &["a"]),
            group("s2", &["b"]),
            group("s3", &["c"]),
        ];
        let mut choices = StoryChoices::default();
        choices.merge(&auto[2], &auto[0]);
        choices.order = vec!["s2".into()];
        let stories = arrange(&[], auto, &choices);
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0].id, "s2");
        assert_eq!(stories[1].article_ids, ["a", "c"]);
    }
}
