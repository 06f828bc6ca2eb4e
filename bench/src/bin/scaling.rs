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

/// How a shape's pieces (the i-th of n, made by the function) make its input.
enum Make {
    /// each piece a paragraph of an article in the language
    Paragraphs(&'static str, fn(usize, &mut Rng) -> String),
    /// the pieces one paragraph of an English article
    OneParagraph(fn(usize, &mut Rng) -> String),
    /// the pieces a page's article body, before a last quoted paragraph
    Page(fn(usize, &mut Rng) -> String),
}

struct Shape {
    name: &'static str,
    /// what the size counts
    unit: &'static str,
    make: Make,
}

impl Shape {
    /// The input of size `n`, the same for the same `n`.
    fn input(&self, n: usize) -> Input {
        let rng = &mut Rng::new(42);
        let pieces = |piece: fn(usize, &mut Rng) -> String| (0..n).map(move |i| piece(i, rng));
        match self.make {
            Make::Paragraphs(lang, piece) => Input::Paragraphs(lang, pieces(piece).collect()),
            Make::OneParagraph(piece) => Input::Paragraphs("en", vec![pieces(piece).collect()]),
            Make::Page(piece) => Input::Html(format!(
                "<!doctype html><html lang=\"en\"><head><title>Scaling</title></head><body>\
                 <article><h1>Scaling</h1>\n{}<p>“It is over,” she said.</p></article></body></html>",
                pieces(piece).collect::<String>()
            )),
        }
    }
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

const SHAPES: &[Shape] = &[
    Shape {
        name: "new-organisations",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            let org = word(rng);
            format!("{org} Corp said on Tuesday that {org} would “review the decision”, the company said.")
        }),
    },
    Shape {
        name: "new-people",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            let (first, last) = (rng.pick_str(FIRST), word(rng));
            format!("“We will appeal,” said {first} {last}, a lawyer. {last} added that “nothing has changed”.")
        }),
    },
    Shape {
        name: "no-antecedent",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |i, _| {
            [
                "“We disagree with the ruling,” they said.",
                "The company said it would appeal the decision.",
                "“That is not what happened,” it said in a statement.",
                "The spokeswoman told reporters that “nothing has changed”.",
            ][i % 4]
                .to_string()
        }),
    },
    Shape {
        name: "acronyms",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            let (a, b) = (word(rng), word(rng));
            let acr: String = [&a, &b, "Agency"]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            format!("The {a} {b} Agency ({acr}) said on Monday that “the review is over”, {acr} said. {b} Agency officials declined to comment.")
        }),
    },
    Shape {
        name: "shared-surname",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            format!(
                "{} Smith met officials on Tuesday. “We will review the decision,” Smith said.",
                word(rng)
            )
        }),
    },
    Shape {
        name: "surnames-of-one-prefix",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            let last = format!("Qwert{}", word(rng).to_lowercase());
            format!("Anna {last} arrived on Monday. “We disagree,” {last} said.")
        }),
    },
    Shape {
        name: "person-or-organisation",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            let w = word(rng);
            format!("John {w} met {w} Corp officials on Tuesday. “We will review the decision,” {w} said.")
        }),
    },
    Shape {
        name: "media-names",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            format!(
                "The {} Tribune reported on Tuesday. “We stand by the story,” the Tribune said.",
                word(rng)
            )
        }),
    },
    Shape {
        name: "role-no-person",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |i, rng| match i % 2 {
            0 => format!("“The case is open,” said John {}.", word(rng)),
            _ => "“No comment,” the spokesman said.".to_string(),
        }),
    },
    Shape {
        name: "he-among-women",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |i, rng| match i % 3 {
            0 => format!("“The case is open,” said Ms. Jane {}.", word(rng)),
            1 => "“It is open again,” she said.".to_string(),
            _ => "“Nothing more,” he said.".to_string(),
        }),
    },
    Shape {
        name: "open-quotes",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |i, rng| match i % 50 {
            0 => format!("{} {} said:", rng.pick_str(FIRST), word(rng)),
            _ => "“We were never told what the review would find, and nobody asked us".to_string(),
        }),
    },
    Shape {
        name: "transcript",
        unit: "paragraphs",
        make: Make::Paragraphs("en", |_, rng| {
            format!(
                "{}: We will look at it again next week.",
                word(rng).to_uppercase()
            )
        }),
    },
    Shape {
        name: "german-people",
        unit: "paragraphs",
        make: Make::Paragraphs("de", |_, rng| {
            let (first, last) = (rng.pick_str(FIRST), word(rng));
            format!("„Wir werden Berufung einlegen“, sagte {first} {last}. Er fügte hinzu, es habe sich nichts geändert.")
        }),
    },
    Shape {
        name: "russian-people",
        unit: "paragraphs",
        make: Make::Paragraphs("ru", |_, rng| {
            let last = word(rng);
            format!("«Мы будем обжаловать решение», — сказал {last}. По словам {last}, ничего не изменилось.")
        }),
    },
    Shape {
        name: "german-nouns",
        unit: "paragraphs",
        make: Make::Paragraphs("de", |_, rng| {
            let (a, b, c) = (word(rng), word(rng), word(rng));
            format!("Die {a}ung der {b} sei ein Problem, sagte Ursula von der {c}. Ein Sprecher des Bundesamts für {b} in der {a} widersprach.")
        }),
    },
    Shape {
        name: "russian-quoted-names",
        unit: "paragraphs",
        make: Make::Paragraphs("ru", |_, rng| {
            let (a, b) = (word(rng), word(rng));
            format!("В «{a} {b}» заявили, что компания «{a}» не нарушала закон. Как заявило Министерство торговли США, {b} не сможет работать.")
        }),
    },
    Shape {
        name: "one-paragraph-organisations",
        unit: "names in one paragraph",
        make: Make::OneParagraph(|_, rng| {
            let (a, b) = (word(rng), word(rng));
            format!("the Ministry of {a} and the Office of {b} for {a} said so; ")
        }),
    },
    Shape {
        name: "one-paragraph-quotes",
        unit: "quotes in one paragraph",
        make: Make::OneParagraph(|_, rng| {
            format!("“It is over,” said {} {}. ", rng.pick_str(FIRST), word(rng))
        }),
    },
    Shape {
        name: "one-paragraph-roles",
        unit: "quotes in one paragraph",
        make: Make::OneParagraph(|i, rng| match i % 2 {
            0 => format!("“It is over,” said John {}. ", word(rng)),
            _ => "“No comment,” the spokesman said. ".to_string(),
        }),
    },
    Shape {
        name: "one-sentence-pronouns",
        unit: "quotes in one sentence",
        // (no full stop: each "he" looks for the subject of the sentence of the name it finds)
        make: Make::OneParagraph(|_, rng| {
            let (a, b) = (rng.pick_str(FIRST), rng.pick_str(FIRST));
            format!(
                "{a} {} met {b} {}, “it is over,” he said, and ",
                word(rng),
                word(rng)
            )
        }),
    },
    Shape {
        name: "one-paragraph-apostrophes",
        unit: "apostrophes in one paragraph",
        make: Make::OneParagraph(|i, _| {
            [
                "'Tis the season, ",
                "'em all ",
                "rock 'n' roll ",
                "the '90s ",
            ][i % 4]
                .to_string()
        }),
    },
    Shape {
        name: "html-paragraphs",
        unit: "paragraphs",
        make: Make::Page(|_, rng| {
            let (first, last, org) = (rng.pick_str(FIRST), word(rng), word(rng));
            format!("<p>“We will appeal,” said {first} {last} of {org} Corp. The company declined to comment.</p>\n")
        }),
    },
    Shape {
        name: "html-nested",
        unit: "nested elements",
        // (left open: the parser closes them at the article's end, around the last paragraph)
        make: Make::Page(|_, _| "<div>".to_string()),
    },
    Shape {
        name: "html-tables",
        unit: "tables",
        make: Make::Page(|_, rng| {
            let (a, b, c) = (word(rng), word(rng), word(rng));
            format!("<table><tr><td>{a}</td><td>{b}</td></tr></table><p>{c} said the figures were wrong.</p>\n")
        }),
    },
    Shape {
        name: "html-links",
        unit: "paragraphs",
        make: Make::Page(|i, rng| {
            let (a, b, c) = (word(rng), word(rng), word(rng));
            format!("<p>{a} reported <a href=\"/story/{i}\">{b} {c}</a> on Friday.</p>\n")
        }),
    },
];

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
                let input = shape.input(n);
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
