//! The desktop commands on Tauri's mock runtime: what the UI gets back, errors as {code, message},
//! autosave and reopening, export, no path ever taken from the page — without a window. The
//! mock runtime has no dialogs: each test answers for the user (`Desk::answer`).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Listener, WebviewWindow};

use briefdesk_desktop::dialogs::{Ask, Dialogs};

/// The user's answers to the dialogs, in order (`None`: cancelled; none left: cancelled).
type Answers = Arc<Mutex<VecDeque<Option<Vec<PathBuf>>>>>;

struct Desk {
    app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    /// The app's data folder.
    data: PathBuf,
    _dir: Option<tempfile::TempDir>,
    answers: Answers,
    /// The dialogs shown, in order.
    asked: Arc<Mutex<Vec<Ask>>>,
}

/// An app whose data folder is `data` (another app may share it, as after a restart).
fn desk_at(data: &Path) -> Desk {
    let answers = Answers::default();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let (queue, log) = (answers.clone(), asked.clone());
    let dialogs = Dialogs::new(move |_, ask: &Ask| {
        log.lock().unwrap().push(ask.clone());
        queue.lock().unwrap().pop_front().flatten()
    });
    let app = briefdesk_desktop::configure(mock_builder(), data.to_path_buf(), &(), dialogs)
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Desk {
        app,
        window,
        data: data.to_path_buf(),
        _dir: None,
        answers,
        asked,
    }
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path());
    Desk {
        _dir: Some(dir),
        ..desk
    }
}

impl Desk {
    /// What the user will pick in the next dialog.
    fn answer(&self, paths: &[&Path]) {
        let paths = paths.iter().map(|p| p.to_path_buf()).collect();
        self.answers.lock().unwrap().push_back(Some(paths));
    }

    /// The dialogs shown so far.
    fn asked(&self) -> Vec<Ask> {
        self.asked.lock().unwrap().clone()
    }

    /// Calls a command as the UI does; the answer, or the error object.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        tauri::test::get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/setup");
    String::from_utf8(out.stdout).unwrap()
}

/// A new project with the three fixture articles imported (picked in the Import dialog).
fn with_articles() -> (Desk, Value) {
    let d = desk();
    d.ok("project_new", json!({}));
    d.answer(&[
        &fixture("harbor-talks.txt"),
        &fixture("grain-corridor.md"),
        &fixture("energy-summit.html"),
    ]);
    let report = d.ok("import_dialog", json!({}));
    assert_eq!(d.asked(), [Ask::Articles]);
    (d, report)
}

#[test]
fn the_start_screen_gets_templates_markings_and_an_empty_project() {
    let d = desk();
    let start = d.ok("app_start", json!({}));
    let names: Vec<&str> = start["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"policy-brief") && names.contains(&"one-pager"));
    assert!(start["markings"]
        .as_array()
        .unwrap()
        .contains(&json!("TLP:AMBER")));
    assert_eq!(start["project"]["articles"], json!([]));
    assert_eq!(start["recent"], json!([]));
}

#[test]
fn import_reports_each_refused_file_by_name_and_flags_duplicates() {
    let (d, _) = with_articles();
    let empty = d.data.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let progress = Arc::new(Mutex::new(Vec::<Value>::new()));
    let seen = progress.clone();
    d.app.listen("import-progress", move |e| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(e.payload()).unwrap());
    });
    d.answer(&[
        &empty,
        &fixture("harbor-talks.txt"),
        &fixture("merge/ledger.txt"),
    ]);
    let report = d.ok("import_dialog", json!({}));
    assert_eq!(report["added"].as_array().unwrap().len(), 1);
    assert_eq!(
        report["failed"][0]["file"],
        json!(empty.display().to_string())
    );
    assert_eq!(report["failed"][0]["reason"], json!("the file is empty"));
    assert_eq!(report["duplicates"][0]["file"], json!("harbor-talks.txt"));
    assert_eq!(report["project"]["articles"].as_array().unwrap().len(), 4);
    let progress = progress.lock().unwrap();
    let last = progress.last().expect("progress events were sent");
    assert_eq!(
        (last["done"].as_u64(), last["total"].as_u64()),
        (Some(3), Some(3))
    );
}

#[test]
fn errors_cross_as_code_and_message() {
    let (d, _) = with_articles();
    let e = d
        .call("article_pick", json!({"id": "nope", "picked": false}))
        .unwrap_err();
    assert_eq!(
        e,
        json!({"code": "not_found", "message": "no article nope in this project"})
    );
    let ids: Vec<Value> = d.ok("app_start", json!({}))["project"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].clone())
        .collect();
    for id in &ids {
        d.ok("article_pick", json!({"id": id, "picked": false}));
    }
    let e = d.call("preview", json!({})).unwrap_err();
    assert_eq!(e["code"], json!("no_articles"));
    let e = d
        .call(
            "print",
            json!({"options": {"printer": "Office", "copies": 0}}),
        )
        .unwrap_err();
    assert_eq!(e["code"], json!("print"));
    assert!(e["message"].as_str().unwrap().contains("copies"));
}

