//! Pages in the encodings saved pages come in, declared, undeclared or declared wrongly, come out as
//! the right text — through the whole extraction, not only the decoder.

use clipdex::page::process_bytes;

fn page(lang: &str, charset_meta: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head>{charset_meta}<title>T</title></head><body><article>\
         <h1>Headline</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
}

fn body_of(bytes: &[u8]) -> String {
    let page = process_bytes(bytes).expect("decodes");
    page.passages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

const JAPANESE: &str = "カスペルスキー社は、同社がいかなる政府とも不適切な関係を持っていないと述べた。米国の規制当局はこれを受け入れなかった。";
const POLISH: &str = "Zażółć gęślą jaźń: firma Kaspersky zaprzeczyła, że ma niewłaściwe powiązania z jakimkolwiek rządem, a urzędnicy nie byli przekonani.";
const GREEK: &str = "Η εταιρεία Kaspersky αρνήθηκε ότι έχει ακατάλληλους δεσμούς με οποιαδήποτε κυβέρνηση, αλλά οι αμερικανικές αρχές δεν πείστηκαν από τις διαβεβαιώσεις.";
const RUSSIAN: &str = "Министерство торговли США запретило продажу антивирусного программного обеспечения Лаборатории Касперского в стране с июля.";
const FRENCH: &str = "« Nous n’avons aucun lien inapproprié avec un gouvernement », a déclaré l’éditeur, qui conteste la décision de la FCC.";

fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the sample", encoding.name());
    bytes.into_owned()
}

#[test]
fn shift_jis_declared_and_undeclared() {
    let declared = page("ja", "<meta charset=\"Shift_JIS\">", JAPANESE);
    assert!(body_of(&encoded(encoding_rs::SHIFT_JIS, &declared)).contains(JAPANESE));
    let undeclared = page("ja", "", JAPANESE);
    assert!(body_of(&encoded(encoding_rs::SHIFT_JIS, &undeclared)).contains(JAPANESE));
}

#[test]
fn iso_8859_family() {
    let polish = page(
        "pl",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">",
        POLISH,
    );
    assert!(body_of(&encoded(encoding_rs::ISO_8859_2, &polish)).contains(POLISH));
    let greek = page("el", "<meta charset=\"ISO-8859-7\">", GREEK);
    assert!(body_of(&encoded(encoding_rs::ISO_8859_7, &greek)).contains(GREEK));
    // Latin-1 is read as windows-1252, its superset, as browsers do.
    let french = page(
        "fr",
        "<meta charset=\"iso-8859-1\">",
        &FRENCH.replace('’', "'"),
    );
    let text = body_of(&encoded(encoding_rs::WINDOWS_1252, &french));
    assert!(text.contains("a déclaré l'éditeur"), "{text}");
}

#[test]
fn utf16_with_bom_both_orders() {
    let html = page("ru", "", RUSSIAN);
    let mut le = vec![0xFF, 0xFE];
    le.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    assert!(body_of(&le).contains(RUSSIAN));
    let mut be = vec![0xFE, 0xFF];
    be.extend(html.encode_utf16().flat_map(u16::to_be_bytes));
    assert!(body_of(&be).contains(RUSSIAN));
}

#[test]
fn wrong_declarations_are_overruled() {
    // Declares UTF-8, is windows-1251.
    let russian = page("ru", "<meta charset=\"utf-8\">", RUSSIAN);
    assert!(body_of(&encoded(encoding_rs::WINDOWS_1251, &russian)).contains(RUSSIAN));
    // Declares windows-1252, is UTF-8.
    let french = page("fr", "<meta charset=\"windows-1252\">", FRENCH);
    assert!(body_of(french.as_bytes()).contains(FRENCH));
    // Declares nothing, windows-1251.
    let undeclared = page("ru", "", RUSSIAN);
    assert!(body_of(&encoded(encoding_rs::WINDOWS_1251, &undeclared)).contains(RUSSIAN));
}
