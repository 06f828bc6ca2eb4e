//! Hostile input, crashes and concurrency (issue 7). Every file is generated in a temporary folder,
//! next to normal pages: one broken file must not cost any other file, an interrupted run must
//! leave the last commit searchable, and nothing in a page may reach the terminal raw.
//!
//! The matrix and its outcomes are listed in docs/robustness.md.

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn clipdex(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("clipdex").unwrap();
    // Away from the crate's corpus/, which search would index when it finds no index.
    cmd.current_dir(std::env::temp_dir())
        .env("CLIPDEX_INDEX", index)
        .env("NO_COLOR", "1")
        .env_remove("CLIPDEX_COMMIT_EVERY");
    cmd
}

fn clipdex_child(index: &Path, args: &[&str], envs: &[(&str, &str)]) -> Child {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("clipdex"));
    cmd.current_dir(std::env::temp_dir())
        .env("CLIPDEX_INDEX", index)
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

/// A normal article page whose body holds `word` (a made-up word found nowhere else).
fn article(word: &str, n: usize) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Report {n} on the inquiry - The Test Ledger</title>
<meta property="og:site_name" content="The Test Ledger">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2019-03-0{d}T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Report {n} on the inquiry</h1>
<p>The committee published its findings on the inquiry on Tuesday, after months of hearings in the capital and abroad.</p>
<p>“We found nothing in {word} that would justify a ban,” said Helen Marsh, the committee’s chair, adding that the review would continue.</p>
<p>Officials declined to comment on the report number {n}, which runs to several hundred pages and includes annexes.</p>
</article><footer>© The Test Ledger</footer></body></html>"#,
        d = n % 9 + 1
    )
}

/// Distinct made-up words, one per normal page.
fn word(i: usize) -> String {
    let letters = b"bcdfghjklmnpqrstvwxz";
    let mut w = String::from("zq");
    let mut k = i;
    for _ in 0..4 {
        w.push(letters[k % letters.len()] as char);
        k /= letters.len();
    }
    w + "ov"
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn search_json(index: &Path, query: &str, limit: usize) -> Vec<Value> {
    let out = clipdex(index)
        .args([
            "search",
            "--json",
            "--per-article",
            "0",
            "-n",
            &limit.to_string(),
            "--",
            query,
        ])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "search {query:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:?}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Bytes a terminal would act on: C0 controls other than newline, DEL, C1 controls.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect()
}

/// The biggest resident set of any child process waited for so far, in bytes (Linux: KiB units).
#[cfg(target_os = "linux")]
fn children_max_rss() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as u64 * 1024
}

/// Every warning is one line: `clipdex: warning: FILE: REASON`.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("clipdex: warning: "))
        .collect()
}

