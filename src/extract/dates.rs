//! Publication dates in the forms pages write them: machine dates (ISO 8601 / RFC 3339 in JSON-LD,
//! meta tags and `<time datetime>`), visible datelines in English, German, French and Russian, and
//! dates in URLs.
//!
//! A date keeps the wall-clock time and offset the page gave, because readers think in the page's
//! own calendar day: an article published at 23:30 in New York is dated that day, not the next.

use std::sync::LazyLock;

use jiff::civil::{self, DateTime};
use jiff::tz::Offset;
use regex::Regex;

/// A publication date as the page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    /// Wall-clock date and time at the publisher (midnight when only a day is given).
    pub local: DateTime,
    /// The offset from UTC, when the page gives one.
    pub offset: Option<Offset>,
}

impl PubDate {
    /// RFC 3339 with the page's own offset (`Z` when it gave none).
    pub fn to_rfc3339(&self) -> String {
        let base = self.local.strftime("%Y-%m-%dT%H:%M:%S").to_string();
        match self.offset {
            Some(offset) if offset.seconds() != 0 => {
                let secs = offset.seconds();
                let sign = if secs < 0 { '-' } else { '+' };
                let abs = secs.unsigned_abs();
                format!("{base}{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
            }
            _ => format!("{base}Z"),
        }
    }

    /// Seconds since the epoch of the wall-clock time read as UTC: the key that date filters and
    /// month buckets use, so that `--since 2017-07-11` means the page's own 11 July.
    pub fn calendar_seconds(&self) -> i64 {
        jiff::tz::TimeZone::UTC
            .to_timestamp(self.local)
            .map(|ts| ts.as_second())
            .unwrap_or(0)
    }

    /// `YYYY-MM-DD` of the page's own calendar.
    pub fn day(&self) -> String {
        self.local.date().strftime("%Y-%m-%d").to_string()
    }
}

static MACHINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    )
    .unwrap()
});

/// Parses the machine-readable forms: `2017-07-11`, `2017-07-11T09:30:00-04:00`, `…Z`,
/// `2017-07-11 09:30:00.000+0000`; falls back to [`parse_text_date`] for the odd meta tag
/// that holds prose.
pub fn parse_machine_date(raw: &str) -> Option<PubDate> {
    let Some(caps) = MACHINE.captures(raw) else {
        return parse_text_date(raw);
    };
    let num = |i: usize| caps.get(i).map(|m| m.as_str().parse::<i64>().unwrap_or(0));
    let date = make_date(num(1)?, num(2)?, num(3)?)?;
    // Out-of-range clock fields (`T84:44`) make the date unreadable; `Date::at` would panic.
    let clock = |i: usize| i8::try_from(num(i).unwrap_or(0)).ok();
    let local = civil::DateTime::new(
        date.year(),
        date.month(),
        date.day(),
        clock(4)?,
        clock(5)?,
        clock(6)?,
        0,
    )
    .ok()?;
    let offset = caps.get(7).and_then(|m| parse_offset(m.as_str()));
    Some(PubDate { local, offset })
}

fn make_date(year: i64, month: i64, day: i64) -> Option<civil::Date> {
    if !(1990..=2100).contains(&year) {
        return None;
    }
    civil::Date::new(year as i16, month as i8, day as i8).ok()
}

