//! Fuzzes the PDF reader: any bytes after `%PDF-1.4` give a document or a
//! typed error, never a panic. Seed it with `fixtures/read/pdf` (`plain.pdf`
//! has its streams uncompressed, so mutations reach the content streams).
#![no_main]

use huiyi::options::Limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend_from_slice(data.strip_prefix(b"%PDF-1.4\n").unwrap_or(data));
    let _ = huiyi::read::read_bytes(&pdf, None, &Limits::default());
});
