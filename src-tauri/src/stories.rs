//! The story commands the UI calls (ui/js/backend.js): the analyst corrects the grouping of the
//! ticked articles into stories; each answers with the project as the UI then shows it.

use tauri::State;

use briefdesk::project::ReviewStory;

use crate::error::AppResult;
use crate::state::{AppState, ProjectView};

#[tauri::command]
pub async fn story_move(
    state: State<'_, AppState>,
    article: String,
    story: Option<String>,
) -> AppResult<ProjectView> {
    Ok(state
        .change_view(|s| Ok(s.move_to_story(&article, story.as_deref())?))?
        .1)
}

#[tauri::command]
pub async fn stories_merge(
    state: State<'_, AppState>,
    story: String,
    into: String,
) -> AppResult<ProjectView> {
    Ok(state
        .change_view(|s| Ok(s.merge_stories(&story, &into)?))?
        .1)
}

#[tauri::command]
pub async fn story_rename(
    state: State<'_, AppState>,
    story: String,
    label: String,
) -> AppResult<ProjectView> {
    Ok(state
        .change_view(|s| Ok(s.rename_story(&story, &label)?))?
        .1)
}

#[tauri::command]
pub async fn stories_order(state: State<'_, AppState>, ids: Vec<String>) -> AppResult<ProjectView> {
    Ok(state.change_view(|s| Ok(s.order_stories(&ids)?))?.1)
}

#[tauri::command]
pub async fn stories_grouped(state: State<'_, AppState>, grouped: bool) -> AppResult<ProjectView> {
    Ok(state
        .change_view(|s| {
            s.set_grouped(grouped);
            Ok(())
        })?
        .1)
}

/// The review screen: the statements of each story by speaker.
pub type Review = Vec<ReviewStory>;
