//! Writes N generated saved news pages into a folder, deterministically.
//!
//! Usage: `gencorpus OUT_DIR N [--seed S]` (seed 42 by default). Pages go to
//! `OUT_DIR/<domain>/<year>/<month>/<slug>.html`; running it twice gives the same bytes.

use std::path::PathBuf;

use clipdex_bench::gen::World;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 42u64;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).expect("--seed N"),
            _ => positional.push(arg),
        }
    }
    let [out, n] = positional.as_slice() else {
        eprintln!("usage: gencorpus OUT_DIR N [--seed S]");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    let n: u64 = n.parse().expect("N is a number");
    let world = World::new(seed);
    let mut bytes = 0u64;
    let mut sizes = Vec::with_capacity(n as usize);
    for i in 0..n {
        let page = world.page(i);
        let path = out.join(&page.rel_path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        std::fs::write(&path, &page.html).expect("write page");
        bytes += page.html.len() as u64;
        sizes.push(page.html.len());
    }
    sizes.sort_unstable();
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
    eprintln!(
        "gencorpus: {n} pages, {:.1} MB, median {:.0} KB, seed {seed}, in {}",
        bytes as f64 / 1e6,
        median as f64 / 1e3,
        out.display()
    );
}
