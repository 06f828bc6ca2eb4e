//! Text clean-up shared by every stage: whitespace folding and removal of control characters, so
//! that nothing from a page can reach a terminal raw or break a JSON consumer.

use std::borrow::Cow;

/// Folds runs of whitespace to one space, trims, and drops control characters (C0, C1, DEL),
/// keeping `\n` when `keep_newlines` is set.
pub fn clean(raw: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending: Option<char> = None;
    for c in raw.chars() {
        if c == '\n' && keep_newlines {
            pending = Some('\n');
        } else if c.is_whitespace() {
            if pending.is_none() {
                pending = Some(' ');
            }
        } else if is_hidden(c) {
            continue;
        } else {
            if let Some(sep) = pending.take() {
                if !out.is_empty() {
                    out.push(sep);
                }
            }
            out.push(c);
        }
    }
    out
}

/// Removes terminal escape sequences from raw page text: CSI (`ESC [ 2 J`, colours), OSC
/// (`ESC ] 8 ;; url BEL` links, window titles; up to 4 KiB, ended by BEL or `ESC \\`) and two-byte
/// escapes. Done before parsing so that the words inside a link escape survive and the codes do
/// not ("click", not "]8;;https://x.example click"); any ESC left is dropped by [`clean`].
pub fn strip_escape_sequences(raw: &str) -> Cow<'_, str> {
    // memchr's vectorised search: this runs over every page's whole text.
    if memchr::memchr(0x1b, raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = memchr::memchr(0x1b, rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let seq = &rest[at + 1..];
        let skip = match seq.as_bytes().first() {
            Some(b'[') => {
                let params = seq[1..]
                    .bytes()
                    .take_while(|b| (0x20..=0x3f).contains(b))
                    .count();
                match seq.as_bytes().get(1 + params) {
                    Some(b) if (0x40..=0x7e).contains(b) => 2 + params,
                    _ => 1 + params,
                }
            }
            Some(b']') => {
                let window = &seq[..seq.len().min(4096)];
                let bel = window.find('\u{7}').map(|e| e + 1);
                let st = window.find("\u{1b}\\").map(|e| e + 2);
                match (bel, st) {
                    (Some(a), Some(b)) => a.min(b),
                    (Some(e), None) | (None, Some(e)) => e,
                    (None, None) => 0,
                }
            }
            Some(b) if (0x40..=0x5f).contains(b) => 1,
            _ => 0,
        };
        rest = &seq[skip..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Characters removed from page text: control characters (C0, C1, DEL: NUL, ESC, BEL...) and
/// the invisible format characters below. Whitespace is folded before this is asked.
pub fn is_hidden(c: char) -> bool {
    // asked of every character of a page's text: ASCII, most of them, needs one range test
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control() || is_invisible_format(c)
}

/// Zero-width and bidi-override characters that hide text or reorder it on a terminal.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Replaces control characters for display, keeping tabs and newlines; used on every string an
/// output renderer prints, whatever its origin.
pub fn printable(raw: &str) -> Cow<'_, str> {
    if !raw
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c))
    {
        return Cow::Borrowed(raw);
    }
    raw.chars()
        .map(|c| {
            if (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The host of a URL without `www.`: how an outlet is named when it names nothing else, and how
/// `site:` finds an outlet by its domain.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = without_www(rest.split(['/', '?', '#', ':']).next()?);
    (!host.is_empty()).then_some(host)
}

/// A host name without a leading `www.` (in any case), as [`url_host`] keeps outlets' domains:
/// `--site www.example.com` names the outlet the index knows as `example.com`.
pub fn without_www(host: &str) -> &str {
    match host.get(..4) {
        Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
        _ => host,
    }
}

/// `w.to_lowercase()`, borrowed when `w` has no upper-case letter (the result is then equal to `w`).
#[inline]
pub fn lower(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    } else if w.chars().all(|c| lower_char(c) == Some(c)) {
        Cow::Borrowed(w)
    } else {
        let mut out = String::with_capacity(w.len());
        if !push_lower(&mut out, w) {
            out = w.to_lowercase();
        }
        Cow::Owned(out)
    }
}

/// Appends `w.to_lowercase()` to `out` through [`lower_char`], which skips the case tables that
/// make `to_lowercase` slow on German, French and Russian names. False (`out` then holds part of
/// it) when a character's lower case is not that one character alone: 'Σ', whose form depends on
/// the next character, and the few that lower to several. The stretches that lower case keeps
/// are copied whole, and a letter of Latin-1 or basic Cyrillic in lower case (most of a name's)
/// is told by its two bytes, not decoded.
pub(crate) fn push_lower(out: &mut String, w: &str) -> bool {
    let b = w.as_bytes();
    // `out` holds `w` lowered up to byte `kept`
    let mut kept = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                out.push_str(&w[kept..i]);
                out.push(char::from(x.to_ascii_lowercase()));
                kept = i + 1;
            }
            i += 1;
            continue;
        }
        // a lead byte of two bytes whose character lower case keeps: Latin-1 ß..ÿ (and ×),
        // Cyrillic а..џ
        let y = b.get(i + 1).copied().unwrap_or(0);
        let kept_as_is = match x {
            0xc3 => !(0x80..=0x9e).contains(&y) || y == 0x97,
            0xd0 => y >= 0xb0,
            0xd1 => y <= 0x9f,
            _ => false,
        };
        if kept_as_is {
            i += 2;
            continue;
        }
        let Some(c) = w[i..].chars().next() else {
            break;
        };
        match lower_char(c) {
            Some(l) if c != 'Σ' => {
                if l != c {
                    out.push_str(&w[kept..i]);
                    out.push(l);
                    kept = i + c.len_utf8();
                }
            }
            _ => return false,
        }
        i += c.len_utf8();
    }
    out.push_str(&w[kept..]);
    true
}

