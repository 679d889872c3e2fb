//! Fuzzes the Markdown reader: any bytes read as a `.md` file give a
//! document or a typed error, never a panic (the name sends them to the
//! Markdown reader whatever their lines hold).
#![no_main]

use std::path::Path;

use huiyi::options::Limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = huiyi::read::read_bytes(data, Some(Path::new("minutes.md")), &Limits::default());
});
