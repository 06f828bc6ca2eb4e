//! Decode + extraction + passages + quote attribution over arbitrary bytes: whatever a file
//! holds, `process_bytes` returns a page or a `PageError`, never panics, and what it returns is
//! clean text (no control characters) that serialises to JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = clipdex::page::process_bytes(data) {
        for passage in &page.passages {
            assert!(
                !passage.text.chars().any(|c| c.is_control() && c != '\n'),
                "control character in passage {:?}",
                passage.text
            );
            serde_json::to_string(&passage.quotes).expect("quotes serialise");
        }
        let a = &page.article.meta;
        for field in [&a.title, &a.site, &a.url].into_iter().flatten() {
            assert!(!field.chars().any(char::is_control), "control character in {field:?}");
        }
    }
});
