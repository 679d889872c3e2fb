//! Bulk conversion: many inputs through one [`Extractor`] on a pool of
//! threads ([`Batch`]), and the sinks their outcomes are written to
//! ([`JsonSink`] always; `CsvSink` with the `csv` feature, `SqliteSink` with
//! the `sqlite` feature, `XlsxSink` with the `xlsx` feature).
//!
//! ```
//! use huiyi::sink::{Batch, Input, JsonSink, Sink};
//!
//! let dir = std::env::temp_dir().join("huiyi-sink-doc");
//! std::fs::create_dir_all(&dir).unwrap();
//! let file = dir.join("a.txt");
//! std::fs::write(&file, "3月18日，区长刘志远主持召开区政府常务会议。").unwrap();
//!
//! let mut out = JsonSink::lines(Vec::new());
//! let inputs = vec![Input::Path(file), Input::Path(dir.join("missing.txt"))];
//! Batch::new()
//!     .jobs(2)
//!     .run(&huiyi::Extractor::new(), inputs, |outcome| out.write(&outcome))
//!     .unwrap();
//! out.finish().unwrap();
//! let text = String::from_utf8(out.into_inner()).unwrap();
//! assert_eq!(text.lines().count(), 2); // one line per input, in input order
//! assert!(text.lines().nth(1).unwrap().contains(r#""kind":"io""#));
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use sha2::{Digest, Sha256};

use crate::record::Source;
use crate::{Error, ErrorRecord, Extractor, Outcome};

#[cfg(feature = "csv")]
mod csv_files;
mod json;
mod rows;
#[cfg(feature = "sqlite")]
mod sqlite;
#[cfg(feature = "xlsx")]
mod xlsx;

#[cfg(feature = "csv")]
pub use csv_files::CsvSink;
pub use json::{JsonSink, completed_in_jsonl};
pub use rows::{Cell, Column, ColumnType, TABLES, Table, document_id, table_rows};
#[cfg(feature = "sqlite")]
pub use sqlite::{SCHEMA_SQL, SqliteSink};
#[cfg(feature = "xlsx")]
pub use xlsx::{LEDGER_COLUMNS, LEDGER_SHEET, XlsxSink};

/// Where outcomes go, one per input, in input order.
pub trait Sink {
    /// Writes the outcome of one input.
    fn write(&mut self, outcome: &Outcome) -> Result<(), SinkError>;
    /// Writes out (commits, flushes) everything written so far. Call it once,
    /// at the end: what was written after the last commit is otherwise lost.
    fn finish(&mut self) -> Result<(), SinkError>;
}

/// Why a batch could not be written. An input that cannot be read is not a
/// sink error: it is an [`ErrorRecord`] written like any other outcome.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SinkError {
    /// An output file or folder could not be created, read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The output.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// Writing to a stream (stdout, a pipe) failed.
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    /// A record could not be turned into JSON.
    #[error("cannot serialise a record: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[cfg(feature = "csv")]
    #[error("CSV output: {0}")]
    Csv(#[from] ::csv::Error),
    /// SQLite failed.
    #[cfg(feature = "sqlite")]
    #[error("SQLite output: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The Excel writer failed.
    #[cfg(feature = "xlsx")]
    #[error("Excel output: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The worker threads could not be started.
    #[error("cannot start the worker threads: {0}")]
    ThreadPool(#[from] rayon::ThreadPoolBuildError),
    /// The thread taking a stream's inputs could not be started.
    #[error("cannot start the input thread: {0}")]
    Thread(std::io::Error),
    /// A worker stopped without handing back its outcome.
    #[error("a worker thread stopped without a result")]
    WorkerLost,
}

/// One input of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, read by the worker that extracts it.
    Path(PathBuf),
    /// A document already in memory (stdin), named by `path` if it has a name.
    Bytes {
        /// The document.
        bytes: Vec<u8>,
        /// Its name, if any.
        path: Option<PathBuf>,
    },
}

