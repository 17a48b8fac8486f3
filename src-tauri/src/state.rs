//! The app's state: the open project, where it is saved, recent projects; every change is
//! saved at once (atomically), so a killed app loses nothing but the command it was running.

use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use briefdesk::files::{self, write_atomic};
use briefdesk::project::{
    ArticleView, Project, ProjectSettings, Session, StoryView, PROJECT_EXTENSION, PROJECT_MAX_BYTES,
};
use briefdesk::render::{TemplateLoader, Templates};

use crate::error::{io, AppError, AppResult, ErrorCode};

/// Most recent projects remembered.
const RECENT_MAX: usize = 10;

/// The open project as the UI sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectView {
    /// Where it is saved.
    pub path: Option<String>,
    /// Its file name without the extension.
    pub name: String,
    /// Library, in order.
    pub articles: Vec<ArticleView>,
    /// Brief settings.
    pub settings: ProjectSettings,
    /// Number of ticked articles.
    pub picked: usize,
    /// The ticked articles by story, in the brief's order.
    pub stories: Vec<StoryView>,
    /// Whether the articles are grouped by story (else one story).
    pub grouped: bool,
}

/// A project opened lately, as the start screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recent {
    /// What the page gives to open it (`project_open_recent`): it never names the path itself.
    pub id: String,
    /// Its path (shown to the user).
    pub path: String,
    /// Its name.
    pub name: String,
    /// When it was last opened (RFC 3339).
    pub opened: String,
}

/// An entry of the recent list as `recent.json` keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Remembered {
    path: String,
    name: String,
    opened: String,
}

struct Current {
    session: Session,
    path: Option<PathBuf>,
}

/// Everything the commands share.
pub struct AppState {
    current: Mutex<Current>,
    /// The app's own folder: untitled projects, the recent list.
    pub data_dir: PathBuf,
    /// Built-in templates and the user's.
    pub templates: Templates,
}

impl AppState {
    /// State with an empty, not yet saved project; `data_dir` holds the app's own files,
    /// `templates` finds the user's templates (read once, here).
    pub fn new(data_dir: PathBuf, templates: &impl TemplateLoader) -> AppState {
        // A broken user template folder must not stop the app: the built-ins stay.
        let templates = Templates::builtin()
            .with_user_templates(templates)
            .unwrap_or_else(|_| Templates::builtin());
        AppState {
            current: Mutex::new(Current {
                session: Session::default(),
                path: None,
            }),
            data_dir,
            templates,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Current> {
        // A panic in a command must not lock the user out of their project.
        self.current.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reads the session.
    pub fn read<T>(&self, f: impl FnOnce(&Session) -> T) -> T {
        f(&self.lock().session)
    }

    /// Changes the session and saves the project; the change's result, or why it failed.
    pub fn change<T>(&self, f: impl FnOnce(&mut Session) -> AppResult<T>) -> AppResult<T> {
        let mut cur = self.lock();
        let out = f(&mut cur.session)?;
        self.save_locked(&mut cur)?;
        Ok(out)
    }

    /// [`AppState::change`], also returning the project as the UI sees it after the change.
    pub fn change_view<T>(
        &self,
        f: impl FnOnce(&mut Session) -> AppResult<T>,
    ) -> AppResult<(T, ProjectView)> {
        let mut cur = self.lock();
        let out = f(&mut cur.session)?;
        self.save_locked(&mut cur)?;
        Ok((out, view(&cur)))
    }

    /// Saves the project now.
    pub fn save(&self) -> AppResult<ProjectView> {
        let mut cur = self.lock();
        self.save_locked(&mut cur)?;
        Ok(view(&cur))
    }

    /// The open project as the UI sees it.
    pub fn view(&self) -> ProjectView {
        view(&self.lock())
    }

    /// The open project's name (its file name without the extension).
    pub fn name(&self) -> String {
        project_name(&self.lock())
    }

    /// Starts a new, empty project saved under the app's folder until saved elsewhere.
    pub fn new_project(&self) -> AppResult<ProjectView> {
        let mut cur = self.lock();
        cur.session = Session::default();
        cur.path = None;
        self.save_locked(&mut cur)?;
        Ok(view(&cur))
    }

    /// Opens the project at `path`.
    pub fn open(&self, path: &Path) -> AppResult<ProjectView> {
        let bytes = files::read_regular(path, PROJECT_MAX_BYTES).map_err(|e| match e {
            files::Bounded::Io(e) => io(path, e),
            files::Bounded::NotRegular => AppError::new(
                ErrorCode::Project,
                format!("{}: not a regular file (a device, pipe or socket)", path.display()),
            ),
            files::Bounded::TooLarge(size) => AppError::new(
                ErrorCode::Project,
                format!(
                    "{}: the file has {size} bytes, over the limit of {PROJECT_MAX_BYTES} bytes per project",
                    path.display()
                ),
            ),
        })?;
        let project = Project::from_json(&bytes)
            .map_err(|e| AppError::new(ErrorCode::Project, format!("{}: {e}", path.display())))?;
        let session = Session::new(project);
        let mut cur = self.lock();
        *cur = Current {
            session,
            path: Some(path.to_path_buf()),
        };
        self.remember(path);
        Ok(view(&cur))
    }

    /// Opens the project of the recent list with this `id` ([`Recent::id`]).
    pub fn open_recent(&self, id: &str) -> AppResult<ProjectView> {
        let recent = self
            .recent()
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NotFound,
                    "This project is no longer in the recent list; use Open project… to find it.",
                )
            })?;
        self.open(Path::new(&recent.path))
    }

