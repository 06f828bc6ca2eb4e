//! The `clipdex` command line: parses arguments, dispatches to the library, and maps outcomes to
//! exit codes (0 results, 1 no results, 2 error).

/// jemalloc instead of the system allocator: parsing and indexing allocate and free millions of
/// small blocks from several threads, and glibc's allocator spends a tenth of the CPU on arena
/// locks and on giving memory back to the kernel only to fault it in again (see
/// docs/benchmarks.md). Peak memory stays flat with corpus size.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use clipdex::index::{self, Event, IndexOptions, Store};
use clipdex::output;
use clipdex::search::{self, Engine, Filters, Period, Request, SortOrder};

/// Turn a folder of saved news pages into a searchable archive of passages, speakers and dates.
#[derive(Parser)]
#[command(
    name = "clipdex",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  clipdex index ~/saved-coverage\n  clipdex search '\"active countermeasures\"' --since 2017\n  clipdex speakers ban\n  clipdex timeline --by year"
)]
struct Cli {
    /// Where the index lives [default: $XDG_DATA_HOME/clipdex/index, or ~/.local/share/clipdex/index]
    #[arg(long, global = true, env = "CLIPDEX_INDEX", value_name = "PATH")]
    index: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index (or re-index) the saved pages under a folder; only changed files are read again.
    #[command(
        after_help = "Examples:\n  clipdex index ~/saved-coverage\n  clipdex index --rebuild corpus\n  CLIPDEX_INDEX=/tmp/idx clipdex index pages/"
    )]
    Index {
        /// Folder of saved pages (.html, .htm, .xhtml, .shtml, .html.gz)
        #[arg(default_value = "corpus")]
        dir: PathBuf,
        /// Build the index anew from DIR's pages, dropping all it held; until the run ends,
        /// searches see the index as it was, and an interrupted rebuild leaves it so
        #[arg(long)]
        rebuild: bool,
        /// Worker threads [default: all cores]
        #[arg(long, short = 'j')]
        threads: Option<usize>,
        /// No progress bar and no summary (warnings still show)
        #[arg(long, short)]
        quiet: bool,
    },
    /// Search passages, ranked by relevance.
    ///
    /// Words must all match; "exact phrases", OR, -exclusion, (grouping), and the fields
    /// speaker:, title:, site:, author: narrow it.
    #[command(
        after_help = "Examples:\n  clipdex search '\"active countermeasures\"'\n  clipdex search directive --speaker kaspersky --since 2017-09\n  clipdex search 'ban OR directive -lawsuit' --sort -date -n 20\n  clipdex search kaspresky --fuzzy\n  clipdex search ban --json --fields title,date,snippet\n  clipdex search -n 5 -- -ban kaspersky      (a query starting with '-': options before --)"
    )]
    Search {
        /// The query, e.g. '"active countermeasures" speaker:kaspersky -ban' (its words may also
        /// come as several arguments); may be empty with a filter
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// How many hits (at least 1)
        #[arg(short = 'n', long, default_value_t = 10, value_parser = at_least_one)]
        limit: usize,
        /// Skip this many hits first (for paging)
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// At most this many passages from one article (0: no limit)
        #[arg(long, default_value_t = 3, value_name = "N")]
        per_article: usize,
        /// Order: best match first, oldest first, or newest first
        #[arg(long, value_enum, default_value_t = SortArg::Score, allow_hyphen_values = true)]
        sort: SortArg,
        /// Also match words within one edit (typos, misspelled names)
        #[arg(long)]
        fuzzy: bool,
        #[command(flatten)]
        format: FormatArgs,
        /// With JSON output, only these fields (comma-separated), e.g. title,date,snippet
        #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
        fields: Option<Vec<String>>,
    },
    /// The speakers quoted most, overall or in the passages matching a query.
    #[command(
        after_help = "Examples:\n  clipdex speakers\n  clipdex speakers ban --since 2024\n  clipdex speakers --site 'capitol ledger' --json"
    )]
    Speakers {
        /// Optional query narrowing the passages counted (its words may come as several
        /// arguments)
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// How many speakers (at least 1)
        #[arg(short = 'n', long, default_value_t = 20, value_parser = at_least_one)]
        limit: usize,
        /// JSON Lines output, one speaker per line
        #[arg(long)]
        json: bool,
    },
    /// Matching passages and articles per month or year, as a bar chart.
    #[command(
        after_help = "Examples:\n  clipdex timeline\n  clipdex timeline ban --by year\n  clipdex timeline --speaker kaspersky --json"
    )]
    Timeline {
        /// Optional query narrowing the passages counted (its words may come as several
        /// arguments)
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Count per month or per year
        #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
        by: PeriodArg,
        /// JSON Lines output, one period per line
        #[arg(long)]
        json: bool,
    },
    /// An indexed article with its passages, positions and speakers.
    #[command(
        after_help = "Examples:\n  clipdex show corpus/northwire/2017/09/13/dhs-orders-agencies-remove-kaspersky.html\n  clipdex show 712777b13fe0db21 --json"
    )]
    Show {
        /// The article's id (as in search results) or the path of its file
        article: String,
        /// JSON output
        #[arg(long)]
        json: bool,
    },
    /// Show what extraction makes of pages, without indexing them.
    #[command(
        after_help = "Examples:\n  clipdex extract saved/page.html\n  clipdex extract --json saved/*.html | jq .title"
    )]
    Extract {
        /// Page files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// JSON Lines output, one file per line
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Example:\n  clipdex completions bash > ~/.local/share/bash-completion/completions/clipdex"
    )]
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), or write it and one page per subcommand into a folder.
    #[command(
        after_help = "Examples:\n  clipdex man > ~/.local/share/man/man1/clipdex.1\n  clipdex man --dir ~/.local/share/man/man1      (clipdex.1, clipdex-search.1, ...)"
    )]
    Man {
        /// Write clipdex.1 and a page per subcommand (clipdex-search.1, ...) into this folder,
        /// which the main page's SUBCOMMANDS section names
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SortArg {
    Score,
    Date,
    #[value(name = "-date")]
    NewestFirst,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PeriodArg {
    Month,
    Year,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Args)]
struct FormatArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// JSON Lines output, one hit per line (same as --format json)
    #[arg(long, conflicts_with = "format")]
    json: bool,
}

