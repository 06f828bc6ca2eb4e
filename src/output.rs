//! Rendering for people (text, coloured only on a terminal) and for scripts (JSON Lines). Every
//! string from a page passes through [`printable`] before it reaches a terminal.

use std::io::{self, Write};
use std::path::Path;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::page::Page;
use crate::passages::Passage;
use crate::search::{Hit, PeriodCount, SpeakerCount, StoredArticle};
use crate::text::printable;

const TITLE: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const MATCH: Style = AnsiColor::Red.on_default().bold();
const SPEAKER: Style = AnsiColor::Cyan.on_default();

/// Writes one JSON object on one line.
pub fn write_json_line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Search hits for a person, grouped by article: a header per article (in the order of its best
/// hit), then each of its passages with the snippet's matches highlighted.
pub fn write_hits_text(out: &mut dyn Write, hits: &[Hit], cwd: &Path) -> io::Result<()> {
    let mut order: Vec<&str> = Vec::new();
    for hit in hits {
        if !order.contains(&hit.article_id.as_str()) {
            order.push(&hit.article_id);
        }
    }
    for (i, article) in order.iter().enumerate() {
        let passages: Vec<&Hit> = hits.iter().filter(|h| h.article_id == *article).collect();
        let head = passages[0];
        if i > 0 {
            writeln!(out)?;
        }
        let title = head.article.title.as_deref().unwrap_or("(untitled)");
        write!(out, "{}. {TITLE}{}{TITLE:#}", i + 1, printable(title))?;
        let mut details = Vec::new();
        if let Some(site) = &head.article.site {
            details.push(printable(site).into_owned());
        }
        if let Some(date) = &head.article.date {
            details.push(date.chars().take(10).collect());
        }
        if !head.article.authors.is_empty() {
            details.push(printable(&head.article.authors.join(", ")).into_owned());
        }
        if !details.is_empty() {
            write!(out, " {DIM}— {}{DIM:#}", details.join(" · "))?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "   {DIM}{}{DIM:#}",
            printable(&display_path(&head.article.path, cwd))
        )?;
        for hit in passages {
            write!(out, "   {DIM}#{}{DIM:#} ", hit.passage)?;
            if !hit.speakers.is_empty() {
                write!(
                    out,
                    "{SPEAKER}[{}]{SPEAKER:#} ",
                    printable(&hit.speakers.join(", "))
                )?;
            }
            write_highlighted(out, &hit.snippet, &hit.highlights)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The fields of a search hit in JSON, in order; `--fields` picks among them.
pub const HIT_FIELDS: &[&str] = &[
    "rank",
    "score",
    "path",
    "url",
    "title",
    "site",
    "date",
    "authors",
    "passage",
    "article_id",
    "text",
    "snippet",
    "highlights",
    "speakers",
    "quotes",
];

/// One hit as a JSON line, keeping only `fields` when given.
pub fn write_hit_json(out: &mut dyn Write, hit: &Hit, fields: Option<&[String]>) -> io::Result<()> {
    let Some(fields) = fields else {
        return write_json_line(out, hit);
    };
    let mut value = serde_json::to_value(hit)?;
    if let Some(object) = value.as_object_mut() {
        object.retain(|key, _| fields.iter().any(|f| f == key));
    }
    write_json_line(out, &value)
}

/// Hits as CSV with a header row, for spreadsheets: lists are joined with "; ".
pub fn write_hits_csv(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    write_csv_rows(&mut writer, hits).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    })?;
    writer.flush()
}

fn write_csv_rows<W: Write>(writer: &mut csv::Writer<W>, hits: &[Hit]) -> csv::Result<()> {
    writer.write_record([
        "rank", "score", "title", "site", "date", "authors", "speakers", "path", "url", "passage",
        "snippet", "text",
    ])?;
    for hit in hits {
        writer.write_record([
            hit.rank.to_string(),
            hit.score.map_or_else(String::new, |s| format!("{s:.4}")),
            hit.article.title.clone().unwrap_or_default(),
            hit.article.site.clone().unwrap_or_default(),
            hit.article.date.clone().unwrap_or_default(),
            hit.article.authors.join("; "),
            hit.speakers.join("; "),
            hit.article.path.clone(),
            hit.article.url.clone().unwrap_or_default(),
            hit.passage.to_string(),
            hit.snippet.clone(),
            hit.text.clone(),
        ])?;
    }
    Ok(())
}

/// A timeline as a bar chart: one row per period, bars scaled to the busiest period.
pub fn write_timeline_text(out: &mut dyn Write, counts: &[PeriodCount]) -> io::Result<()> {
    const WIDTH: u64 = 40;
    let most = counts.iter().map(|c| c.passages).max().unwrap_or(0).max(1);
    let digits = most.to_string().len();
    for c in counts {
        let eighths = (c.passages * WIDTH * 8).div_ceil(most);
        let mut bar = "█".repeat((eighths / 8) as usize);
        if eighths % 8 > 0 {
            bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][(eighths % 8) as usize]);
        }
        // "1 passage " and "1 article ": the columns stay aligned; a period of none ends at
        // its count, with no spaces after
        let plural = |n: u64| if n == 1 { " " } else { "s" };
        let counts = format!(
            "{:<7}  {:>digits$} passage{}  {:>4} article{}",
            c.period,
            c.passages,
            plural(c.passages),
            c.articles,
            plural(c.articles)
        );
        if bar.is_empty() {
            writeln!(out, "{}", counts.trim_end())?;
        } else {
            writeln!(out, "{counts}  {MATCH}{bar}{MATCH:#}")?;
        }
    }
    Ok(())
}

