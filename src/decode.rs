//! Bytes on disk → text: gzip, byte-order marks, the HTML `<meta charset>` prescan, and
//! statistical detection for pages that declare nothing or declare the wrong thing.
//!
//! Saved pages lie about their encoding often enough that a declaration is only trusted when the
//! bytes agree with it: a page that claims UTF-8 but is not valid UTF-8 is detected instead, and a
//! page that claims a legacy encoding but is valid, non-ASCII UTF-8 is read as UTF-8.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::error::PageError;

/// Pages larger than this (after gunzip) are refused rather than parsed: nothing that large is an
/// article, and it protects memory when a folder holds dumps or disk images named `.html`.
pub const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// How many bytes the `<meta charset>` prescan looks at, as in the HTML standard.
const PRESCAN_BYTES: usize = 1024;

/// Reads a page file, gunzipping it when it is gzip (by its magic bytes, whatever its name says).
pub fn read_page(path: &Path) -> Result<Vec<u8>, PageError> {
    let file = std::fs::File::open(path).map_err(PageError::Io)?;
    let size = file.metadata().map_err(PageError::Io)?.len();
    if size > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge { bytes: size });
    }
    let mut raw = Vec::with_capacity(size as usize);
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(PageError::Io)?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        return gunzip(&raw);
    }
    if has_gz_name(path) {
        return Err(PageError::NotGzip);
    }
    Ok(raw)
}

fn has_gz_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"))
}

fn gunzip(raw: &[u8]) -> Result<Vec<u8>, PageError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(raw)
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| PageError::BadGzip(e.to_string()))?;
    if out.len() as u64 > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge {
            bytes: out.len() as u64,
        });
    }
    Ok(out)
}

/// Decodes page bytes to text; a page read as UTF-8 (most are) is borrowed as it is, not copied.
/// Refuses empty and binary files with a reason.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, PageError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(PageError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(encoding.decode_without_bom_handling(&bytes[bom_len..]).0);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(encoding.decode_without_bom_handling(bytes).0);
    }
    if looks_binary(bytes) {
        return Err(PageError::Binary);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    let encoding = choose_encoding(bytes, utf8.is_some());
    Ok(match utf8 {
        // valid UTF-8 read as UTF-8 is itself: no second validation, no copy
        Some(text) if encoding == UTF_8 => Cow::Borrowed(text),
        _ => encoding.decode_without_bom_handling(bytes).0,
    })
}

fn choose_encoding(bytes: &[u8], valid_utf8: bool) -> &'static Encoding {
    match prescan_meta_charset(bytes) {
        // A declaration the bytes contradict is ignored.
        Some(declared) if declared == UTF_8 && valid_utf8 => UTF_8,
        Some(declared) if declared != UTF_8 && (!valid_utf8 || bytes.is_ascii()) => declared,
        _ if valid_utf8 => UTF_8,
        _ => detect(bytes),
    }
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-16 text without a BOM shows as every other byte being NUL in the markup.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Binary data: NUL bytes or control bytes in the first 8 KiB, where text has (almost) none.
/// Compressed data (images, PDFs, archives) is close to uniformly random: about 1 byte in 256 is
/// NUL and 1 in 10 a control byte, so a few stray NULs or escapes in a page's text do not count.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    nul > 8.max(head.len() / 1000) || control * 20 > head.len()
}

/// The HTML standard's prescan, reduced to what saved pages use: the first `<meta>` in the first
/// 1024 bytes with `charset=` (either form). UTF-16 labels mean UTF-8 there, as the standard says.
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_in_tag(&lower[start..end]) {
            if let Some(encoding) = Encoding::for_label(label) {
                return Some(if encoding == UTF_16LE || encoding == UTF_16BE {
                    UTF_8
                } else if encoding.name() == "x-user-defined" {
                    WINDOWS_1252
                } else {
                    encoding
                });
            }
        }
        from = end;
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let mut rest = &tag[at + 7..];
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        decode(bytes).unwrap().into_owned()
    }

    #[test]
    fn utf8_bom_is_removed() {
        let page = b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
        assert_eq!(text_of(page), "<p>café</p>");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("<p>Grüße</p>".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(text_of(&le), "<p>Grüße</p>");
        let mut be = vec![0xFE, 0xFF];
        be.extend("<p>Grüße</p>".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(text_of(&be), "<p>Grüße</p>");
    }

    #[test]
    fn declared_windows_1252_curly_quotes() {
        let page = b"<meta charset=\"windows-1252\"><p>\x93Yes,\x94 he said</p>";
        assert_eq!(
            text_of(page),
            "<meta charset=\"windows-1252\"><p>\u{201c}Yes,\u{201d} he said</p>"
        );
    }

    #[test]
    fn http_equiv_form_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(prescan_meta_charset(page).unwrap().name(), "windows-1252");
    }

    #[test]
    fn wrong_utf8_declaration_is_overruled() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("<meta charset=utf-8><p>Лаборатория Касперского заявила, что компания не имеет связей с правительством</p>");
        assert!(text_of(&cp1251).contains("Лаборатория Касперского"));
    }

    #[test]
    fn undeclared_windows_1251_is_detected() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<html><body><p>Министерство торговли США запретило продажу антивирусов в стране</p></body></html>",
        );
        assert!(text_of(&cp1251).contains("Министерство торговли"));
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert!(matches!(decode(b""), Err(PageError::Empty)));
        assert!(matches!(decode(b"  \n"), Err(PageError::Empty)));
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(matches!(decode(&binary), Err(PageError::Binary)));
        // Uniformly random bytes (compressed data): found by tests/hostile.rs, which the old
        // thresholds (1% NUL, 10% control) let through as text.
        let mut state = 0x2545_f491_u32;
        let random: Vec<u8> = (0..200_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        assert!(matches!(decode(&random), Err(PageError::Binary)));
        // A page with a stray NUL and escape sequences in its text is still text.
        let page = "<p>text \u{0} with \u{1b}[2J escapes \u{7} and a bell</p>".to_owned()
            + &"<p>and an ordinary paragraph after it</p>".repeat(20);
        assert!(decode(page.as_bytes()).is_ok());
    }
}
