//! Criterion micro-benchmarks of the pipeline's stages on generated pages and on the bundled
//! corpus: decode + parse, extraction (metadata and body), passages, quotes, index write.
//!
//! Run: `cargo bench -p clipdex-bench --bench stages` (add `-- --quick` for a short run).

use std::hint::black_box;

use clipdex::index::{passage_docs, schema};
use clipdex::page::Page;
use clipdex_bench::gen::World;
use clipdex_bench::stages;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Twenty generated pages (seed 42), as bytes.
fn generated() -> Vec<Vec<u8>> {
    let world = World::new(42);
    (0..20).map(|n| world.page(n).html.into_bytes()).collect()
}

/// The bundled corpus, when the benchmark runs from the repository.
fn bundled() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    stages::load_dir(&dir).into_iter().map(|(_, b)| b).collect()
}

fn bench_set(c: &mut Criterion, name: &str, pages: &[Vec<u8>]) {
    if pages.is_empty() {
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);

    group.bench_function("decode+parse", |b| {
        b.iter(|| {
            for page in pages {
                black_box(stages::decode_parse(page));
            }
        })
    });
    let docs: Vec<_> = pages.iter().map(|p| stages::decode_parse(p)).collect();
    group.bench_function("extraction", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(stages::extraction(doc));
            }
        })
    });
    let articles: Vec<_> = docs.iter().map(stages::extraction).collect();
    drop(docs);
    group.bench_function("passages", |b| {
        b.iter(|| {
            for article in &articles {
                black_box(stages::passages(article));
            }
        })
    });
    let split: Vec<_> = articles.iter().map(stages::passages).collect();
    group.bench_function("quotes", |b| {
        b.iter(|| {
            for (article, passages) in articles.iter().zip(&split) {
                black_box(stages::quotes(article, passages));
            }
        })
    });
    let processed: Vec<Page> = pages
        .iter()
        .map(|p| clipdex::page::process_bytes(p).expect("page"))
        .collect();
    group.bench_function("index write", |b| {
        let (schema, fields) = schema();
        b.iter(|| {
            // A fresh in-memory index each time: documents, then a commit.
            let index = tantivy::Index::create_in_ram(schema.clone());
            let mut writer: tantivy::IndexWriter =
                index.writer_with_num_threads(1, 32 << 20).expect("writer");
            for (i, page) in processed.iter().enumerate() {
                let key = format!("/bench/{i}.html");
                for doc in passage_docs(&fields, &key, page) {
                    writer.add_document(doc).expect("add");
                }
            }
            writer.commit().expect("commit");
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_set(c, "generated", &generated());
    bench_set(c, "corpus", &bundled());
}

criterion_group!(stage_benches, benches);
criterion_main!(stage_benches);
