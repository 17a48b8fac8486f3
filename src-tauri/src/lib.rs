//! BriefDesk desktop shell: the Tauri app, its state and the commands the UI calls.

pub mod commands;
pub mod dialogs;
pub mod error;
pub mod import;
pub mod open;
pub mod state;
pub mod stories;

use std::path::PathBuf;

use briefdesk::files::TemplateFiles;
use briefdesk::render::TemplateLoader;
use tauri::{Builder, Manager, Runtime};

pub use state::AppState;

/// Registers the app's state (its files under `data_dir`, the user templates `templates` finds,
/// its `dialogs`), the handler that records dropped files, and the commands on `builder`: shared
/// by the real app and the tests on the mock runtime.
pub fn configure<R: Runtime>(
    builder: Builder<R>,
    data_dir: PathBuf,
    templates: &impl TemplateLoader,
    dialogs: dialogs::Dialogs<R>,
) -> Builder<R> {
    builder
        .manage(AppState::new(data_dir, templates))
        .manage(open::Handed::default())
        .manage(dialogs)
        .on_window_event(open::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::app_start,
            commands::project_new,
            commands::project_open,
            commands::project_open_recent,
            commands::project_save_as,
            commands::project_save,
            import::import_dialog,
            import::import_text,
            commands::article_pick,
            commands::articles_order,
            commands::articles_remove,
            commands::article_detail,
            commands::review,
            commands::statement_edit,
            commands::statements_order,
            commands::settings_set,
            commands::preview,
            commands::export_brief,
            commands::printers,
            commands::print,
            stories::story_move,
            stories::stories_merge,
            stories::story_rename,
            stories::stories_order,
            stories::stories_grouped,
            open::import_dropped,
            open::import_opened,
        ])
}

/// The app's own folder: `$BRIEFDESK_DATA_DIR`, else the user's data folder
/// (`~/.local/share/briefdesk` on Linux).
pub fn data_dir() -> PathBuf {
    std::env::var_os("BRIEFDESK_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| dirs::data_dir().map(|d| d.join("briefdesk")))
        .unwrap_or_else(|| std::env::temp_dir().join("briefdesk"))
}

/// Runs the desktop app: `briefdesk-desktop [FILE...]` imports the files into a new project, or,
/// when the app is already running, hands them to it and exits.
pub fn run() {
    let cwd = std::env::current_dir().unwrap_or_default();
    let files = open::file_args(std::env::args_os().skip(1), &cwd);
    // First, so that a second launch hands over its files before it does anything else.
    let builder =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(open::hand_over));
    // The analysis patterns compile while the window opens.
    std::thread::spawn(briefdesk::analyze::warm_up);
    configure(
        builder,
        data_dir(),
        &TemplateFiles::user(),
        dialogs::Dialogs::native(),
    )
    .plugin(tauri_plugin_dialog::init())
    .setup(move |app| {
        app.state::<open::Handed>().add_opened(files);
        Ok(())
    })
    .run(tauri::generate_context!())
    .expect("BriefDesk could not start its window");
}