impl Input {
    /// The path naming the input, if it has one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Path(path) => Some(path),
            Input::Bytes { path, .. } => path.as_deref(),
        }
    }

    fn outcome(&self, extractor: &Extractor) -> Outcome {
        // outcome_of_* already turn panics into error records; this catch keeps
        // the one-result-per-input invariant the reorder loop waits on, whatever happens.
        std::panic::catch_unwind(AssertUnwindSafe(|| match self {
            Input::Path(path) => extractor.outcome_of_path(path),
            Input::Bytes { bytes, path } => extractor.outcome_of_bytes(bytes, path.as_deref()),
        }))
        .unwrap_or_else(|_| {
            let path = self.path().map(Path::to_path_buf);
            let source = path.as_deref().map(Source::of_path).unwrap_or_default();
            let error = Error::Internal {
                path,
                message: "panic while reading".into(),
            };
            Outcome::Failed(ErrorRecord::new(source, &error))
        })
    }
}

/// Runs many inputs through one extractor on a pool of worker threads.
///
/// Outcomes are handed back in input order as soon as they and all before
/// them are done. At most `window` inputs are in flight (being extracted or
/// waiting for an earlier one to finish), so memory stays bounded by the
/// window, not by the number of inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batch {
    jobs: usize,
    window: usize,
}

impl Default for Batch {
    fn default() -> Self {
        Batch::new()
    }
}

impl Batch {
    /// All cores, a window of 256 inputs.
    pub fn new() -> Self {
        Batch {
            jobs: 0,
            window: 256,
        }
    }

    /// The number of worker threads; 0 means one per core.
    pub fn jobs(mut self, jobs: usize) -> Self {
        self.jobs = jobs;
        self
    }

    /// The most inputs in flight at once (at least 1).
    pub fn window(mut self, window: usize) -> Self {
        self.window = window.max(1);
        self
    }

    fn pool(&self) -> Result<rayon::ThreadPool, SinkError> {
        Ok(rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .thread_name(|i| format!("huiyi-worker-{i}"))
            .build()?)
    }