/// The hostile folder: each hostile file next to normal pages. Returns the normal pages' words.
fn hostile_folder(dir: &Path) -> Vec<String> {
    let mut words = Vec::new();
    for i in 0..6 {
        let w = word(i);
        write(dir, &format!("normal-{i}.html"), article(&w, i));
        words.push(w);
    }
    // Refused, with a reason.
    write(dir, "empty.html", b"");
    let mut state = 0x2545_f491_u32;
    let binary: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect();
    write(dir, "binary.html", &binary);
    write(dir, "fake.html.gz", article("zqfakegz", 50));
    // Indexed.
    let mut invalid = article("zqinvalidutf", 51).into_bytes();
    let at = invalid.len() - 200;
    invalid.splice(
        at..at,
        b" \xff\xfe\xc3\x28 broken \xe2\x82 bytes ".iter().copied(),
    );
    write(dir, "invalid-utf8.html", invalid);
    let body = article("zqutfsixteen", 52).replace("charset=\"utf-8\"", "");
    let mut le = vec![0xFF, 0xFE];
    le.extend(body.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir, "utf16le.html", le);
    let body = article("zqutfsixbig", 53);
    let mut be = vec![0xFE, 0xFF];
    be.extend(body.encode_utf16().flat_map(u16::to_be_bytes));
    write(dir, "utf16be.html", be);
    let russian = "<html><head><title>Запрет продлён</title></head><body><article>\
        <p>Министерство торговли США запретило продажу антивирусов Лаборатории Касперского в стране, \
        сообщила пресс-служба ведомства во вторник вечером.</p>\
        <p>«Мы не имеем никаких связей с правительством», — заявил Евгений Касперский, \
        основатель компании, журналистам в Москве.</p></article></body></html>";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
    write(dir, "cp1251.html", cp1251);
    // A SingleFile-style save: the article plus 60 MB of inline images.
    let mut big = article("zqsixtymeg", 54);
    let image = format!(
        "<img src=\"data:image/png;base64,{}\">\n",
        "iVBORw0KGgo".repeat(9_000)
    );
    let at = big.find("<footer>").unwrap();
    let images: String = image.repeat(60_000_000 / image.len() + 1);
    big.insert_str(at, &images);
    assert!(big.len() > 60_000_000);
    write(dir, "sixty-megabytes.html", big);
    let depth = 200_000;
    let deep = format!(
        "<html><body><article>{}<p>The deepest paragraph mentions zqdeepnest and is long enough to count as text.</p>{}</article></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    write(dir, "deep.html", deep);
    let mut line = String::with_capacity(5_300_000);
    while line.len() < 5_000_000 {
        line.push_str("a long line without any markup that says zqlongline now and then, ");
    }
    write(dir, "long-line.html", line);
    let mut many = String::from("<html><body><article>");
    for i in 0..20_000 {
        many.push_str(&format!(
            "<p>Paragraph {i} of a very long live blog about zqmanyparas, with enough words to be text.</p>"
        ));
    }
    write(dir, "many-paragraphs.html", many);
    write(
        dir,
        "scripts-only.html",
        "<html><head><style>body{color:red} .zqstyleword{}</style></head><body>\
         <script>var zqscriptword = '<p>not text</p>';</script><script src=a.js></script>\
         <style>p{margin:0}</style><noscript></noscript></body></html>",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, article("zqgzipped", 55).as_bytes()).unwrap();
    write(dir, "really-gzip.html", gz.finish().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"bad-\xff\xfe-name.html");
        std::fs::write(dir.join(name), article("zqbadname", 56)).unwrap();
        std::os::unix::fs::symlink(".", dir.join("loop")).unwrap();
    }
    let escapes = article("zqescapes", 57).replace(
        "adding that",
        "\u{1b}[2J\u{1b}[31mred\u{1b}[0m \u{1b}]8;;https://evil.example\u{7}click\u{1b}]8;;\u{7} \u{7}\u{0} adding that",
    );
    let escapes = escapes.replace("Report 57 on", "Report\u{1b}[2J 57 \u{1b}]0;pwned\u{7}on");
    write(dir, "escapes.html", escapes);
    words
}

