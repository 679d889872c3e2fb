//! Throughput of the pipeline and its parts, each beside the yardstick of
//! jieba-rs HMM segmentation (`Jieba::cut(text, true)`) of the same text in
//! the same run: every figure is also a ratio to it.
//!
//! Texts: the project's own fixture reports, and the real reports of
//! `../shared/eval/dev/docs` when present (or `$HUIYI_SHARED`).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use huiyi::Extractor;

/// The texts to measure on: (name, text).
fn texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    let fixture = std::fs::read_to_string(root.join("fixtures/reports/liuchuan-2025-03-18.txt"))
        .expect("the bundled example report");
    texts.push(("fixture-report".to_string(), fixture));
    let shared = std::env::var_os("HUIYI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    if let Ok(entries) = std::fs::read_dir(shared.join("eval/dev/docs")) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let all: String = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect::<Vec<_>>()
            .join("\n");
        texts.push(("dev-reports".to_string(), all));
    } else {
        eprintln!(
            "notice: {} not found; benching the fixture only",
            shared.display()
        );
    }
    texts
}

fn pipeline(c: &mut Criterion) {
    let extractor = Extractor::new();
    let normalizer = huiyi::normalize::Normalizer::new();
    let jieba = jieba_rs::Jieba::new();
    for (name, text) in texts() {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("jieba_cut_hmm (reference)", |b| {
            b.iter(|| black_box(jieba.cut(black_box(&text), true)))
        });
        group.bench_function("normalize", |b| {
            b.iter(|| black_box(normalizer.normalize(black_box(&text))))
        });
        group.bench_function("extract_str", |b| {
            b.iter(|| black_box(extractor.extract_str(black_box(&text))))
        });
        group.finish();
    }
}

fn construction(c: &mut Criterion) {
    c.bench_function("Extractor::new", |b| b.iter(|| black_box(Extractor::new())));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = pipeline, construction
}
criterion_main!(benches);
