//! The `huiyi` command line: a thin shell over the library (SPEC §5).

use std::collections::{BTreeMap, HashSet};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use huiyi::sink::{
    Batch, CsvSink, Input, JsonSink, Sink, SinkError, SqliteSink, XlsxSink, completed_in_jsonl,
    file_sha256,
};
use huiyi::{Error, Extractor, Outcome};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

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
    /// Write one HTML review page: each document's text with what was
    /// extracted marked in it, and its record as tables.
    Show(ShowArgs),
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
        /// Read each as a deadline set on the reference date, as records do:
        /// a date without a year is the first on or after it (`一季度` on
        /// 2024-12-20 is 2025's); without it, the reference date's year.
        #[arg(long)]
        deadline: bool,
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
    /// Read input paths from this file, one a line ('-' for stdin: then, with
    /// JSON Lines, each line is written as soon as it is ready, while stdin
    /// is still open).
    #[arg(long)]
    files_from: Option<PathBuf>,
    /// The --files-from paths are parted by NUL bytes, not lines (`find -print0`).
    #[arg(short = '0', long)]
    null: bool,
    /// Parallel workers (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Include the normalised text in each record.
    #[arg(long)]
    with_text: bool,
    /// In folders, take only files with these extensions (e.g. docx,txt,html).
    #[arg(long, value_delimiter = ',')]
    ext: Vec<String>,
    /// Pass over inputs already converted unchanged (same path and sha256) in
    /// the -o database or JSON Lines file.
    #[arg(long)]
    skip_existing: bool,
    /// Start each CSV file with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    csv_bom: bool,
    /// Documents committed together in SQLite output.
    #[arg(long, default_value_t = 256)]
    batch_size: usize,
    /// The day the xlsx ledger counts days left from (YYYY-MM-DD; default: today).
    #[arg(long, value_parser = parse_date)]
    as_of: Option<NaiveDate>,
}

