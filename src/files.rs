//! The file-system edge shared by the CLI and the desktop app: dropped folders expanded, files
//! read within the import limit and turned into analysed articles in parallel, atomic writes,
//! user templates read for the render stage, and the system clock ingest's time limit runs on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Analysis, Article};
use crate::pattern::Engine;
use crate::{analyze, ingest};

mod templates;

pub use crate::parallel::par_map;

pub use templates::{read_template, user_template_dir, TemplateFiles};

/// Folders deeper than this under a dropped folder are not searched.
pub const MAX_FOLDER_DEPTH: usize = 16;

/// One imported article with its analysis.
pub type Item = (Article, Analysis);

/// The system's monotonic clock, for the time limit of ingest ([`ingest::Clock`]): the one
/// clock the import reads. Its origin is its first reading in the process.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl ingest::Clock for SystemClock {
    /// Time since the first reading of this clock in the process.
    fn now(&self) -> Duration {
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed()
    }
}

/// Expands folders into their files, subfolders included (sorted by path; hidden files and
/// folders skipped, links not followed), keeping the order of the arguments.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, 0);
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        let Ok(kind) = e.file_type() else { continue };
        if hidden || kind.is_symlink() {
            continue;
        }
        if kind.is_dir() && depth < MAX_FOLDER_DEPTH {
            walk(&e.path(), out, depth + 1);
        } else if kind.is_file() {
            out.push(e.path());
        }
    }
}

/// From this many files on, an import builds the analysis's fast pattern engine beside its
/// reading ([`analyze::warm_up`]); fewer are analysed sooner without it. Measured on news
/// articles of ~700 words (whole `briefdesk build`, medians): 20 files 51 ms without, 54 ms with;
/// 40 files 88 ms without, 80 ms with.
pub const WARM_BATCH: usize = 32;

/// From this many bytes of files on, an import builds the fast engine too: one long article has
/// as much text to search as many short ones.
pub const WARM_BYTES: u64 = 1 << 20;

/// From this many bytes on, a single file's patterns are built on the idle core while it is
/// read: an article needs most of them, a file of a few lines only those its words call for
/// (measured: one 4 KB article 13.4 → 12.2 ms, a one-line file 4.5 → 5.2 ms with them built).
pub const PREPARE_BYTES: u64 = 2 << 10;

/// What to build of the analysis's patterns beside reading `files`: the fast engine for a large
/// batch ([`WARM_BATCH`], [`WARM_BYTES`]), regex-lite's for a single article (the other cores
/// are idle), nothing otherwise (the readers build what they need as they need it).
fn engine_to_build(files: &[PathBuf]) -> Option<Engine> {
    if files.len() >= WARM_BATCH {
        return Some(Engine::Fast);
    }
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if bytes >= WARM_BYTES {
        Some(Engine::Fast)
    } else if files.len() == 1 && bytes >= PREPARE_BYTES {
        Some(Engine::Lite)
    } else {
        None
    }
}

/// Reads, ingests and analyzes every file (folders expanded) on all cores, calling
/// `progress(done, total, file)` after each file; returns, in file order, every article found or
/// the error that names the file and the reason.
pub fn import(
    paths: &[PathBuf],
    progress: impl Fn(usize, usize, &Path) + Sync,
) -> Vec<Result<Item, IngestError>> {
    let files = expand(paths);
    let warm = engine_to_build(&files).map(|engine| match engine {
        Engine::Fast => std::thread::spawn(analyze::warm_up),
        Engine::Lite => std::thread::spawn(analyze::prepare),
    });
    let done = AtomicUsize::new(0);
    let results = par_map(&files, |path| {
        let out: Vec<_> = read_articles(path)
            .into_iter()
            .map(|r| {
                r.map(|a| {
                    let an = analyze::analyze(&a);
                    (a, an)
                })
            })
            .collect();
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, files.len(), path);
        out
    });
    if let Some(warm) = warm {
        let _ = warm.join();
    }
    results.into_iter().flatten().collect()
}

/// Every article in one file (a mailbox or a mail with attached articles holds several), read
/// within ingest's time limit on the [`SystemClock`]; a file that cannot be read at all gives one
/// error naming it.
pub fn read_articles(path: &Path) -> Vec<Result<Article, IngestError>> {
    match read_bytes(path) {
        Ok((name, bytes)) => {
            let shown = path.display().to_string();
            ingest::ingest_all_with_clock(&name, &bytes, &SystemClock)
                .into_iter()
                .map(|r| r.map_err(|e| IngestError::new(e.file.replacen(&name, &shown, 1), e.kind)))
                .collect()
        }
        Err(e) => vec![Err(e)],
    }
}