    /// Saves the project to `path` from now on.
    pub fn save_as(&self, path: &Path) -> AppResult<ProjectView> {
        let mut cur = self.lock();
        let path = with_extension(path);
        cur.path = Some(path.clone());
        self.save_locked(&mut cur)?;
        self.remember(&path);
        Ok(view(&cur))
    }

    /// Projects opened lately, newest first, those that still exist.
    pub fn recent(&self) -> Vec<Recent> {
        self.remembered()
            .into_iter()
            .map(|r| Recent {
                id: recent_id(&r.path),
                path: r.path,
                name: r.name,
                opened: r.opened,
            })
            .collect()
    }

    /// The recent list's entries whose file still exists, newest first.
    fn remembered(&self) -> Vec<Remembered> {
        let list: Vec<Remembered> = std::fs::read(self.data_dir.join("recent.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        list.into_iter()
            .filter(|r| Path::new(&r.path).is_file())
            .collect()
    }

    /// Writes the project to its file; a project without one gets an untitled file in the
    /// app's folder, which goes on the recent list.
    fn save_locked(&self, cur: &mut Current) -> AppResult<()> {
        let untitled = cur.path.is_none();
        let path = cur.path.get_or_insert_with(|| self.untitled_path()).clone();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        write_atomic(&path, &cur.session.project.to_json()).map_err(|e| io(&path, e))?;
        if untitled {
            self.remember(&path);
        }
        Ok(())
    }

    /// Puts `path` first in the recent list (best effort: a failure only loses the entry).
    fn remember(&self, path: &Path) {
        let path_s = path.display().to_string();
        let mut list = self.remembered();
        if list.first().is_some_and(|r| r.path == path_s) {
            return;
        }
        list.retain(|r| r.path != path_s);
        list.insert(
            0,
            Remembered {
                name: name_of(path),
                path: path_s,
                opened: chrono::Local::now().to_rfc3339(),
            },
        );
        list.truncate(RECENT_MAX);
        let _ = std::fs::create_dir_all(&self.data_dir);
        if let Ok(bytes) = serde_json::to_vec_pretty(&list) {
            let _ = write_atomic(&self.data_dir.join("recent.json"), &bytes);
        }
    }

    fn untitled_path(&self) -> PathBuf {
        let stamp = chrono::Local::now().format("%Y-%m-%d %H%M%S");
        let dir = self.data_dir.join("projects");
        let mut path = dir.join(format!("Untitled {stamp}.{PROJECT_EXTENSION}"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("Untitled {stamp} ({n}).{PROJECT_EXTENSION}"));
            n += 1;
        }
        path
    }
}

fn view(cur: &Current) -> ProjectView {
    let articles = cur.session.views();
    ProjectView {
        path: cur.path.as_ref().map(|p| p.display().to_string()),
        name: project_name(cur),
        picked: articles.iter().filter(|a| a.picked).count(),
        articles,
        settings: cur.session.project.settings.clone(),
        stories: cur.session.story_views(),
        grouped: cur.session.grouped(),
    }
}

/// The id of the recent project at `path`: the same for as long as the app runs.
fn recent_id(path: &str) -> String {
    let hash = std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default().hash_one(path);
    format!("{hash:016x}")
}

fn project_name(cur: &Current) -> String {
    cur.path.as_deref().map_or("Untitled".into(), name_of)
}

fn name_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// `path` with the project extension when it has none.
fn with_extension(path: &Path) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        path.with_extension(PROJECT_EXTENSION)
    }
}
