//! Finding the pages in a folder: the HTML file kinds browsers and crawlers save, without the
//! `*_files/` asset folders that "save page complete" writes beside each page.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A page file found by the walk, with what change detection needs.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when the system does not say).
    pub mtime_ns: i64,
}

/// Why part of the folder could not be walked (a symlink loop, a folder without permission...).
#[derive(Debug)]
pub struct WalkWarning {
    pub path: Option<PathBuf>,
    pub reason: String,
}

/// The endings of the file names clipdex indexes, and those with `.gz` after them.
pub const PAGE_EXTENSIONS: [&str; 4] = [".html", ".htm", ".xhtml", ".shtml"];

/// True for the file names clipdex indexes: [`PAGE_EXTENSIONS`], and those gzipped.
pub fn is_page_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    PAGE_EXTENSIONS.iter().any(|ext| base.ends_with(ext))
}

/// Folders never entered: browser asset folders (`page_files/`) and hidden ones (`.git`).
fn is_skipped_dir(name: &str) -> bool {
    name.ends_with("_files") || (name.starts_with('.') && name.len() > 1 && name != "..")
}

/// Lists the page files under `root`, sorted by path, following symlinks (loops are reported,
/// not followed).
pub fn walk(root: &Path) -> (Vec<Found>, Vec<WalkWarning>) {
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !is_skipped_dir(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".to_owned()
                } else {
                    err.io_error()
                        .map_or_else(|| err.to_string(), |io| io.to_string())
                };
                warnings.push(WalkWarning {
                    path: err.path().map(Path::to_path_buf),
                    reason,
                });
                continue;
            }
        };
        if !entry.file_type().is_file() || !is_page_name(&entry.file_name().to_string_lossy()) {
            continue;
        }
        match entry.metadata() {
            Ok(meta) => found.push(Found {
                path: entry.into_path(),
                size: meta.len(),
                mtime_ns: meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as i64),
            }),
            Err(err) => warnings.push(WalkWarning {
                path: Some(entry.into_path()),
                reason: err.to_string(),
            }),
        }
    }
    (found, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names() {
        for name in [
            "a.html",
            "B.HTM",
            "c.xhtml",
            "d.shtml",
            "e.html.gz",
            "f.htm.gz",
        ] {
            assert!(is_page_name(name), "{name}");
        }
        for name in ["a.css", "b.gz", "c.html.bak", "html"] {
            assert!(!is_page_name(name), "{name}");
        }
    }

    #[test]
    fn skips_asset_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("page_files")).unwrap();
        std::fs::write(dir.path().join("page.html"), "<p>x</p>").unwrap();
        std::fs::write(dir.path().join("page_files/ad.html"), "<p>ad</p>").unwrap();
        let (found, warnings) = walk(dir.path());
        assert!(warnings.is_empty());
        let names: Vec<_> = found
            .iter()
            .map(|f| f.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, vec!["page.html"]);
    }
}
