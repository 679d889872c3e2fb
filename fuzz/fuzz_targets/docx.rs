//! Fuzzes the docx reader: any bytes give a document or a typed error.
//!
//! The reader module is compiled here from its source, with a stand-in for
//! `crate::read::Block`, so that the target needs none of the rest of the
//! crate (and no public door into a `pub(crate)` reader).
#![no_main]

mod read {
    /// The crate's block type, as the reader builds it.
    #[allow(dead_code)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Block {
        Paragraph(String),
        Table(Vec<Vec<String>>),
    }
}

#[path = "../../src/read/docx/mod.rs"]
mod docx;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let limits = docx::DocxLimits::default();
    let _ = docx::is_encrypted_ole(data);
    let _ = docx::read_docx(data, None, &limits);
});