fn parse_offset(raw: &str) -> Option<Offset> {
    let raw = raw.trim();
    if matches!(raw, "Z" | "z" | "UTC" | "GMT") {
        return Some(Offset::UTC);
    }
    let sign = if raw.starts_with('-') { -1 } else { 1 };
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

/// Month names and their usual abbreviations, in the languages the corpus and its users write.
const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("января", 1),
    ("январь", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("февраля", 2),
    ("февраль", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("марта", 3),
    ("март", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("апреля", 4),
    ("апрель", 4),
    ("may", 5),
    ("mai", 5),
    ("мая", 5),
    ("май", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("июня", 6),
    ("июнь", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("июля", 7),
    ("июль", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("августа", 8),
    ("август", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septembre", 9),
    ("сентября", 9),
    ("сентябрь", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("октября", 10),
    ("октябрь", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("ноября", 11),
    ("ноябрь", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("декабря", 12),
    ("декабрь", 12),
];

fn month_number(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| n)
}

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(\p{L}{3,10})\.?,?\s+(\d{4})\b").unwrap()
});
static NUMERIC_DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").unwrap());
static NUMERIC_YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b").unwrap());
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?\b(ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|GMT|UTC|BST|CET|CEST|MSK)\b)?",
    )
    .unwrap()
});

/// Parses a visible date such as "July 11, 2017", "Updated: Jul 12, 2017 3:45 p.m. ET",
/// "11.07.2017", "15. März 2022", "25 mars 2022" or "20 июня 2024".
pub fn parse_text_date(raw: &str) -> Option<PubDate> {
    let (date, rest) = find_text_day(raw)?;
    let mut local = date.at(0, 0, 0, 0);
    let mut offset = None;
    if let Some(clock) = CLOCK.captures(rest) {
        let mut hour: i8 = clock[1].parse().ok()?;
        let minute: i8 = clock[2].parse().ok()?;
        if let Some(meridiem) = clock.get(3) {
            let pm = meridiem.as_str().to_ascii_lowercase().starts_with('p');
            hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
        }
        if let Ok(with_time) =
            civil::DateTime::new(date.year(), date.month(), date.day(), hour, minute, 0, 0)
        {
            local = with_time;
            offset = clock
                .get(4)
                .and_then(|zone| zone_offset(zone.as_str(), date.month()));
        }
    }
    Some(PubDate { local, offset })
}

/// Finds the first day in `raw` and returns it with the text after it (where a time may follow).
fn find_text_day(raw: &str) -> Option<(civil::Date, &str)> {
    let mut found: Vec<(usize, civil::Date, usize)> = Vec::new();
    for caps in MONTH_DAY_YEAR.captures_iter(raw) {
        if let (Some(month), Ok(day), Ok(year)) = (
            month_number(&caps[1]),
            caps[2].parse::<i64>(),
            caps[3].parse::<i64>(),
        ) {
            if let Some(date) = make_date(year, month as i64, day) {
                let whole = caps.get(0).unwrap();
                found.push((whole.start(), date, whole.end()));
                break;
            }
        }
    }
    for caps in DAY_MONTH_YEAR.captures_iter(raw) {
        if let (Ok(day), Some(month), Ok(year)) = (
            caps[1].parse::<i64>(),
            month_number(&caps[2]),
            caps[3].parse::<i64>(),
        ) {
            if let Some(date) = make_date(year, month as i64, day) {
                let whole = caps.get(0).unwrap();
                found.push((whole.start(), date, whole.end()));
                break;
            }
        }
    }
    if let Some(caps) = NUMERIC_YMD.captures(raw) {
        let n = |i: usize| caps[i].parse::<i64>().ok();
        if let Some(date) = make_date(n(1)?, n(2)?, n(3)?) {
            let whole = caps.get(0).unwrap();
            found.push((whole.start(), date, whole.end()));
        }
    }
    if let Some(caps) = NUMERIC_DMY.captures(raw) {
        let n = |i: usize| caps[i].parse::<i64>().ok();
        if let Some(date) = make_date(n(3)?, n(2)?, n(1)?) {
            let whole = caps.get(0).unwrap();
            found.push((whole.start(), date, whole.end()));
        }
    }
    let (_, date, end) = found.into_iter().min_by_key(|&(start, _, _)| start)?;
    Some((date, &raw[end..]))
}

/// Offsets of the zone abbreviations news sites print. North American zones follow daylight
/// saving by month (close enough for a publication date; the day is what matters).
fn zone_offset(zone: &str, month: i8) -> Option<Offset> {
    let summer = (4..=10).contains(&month);
    // (standard offset, daylight saving in force); generic names ("ET") follow the month.
    let (standard, daylight): (i32, bool) = match zone.to_ascii_uppercase().as_str() {
        "EST" => (-5, false),
        "EDT" => (-5, true),
        "ET" => (-5, summer),
        "CST" => (-6, false),
        "CDT" => (-6, true),
        "CT" => (-6, summer),
        "MST" => (-7, false),
        "MDT" => (-7, true),
        "MT" => (-7, summer),
        "PST" => (-8, false),
        "PDT" => (-8, true),
        "PT" => (-8, summer),
        "GMT" | "UTC" => (0, false),
        "BST" => (0, true),
        "CET" => (1, false),
        "CEST" => (1, true),
        "MSK" => (3, false),
        _ => return None,
    };
    let hours = standard + i32::from(daylight);
    Offset::from_seconds(hours * 3600).ok()
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)|/((?:19|20)\d{2})(\d{2})(\d{2})/",
    )
    .unwrap()
});

