//! The import commands (files picked in the Import dialog, pasted text) and the import every
//! way in shares: files read off the UI thread with progress events, then added to the project.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

use briefdesk::files;
use briefdesk::project::{ArticleView, Duplicate, ImportOutcome, Refused};
use briefdesk::{analyze, ingest};

use crate::dialogs::{self, Ask};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::{AppState, ProjectView};

/// Import progress is sent at most this often (and always for the last file).
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What an import did, with the project after it.
#[derive(Serialize)]
pub struct ImportReport {
    added: Vec<ArticleView>,
    failed: Vec<Refused>,
    duplicates: Vec<Duplicate>,
    project: ProjectView,
}

/// Import progress event payload.
#[derive(Clone, Serialize)]
struct Progress {
    done: usize,
    total: usize,
    file: String,
}

/// Imports the files the user picks in the Import dialog; `None` when cancelled.
#[tauri::command]
pub async fn import_dialog<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<ImportReport>> {
    match dialogs::ask(&app, &Ask::Articles) {
        Some(paths) => import(app, &state, paths).await.map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn import_text(state: State<'_, AppState>, text: String) -> AppResult<ImportReport> {
    let bytes = text.as_bytes();
    let result =
        ingest::ingest_with_clock("Pasted text.txt", bytes, &files::SystemClock).map(|a| {
            let an = analyze::analyze(&a);
            (a, an)
        });
    state
        .change_view(|s| Ok(s.import(vec![result])))
        .map(report)
}

/// Imports `paths` off the UI thread, sending progress events, then adds the articles.
pub(crate) async fn import<R: Runtime>(
    app: AppHandle<R>,
    state: &AppState,
    paths: Vec<PathBuf>,
) -> AppResult<ImportReport> {
    let results = tauri::async_runtime::spawn_blocking(move || {
        let files = files::expand(&paths);
        let last = Mutex::new(Instant::now());
        let send = |done: usize, total: usize, file: &Path| {
            let _ = app.emit(
                "import-progress",
                Progress {
                    done,
                    total,
                    file: file.display().to_string(),
                },
            );
        };
        if let Some(first) = files.first() {
            send(0, files.len(), first);
        }
        files::import(&files, |done, total, file| {
            let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
            if done == total || last.elapsed() >= PROGRESS_EVERY {
                *last = Instant::now();
                send(done, total, file);
            }
        })
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Import, format!("the import stopped: {e}")))?;
    state.change_view(|s| Ok(s.import(results))).map(report)
}

fn report((outcome, project): (ImportOutcome, ProjectView)) -> ImportReport {
    ImportReport {
        added: outcome.added,
        failed: outcome.failed,
        duplicates: outcome.duplicates,
        project,
    }
}
