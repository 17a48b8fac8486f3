//! Files handed to the app from outside the page, on Tauri's mock runtime: files dropped on the
//! window (the window event handler the app registers) and files a launch or a second launch
//! hands over are kept in Rust; an event tells the page, and the import commands, which take no
//! path, import exactly those files, once.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{DragDropEvent, Listener, Manager, PhysicalPosition, WebviewWindow, WindowEvent};

use briefdesk_desktop::dialogs::Dialogs;
use briefdesk_desktop::open::{self, Handed, FILES_DROPPED_EVENT, OPEN_FILES_EVENT};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The app on the mock runtime (every dialog cancelled) and its window.
fn app(data: &Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = briefdesk_desktop::configure(
        mock_builder(),
        data.to_path_buf(),
        &(),
        Dialogs::new(|_, _| None),
    )
    .build(mock_context(noop_assets()))
    .expect("the app builds on the mock runtime");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

fn call(window: &WebviewWindow<MockRuntime>, cmd: &str) -> Value {
    tauri::test::get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(json!({})),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .unwrap_or_else(|e| panic!("{cmd} failed: {e:?}"))
    .deserialize()
    .unwrap()
}

/// The file names of the articles an import added, sorted.
fn added(report: &Value) -> Vec<String> {
    let mut names: Vec<String> = report["added"]
        .as_array()
        .unwrap_or_else(|| panic!("an import report: {report}"))
        .iter()
        .map(|a| a["file_name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

/// Counts the events named `event` and keeps their payloads.
fn record(app: &tauri::App<MockRuntime>, event: &str) -> Arc<Mutex<Vec<Value>>> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    app.listen_any(event, move |e| {
        log.lock()
            .unwrap()
            .push(serde_json::from_str(e.payload()).unwrap());
    });
    seen
}

#[test]
fn files_dropped_on_the_window_are_what_import_dropped_imports_once() {
    let data = tempfile::tempdir().unwrap();
    let (app, webview) = app(data.path());
    let window = webview.as_ref().window();
    let events = record(&app, FILES_DROPPED_EVENT);
    call(&webview, "project_new");
    let at = PhysicalPosition::new(200.0, 150.0);

    // Dragging over the window hands nothing over.
    let dragged = vec![fixtures().join("harbor-talks.txt")];
    for event in [
        DragDropEvent::Enter {
            paths: dragged.clone(),
            position: at,
        },
        DragDropEvent::Over { position: at },
        DragDropEvent::Leave,
    ] {
        open::on_window_event(&window, &WindowEvent::DragDrop(event));
    }
    assert!(events.lock().unwrap().is_empty());
    assert_eq!(call(&webview, "import_dropped"), Value::Null);

    // A drop the page did not import (a dialog was open) is replaced by the next one.
    let stale = DragDropEvent::Drop {
        paths: dragged,
        position: at,
    };
    open::on_window_event(&window, &WindowEvent::DragDrop(stale));
    let paths = vec![
        fixtures().join("grain-corridor.md"),
        fixtures().join("energy-summit.html"),
    ];
    let drop = DragDropEvent::Drop {
        paths,
        position: at,
    };
    open::on_window_event(&window, &WindowEvent::DragDrop(drop));
    assert_eq!(
        *events.lock().unwrap(),
        [json!(1), json!(2)],
        "the page is told"
    );

    let report = call(&webview, "import_dropped");
    assert_eq!(added(&report), ["energy-summit.html", "grain-corridor.md"]);
    assert_eq!(report["project"]["articles"].as_array().unwrap().len(), 2);
    assert_eq!(
        call(&webview, "import_dropped"),
        Value::Null,
        "imported once"
    );
    assert_eq!(
        call(&webview, "import_opened"),
        Value::Null,
        "a drop is not an opened file"
    );
}

#[test]
fn a_second_launch_hands_its_files_to_the_page_once() {
    let data = tempfile::tempdir().unwrap();
    let (app, window) = app(data.path());
    let events = record(&app, OPEN_FILES_EVENT);

    // Files given on the command line wait for the page; the start screen learns how many.
    app.state::<Handed>()
        .add_opened(vec![fixtures().join("energy-summit.html")]);
    assert_eq!(call(&window, "app_start")["opened"], json!(1));
    call(&window, "project_new");
    let report = call(&window, "import_opened");
    assert_eq!(added(&report), ["energy-summit.html"]);
    assert_eq!(call(&window, "app_start")["opened"], json!(0));
    assert_eq!(
        call(&window, "import_opened"),
        Value::Null,
        "each file once"
    );

    // A second launch from the fixtures folder: its relative paths are taken from there.
    let argv = [
        "/usr/bin/briefdesk-desktop",
        "harbor-talks.txt",
        "--ignored-option",
        "grain-corridor.md",
    ];
    open::hand_over(
        app.handle(),
        argv.iter().map(|s| s.to_string()).collect(),
        fixtures().display().to_string(),
    );
    assert_eq!(*events.lock().unwrap(), [json!(2)], "the page is told");
    let report = call(&window, "import_opened");
    assert_eq!(added(&report), ["grain-corridor.md", "harbor-talks.txt"]);
    assert_eq!(report["project"]["articles"].as_array().unwrap().len(), 3);
    assert_eq!(call(&window, "import_dropped"), Value::Null);

    // A second launch without files only brings the window forward.
    open::hand_over(app.handle(), vec!["briefdesk-desktop".into()], "/".into());
    assert_eq!(events.lock().unwrap().len(), 1);
    assert_eq!(call(&window, "import_opened"), Value::Null);
}
