//! The `huiyi` command line: a thin shell over the library (SPEC §5).

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use huiyi::record::Source;
use huiyi::{Error, ErrorRecord, Extractor, Outcome};

#[derive(Parser)]
#[command(
    name = "huiyi",
    version,
    about = "Chinese meeting reports and minutes → structured records (huiyi/1)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from files or folders (folders are walked; '-' reads stdin).
    Extract(ExtractArgs),
    /// Print the normalised text of a document (for checking a reader).
    Text {
        /// The document.
        path: PathBuf,
    },
    /// Read time expressions alone: one JSON line each.
    Time {
        /// Reference date for expressions without a year (default: today).
        #[arg(long, value_parser = parse_date)]
        ref_date: Option<NaiveDate>,
        /// The expressions.
        #[arg(required = true)]
        texts: Vec<String>,
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or folders; '-' reads one document from stdin.
    paths: Vec<PathBuf>,
    /// Output format (default: json for one input, jsonl for several).
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Reference date for dates without a year (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    ref_date: Option<NaiveDate>,
    /// Read input paths from this file, one a line ('-' for stdin).
    #[arg(long)]
    files_from: Option<PathBuf>,
    /// Parallel workers (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Include the normalised text in each record.
    #[arg(long)]
    with_text: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One pretty-printed JSON record (several records: a JSON array).
    Json,
    /// One record a line.
    Jsonl,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::InvalidDate { text: text.into() }.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Text { path } => text(&path),
        Command::Time { ref_date, texts } => time(ref_date, &texts),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("huiyi: {message}");
            ExitCode::from(2)
        }
    }
}

/// What an input names: a file, or stdin.
enum Input {
    File(PathBuf),
    Stdin,
}

fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    let inputs = collect_inputs(&args.paths, args.files_from.as_deref())?;
    if inputs.is_empty() {
        return Err("no input: give files, folders, '-' or --files-from".into());
    }
    let single = inputs.len() == 1 && args.paths.len() == 1 && !args.paths[0].is_dir();
    let format = args.format.unwrap_or(if single {
        OutputFormat::Json
    } else {
        OutputFormat::Jsonl
    });

    let mut builder = Extractor::builder().with_text(args.with_text);
    if let Some(date) = args.ref_date {
        builder = builder.reference_date(date);
    }
    let extractor = builder.build();

    let sink: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let mut failures: std::collections::BTreeMap<String, usize> = Default::default();
    let mut bytes = 0u64;
    let started = std::time::Instant::now();
    let array = format == OutputFormat::Json && !single;
    if array {
        write_or_fail(out.write_all(b"[\n"))?;
    }
    for (i, input) in inputs.iter().enumerate() {
        let outcome = match input {
            Input::File(path) => extractor.outcome_of_path(path),
            Input::Stdin => match read_stdin() {
                Ok(b) => extractor.outcome_of_bytes(&b, None),
                Err(error) => Outcome::Failed(ErrorRecord::new(Source::default(), &error)),
            },
        };
        bytes += outcome.source().bytes.unwrap_or(0);
        if let Outcome::Failed(failure) = &outcome {
            *failures.entry(failure.error.kind.clone()).or_default() += 1;
            eprintln!("huiyi: {}", failure.error.message);
        }
        let json = to_json(&outcome, format);
        if array && i > 0 {
            write_or_fail(out.write_all(b",\n"))?;
        }
        write_or_fail(out.write_all(json.as_bytes()))?;
        if !array {
            write_or_fail(out.write_all(b"\n"))?;
        }
    }
    if array {
        write_or_fail(out.write_all(b"\n]\n"))?;
    }
    write_or_fail(out.flush())?;
    let failed: usize = failures.values().sum();
    if inputs.len() > 1 {
        let seconds = started.elapsed().as_secs_f64().max(1e-9);
        let by_kind: Vec<String> = failures.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        let records = inputs.len() - failed;
        eprintln!(
            "huiyi: {} files, {} record{}, {} failed{}, {:.1} MB/s in {:.2} s",
            inputs.len(),
            records,
            if records == 1 { "" } else { "s" },
            failed,
            if by_kind.is_empty() {
                String::new()
            } else {
                format!(" ({})", by_kind.join(", "))
            },
            bytes as f64 / 1e6 / seconds,
            seconds
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn to_json<T: serde::Serialize>(value: &T, format: OutputFormat) -> String {
    let json = match format {
        OutputFormat::Json => serde_json::to_string_pretty(value),
        OutputFormat::Jsonl => serde_json::to_string(value),
    };
    json.expect("records serialise to JSON")
}

fn write_or_fail(result: io::Result<()>) -> Result<(), String> {
    result.map_err(|e| format!("cannot write the output: {e}"))
}

fn read_stdin() -> huiyi::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io { path: None, source })?;
    Ok(bytes)
}

/// The inputs named on the command line, folders walked in a deterministic order.
fn collect_inputs(paths: &[PathBuf], files_from: Option<&Path>) -> Result<Vec<Input>, String> {
    let mut listed: Vec<PathBuf> = paths.to_vec();
    if let Some(list) = files_from {
        let reader: Box<dyn BufRead> = if list == Path::new("-") {
            Box::new(io::stdin().lock())
        } else {
            Box::new(io::BufReader::new(
                std::fs::File::open(list).map_err(|e| format!("{}: {e}", list.display()))?,
            ))
        };
        for line in reader.lines() {
            let line = line.map_err(|e| format!("{}: {e}", list.display()))?;
            if !line.trim().is_empty() {
                listed.push(PathBuf::from(line.trim_end()));
            }
        }
    }
    let mut inputs = Vec::new();
    for path in listed {
        if path == Path::new("-") {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(&path, &mut inputs);
        } else {
            // A missing file is an input that failed, not a usage error: it gets its error record.
            inputs.push(Input::File(path));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        inputs.push(Input::File(dir.to_path_buf()));
        return;
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if child.is_dir() {
            walk(&child, inputs);
        } else {
            inputs.push(Input::File(child));
        }
    }
}

fn text(path: &Path) -> Result<ExitCode, String> {
    match Extractor::new().normalized_text(path) {
        Ok(text) => {
            let mut out = io::stdout().lock();
            write_or_fail(out.write_all(text.as_bytes()))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("huiyi: {error}");
            Ok(ExitCode::from(1))
        }
    }
}

fn time(reference: Option<NaiveDate>, texts: &[String]) -> Result<ExitCode, String> {
    let reference = reference.unwrap_or_else(today);
    let mut out = io::stdout().lock();
    let mut unread = 0;
    for text in texts {
        let expr = huiyi::time::parse(text, reference);
        unread += usize::from(expr.is_none());
        let line = serde_json::json!({
            "text": text,
            "start": expr.as_ref().and_then(|e| e.start).map(|d| d.to_string()),
            "end": expr.as_ref().and_then(|e| e.end).map(|d| d.to_string()),
            "relation": expr.as_ref().map(|e| e.relation),
            "precision": expr.as_ref().map(|e| e.precision),
        });
        write_or_fail(writeln!(out, "{line}"))?;
    }
    Ok(if unread > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Today's date (UTC), from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::default() + chrono::Days::new(days)
}
