//! Fuzzes the plain-text reader on raw bytes through the public reader, so
//! that the sniffer and the encoding detection run on them (UTF-8, UTF-16
//! with and without a BOM, GBK/GB18030, Big5): any bytes give a document or
//! a typed error, never a panic. Seeded with `fixtures/read/*.txt`.
#![no_main]

use std::path::Path;

use huiyi::options::Limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(document) =
        huiyi::read::read_bytes(data, Some(Path::new("minutes.txt")), &Limits::default())
    {
        // A document the reader returns holds text (an empty one is `Error::Empty`).
        assert!(!document.text().trim().is_empty());
    }
});
