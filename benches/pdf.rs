//! Throughput of the PDF reader on the project's own LibreOffice PDFs
//! (`fixtures/read/pdf/`): the one-page minutes and the three-page report.
//! Throughput is the file's size; documents per second is one over the time
//! per iteration.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use huiyi::options::Limits;

fn pdf(c: &mut Criterion) {
    let limits = Limits::default();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/read/pdf");
    for name in ["minutes", "report"] {
        let path = dir.join(format!("{name}.pdf"));
        let bytes = std::fs::read(&path).expect("the fixture");
        let text = huiyi::read::read_bytes(&bytes, Some(&path), &limits)
            .expect("huiyi reads it")
            .text();
        eprintln!(
            "{name}: {} bytes PDF, text {} bytes",
            bytes.len(),
            text.len()
        );
        let mut group = c.benchmark_group(format!("pdf/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("huiyi read_bytes", |b| {
            b.iter(|| {
                black_box(
                    huiyi::read::read_bytes(black_box(&bytes), Some(&path), &limits)
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
    targets = pdf
}
criterion_main!(benches);