#[derive(clap::Args)]
struct ShowArgs {
    /// Files or folders; '-' reads one document from stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write the page to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Reference date for dates without a year (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    ref_date: Option<NaiveDate>,
    /// In folders, take only files with these extensions (e.g. docx,txt,html).
    #[arg(long, value_delimiter = ',')]
    ext: Vec<String>,
    /// Parallel workers (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One pretty-printed JSON record (several records: a JSON array).
    Json,
    /// One record a line.
    Jsonl,
    /// A folder (-o) of CSV tables joined by document_id.
    Csv,
    /// An SQLite database (-o).
    Sqlite,
    /// An Excel workbook (-o): the task ledger 任务台账, then the CSV tables as sheets.
    Xlsx,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Show(args) => show(args),
        Command::Text { path } => text(&path),
        Command::Time {
            ref_date,
            deadline,
            texts,
        } => time(ref_date, deadline, &texts),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("huiyi: {message}");
            ExitCode::from(2)
        }
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    let output = args.output.as_deref();
    let needs_output = matches!(
        args.format,
        Some(OutputFormat::Csv | OutputFormat::Sqlite | OutputFormat::Xlsx)
    );
    if needs_output && output.is_none() {
        return Err(
            "--format csv, sqlite and xlsx need -o (a folder for csv, a file for the others)"
                .into(),
        );
    }
    if args.as_of.is_some() && args.format != Some(OutputFormat::Xlsx) {
        return Err("--as-of counts the days left in the ledger of --format xlsx".into());
    }
    let filter = Filter::new(&args.ext, output);
    // Paths piped in, written out as JSON Lines: each line goes out as soon
    // as it is ready, while later paths are still to come (RDD.pipe, Hadoop
    // streaming, shell pipelines).
    let streaming = args.files_from.as_deref() == Some(Path::new("-"))
        && matches!(args.format, None | Some(OutputFormat::Jsonl))
        && !args.skip_existing;
    if streaming && args.paths.iter().any(|p| p == Path::new("-")) {
        return Err("'-' and --files-from - cannot both read stdin".into());
    }
    if args.paths.is_empty() && args.files_from.is_none() {
        return Err("no input: give files, folders, '-' or --files-from".into());
    }
    let separator = if args.null { b'\0' } else { b'\n' };
    // An empty folder or list is no usage error: no records (`[]` as a JSON array).
    let mut inputs = if streaming {
        collect_inputs(&args.paths, None, separator, &filter)?
    } else {
        collect_inputs(&args.paths, args.files_from.as_deref(), separator, &filter)?
    };
    let single =
        !streaming && inputs.len() == 1 && args.paths.len() == 1 && !args.paths[0].is_dir();
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

    let (mut sink, skipped) = open_sink(&args, format, single, streaming, &mut inputs)?;
    let progress = progress_bar(if streaming { 0 } else { inputs.len() });
    let mut failures: BTreeMap<String, usize> = BTreeMap::new();
    let mut bytes = 0u64;
    let mut extracted = 0usize;
    let started = std::time::Instant::now();
    let batch = Batch::new().jobs(args.jobs.unwrap_or(0));
    let unread_list = std::sync::Arc::new(std::sync::Mutex::new(None));
    let mut emit = |outcome: Outcome| {
        extracted += 1;
        bytes += outcome.source().bytes.unwrap_or(0);
        if let Outcome::Failed(failure) = &outcome {
            *failures.entry(failure.error.kind.clone()).or_default() += 1;
            let message = &failure.error.message;
            match &progress {
                Some(bar) => bar.suspend(|| eprintln!("huiyi: {message}")),
                None => eprintln!("huiyi: {message}"),
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        sink.write(&outcome)
    };
    let result = if streaming {
        let piped = piped_inputs(filter, separator, std::sync::Arc::clone(&unread_list));
        batch.stream(&extractor, inputs.into_iter().chain(piped), &mut emit)
    } else {
        batch.run(&extractor, inputs, &mut emit)
    }
    .and_then(|()| sink.finish());
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    match result {
        Err(e) if is_closed_pipe(&e) => return Ok(ExitCode::from(CLOSED_PIPE)),
        other => other.map_err(|e| e.to_string())?,
    }
    if let Some(message) = unread_list.lock().ok().and_then(|mut m| m.take()) {
        return Err(message);
    }
    // A stream may be empty (an empty Spark partition): no lines, no error.
    let found = skipped + extracted;

    let failed: usize = failures.values().sum();
    if found > 1 {
        let seconds = started.elapsed().as_secs_f64().max(1e-9);
        let by_kind: Vec<String> = failures.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        let records = found - skipped - failed;
        eprintln!(
            "huiyi: {} files, {} record{}, {} failed{}{}, {:.1} MB/s in {:.2} s",
            found,
            records,
            if records == 1 { "" } else { "s" },
            failed,
            if by_kind.is_empty() {
                String::new()
            } else {
                format!(" ({})", by_kind.join(", "))
            },
            if args.skip_existing {
                format!(", {skipped} skipped (unchanged)")
            } else {
                String::new()
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

/// Opens the sink for `format`; with --skip-existing, drops from `inputs`
/// those already converted unchanged and says how many.
fn open_sink(
    args: &ExtractArgs,
    format: OutputFormat,
    single: bool,
    streaming: bool,
    inputs: &mut Vec<Input>,
) -> Result<(Box<dyn Sink>, usize), String> {
    let output = args.output.as_deref();
    let fail = |e: SinkError| e.to_string();
    if args.skip_existing {
        let Some(output) =
            output.filter(|_| matches!(format, OutputFormat::Sqlite | OutputFormat::Jsonl))
        else {
            return Err("--skip-existing needs -o with --format sqlite or jsonl".into());
        };
        if format == OutputFormat::Sqlite {
            let sink = SqliteSink::open(output)
                .map_err(fail)?
                .batch_size(args.batch_size);
            let skipped = skip_unchanged(inputs, &sink.completed().map_err(fail)?);
            return Ok((Box::new(sink), skipped));
        }
        let skipped = skip_unchanged(inputs, &completed_in_jsonl(output).map_err(fail)?);
        let replaced = inputs
            .iter()
            .map(|i| i.path().map_or("-".into(), huiyi::sink::path_key_of))
            .collect();
        let sink = JsonSink::resume(output, &replaced).map_err(fail)?;
        return Ok((Box::new(sink), skipped));
    }
    let sink: Box<dyn Sink> = match (format, output) {
        (OutputFormat::Sqlite, Some(path)) => Box::new(
            SqliteSink::open(path)
                .map_err(fail)?
                .batch_size(args.batch_size),
        ),
        (OutputFormat::Csv, Some(folder)) => {
            Box::new(CsvSink::create(folder, args.csv_bom).map_err(fail)?)
        }
        (OutputFormat::Xlsx, Some(path)) => {
            Box::new(XlsxSink::create(path, args.as_of.unwrap_or_else(today)).map_err(fail)?)
        }
        (_, Some(path)) => {
            let file =
                std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            json_sink(BufWriter::new(file), format, single, streaming)
        }
        (_, None) => json_sink(
            BufWriter::new(io::stdout().lock()),
            format,
            single,
            streaming,
        ),
    };
    Ok((sink, 0))
}

/// A JSON sink; `streaming`, each line is flushed as it is written.
fn json_sink<W: Write + 'static>(
    out: W,
    format: OutputFormat,
    single: bool,
    streaming: bool,
) -> Box<dyn Sink> {
    match format {
        OutputFormat::Json if single => Box::new(JsonSink::pretty(out)),
        OutputFormat::Json => Box::new(JsonSink::array(out)),
        _ => Box::new(JsonSink::lines(out).flush_each(streaming)),
    }
}

/// Drops the file inputs that are in `done` with their current content
/// (hashed, not extracted); says how many.
fn skip_unchanged(inputs: &mut Vec<Input>, done: &HashSet<(String, String)>) -> usize {
    let before = inputs.len();
    inputs.retain(|input| {
        let Input::Path(path) = input else {
            return true;
        };
        // An unreadable file is not skipped: extracting it gives its error record.
        !file_sha256(path).is_ok_and(|sha| done.contains(&(huiyi::sink::path_key_of(path), sha)))
    });
    before - inputs.len()
}

fn progress_bar(len: usize) -> Option<ProgressBar> {
    if len < 2 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, eta {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::InvalidDate { text: text.into() }.to_string())
}

fn read_stdin() -> Result<Vec<u8>, String> {
    // One byte past the limit is enough for the extractor to refuse it as too large.
    let limit = huiyi::options::Limits::default().max_input_bytes;
    let mut bytes = Vec::new();
    io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    Ok(bytes)
}

/// Which files a folder walk takes.
struct Filter {
    /// Lower-case extensions to take; empty takes every file.
    extensions: Vec<String>,
    /// The tool's own outputs (canonical paths), never read as inputs.
    own_outputs: HashSet<PathBuf>,
}

impl Filter {
    /// Takes the extensions listed (`.DOCX` as `docx`), never the -o `output`.
    fn new(extensions: &[String], output: Option<&Path>) -> Self {
        Filter {
            extensions: extensions
                .iter()
                .map(|e| e.trim_start_matches('.').to_lowercase())
                .collect(),
            own_outputs: own_outputs(output),
        }
    }
}

/// The -o target and the files SQLite or a resumed run keep beside it.
fn own_outputs(output: Option<&Path>) -> HashSet<PathBuf> {
    let Some(output) = output else {
        return HashSet::new();
    };
    let mut paths = vec![output.to_path_buf()];
    for suffix in ["-journal", "-wal", "-shm", ".partial"] {
        let mut name = output.as_os_str().to_owned();
        name.push(suffix);
        paths.push(name.into());
    }
    paths.iter().filter_map(|p| canonical(p)).collect()
}

/// A path made canonical through its folder, so that it need not exist yet.
fn canonical(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(folder.canonicalize().ok()?.join(name))
}

/// The inputs named on the command line, folders walked in a deterministic order.
fn collect_inputs(
    paths: &[PathBuf],
    files_from: Option<&Path>,
    separator: u8,
    filter: &Filter,
) -> Result<Vec<Input>, String> {
    let mut listed: Vec<PathBuf> = paths.to_vec();
    if let Some(list) = files_from {
        let reader: Box<dyn BufRead> = if list == Path::new("-") {
            Box::new(io::stdin().lock())
        } else {
            Box::new(io::BufReader::new(
                std::fs::File::open(list).map_err(|e| format!("{}: {e}", list.display()))?,
            ))
        };
        for entry in reader.split(separator) {
            let entry = entry.map_err(|e| format!("{}: {e}", list.display()))?;
            listed.extend(listed_path(entry, separator));
        }
    }
    let mut inputs = Vec::new();
    for path in listed {
        if path == Path::new("-") {
            inputs.push(Input::Bytes {
                bytes: read_stdin()?,
                path: None,
            });
        } else {
            expand(path, filter, &mut inputs);
        }
    }
    Ok(inputs)
}

/// A listed path as inputs: a folder walked, anything else as it is.
fn expand(path: PathBuf, filter: &Filter, inputs: &mut Vec<Input>) {
    if path.is_dir() {
        walk(&path, filter, inputs, &mut Vec::new());
    } else {
        // A missing file is an input that failed, not a usage error: it gets its error record.
        inputs.push(Input::Path(path));
    }
}

/// The paths of `--files-from -`, one a line, read as they come (folders
/// walked). Reading stops at the end of stdin; a failure to read it ends the
/// list and is left in `unread` (a `-` line names no file here: stdin is the list).
fn piped_inputs(
    filter: Filter,
    separator: u8,
    unread: std::sync::Arc<std::sync::Mutex<Option<String>>>,
) -> impl Iterator<Item = Input> + Send + 'static {
    let lines = std::iter::from_fn(move || {
        let mut line = Vec::new();
        match io::stdin().lock().read_until(separator, &mut line) {
            Ok(0) => None,
            Ok(_) => Some(line),
            Err(e) => {
                if let Ok(mut slot) = unread.lock() {
                    *slot = Some(format!("-: {e}"));
                }
                None
            }
        }
    });
    lines.flat_map(move |line| {
        let mut inputs = Vec::new();
        if let Some(path) = listed_path(line, separator) {
            expand(path, &filter, &mut inputs);
        }
        inputs
    })
}

/// The path of one --files-from entry, without its separator; a line is
/// also trimmed of trailing blanks (a `\r`), a NUL-parted name taken as it
/// is. Blank entries name nothing.
fn listed_path(mut entry: Vec<u8>, separator: u8) -> Option<PathBuf> {
    if entry.last() == Some(&separator) {
        entry.pop();
    }
    if separator == b'\n' {
        let kept = entry.trim_ascii_end().len();
        entry.truncate(kept);
    }
    if entry.trim_ascii().is_empty() {
        return None;
    }
    #[cfg(unix)]
    let path =
        PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(entry));
    #[cfg(not(unix))]
    let path = PathBuf::from(String::from_utf8_lossy(&entry).into_owned());
    Some(path)
}

/// Walks `dir` into `inputs`; `ancestors` are the folders being walked, as
/// canonical paths, so that a link back to one of them is not followed round.
fn walk(dir: &Path, filter: &Filter, inputs: &mut Vec<Input>, ancestors: &mut Vec<PathBuf>) {
    let canonical_dir = dir.canonicalize().ok();
    if let Some(d) = &canonical_dir
        && let Some(ancestor) = ancestors.iter().find(|a| *a == d)
    {
        eprintln!(
            "huiyi: {}: not walked, it leads back to {}",
            dir.display(),
            ancestor.display()
        );
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        inputs.push(Input::Path(dir.to_path_buf()));
        return;
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    let depth = ancestors.len();
    ancestors.extend(canonical_dir.clone());
    for child in children {
        let Some(name) = child.file_name() else {
            continue;
        };
        let own = canonical_dir
            .as_ref()
            .is_some_and(|d| filter.own_outputs.contains(&d.join(name)));
        // Hidden files, and the `~$` lock files Word and WPS keep beside an open document.
        let name = name.to_string_lossy();
        if own || name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if child.is_dir() {
            walk(&child, filter, inputs, ancestors);
        } else if filter.extensions.is_empty()
            || child.extension().is_some_and(|e| {
                filter
                    .extensions
                    .contains(&e.to_string_lossy().to_lowercase())
            })
        {
            inputs.push(Input::Path(child));
        }
    }
    ancestors.truncate(depth);
}

/// Exit status when the reader of the output went away (`huiyi … | head -1`):
/// what a shell reports for a process SIGPIPE ended, 128 + 13, with no message.
const CLOSED_PIPE: u8 = 141;

fn is_closed_pipe(error: &SinkError) -> bool {
    match error {
        SinkError::Write(e) => e.kind() == io::ErrorKind::BrokenPipe,
        SinkError::Json(e) => e.io_error_kind() == Some(io::ErrorKind::BrokenPipe),
        _ => false,
    }
}

/// How a command ends when writing its output failed.
fn write_failed(error: io::Error) -> Result<ExitCode, String> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::from(CLOSED_PIPE));
    }
    Err(format!("cannot write the output: {error}"))
}