/// The file's name and bytes, after the checks that need no reading (exists, not a folder, size).
pub fn read_bytes(path: &Path) -> Result<(String, Vec<u8>), IngestError> {
    let shown = path.display().to_string();
    let io = |e: std::io::Error| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        IngestError::new(&shown, IngestErrorKind::Io(reason))
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(IngestError::new(
            &shown,
            IngestErrorKind::Io("is a folder".into()),
        ));
    }
    if meta.len() > ingest::MAX_FILE_BYTES {
        return Err(IngestError::new(
            &shown,
            IngestErrorKind::TooLarge {
                size: meta.len(),
                limit: ingest::MAX_FILE_BYTES,
            },
        ));
    }
    let bytes = read_regular(path, ingest::MAX_FILE_BYTES).map_err(|e| match e {
        Bounded::Io(e) => io(e),
        Bounded::NotRegular => IngestError::new(
            &shown,
            IngestErrorKind::Io("not a regular file (a device, pipe or socket)".into()),
        ),
        Bounded::TooLarge(size) => IngestError::new(
            &shown,
            IngestErrorKind::TooLarge {
                size,
                limit: ingest::MAX_FILE_BYTES,
            },
        ),
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    Ok((name, bytes))
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum Bounded {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// A device, pipe or socket: reading it could block forever or never end.
    NotRegular,
    /// Over the limit (the size found, at least limit + 1).
    TooLarge(u64),
}

/// The bytes of the regular file `path`, at most `limit` of them: a FIFO, a device such as
/// `/dev/zero` or a socket is refused before it is read, and a file that grows while it is read
/// is cut off one byte past the limit, so nothing can block or fill the memory.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Bounded> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(Bounded::Io)?;
    if !meta.is_file() {
        return Err(Bounded::NotRegular);
    }
    if meta.len() > limit {
        return Err(Bounded::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(Bounded::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Bounded::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Bounded::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, synced, then renamed
/// over the target: a crash or a full disk never leaves a half-written file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // The temporary file is private by default; the result gets the target's permissions, or a
    // new file's (0666 less the umask), as if it had been written in place.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_batch_builds_the_fast_engine_a_single_article_the_lite_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: usize| {
            let p = dir.path().join(name);
            std::fs::write(&p, "a".repeat(bytes)).unwrap();
            p
        };
        let article = file("article.txt", 4_000);
        let line = file("line.txt", 60);
        assert_eq!(
            engine_to_build(std::slice::from_ref(&article)),
            Some(Engine::Lite)
        );
        assert_eq!(engine_to_build(std::slice::from_ref(&line)), None);
        assert_eq!(engine_to_build(&[article.clone(), line.clone()]), None);
        let batch = vec![line.clone(); WARM_BATCH];
        assert_eq!(engine_to_build(&batch), Some(Engine::Fast));
        let book = file("book.txt", WARM_BYTES as usize);
        assert_eq!(engine_to_build(&[book, line]), Some(Engine::Fast));
    }

    /// Found by the packaging work: `briefdesk build` wrote the brief readable by its owner only.
    #[cfg(unix)]
    #[test]
    fn atomic_write_gives_the_permissions_of_a_file_written_in_place() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain.pdf");
        std::fs::write(&plain, b"x").unwrap();
        let new = dir.path().join("new.pdf");
        write_atomic(&new, b"brief").unwrap();
        assert_eq!(mode(&new), mode(&plain));
        // An existing file keeps its own permissions.
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&new, b"brief again").unwrap();
        assert_eq!(mode(&new), 0o640);
    }

    /// Issue 14: a FIFO or a device never hangs an import or an open, nor fills the memory.
    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.briefdesk");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(read_regular(&fifo, 10), Err(Bounded::NotRegular)));
            let e = read_bytes(&fifo).unwrap_err();
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
        let zero = Path::new("/dev/zero");
        assert!(matches!(read_regular(zero, 10), Err(Bounded::NotRegular)));
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 100]).unwrap();
        assert!(matches!(
            read_regular(&big, 99),
            Err(Bounded::TooLarge(100))
        ));
        assert_eq!(read_regular(&big, 100).unwrap().len(), 100);
    }

    #[test]
    fn atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.pdf");
        write_atomic(&path, b"first version, longer").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn import_keeps_file_order_and_names_the_file_that_fails() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(
            &a,
            "Talks resume\n\nThe talks resumed on Monday in Geneva, officials said.",
        )
        .unwrap();
        let missing = dir.path().join("missing.txt");
        let calls = AtomicUsize::new(0);
        let out = import(&[missing.clone(), a], |_, total, _| {
            assert_eq!(total, 2);
            calls.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(calls.load(Ordering::Relaxed), 2);
        let err = out[0].as_ref().unwrap_err();
        assert!(err.file.ends_with("missing.txt") && err.to_string().contains("no such file"));
        assert_eq!(out[1].as_ref().unwrap().0.title, "Talks resume");
    }
}
