//! Fuzzes the RTF reader: any bytes after `{\rtf1` give a document or a
//! typed error, never a panic. Seeded with `fixtures/read/rtf`.
#![no_main]

use huiyi::options::Limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut rtf = b"{\\rtf1 ".to_vec();
    rtf.extend_from_slice(data);
    let _ = huiyi::read::read_bytes(&rtf, None, &Limits::default());
});
