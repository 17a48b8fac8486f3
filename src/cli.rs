//! Command-line arguments and the commands behind them; all file I/O of the CLI happens here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use briefdesk::export::{self, ExportOptions, Format};
use briefdesk::print::{self, Duplex, PrintOptions};
use briefdesk::render::{PageSize, RenderOptions, Templates};
use briefdesk::{analyze, compose, dump, files, stories, Analysis, Article, BriefSettings};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

mod generate;

/// BriefDesk: print-ready policy briefs from news articles, offline.
#[derive(Parser, Debug)]
#[command(name = "briefdesk", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build a brief from article files: PDF, Word, Markdown or text, by the output's extension.
    Build {
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
    },
    /// Show what BriefDesk finds in articles: metadata, statements with speakers, key sentences.
    Analyze {
        /// Article files, or folders of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print stable JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in and user templates.
    Templates,
    /// Print a brief (a PDF) on a system printer through CUPS, or list the printers.
    Print {
        /// The PDF to print.
        #[arg(required_unless_present = "list")]
        file: Option<PathBuf>,
        /// Printer name (default: the system's default printer).
        #[arg(long)]
        printer: Option<String>,
        /// Number of copies.
        #[arg(long, default_value_t = 1)]
        copies: u32,
        /// Sides: one-sided, long-edge or short-edge.
        #[arg(long, default_value = "one-sided", value_parser = parse_duplex)]
        duplex: Duplex,
        /// Pages to print, e.g. 1-2,4 (default: all).
        #[arg(long, default_value = "")]
        pages: String,
        /// List the printers (the default one marked) instead of printing.
        #[arg(long)]
        list: bool,
    },
    /// Run the pipeline on an evaluation set and write predictions for `score.py`.
    Eval {
        /// What to predict: summarize, quotes, extract or stories.
        #[arg(value_enum)]
        task: EvalTask,
        /// The set, JSON Lines with one record per line.
        #[arg(long)]
        set: PathBuf,
        /// Where to write the predictions (JSON Lines).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write the man pages, or a completion script for bash, zsh or fish (the packages have them).
    Generate {
        #[command(subcommand)]
        what: generate::What,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum EvalTask {
    Summarize,
    Quotes,
    Extract,
    Stories,
}

fn parse_duplex(s: &str) -> std::result::Result<Duplex, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| format!("`{s}` is not one of one-sided, long-edge, short-edge"))
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a YYYY-MM-DD date"))
}

/// Runs the parsed command; per-file problems are printed, not returned.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            files,
            output,
            template,
            title,
            subtitle,
            author,
            date,
            marking,
            page_size,
            one_story,
            format,
            reference_docx,
        } => {
            let Some(format) = format.or_else(|| Format::from_path(&output)) else {
                eprintln!(
                    "error: cannot tell the format from the name {}: end it in .pdf, .docx, .md \
                     or .txt, or give --format",
                    output.display()
                );
                return Ok(ExitCode::from(2));
            };
            if reference_docx.is_some() && format != Format::Docx {
                eprintln!("warning: --reference-docx only applies to Word output; ignored");
            }
            let reference = match &reference_docx {
                Some(path) => Some(
                    std::fs::read(path)
                        .with_context(|| format!("cannot read {}", path.display()))?,
                ),
                None => None,
            };
            let (templates, template) = load_templates(&template)?;
            let items = load(&files);
            if items.is_empty() {
                eprintln!("error: no readable article among the {} given", files.len());
                return Ok(ExitCode::from(1));
            }
            let settings = BriefSettings {
                title,
                subtitle,
                author,
                date: date.unwrap_or_else(|| chrono::Local::now().date_naive()),
                marking,
            };
            let stories = if one_story {
                stories::one_story(&items)
            } else {
                stories::group(&items)
            };
            let brief = compose::compose_stories(&items, &stories, &settings)?;
            let render = RenderOptions {
                template,
                page_size,
            };
            let opts = ExportOptions {
                render: &render,
                format,
                reference_docx: reference.as_deref(),
            };
            let exported =
                export::export(&brief, &templates, &opts).with_context(
                    || match &reference_docx {
                        Some(r) if format == Format::Docx => format!("with {}", r.display()),
                        _ => format!("cannot build {}", output.display()),
                    },
                )?;
            for w in &exported.warnings {
                eprintln!("warning: {w}");
            }
            files::write_atomic(&output, &exported.bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            eprintln!(
                "wrote {} ({} articles, {}, {} bytes)",
                output.display(),
                items.len(),
                format.label(),
                exported.bytes.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { files, json } => {
            let items = load(&files);
            let mut out = std::io::stdout().lock();
            if json {
                let docs: Vec<serde_json::Value> = items
                    .iter()
                    .map(|(a, an)| serde_json::json!({ "article": a, "analysis": an }))
                    .collect();
                let doc = serde_json::json!({
                    "articles": docs,
                    "stories": stories::group(&items),
                });
                serde_json::to_writer_pretty(&mut out, &doc)?;
                writeln!(out)?;
            } else {
                for (a, an) in &items {
                    let head = dump::article(a);
                    let head = head.split("\n[¶").next().unwrap_or("");
                    writeln!(out, "{head}\n{}", dump::statements(an))?;
                }
            }
            Ok(if items.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Eval { task, set, output } => eval(task, &set, &output),
        Command::Generate { what } => generate::run(what),
        Command::Print {
            file,
            printer,
            copies,
            duplex,
            pages,
            list,
        } => {
            if list {
                let printers = print::printers()?;
                for p in &printers {
                    println!("{}{}", p.name, if p.default { " (default)" } else { "" });
                }
                if printers.is_empty() {
                    eprintln!("{}", print::PrintError::NoPrinter);
                }
                return Ok(ExitCode::SUCCESS);
            }
            let file = file.expect("clap requires a file unless --list");
            let printer = match printer {
                Some(p) => p,
                None => print::printers()?
                    .into_iter()
                    .find(|p| p.default)
                    .map(|p| p.name)
                    .ok_or(print::PrintError::NoPrinter)?,
            };
            let opts = PrintOptions {
                printer,
                copies,
                duplex,
                pages,
            };
            let title = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let job = print::print_file(&file, &opts, &title)?;
            eprintln!("sent {} to {} (job {job})", file.display(), opts.printer);
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates => {
            let (templates, _) = load_templates("policy-brief")?;
            for t in templates.list() {
                println!("{:<16} {:<10} {}", t.name, t.origin, t.description);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Predicts every record of an evaluation set; a record that fails is reported and gets an
/// empty prediction, so the scorer counts it.
fn eval(task: EvalTask, set: &Path, output: &Path) -> Result<ExitCode> {
    let task = match task {
        EvalTask::Summarize => briefdesk::eval::Task::Summarize,
        EvalTask::Quotes => briefdesk::eval::Task::Quotes,
        EvalTask::Extract => briefdesk::eval::Task::Extract,
        EvalTask::Stories => briefdesk::eval::Task::Stories,
    };
    let input =
        std::fs::read_to_string(set).with_context(|| format!("cannot read {}", set.display()))?;
    let records: Vec<serde_json::Value> = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}: line {} is not JSON", set.display(), i + 1))
        })
        .collect::<Result<_>>()?;
    analyze::warm_up();
    let start = std::time::Instant::now();
    let preds = files::par_map(&records, |r| briefdesk::eval::predict(task, r));
    let elapsed = start.elapsed();
    let mut out = Vec::new();
    for (line, err) in &preds {
        if let Some(e) = err {
            eprintln!("error: {e}");
        }
        serde_json::to_writer(&mut out, line)?;
        out.push(b'\n');
    }
    files::write_atomic(output, &out)
        .with_context(|| format!("cannot write {}", output.display()))?;
    eprintln!(
        "wrote {} predictions to {} in {:.2} s ({:.0} records/s)",
        preds.len(),
        output.display(),
        elapsed.as_secs_f64(),
        preds.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

/// Built-in templates, the user's folder over them, and `--template` as a name or a file.
fn load_templates(template: &str) -> Result<(Templates, String)> {
    Ok(Templates::load(&files::TemplateFiles::user(), template)?)
}

/// Reads, ingests and analyzes every file in parallel, keeping the order of the files; a file
/// that fails is reported (in order) and skipped. Large batches print progress on stderr.
fn load(paths: &[PathBuf]) -> Vec<(Article, Analysis)> {
    let mut items = Vec::new();
    let results = files::import(paths, |done, total, _| {
        if total >= 100 && done.is_multiple_of((total / 20).max(1)) {
            eprintln!("importing: {done} of {total} files");
        }
    });
    for r in results {
        match r {
            Ok(item) => items.push(item),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    items
}
