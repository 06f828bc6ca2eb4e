//! How the time of a page grows with its size, on the shapes hostile or freak pages take: tens of
//! thousands of paragraphs, organisations or speakers, or one enormous paragraph. Each shape is
//! timed at doubling sizes; the growth exponent (log2 of the time ratio of a doubling, the mean
//! over the last two) is about 1 for linear work, 1.1–1.4 as the data outgrow the caches, and 2
//! for quadratic work. A page may be up to 64 MiB: work quadratic
//! in its size turns one such page into hours of indexing.
//!
//! Usage: `scaling [--from N] [--steps K] [--reps R] [SHAPE...]` (default: every shape, from
//! 5,000 units doubling 3 times, best of 3 runs). The quote shapes run `quotes::find_quotes` on
//! generated paragraphs; the `html-*` shapes run a whole page through `clipdex::page`.

use std::time::Instant;

use clipdex_bench::gen::Rng;

/// What one shape makes for a size: paragraphs for the quotes, or a page.
enum Input {
    Paragraphs(&'static str, Vec<String>),
    Html(String),
}

struct Shape {
    name: &'static str,
    /// what the size counts
    unit: &'static str,
    make: fn(usize, &mut Rng) -> Input,
}

const FIRST: &[&str] = &[
    "Anna", "John", "Maria", "Peter", "Olga", "Ivan", "Sara", "Tom",
];

/// A made-up capitalised word of three syllables (729,000 of them).
fn word(rng: &mut Rng) -> String {
    const CONSONANTS: &[u8] = b"bcdfghjklmnprstvwz";
    const VOWELS: &[u8] = b"aeiou";
    let mut w: Vec<u8> = (0..3)
        .flat_map(|_| [*rng.pick(CONSONANTS), *rng.pick(VOWELS)])
        .collect();
    w[0] = w[0].to_ascii_uppercase();
    String::from_utf8(w).expect("ASCII")
}

fn paragraphs(n: usize, rng: &mut Rng, para: impl Fn(usize, &mut Rng) -> String) -> Vec<String> {
    (0..n).map(|i| para(i, rng)).collect()
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "new-organisations",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    let org = word(rng);
                    format!("{org} Corp said on Tuesday that {org} would “review the decision”, the company said.")
                }),
            )
        },
    },
    Shape {
        name: "new-people",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    let (first, last) = (rng.pick_str(FIRST), word(rng));
                    format!("“We will appeal,” said {first} {last}, a lawyer. {last} added that “nothing has changed”.")
                }),
            )
        },
    },
    Shape {
        name: "no-antecedent",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |i, _| match i % 4 {
                    0 => "“We disagree with the ruling,” they said.".to_string(),
                    1 => "The company said it would appeal the decision.".to_string(),
                    2 => "“That is not what happened,” it said in a statement.".to_string(),
                    _ => "The spokeswoman told reporters that “nothing has changed”.".to_string(),
                }),
            )
        },
    },
    Shape {
        name: "acronyms",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    let (a, b) = (word(rng), word(rng));
                    let acr: String = [&a, &b, "Agency"]
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect();
                    format!("The {a} {b} Agency ({acr}) said on Monday that “the review is over”, {acr} said. {b} Agency officials declined to comment.")
                }),
            )
        },
    },
    Shape {
        name: "shared-surname",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    format!("{} Smith met officials on Tuesday. “We will review the decision,” Smith said.", word(rng))
                }),
            )
        },
    },
    Shape {
        name: "person-or-organisation",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    let w = word(rng);
                    format!("John {w} met {w} Corp officials on Tuesday. “We will review the decision,” {w} said.")
                }),
            )
        },
    },
    Shape {
        name: "media-names",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    format!("The {} Tribune reported on Tuesday. “We stand by the story,” the Tribune said.", word(rng))
                }),
            )
        },
    },
    Shape {
        name: "role-no-person",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |i, rng| match i % 2 {
                    0 => format!("“The case is open,” said John {}.", word(rng)),
                    _ => "“No comment,” the spokesman said.".to_string(),
                }),
            )
        },
    },
    Shape {
        name: "he-among-women",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |i, rng| match i % 3 {
                    0 => format!("“The case is open,” said Ms. Jane {}.", word(rng)),
                    1 => "“It is open again,” she said.".to_string(),
                    _ => "“Nothing more,” he said.".to_string(),
                }),
            )
        },
    },
    Shape {
        name: "open-quotes",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |i, rng| {
                    if i % 50 == 0 {
                        format!("{} {} said:", rng.pick_str(FIRST), word(rng))
                    } else {
                        "“We were never told what the review would find, and nobody asked us"
                            .to_string()
                    }
                }),
            )
        },
    },
    Shape {
        name: "transcript",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "en",
                paragraphs(n, rng, |_, rng| {
                    format!(
                        "{}: We will look at it again next week.",
                        word(rng).to_uppercase()
                    )
                }),
            )
        },
    },
    Shape {
        name: "german-people",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "de",
                paragraphs(n, rng, |_, rng| {
                    let (first, last) = (rng.pick_str(FIRST), word(rng));
                    format!("„Wir werden Berufung einlegen“, sagte {first} {last}. Er fügte hinzu, es habe sich nichts geändert.")
                }),
            )
        },
    },
    Shape {
        name: "russian-people",
        unit: "paragraphs",
        make: |n, rng| {
            Input::Paragraphs(
                "ru",
                paragraphs(n, rng, |_, rng| {
                    let last = word(rng);
                    format!("«Мы будем обжаловать решение», — сказал {last}. По словам {last}, ничего не изменилось.")
                }),
            )
        },
    },
    Shape {
        name: "one-paragraph-quotes",
        unit: "quotes in one paragraph",
        make: |n, rng| {
            let p: String = (0..n)
                .map(|_| format!("“It is over,” said {} {}. ", rng.pick_str(FIRST), word(rng)))
                .collect();
            Input::Paragraphs("en", vec![p])
        },
    },
    Shape {
        name: "one-paragraph-roles",
        unit: "quotes in one paragraph",
        make: |n, rng| {
            let p: String = (0..n)
                .map(|i| match i % 2 {
                    0 => format!("“It is over,” said John {}. ", word(rng)),
                    _ => "“No comment,” the spokesman said. ".to_string(),
                })
                .collect();
            Input::Paragraphs("en", vec![p])
        },
    },
    Shape {
        name: "one-paragraph-apostrophes",
        unit: "apostrophes in one paragraph",
        make: |n, _| {
            let p: String = (0..n)
                .map(|i| {
                    [
                        "'Tis the season, ",
                        "'em all ",
                        "rock 'n' roll ",
                        "the '90s ",
                    ][i % 4]
                })
                .collect();
            Input::Paragraphs("en", vec![p])
        },
    },
    Shape {
        name: "html-paragraphs",
        unit: "paragraphs",
        make: |n, rng| {
            let body: String = (0..n)
                .map(|_| {
                    let (first, last, org) = (rng.pick_str(FIRST), word(rng), word(rng));
                    format!("<p>“We will appeal,” said {first} {last} of {org} Corp. The company declined to comment.</p>\n")
                })
                .collect();
            Input::Html(page(&body))
        },
    },
    Shape {
        name: "html-nested",
        unit: "nested elements",
        make: |n, _| {
            Input::Html(page(&format!(
                "{}<p>“It is over,” she said.</p>{}",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )))
        },
    },
    Shape {
        name: "html-tables",
        unit: "tables",
        make: |n, rng| {
            let body: String = (0..n)
                .map(|_| format!("<table><tr><td>{}</td><td>{}</td></tr></table><p>{} said the figures were wrong.</p>\n", word(rng), word(rng), word(rng)))
                .collect();
            Input::Html(page(&body))
        },
    },
    Shape {
        name: "html-links",
        unit: "paragraphs",
        make: |n, rng| {
            let body: String = (0..n)
                .map(|i| {
                    format!(
                        "<p>{} reported <a href=\"/story/{i}\">{} {}</a> on Friday.</p>\n",
                        word(rng),
                        word(rng),
                        word(rng)
                    )
                })
                .collect();
            Input::Html(page(&body))
        },
    },
];

