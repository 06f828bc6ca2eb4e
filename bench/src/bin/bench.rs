//! The end-to-end benchmark: indexing throughput against scraper's parse-only throughput, peak
//! memory, re-indexing, search latency in process and as a whole `clipdex search`, `rg -i -c` on
//! the same folder, and the index size. Prints one Markdown table.
//!
//! Usage:
//!   gencorpus /tmp/cdx-bench/g1000 1000
//!   bench /tmp/cdx-bench/g1000 [--clipdex PATH] [--index PATH] [--threads 2] [--reps 20]
//!         [--seed 42] [--no-rg] [--list-queries] [--search-only]
//!
//! `--clipdex` defaults to the `clipdex` binary beside this one (build it with
//! `cargo build --release` first). The index goes to `<DIR>.index` unless `--index` says otherwise,
//! and is rebuilt from scratch. The folder must have been written by `gencorpus` with the same seed
//! (the query set uses its vocabulary). `--search-only` measures the searches on the index already
//! there, without parsing and indexing again.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clipdex::index::Store;
use clipdex::search::{parse_date_bound, Engine, Filters, Request};
use clipdex_bench::gen::World;
use clipdex_bench::queries::{query_set, BenchQuery};
use rayon::prelude::*;

struct Options {
    dir: PathBuf,
    clipdex: PathBuf,
    index: PathBuf,
    threads: usize,
    reps: usize,
    rounds: usize,
    seed: u64,
    rg: bool,
    list: bool,
    search_only: bool,
}

fn parse_args() -> Options {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut clipdex = None;
    let mut index = None;
    let mut threads = 2;
    let mut reps = 20;
    let mut rounds = 3;
    let mut seed = 42;
    let mut rg = true;
    let mut list = false;
    let mut search_only = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--clipdex" => clipdex = args.next().map(PathBuf::from),
            "--index" => index = args.next().map(PathBuf::from),
            "--threads" => {
                threads = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--threads N")
            }
            "--reps" => reps = args.next().and_then(|s| s.parse().ok()).expect("--reps N"),
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|&n| n > 0)
                    .expect("--rounds N")
            }
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).expect("--seed N"),
            "--no-rg" => rg = false,
            "--list-queries" => list = true,
            "--search-only" => search_only = true,
            _ if arg.starts_with('-') => dir = None,
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.filter(|d| d.is_dir()).unwrap_or_else(|| {
        eprintln!("usage: bench DIR [--clipdex PATH] [--index PATH] [--threads N] [--reps N] [--rounds N] [--seed S] [--no-rg]");
        std::process::exit(2);
    });
    let clipdex = clipdex.unwrap_or_else(|| {
        std::env::current_exe()
            .expect("own path")
            .with_file_name("clipdex")
    });
    let index = index.unwrap_or_else(|| {
        let mut name = dir.file_name().expect("DIR has a name").to_os_string();
        name.push(".index");
        dir.with_file_name(name)
    });
    Options {
        dir,
        clipdex,
        index,
        threads,
        reps,
        rounds,
        seed,
        rg,
        list,
        search_only,
    }
}

/// What a child process used: wall time, CPU time (user + system), peak RSS in bytes, and
/// whether it succeeded (exit 0 or 1).
struct Usage {
    wall: Duration,
    cpu: Duration,
    peak_rss: u64,
    ok: bool,
}

