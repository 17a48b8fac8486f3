//! The commands the UI calls (ui/js/backend.js): a few lines each over the core library; none
//! takes a path (files come from a dialog, a drop, "Open with" or the recent list, see `open.rs`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

use briefdesk::export::{self, ExportOptions, Format};
use briefdesk::files::{self, write_atomic};
use briefdesk::print::{self, PrintOptions, Printer};
use briefdesk::project::{
    ArticleView, Duplicate, ProjectSettings, Refused, Segment, StatementChange, MARKINGS,
    PROJECT_EXTENSION,
};
use briefdesk::render::{self, RenderOptions, Rendered, TemplateInfo};
use briefdesk::Brief;
use briefdesk::{analyze, ingest};

use crate::dialogs::{self, Ask};
use crate::error::{io, AppError, AppResult, ErrorCode};
use crate::open::Handed;
use crate::state::{AppState, ProjectView, Recent};
use crate::stories::Review;

/// Import progress is sent at most this often (and always for the last file).
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What the start screen needs.
#[derive(Serialize)]
pub struct Start {
    version: &'static str,
    recent: Vec<Recent>,
    templates: Vec<TemplateInfo>,
    markings: &'static [&'static str],
    page_sizes: [&'static str; 2],
    project: ProjectView,
    /// Files the app was opened with that wait to be imported (`import_opened`).
    opened: usize,
}

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

/// An article to read, its statements marked.
#[derive(Serialize)]
pub struct ArticleDetail {
    article: ArticleView,
    paragraphs: Vec<Vec<Segment>>,
}

/// The rendered brief for the preview.
#[derive(Serialize)]
pub struct Preview {
    pdf: String,
    pages: usize,
    warnings: Vec<String>,
    millis: u128,
}

/// The system's printers, or why there are none.
#[derive(Serialize)]
pub struct Printers {
    printers: Vec<Printer>,
    message: Option<String>,
}

/// A print job sent.
#[derive(Serialize)]
pub struct Printed {
    job: String,
    printer: String,
}

/// A file written.
#[derive(Serialize)]
pub struct Exported {
    path: String,
}

#[tauri::command]
pub fn app_start(state: State<'_, AppState>, handed: State<'_, Handed>) -> Start {
    Start {
        version: env!("CARGO_PKG_VERSION"),
        recent: state.recent(),
        templates: state.templates.list(),
        markings: MARKINGS,
        page_sizes: ["a4", "letter"],
        project: state.view(),
        opened: handed.opened_count(),
    }
}

#[tauri::command]
pub async fn project_new(state: State<'_, AppState>) -> AppResult<ProjectView> {
    state.new_project()
}

/// Opens the project the user picks in the Open dialog; `None` when cancelled.
#[tauri::command]
pub async fn project_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<ProjectView>> {
    match dialogs::ask_one(&app, &Ask::Project) {
        Some(path) => state.open(&path).map(Some),
        None => Ok(None),
    }
}

/// Opens the project of the recent list (`app_start`) with this `id`.
#[tauri::command]
pub async fn project_open_recent(state: State<'_, AppState>, id: String) -> AppResult<ProjectView> {
    state.open_recent(&id)
}

