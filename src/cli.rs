//! Command-line arguments and the commands behind them (`build` in `cli/build.rs`); the CLI's file
//! I/O happens here and in [`briefdesk::files`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use briefdesk::print::{self, Duplex, PrintOptions};
use briefdesk::render::Templates;
use briefdesk::{analyze, dump, files, stories, Analysis, Article};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

mod build;
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
    Build(build::BuildArgs),
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
    Print(PrintArgs),
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
        Command::Build(args) => build::run(args),
        Command::Analyze { files, json } => analyze_files(&files, json),
        Command::Eval { task, set, output } => eval(task, &set, &output),
        Command::Generate { what } => generate::run(what),
        Command::Print(args) => print_file(args),
        Command::Templates => list_templates(),
    }
}

/// `briefdesk analyze`: what was found in every article, as text or stable JSON; fails when no
/// article could be read.
fn analyze_files(files: &[PathBuf], json: bool) -> Result<ExitCode> {
    let items = load(files);
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

/// The options of `briefdesk print`.
#[derive(clap::Args, Debug)]
struct PrintArgs {
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
}

/// `briefdesk print`: sends the PDF to the printer asked for or the default one, or lists the
/// printers.
fn print_file(args: PrintArgs) -> Result<ExitCode> {
    if args.list {
        let printers = print::printers()?;
        for p in &printers {
            println!("{}{}", p.name, if p.default { " (default)" } else { "" });
        }
        if printers.is_empty() {
            eprintln!("{}", print::PrintError::NoPrinter);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let file = args.file.expect("clap requires a file unless --list");
    let printer = match args.printer {
        Some(p) => p,
        None => print::printers()?
            .into_iter()
            .find(|p| p.default)
            .map(|p| p.name)
            .ok_or(print::PrintError::NoPrinter)?,
    };
    let opts = PrintOptions {
        printer,
        copies: args.copies,
        duplex: args.duplex,
        pages: args.pages,
    };
    let title = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let job = print::print_file(&file, &opts, &title)?;
    eprintln!("sent {} to {} (job {job})", file.display(), opts.printer);
    Ok(ExitCode::SUCCESS)
}

/// `briefdesk templates`: the built-in and user templates with where they come from.
fn list_templates() -> Result<ExitCode> {
    let (templates, _) = load_templates("policy-brief")?;
    for t in templates.list() {
        println!("{:<16} {:<10} {}", t.name, t.origin, t.description);
    }
    Ok(ExitCode::SUCCESS)
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
