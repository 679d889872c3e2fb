//! Whole-process throughput: `huiyi extract` over a folder with one core and with
//! all of them, beside a program that only loads jieba-rs and cuts the same files
//! (`examples/jieba_cut.rs`), each timed from start to exit, with its peak RSS.
//!
//! ```text
//! cargo build --release --bin huiyi --example jieba_cut --example process_bench
//! target/release/examples/process_bench [--mb 50] [--runs 3] [--format jsonl|sqlite] FOLDER
//! ```
//!
//! With `--mb N` the files of FOLDER are copied round-robin into a scratch folder
//! until it holds N MB, and that is what the programs read. Each program runs
//! `--runs` times (default 3), in turn, and the median wall time is reported
//! (and the largest peak RSS): a shared machine's noise is large.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

#[path = "support/files.rs"]
mod support;

struct Run {
    label: String,
    seconds: f64,
    peak_rss_mb: f64,
}

/// Copies `sources` round-robin into `into` until it holds `bytes`.
fn fill(into: &Path, sources: &[PathBuf], bytes: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(into)?;
    let mut total = 0;
    let mut n = 0;
    while total < bytes {
        let source = &sources[n % sources.len()];
        let name = source.file_name().unwrap_or_default().to_string_lossy();
        total += std::fs::copy(source, into.join(format!("{n:06}-{name}")))?;
        n += 1;
    }
    Ok(())
}

/// Runs `program` to its end: wall time, and its peak resident set from `wait4`.
fn run(label: &str, program: &Path, args: &[&str]) -> Result<Run, String> {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    // Read what it says while it runs, so that a full pipe never stalls it.
    let mut stderr_pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut said = String::new();
        if let Some(pipe) = stderr_pipe.as_mut() {
            let _ = std::io::Read::read_to_string(pipe, &mut said);
        }
        said
    });
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills; `pid` is our own child,
    // reaped here once (the `Child` is not waited on after).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    let stderr = reader.join().unwrap_or_default();
    if reaped != pid || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) > 1 {
        return Err(format!("{label} failed: {stderr}"));
    }
    Ok(Run {
        label: label.to_string(),
        seconds,
        // ru_maxrss is in kilobytes on Linux.
        peak_rss_mb: usage.ru_maxrss as f64 / 1024.0,
    })
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut mb, mut format, mut folder) = (None, "jsonl".to_string(), None);
    let mut runs = 3;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mb" => mb = args.next().and_then(|n| n.parse::<u64>().ok()),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            "--format" => format = args.next().unwrap_or_default(),
            _ => folder = Some(PathBuf::from(a)),
        }
    }
    let (Some(folder), "jsonl" | "sqlite", 1..) = (folder, format.as_str(), runs) else {
        eprintln!("usage: process_bench [--mb N] [--runs N] [--format jsonl|sqlite] FOLDER");
        return ExitCode::from(2);
    };
    match bench(&folder, mb, runs, &format) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("process_bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn bench(folder: &Path, mb: Option<u64>, runs: usize, format: &str) -> Result<(), String> {
    let examples = std::env::current_exe()
        .map_err(|e| e.to_string())?
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let huiyi = examples.parent().unwrap_or(&examples).join("huiyi");
    let jieba_cut = examples.join("jieba_cut");
    for program in [&huiyi, &jieba_cut] {
        if !program.exists() {
            return Err(format!(
                "{} is not built: cargo build --release --bin huiyi --example jieba_cut",
                program.display()
            ));
        }
    }
    let scratch = std::env::temp_dir().join(format!("huiyi-process-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
    let result = measure(folder, mb, runs, format, &scratch, &huiyi, &jieba_cut);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn measure(
    folder: &Path,
    mb: Option<u64>,
    runs: usize,
    format: &str,
    scratch: &Path,
    huiyi: &Path,
    jieba_cut: &Path,
) -> Result<(), String> {
    let sources = support::files(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    if sources.is_empty() {
        return Err(format!("{}: no files", folder.display()));
    }
    let input = match mb {
        Some(mb) => {
            let input = scratch.join("input");
            fill(&input, &sources, mb << 20).map_err(|e| e.to_string())?;
            input
        }
        None => folder.to_path_buf(),
    };
    let paths = support::files(&input).map_err(|e| e.to_string())?;
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| p.metadata().ok())
        .map(|m| m.len())
        .sum();
    let documents = paths.len();

    // In-process: the first construction loads the dictionaries, later ones share them.
    let start = Instant::now();
    let _first = huiyi::Extractor::new();
    let first = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let _second = huiyi::Extractor::new();
    let second = start.elapsed().as_secs_f64() * 1e3;

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let input_arg = input.to_string_lossy().into_owned();
    let out = scratch
        .join(format!(
            "out.{}",
            if format == "sqlite" { "db" } else { "jsonl" }
        ))
        .to_string_lossy()
        .into_owned();
    let j1 = "1".to_string();
    let jn = cores.to_string();
    let programs: Vec<(String, &Path, Vec<&str>)> = std::iter::once((
        "jieba-rs cut (reference)".to_string(),
        jieba_cut,
        vec![input_arg.as_str()],
    ))
    .chain([&j1, &jn].into_iter().map(|j| {
        (
            format!("huiyi extract -j {j} --format {format}"),
            huiyi,
            vec![
                "extract", "-j", j, "--format", format, "-o", &out, &input_arg,
            ],
        )
    }))
    .collect();
    // Rounds of every program in turn, so that a slow spell of the machine
    // falls on all of them alike.
    let runs_per_program = runs;
    let mut timings: Vec<Vec<Run>> = programs.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs_per_program {
        for ((label, program, args), times) in programs.iter().zip(&mut timings) {
            let _ = std::fs::remove_file(&out);
            times.push(run(label, program, args)?);
        }
    }
    let runs: Vec<Run> = timings
        .into_iter()
        .map(|mut times| {
            times.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
            let peak = times.iter().map(|r| r.peak_rss_mb).fold(0.0, f64::max);
            let mut median = times.swap_remove(times.len() / 2);
            median.peak_rss_mb = peak;
            median
        })
        .collect();

    let mb = bytes as f64 / 1e6;
    println!(
        "{documents} documents, {mb:.1} MB, median of {} runs; Extractor::new: first {first:.0} ms, next {second:.3} ms",
        runs_per_program
    );
    println!(
        "{:<36} {:>8} {:>10} {:>8} {:>9} {:>10}",
        "program", "wall s", "docs/s", "MB/s", "peak MB", "vs jieba"
    );
    let reference = runs[0].seconds;
    for r in &runs {
        println!(
            "{:<36} {:>8.2} {:>10.0} {:>8.1} {:>9.1} {:>9.2}x",
            r.label,
            r.seconds,
            documents as f64 / r.seconds,
            mb / r.seconds,
            r.peak_rss_mb,
            reference / r.seconds
        );
    }
    Ok(())
}