/// Saves the project where the user says in the Save dialog, from now on; `None` when cancelled.
#[tauri::command]
pub async fn project_save_as<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<ProjectView>> {
    let ask = Ask::Save {
        title: "Save project as",
        name: format!("{}.{PROJECT_EXTENSION}", state.name()),
        ext: PROJECT_EXTENSION,
        kind: "BriefDesk project",
    };
    match dialogs::ask_one(&app, &ask) {
        Some(path) => state.save_as(&path).map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn project_save(state: State<'_, AppState>) -> AppResult<ProjectView> {
    state.save()
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
    let result = ingest::ingest("Pasted text.txt", text.as_bytes()).map(|a| {
        let an = analyze::analyze(&a);
        (a, an)
    });
    state
        .change_view(|s| Ok(s.import(vec![result])))
        .map(report)
}

#[tauri::command]
pub async fn article_pick(
    state: State<'_, AppState>,
    id: String,
    picked: bool,
) -> AppResult<ProjectView> {
    Ok(state.change_view(|s| Ok(s.pick(&id, picked)?))?.1)
}

#[tauri::command]
pub async fn articles_order(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> AppResult<ProjectView> {
    Ok(state.change_view(|s| Ok(s.order(&ids)?))?.1)
}

#[tauri::command]
pub async fn articles_remove(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> AppResult<ProjectView> {
    Ok(state.change_view(|s| Ok(s.remove(&ids)?))?.1)
}

#[tauri::command]
pub async fn article_detail(state: State<'_, AppState>, id: String) -> AppResult<ArticleDetail> {
    let (article, paragraphs) = state.read(|s| s.detail(&id))?;
    Ok(ArticleDetail {
        article,
        paragraphs,
    })
}

#[tauri::command]
pub async fn review(state: State<'_, AppState>) -> AppResult<Review> {
    Ok(state.read(|s| s.review_by_story())?)
}

#[tauri::command]
pub async fn statement_edit(
    state: State<'_, AppState>,
    key: String,
    change: StatementChange,
) -> AppResult<Review> {
    state.change(|s| {
        s.edit_statement(&key, change)?;
        Ok(s.review_by_story()?)
    })
}

#[tauri::command]
pub async fn statements_order(state: State<'_, AppState>, keys: Vec<String>) -> AppResult<Review> {
    state.change(|s| {
        s.order_statements(&keys)?;
        Ok(s.review_by_story()?)
    })
}

#[tauri::command]
pub async fn settings_set(
    state: State<'_, AppState>,
    settings: ProjectSettings,
) -> AppResult<ProjectView> {
    Ok(state
        .change_view(|s| {
            s.set_settings(settings);
            Ok(())
        })?
        .1)
}

#[tauri::command]
pub async fn preview(state: State<'_, AppState>) -> AppResult<Preview> {
    let start = Instant::now();
    let (rendered, _) = render_brief(&state)?;
    Ok(Preview {
        pdf: base64::engine::general_purpose::STANDARD.encode(&rendered.pdf),
        pages: rendered.pages,
        warnings: rendered.warnings,
        millis: start.elapsed().as_millis(),
    })
}

/// Writes the brief in `format` (PDF, Word, Markdown or text) where the user says in the Save
/// dialog, adding the format's extension when the name lacks it; `None` when cancelled.
#[tauri::command]
pub async fn export_brief<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: Format,
) -> AppResult<Option<Exported>> {
    let (brief, opts) = brief_and_options(&state)?;
    let exported = export::export(
        &brief,
        &state.templates,
        &ExportOptions {
            render: &opts,
            format,
            reference_docx: None,
        },
    )?;
    let ask = Ask::Save {
        title: "Export brief",
        name: format!("{}.{}", state.name(), format.extension()),
        ext: format.extension(),
        kind: format.label(),
    };
    let Some(mut path) = dialogs::ask_one(&app, &ask) else {
        return Ok(None);
    };
    if Format::from_path(&path) != Some(format) {
        let mut named = path.into_os_string();
        named.push(".");
        named.push(format.extension());
        path = named.into();
    }
    write_atomic(&path, &exported.bytes).map_err(|e| io(&path, e))?;
    Ok(Some(Exported {
        path: path.display().to_string(),
    }))
}

#[tauri::command]
pub async fn printers() -> Printers {
    match print::printers() {
        Ok(list) if list.is_empty() => Printers {
            printers: list,
            message: Some(print::PrintError::NoPrinter.to_string()),
        },
        Ok(list) => Printers {
            printers: list,
            message: None,
        },
        Err(e) => Printers {
            printers: Vec::new(),
            message: Some(e.to_string()),
        },
    }
}

#[tauri::command]
pub async fn print(state: State<'_, AppState>, options: PrintOptions) -> AppResult<Printed> {
    print::lp_args(&options)?;
    let (rendered, title) = render_brief(&state)?;
    let dir = tempfile::tempdir().map_err(|e| io(&std::env::temp_dir(), e))?;
    let file = dir.path().join("brief.pdf");
    std::fs::write(&file, &rendered.pdf).map_err(|e| io(&file, e))?;
    let job = print::print_file(&file, &options, &title)?;
    Ok(Printed {
        job,
        printer: options.printer,
    })
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

fn report((outcome, project): (briefdesk::project::ImportOutcome, ProjectView)) -> ImportReport {
    ImportReport {
        added: outcome.added,
        failed: outcome.failed,
        duplicates: outcome.duplicates,
        project,
    }
}

/// The brief of the open project, rendered, and its title.
fn render_brief(state: &AppState) -> AppResult<(Rendered, String)> {
    let (brief, opts) = brief_and_options(state)?;
    Ok((
        render::render(&brief, &state.templates, &opts)?,
        brief.title,
    ))
}

/// The brief of the open project (dated today) and its template and paper.
fn brief_and_options(state: &AppState) -> AppResult<(Brief, RenderOptions)> {
    let today = chrono::Local::now().date_naive();
    Ok(state.read(|s| {
        let opts = s.project.settings.render_options();
        s.brief(today).map(|b| (b, opts))
    })?)
}
