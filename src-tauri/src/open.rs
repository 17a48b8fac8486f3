//! Files opened from outside the app: those on the command line (`briefdesk-desktop FILE...`,
//! what a file manager's "Open with" runs) and those a second launch hands to the running app
//! (tauri-plugin-single-instance). They wait here until the UI takes them (`opened_files`) and
//! imports them as it imports dropped files; the `open-files` event says more have come.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// Sent to the UI when a second launch has handed files over.
pub const OPEN_FILES_EVENT: &str = "open-files";

/// Files given to the app that the UI has not imported yet.
#[derive(Debug, Default)]
pub struct Opened(Mutex<Vec<PathBuf>>);

impl Opened {
    /// Queues `paths` for the UI.
    pub fn add(&self, paths: Vec<PathBuf>) {
        self.lock().extend(paths);
    }

    /// The queued files, each handed out once.
    pub fn take(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<PathBuf>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
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
/// forward and queues the launch's files for the UI.
pub fn hand_over<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    let files = file_args(argv.into_iter().skip(1), Path::new(&cwd));
    if !files.is_empty() {
        app.state::<Opened>().add(files);
        let _ = app.emit(OPEN_FILES_EVENT, ());
    }
}

/// The files given to the app and not imported yet (the UI imports them like a drop).
#[tauri::command]
pub fn opened_files(opened: State<'_, Opened>) -> Vec<String> {
    opened
        .take()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect()
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
        let opened = Opened::default();
        opened.add(vec![PathBuf::from("/a")]);
        opened.add(vec![PathBuf::from("/b")]);
        assert_eq!(opened.take(), [PathBuf::from("/a"), PathBuf::from("/b")]);
        assert!(opened.take().is_empty());
    }
}
