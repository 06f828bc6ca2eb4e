//! The `clipdex` binary end to end on the bundled corpus: indexing, incremental re-indexing,
//! searching with filters, JSON output, errors and exit codes.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn clipdex(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("clipdex").unwrap();
    cmd.env("CLIPDEX_INDEX", index).env("NO_COLOR", "1");
    cmd
}

/// One index of the bundled corpus, shared by the read-only tests.
fn corpus_index() -> &'static Path {
    static INDEX: OnceLock<TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = TempDir::new().unwrap();
            clipdex(dir.path())
                .arg("index")
                .arg(corpus())
                .assert()
                .success();
            dir
        })
        .path()
}

fn search_json(args: &[&str]) -> Vec<Value> {
    let out = clipdex(corpus_index())
        .arg("search")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "search {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn stderr_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn phrase_query_finds_the_passage_first() {
    let hits = search_json(&["\"saying out loud what it has been saying privately\""]);
    assert!(!hits.is_empty());
    let top = &hits[0];
    assert!(
        top["path"]
            .as_str()
            .unwrap()
            .ends_with("capitol-ledger/2017-05-11-intelligence-chiefs-kaspersky.html"),
        "{top}"
    );
    assert!(top["text"]
        .as_str()
        .unwrap()
        .contains("saying out loud what it has been saying privately"));
    assert_eq!(top["speakers"][0], "Gregory Thane");
}

#[test]
fn phrase_needs_the_words_in_order() {
    let phrase = search_json(&["\"active countermeasures\""]);
    assert!(!phrase.is_empty());
    for hit in &phrase {
        let text = hit["text"].as_str().unwrap().to_lowercase();
        let title = hit["title"].as_str().unwrap_or_default().to_lowercase();
        assert!(
            text.contains("active countermeasures") || title.contains("active countermeasures"),
            "{hit}"
        );
    }
    let words = search_json(&["active countermeasures", "-n", "100"]);
    assert!(words.len() >= phrase.len());
}

#[test]
fn json_hits_have_the_documented_schema() {
    let hits = search_json(&["kaspersky", "-n", "5"]);
    assert_eq!(hits.len(), 5);
    for (i, hit) in hits.iter().enumerate() {
        assert_eq!(hit["rank"], i + 1);
        assert!(hit["score"].is_f64());
        assert!(hit["path"].is_string());
        for key in ["url", "title", "site", "date"] {
            assert!(hit[key].is_string() || hit[key].is_null(), "{key}: {hit}");
        }
        assert!(hit["authors"].is_array());
        assert!(hit["passage"].is_u64());
        assert!(hit["text"].is_string());
        assert!(hit["snippet"].is_string());
        assert!(hit["highlights"].is_array());
        assert!(hit["speakers"].is_array());
        for quote in hit["quotes"].as_array().unwrap() {
            assert!(quote["text"].is_string());
            assert!(quote["speaker"].is_string() || quote["speaker"].is_null());
        }
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked by score: {scores:?}"
    );
}

