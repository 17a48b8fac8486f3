//! The brief templates: the built-ins embedded in the binary, user templates from a caller's
//! [`TemplateLoader`], and the Tera instance that renders them (autoescaping every template,
//! since the imported article text is untrusted).
//!
//! Templates are named by their file name without `.html` ("policy-brief"); both forms are
//! accepted. A user template may `{% extends "policy-brief.html" %}` and override blocks; the
//! built-ins also stay reachable as `builtin/<name>.html`, so a user file that replaces
//! `policy-brief.html` can still extend the original.

use std::collections::BTreeMap;

use tera::Tera;

use super::origin;
use crate::error::RenderError;

/// The built-in templates: (file name, source).
const BUILTIN: [(&str, &str); 3] = [
    (
        "policy-brief.html",
        include_str!("../../templates/policy-brief.html"),
    ),
    (
        "one-pager.html",
        include_str!("../../templates/one-pager.html"),
    ),
    (
        "quote-sheet.html",
        include_str!("../../templates/quote-sheet.html"),
    ),
];

/// Prefix under which the built-ins stay available to `{% extends %}`.
const BUILTIN_PREFIX: &str = "builtin/";

/// A template as listed for the user.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TemplateInfo {
    /// Name without `.html`, as passed to `--template`.
    pub name: String,
    /// `"built-in"` or the file it was read from.
    pub origin: String,
    /// The first `{# … #}` comment of the template, if any.
    pub description: String,
}

/// A user template as a [`TemplateLoader`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFile {
    /// The name it is rendered by, without `.html`: the file's stem ("desk").
    pub name: String,
    /// Where it was read from, as lists and errors show it (its path).
    pub origin: String,
    /// Its text.
    pub source: String,
}

/// Where user templates come from, as typst's `World` gives the compiler its files: the caller
/// reads them (the file-system version is [`crate::files::TemplateFiles`]), so building and
/// rendering templates never touch the file system.
pub trait TemplateLoader {
    /// The user's own templates, in the order they are added (a later one of the same name
    /// wins); none when the user has none. An error names what could not be read.
    fn user_templates(&self) -> Result<Vec<TemplateFile>, RenderError>;

    /// The template file that `template` (a `--template` argument) names, or `None` when it
    /// names no file and so is a template name.
    fn template_file(&self, template: &str) -> Option<Result<TemplateFile, RenderError>>;
}

/// No user templates: the built-ins only.
impl TemplateLoader for () {
    fn user_templates(&self) -> Result<Vec<TemplateFile>, RenderError> {
        Ok(Vec::new())
    }

    fn template_file(&self, _: &str) -> Option<Result<TemplateFile, RenderError>> {
        None
    }
}

#[derive(Debug, Clone)]
struct Entry {
    source: String,
    origin: String,
}

/// The set of templates a brief can be rendered with.
#[derive(Clone)]
pub struct Templates {
    entries: BTreeMap<String, Entry>,
    tera: Result<Tera, RenderError>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("names", &self.entries.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Where a piece of markup was written: the template file and the line in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The user's file path, or `policy-brief.html (built-in)`.
    pub file: String,
    /// 1-based line in that file.
    pub line: usize,
}

/// How a template file is named in errors: its path, or `name.html (built-in)`.
fn file_label(entries: &BTreeMap<String, Entry>, key: &str) -> String {
    match entries.get(key) {
        Some(e) if e.origin != "built-in" => e.origin.clone(),
        Some(_) => format!("{} (built-in)", key.trim_start_matches(BUILTIN_PREFIX)),
        None => display_name(key).to_string(),
    }
}

fn tera_error(entries: &BTreeMap<String, Entry>, fallback: &str, e: &tera::Error) -> RenderError {
    let name = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r)
            if !r.filename().is_empty() =>
        {
            r.filename()
        }
        tera::ErrorKind::MissingParent { current, .. } => current,
        tera::ErrorKind::CircularExtend { tpl, .. } => tpl,
        _ => fallback,
    };
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    RenderError::Template {
        name: file_label(entries, name),
        message,
    }
}

/// `name` with `.html` removed, as shown to users.
pub fn display_name(name: &str) -> &str {
    name.strip_suffix(".html").unwrap_or(name)
}

