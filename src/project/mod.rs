//! A saved piece of work: the imported articles, which are picked and in what order, the
//! analyst's review of the statements and the brief settings; serialised as JSON.

mod duplicates;
mod reader;
mod session;
mod stories;
mod views;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::compose::Review;
use crate::model::{Article, BriefSettings};
use crate::render::{PageSize, RenderOptions};
use crate::stories::StoryChoices;

pub use reader::{segments, Segment};
pub use session::{Session, SessionError};
pub use stories::{ReviewStory, StoryView};
pub use views::{ArticleView, Duplicate, ImportOutcome, Refused, StatementChange};

/// The project file format this version writes (and the newest it reads). Format 2 added the
/// analyst's story choices; a format 1 project opens with its articles grouped automatically.
pub const PROJECT_FORMAT: u32 = 2;

/// Largest project file opened (its articles' texts included): larger files are refused unread.
pub const PROJECT_MAX_BYTES: u64 = 512 * 1024 * 1024;

/// File extension of project files.
pub const PROJECT_EXTENSION: &str = "briefdesk";

/// Handling markings offered in the brief settings (free text is allowed too).
pub const MARKINGS: &[&str] = &[
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "UNCLASSIFIED",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL",
    "TLP:CLEAR",
    "TLP:GREEN",
    "TLP:AMBER",
    "TLP:AMBER+STRICT",
    "TLP:RED",
];

/// An article in a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectArticle {
    /// The imported article (its text is kept, so the project opens without the files).
    pub article: Article,
    /// Whether it goes in the brief.
    pub picked: bool,
}

/// The brief settings the analyst fills in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectSettings {
    /// Title; empty means the lead article's headline.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Author or unit.
    pub author: String,
    /// Date printed on the brief; `None` means the day it is printed.
    pub date: Option<NaiveDate>,
    /// Handling marking.
    pub marking: String,
    /// Template name.
    pub template: String,
    /// Paper size.
    pub page_size: PageSize,
}

impl Default for ProjectSettings {
    fn default() -> Self {
        ProjectSettings {
            title: String::new(),
            subtitle: String::new(),
            author: String::new(),
            date: None,
            marking: "OFFICIAL".into(),
            template: "policy-brief".into(),
            page_size: PageSize::A4,
        }
    }
}

impl ProjectSettings {
    /// What compose needs, with `today` for an unset date.
    pub fn brief_settings(&self, today: NaiveDate) -> BriefSettings {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        BriefSettings {
            title: some(&self.title),
            subtitle: some(&self.subtitle),
            author: some(&self.author),
            date: self.date.unwrap_or(today),
            marking: self.marking.clone(),
        }
    }

    /// What render needs.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            template: self.template.clone(),
            page_size: self.page_size,
        }
    }
}

/// A project: everything the analyst did, enough to reopen and print the same brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// File format version ([`PROJECT_FORMAT`]).
    pub format: u32,
    /// Articles in the analyst's order.
    #[serde(default)]
    pub articles: Vec<ProjectArticle>,
    /// Brief settings.
    #[serde(default)]
    pub settings: ProjectSettings,
    /// Decisions on statements.
    #[serde(default)]
    pub review: Review,
    /// Decisions on the grouping of articles into stories (format 2).
    #[serde(default)]
    pub stories: StoryChoices,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            format: PROJECT_FORMAT,
            articles: Vec::new(),
            settings: ProjectSettings::default(),
            review: Review::default(),
            stories: StoryChoices::default(),
        }
    }
}

/// Why a project file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProjectError {
    /// Not JSON, or not shaped like a project.
    #[error("not a BriefDesk project ({0})")]
    Invalid(String),
    /// Written by a newer BriefDesk.
    #[error(
        "the project was saved by a newer BriefDesk (format {0}); update BriefDesk to open it"
    )]
    TooNew(u32),
}

impl Project {
    /// The project as pretty-printed JSON.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("a project always serialises")
    }

    /// Reads a project saved by [`Project::to_json`] (a leading UTF-8 byte-order mark is
    /// allowed). Errors say what is wrong and where, never the file's content.
    pub fn from_json(bytes: &[u8]) -> Result<Project, ProjectError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(where_wrong)?;
        let format = value.get("format").and_then(|f| f.as_u64()).unwrap_or(0) as u32;
        if format == 0 {
            return Err(ProjectError::Invalid("no format version".into()));
        }
        if format > PROJECT_FORMAT {
            return Err(ProjectError::TooNew(format));
        }
        drop(value);
        // Read again as a project: a wrong field is reported with its line and column.
        let mut project: Project = serde_json::from_slice(bytes).map_err(where_wrong)?;
        // Read as the current format: saved again, it is written as one.
        project.format = PROJECT_FORMAT;
        // Projects saved before articles kept their dateline's span.
        for a in project.articles.iter_mut().map(|p| &mut p.article) {
            if a.dateline_span.is_none() {
                a.dateline_span = crate::ingest::dateline::span(&a.text, &a.paragraphs);
            }
        }
        Ok(project)
    }
}

/// A JSON error as "what, line L, column C", without the content serde_json quotes.
fn where_wrong(e: serde_json::Error) -> ProjectError {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax => "not JSON",
        Category::Eof => "cut short",
        Category::Data => "a field has the wrong type or is missing",
        Category::Io => "unreadable",
    };
    ProjectError::Invalid(format!(
        "{what} at line {}, column {}",
        e.line(),
        e.column()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_reads_back_what_it_wrote() {
        let mut p = Project::default();
        p.settings.title = "Harbour talks".into();
        p.settings.date = NaiveDate::from_ymd_opt(2026, 5, 2);
        p.review.order = vec!["a:1-2".into()];
        let back = Project::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn a_format_1_project_opens_grouped_automatically() {
        let v1 = br#"{"format": 1, "articles": [], "review": {"edits": {}, "order": []}}"#;
        let p = Project::from_json(v1).unwrap();
        assert_eq!(p.format, PROJECT_FORMAT);
        assert_eq!(p.stories, StoryChoices::default());
    }

    /// Issue 14: errors never echo the file's content; a byte-order mark is fine.
    #[test]
    fn errors_say_where_not_what_the_file_holds() {
        let e = Project::from_json(br#"{"format":1,"articles":"SECRET-TOKEN-abc123"}"#)
            .unwrap_err()
            .to_string();
        assert!(!e.contains("SECRET"), "{e}");
        assert!(
            e.contains("wrong type") && e.contains("line 1, column"),
            "{e}"
        );
        let e = Project::from_json(b"{\"format\": 1,\n \"articles\": [SECRET").unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a BriefDesk project (not JSON at line 2, column 15)"
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(&Project::default().to_json());
        assert!(Project::from_json(&bom).is_ok());
    }

    #[test]
    fn foreign_and_newer_files_are_refused_with_a_reason() {
        let e = Project::from_json(b"<html>").unwrap_err();
        assert!(e.to_string().starts_with("not a BriefDesk project"), "{e}");
        let e = Project::from_json(br#"{"format": 99}"#).unwrap_err();
        assert_eq!(e, ProjectError::TooNew(99));
        assert!(Project::from_json(br#"{"articles": []}"#).is_err());
    }

    #[test]
    fn unset_date_means_today_and_blank_fields_mean_none() {
        let s = ProjectSettings {
            subtitle: "  ".into(),
            ..ProjectSettings::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let b = s.brief_settings(today);
        assert_eq!((b.date, b.subtitle, b.title), (today, None, None));
    }
}