fn show(args: ShowArgs) -> Result<ExitCode, String> {
    let filter = Filter::new(&args.ext, args.output.as_deref());
    let inputs = collect_inputs(&args.paths, None, b'\n', &filter)?;
    if inputs.is_empty() {
        return Err("no input: the folders given hold no file to show".into());
    }
    let mut builder = Extractor::builder().with_text(true);
    if let Some(date) = args.ref_date {
        builder = builder.reference_date(date);
    }
    let mut outcomes = Vec::with_capacity(inputs.len());
    let mut failed = 0usize;
    Batch::new()
        .jobs(args.jobs.unwrap_or(0))
        .run(&builder.build(), inputs, |outcome| {
            if let Outcome::Failed(failure) = &outcome {
                // The page has its error section; stderr says so too.
                eprintln!("huiyi: {}", failure.error.message);
                failed += 1;
            }
            outcomes.push(outcome);
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    let page = huiyi::review::render_html(&outcomes);
    match &args.output {
        Some(path) => std::fs::write(path, page).map_err(|e| format!("{}: {e}", path.display()))?,
        None => {
            if let Err(error) = io::stdout().lock().write_all(page.as_bytes()) {
                return write_failed(error);
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn text(path: &Path) -> Result<ExitCode, String> {
    match Extractor::new().normalized_text(path) {
        Ok(text) => {
            let mut out = io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                return write_failed(e);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("huiyi: {error}");
            Ok(ExitCode::from(1))
        }
    }
}

fn time(
    reference: Option<NaiveDate>,
    deadline: bool,
    texts: &[String],
) -> Result<ExitCode, String> {
    let reference = reference.unwrap_or_else(today);
    let rule = if deadline {
        huiyi::time::YearRule::Future
    } else {
        huiyi::time::YearRule::Same
    };
    let mut out = io::stdout().lock();
    let mut unread = 0;
    for text in texts {
        let expr = huiyi::time::parse_with(text, reference, rule);
        unread += usize::from(expr.is_none());
        let line = serde_json::json!({
            "text": text,
            "start": expr.as_ref().and_then(|e| e.start).map(|d| d.to_string()),
            "end": expr.as_ref().and_then(|e| e.end).map(|d| d.to_string()),
            "relation": expr.as_ref().map(|e| e.relation),
            "precision": expr.as_ref().map(|e| e.precision),
        });
        if let Err(e) = writeln!(out, "{line}") {
            return write_failed(e);
        }
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