/// The lower case of `c` when it is one character (None for the few that become several).
#[inline]
pub(crate) fn lower_char(c: char) -> Option<char> {
    match c {
        // ranges without upper-case letters (ASCII lower case, Latin-1 ß..ÿ, Cyrillic а..џ,
        // general punctuation) skip the case table search, the costly part for German, French,
        // Russian
        '\0'..='@'
        | '['..='\u{bf}'
        | '\u{df}'..='\u{ff}'
        | '\u{430}'..='\u{45f}'
        | '\u{2000}'..='\u{206f}' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        // the upper-case letters of Latin-1 and basic Cyrillic lie at a fixed distance from
        // their lower case: German, French and Russian names lowered without the table
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20),
        '\u{410}'..='\u{42f}' => char::from_u32(c as u32 + 0x20),
        '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50),
        _ => {
            let mut l = c.to_lowercase();
            l.next().filter(|_| l.next().is_none())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`push_lower`] agrees with `to_lowercase` on words of every character below U+3000 next
    /// to letters of ASCII, Latin-1 and Cyrillic, in either case (but where it gives up).
    #[test]
    fn push_lower_is_to_lowercase() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            for w in [
                format!("{c}"),
                format!("A{c}b"),
                format!("Жё{c}Ñx"),
                format!("{c}{c}Ärger"),
                format!("п{c}Я"),
            ] {
                let mut out = String::new();
                if push_lower(&mut out, &w) {
                    assert_eq!(out, w.to_lowercase(), "{w:?}");
                } else {
                    assert!(
                        w.chars().any(|c| c == 'Σ' || lower_char(c).is_none()),
                        "{w:?}"
                    );
                }
            }
        }
        let mut out = String::from("x");
        assert!(push_lower(&mut out, "ЛАБОРАТОРИЯ Касперского ÉTÉ"));
        assert_eq!(out, "xлаборатория касперского été");
    }

    #[test]
    fn lower_char_is_to_lowercase() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let mut l = c.to_lowercase();
            let one = l.next().filter(|_| l.next().is_none());
            assert_eq!(lower_char(c), one, "{c:?}");
        }
    }

    #[test]
    fn folds_and_strips() {
        assert_eq!(clean("  a\u{1b}[2J \t\n b\u{7}\0 ", false), "a[2J b");
        assert_eq!(clean("a \n b", true), "a\nb");
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(
            strip_escape_sequences(
                "a\u{1b}[2J\u{1b}[31mred\u{1b}[0m \u{1b}]8;;https://x.example\u{7}click\u{1b}]8;;\u{1b}\\ b"
            ),
            "ared click b"
        );
        assert_eq!(
            strip_escape_sequences("x\u{1b}]unterminated"),
            "x]unterminated"
        );
        assert_eq!(strip_escape_sequences("end\u{1b}"), "end");
        assert_eq!(strip_escape_sequences("\u{1b}[\u{1b}[1m"), "");
        assert!(matches!(strip_escape_sequences("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn printable_replaces_escapes() {
        assert_eq!(printable("x\u{1b}]8;;y\u{7}z"), "x\u{FFFD}]8;;y\u{FFFD}z");
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
    }
}