    /// Extracts every input and hands each outcome to `emit`, in input order,
    /// on the calling thread. Stops at the first error `emit` returns.
    ///
    /// Inputs are taken from `inputs` on the calling thread, between
    /// outcomes: an iterator that blocks (lines read from a pipe) holds back
    /// outcomes already done. Use [`Batch::stream`] for such inputs.
    pub fn run<I, F>(&self, extractor: &Extractor, inputs: I, mut emit: F) -> Result<(), SinkError>
    where
        I: IntoIterator<Item = Input>,
        F: FnMut(Outcome) -> Result<(), SinkError>,
    {
        let pool = self.pool()?;
        if pool.current_num_threads() == 1 {
            // One worker would only hand each outcome across to this thread,
            // waking it once per input: extract here instead.
            for input in inputs {
                emit(input.outcome(extractor))?;
            }
            return Ok(());
        }
        let (sender, receiver) = mpsc::channel::<(usize, Outcome)>();
        // The calling thread hands out work and writes; the pool's threads extract.
        pool.in_place_scope(|scope| {
            let mut inputs = inputs.into_iter().enumerate();
            let mut waiting: BTreeMap<usize, Outcome> = BTreeMap::new();
            let (mut started, mut written) = (0usize, 0usize);
            loop {
                while started - written < self.window {
                    let Some((index, input)) = inputs.next() else {
                        break;
                    };
                    let sender = sender.clone();
                    scope.spawn(move |_| {
                        // The receiver outlives the scope: a send cannot fail here.
                        let _ = sender.send((index, input.outcome(extractor)));
                    });
                    started += 1;
                }
                if written == started {
                    return Ok(());
                }
                let (index, outcome) = receiver.recv().map_err(|_| SinkError::WorkerLost)?;
                waiting.insert(index, outcome);
                while let Some(outcome) = waiting.remove(&written) {
                    written += 1;
                    emit(outcome)?;
                }
            }
        })
    }
    /// Like [`Batch::run`] for inputs that arrive over time (paths read from
    /// a pipe): they are taken on a thread of their own, so each outcome is
    /// handed to `emit` as soon as it and all before it are done, while
    /// `inputs` waits for the next one. Still in input order, still at most
    /// `window` inputs in flight.
    ///
    /// If `emit` fails, this returns at once; a thread left waiting in
    /// `inputs.next()` ends when that returns (or with the process).
    pub fn stream<I, F>(
        &self,
        extractor: &Extractor,
        inputs: I,
        mut emit: F,
    ) -> Result<(), SinkError>
    where
        I: IntoIterator<Item = Input>,
        I::IntoIter: Send + 'static,
        F: FnMut(Outcome) -> Result<(), SinkError>,
    {
        let pool = self.pool()?;
        if pool.current_num_threads() == 1 {
            // Extracting between reads already hands each outcome over at once.
            for input in inputs {
                emit(input.outcome(extractor))?;
            }
            return Ok(());
        }
        enum Event {
            Input(Input),
            End,
            Done(usize, Outcome),
        }
        let (events, receiver) = mpsc::channel::<Event>();
        // One permit per input in flight: the feeder takes one before each
        // input, the writer gives it back once that input's outcome is written.
        let (permits, permits_given) = mpsc::sync_channel::<()>(self.window);
        for _ in 0..self.window {
            let _ = permits.send(());
        }
        let mut feed = inputs.into_iter();
        let feeder_events = events.clone();
        std::thread::Builder::new()
            .name("huiyi-inputs".into())
            .spawn(move || {
                while permits_given.recv().is_ok() {
                    let event = feed.next().map_or(Event::End, Event::Input);
                    let end = matches!(event, Event::End);
                    if feeder_events.send(event).is_err() || end {
                        return;
                    }
                }
            })
            .map_err(SinkError::Thread)?;
        pool.in_place_scope(|scope| {
            let mut waiting: BTreeMap<usize, Outcome> = BTreeMap::new();
            let (mut started, mut written, mut ended) = (0usize, 0usize, false);
            while !(ended && written == started) {
                // This thread holds a sender: the channel never closes under it.
                match receiver.recv().map_err(|_| SinkError::WorkerLost)? {
                    Event::Input(input) => {
                        let (index, events) = (started, events.clone());
                        scope.spawn(move |_| {
                            let _ = events.send(Event::Done(index, input.outcome(extractor)));
                        });
                        started += 1;
                    }
                    Event::End => ended = true,
                    Event::Done(index, outcome) => {
                        waiting.insert(index, outcome);
                        while let Some(outcome) = waiting.remove(&written) {
                            written += 1;
                            emit(outcome)?;
                            let _ = permits.send(());
                        }
                    }
                }
            }
            Ok(())
        })
    }
}

/// The hex SHA-256 of a file, read in pieces (as `source.sha256` gives it),
/// to tell unchanged inputs without extracting them. A named pipe, socket or
/// device is refused (`InvalidInput`) without being opened.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    if let Some(what) = crate::extractor::special_file(&std::fs::metadata(path)?.file_type()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{what}, not a file"),
        ));
    }
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(crate::extractor::hex(&hasher.finalize()))
}

/// The path an outcome is shown by in tables and pages: its `source.path`
/// (escaped if it is not UTF-8), or `-` for an input without one (stdin).
pub fn path_shown(source: &Source) -> &str {
    source.path.as_deref().unwrap_or("-")
}

/// The key [`path_key`] gives an input read from `path`.
pub fn path_key_of(path: &Path) -> String {
    path_key(&Source::of_path(path)).into_owned()
}

