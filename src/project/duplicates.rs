//! The same story saved twice (another format, a re-save): found by headline or by the opening
//! of the text, as the library flags it.

use std::collections::HashMap;

use crate::model::Article;

/// Characters of the opening of two texts compared to find the same story.
const STORY_HEAD: usize = 400;

/// For each article, the first earlier one of the same story (see [`StoryKey`]), in one pass.
pub fn duplicates(keys: &[StoryKey]) -> Vec<Option<usize>> {
    let mut first_title: HashMap<&str, usize> = HashMap::new();
    let mut first_opening: HashMap<&str, usize> = HashMap::new();
    keys.iter()
        .enumerate()
        .map(|(i, k)| {
            let by_title = (!k.title.is_empty())
                .then(|| *first_title.entry(&k.title).or_insert(i))
                .filter(|&j| j < i);
            let by_opening = (k.opening.len() >= 100)
                .then(|| *first_opening.entry(&k.opening).or_insert(i))
                .filter(|&j| j < i);
            by_title.into_iter().chain(by_opening).min()
        })
        .collect()
}

/// What tells two saves of the same story apart from different stories: the headline and the
/// opening of the text, letters and digits only, lower-cased; two articles with the same headline,
/// or the same opening of at least 100 characters, are the same story.
pub struct StoryKey {
    title: String,
    opening: String,
}

impl StoryKey {
    /// The key of article `a`.
    pub fn of(a: &Article) -> StoryKey {
        let head = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .take(STORY_HEAD)
                .collect()
        };
        StoryKey {
            title: head(&a.title),
            opening: head(&a.text),
        }
    }
}
