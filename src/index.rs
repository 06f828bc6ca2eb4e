//! The tantivy index: its schema, opening it safely, and the incremental indexing run.
//!
//! One document per passage, plus one "file record" per indexed file holding what change
//! detection needs (size, mtime, content hash). Both live in the same index so that a commit
//! records passages and file states together: after a crash the last commit is consistent, and the
//! next run redoes exactly the files that were not committed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use tantivy::collector::DocSetCollector;
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::indexer::{IndexWriterOptions, NoMergePolicy, UserOperation};
use tantivy::query::TermQuery;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED,
};
use tantivy::{
    doc, DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, SegmentMeta, TantivyDocument,
    Term,
};

use crate::error::{Error, PageError, Result};
use crate::page::{self, Page};
use crate::walk::{self, Found};

/// Bumped whenever the schema or what is stored changes; an index of another format is rebuilt
/// by `clipdex index` and refused, with what to do, by the other commands.
pub const INDEX_FORMAT: u32 = 7;

/// Files processed between commits: what a crash can cost at most. The environment variable
/// `CLIPDEX_COMMIT_EVERY` overrides it (tests use a small interval).
///
/// Each commit writes a segment, and news pages make about 20 passages each (and an article
/// document and a file record), so 2,500 pages make a segment past [`MAX_MERGED_DOCS`] / 2,
/// which is never merged again: indexing a large folder then merges nothing. At 1,000 files,
/// every other commit merged the last two segments: 4% of the CPU time of indexing 5,000 pages,
/// with the pages waiting for it.
pub const COMMIT_EVERY: usize = 2500;

/// The `kind` of file records. Passages have no `kind`: a term repeated in every passage cost
/// about 1.5% of indexing, and only a match-all query has to tell passages from file records
/// and article documents.
pub const KIND_FILE: &str = "file";

/// The `kind` of article documents: an article's title, site and authors, inverted once for all
/// its passages (see [`crate::join`]).
pub const KIND_ARTICLE: &str = "article";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    pub path: Field,
    pub file_key: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    pub article_id: Field,
    pub position: Field,
    pub text: Field,
    pub title: Field,
    pub speaker: Field,
    pub speaker_exact: Field,
    pub site: Field,
    pub author: Field,
    pub passages: Field,
    pub url: Field,
    pub date: Field,
    pub date_text: Field,
    pub month: Field,
    pub lang: Field,
    pub quotes: Field,
}

/// Builds the schema; the names are the ones the query syntax exposes (`speaker:`, `title:`...).
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(crate::stem::EN_STEM)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let words = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(crate::stem::DEFAULT)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Exact values matched by term (deletes, `show`, file records): every norm is one token, so
    // they need no field norms (a missing norm reads as one).
    let exact = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(false),
    );
    // Values only read back as columns (change detection, aggregations) are not indexed: the
    // query syntax reaches the fields of `search::QUERY_FIELDS` alone.
    let column = TextOptions::default().set_fast("raw");
    let fields = Fields {
        kind: b.add_text_field("kind", exact.clone()),
        // Stored on the article document only; an article's documents are found by `article_id`
        // (a hash of the path), so the path itself is not indexed.
        path: b.add_text_field("path", STORED),
        // File records are read back as columns (see `Store::file_states`), never as stored
        // documents: reading them from the document store would page in all of it.
        file_key: b.add_text_field("file_key", exact.clone().set_fast("raw")),
        file_size: b.add_u64_field("file_size", NumericOptions::default().set_fast()),
        file_mtime: b.add_i64_field("file_mtime", NumericOptions::default().set_fast()),
        file_hash: b.add_text_field("file_hash", column.clone()),
        article_id: b.add_text_field("article_id", exact.set_fast("raw").set_stored()),
        position: b.add_u64_field("position", STORED),
        text: b.add_text_field("text", stemmed.clone()),
        // On article documents only (see `crate::join`), like the path, URL, date as text and
        // language: what an article says once is stored and inverted once.
        title: b.add_text_field("title", stemmed),
        speaker: b.add_text_field("speaker", words.clone()),
        speaker_exact: b.add_text_field("speaker_exact", column.clone()),
        site: b.add_text_field("site", words.clone()),
        author: b.add_text_field("author", words),
        passages: b.add_u64_field(
            crate::join::PASSAGES_COLUMN,
            NumericOptions::default().set_fast(),
        ),
        url: b.add_text_field("url", STORED),
        // Date filters and date order read the column: the inverted index of dates (a term per
        // passage, a dictionary entry per distinct second) was never read, nor the stored value
        // (hits show `date_text`).
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        date_text: b.add_text_field("date_text", STORED),
        month: b.add_text_field("month", column),
        lang: b.add_text_field("lang", STORED),
        quotes: b.add_text_field("quotes", STORED),
    };
    (b.build(), fields)
}