impl FormatArgs {
    fn chosen(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }
}

#[derive(Args)]
struct FilterArgs {
    /// Only passages quoting this speaker (full name or part of it, any case)
    #[arg(long)]
    speaker: Option<String>,
    /// Only articles published on or after this date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles published on or before this date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only articles from this outlet (name or domain)
    #[arg(long)]
    site: Option<String>,
}

impl FilterArgs {
    fn to_filters(&self) -> Result<Filters> {
        let since = self
            .since
            .as_deref()
            .map(|d| search::parse_date_bound(d, false))
            .transpose()?;
        let until = self
            .until
            .as_deref()
            .map(|d| search::parse_date_bound(d, true))
            .transpose()?;
        // (until is the end of its day, month or year: `--since 2017 --until 2017` is 2017)
        if let (Some(start), Some(end), Some(s), Some(u)) = (since, until, &self.since, &self.until)
        {
            if start >= end {
                anyhow::bail!("--since {s} is after --until {u}: no date is in between");
            }
        }
        Ok(Filters {
            speaker: self.speaker.clone(),
            site: self.site.clone(),
            since,
            until,
        })
    }
}

/// A count option's value: a whole number, 0 refused (it would ask for nothing).
fn at_least_one(value: &str) -> std::result::Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(0) => Err("it must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err("it must be a whole number, at least 1".to_owned()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Errors may quote the query or a file name: no control characters reach the terminal.
            let message = error_chain(&err);
            let _ = writeln!(
                io::stderr(),
                "clipdex: error: {}",
                clipdex::text::printable(&message)
            );
            ExitCode::from(2)
        }
    }
}

