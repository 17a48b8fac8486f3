//! The story sections of a brief: each story's articles, outlets, dates, its own section within
//! a budget that shrinks as stories multiply, and its chronology.

use super::{chronology, section, Budget, Item, FULL, PARALLEL_BATCH, STATEMENTS_MAX};
use crate::model::{BriefStory, StoryGroup};
use crate::parallel::par_map;

/// Most stories with a full section; the others are listed in a line each ("minor").
pub const SECTIONS_MAX: usize = 6;

/// What one story's section may hold in a brief of `sections` full sections, for a story of
/// `articles` articles: the whole two-page budget for a single story; in a brief of several, a
/// bottom line of 1–2 sentences, 2 key points and a share of the statements; a story of one
/// article among several gets a sentence, a point and its best statement.
pub fn budget(sections: usize, articles: usize) -> Budget {
    if sections <= 1 {
        return FULL;
    }
    if articles <= 1 {
        return Budget {
            bottom_min: 1,
            bottom_max: 1,
            key_points: 1,
            speakers: 1,
            per_speaker: (1, 0),
            statements: 1,
        };
    }
    Budget {
        bottom_min: 1,
        bottom_max: 2,
        key_points: 2,
        speakers: 3,
        per_speaker: (2, 1),
        statements: (STATEMENTS_MAX / sections).max(3),
    }
}

/// The budget of a minor story: its bottom-line sentence alone.
const MINOR: Budget = Budget {
    bottom_min: 1,
    bottom_max: 1,
    key_points: 0,
    speakers: 0,
    per_speaker: (0, 0),
    statements: 0,
};

/// The members of `group` among `all`, in source order.
pub fn members<'a>(all: &[Item<'a>], group: &StoryGroup) -> Vec<Item<'a>> {
    all.iter()
        .filter(|it| group.article_ids.contains(&it.article.id))
        .copied()
        .collect()
}

/// One [`BriefStory`] per group that has articles among `all`, in the groups' order.
pub fn stories(all: &[Item], groups: &[StoryGroup]) -> Vec<BriefStory> {
    let groups: Vec<(&StoryGroup, Vec<Item>)> = groups
        .iter()
        .map(|g| (g, members(all, g)))
        .filter(|(_, m)| !m.is_empty())
        .collect();
    let sections = groups.len().min(SECTIONS_MAX);
    let one = |i: usize, g: &StoryGroup, items: &[Item]| {
        let minor = i >= SECTIONS_MAX;
        let budget = if minor {
            MINOR
        } else {
            budget(sections, items.len())
        };
        story(g, items, section::section(items, &budget), minor)
    };
    if all.len() < PARALLEL_BATCH {
        return groups
            .iter()
            .enumerate()
            .map(|(i, (g, items))| one(i, g, items))
            .collect();
    }
    // A large batch's stories are composed on every core, each independent of the others.
    let numbered: Vec<(usize, &(&StoryGroup, Vec<Item>))> = groups.iter().enumerate().collect();
    par_map(&numbered, |&(i, (g, items))| one(i, g, items))
}

/// The story of `group` with its section `s`.
pub fn story(group: &StoryGroup, items: &[Item], s: section::Section, minor: bool) -> BriefStory {
    let mut outlets: Vec<String> = Vec::new();
    for it in items {
        if let Some(o) = &it.article.outlet {
            if !outlets.iter().any(|x| x.eq_ignore_ascii_case(o)) {
                outlets.push(o.clone());
            }
        }
    }
    let dates = items.iter().filter_map(|it| it.article.published);
    BriefStory {
        id: group.id.clone(),
        label: group.label.clone(),
        why: group.why.clone(),
        sources: items.iter().map(|it| it.number).collect(),
        outlets,
        first_date: dates.clone().min(),
        last_date: dates.max(),
        chronology: if minor {
            Vec::new()
        } else {
            chronology::of(items)
        },
        bottom_line: s.bottom_line,
        key_points: s.key_points,
        speakers: s.speakers,
        minor,
    }
}