fn cpu_time(usage: &libc::rusage) -> Duration {
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// CPU time this process has used so far (all its threads).
fn own_cpu_time() -> Duration {
    // SAFETY: rusage is plain data that getrusage fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    cpu_time(&usage)
}

/// Runs a child process to its end and says what it used.
#[allow(clippy::zombie_processes)] // reaped by wait4, which also gives its resource usage
fn run_measured(command: &mut Command) -> Usage {
    let started = Instant::now();
    let child = command
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child, which it reaps.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(rc, pid, "wait4 failed");
    Usage {
        wall: elapsed,
        cpu: cpu_time(&usage),
        peak_rss: usage.ru_maxrss as u64 * 1024,
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1,
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

/// The request `clipdex search QUERY -n 10` makes (3 passages per article at most, by score).
fn request(q: &BenchQuery) -> Request {
    Request {
        filters: Filters {
            speaker: q.speaker.clone(),
            site: q.site.clone(),
            since: q
                .since
                .as_deref()
                .map(|d| parse_date_bound(d, false).expect("date")),
            until: q
                .until
                .as_deref()
                .map(|d| parse_date_bound(d, true).expect("date")),
        },
        ..Request::new(&q.query, 10)
    }
}

struct Row {
    metric: String,
    value: String,
    target: String,
    verdict: &'static str,
}

fn row(
    metric: impl Into<String>,
    value: impl Into<String>,
    target: &str,
    met: Option<bool>,
) -> Row {
    Row {
        metric: metric.into(),
        value: value.into(),
        target: target.to_owned(),
        verdict: match met {
            Some(true) => "met",
            Some(false) => "MISSED",
            None => "",
        },
    }
}

/// Parse-only throughput, indexing from scratch, and re-indexing, as rows of the table.
fn measure_indexing(
    o: &Options,
    found: &[clipdex::walk::Found],
    html_bytes: u64,
    clipdex: &dyn Fn(&[&str]) -> Command,
    rows: &mut Vec<Row>,
) {
    let pages = found.len();
    let mb = html_bytes as f64 / 1e6;
    // Parse-only (read, decode, and parse with scraper, on the same number of threads) and
    // indexing from scratch (a child process), alternated `rounds` times; the best of each is
    // kept, so that a moment of load from other processes weighs on neither.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(o.threads)
        .build()
        .expect("thread pool");
    let threads = o.threads.to_string();
    let dir_arg = o.dir.to_string_lossy().into_owned();
    let (mut parse_secs, mut parse_cpu) = (f64::MAX, f64::MAX);
    let (mut index_secs, mut index_cpu, mut rss) = (f64::MAX, f64::MAX, 0);
    for round in 1..=o.rounds {
        let (started, cpu_before) = (Instant::now(), own_cpu_time());
        pool.install(|| {
            found.par_iter().for_each(|f| {
                let bytes = clipdex::decode::read_page(&f.path).expect("readable");
                let text = clipdex::decode::decode(&bytes).expect("decodable");
                std::hint::black_box(scraper::Html::parse_document(&text));
            })
        });
        let round_parse = started.elapsed().as_secs_f64();
        parse_secs = parse_secs.min(round_parse);
        parse_cpu = parse_cpu.min((own_cpu_time() - cpu_before).as_secs_f64());

        let _ = std::fs::remove_dir_all(&o.index);
        let usage = run_measured(&mut clipdex(&["index", &dir_arg, "-j", &threads, "-q"]));
        assert!(usage.ok, "clipdex index failed");
        let round_index = usage.wall.as_secs_f64();
        index_secs = index_secs.min(round_index);
        index_cpu = index_cpu.min(usage.cpu.as_secs_f64());
        rss = rss.max(usage.peak_rss);
        eprintln!("bench: round {round}: parse only {round_parse:.2} s, index {round_index:.2} s");
    }
    rows.push(row(
        format!("scraper parse only ({} threads)", o.threads),
        format!(
            "{:.0} pages/s, {:.1} MB/s ({parse_cpu:.1} s CPU)",
            pages as f64 / parse_secs,
            mb / parse_secs
        ),
        "",
        None,
    ));
    rows.push(row(
        format!("indexing ({} threads)", o.threads),
        format!(
            "{:.0} pages/s, {:.1} MB/s ({index_secs:.1} s; {index_cpu:.1} s CPU)",
            pages as f64 / index_secs,
            mb / index_secs
        ),
        "",
        None,
    ));
    let ratio = parse_secs / index_secs;
    rows.push(row(
        format!("indexing / parse-only throughput (best of {})", o.rounds),
        format!("{ratio:.2} (CPU time: {:.2})", parse_cpu / index_cpu),
        "≥ 0.7",
        Some(ratio >= 0.7),
    ));
    rows.push(row(
        "peak RSS while indexing",
        format!("{:.0} MB", rss as f64 / 1e6),
        "≤ 400 MB at 20k; ≤ 1.5× the 1k figure",
        Some(rss as f64 / 1e6 <= 400.0),
    ));

    // Re-indexing the unchanged folder.
    let again = run_measured(&mut clipdex(&["index", &dir_arg, "-j", &threads, "-q"]));
    assert!(again.ok, "clipdex index (again) failed");
    rows.push(row(
        "re-index, nothing changed",
        format!(
            "{:.2} s (peak RSS {:.0} MB)",
            again.wall.as_secs_f64(),
            again.peak_rss as f64 / 1e6
        ),
        "≤ 2 s",
        Some(again.wall.as_secs_f64() <= 2.0),
    ));
}

fn main() {
    let o = parse_args();
    let world = World::new(o.seed);
    let queries = query_set(&world);
    if o.list {
        for q in &queries {
            println!("{}", q.describe());
        }
        return;
    }
    let mut rows = Vec::new();
    // The machine is often shared: the load average says how much the figures can be trusted.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    rows.push(row(
        "load average at start (1, 5, 15 min)",
        load.join(" "),
        "",
        None,
    ));

    // The files, read once so that every measurement below starts from a warm page cache.
    let (found, _) = clipdex::walk::walk(&o.dir);
    let pages = found.len();
    let html_bytes: u64 = found
        .iter()
        .map(|f| std::fs::read(&f.path).map_or(0, |b| b.len() as u64))
        .sum();
    let mb = html_bytes as f64 / 1e6;
    eprintln!("bench: {pages} pages, {mb:.0} MB in {}", o.dir.display());
    rows.push(row(
        "corpus",
        format!(
            "{pages} pages, {mb:.0} MB HTML (mean {:.0} KB)",
            html_bytes as f64 / pages.max(1) as f64 / 1e3
        ),
        "",
        None,
    ));

    let index_arg = o.index.to_string_lossy().into_owned();
    let clipdex = |args: &[&str]| {
        let mut c = Command::new(&o.clipdex);
        c.arg("--index")
            .arg(&index_arg)
            .args(args)
            .env("NO_COLOR", "1");
        c
    };
    let threads = o.threads.to_string();
    let dir_arg = o.dir.to_string_lossy().into_owned();
    if !o.search_only {
        measure_indexing(&o, &found, html_bytes, &clipdex, &mut rows);
    }
    let index_bytes = dir_size(&o.index);
    rows.push(row(
        "index size",
        format!(
            "{:.0} MB = {:.1}% of the HTML",
            index_bytes as f64 / 1e6,
            100.0 * index_bytes as f64 / html_bytes as f64
        ),
        "",
        None,
    ));

    // Search in process: one engine, every query `reps` times after a warm-up round.
    let engine = Engine::open(Store::open(&o.index).expect("index")).expect("engine");
    let requests: Vec<Request> = queries.iter().map(request).collect();
    let mut hits_per_query = Vec::new();
    for r in &requests {
        hits_per_query.push(engine.search(r).expect("query runs").len());
    }
    let mut latencies = Vec::new();
    let mut worst: Vec<(f64, usize)> = vec![(0.0, 0); requests.len()];
    for _ in 0..o.reps {
        for (i, r) in requests.iter().enumerate() {
            let started = Instant::now();
            std::hint::black_box(engine.search(r).expect("query runs"));
            let ms = started.elapsed().as_secs_f64() * 1e3;
            latencies.push(ms);
            worst[i] = (worst[i].0.max(ms), i);
        }
    }
    let latencies = sorted(latencies);
    let (p50, p99) = (percentile(&latencies, 0.5), percentile(&latencies, 0.99));
    rows.push(row(
        format!("search in process, {} queries × {}", requests.len(), o.reps),
        format!("p50 {p50:.2} ms, p99 {p99:.2} ms"),
        "p50 ≤ 2 ms, p99 ≤ 20 ms at 20k",
        Some(p50 <= 2.0 && p99 <= 20.0),
    ));
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, i) in worst.iter().take(3) {
        eprintln!(
            "bench: slowest query {ms:.2} ms: {}",
            queries[*i].describe()
        );
    }
    drop(engine);

    // `clipdex search` as a whole process, three times per query.
    let mut process_ms = Vec::new();
    for _ in 0..3 {
        for q in &queries {
            let mut args = vec!["search".to_owned(), "-n".to_owned(), "10".to_owned()];
            args.extend(q.cli_args());
            let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let usage = run_measured(&mut clipdex(&arg_refs));
            assert!(usage.ok, "clipdex search {args:?} failed");
            process_ms.push(usage.wall.as_secs_f64() * 1e3);
        }
    }
    let process_ms = sorted(process_ms);
    let (cp50, cp99) = (percentile(&process_ms, 0.5), percentile(&process_ms, 0.99));
    rows.push(row(
        "`clipdex search` process (10 hits)",
        format!("p50 {cp50:.1} ms, p99 {cp99:.1} ms"),
        "≤ 30 ms",
        Some(cp50 <= 30.0),
    ));

    // The same queries with ripgrep over the HTML folder.
    let rg_available = o.rg
        && Command::new("rg")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if rg_available {
        let mut rg_ms = Vec::new();
        for q in &queries {
            let mut c = Command::new("rg");
            c.args(["-i", "-c", "-j", &threads, "--", &q.rg, &dir_arg]);
            rg_ms.push(run_measured(&mut c).wall.as_secs_f64() * 1e3);
        }
        let rg_ms = sorted(rg_ms);
        let rp50 = percentile(&rg_ms, 0.5);
        rows.push(row(
            format!("`rg -i -c -j {threads}` same queries"),
            format!(
                "p50 {rp50:.0} ms, p99 {:.0} ms: clipdex search is {:.0}× faster at p50",
                percentile(&rg_ms, 0.99),
                rp50 / cp50
            ),
            "",
            None,
        ));
    } else {
        rows.push(row(
            "`rg -i -c` same queries",
            "skipped: rg not available",
            "",
            None,
        ));
    }

    let empty = hits_per_query.iter().filter(|&&n| n == 0).count();
    if empty > 0 {
        eprintln!("bench: note: {empty} queries found nothing");
    }
    println!(
        "| {} | value | target | |",
        o.dir.file_name().unwrap_or_default().to_string_lossy()
    );
    println!("|---|---|---|---|");
    for r in rows {
        println!(
            "| {} | {} | {} | {} |",
            r.metric, r.value, r.target, r.verdict
        );
    }
}