/// An opened index and its fields.
pub struct Store {
    pub index: Index,
    pub fields: Fields,
    pub path: PathBuf,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    format: u32,
}

impl Store {
    /// Opens an existing index for reading; says how to create one when there is none.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.join("meta.json").exists() {
            return Err(Error::NoIndex(path.to_path_buf()));
        }
        let mut index = Index::open_in_dir(path)?;
        check_format(&index, path)?;
        // Searches go through the segments on all cores: the heaviest queries (phrases of common
        // words) take about half as long on two.
        index.set_default_multithread_executor()?;
        Ok(Store::new(index, path))
    }

    /// The store of an opened index, with the analyzers its schema names registered on it.
    fn new(index: Index, path: &Path) -> Store {
        crate::stem::register(&index);
        Store {
            index,
            fields: schema().1,
            path: path.to_path_buf(),
        }
    }

    /// Opens the index for writing, creating it, or recreating it when its format is outdated.
    /// Returns whether it was recreated because of its format (not said when `rebuild` is set:
    /// the user asked for a new index anyway). A usable index is kept as it is even with
    /// `rebuild`: [`index_folder`] replaces its content in one commit
    /// ([`IndexOptions::rebuild`]), so that a rebuild cut short leaves it whole.
    ///
    /// Holds the index's write lock while it checks, clears or creates the index, so that it never
    /// clears an index another `clipdex index` is writing: that one gets [`Error::IndexBusy`].
    pub fn open_or_create(path: &Path, rebuild: bool) -> Result<(Store, bool)> {
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let directory = tantivy::directory::MmapDirectory::open(path)
            .map_err(|e| Error::Index(tantivy::TantivyError::from(e)))?;
        let _lock = match tantivy::Directory::acquire_lock(
            &directory,
            &tantivy::directory::INDEX_WRITER_LOCK,
        ) {
            Ok(lock) => lock,
            Err(tantivy::directory::error::LockError::LockBusy) => {
                return Err(Error::IndexBusy(path.to_path_buf()))
            }
            Err(tantivy::directory::error::LockError::IoError(source)) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source: std::io::Error::new(source.kind(), source.to_string()),
                })
            }
        };
        let mut outdated = false;
        if path.join("meta.json").exists() {
            let usable = Index::open_in_dir(path)
                .map_err(Error::from)
                .and_then(|index| check_format(&index, path).map(|_| index));
            match usable {
                Ok(index) => return Ok((Store::new(index, path), false)),
                Err(_) => outdated = !rebuild,
            }
            // (an index of another format cannot be searched by this version: nothing is lost)
            clear_index_dir(path)?;
        }
        let index = Index::create_in_dir(path, schema().0)?;
        Ok((Store::new(index, path), outdated))
    }

    /// A reader that sees the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }

    /// Takes the index's write lock; a second `clipdex index` on the same index fails at once.
    ///
    /// `threads` tokenise and invert documents, sharing `budget_bytes` of buffers. The writer
    /// never merges segments on its own: [`index_folder`] merges after each commit, see
    /// [`merge_candidate`].
    pub fn writer(&self, threads: usize, budget_bytes: usize) -> Result<IndexWriter> {
        let threads = threads.max(1);
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(budget_bytes / threads)
            .num_merge_threads(1)
            .build();
        match self.index.writer_with_options(options) {
            Ok(writer) => {
                writer.set_merge_policy(Box::new(NoMergePolicy));
                Ok(writer)
            }
            Err(tantivy::TantivyError::LockFailure(_, _)) => {
                Err(Error::IndexBusy(self.path.clone()))
            }
            Err(err) => Err(err.into()),
        }
    }

    /// What the last commit knows of each indexed file.
    fn file_states(&self) -> Result<HashMap<String, FileState>> {
        let reader = self.reader()?;
        let searcher = reader.searcher();
        let f = self.fields;
        let records = searcher.search(
            &TermQuery::new(
                Term::from_field_text(f.kind, KIND_FILE),
                IndexRecordOption::Basic,
            ),
            &DocSetCollector,
        )?;
        let schema = searcher.schema();
        let mut by_segment: Vec<Vec<u32>> = vec![Vec::new(); searcher.segment_readers().len()];
        for address in records {
            by_segment[address.segment_ord as usize].push(address.doc_id);
        }
        let mut states = HashMap::new();
        for (segment, docs) in searcher.segment_readers().iter().zip(by_segment) {
            if docs.is_empty() {
                continue;
            }
            let columns = segment.fast_fields();
            let missing = |name: &str| {
                Error::Index(tantivy::TantivyError::SchemaError(format!(
                    "no column {name}"
                )))
            };
            let keys = columns
                .str(schema.get_field_name(f.file_key))?
                .ok_or_else(|| missing("file_key"))?;
            let hashes = columns
                .str(schema.get_field_name(f.file_hash))?
                .ok_or_else(|| missing("file_hash"))?;
            let sizes = columns.u64(schema.get_field_name(f.file_size))?;
            let mtimes = columns.i64(schema.get_field_name(f.file_mtime))?;
            let io = |source| Error::Io {
                path: self.path.clone(),
                source,
            };
            let key_terms = column_terms(&keys).map_err(io)?;
            let hash_terms = column_terms(&hashes).map_err(io)?;
            let text = |column: &StrColumn, terms: &[String], doc: u32| {
                column
                    .term_ords(doc)
                    .next()
                    .and_then(|ord| terms.get(ord as usize))
                    .cloned()
                    .unwrap_or_default()
            };
            for doc in docs {
                let state = FileState {
                    size: sizes.first(doc).unwrap_or(0),
                    mtime_ns: mtimes.first(doc).unwrap_or(0),
                    hash: text(&hashes, &hash_terms, doc),
                };
                states.insert(text(&keys, &key_terms, doc), state);
            }
        }
        Ok(states)
    }
}