/// The day in a URL path such as `/2024/09/23/slug/` or `/2024-09-23-slug`.
pub fn parse_url_date(url: &str) -> Option<PubDate> {
    let caps = URL_DATE.captures(url)?;
    let (y, m, d) = if caps.get(1).is_some() {
        (1, 2, 3)
    } else {
        (4, 5, 6)
    };
    let n = |i: usize| caps[i].parse::<i64>().ok();
    let date = make_date(n(y)?, n(m)?, n(d)?)?;
    Some(PubDate {
        local: date.at(0, 0, 0, 0),
        offset: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(raw: &str) -> String {
        parse_text_date(raw).unwrap().to_rfc3339()
    }

    /// Found by the fuzz target: `<time datetime="2017-12-12T84:44:00-05:00">` panicked in
    /// `Date::at`.
    #[test]
    fn machine_dates_with_impossible_clocks_are_unreadable() {
        for raw in ["2017-12-12T84:44:00-05:00", "2017-12-12T12:99"] {
            assert!(parse_machine_date(raw).is_none(), "{raw}");
        }
        assert!(parse_machine_date("2017-12-12T23:59:59Z").is_some());
        // three hour digits are no clock at all: the day stands
        assert_eq!(
            parse_machine_date("2017-12-12T300:00").unwrap().day(),
            "2017-12-12"
        );
    }

    #[test]
    fn machine_dates() {
        let d = parse_machine_date("2017-07-11T09:30:00-04:00").unwrap();
        assert_eq!(d.to_rfc3339(), "2017-07-11T09:30:00-04:00");
        assert_eq!(d.day(), "2017-07-11");
        let d = parse_machine_date("2017-07-11 23:10:00.000+0000").unwrap();
        assert_eq!(d.to_rfc3339(), "2017-07-11T23:10:00Z");
        assert_eq!(
            parse_machine_date("2024-06-20").unwrap().to_rfc3339(),
            "2024-06-20T00:00:00Z"
        );
        assert!(parse_machine_date("2017-13-45").is_none());
    }

    #[test]
    fn visible_dates() {
        assert_eq!(text("July 11, 2017"), "2017-07-11T00:00:00Z");
        assert_eq!(
            text("Updated: Jul 12, 2017 3:45 p.m. ET"),
            "2017-07-12T15:45:00-04:00"
        );
        assert_eq!(text("Tuesday, July 11, 2017"), "2017-07-11T00:00:00Z");
        assert_eq!(text("11.07.2017"), "2017-07-11T00:00:00Z");
        assert_eq!(text("15. März 2022"), "2022-03-15T00:00:00Z");
        assert_eq!(text("25 mars 2022"), "2022-03-25T00:00:00Z");
        assert_eq!(text("20 июня 2024 г."), "2024-06-20T00:00:00Z");
        assert_eq!(
            text("Posted 8 September 2017, 12:05 am"),
            "2017-09-08T00:05:00Z"
        );
        assert!(parse_text_date("no date here 42").is_none());
    }

    #[test]
    fn url_dates() {
        let d = parse_url_date("https://metropulse.example/2024/09/23/ultraav/").unwrap();
        assert_eq!(d.day(), "2024-09-23");
        assert_eq!(
            parse_url_date("https://x.example/news/2019-02-26-stoyanov")
                .unwrap()
                .day(),
            "2019-02-26"
        );
        assert!(parse_url_date("https://x.example/news/12345").is_none());
    }
}
