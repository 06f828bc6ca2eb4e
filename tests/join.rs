//! Title, site and author are indexed once per article and joined to its passages at search time
//! (`clipdex::join`). These tests check the join against the stored passages themselves, on an
//! index of the corpus built in many small commits (so segments are merged), then updated: pages
//! changed (their documents deleted and added again), touched (their file records replaced) and
//! removed.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use clipdex::index::{index_folder, IndexOptions, Store};
use clipdex::search::{Engine, Filters, Request, StoredArticle};
use tantivy::tokenizer::TextAnalyzer;

fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(pages(&path));
        } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn copy_pages(from: &Path, to: &Path) -> Vec<PathBuf> {
    pages(from)
        .into_iter()
        .map(|page| {
            let copy = to.join(page.strip_prefix(from).unwrap());
            std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
            std::fs::copy(&page, &copy).unwrap();
            copy
        })
        .collect()
}

fn index(root: &Path, index_dir: &Path) {
    let (store, _) = Store::open_or_create(index_dir, false).unwrap();
    let options = IndexOptions {
        threads: 2,
        commit_every: 4,
        ..IndexOptions::default()
    };
    index_folder(&store, root, &options, &|_| {}).unwrap();
}

/// Each passage, as (path, position), found with `query` and `filters`.
fn found(engine: &Engine, query: &str, filters: &Filters) -> BTreeSet<(String, u64)> {
    let mut request = Request::new(query, 100_000);
    request.per_article = None;
    request.filters = filters.clone();
    engine
        .search(&request)
        .unwrap()
        .into_iter()
        .map(|hit| {
            assert!(!hit.text.is_empty(), "{query}: a hit without text");
            (hit.article.path, hit.passage)
        })
        .collect()
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[test]
fn article_fields_find_exactly_the_passages_of_their_articles() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("pages");
    let index_dir = tmp.path().join("index");
    let copies = copy_pages(&corpus, &root);
    assert!(copies.len() >= 40, "{} pages", copies.len());
    index(&root, &index_dir);

    // Changed pages are re-extracted, touched ones keep their passages and get a new file
    // record, a removed one loses everything.
    for page in &copies[..3] {
        let mut html = std::fs::read(page).unwrap();
        html.extend_from_slice(b"\n<!-- saved again -->\n");
        std::fs::write(page, html).unwrap();
    }
    for page in &copies[3..6] {
        let html = std::fs::read(page).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        std::fs::write(page, html).unwrap();
    }
    std::fs::remove_file(&copies[6]).unwrap();
    index(&root, &index_dir);

    let store = Store::open(&index_dir).unwrap();
    let f = store.fields;
    let mut stemmed = store.index.tokenizer_for_field(f.title).unwrap();
    let mut words = store.index.tokenizer_for_field(f.site).unwrap();
    let engine = Engine::open(store).unwrap();

    let articles: Vec<StoredArticle> = copies[..6]
        .iter()
        .chain(&copies[7..])
        .filter_map(|page| engine.article(page.to_str().unwrap()).unwrap())
        .collect();
    assert!(articles.len() >= 40);
    assert!(engine
        .article(copies[6].to_str().unwrap())
        .unwrap()
        .is_none());
    let all: BTreeSet<(String, u64)> = articles
        .iter()
        .flat_map(|a| {
            a.passages
                .iter()
                .map(|p| (a.article.path.clone(), p.position))
        })
        .collect();
    assert_eq!(found(&engine, "*", &Filters::default()), all);

    // Every word of every title, site and author, against the passages whose article has it.
    type Values = fn(&StoredArticle) -> Vec<String>;
    let fields: [(&str, Values, bool); 3] = [
        ("title", |a| a.article.title.iter().cloned().collect(), true),
        ("site", |a| a.article.site.iter().cloned().collect(), false),
        ("author", |a| a.article.authors.clone(), false),
    ];
    let mut checked = 0;
    for (field, values, is_stemmed) in fields {
        let analyzer = if is_stemmed { &mut stemmed } else { &mut words };
        let mut expected: HashMap<String, BTreeSet<(String, u64)>> = HashMap::new();
        let mut queries = BTreeSet::new();
        for article in &articles {
            for value in values(article) {
                for token in tokens(analyzer, &value) {
                    expected.entry(token).or_default().extend(
                        article
                            .passages
                            .iter()
                            .map(|p| (article.article.path.clone(), p.position)),
                    );
                }
                for word in value.split(|c: char| !c.is_alphanumeric()) {
                    if word.chars().count() >= 3 && !word.chars().all(|c| c.is_numeric()) {
                        queries.insert(word.to_lowercase());
                    }
                }
            }
        }
        for word in &queries {
            let query_tokens = tokens(analyzer, word);
            let [token] = query_tokens.as_slice() else {
                continue;
            };
            let want = &expected[token];
            assert_eq!(
                &found(&engine, &format!("{field}:{word}"), &Filters::default()),
                want,
                "{field}:{word}"
            );
            if field == "site" {
                let filters = Filters {
                    site: Some(word.clone()),
                    ..Filters::default()
                };
                assert_eq!(&found(&engine, "", &filters), want, "--site {word}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 100, "only {checked} words checked");

    // A word of a title alone finds the passages of that article, and excluding it leaves
    // passages only.
    let title = articles[10].article.title.clone().unwrap();
    let word = title
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.len())
        .unwrap()
        .to_lowercase();
    let with_word = found(&engine, &word, &Filters::default());
    assert!(with_word
        .iter()
        .any(|(path, _)| *path == articles[10].article.path));
    let without = found(&engine, &format!("* -{word}"), &Filters::default());
    assert!(without.is_disjoint(&with_word));
    assert_eq!(without.len() + with_word.len(), all.len());
}
