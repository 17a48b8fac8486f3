//! Stories: the picked articles grouped by the specific event or development they report, a
//! pure stage between analyze and compose.
//!
//! Method (deterministic; see each module):
//! 1. every article gets a TF-IDF profile of its headline and body words and word pairs, the
//!    weights taken over the batch ([`profile`]);
//! 2. articles are compared by cosine similarity; when both have a publication date more than
//!    [`SAME_WEEK_DAYS`] apart the similarity is lowered ([`time_factor`]), since a later article
//!    that resembles an earlier one is more often a new development than the same story;
//! 3. groups merge by average linkage while their mean similarity is at least
//!    [`cluster::THRESHOLD`]: the same broad topic or the same person is not enough, the
//!    articles must share what is specific to the event ([`cluster`]);
//! 4. each story is labelled with its most representative headline and explained by the terms
//!    its articles share and the days between them ([`label`]).
//!
//! Stories come heaviest first: more outlets, then more articles, then the most recent.

pub mod arrange;
pub mod cluster;
pub mod label;
pub mod profile;

pub use arrange::{arrange, StoryChoices};

use chrono::NaiveDate;

use crate::model::{Analysis, Article, StoryGroup};

/// Days within which two articles' dates do not weigh against their being one story.
pub const SAME_WEEK_DAYS: i64 = 3;
/// Days over which the date penalty grows to its full strength.
pub const PENALTY_DAYS: i64 = 28;
/// The lowest the date penalty takes a similarity (as a factor).
pub const PENALTY_MIN: f32 = 0.5;

/// The factor a similarity is multiplied by for articles published `a` and `b`: 1 within
/// [`SAME_WEEK_DAYS`] (or when a date is unknown), then falling linearly to [`PENALTY_MIN`]
/// over [`PENALTY_DAYS`].
pub fn time_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> f32 {
    let (Some(a), Some(b)) = (a, b) else {
        return 1.0;
    };
    let gap = (a - b).num_days().abs();
    if gap <= SAME_WEEK_DAYS {
        return 1.0;
    }
    let over = (gap - SAME_WEEK_DAYS) as f32 / PENALTY_DAYS as f32;
    (1.0 - over * (1.0 - PENALTY_MIN)).max(PENALTY_MIN)
}

/// Groups `items` (in source order) into stories, heaviest first.
pub fn group(items: &[(Article, Analysis)]) -> Vec<StoryGroup> {
    let profiles = profile::profiles(items);
    let mut pairs = cluster::pairs(&profiles.vectors);
    for (i, j, s) in &mut pairs {
        *s *= time_factor(items[*i].0.published, items[*j].0.published);
    }
    let groups = cluster::average_linkage(items.len(), &pairs, cluster::THRESHOLD);
    let mut stories: Vec<(Weight, StoryGroup)> = groups
        .iter()
        .map(|members| {
            let story = label::story(items, members, &profiles);
            (Weight::of(items, members), story)
        })
        .collect();
    stories.sort_by(|a, b| b.0.cmp(&a.0));
    stories.into_iter().map(|(_, s)| s).collect()
}

/// Every article of `items` in one story (grouping switched off), labelled with the first
/// article's headline: nothing to compare, so no profiles are made.
pub fn one_story(items: &[(Article, Analysis)]) -> Vec<StoryGroup> {
    let articles: Vec<&Article> = items.iter().map(|(a, _)| a).collect();
    one_story_of(&articles)
}

/// [`one_story`] of the articles alone.
pub fn one_story_of(articles: &[&Article]) -> Vec<StoryGroup> {
    let Some(first) = articles.first() else {
        return Vec::new();
    };
    vec![StoryGroup {
        id: format!("story-{}", first.id.chars().take(12).collect::<String>()),
        label: label::trim_headline(&first.title, first.outlet.as_deref()),
        article_ids: articles.iter().map(|a| a.id.clone()).collect(),
        why: String::new(),
    }]
}

/// What orders stories: distinct outlets, articles, latest date, then the earliest source.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Weight {
    outlets: usize,
    articles: usize,
    latest: Option<NaiveDate>,
    earliest_source: std::cmp::Reverse<usize>,
}

impl Weight {
    fn of(items: &[(Article, Analysis)], members: &[usize]) -> Weight {
        let mut outlets: Vec<String> = members
            .iter()
            .map(|&i| {
                let a = &items[i].0;
                a.outlet
                    .clone()
                    .unwrap_or_else(|| a.id.clone())
                    .to_lowercase()
            })
            .collect();
        outlets.sort();
        outlets.dedup();
        Weight {
            outlets: outlets.len(),
            articles: members.len(),
            latest: members.iter().filter_map(|&i| items[i].0.published).max(),
            earliest_source: std::cmp::Reverse(members.iter().copied().min().unwrap_or(0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_weigh_only_beyond_a_few_days() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 3, day);
        assert_eq!(time_factor(d(1), d(4)), 1.0);
        assert_eq!(time_factor(d(1), None), 1.0);
        assert!(time_factor(d(1), d(10)) < 1.0);
        assert_eq!(
            time_factor(d(1), NaiveDate::from_ymd_opt(2026, 6, 1)),
            PENALTY_MIN
        );
    }
}
