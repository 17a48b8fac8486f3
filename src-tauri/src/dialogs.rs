//! The Open and Save dialogs, shown by Rust: the page asks for one and never names a path itself.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use briefdesk::project::PROJECT_EXTENSION;

/// The article files the Import dialog offers.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "pdf", "docx", "eml", "mbox", "epub", "rtf", "mhtml",
    "mht",
];

/// What a dialog asks the user for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A project file to open.
    Project,
    /// Article files to import, several at once.
    Articles,
    /// Where to save a file: the dialog's `title`, the suggested file `name`, its extension `ext`.
    Save {
        /// The dialog's title.
        title: &'static str,
        /// The suggested file name.
        name: String,
        /// The extension offered as the filter (without the dot).
        ext: &'static str,
        /// The filter's name ("Word document").
        kind: &'static str,
    },
}

/// The user's answer to an [`Ask`]: the paths chosen, `None` when cancelled.
type Answer<R> = dyn Fn(&AppHandle<R>, &Ask) -> Option<Vec<PathBuf>> + Send + Sync;

/// The app's dialogs, kept in the app's state: the native ones in the app ([`Dialogs::native`]);
/// tests on the mock runtime, which has no dialogs, answer for the user ([`Dialogs::new`]).
pub struct Dialogs<R: Runtime>(Box<Answer<R>>);

impl<R: Runtime> Dialogs<R> {
    /// The system's Open and Save dialogs (tauri-plugin-dialog, which the app must register).
    pub fn native() -> Dialogs<R> {
        Dialogs(Box::new(native))
    }

    /// Dialogs answered by `answer` instead of the user.
    pub fn new(
        answer: impl Fn(&AppHandle<R>, &Ask) -> Option<Vec<PathBuf>> + Send + Sync + 'static,
    ) -> Dialogs<R> {
        Dialogs(Box::new(answer))
    }
}

/// Asks the user with the app's dialogs: the paths chosen (at least one), `None` when cancelled.
pub fn ask<R: Runtime>(app: &AppHandle<R>, ask: &Ask) -> Option<Vec<PathBuf>> {
    let dialogs = app.state::<Dialogs<R>>();
    (dialogs.0)(app, ask).filter(|paths| !paths.is_empty())
}

/// Asks for one file: the one chosen, `None` when cancelled.
pub fn ask_one<R: Runtime>(app: &AppHandle<R>, what: &Ask) -> Option<PathBuf> {
    ask(app, what).and_then(|paths| paths.into_iter().next())
}

/// Shows the native dialog for `ask` and waits for the user.
fn native<R: Runtime>(app: &AppHandle<R>, ask: &Ask) -> Option<Vec<PathBuf>> {
    let dialog = app.dialog().file();
    let picked = match ask {
        Ask::Project => vec![dialog
            .set_title("Open project")
            .add_filter("BriefDesk project", &[PROJECT_EXTENSION])
            .blocking_pick_file()?],
        Ask::Articles => dialog
            .set_title("Import articles")
            .add_filter("Articles", ARTICLE_EXTENSIONS)
            .blocking_pick_files()?,
        Ask::Save {
            title,
            name,
            ext,
            kind,
        } => vec![dialog
            .set_title(*title)
            .set_file_name(name)
            .add_filter(*kind, &[ext])
            .blocking_save_file()?],
    };
    Some(
        picked
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect(),
    )
}