/// The error and its causes joined by ": ", as `{:#}` prints them, but a cause its error's
/// message already ends with once only: the library's I/O errors name the file and say the
/// reason, which is also their source.
fn error_chain(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.ends_with(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let index_path = cli.index.clone().unwrap_or_else(default_index_path);
    match cli.command {
        Command::Index {
            dir,
            rebuild,
            threads,
            quiet,
        } => {
            let mut options = IndexOptions::default();
            if let Some(threads) = threads {
                options.threads = threads.max(1);
            }
            options.rebuild = rebuild;
            run_index(&index_path, &dir, &options, quiet)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            filters,
            limit,
            offset,
            per_article,
            sort,
            fuzzy,
            format,
            fields,
        } => {
            let format = format.chosen();
            if let Some(fields) = &fields {
                if format != Format::Json {
                    anyhow::bail!("--fields applies to JSON output: add --json");
                }
                if let Some(bad) = fields
                    .iter()
                    .find(|f| !output::HIT_FIELDS.contains(&f.as_str()))
                {
                    anyhow::bail!(
                        "unknown field '{bad}' in --fields; fields are {}",
                        output::HIT_FIELDS.join(", ")
                    );
                }
            }
            let request = Request {
                query: query.join(" "),
                filters: filters.to_filters()?,
                limit,
                offset,
                per_article: (per_article > 0).then_some(per_article),
                sort: match sort {
                    SortArg::Score => SortOrder::Score,
                    SortArg::Date => SortOrder::Date,
                    SortArg::NewestFirst => SortOrder::DateDesc,
                },
                fuzzy,
            };
            let engine = open_engine(&index_path)?;
            let hits = engine.search(&request)?;
            let mut out = anstream::stdout().lock();
            match format {
                Format::Json => {
                    for hit in &hits {
                        output::write_hit_json(&mut out, hit, fields.as_deref())?;
                    }
                }
                Format::Csv => output::write_hits_csv(&mut out, &hits)?,
                Format::Text => {
                    let cwd = std::env::current_dir().unwrap_or_default();
                    output::write_hits_text(&mut out, &hits, &cwd)?;
                }
            }
            out.flush()?;
            Ok(exit_for(!hits.is_empty()))
        }
        Command::Speakers {
            query,
            filters,
            limit,
            json,
        } => {
            let filters = filters.to_filters()?;
            let engine = open_engine(&index_path)?;
            let counts = engine.speakers(&query.join(" "), &filters, limit)?;
            let mut out = anstream::stdout().lock();
            if json {
                for count in &counts {
                    output::write_json_line(&mut out, count)?;
                }
            } else if !counts.is_empty() {
                output::write_speakers_text(&mut out, &counts)?;
            }
            out.flush()?;
            Ok(exit_for(!counts.is_empty()))
        }
        Command::Timeline {
            query,
            filters,
            by,
            json,
        } => {
            let filters = filters.to_filters()?;
            let engine = open_engine(&index_path)?;
            let period = match by {
                PeriodArg::Month => Period::Month,
                PeriodArg::Year => Period::Year,
            };
            let counts = engine.timeline(&query.join(" "), &filters, period)?;
            let mut out = anstream::stdout().lock();
            if json {
                for count in &counts {
                    output::write_json_line(&mut out, count)?;
                }
            } else {
                output::write_timeline_text(&mut out, &counts)?;
            }
            out.flush()?;
            Ok(exit_for(counts.iter().any(|c| c.passages > 0)))
        }
        Command::Show { article, json } => {
            let engine = open_engine(&index_path)?;
            let Some(found) = engine.article(&article)? else {
                anyhow::bail!("no indexed article has the id or path '{article}'");
            };
            let mut out = anstream::stdout().lock();
            if json {
                output::write_json_line(&mut out, &found)?;
            } else {
                let cwd = std::env::current_dir().unwrap_or_default();
                output::write_article_text(&mut out, &found, &cwd)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "clipdex", &mut out);
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: None } => {
            let mut out = io::stdout().lock();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: Some(dir) } => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(Cli::command(), &dir)
                .with_context(|| format!("cannot write the manual pages into {}", dir.display()))?;
            eprintln!("clipdex: manual pages written to {}", dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { files, json } => {
            let mut out = anstream::stdout().lock();
            let mut failed = false;
            for file in &files {
                let shown = file.to_string_lossy();
                match clipdex::page::process_file(file) {
                    Ok(page) => {
                        if json {
                            output::write_json_line(
                                &mut out,
                                &output::ExtractedJson::new(&shown, &page),
                            )?;
                        } else {
                            output::write_extracted_text(&mut out, &shown, &page)?;
                        }
                    }
                    Err(err) => {
                        failed = true;
                        warn(file, &err.to_string());
                    }
                }
            }
            out.flush()?;
            Ok(if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn exit_for(found: bool) -> ExitCode {
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `$XDG_DATA_HOME/clipdex/index`, else `~/.local/share/clipdex/index`, else `.clipdex-index`.
fn default_index_path() -> PathBuf {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")));
    match data_home {
        Some(dir) => dir.join("clipdex").join("index"),
        None => PathBuf::from(".clipdex-index"),
    }
}

/// Opens the index for searching. With no index yet and a `corpus/` folder here (the bundled
/// demo), indexes it first and says so.
fn open_engine(index_path: &Path) -> Result<Engine> {
    let store = match Store::open(index_path) {
        Err(clipdex::Error::NoIndex(_)) if index_path.join(".tantivy-writer.lock").exists() => {
            anyhow::bail!(
                "the index at {} is being created by a running `clipdex index` (search again once it has committed its first files), or by one that was interrupted (run `clipdex index DIR` again)",
                index_path.display()
            )
        }
        Err(clipdex::Error::NoIndex(_)) if Path::new("corpus").is_dir() => {
            eprintln!(
                "clipdex: no index at {} yet: indexing the bundled corpus/ first (use `clipdex index DIR` for your own folder)",
                index_path.display()
            );
            run_index(
                index_path,
                Path::new("corpus"),
                &IndexOptions::default(),
                false,
            )?;
            Store::open(index_path)?
        }
        other => other?,
    };
    Ok(Engine::open(store)?)
}

/// A progress bar on stderr when it is a terminal (indicatif draws nothing otherwise).
fn progress_bar(quiet: bool) -> indicatif::ProgressBar {
    if quiet {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files · {per_sec} · {eta} left",
        )
        .expect("static template"),
    );
    bar
}

fn warn(path: &Path, reason: &str) {
    let path = path.to_string_lossy();
    eprintln!(
        "clipdex: warning: {}: {}",
        clipdex::text::printable(&path),
        clipdex::text::printable(reason)
    );
}

fn run_index(index_path: &Path, dir: &Path, options: &IndexOptions, quiet: bool) -> Result<()> {
    let started = Instant::now();
    let (store, outdated) = Store::open_or_create(index_path, options.rebuild)
        .with_context(|| format!("cannot open the index at {}", index_path.display()))?;
    if outdated {
        eprintln!(
            "clipdex: the index at {} was written by another version of clipdex; rebuilding it",
            index_path.display()
        );
    }
    let progress = progress_bar(quiet);
    let on_event = |event: Event| match event {
        Event::Planned { to_read, .. } => progress.set_length(to_read as u64),
        Event::Progress => progress.inc(1),
        Event::Warning { path, reason } => progress.suspend(|| warn(path, &reason)),
    };
    let report = index::index_folder(&store, dir, options, &on_event)
        .with_context(|| format!("indexing {}", dir.display()))?;
    progress.finish_and_clear();
    if !quiet {
        eprintln!(
            "clipdex: indexed {}: {} added, {} updated, {} removed, {} unchanged, {} failed ({} passages) in {:.1}s; index at {}",
            dir.display(),
            report.added,
            report.updated,
            report.removed,
            report.unchanged,
            report.failed,
            report.passages,
            started.elapsed().as_secs_f64(),
            index_path.display()
        );
    }
    Ok(())
}
