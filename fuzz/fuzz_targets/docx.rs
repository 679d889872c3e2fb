//! Fuzzes the readers through `huiyi::read::read_bytes`: any bytes give a
//! document or a typed error, never a panic. Seeded with `fixtures/docx`.
#![no_main]

use huiyi::options::Limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = huiyi::read::read_bytes(data, None, &Limits::default());
});