/// A page around an article body.
fn page(body: &str) -> String {
    format!("<!doctype html><html lang=\"en\"><head><title>Scaling</title></head><body><article><h1>Scaling</h1>\n{body}</article></body></html>")
}

/// Seconds of one run of `input` through its stage (the output is dropped untimed).
fn run(input: &Input) -> f64 {
    match input {
        Input::Paragraphs(lang, paras) => {
            let texts: Vec<&str> = paras.iter().map(String::as_str).collect();
            let t = Instant::now();
            let found = std::hint::black_box(clipdex::quotes::find_quotes(&texts, Some(lang)));
            let s = t.elapsed().as_secs_f64();
            drop(found);
            s
        }
        Input::Html(html) => {
            let t = Instant::now();
            let page = std::hint::black_box(clipdex::page::process_html(html));
            let s = t.elapsed().as_secs_f64();
            drop(page);
            s
        }
    }
}

fn main() {
    let (mut from, mut steps, mut reps) = (5_000usize, 3u32, 3usize);
    let mut only = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut num = |what: &str| {
            args.next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| panic!("{what} N"))
        };
        match arg.as_str() {
            "--from" => from = num("--from"),
            "--steps" => steps = (num("--steps") as u32).max(1),
            "--reps" => reps = num("--reps"),
            _ => only.push(arg),
        }
    }
    if let Some(unknown) = only
        .iter()
        .find(|o| !SHAPES.iter().any(|s| s.name == o.as_str()))
    {
        eprintln!(
            "unknown shape {unknown}; shapes: {}",
            SHAPES.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
        );
        std::process::exit(2);
    }
    let sizes: Vec<usize> = (0..=steps).map(|k| from << k).collect();
    let head: Vec<String> = sizes.iter().map(|n| format!("{n} s")).collect();
    println!(
        "| shape | size counts | {} | growth per doubling |",
        head.join(" | ")
    );
    println!("|---|---|{}---|", "---|".repeat(sizes.len()));
    for shape in SHAPES
        .iter()
        .filter(|s| only.is_empty() || only.iter().any(|o| o == s.name))
    {
        let times: Vec<f64> = sizes
            .iter()
            .map(|&n| {
                let input = (shape.make)(n, &mut Rng::new(42));
                (0..reps).map(|_| run(&input)).fold(f64::MAX, f64::min)
            })
            .collect();
        let last_two = &times[times.len().saturating_sub(3)..];
        let growth =
            (last_two[last_two.len() - 1] / last_two[0]).log2() / (last_two.len() - 1) as f64;
        let cells: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
        println!(
            "| {} | {} | {} | {growth:.2}{} |",
            shape.name,
            shape.unit,
            cells.join(" | "),
            if growth > 1.5 { " superlinear" } else { "" }
        );
    }
}
