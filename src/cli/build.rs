//! `briefdesk build`: article files imported, grouped by story, composed and exported to the
//! output's format, then written atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use briefdesk::export::{self, ExportOptions, Exported, Format};
use briefdesk::render::{PageSize, RenderOptions};
use briefdesk::{compose, files, stories, Analysis, Article, Brief, BriefSettings};
use chrono::NaiveDate;

use super::{load, load_templates, parse_date};

/// The options of `briefdesk build`.
#[derive(clap::Args, Debug)]
pub(super) struct BuildArgs {
    /// Article files, or folders of them.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Where to write the brief; its extension (.pdf, .docx, .md, .txt) sets the format.
    #[arg(short, long, default_value = "brief.pdf")]
    output: PathBuf,
    /// The format to write whatever the output's extension: pdf, docx, md or txt.
    #[arg(long)]
    format: Option<Format>,
    /// A Word document or template (.docx, .dotx) whose styles, page set-up, headers and
    /// footers a Word brief takes.
    #[arg(long, value_name = "FILE")]
    reference_docx: Option<PathBuf>,
    /// Template name (see `briefdesk templates`) or path to a template file.
    #[arg(long, default_value = "policy-brief")]
    template: String,
    /// Brief title (default: the headline of the lead article).
    #[arg(long)]
    title: Option<String>,
    /// Subtitle under the title.
    #[arg(long)]
    subtitle: Option<String>,
    /// Author or unit.
    #[arg(long)]
    author: Option<String>,
    /// Date printed on the brief, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Handling marking for the banner at the top and foot of every page.
    #[arg(long, default_value = "OFFICIAL")]
    marking: String,
    /// Paper size: a4 or letter.
    #[arg(long, default_value = "a4")]
    page_size: PageSize,
    /// Take all the articles as one story instead of grouping them by story.
    #[arg(long)]
    one_story: bool,
}

/// Builds the brief and writes it; exit code 2 when the format cannot be told, 1 when no article
/// could be read.
pub(super) fn run(args: BuildArgs) -> Result<ExitCode> {
    let Some(format) = output_format(&args) else {
        return Ok(ExitCode::from(2));
    };
    let reference = read_reference(&args, format)?;
    // The templates are parsed on a spare core while the files are read.
    let (templates, items) = std::thread::scope(|s| {
        let templates = s.spawn(|| load_templates(&args.template));
        let items = load(&args.files);
        (templates.join(), items)
    });
    let (templates, template) = templates.unwrap_or_else(|p| std::panic::resume_unwind(p))?;
    if items.is_empty() {
        eprintln!(
            "error: no readable article among the {} given",
            args.files.len()
        );
        return Ok(ExitCode::from(1));
    }
    let brief = compose_brief(&args, &items)?;
    // The brief holds all it needs: the articles and analyses go before typesetting, which is
    // when a large batch's memory peaks.
    let articles = items.len();
    drop(items);
    let render = RenderOptions {
        template,
        page_size: args.page_size,
    };
    let opts = ExportOptions {
        render: &render,
        format,
        reference_docx: reference.as_deref(),
    };
    let exported =
        export::export(&brief, &templates, &opts).with_context(|| match &args.reference_docx {
            Some(r) if format == Format::Docx => format!("with {}", r.display()),
            _ => format!("cannot build {}", args.output.display()),
        })?;
    write(&args.output, &exported, articles, format)?;
    Ok(ExitCode::SUCCESS)
}

/// The format asked for, else the one the output's extension names; `None` (said on stderr)
/// when neither tells.
fn output_format(args: &BuildArgs) -> Option<Format> {
    let format = args.format.or_else(|| Format::from_path(&args.output));
    if format.is_none() {
        eprintln!(
            "error: cannot tell the format from the name {}: end it in .pdf, .docx, .md \
             or .txt, or give --format",
            args.output.display()
        );
    }
    format
}

/// The bytes of `--reference-docx`, if given (with a warning when the output is not Word).
fn read_reference(args: &BuildArgs, format: Format) -> Result<Option<Vec<u8>>> {
    if args.reference_docx.is_some() && format != Format::Docx {
        eprintln!("warning: --reference-docx only applies to Word output; ignored");
    }
    match &args.reference_docx {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(Some(bytes))
        }
        None => Ok(None),
    }
}

/// The brief of `items`: grouped by story (or one story) with the settings of the command line.
fn compose_brief(args: &BuildArgs, items: &[(Article, Analysis)]) -> Result<Brief> {
    let settings = BriefSettings {
        title: args.title.clone(),
        subtitle: args.subtitle.clone(),
        author: args.author.clone(),
        date: args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        marking: args.marking.clone(),
    };
    // Stories are found while the whole batch's section is composed.
    let find = || {
        if args.one_story {
            stories::one_story(items)
        } else {
            stories::group(items)
        }
    };
    Ok(compose::compose_finding(items, &settings, find)?)
}

/// Prints the export's warnings, writes the brief atomically and says what was written.
fn write(output: &Path, exported: &Exported, articles: usize, format: Format) -> Result<()> {
    for w in &exported.warnings {
        eprintln!("warning: {w}");
    }
    files::write_atomic(output, &exported.bytes)
        .with_context(|| format!("cannot write {}", output.display()))?;
    eprintln!(
        "wrote {} ({} articles, {}, {} bytes)",
        output.display(),
        articles,
        format.label(),
        exported.bytes.len()
    );
    Ok(())
}