/// What an outcome is keyed by in the sinks: its `source.path`, or `-` for
/// an input without one (stdin); for a path that is not UTF-8, the escaped
/// path, a NUL (which no path holds) and its bytes in hex, so that two names
/// escaped alike are never one key.
pub fn path_key(source: &Source) -> Cow<'_, str> {
    let path = path_shown(source);
    match &source.path_bytes {
        None => Cow::Borrowed(path),
        Some(bytes) => Cow::Owned(format!("{path}\0{bytes}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(i: usize) -> Input {
        Input::Bytes {
            bytes: format!(
                "{}月{}日，区长刘志远主持召开区政府常务会议。",
                i % 12 + 1,
                i % 28 + 1
            )
            .into_bytes(),
            path: Some(PathBuf::from(format!("{i}.txt"))),
        }
    }

    #[test]
    fn outcomes_come_back_in_input_order_through_a_small_window() {
        let extractor = Extractor::new();
        let mut paths = Vec::new();
        Batch::new()
            .jobs(2)
            .window(3)
            .run(&extractor, (0..40).map(named), |outcome| {
                paths.push(outcome.source().path.clone().unwrap_or_default());
                Ok(())
            })
            .unwrap();
        let want: Vec<String> = (0..40).map(|i| format!("{i}.txt")).collect();
        assert_eq!(paths, want);
    }

    #[test]
    fn a_stream_hands_each_outcome_over_before_the_next_input_comes() {
        // The next input is given only once the one before it is written:
        // a batch that held outcomes back until more inputs came would stall.
        let (written, seen) = mpsc::channel::<String>();
        let mut i = 0;
        let inputs = std::iter::from_fn(move || {
            if i > 0 {
                let path = seen.recv_timeout(std::time::Duration::from_secs(30)).ok()?;
                assert_eq!(path, format!("{}.txt", i - 1));
            }
            i += 1;
            (i <= 6).then(|| named(i - 1))
        });
        let mut paths = Vec::new();
        Batch::new()
            .jobs(2)
            .stream(&Extractor::new(), inputs, |outcome| {
                let path = outcome.source().path.clone().unwrap_or_default();
                let _ = written.send(path.clone());
                paths.push(path);
                Ok(())
            })
            .unwrap();
        let want: Vec<String> = (0..6).map(|i| format!("{i}.txt")).collect();
        assert_eq!(paths, want);
    }

    #[test]
    fn a_stream_keeps_input_order_through_a_small_window() {
        let mut paths = Vec::new();
        Batch::new()
            .jobs(2)
            .window(3)
            .stream(&Extractor::new(), (0..40).map(named), |outcome| {
                paths.push(outcome.source().path.clone().unwrap_or_default());
                Ok(())
            })
            .unwrap();
        let want: Vec<String> = (0..40).map(|i| format!("{i}.txt")).collect();
        assert_eq!(paths, want);
    }

    #[test]
    fn the_first_sink_error_stops_the_batch() {
        let mut seen = 0;
        let result = Batch::new()
            .window(4)
            .run(&Extractor::new(), (0..20).map(named), |_| {
                seen += 1;
                if seen == 5 {
                    Err(SinkError::WorkerLost)
                } else {
                    Ok(())
                }
            });
        assert!(matches!(result, Err(SinkError::WorkerLost)));
        assert_eq!(seen, 5);
    }

    #[test]
    fn an_empty_array_is_still_json() {
        let mut sink = JsonSink::array(Vec::new());
        sink.finish().unwrap();
        assert_eq!(sink.into_inner(), b"[]\n");
    }

    #[test]
    fn file_hashes_match_the_record() {
        let path = std::env::temp_dir().join(format!("huiyi-sha-{}.txt", std::process::id()));
        std::fs::write(&path, "abc").unwrap();
        let sha = file_sha256(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            Some(sha),
            crate::source_of(b"abc", None).sha256,
            "as source.sha256 gives it"
        );
    }
}
