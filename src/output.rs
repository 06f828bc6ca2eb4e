//! Rendering for people (text, coloured only on a terminal) and for scripts (JSON Lines). Every
//! string from a page passes through [`printable`] before it reaches a terminal.

use std::io::{self, Write};
use std::path::Path;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::page::Page;
use crate::passages::Passage;
use crate::search::{Hit, SpeakerCount};
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

/// Search hits for a person: a header per hit, then the snippet with matches highlighted.
pub fn write_hits_text(out: &mut dyn Write, hits: &[Hit], cwd: &Path) -> io::Result<()> {
    for (i, hit) in hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let title = hit.title.as_deref().unwrap_or("(untitled)");
        write!(out, "{}. {TITLE}{}{TITLE:#}", hit.rank, printable(title))?;
        let mut details = Vec::new();
        if let Some(site) = &hit.site {
            details.push(printable(site).into_owned());
        }
        if let Some(date) = &hit.date {
            details.push(date.chars().take(10).collect());
        }
        if !hit.authors.is_empty() {
            details.push(printable(&hit.authors.join(", ")).into_owned());
        }
        if !details.is_empty() {
            write!(out, " {DIM}— {}{DIM:#}", details.join(" · "))?;
        }
        writeln!(out)?;
        if !hit.speakers.is_empty() {
            writeln!(
                out,
                "   speakers: {SPEAKER}{}{SPEAKER:#}",
                printable(&hit.speakers.join(", "))
            )?;
        }
        writeln!(
            out,
            "   {DIM}{} #{}{DIM:#}",
            printable(&display_path(&hit.path, cwd)),
            hit.passage
        )?;
        write!(out, "   ")?;
        write_highlighted(out, &hit.snippet, &hit.highlights)?;
        writeln!(out)?;
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
        let a = &page.article;
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
    let a = &page.article;
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
