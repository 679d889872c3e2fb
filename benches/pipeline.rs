//! Throughput of the pipeline and of each of its stages, each beside the
//! yardstick of jieba-rs HMM segmentation (`Jieba::cut(text, true)`) of the same
//! text in the same run: every figure is also a ratio to it.
//!
//! Texts: the project's own fixture report, and when `../shared/eval/dev/docs`
//! is present (or `$HUIYI_SHARED`) the real reports: all of them as one text,
//! and a 5 KB and a 1 MB report cut from them, to show that the cost per byte
//! does not grow with the length of a document.
//!
//! `cargo bench --bench pipeline`; `-- extract_str` for the whole pipeline only.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use huiyi::Extractor;
use huiyi::normalize::Normalizer;
use huiyi::stages;

/// The real reports of the dev set, joined, if present.
fn dev_reports() -> Option<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("HUIYI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let entries = std::fs::read_dir(shared.join("eval/dev/docs")).ok()?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    (!texts.is_empty()).then(|| texts.join("\n"))
}

/// The first `bytes` of `text`, ending at a line break.
fn cut_at_line(text: &str, bytes: usize) -> String {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').map_or(end, |n| n + 1);
    text[..end].to_string()
}

/// The texts to measure on: (name, text).
fn texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixture = std::fs::read_to_string(root.join("fixtures/reports/liuchuan-2025-03-18.txt"))
        .expect("the bundled example report");
    let mut texts = vec![("fixture-report".to_string(), fixture.clone())];
    // Without the real reports, the long texts are made of the fixture.
    let source = match dev_reports() {
        Some(all) => {
            texts.push(("dev-reports".to_string(), all.clone()));
            all
        }
        None => {
            eprintln!("notice: ../shared/eval/dev/docs not found; long texts repeat the fixture");
            fixture
        }
    };
    // The long report is the short one over and over: the same text per byte,
    // so the two differ only in length (cost growing faster than length shows).
    let short = cut_at_line(&source, 5 << 10);
    let long = short.repeat((1 << 20) / short.len() + 1);
    texts.push(("report-1MB".to_string(), cut_at_line(&long, 1 << 20)));
    texts.push(("report-5KB".to_string(), short));
    texts
}

fn pipeline(c: &mut Criterion) {
    let extractor = Extractor::new();
    let normalizer = Normalizer::new();
    let jieba = jieba_rs::Jieba::new();
    for (name, text) in texts() {
        let normalized = normalizer.normalize(&text).text;
        let t = normalized.as_str();
        let people = stages::people(t);
        let deadlines = stages::deadlines(t, None);
        let problems = stages::problems(t);
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("jieba_cut_hmm (reference)", |b| {
            b.iter(|| black_box(jieba.cut(black_box(&text), true)))
        });
        group.bench_function("extract_str", |b| {
            b.iter(|| black_box(extractor.extract_str(black_box(&text))))
        });
        group.bench_function("normalize", |b| {
            b.iter(|| black_box(normalizer.normalize(black_box(&text))))
        });
        group.bench_function("time::scan", |b| {
            b.iter(|| black_box(huiyi::time::scan(black_box(t))))
        });
        // Every stage below builds the analysis first: subtract this from each.
        group.bench_function("stage/analysis", |b| {
            b.iter(|| black_box(stages::analysis(black_box(t))))
        });
        group.bench_function("stage/meeting_date", |b| {
            b.iter(|| black_box(stages::meeting_date(black_box(t))))
        });
        group.bench_function("stage/deadlines", |b| {
            b.iter(|| black_box(stages::deadlines(black_box(t), None)))
        });
        group.bench_function("stage/people", |b| {
            b.iter(|| black_box(stages::people(black_box(t))))
        });
        group.bench_function("stage/meeting_parts", |b| {
            b.iter(|| black_box(stages::meeting_parts(black_box(t), &people)))
        });
        group.bench_function("stage/problems", |b| {
            b.iter(|| black_box(stages::problems(black_box(t))))
        });
        group.bench_function("stage/tasks", |b| {
            b.iter(|| black_box(stages::tasks(black_box(t), &people, &deadlines, &problems)))
        });
        group.finish();
    }
}

/// Construction once the process has loaded its word lists and jieba's
/// dictionary (the first construction pays for those: see `examples/process_bench.rs`).
fn construction(c: &mut Criterion) {
    let _loaded = Extractor::new();
    c.bench_function("Extractor::new (after the first)", |b| {
        b.iter(|| black_box(Extractor::new()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = pipeline, construction
}
criterion_main!(benches);
