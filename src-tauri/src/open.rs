//! Files the user hands to the app from outside the page: dropped on the window, given on the
//! command line (`briefdesk-desktop FILE...`, what a file manager's "Open with" runs) or by a
//! second launch (tauri-plugin-single-instance). Rust keeps their paths; an event tells the page,
//! which asks for them to be imported (`import_dropped`, `import_opened`) without naming any.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, DragDropEvent, Emitter, Manager, Runtime, State, Window, WindowEvent};

use crate::error::AppResult;
use crate::import::{import, ImportReport};
use crate::state::AppState;

/// Sent to the page when a second launch has handed files over; the payload is their number.
pub const OPEN_FILES_EVENT: &str = "open-files";

/// Sent to the page when files have been dropped on the window; the payload is their number.
pub const FILES_DROPPED_EVENT: &str = "files-dropped";

/// Files handed to the app that the page has not had imported yet.
#[derive(Debug, Default)]
pub struct Handed {
    opened: Mutex<Vec<PathBuf>>,
    dropped: Mutex<Vec<PathBuf>>,
}

impl Handed {
    /// Queues files opened with the app (command line, second launch).
    pub fn add_opened(&self, paths: Vec<PathBuf>) {
        lock(&self.opened).extend(paths);
    }

    /// Records the files just dropped, in place of an earlier drop not imported (one the page
    /// declined, as while a dialog was open).
    pub fn set_dropped(&self, paths: Vec<PathBuf>) {
        *lock(&self.dropped) = paths;
    }

    /// The files opened with the app and not imported yet, each handed out once.
    pub fn take_opened(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *lock(&self.opened))
    }

    /// The files of the last drop, handed out once.
    pub fn take_dropped(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *lock(&self.dropped))
    }

    /// How many files opened with the app wait to be imported.
    pub fn opened_count(&self) -> usize {
        lock(&self.opened).len()
    }
}

fn lock(list: &Mutex<Vec<PathBuf>>) -> std::sync::MutexGuard<'_, Vec<PathBuf>> {
    list.lock().unwrap_or_else(|p| p.into_inner())
}

/// The files among command-line arguments (without the program's own name): options (`-x`,
/// `--x`) are skipped, everything after `--` is a file, and a relative path is taken from `cwd`.
pub fn file_args<I, S>(args: I, cwd: &Path) -> Vec<PathBuf>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut files = Vec::new();
    let mut options_done = false;
    for arg in args.into_iter().map(Into::into) {
        if !options_done && arg == "--" {
            options_done = true;
        } else if options_done || !arg.to_string_lossy().starts_with('-') {
            files.push(cwd.join(arg));
        }
    }
    files
}

/// What a second launch runs in the first app (the single-instance callback): brings the window
/// forward and queues the launch's files for the page.
pub fn hand_over<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    let files = file_args(argv.into_iter().skip(1), Path::new(&cwd));
    if !files.is_empty() {
        let count = files.len();
        app.state::<Handed>().add_opened(files);
        let _ = app.emit(OPEN_FILES_EVENT, count);
    }
}

/// The windows' event handler: files dropped on a window are recorded for `import_dropped`.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        dropped(window.app_handle(), paths.clone());
    }
}

/// Records `paths` as the files just dropped and tells the page (when there are any).
pub fn dropped<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) {
    let count = paths.len();
    app.state::<Handed>().set_dropped(paths);
    if count > 0 {
        let _ = app.emit(FILES_DROPPED_EVENT, count);
    }
}

/// Imports the files the user just dropped on the window; `None` when none wait.
#[tauri::command]
pub async fn import_dropped<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    handed: State<'_, Handed>,
) -> AppResult<Option<ImportReport>> {
    import_some(app, &state, handed.take_dropped()).await
}

/// Imports the files the app was opened with or a second launch handed over; `None` when none
/// wait.
#[tauri::command]
pub async fn import_opened<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    handed: State<'_, Handed>,
) -> AppResult<Option<ImportReport>> {
    import_some(app, &state, handed.take_opened()).await
}

/// Imports `paths` as every import does; `None` when there are none.
async fn import_some<R: Runtime>(
    app: AppHandle<R>,
    state: &AppState,
    paths: Vec<PathBuf>,
) -> AppResult<Option<ImportReport>> {
    if paths.is_empty() {
        return Ok(None);
    }
    import(app, state, paths).await.map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_skipped_and_relative_paths_taken_from_the_launch_folder() {
        let files = file_args(
            ["--flag", "a.html", "/tmp/b.eml", "-x", "--", "-dash.txt"],
            Path::new("/home/ana"),
        );
        assert_eq!(
            files,
            [
                PathBuf::from("/home/ana/a.html"),
                PathBuf::from("/tmp/b.eml"),
                PathBuf::from("/home/ana/-dash.txt"),
            ]
        );
    }

    #[test]
    fn queued_files_are_handed_out_once() {
        let handed = Handed::default();
        handed.add_opened(vec![PathBuf::from("/a")]);
        handed.add_opened(vec![PathBuf::from("/b")]);
        assert_eq!(handed.opened_count(), 2);
        assert_eq!(
            handed.take_opened(),
            [PathBuf::from("/a"), PathBuf::from("/b")]
        );
        assert!(handed.take_opened().is_empty());
    }

    #[test]
    fn a_drop_replaces_one_not_imported_and_is_handed_out_once() {
        let handed = Handed::default();
        handed.set_dropped(vec![PathBuf::from("/declined")]);
        handed.set_dropped(vec![PathBuf::from("/a"), PathBuf::from("/b")]);
        assert_eq!(
            handed.take_dropped(),
            [PathBuf::from("/a"), PathBuf::from("/b")]
        );
        assert!(handed.take_dropped().is_empty());
        assert!(
            handed.take_opened().is_empty(),
            "drops are not opened files"
        );
    }
}
