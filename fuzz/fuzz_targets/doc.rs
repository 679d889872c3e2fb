//! Fuzzes the `.doc` reader: any bytes give a document or a typed error,
//! never a panic. An input opening with the OLE magic is read as a file
//! (seed with `fixtures/read/doc`); any other is split into a
//! `WordDocument` and a `0Table` stream (a 2-byte length, then the first
//! stream, the rest the second) packed into a sound OLE file, so that the
//! FIB, piece table and paragraph property parsers see the bytes.
#![no_main]

use std::io::{Cursor, Write};

use huiyi::options::Limits;

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn pack(data: &[u8]) -> Option<Vec<u8>> {
    let (len, rest) = data.split_first_chunk::<2>()?;
    let (word, table) = rest.split_at(usize::from(u16::from_le_bytes(*len)).min(rest.len()));
    let mut ole = cfb::CompoundFile::create(Cursor::new(Vec::new())).ok()?;
    ole.create_stream("WordDocument").ok()?.write_all(word).ok()?;
    ole.create_stream("0Table").ok()?.write_all(table).ok()?;
    ole.flush().ok()?;
    Some(ole.into_inner().into_inner())
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if data.starts_with(OLE_MAGIC) {
        let _ = huiyi::read::read_bytes(data, None, &limits);
    } else if let Some(file) = pack(data) {
        let _ = huiyi::read::read_bytes(&file, None, &limits);
    }
});