#[test]
fn hostile_folder_indexes_every_good_file() {
    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    let words = hostile_folder(dir.path());

    let err = index_ok(index.path(), &["-j", "2"], dir.path());
    assert!(!err.contains("panicked"), "{err}");
    #[cfg(target_os = "linux")]
    {
        let rss = children_max_rss();
        assert!(rss < 1_500 << 20, "a child used {} MiB", rss >> 20);
    }

    // The refused files, each on one line naming it, with its reason.
    let warned = warnings(&err);
    let expect = [
        ("empty.html", "empty file"),
        ("binary.html", "binary data"),
        ("fake.html.gz", "not gzip"),
        ("loop", "symbolic link loop"),
    ];
    for (name, reason) in expect {
        assert!(
            warned
                .iter()
                .any(|l| l.contains(name) && l.contains(reason)),
            "no warning for {name} ({reason}) in:\n{err}"
        );
    }
    assert_eq!(warned.len(), expect.len(), "{err}");
    assert!(
        err.contains("3 failed"),
        "summary should count the three refused files:\n{err}"
    );
    let pages = 6 + 15; // normal + hostile page files (the loop is not a file)
    assert!(
        err.contains(&format!("{} added", pages - 3)),
        "summary:\n{err}"
    );

    // Every normal page is searchable.
    for w in &words {
        let hits = search_json(index.path(), w, 10);
        assert_eq!(hits.len(), 1, "{w}");
        assert_eq!(hits[0]["speakers"][0], "Helen Marsh");
    }
    // And what the hostile pages hold.
    let found = |q: &str, file: &str| {
        let hits = search_json(index.path(), q, 100_000);
        assert!(
            hits.iter()
                .any(|h| h["path"].as_str().unwrap().ends_with(file)),
            "{q} not found in {file}"
        );
        hits
    };
    found("zqinvalidutf", "invalid-utf8.html");
    found("zqutfsixteen", "utf16le.html");
    found("zqutfsixbig", "utf16be.html");
    found("касперского", "cp1251.html");
    found("zqsixtymeg", "sixty-megabytes.html");
    found("zqdeepnest", "deep.html");
    found("zqgzipped", "really-gzip.html");
    let long = found("zqlongline", "long-line.html");
    assert!(long.len() > 100, "the 5 MB line is split into passages");
    assert!(long
        .iter()
        .all(|h| h["text"].as_str().unwrap().len() <= 1500));
    let many = found("zqmanyparas", "many-paragraphs.html");
    assert_eq!(many.len(), 20_000);
    let bad_name = found("zqbadname", "-name.html");
    assert!(bad_name[0]["path"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(search_json(index.path(), "zqscriptword", 10).is_empty());
    assert!(search_json(index.path(), "zqstyleword", 10).is_empty());
    assert!(search_json(index.path(), "zqfakegz", 10).is_empty());

    // Escapes: JSON stays JSON and holds no control characters; text output holds none either.
    let hits = found("zqescapes", "escapes.html");
    for hit in &hits {
        let line = serde_json::to_string(hit).unwrap();
        assert!(
            !line.contains("\\u001b") && !line.contains("\\u0007"),
            "{line}"
        );
        assert!(!line.contains("\\u0000"), "{line}");
    }
    for args in [
        vec!["search", "zqescapes"],
        vec!["search", "zqescapes", "--json"],
        vec!["speakers", "zqescapes"],
    ] {
        let out = clipdex(index.path()).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(raw_controls(&out.stdout), vec![], "{args:?}");
    }
    for json in [false, true] {
        let mut cmd = clipdex(index.path());
        cmd.arg("extract").arg(dir.path().join("escapes.html"));
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        assert_eq!(raw_controls(&out.stdout), vec![], "extract json={json}");
        if json {
            assert_eq!(json_lines(&out.stdout).len(), 1);
        }
    }

    // Indexing again reads nothing and repeats the same warnings.
    let again = clipdex(index.path())
        .args(["index"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = stderr(&again);
    assert!(again.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "0 added, 0 updated, 0 removed, {} unchanged",
            pages - 3
        )),
        "{err}"
    );
}

#[test]
fn every_hostile_file_through_extract() {
    // `clipdex extract` on each file alone: no panic, exit 0 with output or exit 2 with a reason.
    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    hostile_folder(dir.path());
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() || path.metadata().unwrap().len() > 10_000_000 {
            continue; // the loop; the 60 MB page is covered by the folder test
        }
        let out = clipdex(index.path())
            .args(["extract", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{}: {err}", path.display());
        match out.status.code() {
            Some(0) => assert_eq!(json_lines(&out.stdout).len(), 1),
            Some(2) => {
                assert!(out.stdout.is_empty());
                assert_eq!(warnings(&err).len(), 1, "{err}");
                assert_eq!(err.lines().count(), 1, "{err}");
            }
            other => panic!("{}: exit {other:?}: {err}", path.display()),
        }
    }
}

#[test]
fn file_deleted_between_walk_and_read() {
    use clipdex::index::{index_folder, Event, IndexOptions, Store};
    use std::sync::Mutex;

    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    for i in 0..3 {
        write(
            dir.path(),
            &format!("page-{i}.html"),
            article(&word(100 + i), i),
        );
    }
    let doomed = write(dir.path(), "doomed.html", article("zqdoomed", 9));
    let (store, _) = Store::open_or_create(index.path(), false).unwrap();
    let warned = Mutex::new(Vec::new());
    let on_event = |event: Event| match event {
        // The walk is done, nothing is read yet: the file goes now.
        Event::Planned { .. } => std::fs::remove_file(&doomed).unwrap(),
        Event::Warning { path, reason } => {
            warned.lock().unwrap().push((path.to_path_buf(), reason))
        }
        Event::Progress => {}
    };
    let options = IndexOptions {
        threads: 2,
        ..IndexOptions::default()
    };
    let report = index_folder(&store, dir.path(), &options, &on_event).unwrap();
    assert_eq!((report.added, report.failed), (3, 1));
    let warned = warned.into_inner().unwrap();
    assert_eq!(warned.len(), 1);
    assert!(warned[0].0.ends_with("doomed.html"));
    assert!(warned[0].1.starts_with("cannot read"), "{}", warned[0].1);
    assert!(!warned[0].1.contains('\n'));
}

/// Runs `clipdex index ARGS DIR` to its end, which must succeed; its stderr.
fn index_ok(index: &Path, args: &[&str], dir: &Path) -> String {
    let out = clipdex(index)
        .arg("index")
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    err
}

/// A folder of `n` small pages, each with the shared word `zqcrash` and its own word.
fn many_pages(dir: &Path, n: usize) {
    for i in 0..n {
        write(
            dir,
            &format!("p{i:05}.html"),
            article(&format!("zqcrash {}", word(1000 + i)), i),
        );
    }
}

/// Waits until the index has a commit that search sees; fails if the child ends first.
fn wait_for_first_commit(index: &Path, child: &mut Child) {
    loop {
        assert!(
            child.try_wait().unwrap().is_none(),
            "clipdex index ended before its first commit was seen; make the folder larger"
        );
        // Before the index exists search says so (exit 2); afterwards it finds the first batch.
        let out = clipdex(index)
            .args(["search", "--json", "zqcrash", "-n", "1"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{err}");
        if out.status.code() == Some(0) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn passages_of(index: &Path, query: &str) -> Vec<(String, u64)> {
    search_json(index, query, 1_000_000)
        .iter()
        .map(|h| {
            (
                h["path"].as_str().unwrap().to_owned(),
                h["passage"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn sigkill_mid_run_keeps_the_last_commit_and_the_next_run_completes() {
    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    let n = 1500;
    let every = 25;
    many_pages(dir.path(), n);
    let mut child = clipdex_child(
        index.path(),
        &["index", "-j", "1", dir.path().to_str().unwrap()],
        &[("CLIPDEX_COMMIT_EVERY", &every.to_string())],
    );
    wait_for_first_commit(index.path(), &mut child);
    assert!(child.try_wait().unwrap().is_none(), "finished too early");
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success());

    // Search answers from the last commit: whole batches of files, never half a file.
    let seen = passages_of(index.path(), "zqcrash");
    let files: std::collections::BTreeSet<_> = seen.iter().map(|(p, _)| p.clone()).collect();
    assert!(
        !files.is_empty() && files.len() < n,
        "{} files",
        files.len()
    );
    assert_eq!(files.len() % every, 0, "commits hold whole batches");
    assert!(seen.len() <= files.len() * 3);

    // The next run finishes the job: every file once, no duplicate passages.
    let err = index_ok(index.path(), &["-j", "2"], dir.path());
    assert!(
        err.contains(&format!(
            "{} added, 0 updated, 0 removed, {} unchanged, 0 failed",
            n - files.len(),
            files.len()
        )),
        "{err}"
    );
    let all = passages_of(index.path(), "zqcrash");
    let unique: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "duplicate passages");
    let files: std::collections::HashSet<_> = all.iter().map(|(p, _)| p).collect();
    assert_eq!(files.len(), n);
    // Each page's own word finds exactly its passage.
    for i in [0, n / 2, n - 1] {
        assert_eq!(passages_of(index.path(), &word(1000 + i)).len(), 1);
    }
}

/// `--rebuild` replaces the index in one commit: searches see the old index all along, and a
/// rebuild killed midway leaves it whole; a rebuild let run replaces it.
#[cfg(unix)]
#[test]
fn sigkill_mid_rebuild_keeps_the_old_index() {
    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    // (large enough that the rebuild is still reading pages at the kill, under a loaded test
    // run too: its one commit comes at the end)
    let n = 4000;
    many_pages(dir.path(), n);
    index_ok(index.path(), &["-j", "2"], dir.path());
    let before = passages_of(index.path(), "zqcrash");
    assert_eq!(before.len(), n);
    let meta = std::fs::read(index.path().join("meta.json")).unwrap();

    let mut child = clipdex_child(
        index.path(),
        &[
            "index",
            "--rebuild",
            "-j",
            "1",
            dir.path().to_str().unwrap(),
        ],
        &[("CLIPDEX_COMMIT_EVERY", "25")],
    );
    // a search while it runs, then a kill while it still runs (one search: three, each a
    // process, outlasted the rebuild once in a loaded test run)
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(passages_of(index.path(), "zqcrash"), before);
    assert!(
        child.try_wait().unwrap().is_none(),
        "the rebuild ended before it was killed; make the folder larger"
    );
    child.kill().unwrap(); // SIGKILL
    assert!(!child.wait().unwrap().success());
    assert_eq!(
        std::fs::read(index.path().join("meta.json")).unwrap(),
        meta,
        "the rebuild committed before it was killed; make the folder larger"
    );
    assert_eq!(passages_of(index.path(), "zqcrash"), before);
    assert_eq!(passages_of(index.path(), &word(1000 + n - 1)).len(), 1);

    // a rebuild that ends replaces the index: a page gone from the folder is gone from it
    std::fs::remove_file(dir.path().join("p00000.html")).unwrap();
    let err = index_ok(index.path(), &["--rebuild", "-j", "2"], dir.path());
    assert!(
        err.contains(&format!("{} added, 0 updated, 0 removed", n - 1)),
        "{err}"
    );
    assert_eq!(passages_of(index.path(), "zqcrash").len(), n - 1);
    assert!(passages_of(index.path(), &word(1000)).is_empty());
}

#[cfg(unix)]
#[test]
fn search_while_indexing_and_a_second_indexer_stops_at_once() {
    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    let n = 1500;
    many_pages(dir.path(), n);
    let mut child = clipdex_child(
        index.path(),
        &["index", "-j", "1", dir.path().to_str().unwrap()],
        &[("CLIPDEX_COMMIT_EVERY", "25")],
    );
    wait_for_first_commit(index.path(), &mut child);

    // Searching works while the writer writes.
    let out = clipdex(index.path())
        .args(["search", "zqcrash", "-n", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A second writer stops at once, exit 2, saying why; so does a --rebuild. "At once": the
    // first run is still going when both have ended, so neither waited for its lock.
    for args in [vec!["index"], vec!["index", "--rebuild"]] {
        let out = clipdex(index.path())
            .args(&args)
            .arg(dir.path())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("another `clipdex index` is writing"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the first run should still be going"
    );

    // The first run is unharmed.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{n} added")));
    assert_eq!(passages_of(index.path(), "zqcrash").len(), n);
}

fn small_index() -> (TempDir, TempDir) {
    let dir = TempDir::new().unwrap();
    let index = TempDir::new().unwrap();
    for i in 0..5 {
        write(
            dir.path(),
            &format!("p{i}.html"),
            article(&word(200 + i), i),
        );
    }
    clipdex(index.path())
        .arg("index")
        .arg(dir.path())
        .assert()
        .success();
    (dir, index)
}

#[test]
fn hostile_queries_get_a_message_or_a_result() {
    let (_dir, index) = small_index();
    let refused = |args: &[&str], says: &str| {
        let out = clipdex(index.path()).args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    };
    refused(&["search", "\"helen marsh"], "unbalanced quote");
    refused(&["search", "(ban OR inquiry"], "unbalanced parenthesis");
    refused(&["search", "inquiry)"], "unbalanced parenthesis");
    refused(&["search", "colour:red"], "unknown field 'colour:'");
    refused(
        &["search", "inquiry OR"],
        "'OR' at column 9 has no word after it",
    );
    refused(&["search", "title:"], "'title:' at column 1 has no value");
    refused(&["search", ""], "empty query");
    refused(&["search", "   "], "empty query");
    refused(&["search", "--", "-inquiry"], "only exclusions");
    refused(&["search", "inquiry", "--since", "99999"], "invalid date");
    refused(
        &["search", "inquiry", "--until", "2019-02-30"],
        "invalid date",
    );
    refused(&["search", "inquiry", "--since=-1"], "invalid date");

    // Odd but harmless: a result or a message, never a panic.
    let odd = [
        "-",
        "--",
        "+",
        "\"\"",
        "()",
        "*",
        "inquiry^",
        "inquiry~",
        "[",
        "{",
        "a:b:c",
        "title:",
        "speaker:\"\"",
        "inquiry -",
        "\\",
        "\u{1b}[2J",
        "\u{7}",
        "ban OR",
        "OR",
        "AND ban",
        "title:[a TO z]",
        "helen -(marsh)",
        "\u{202e}inquiry",
        "inquiry^1e308",
        "\"a\"~99999999",
    ];
    for q in odd {
        let out = clipdex(index.path())
            .args(["search", "--json", "--", q])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{q:?}: {err}");
        match out.status.code() {
            Some(0 | 1) => {
                json_lines(&out.stdout);
            }
            Some(2) => {
                assert!(err.starts_with("clipdex: error: "), "{q:?}: {err}");
                assert_eq!(err.lines().count(), 1, "{q:?}: {err}");
                assert!(raw_controls(err.as_bytes()).is_empty(), "{q:?}: {err:?}");
            }
            other => panic!("{q:?}: exit {other:?}: {err}"),
        }
    }

    // A 10,000-word query (the first word matches one page; the rest match nothing).
    let mut long = word(200);
    for i in 0..9_999 {
        long.push(' ');
        long.push_str(&format!("w{i}"));
    }
    let out = clipdex(index.path())
        .args(["search", "--json", &long])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let or_query = long.replace(' ', " OR ");
    let out = clipdex(index.path())
        .args(["search", "--json", &or_query[..or_query.len().min(120_000)]])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out.stdout).len(), 1);

    // Absurd but valid dates: nothing found, exit 1.
    for (flag, date) in [
        ("--since", "9999"),
        ("--until", "0001"),
        ("--since", "9999-12"),
        ("--until", "1000-01-01"),
    ] {
        let out = clipdex(index.path())
            .args(["search", "inquiry", flag, date])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{flag} {date}: {}",
            stderr(&out)
        );
    }
    // Limits: 0 (refused: it asks for nothing) and huge.
    for n in ["0", "18446744073709551615"] {
        for command in ["search", "speakers"] {
            let out = clipdex(index.path())
                .args([command, "inquiry", "-n", n])
                .output()
                .unwrap();
            let expect = if n == "0" { 2 } else { 0 };
            assert_eq!(
                out.status.code(),
                Some(expect),
                "{command} -n {n}: {}",
                stderr(&out)
            );
        }
    }
}

/// Writes, at `path`, an index such as another clipdex would: `schema_change` adds a field,
/// `payload` is the commit payload (None: no payload, as before clipdex recorded one).
fn foreign_index(path: &Path, schema_change: bool, payload: Option<&str>) {
    use tantivy::schema::{Schema, STORED, STRING, TEXT};
    let schema = if schema_change {
        let mut b = Schema::builder();
        b.add_text_field("text", TEXT | STORED);
        b.add_text_field("kind", STRING);
        b.build()
    } else {
        clipdex::index::schema().0
    };
    let text = schema.get_field("text").unwrap();
    let index = tantivy::Index::create_in_dir(path, schema).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    writer
        .add_document(tantivy::doc!(text => "an old passage about the inquiry"))
        .unwrap();
    let mut prepared = writer.prepare_commit().unwrap();
    if let Some(p) = payload {
        prepared.set_payload(p);
    }
    prepared.commit().unwrap();
}

#[test]
fn an_index_from_another_clipdex_is_reported_then_rebuilt() {
    let current = format!("{{\"format\":{}}}", clipdex::index::INDEX_FORMAT);
    let older = "{\"format\":0}".to_owned();
    let cases: [(bool, Option<&str>); 4] = [
        (true, Some(&older)),              // schema and format changed
        (true, Some(&current)),            // schema changed, format not bumped
        (false, Some("{\"format\":999}")), // written by a newer clipdex
        (false, None),                     // before the format was recorded
    ];
    let dir = TempDir::new().unwrap();
    write(dir.path(), "page.html", article("zqschema", 1));
    for (schema_change, payload) in cases {
        let index = TempDir::new().unwrap();
        foreign_index(index.path(), schema_change, payload);
        let out = clipdex(index.path())
            .args(["search", "inquiry"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{schema_change} {payload:?}: {err}"
        );
        assert!(err.contains("written by a different clipdex"), "{err}");
        assert!(err.contains("clipdex index --rebuild"), "{err}");
        assert!(out.stdout.is_empty());

        let out = clipdex(index.path())
            .arg("index")
            .arg(dir.path())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("rebuilding it"), "{err}");
        let hits = search_json(index.path(), "zqschema", 10);
        assert_eq!(hits.len(), 1);
        assert!(search_json(index.path(), "\"old passage\"", 10).is_empty());
    }

    // The format is recorded with every commit.
    let index = TempDir::new().unwrap();
    clipdex(index.path())
        .arg("index")
        .arg(dir.path())
        .assert()
        .success();
    let metas = tantivy::Index::open_in_dir(index.path())
        .unwrap()
        .load_metas()
        .unwrap();
    assert_eq!(metas.payload.as_deref(), Some(current.as_str()));

    // A damaged meta.json: a message, not a panic; `index` starts afresh.
    std::fs::write(index.path().join("meta.json"), b"{\"segments\": [garbage").unwrap();
    let out = clipdex(index.path())
        .args(["search", "zqschema"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
    let out = clipdex(index.path())
        .arg("index")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(search_json(index.path(), "zqschema", 10).len(), 1);
}
