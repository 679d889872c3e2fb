//! Fuzzes the docx reader's XML side: the input is `word/document.xml` of
//! a package whose other parts (numbering, styles, core properties) come
//! from the hand-written fixture, zipped stored so that every mutation
//! reaches the XML reader instead of breaking the deflate stream.
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

/// The fixture's parts other than the document.
static PARTS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let fixture = include_bytes!("../../fixtures/docx/hand.docx");
    let mut zip = zip::ZipArchive::new(Cursor::new(&fixture[..])).unwrap();
    (0..zip.len())
        .filter_map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            let name = file.name().to_string();
            (name != "word/document.xml").then_some((name, data))
        })
        .collect()
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, part) in PARTS.iter() {
        zip.start_file(name.as_str(), stored).unwrap();
        zip.write_all(part).unwrap();
    }
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(data).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let _ = huiyi::read::read_bytes(&bytes, None, &huiyi::options::Limits::default());
});
