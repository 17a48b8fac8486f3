//! The file-system edge shared by the CLI and the desktop app: dropped folders expanded, files
//! read within the import limit and turned into analysed articles in parallel, atomic writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Analysis, Article};
use crate::{analyze, ingest};

/// Folders deeper than this under a dropped folder are not searched.
pub const MAX_FOLDER_DEPTH: usize = 16;

/// One imported article with its analysis.
pub type Item = (Article, Analysis);

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

/// Reads, ingests and analyzes every file (folders expanded) on all cores, calling
/// `progress(done, total, file)` after each file; returns, in file order, every article found or
/// the error that names the file and the reason.
pub fn import(
    paths: &[PathBuf],
    progress: impl Fn(usize, usize, &Path) + Sync,
) -> Vec<Result<Item, IngestError>> {
    let warm = std::thread::spawn(analyze::warm_up);
    let files = expand(paths);
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
    let _ = warm.join();
    results.into_iter().flatten().collect()
}

/// `f` over `items` on as many threads as there are cores, results in input order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    })
}

/// Every article in one file (a mailbox or a mail with attached articles holds several); a file
/// that cannot be read at all gives one error naming it.
pub fn read_articles(path: &Path) -> Vec<Result<Article, IngestError>> {
    match read_bytes(path) {
        Ok((name, bytes)) => {
            let shown = path.display().to_string();
            ingest::ingest_all(&name, &bytes)
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
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    Ok((name, bytes))
}

/// Writes `bytes` to `path` through a temporary file in the same folder, synced, then renamed
/// over the target: a crash or a full disk never leaves a half-written file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The user's template folder: `$XDG_CONFIG_HOME/briefdesk/templates` on Linux.
pub fn user_template_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("briefdesk").join("templates"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
