//! Fuzzes the `.odt` reader: the input is the `content.xml` of a package
//! with the `mimetype` of an OpenDocument text and the minutes fixture's
//! `meta.xml`, zipped stored so that every mutation reaches the XML reader.
//! Any input gives a document or a typed error, never a panic. Seed it
//! with the fixtures' `content.xml` (`unzip -p fixtures/read/odt/form.odt content.xml`).
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use huiyi::options::Limits;

/// The fixture's metadata part.
static META: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let fixture = include_bytes!("../../fixtures/read/odt/minutes.odt");
    let mut zip = zip::ZipArchive::new(Cursor::new(&fixture[..])).unwrap();
    let mut meta = Vec::new();
    zip.by_name("meta.xml").unwrap().read_to_end(&mut meta).unwrap();
    meta
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let parts: [(&str, &[u8]); 3] = [
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("meta.xml", &META),
        ("content.xml", data),
    ];
    for (name, part) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(part).unwrap();
    }
    let package = zip.finish().unwrap().into_inner();
    let _ = huiyi::read::read_bytes(&package, None, &Limits::default());
});