#[test]
fn the_preview_is_the_pdf_and_follows_the_picks() {
    use base64::Engine;
    let (d, report) = with_articles();
    let decode = |v: &Value| {
        base64::engine::general_purpose::STANDARD
            .decode(v["pdf"].as_str().unwrap())
            .unwrap()
    };
    let all = d.ok("preview", json!({}));
    assert!(decode(&all).starts_with(b"%PDF-"));
    assert!(all["pages"].as_u64().unwrap() >= 1);
    let first = report["added"][0]["id"].clone();
    d.ok("article_pick", json!({"id": first, "picked": false}));
    let fewer = d.ok("preview", json!({}));
    assert_ne!(decode(&all), decode(&fewer));
}

#[test]
fn edits_are_saved_at_once_and_come_back_when_the_project_is_reopened() {
    let (d, _) = with_articles();
    // The review comes by story, each story's statements by speaker.
    let stories = d.ok("review", json!({}));
    let first = &stories[0]["groups"][0]["statements"][0];
    let key = first["key"].as_str().unwrap().to_string();
    let stories = d.ok(
        "statement_edit",
        json!({"key": key, "change": {"text": "Words edited for the meeting"}}),
    );
    assert_eq!(
        stories[0]["groups"][0]["statements"][0]["edited"],
        json!(true)
    );
    let mut settings = d.ok("app_start", json!({}))["project"]["settings"].clone();
    settings["title"] = json!("Ports and grain");
    settings["marking"] = json!("TLP:AMBER");
    d.ok("settings_set", json!({"settings": settings}));
    let path = d.ok("app_start", json!({}))["project"]["path"]
        .as_str()
        .unwrap()
        .to_string();
    // No explicit save: a second app (as after a crash) opens what was autosaved.
    let again = desk();
    again.answer(&[Path::new(&path)]);
    let project = again.ok("project_open", json!({}));
    assert_eq!(again.asked(), [Ask::Project]);
    assert_eq!(project["settings"]["title"], json!("Ports and grain"));
    assert_eq!(project["articles"].as_array().unwrap().len(), 3);
    let stories = again.ok("review", json!({}));
    let st = stories
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["groups"].as_array().unwrap())
        .flat_map(|g| g["statements"].as_array().unwrap())
        .find(|s| s["key"] == json!(key))
        .unwrap();
    assert_eq!(st["text"], json!("Words edited for the meeting"));
    // Both apps list it first among their recent projects.
    assert_eq!(
        again.ok("app_start", json!({}))["recent"][0]["path"],
        json!(path)
    );
    assert_eq!(
        d.ok("app_start", json!({}))["recent"][0]["path"],
        json!(path)
    );
}