#[test]
fn highlights_point_at_query_words() {
    let hits = search_json(&["directive", "-n", "3"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        let highlights = hit["highlights"].as_array().unwrap();
        assert!(!highlights.is_empty(), "{hit}");
        for range in highlights {
            let (start, end) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            let word: String = snippet[start..end].iter().collect();
            assert!(word.to_lowercase().starts_with("directive"), "{word}");
        }
    }
}

#[test]
fn speaker_filter_narrows() {
    let all = search_json(&["kaspersky", "-n", "500"]);
    let thane = search_json(&["kaspersky", "--speaker", "gregory thane", "-n", "500"]);
    assert!(!thane.is_empty());
    assert!(thane.len() < all.len());
    for hit in &thane {
        let speakers: Vec<&str> = hit["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(speakers.contains(&"Gregory Thane"), "{hit}");
    }
    // The same filter written in the query.
    let in_query = search_json(&["kaspersky speaker:\"gregory thane\"", "-n", "500"]);
    assert_eq!(in_query.len(), thane.len());
}

#[test]
fn date_filters_narrow() {
    let all = search_json(&["kaspersky", "-n", "1000"]);
    let in_2017 = search_json(&[
        "kaspersky",
        "--since",
        "2017",
        "--until",
        "2017",
        "-n",
        "1000",
    ]);
    let july = search_json(&[
        "kaspersky",
        "--since",
        "2017-07",
        "--until",
        "2017-07-31",
        "-n",
        "1000",
    ]);
    assert!(!july.is_empty());
    assert!(july.len() < in_2017.len() && in_2017.len() < all.len());
    for hit in &in_2017 {
        assert!(hit["date"].as_str().unwrap().starts_with("2017-"), "{hit}");
    }
    for hit in &july {
        assert!(
            hit["date"].as_str().unwrap().starts_with("2017-07-"),
            "{hit}"
        );
    }
    let later = search_json(&["kaspersky", "--since", "2022-01-01", "-n", "1000"]);
    assert!(!later.is_empty());
    for hit in &later {
        assert!(hit["date"].as_str().unwrap() >= "2022", "{hit}");
    }
}

#[test]
fn site_filter_narrows() {
    let hits = search_json(&["kaspersky", "--site", "capitol ledger", "-n", "1000"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert_eq!(hit["site"], "The Capitol Ledger");
    }
    // a domain as the browser shows it, "www." and all
    let by_domain = search_json(&["kaspersky", "--site", "capitolledger.example", "-n", "1000"]);
    assert_eq!(by_domain, hits);
    let with_www = search_json(&[
        "kaspersky",
        "--site",
        "WWW.capitolledger.example",
        "-n",
        "1000",
    ]);
    assert_eq!(with_www, hits);
    let by_query = search_json(&["kaspersky site:bytefront", "-n", "1000"]);
    assert!(!by_query.is_empty());
    assert!(by_query.iter().all(|h| h["site"] == "Bytefront"));
}

#[test]
fn exclusion_and_or() {
    let either = search_json(&["bestbuy OR directive", "-n", "1000"]);
    let directive = search_json(&["directive", "-n", "1000"]);
    assert!(either.len() >= directive.len());
    let without = search_json(&["directive -agencies", "-n", "1000"]);
    assert!(without.len() < directive.len());
    for hit in &without {
        assert!(!hit["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("agencies"));
    }
}

/// A query's words given as several arguments are one query, and one starting with `-` goes
/// after `--`, options before it (README's example).
#[test]
fn query_words_as_several_arguments() {
    let quoted = search_json(&["directive agencies", "-n", "1000"]);
    assert!(!quoted.is_empty());
    assert_eq!(
        search_json(&["-n", "1000", "directive", "agencies"]),
        quoted
    );
    let out = clipdex(corpus_index())
        .args([
            "search",
            "--json",
            "-n",
            "1000",
            "--",
            "-agencies",
            "directive",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let excluded: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        excluded,
        search_json(&["directive -agencies", "-n", "1000"])
    );
    let out = clipdex(corpus_index())
        .args(["speakers", "--json", "directive", "agencies"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Options that would ask for nothing are refused with what to change, exit 2.
#[test]
fn empty_ranges_and_zero_counts_are_refused() {
    for (args, says) in [
        (vec!["search", "ban", "-n", "0"], "at least 1"),
        (vec!["speakers", "-n", "0"], "at least 1"),
        (
            vec!["search", "ban", "--since", "2020", "--until", "2019"],
            "--since 2020 is after --until 2019",
        ),
        (
            vec!["timeline", "--since", "2018-03", "--until", "2018-02-28"],
            "--since 2018-03 is after --until 2018-02-28",
        ),
    ] {
        let out = clipdex(corpus_index()).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // a range of one year, given as that year twice, is no empty range
    assert!(!search_json(&["ban", "--since", "2017", "--until", "2017"]).is_empty());
}

#[test]
fn no_results_exit_1_and_bad_query_exit_2() {
    clipdex(corpus_index())
        .args(["search", "xyzzyplugh"])
        .assert()
        .code(1)
        .stdout("");
    for bad in [
        "\"unclosed phrase",
        "(ban",
        "nosuchfield:x",
        "-onlyexcluded",
        // fields of the schema that are not query fields, reached after a phrase
        "\"\" \"\"kind:article",
        "\"\" \"\"article_id:x",
        // exclusions alone once the analyzer drops the only word
        "!!! -kaspersky",
    ] {
        let out = clipdex(corpus_index())
            .args(["search", "--", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty(), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("clipdex: error:"), "{bad}: {err}");
    }
    let out = clipdex(corpus_index())
        .args(["search", "kaspersky", "--since", "99999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected YYYY"));
}

/// A folder that does not exist, a file, an empty folder: each told as such, the reason once.
#[test]
fn index_of_a_missing_or_empty_folder_says_so() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let run = |dir: &Path, code: i32| {
        let out = clipdex(&index).arg("index").arg(dir).output().unwrap();
        assert_eq!(out.status.code(), Some(code));
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let err = run(&tmp.path().join("missing"), 2);
    assert!(err.contains("missing: No such file or directory"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    let file = tmp.path().join("page.html");
    std::fs::write(&file, "<p>x</p>").unwrap();
    let err = run(&file, 2);
    assert!(err.contains("page.html is not a folder"), "{err}");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.txt"), "not a page").unwrap();
    let err = run(&empty, 0);
    assert!(err.contains("empty: no pages found"), "{err}");
    assert!(err.contains("*.html, *.htm"), "{err}");
}

#[test]
fn searching_before_indexing_says_how_to_index() {
    let empty = TempDir::new().unwrap();
    let out = clipdex(&empty.path().join("index"))
        .current_dir(empty.path())
        .args(["search", "kaspersky"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("clipdex index"));
}

#[test]
fn first_search_indexes_the_bundled_corpus() {
    let work = TempDir::new().unwrap();
    copy_dir(&corpus().join("northwire"), &work.path().join("corpus"));
    let index = work.path().join("index");
    let out = clipdex(&index)
        .current_dir(work.path())
        .args(["search", "kaspersky", "--json", "-n", "1"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("indexing the bundled corpus/"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn incremental_reindex_counts_and_deletions() {
    let work = TempDir::new().unwrap();
    let pages = work.path().join("pages");
    copy_dir(&corpus().join("capitol-ledger"), &pages);
    copy_dir(&corpus().join("bytefront"), &pages.join("bytefront"));
    let index = work.path().join("index");
    let total = walkdir::WalkDir::new(&pages)
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();

    let first = stderr_of(clipdex(&index).arg("index").arg(&pages));
    assert!(
        first.contains(&format!(
            "{total} added, 0 updated, 0 removed, 0 unchanged, 0 failed"
        )),
        "{first}"
    );

    let again = stderr_of(clipdex(&index).arg("index").arg(&pages));
    assert!(
        again.contains(&format!(
            "0 added, 0 updated, 0 removed, {total} unchanged, 0 failed"
        )),
        "{again}"
    );

    // Change one page, delete one, add one (a copy under a new name).
    let changed = pages.join("2017-12-12-kaspersky-ban-defense-bill.html");
    let html = std::fs::read_to_string(&changed).unwrap();
    let first_sentence = "Software made by Kaspersky Lab is now banned";
    assert!(html.contains(first_sentence));
    let html = html.replacen(
        first_sentence,
        &format!("Zanzibarian quokkas were also mentioned in the bill. {first_sentence}"),
        1,
    );
    std::fs::write(&changed, html).unwrap();
    let deleted = pages.join("2017-05-11-intelligence-chiefs-kaspersky.html");
    std::fs::remove_file(&deleted).unwrap();
    std::fs::copy(
        pages.join("2017-07-11-gsa-kaspersky-vendor-lists.html"),
        pages.join("copy-of-gsa.html"),
    )
    .unwrap();
    // Touch without changing content: not re-extracted, counted unchanged.
    let touched = pages.join("2017-07-11-gsa-kaspersky-vendor-lists.html");
    let content = std::fs::read(&touched).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&touched, content).unwrap();

    let third = stderr_of(clipdex(&index).arg("index").arg(&pages));
    assert!(
        third.contains(&format!(
            "1 added, 1 updated, 1 removed, {} unchanged, 0 failed",
            total - 2
        )),
        "{third}"
    );

    let search = |query: &str| {
        clipdex(&index)
            .args(["search", query, "--json", "-n", "100"])
            .output()
            .unwrap()
    };
    let gone = search("\"saying out loud what it has been saying privately\"");
    assert_eq!(
        gone.status.code(),
        Some(1),
        "deleted file's passages are gone"
    );
    let new_text = search("zanzibarian quokkas");
    assert_eq!(new_text.status.code(), Some(0), "changed file re-extracted");
    let hits: Vec<Value> = String::from_utf8(new_text.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1, "no duplicate passages of the changed file");
}

#[test]
fn broken_pages_are_reported_and_the_rest_indexed() {
    let work = TempDir::new().unwrap();
    let pages = work.path().join("pages");
    copy_dir(&corpus().join("northwire"), &pages);
    std::fs::write(pages.join("empty.html"), b"").unwrap();
    let binary: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(pages.join("binary.html"), &binary).unwrap();
    std::fs::write(pages.join("fake.html.gz"), b"<p>not gzip at all</p>").unwrap();
    let good = walkdir::WalkDir::new(corpus().join("northwire"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();

    let index = work.path().join("index");
    let err = stderr_of(clipdex(&index).arg("index").arg(&pages));
    for (name, reason) in [
        ("empty.html", "empty file"),
        ("binary.html", "binary data"),
        ("fake.html.gz", "not gzip"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no warning for {name}: {err}"));
        assert!(
            line.starts_with("clipdex: warning:") && line.contains(reason),
            "{line}"
        );
    }
    assert!(
        err.contains(&format!(
            "{good} added, 0 updated, 0 removed, 0 unchanged, 3 failed"
        )),
        "{err}"
    );
}

#[test]
fn extract_json_has_the_documented_schema() {
    let page = corpus().join("capitol-ledger/2017-05-11-intelligence-chiefs-kaspersky.html");
    let out = Command::cargo_bin("clipdex")
        .unwrap()
        .arg("extract")
        .arg(&page)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let article = &lines[0];
    assert_eq!(
        article["title"],
        "Intelligence chiefs say they would not use Kaspersky software"
    );
    assert_eq!(article["site"], "The Capitol Ledger");
    assert_eq!(article["lang"], "en");
    assert!(article["date"].as_str().unwrap().starts_with("2017-05-11T"));
    assert_eq!(article["authors"][0], "Dana Whitfield");
    let passages = article["passages"].as_array().unwrap();
    assert!(passages.len() > 5);
    for (i, p) in passages.iter().enumerate() {
        assert_eq!(p["position"], i);
        assert!(p["text"].is_string());
        for q in p["quotes"].as_array().unwrap() {
            assert!(q["text"].is_string() && q.get("speaker").is_some() && q.get("cue").is_some());
        }
    }
}

#[test]
fn speakers_counts_quoted_people() {
    let out = clipdex(corpus_index())
        .args(["speakers", "--json", "-n", "200"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let thane = rows
        .iter()
        .find(|r| r["speaker"] == "Gregory Thane")
        .expect("Thane is quoted");
    let passages = thane["passages"].as_u64().unwrap();
    let hits = search_json(&["", "--speaker", "gregory thane", "-n", "1000"]);
    assert_eq!(passages as usize, hits.len());
    let counts: Vec<u64> = rows
        .iter()
        .map(|r| r["passages"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

fn run_ok(args: &[&str]) -> String {
    let out = clipdex(corpus_index()).args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn phrase_highlight_covers_only_the_phrase() {
    for hit in search_json(&["\"active countermeasures\"", "-n", "20"]) {
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        let marked: Vec<String> = hit["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                    .iter()
                    .collect()
            })
            .collect();
        if !marked.is_empty() {
            assert!(
                marked
                    .iter()
                    .all(|m| m.to_lowercase() == "active countermeasures"),
                "{marked:?}"
            );
        }
    }
}

#[test]
fn per_article_caps_passages_from_one_article() {
    let count_max = |hits: &[Value]| {
        let mut per: std::collections::HashMap<String, usize> = Default::default();
        for h in hits {
            *per.entry(h["article_id"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
        per.values().copied().max().unwrap_or(0)
    };
    let default = search_json(&["kaspersky", "-n", "60"]);
    assert_eq!(default.len(), 60);
    assert!(count_max(&default) <= 3);
    let one = search_json(&["kaspersky", "-n", "30", "--per-article", "1"]);
    assert_eq!(count_max(&one), 1);
    let unlimited = search_json(&["kaspersky", "-n", "60", "--per-article", "0"]);
    assert!(count_max(&unlimited) > 3);
}

#[test]
fn text_output_groups_an_articles_passages() {
    let text = run_ok(&["search", "kaspersky", "-n", "10", "--per-article", "3"]);
    let headers = text
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count();
    let passages = text
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .count();
    assert_eq!(passages, 10, "{text}");
    assert!(
        headers < passages,
        "passages of one article share a header:\n{text}"
    );
}

#[test]
fn sort_by_date_and_paging() {
    let oldest = search_json(&[
        "kaspersky",
        "--sort",
        "date",
        "-n",
        "50",
        "--per-article",
        "0",
    ]);
    let dates: Vec<&str> = oldest.iter().map(|h| h["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| d[..10].to_owned());
    assert_eq!(
        dates.iter().map(|d| &d[..10]).collect::<Vec<_>>(),
        sorted.iter().map(|d| &d[..10]).collect::<Vec<_>>()
    );
    assert!(oldest.iter().all(|h| h["score"].is_null()));
    let newest = search_json(&["kaspersky", "--sort=-date", "-n", "5"]);
    assert!(newest[0]["date"].as_str().unwrap() >= oldest[0]["date"].as_str().unwrap());

    let first = search_json(&["kaspersky", "-n", "10"]);
    let second = search_json(&["kaspersky", "-n", "5", "--offset", "5"]);
    assert_eq!(second.len(), 5);
    for (a, b) in first[5..].iter().zip(&second) {
        assert_eq!(a["path"], b["path"]);
        assert_eq!(a["passage"], b["passage"]);
        assert_eq!(a["rank"], b["rank"]);
    }
}

#[test]
fn fields_selects_json_keys_in_schema_order() {
    let out = run_ok(&[
        "search",
        "kaspersky",
        "--json",
        "--fields",
        "title,date,rank",
        "-n",
        "2",
    ]);
    for line in out.lines() {
        let keys: Vec<String> = serde_json::from_str::<serde_json::Map<String, Value>>(line)
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, vec!["rank", "title", "date"]);
    }
    let bad = clipdex(corpus_index())
        .args(["search", "kaspersky", "--json", "--fields", "nope"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown field 'nope'"));
}

#[test]
fn csv_output_has_a_header_and_one_row_per_hit() {
    let out = run_ok(&["search", "directive", "--format", "csv", "-n", "4"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "rank");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows
        .iter()
        .all(|r| r[11].to_lowercase().contains("directive")));
}

#[test]
fn fuzzy_matches_misspelled_names() {
    let exact = clipdex(corpus_index())
        .args(["search", "kaspresky"])
        .output()
        .unwrap();
    assert_eq!(exact.status.code(), Some(1));
    let fuzzy = search_json(&["kaspresky", "--fuzzy", "-n", "3"]);
    assert_eq!(fuzzy.len(), 3);
    for hit in &fuzzy {
        assert!(!hit["highlights"].as_array().unwrap().is_empty(), "{hit}");
    }
}

#[test]
fn timeline_counts_match_search() {
    let out = run_ok(&["timeline", "directive", "--json"]);
    let periods: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let total: u64 = periods
        .iter()
        .map(|p| p["passages"].as_u64().unwrap())
        .sum();
    let hits = search_json(&["directive", "-n", "1000", "--per-article", "0"]);
    assert_eq!(total as usize, hits.len());
    let months: Vec<&str> = periods
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert!(months.windows(2).all(|w| w[0] < w[1]));
    for hit in &hits {
        let month = &hit["date"].as_str().unwrap()[..7];
        assert!(periods
            .iter()
            .any(|p| p["period"] == month && p["passages"].as_u64().unwrap() > 0));
    }
    let years = run_ok(&["timeline", "--by", "year"]);
    assert!(years.lines().next().unwrap().starts_with("2017"), "{years}");
    assert!(years.contains('█'));
    // the text chart: one line a month, no "1 passages", no spaces at a line's end
    let text = run_ok(&["timeline", "directive"]);
    assert_eq!(text.lines().count(), periods.len());
    for (line, period) in text.lines().zip(&periods) {
        assert!(!line.ends_with(' '), "{line:?}");
        let n = period["passages"].as_u64().unwrap();
        let unit = if n == 1 { "passage " } else { "passages" };
        assert!(line.contains(&format!(" {n} {unit} ")), "{line:?}");
    }
}

#[test]
fn show_prints_an_article_by_id_or_path() {
    let hit = &search_json(&[
        "\"saying out loud what it has been saying privately\"",
        "-n",
        "1",
    ])[0];
    let id = hit["article_id"].as_str().unwrap();
    let by_id: Value = serde_json::from_str(&run_ok(&["show", id, "--json"])).unwrap();
    let path = hit["path"].as_str().unwrap();
    let by_path: Value = serde_json::from_str(&run_ok(&["show", path, "--json"])).unwrap();
    assert_eq!(by_id, by_path);
    assert_eq!(by_id["title"], hit["title"]);
    let passages = by_id["passages"].as_array().unwrap();
    assert!(passages.len() > 5);
    for (i, p) in passages.iter().enumerate() {
        assert_eq!(p["position"], i);
    }
    assert_eq!(
        passages[hit["passage"].as_u64().unwrap() as usize]["text"],
        hit["text"]
    );
    let text = run_ok(&["show", id]);
    assert!(text.contains("Gregory Thane"));
    let missing = clipdex(corpus_index())
        .args(["show", "nosuchid"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn completions_and_man_page_come_from_the_cli() {
    let bash = Command::cargo_bin("clipdex")
        .unwrap()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let bash = String::from_utf8(bash.stdout).unwrap();
    assert!(bash.contains("--per-article") && bash.contains("timeline"));
    let man = Command::cargo_bin("clipdex")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    let man = String::from_utf8(man.stdout).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH clipdex"),
        "{}",
        &man[..200.min(man.len())]
    );
    // every page the main page names is written with it
    let dir = TempDir::new().unwrap();
    Command::cargo_bin("clipdex")
        .unwrap()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    for page in [
        "clipdex.1",
        "clipdex-index.1",
        "clipdex-search.1",
        "clipdex-speakers.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
    }
    assert!(
        man.contains("clipdex\\-search(1)"),
        "the main page names the search page"
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("clipdex"))
        .args([
            "search",
            "kaspersky",
            "-n",
            "500",
            "--per-article",
            "0",
            "--format",
            "csv",
        ])
        .env("CLIPDEX_INDEX", corpus_index())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.is_empty(), "{err}");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn index_summary_on_stderr_and_quiet_silences_it() {
    let work = TempDir::new().unwrap();
    copy_dir(&corpus().join("northwire"), &work.path().join("pages"));
    let index = work.path().join("index");
    let err = stderr_of(clipdex(&index).arg("index").arg(work.path().join("pages")));
    // Not a terminal: no progress bar drawn, one summary line.
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("clipdex: indexed ") && !err.contains('\u{1b}'),
        "{err:?}"
    );
    let quiet = stderr_of(
        clipdex(&index)
            .args(["index", "--quiet"])
            .arg(work.path().join("pages")),
    );
    assert_eq!(quiet, "");
}

/// The words of a shell command line: split at spaces, with '…' and "…" quoting (enough for
/// README's examples).
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => (quote, started) = (Some(c), true),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            (_, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// README's examples are what `clipdex` prints on the bundled corpus: each block that starts
/// with `$ clipdex …` (but `show`, whose article id is the file's absolute path's) holds the
/// command's whole output.
#[test]
fn readme_examples_are_the_output_on_the_corpus() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```\n").skip(1).step_by(2) {
        let Some(command) = block.strip_prefix("$ clipdex ") else {
            continue;
        };
        let (line, expected) = command.split_once('\n').unwrap();
        let args = shell_words(line);
        if args[0] == "show" {
            continue;
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(
            run_ok(&args).trim_end(),
            expected.trim_end(),
            "README: clipdex {line}"
        );
        checked += 1;
    }
    assert!(checked >= 4, "{checked} README examples found");
}