fn description(source: &str) -> String {
    source
        .trim_start()
        .strip_prefix("{#")
        .and_then(|rest| rest.split_once("#}"))
        .map(|(c, _)| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

impl Templates {
    /// The templates embedded in BriefDesk.
    pub fn builtin() -> Templates {
        let entries = BUILTIN
            .iter()
            .map(|(name, source)| (name.to_string(), builtin_entry(source)))
            .collect();
        let tera = build(&entries);
        Templates { entries, tera }
    }

    /// Adds the built-ins again as `builtin/<name>.html`, for a user template that replaces one
    /// and extends the original (Tera is built again by the caller). Only then: parsing them
    /// twice is a tenth of a one-article build.
    fn with_originals(&mut self) {
        for (name, source) in BUILTIN {
            self.entries
                .entry(format!("{BUILTIN_PREFIX}{name}"))
                .or_insert_with(|| builtin_entry(source));
        }
    }

    /// Adds the user's templates that `loader` finds (see [`TemplateLoader::user_templates`]),
    /// replacing built-ins of the same name.
    pub fn with_user_templates(
        mut self,
        loader: &impl TemplateLoader,
    ) -> Result<Templates, RenderError> {
        let files = loader.user_templates()?;
        if files.is_empty() {
            return Ok(self);
        }
        self.with_originals();
        for file in files {
            self.add(file);
        }
        self.rebuild()?;
        Ok(self)
    }

    /// Adds the template file `template` names when it is one (`--template PATH`, see
    /// [`TemplateLoader::template_file`]); returns the templates and the name to render by:
    /// the file's, or `template` itself when it is a template name.
    pub fn with_template(
        mut self,
        loader: &impl TemplateLoader,
        template: &str,
    ) -> Result<(Templates, String), RenderError> {
        let Some(file) = loader.template_file(template) else {
            if template.starts_with(BUILTIN_PREFIX) {
                self.with_originals();
                self.rebuild()?;
            }
            return Ok((self, template.to_string()));
        };
        self.with_originals();
        let name = self.add(file?);
        self.rebuild()?;
        Ok((self, display_name(&name).to_string()))
    }

    /// The built-ins, the user's templates over them and `template` as a name or a file: the
    /// templates and the name to render by.
    pub fn load(
        loader: &impl TemplateLoader,
        template: &str,
    ) -> Result<(Templates, String), RenderError> {
        Templates::builtin()
            .with_user_templates(loader)?
            .with_template(loader, template)
    }

    /// Adds `file` under `name.html`; returns that key.
    fn add(&mut self, file: TemplateFile) -> String {
        let name = format!("{}.html", file.name);
        self.entries.insert(
            name.clone(),
            Entry {
                source: file.source,
                origin: file.origin,
            },
        );
        name
    }

    /// Builds Tera again from the entries; the first template error, if any.
    fn rebuild(&mut self) -> Result<(), RenderError> {
        self.tera = build(&self.entries);
        self.tera.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// The templates a user can choose, by name.
    pub fn list(&self) -> Vec<TemplateInfo> {
        self.entries
            .iter()
            .filter(|(name, _)| !name.starts_with(BUILTIN_PREFIX))
            .map(|(name, e)| TemplateInfo {
                name: display_name(name).to_string(),
                origin: e.origin.clone(),
                description: description(&e.source),
            })
            .collect()
    }

    /// The Tera name of a template given as "policy-brief" or "policy-brief.html".
    fn resolve(&self, name: &str) -> Result<String, RenderError> {
        [name.to_string(), format!("{name}.html")]
            .into_iter()
            .find(|n| self.entries.contains_key(n))
            .ok_or_else(|| RenderError::Template {
                name: name.to_string(),
                message: format!(
                    "no such template (available: {})",
                    self.list()
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
    }

    /// Renders template `name` with `ctx` into brief markup.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, RenderError> {
        let key = self.resolve(name)?;
        let tera = self.tera.as_ref().map_err(Clone::clone)?;
        tera.render(&key, ctx)
            .map_err(|e| tera_error(&self.entries, &key, &e))
    }

    /// The template file and line that wrote byte `offset` of `markup`, the output of
    /// template `name` with `ctx`: the templates are rendered again with line markers
    /// (`origin`). `None` when the marked output, markers removed, is not `markup`.
    pub fn trace(
        &self,
        name: &str,
        ctx: &tera::Context,
        markup: &str,
        offset: usize,
    ) -> Option<Origin> {
        let key = self.resolve(name).ok()?;
        let keys: Vec<&String> = self.entries.keys().collect();
        let marked: BTreeMap<String, Entry> = self
            .entries
            .iter()
            .enumerate()
            .map(|(id, (k, e))| {
                let source = origin::instrument(&e.source, id);
                (
                    k.clone(),
                    Entry {
                        source,
                        ..e.clone()
                    },
                )
            })
            .collect();
        let out = build(&marked).ok()?.render(&key, ctx).ok()?;
        let (clean, marks) = origin::strip(&out)?;
        if clean != markup {
            return None;
        }
        let mark = origin::locate(&marks, offset)?;
        Some(Origin {
            file: file_label(&self.entries, keys.get(mark.id)?),
            line: mark.line,
        })
    }

    /// How template `name` is named in errors: its file path or `name.html (built-in)`.
    pub fn file_of(&self, name: &str) -> String {
        match self.resolve(name) {
            Ok(key) => file_label(&self.entries, &key),
            Err(_) => name.to_string(),
        }
    }
}

/// A built-in template's entry.
fn builtin_entry(source: &str) -> Entry {
    Entry {
        source: source.to_string(),
        origin: "built-in".into(),
    }
}

/// A Tera instance holding all `entries`, autoescaping all of them.
fn build(entries: &BTreeMap<String, Entry>) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![""]);
    tera.add_raw_templates(entries.iter().map(|(n, e)| (n.as_str(), e.source.as_str())))
        .map_err(|e| tera_error(entries, "templates", &e))?;
    Ok(tera)
}
