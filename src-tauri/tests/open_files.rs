//! Files opened from outside the app, on Tauri's mock runtime: what a second launch hands over
//! reaches the UI once, through `opened_files`, with an `open-files` event to say it came.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Listener, Manager};

use briefdesk_desktop::open::{self, Opened, OPEN_FILES_EVENT};

fn call(window: &tauri::WebviewWindow<tauri::test::MockRuntime>, cmd: &str) -> Value {
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

#[test]
fn a_second_launch_hands_its_files_to_the_ui_once() {
    let data = tempfile::tempdir().unwrap();
    let app = briefdesk_desktop::configure(mock_builder(), data.path().to_path_buf())
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let events = Arc::new(Mutex::new(0));
    let seen = events.clone();
    app.listen_any(OPEN_FILES_EVENT, move |_| *seen.lock().unwrap() += 1);

    // Files given on the command line wait for the UI.
    app.state::<Opened>()
        .add(vec!["/srv/articles/first.html".into()]);
    assert_eq!(
        call(&window, "opened_files"),
        json!(["/srv/articles/first.html"])
    );
    assert_eq!(
        call(&window, "opened_files"),
        json!([]),
        "each file is given once"
    );

    // A second launch from another folder: its relative paths are taken from there.
    let argv = [
        "/usr/bin/briefdesk-desktop",
        "talks.eml",
        "--ignored-option",
    ];
    open::hand_over(
        app.handle(),
        argv.iter().map(|s| s.to_string()).collect(),
        "/home/ana/Downloads".into(),
    );
    assert_eq!(*events.lock().unwrap(), 1, "the UI is told");
    assert_eq!(
        call(&window, "opened_files"),
        json!(["/home/ana/Downloads/talks.eml"])
    );

    // A second launch without files only brings the window forward.
    open::hand_over(app.handle(), vec!["briefdesk-desktop".into()], "/".into());
    assert_eq!(*events.lock().unwrap(), 1);
    assert_eq!(call(&window, "opened_files"), json!([]));
}