/// An indexed article with its passages, positions and speakers.
pub fn write_article_text(
    out: &mut dyn Write,
    article: &StoredArticle,
    cwd: &Path,
) -> io::Result<()> {
    let field = |v: Option<&str>| printable(v.unwrap_or("-")).into_owned();
    writeln!(
        out,
        "{TITLE}{}{TITLE:#}",
        field(article.article.title.as_deref())
    )?;
    writeln!(out, "  site:    {}", field(article.article.site.as_deref()))?;
    writeln!(out, "  date:    {}", field(article.article.date.as_deref()))?;
    writeln!(
        out,
        "  authors: {}",
        printable(&article.article.authors.join(", "))
    )?;
    writeln!(out, "  lang:    {}", field(article.lang.as_deref()))?;
    writeln!(out, "  url:     {}", field(article.article.url.as_deref()))?;
    writeln!(
        out,
        "  path:    {}",
        printable(&display_path(&article.article.path, cwd))
    )?;
    writeln!(out, "  id:      {}", article.article_id)?;
    for p in &article.passages {
        writeln!(out)?;
        write!(out, "{DIM}#{}{DIM:#} ", p.position)?;
        if !p.speakers.is_empty() {
            write!(
                out,
                "{SPEAKER}[{}]{SPEAKER:#} ",
                printable(&p.speakers.join(", "))
            )?;
        }
        writeln!(out, "{}", printable(&p.text))?;
    }
    Ok(())
}

fn write_highlighted(
    out: &mut dyn Write,
    snippet: &str,
    highlights: &[[usize; 2]],
) -> io::Result<()> {
    let chars: Vec<char> = snippet.chars().collect();
    let mut at = 0;
    for &[start, end] in highlights {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < at {
            continue;
        }
        let before: String = chars[at..start].iter().collect();
        let matched: String = chars[start..end].iter().collect();
        write!(
            out,
            "{}{MATCH}{}{MATCH:#}",
            printable(&before),
            printable(&matched)
        )?;
        at = end;
    }
    let rest: String = chars[at..].iter().collect();
    write!(out, "{}", printable(&rest).replace('\n', " "))
}

/// A path relative to the working folder when it is inside it, as the user typed it.
pub fn display_path(path: &str, cwd: &Path) -> String {
    Path::new(path)
        .strip_prefix(cwd)
        .map_or_else(|_| path.to_owned(), |p| p.to_string_lossy().into_owned())
}

/// Speaker counts as a table.
pub fn write_speakers_text(out: &mut dyn Write, counts: &[SpeakerCount]) -> io::Result<()> {
    let width = counts
        .iter()
        .map(|c| c.speaker.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    writeln!(
        out,
        "{TITLE}{:<width$}  passages  articles{TITLE:#}",
        "speaker"
    )?;
    for c in counts {
        writeln!(
            out,
            "{:<width$}  {:>8}  {:>8}",
            printable(&c.speaker),
            c.passages,
            c.articles
        )?;
    }
    Ok(())
}

/// The `clipdex extract --json` object for one file.
#[derive(Debug, Serialize)]
pub struct ExtractedJson<'a> {
    pub path: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub site: Option<&'a str>,
    pub date: Option<String>,
    pub authors: &'a [String],
    pub lang: Option<&'a str>,
    pub passages: &'a [Passage],
}

impl<'a> ExtractedJson<'a> {
    pub fn new(path: &'a str, page: &'a Page) -> Self {
        let a = &page.article.meta;
        ExtractedJson {
            path,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            site: a.site.as_deref(),
            date: a.date.map(|d| d.to_rfc3339()),
            authors: &a.authors,
            lang: a.lang.as_deref(),
            passages: &page.passages,
        }
    }
}

/// What extraction made of a file, for a person.
pub fn write_extracted_text(out: &mut dyn Write, path: &str, page: &Page) -> io::Result<()> {
    let a = &page.article.meta;
    let field = |v: Option<&str>| printable(v.unwrap_or("-")).into_owned();
    writeln!(out, "{TITLE}{}{TITLE:#}", printable(path))?;
    writeln!(out, "  title:   {}", field(a.title.as_deref()))?;
    writeln!(out, "  site:    {}", field(a.site.as_deref()))?;
    writeln!(
        out,
        "  date:    {}",
        a.date.map_or_else(|| "-".to_owned(), |d| d.to_rfc3339())
    )?;
    writeln!(out, "  authors: {}", printable(&a.authors.join(", ")))?;
    writeln!(out, "  lang:    {}", field(a.lang.as_deref()))?;
    writeln!(out, "  url:     {}", field(a.url.as_deref()))?;
    writeln!(out, "  passages: {}", page.passages.len())?;
    for p in &page.passages {
        writeln!(out, "  [{}] {}", p.position, printable(&p.text))?;
        for q in &p.quotes {
            writeln!(
                out,
                "      {SPEAKER}{}{SPEAKER:#} ({}): {}",
                printable(q.speaker.as_deref().unwrap_or("?")),
                printable(q.cue.as_deref().unwrap_or("-")),
                printable(&q.text)
            )?;
        }
    }
    Ok(())
}
