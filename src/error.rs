//! The library's typed errors. Per-page failures ([`PageError`]) are warnings the indexer reports
//! and moves past; [`Error`] ends a command.

use std::path::PathBuf;

/// Why one page could not be indexed. Shown as a one-line warning next to the file's name.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("binary data, not a web page")]
    Binary,
    #[error("too large ({bytes} bytes; the limit is {} MiB)", crate::decode::MAX_PAGE_BYTES >> 20)]
    TooLarge { bytes: u64 },
    #[error("named .gz but not gzip data")]
    NotGzip,
    #[error("broken gzip data: {0}")]
    BadGzip(String),
    /// A bug in clipdex met by this page: the page is skipped, the run goes on.
    #[error("clipdex failed on this page ({0}); please report it with the page")]
    Internal(String),
}

/// Errors that end a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {0}: run `clipdex index DIR` first")]
    NoIndex(PathBuf),
    #[error(
        "another `clipdex index` is writing to {0}; wait for it to finish (searching works meanwhile)"
    )]
    IndexBusy(PathBuf),
    #[error(
        "the index at {path} was written by a different clipdex (index format {found}, this one reads {expected}); \
         rebuild it with `clipdex index --rebuild DIR`"
    )]
    IndexFormat {
        path: PathBuf,
        found: String,
        expected: u32,
    },
    #[error("{0}")]
    Query(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} is not a folder")]
    NotADirectory(PathBuf),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
