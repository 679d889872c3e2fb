//! Throughput of the docx reader, each file beside the yardstick of the
//! `undoc` crate's plain-text extraction (`undoc::parse_bytes(..)?.plain_text()`)
//! of the same bytes in the same run.
//!
//! Throughput is the uncompressed size of `word/document.xml`, read once per
//! file in setup; documents per second is one over the time per iteration.
//!
//! Files: the project's own `fixtures/docx/*.docx`, and the dev minutes of
//! `../shared/eval/dev/minutes/*.docx` when present (or `$HUIYI_SHARED`).

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use huiyi::options::Limits;

/// One file to measure on.
struct Docx {
    name: String,
    path: PathBuf,
    bytes: Vec<u8>,
    /// Uncompressed size of `word/document.xml`.
    document_xml: u64,
}

/// The `*.docx` files of `dir`, sorted by name; `prefix` goes before each name.
fn docx_in(dir: &Path, prefix: &str) -> Option<Vec<Docx>> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    paths.sort();
    let files = paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable docx");
            let document_xml = document_xml_size(&bytes);
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            Docx {
                name: format!("{prefix}{stem}"),
                path,
                bytes,
                document_xml,
            }
        })
        .collect();
    Some(files)
}

/// The uncompressed size of `word/document.xml`, by reading it out.
fn document_xml_size(bytes: &[u8]) -> u64 {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut entry = archive
        .by_name("word/document.xml")
        .expect("a word/document.xml");
    let mut xml = Vec::new();
    entry
        .read_to_end(&mut xml)
        .expect("an inflatable document.xml");
    xml.len() as u64
}

/// The files to measure on.
fn files() -> Vec<Docx> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = docx_in(&root.join("fixtures/docx"), "fixture/").expect("fixtures/docx");
    let shared = std::env::var_os("HUIYI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let minutes = shared.join("eval/dev/minutes");
    match docx_in(&minutes, "dev/") {
        Some(dev) => files.extend(dev),
        None => eprintln!(
            "notice: {} not found; benching the fixtures only",
            minutes.display()
        ),
    }
    files
}

fn docx(c: &mut Criterion) {
    let limits = Limits::default();
    for file in files() {
        // Both must read the file, or the comparison means nothing.
        let huiyi_text = huiyi::read::read_bytes(&file.bytes, Some(&file.path), &limits)
            .expect("huiyi reads it")
            .text();
        let undoc_text = undoc::parse_bytes(&file.bytes)
            .expect("undoc reads it")
            .plain_text();
        eprintln!(
            "{}: {} bytes docx, {} bytes document.xml, text {} (huiyi) / {} (undoc) bytes",
            file.name,
            file.bytes.len(),
            file.document_xml,
            huiyi_text.len(),
            undoc_text.len()
        );
        let mut group = c.benchmark_group(format!("docx/{}", file.name));
        group.throughput(Throughput::Bytes(file.document_xml));
        group.bench_function("undoc (reference)", |b| {
            b.iter(|| {
                black_box(
                    undoc::parse_bytes(black_box(&file.bytes))
                        .expect("undoc reads it")
                        .plain_text(),
                )
            })
        });
        group.bench_function("huiyi read_bytes", |b| {
            b.iter(|| {
                black_box(
                    huiyi::read::read_bytes(black_box(&file.bytes), Some(&file.path), &limits)
                        .expect("huiyi reads it")
                        .text(),
                )
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = docx
}
criterion_main!(benches);