/// Every term of a string column, by ordinal, in one pass over its dictionary: looking terms up
/// one at a time decompresses a dictionary block each time (20,000 file records took a second).
fn column_terms(column: &StrColumn) -> std::io::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

fn check_format(index: &Index, path: &Path) -> Result<()> {
    let metas = index.load_metas()?;
    let found = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<Payload>(p).ok())
        .map(|p| p.format);
    let expected_schema = schema().0;
    if found == Some(INDEX_FORMAT) && index.schema() == expected_schema {
        Ok(())
    } else if found.is_none() && metas.segments.is_empty() && metas.opstamp == 0 {
        // Created but never committed: nothing to lose.
        Ok(())
    } else {
        Err(Error::IndexFormat {
            path: path.to_path_buf(),
            found: found.map_or_else(|| "unknown".to_owned(), |f| f.to_string()),
            expected: INDEX_FORMAT,
        })
    }
}

/// Removes an index's files, refusing to touch a folder that does not look like an index.
fn clear_index_dir(path: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(path).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Lock files stay: deleting one would let another process lock a new file of that name.
        let is_index_file = name == "meta.json"
            || name == ".managed.json"
            || name.contains('.') && name.split('.').next().is_some_and(|stem| stem.len() == 32);
        if is_index_file && entry.file_type().map_err(io)?.is_file() {
            std::fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

/// The largest segment a merge produces, in documents (passages, article documents and file
/// records).
const MAX_MERGED_DOCS: u32 = 50_000;

/// The segments to merge next, if any: the smallest ones, as many as fit in [`MAX_MERGED_DOCS`],
/// when that is at least two.
///
/// tantivy's default policy merges segments of similar size in groups of eight, level after
/// level, in the background, so the largest merge grows with the index, and runs while the
/// writer's buffers fill: a merge reads every byte of its segments (through memory maps, which
/// count in the process's resident memory), and at 20,000 articles the peak memory of
/// `clipdex index` was three times that at 1,000. Merges bounded in size and run between two
/// batches (see [`index_folder`]) keep the peak to that of the larger of a batch and a merge of
/// about 20 MB, at any index size; the index keeps one segment per 50,000 passages or so (eight
/// at 20,000 articles), which searches visit in parallel.
fn merge_candidate(segments: &[SegmentMeta]) -> Option<Vec<SegmentId>> {
    let mut small: Vec<&SegmentMeta> = segments
        .iter()
        .filter(|s| s.num_docs() <= MAX_MERGED_DOCS / 2)
        .collect();
    small.sort_by_key(|s| s.num_docs());
    let mut group = Vec::new();
    let mut docs = 0u32;
    for segment in small {
        if docs + segment.num_docs() > MAX_MERGED_DOCS {
            break;
        }
        docs += segment.num_docs();
        group.push(segment.id());
    }
    (group.len() >= 2).then_some(group)
}

/// Commits, then merges what [`merge_candidate`] proposes, one merge at a time, before the next
/// batch fills the writer's buffers again.
fn commit_and_merge(store: &Store, writer: &mut IndexWriter) -> Result<()> {
    commit(writer)?;
    while let Some(group) = merge_candidate(&store.index.searchable_segment_metas()?) {
        writer.merge(&group).wait()?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileState {
    size: u64,
    mtime_ns: i64,
    hash: String,
}

/// Settings of an indexing run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Threads that parse and extract pages.
    pub threads: usize,
    /// Memory the index writer may buffer before it flushes a segment, in bytes.
    pub writer_budget: usize,
    /// Files read between two commits (at least 1).
    pub commit_every: usize,
    /// Replace everything the index holds with the folder's pages, re-extracting each, in one
    /// commit at the end: until then searches see the index as it was, and a run cut short (a
    /// crash, a kill) leaves it so.
    pub rebuild: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        IndexOptions {
            threads,
            writer_budget: 96 << 20,
            commit_every: std::env::var("CLIPDEX_COMMIT_EVERY")
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .filter(|&n: &usize| n > 0)
                .unwrap_or(COMMIT_EVERY),
            rebuild: false,
        }
    }
}

/// What happened during a run, reported to the caller as it happens.
pub enum Event<'a> {
    /// The walk found this many files to read (changed or new).
    Planned { to_read: usize, total: usize },
    /// One more file was read.
    Progress,
    /// A file or folder that could not be indexed, and why.
    Warning { path: &'a Path, reason: String },
}

/// Counts of one indexing run.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IndexReport {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub passages: usize,
}

/// A date for the index from seconds since the epoch, clamped to what tantivy holds (nanoseconds
/// in an i64: the years 1677 to 2262). Unclamped, a date such as `--since 9999` overflows.
pub fn date_value(secs: i64) -> DateTime {
    const LIMIT: i64 = i64::MAX / 1_000_000_000;
    DateTime::from_timestamp_secs(secs.clamp(-LIMIT, LIMIT))
}

/// The key a file is known by in the index: its absolute path.
pub fn file_key(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A short stable id for an article, from its file key.
pub fn article_id(key: &str) -> String {
    blake3::hash(key.as_bytes()).to_hex()[..16].to_owned()
}

enum Outcome {
    Touched,
    Indexed { passages: usize },
    Failed,
}

impl IndexReport {
    /// Counts a file the run read; `updated` when the index knew an earlier version of it.
    fn count(&mut self, outcome: Outcome, updated: bool) {
        match outcome {
            Outcome::Touched => self.unchanged += 1,
            Outcome::Indexed { passages } => {
                self.passages += passages;
                if updated {
                    self.updated += 1;
                } else {
                    self.added += 1;
                }
            }
            Outcome::Failed => self.failed += 1,
        }
    }
}

/// Indexes the pages under `root` incrementally: new and changed files are (re-)extracted, files
/// gone from `root` lose their passages, unchanged files are not read.
pub fn index_folder(
    store: &Store,
    root: &Path,
    options: &IndexOptions,
    on_event: &(dyn Fn(Event) + Sync),
) -> Result<IndexReport> {
    // (a path that does not exist says so, not that it is no folder)
    let metadata = std::fs::metadata(root).map_err(|source| Error::Io {
        path: root.to_path_buf(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(Error::NotADirectory(root.to_path_buf()));
    }
    let root = std::fs::canonicalize(root).map_err(|source| Error::Io {
        path: root.to_path_buf(),
        source,
    })?;
    // Inverting the passages is a fifth to a third of the work of a page: one writer thread
    // keeps up with three that parse and extract.
    let writer_threads = options.threads.div_ceil(3).clamp(1, 4);
    let budget = options.writer_budget.max(writer_threads * (16 << 20));
    let mut writer = store.writer(writer_threads, budget)?;
    let known = if options.rebuild {
        // (takes effect at the commit, as the documents added after it)
        writer.delete_all_documents()?;
        HashMap::new()
    } else {
        store.file_states()?
    };

    let (found, walk_warnings) = walk::walk(&root);
    for warning in &walk_warnings {
        on_event(Event::Warning {
            path: warning.path.as_deref().unwrap_or(&root),
            reason: warning.reason.clone(),
        });
    }
    if found.is_empty() {
        on_event(Event::Warning {
            path: &root,
            reason: format!(
                "no pages found: clipdex reads files named *{} and those gzipped (*.html.gz)",
                walk::PAGE_EXTENSIONS.join(", *")
            ),
        });
    }

    let mut report = IndexReport::default();
    let root_prefix = format!("{}{}", file_key(&root), std::path::MAIN_SEPARATOR);
    let seen: HashSet<String> = found.iter().map(|f| file_key(&f.path)).collect();
    for key in known.keys() {
        if key.starts_with(&root_prefix) && !seen.contains(key) {
            delete_file(&writer, &store.fields, key);
            report.removed += 1;
        }
    }

    let mut to_read = Vec::new();
    for file in found {
        let key = file_key(&file.path);
        match known.get(&key) {
            Some(state) if state.size == file.size && state.mtime_ns == file.mtime_ns => {
                report.unchanged += 1;
            }
            previous => to_read.push((file, key, previous.cloned())),
        }
    }
    on_event(Event::Planned {
        to_read: to_read.len(),
        total: to_read.len() + report.unchanged,
    });

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.max(1))
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let report = Mutex::new(report);
    for chunk in to_read.chunks(options.commit_every.max(1)) {
        pool.install(|| {
            // One page per job: rayon otherwise hands each thread a long run of pages, and with
            // pages of uneven cost one thread was left parsing its last run alone for a tenth
            // of a second at the end of each batch.
            chunk
                .par_iter()
                .with_max_len(1)
                .for_each(|(file, key, previous)| {
                    let outcome = index_file(
                        &writer,
                        &store.fields,
                        file,
                        key,
                        previous.as_ref(),
                        on_event,
                    );
                    on_event(Event::Progress);
                    let mut report = report.lock().expect("report lock");
                    report.count(outcome, previous.is_some());
                });
        });
        if !options.rebuild {
            commit_and_merge(store, &mut writer)?;
        }
    }
    // The last batch ended on a commit, but for a rebuild, which commits once, here; so does a
    // run with nothing to read, its deletes. (A second commit rewrote meta.json, with two more
    // fsyncs on the way.)
    if options.rebuild || to_read.is_empty() {
        commit_and_merge(store, &mut writer)?;
    }
    writer.wait_merging_threads()?;
    Ok(report.into_inner().expect("report lock"))
}

fn commit(writer: &mut IndexWriter) -> Result<()> {
    let payload = serde_json::to_string(&Payload {
        format: INDEX_FORMAT,
    })
    .expect("payload serialises");
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

fn delete_file(writer: &IndexWriter, f: &Fields, key: &str) {
    writer.delete_term(Term::from_field_text(f.article_id, &article_id(key)));
    writer.delete_term(Term::from_field_text(f.file_key, key));
}

fn index_file(
    writer: &IndexWriter,
    f: &Fields,
    file: &Found,
    key: &str,
    previous: Option<&FileState>,
    on_event: &(dyn Fn(Event) + Sync),
) -> Outcome {
    let bytes = match crate::decode::read_page(&file.path) {
        Ok(bytes) => bytes,
        Err(err) => return failed(&file.path, err, on_event),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let state = FileState {
        size: file.size,
        mtime_ns: file.mtime_ns,
        hash,
    };
    if previous.is_some_and(|p| p.hash == state.hash) {
        // Same content, new timestamp: record the new state, keep the passages.
        writer.delete_term(Term::from_field_text(f.file_key, key));
        hand_over(writer, std::iter::once(file_record(f, key, &state)));
        return Outcome::Touched;
    }
    // A panic on one page (a bug clipdex has yet to fix) costs that page, not the run.
    let page = match std::panic::catch_unwind(|| page::process_bytes(&bytes)) {
        Ok(Ok(page)) => page,
        Ok(Err(err)) => return failed(&file.path, err, on_event),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned());
            return failed(&file.path, PageError::Internal(message), on_event);
        }
    };
    if previous.is_some() {
        // A file the last commit does not know has nothing to delete: skipping the deletes spares
        // the writer a term lookup in every segment per new file.
        delete_file(writer, f, key);
    }
    let passages = page.passages.len();
    hand_over(
        writer,
        passage_docs(f, key, &page).chain(std::iter::once(file_record(f, key, &state))),
    );
    Outcome::Indexed { passages }
}

fn failed(path: &Path, err: PageError, on_event: &(dyn Fn(Event) + Sync)) -> Outcome {
    on_event(Event::Warning {
        path,
        reason: err.to_string(),
    });
    Outcome::Failed
}

/// Hands a page's documents to the writer as one batch: its thread is woken once per page, not
/// once per passage.
fn hand_over(writer: &IndexWriter, docs: impl Iterator<Item = TantivyDocument>) {
    let batch: Vec<UserOperation> = docs.map(UserOperation::Add).collect();
    // Fails only when the writer's threads are gone, which the next commit reports.
    let _ = writer.run(batch);
}

fn file_record(f: &Fields, key: &str, state: &FileState) -> TantivyDocument {
    doc!(
        f.kind => KIND_FILE,
        f.file_key => key,
        f.file_size => state.size,
        f.file_mtime => state.mtime_ns,
        f.file_hash => state.hash.as_str(),
    )
}

/// The index documents of a processed page: its passages, then its article document (public
/// for the benchmarks).
pub fn passage_docs<'a>(
    f: &'a Fields,
    key: &'a str,
    page: &'a Page,
) -> impl Iterator<Item = TantivyDocument> + 'a {
    let article = &page.article.meta;
    let id = article_id(key);
    // What every passage of the article repeats, worked out once.
    let host = article.url.as_deref().and_then(crate::text::url_host);
    let date = article.date.as_ref().map(|date| {
        (
            date_value(date.calendar_seconds()),
            date.to_rfc3339(),
            date.day()[..7].to_owned(),
        )
    });
    let article_doc = (!page.passages.is_empty()).then(|| {
        let mut doc = doc!(
            f.kind => KIND_ARTICLE,
            f.article_id => id.as_str(),
            f.passages => page.passages.len() as u64,
            f.path => key,
        );
        if let Some(title) = &article.title {
            doc.add_text(f.title, title);
        }
        for site in article.site.as_deref().into_iter().chain(host) {
            doc.add_text(f.site, site);
        }
        for author in &article.authors {
            doc.add_text(f.author, author);
        }
        if let Some(url) = &article.url {
            doc.add_text(f.url, url);
        }
        if let Some((_, text, _)) = &date {
            doc.add_text(f.date_text, text);
        }
        if let Some(lang) = &article.lang {
            doc.add_text(f.lang, lang);
        }
        doc
    });
    let passages = page.passages.iter().map(move |passage| {
        let mut doc = doc!(
            f.article_id => id.as_str(),
            f.position => u64::from(passage.position),
            f.text => passage.text.as_str(),
        );
        if let Some((value, _, month)) = &date {
            doc.add_date(f.date, *value);
            doc.add_text(f.month, month);
        }
        for speaker in passage.speakers() {
            doc.add_text(f.speaker, speaker);
            doc.add_text(f.speaker_exact, speaker);
        }
        if !passage.quotes.is_empty() {
            doc.add_text(
                f.quotes,
                serde_json::to_string(&passage.quotes).expect("quotes serialise"),
            );
        }
        doc
    });
    // the article document right after its passages: `crate::join` counts back from it
    passages.chain(article_doc)
}