/// Issue 11: the export dialog's other formats: Word, Markdown and text, each given its
/// extension when the name typed lacks it.
#[test]
fn export_writes_word_markdown_and_text() {
    let (d, _) = with_articles();
    std::fs::create_dir_all(d.data.join("out")).unwrap();
    for (format, ext, kind, magic) in [
        ("docx", "docx", "Word document", &b"PK"[..]),
        ("markdown", "md", "Markdown", &b"OFFICIAL\n\n# "[..]),
        ("text", "txt", "Plain text", &b"OFFICIAL\n\n"[..]),
    ] {
        let typed = d.data.join(format!("out/brief-{format}"));
        d.answer(&[&typed]);
        let done = d.ok("export_brief", json!({ "format": format }));
        let written = d.data.join(format!("out/brief-{format}.{ext}"));
        assert_eq!(done["path"], json!(written.display().to_string()));
        assert!(
            std::fs::read(&written).unwrap().starts_with(magic),
            "{format}"
        );
        match d.asked().last() {
            Some(Ask::Save {
                ext: e, kind: k, ..
            }) => assert_eq!((*e, *k), (ext, kind)),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn export_writes_the_brief_with_its_settings() {
    let (d, _) = with_articles();
    let mut settings = d.ok("app_start", json!({}))["project"]["settings"].clone();
    settings["title"] = json!("Harbour Talks Brief");
    settings["marking"] = json!("TLP:GREEN");
    settings["page_size"] = json!("letter");
    d.ok("settings_set", json!({"settings": settings}));
    let out: PathBuf = d.data.join("out/brief.pdf");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    d.answer(&[&out]);
    let done = d.ok("export_brief", json!({ "format": "pdf" }));
    assert_eq!(done["path"], json!(out.display().to_string()));
    let name = d.ok("app_start", json!({}))["project"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        d.asked().last(),
        Some(&Ask::Save {
            title: "Export brief",
            name: format!("{name}.pdf"),
            ext: "pdf",
            kind: "PDF",
        })
    );
    let text = pdftotext(&out);
    assert!(
        text.contains("Harbour Talks Brief") && text.contains("TLP:GREEN"),
        "{text}"
    );
    let info = std::process::Command::new("pdfinfo")
        .arg(&out)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

#[test]
fn pasted_text_becomes_an_article_and_a_removed_one_leaves() {
    let d = desk();
    d.ok("project_new", json!({}));
    let text =
        "Ceasefire holds\n\nThe ceasefire held for a third day, officials said on Sunday.\n\n\
                “We are cautiously hopeful,” said Foreign Minister Amal Haddad.";
    let report = d.ok("import_text", json!({"text": text}));
    let article = &report["added"][0];
    assert_eq!(article["title"], json!("Ceasefire holds"));
    let detail = d.ok("article_detail", json!({"id": article["id"]}));
    let speakers: Vec<&Value> = detail["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p.as_array().unwrap())
        .filter_map(|s| s.get("speaker").filter(|v| !v.is_null()))
        .collect();
    assert!(speakers.contains(&&json!("Amal Haddad")), "{detail}");
    let project = d.ok("articles_remove", json!({"ids": [article["id"]]}));
    assert_eq!(project["articles"], json!([]));
}

/// Issue 13: the analyst corrects the grouping from the UI; the project view and the preview
/// follow at once, and a reopened project keeps the corrections.
#[test]
fn stories_are_moved_merged_renamed_reordered_and_switched_off() {
    let (d, report) = with_articles();
    let project = &report["project"];
    assert_eq!(project["grouped"], json!(true));
    let stories = project["stories"].as_array().unwrap().clone();
    assert_eq!(stories.len(), 3, "{stories:?}");
    let (a, b) = (stories[0]["id"].clone(), stories[1]["id"].clone());
    let moved = stories[2]["articles"][0].clone();
    // Move the third story's article into the first: two stories.
    let p = d.ok("story_move", json!({"article": moved, "story": a}));
    assert_eq!(p["stories"].as_array().unwrap().len(), 2);
    assert_eq!(p["stories"][0]["articles"].as_array().unwrap().len(), 2);
    // Rename, put the other first, then merge everything into one.
    d.ok(
        "story_rename",
        json!({"story": a, "label": "Ports and grain"}),
    );
    let p = d.ok("stories_order", json!({"ids": [b]}));
    assert_eq!(p["stories"][0]["id"], b);
    assert_eq!(p["stories"][1]["label"], json!("Ports and grain"));
    let text = preview_text(&d);
    assert!(text.contains("Stories in this brief") && text.contains("Ports and grain"));
    let p = d.ok("stories_merge", json!({"story": b, "into": a}));
    assert_eq!(p["stories"].as_array().unwrap().len(), 1);
    // Grouping off and on again.
    let p = d.ok("stories_grouped", json!({"grouped": false}));
    assert_eq!(p["grouped"], json!(false));
    let path = p["path"].as_str().unwrap().to_string();
    let again = desk();
    again.answer(&[Path::new(&path)]);
    let reopened = again.ok("project_open", json!({}));
    assert_eq!(reopened["grouped"], json!(false));
    let p = again.ok("stories_grouped", json!({"grouped": true}));
    assert_eq!(p["stories"][0]["label"], json!("Ports and grain"));
    // An unknown story is an error the UI can show.
    let e = again
        .call("story_rename", json!({"story": "story-x", "label": "X"}))
        .unwrap_err();
    assert_eq!(e["code"], json!("not_found"), "{e}");
}

/// The text of the preview's PDF.
fn preview_text(d: &Desk) -> String {
    use base64::Engine;
    let preview = d.ok("preview", json!({}));
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(preview["pdf"].as_str().unwrap())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("preview.pdf");
    std::fs::write(&path, pdf).unwrap();
    pdftotext(&path)
}

/// Issue 14: opening a FIFO or a device as a project is refused at once, unread.
#[test]
fn a_pipe_or_a_device_is_not_opened_as_a_project() {
    let d = desk();
    let fifo = d.data.join("x.briefdesk");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        d.answer(&[path]);
        let e = d.call("project_open", json!({})).unwrap_err();
        assert_eq!(e["code"], json!("project"), "{e}");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("not a regular file"),
            "{e}"
        );
    }
}

/// Issue 14: the page cannot name a file. Every old way of passing a path, with `/etc/passwd`,
/// opens, imports and writes nothing: the commands that took one are gone or take none (Tauri
/// drops arguments a command does not have) and only the user's answer in a dialog counts. The
/// write commands are aimed at a file of the test's own (the tests may run as root).
#[test]
fn a_path_from_the_page_is_never_opened_imported_or_written() {
    let (d, _) = with_articles();
    let before = d.ok("app_start", json!({}))["project"].clone();
    let passwd = json!("/etc/passwd");
    let victim = d.data.join("victim.txt");
    std::fs::write(&victim, "untouched").unwrap();
    let victim_s = json!(victim.display().to_string());

    for (cmd, args) in [
        ("import_paths", json!({ "paths": [passwd] })),
        ("opened_files", json!({})),
    ] {
        let e = d.call(cmd, args).unwrap_err();
        assert!(e.to_string().contains("not found"), "{cmd}: {e}");
    }
    for cmd in ["import_dropped", "import_opened"] {
        let answer = d.ok(cmd, json!({ "paths": [passwd], "path": passwd }));
        assert_eq!(
            answer,
            Value::Null,
            "{cmd} imports only what the user handed over"
        );
    }
    // The dialogs come up and the user cancels: nothing is opened or written.
    assert_eq!(d.ok("project_open", json!({ "path": passwd })), Value::Null);
    for cmd in ["project_save_as", "export_brief"] {
        let args = json!({ "path": victim_s, "format": "pdf" });
        assert_eq!(d.ok(cmd, args), Value::Null, "{cmd}");
    }
    assert_eq!(d.asked().len(), 4, "{:?}", d.asked()); // the import and the three above
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let e = d
        .call("project_open_recent", json!({ "path": passwd }))
        .unwrap_err();
    assert!(e.to_string().contains("missing required key id"), "{e}");
    let e = d
        .call("project_open_recent", json!({ "id": passwd }))
        .unwrap_err();
    assert_eq!(e["code"], json!("not_found"), "{e}");

    // When the user does answer, the answer is what counts, not the page's path.
    let chosen = d.data.join("chosen.pdf");
    d.answer(&[&chosen]);
    let done = d.ok("export_brief", json!({ "path": victim_s, "format": "pdf" }));
    assert_eq!(done["path"], json!(chosen.display().to_string()));
    assert!(std::fs::read(&chosen).unwrap().starts_with(b"%PDF-"));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let after = d.ok("app_start", json!({}))["project"].clone();
    assert_eq!(
        after, before,
        "the project is the same, nothing imported or opened"
    );
}

/// Issue 14: a recent project is opened by the id the start screen got for it, never by path;
/// an id that is not (or no longer) in the list is a clear error.
#[test]
fn a_recent_project_opens_by_its_id() {
    let (d, _) = with_articles();
    let saved = d.data.join("briefs/ports.briefdesk");
    std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
    d.answer(&[&saved.with_extension("")]);
    let project = d.ok("project_save_as", json!({}));
    assert_eq!(project["path"], json!(saved.display().to_string()));

    // Another app on the same data folder, as after a restart, starts with an empty project.
    let again = desk_at(&d.data);
    let start = again.ok("app_start", json!({}));
    assert_eq!(start["project"]["articles"], json!([]));
    let recent = start["recent"].as_array().unwrap();
    assert_eq!(recent[0]["path"], json!(saved.display().to_string()));
    assert_eq!(recent[0]["name"], json!("ports"));
    let ids: Vec<&Value> = recent.iter().map(|r| &r["id"]).collect();
    assert!(ids.iter().all(|id| id.is_string()), "{ids:?}");
    let unique: std::collections::HashSet<String> = ids.iter().map(|i| i.to_string()).collect();
    assert_eq!(unique.len(), ids.len(), "ids are distinct: {ids:?}");

    let opened = again.ok("project_open_recent", json!({ "id": recent[0]["id"] }));
    assert_eq!(opened["path"], json!(saved.display().to_string()));
    assert_eq!(opened["articles"].as_array().unwrap().len(), 3);
    assert!(again.asked().is_empty(), "no dialog");

    let e = again
        .call("project_open_recent", json!({ "id": "0123456789abcdef" }))
        .unwrap_err();
    assert_eq!(
        e,
        json!({
            "code": "not_found",
            "message": "This project is no longer in the recent list; use Open project… to find it."
        })
    );
    // A project whose file is gone leaves the list: its id no longer opens anything.
    std::fs::remove_file(&saved).unwrap();
    let e = again
        .call("project_open_recent", json!({ "id": recent[0]["id"] }))
        .unwrap_err();
    assert_eq!(e["code"], json!("not_found"), "{e}");
    assert_eq!(again.ok("app_start", json!({}))["project"], opened);
}
