//! User templates on disk for the render stage: the user's template folder and template files
//! named on the command line.

use std::path::{Path, PathBuf};

use crate::error::RenderError;
use crate::render::{TemplateFile, TemplateLoader};

/// The user's template folder: `$XDG_CONFIG_HOME/briefdesk/templates` on Linux.
pub fn user_template_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("briefdesk").join("templates"))
}

/// User templates on disk: the `*.html` files of a template folder, and `--template` arguments
/// that name a file.
#[derive(Debug, Clone, Default)]
pub struct TemplateFiles {
    /// The folder of user templates; none or a missing folder means no user templates.
    pub dir: Option<PathBuf>,
}

impl TemplateFiles {
    /// The templates of the user's template folder ([`user_template_dir`]).
    pub fn user() -> TemplateFiles {
        TemplateFiles {
            dir: user_template_dir(),
        }
    }

    /// The templates of the folder `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> TemplateFiles {
        TemplateFiles {
            dir: Some(dir.into()),
        }
    }
}

impl TemplateLoader for TemplateFiles {
    /// Every `*.html` file of the folder, sorted by path.
    fn user_templates(&self) -> Result<Vec<TemplateFile>, RenderError> {
        let Some(dir) = self.dir.as_deref().filter(|d| d.exists()) else {
            return Ok(Vec::new());
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| RenderError::Template {
                name: dir.display().to_string(),
                message: format!("cannot read the template folder: {e}"),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html") && p.is_file())
            .collect();
        files.sort();
        files.iter().map(|p| read_template(p)).collect()
    }

    /// The file at path `template`, if there is one.
    fn template_file(&self, template: &str) -> Option<Result<TemplateFile, RenderError>> {
        let path = Path::new(template);
        path.is_file().then(|| read_template(path))
    }
}

/// The template file `path`, named by its stem.
pub fn read_template(path: &Path) -> Result<TemplateFile, RenderError> {
    let shown = path.display().to_string();
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| RenderError::Template {
            name: shown.clone(),
            message: "not a template file name".into(),
        })?;
    let source = std::fs::read_to_string(path).map_err(|e| RenderError::Template {
        name: shown.clone(),
        message: format!("cannot read the template: {e}"),
    })?;
    Ok(TemplateFile {
        name,
        origin: shown,
        source,
    })
}
