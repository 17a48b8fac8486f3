//! `briefdesk generate`: the man pages and shell completions, made from the clap definition of
//! the command line so they can never drift from it (the packages install them; `.ci/package`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Subcommand};
use clap_complete::Shell;
use clap_mangen::Man;

use super::Cli;

/// What to generate.
#[derive(Subcommand, Debug)]
pub enum What {
    /// Man pages: briefdesk.1 and one page per command (briefdesk-build.1, …), into a folder.
    Man {
        /// The folder to write the pages into (created if missing).
        #[arg(default_value = ".")]
        out_dir: PathBuf,
    },
    /// A completion script for a shell, on standard output.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// Writes what `what` asks for.
pub fn run(what: What) -> Result<ExitCode> {
    match what {
        What::Man { out_dir } => {
            std::fs::create_dir_all(&out_dir)
                .with_context(|| format!("cannot create {}", out_dir.display()))?;
            for page in man_pages(&out_dir)? {
                println!("{}", page.display());
            }
        }
        What::Completions { shell } => {
            // Into a buffer first: clap_complete panics on a failed write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "briefdesk", &mut script);
            let mut out = std::io::stdout().lock();
            out.write_all(&script)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes every page into `dir`; the paths written, the main page first.
fn man_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    // `help` is no command of its own in a man page.
    let cmd = Cli::command().disable_help_subcommand(true);
    // One page per command…
    clap_mangen::generate_to(cmd.clone(), dir)
        .with_context(|| format!("cannot write the man pages into {}", dir.display()))?;
    // …then the main page again, with the sections clap does not know about.
    let main = dir.join("briefdesk.1");
    let mut page = Vec::new();
    main_page(cmd, &mut page)?;
    std::fs::write(&main, page).with_context(|| format!("cannot write {}", main.display()))?;
    let mut written = vec![main];
    let mut others: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("briefdesk-") && n.ends_with(".1"))
        })
        .collect();
    others.sort();
    written.extend(others);
    Ok(written)
}

/// briefdesk(1): what clap renders, plus files, exit status, examples and the other pages.
fn main_page(cmd: clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    let see_also: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| format!(".BR briefdesk\\-{} (1)", s.get_name()))
        .collect();
    let man = Man::new(cmd).manual("BriefDesk Manual");
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    out.write_all(DESCRIPTION.as_bytes())?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    out.write_all(EXTRA.as_bytes())?;
    writeln!(out, ".SH \"SEE ALSO\"\n{}", see_also.join(",\n"))?;
    man.render_version_section(out)
}

/// More of the description, after clap's one line.
const DESCRIPTION: &str = r#".PP
BriefDesk reads news articles (text, Markdown, saved web pages, MHTML, PDF, DOCX, e\-mail,
EPUB, RTF), finds who said what and the sentences that carry the story, and sets a print\-ready
PDF brief: handling marking on every page, bottom line up front, key points, key statements by
speaker and numbered sources. Nothing leaves the machine.
.PP
A \fIFILE\fR may be a folder: its files are taken in name order. A file that cannot be imported
is reported as \fBerror:\fR \fIfile\fR\fB:\fR \fIreason\fR on standard error and the rest of the
batch goes on. The PDF is written atomically: a failed run leaves the previous one untouched.
.PP
The desktop app, \fBbriefdesk\-desktop\fR, opens the files given to it in a new project, or in
the window already open.
"#;

/// Files, environment, exit status and examples.
const EXTRA: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/briefdesk/templates/\fR (by default \fI~/.config/briefdesk/templates/\fR)
User templates. A file there overrides the built\-in template of the same name and may extend
it; \fBbriefdesk templates\fR lists them all.
.TP
\fI~/.local/share/briefdesk/\fR
The desktop app's untitled projects and its list of recent projects.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
No article given could be used.
.TP
.B 2
Any other error: bad arguments, a PDF that cannot be written, no printer.
.SH EXAMPLES
Build a brief from two articles and a folder of saved pages:
.PP
.RS
.nf
briefdesk build talks.html notes.md saved/ \-o brief.pdf \e
    \-\-title "Trade corridors" \-\-marking OFFICIAL
.fi
.RE
.PP
Print it, two\-sided, on the default printer:
.PP
.RS
.nf
briefdesk print brief.pdf \-\-duplex long\-edge
.fi
.RE
.PP
See the statements BriefDesk finds, as JSON:
.PP
.RS
.nf
briefdesk analyze talks.html \-\-json
.fi
.RE
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn man_pages_cover_every_command() {
        let dir = tempfile::tempdir().unwrap();
        let pages = man_pages(dir.path()).unwrap();
        let names: Vec<_> = pages
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names[0], "briefdesk.1");
        for cmd in ["analyze", "build", "eval", "generate", "print", "templates"] {
            assert!(names.contains(&format!("briefdesk-{cmd}.1")), "{names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("help")), "{names:?}");
        let main = std::fs::read_to_string(&pages[0]).unwrap();
        for part in [
            ".TH briefdesk 1",
            ".SH FILES",
            ".SH \"EXIT STATUS\"",
            "briefdesk\\-build (1)",
        ] {
            assert!(main.contains(part), "briefdesk.1 lacks {part}");
        }
    }

    #[test]
    fn completions_know_the_commands_and_their_options() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "briefdesk", &mut script);
            let script = String::from_utf8(script).unwrap();
            for word in ["build", "templates", "marking", "page-size", "duplex"] {
                assert!(script.contains(word), "{shell} does not complete {word}");
            }
        }
    }
}
