//! Fuzzes the HTML reader: any bytes after `<!DOCTYPE html>` give a document
//! or a typed error, never a panic (the prefix makes the sniffer choose
//! HTML; a `<meta charset>` in the bytes still picks the encoding). Seeded
//! with `fixtures/read/*.html` and `fixtures/reports/*.html`.
#![no_main]

use huiyi::options::Limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut page = b"<!DOCTYPE html>".to_vec();
    page.extend_from_slice(data);
    let _ = huiyi::read::read_bytes(&page, None, &Limits::default());
});
