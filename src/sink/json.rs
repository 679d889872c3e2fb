//! JSON and JSON Lines output, and resuming a JSON Lines file.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Sink, SinkError, path_key};
use crate::Outcome;
use crate::record::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Lines,
    Pretty,
    Array,
}

/// Writes outcomes as JSON: one a line (JSON Lines), one pretty record, or a
/// pretty JSON array. Give it a buffered writer.
#[derive(Debug)]
pub struct JsonSink<W: Write> {
    out: W,
    style: Style,
    written: usize,
    /// Flush after every record.
    flush_each: bool,
    /// Resuming writes to a temporary file put in place of the output by `finish`.
    rename: Option<(PathBuf, PathBuf)>,
}

impl<W: Write> JsonSink<W> {
    /// One record a line.
    pub fn lines(out: W) -> Self {
        Self::with_style(out, Style::Lines)
    }

    /// Pretty-printed records one after the other (meant for a single input).
    pub fn pretty(out: W) -> Self {
        Self::with_style(out, Style::Pretty)
    }

    /// A pretty-printed JSON array of records (`[]` for none).
    pub fn array(out: W) -> Self {
        Self::with_style(out, Style::Array)
    }

    fn with_style(out: W, style: Style) -> Self {
        JsonSink {
            out,
            style,
            written: 0,
            flush_each: false,
            rename: None,
        }
    }

    /// Flushes the writer after every record, so that a reader at the other
    /// end of a pipe gets each line as soon as it is written.
    pub fn flush_each(mut self, yes: bool) -> Self {
        self.flush_each = yes;
        self
    }

    /// The writer, once finished.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl JsonSink<BufWriter<File>> {
    /// Continues the JSON Lines file `path` written by an earlier run: its
    /// lines are kept except those whose [`path_key`] is in `replaced` (the
    /// inputs extracted again) or that are not records (a line cut short by an
    /// interrupted run); new records follow. The new file is written beside
    /// it and put in its place by [`Sink::finish`], so an interrupted resume
    /// leaves the earlier file as it was.
    pub fn resume(path: &Path, replaced: &HashSet<String>) -> Result<Self, SinkError> {
        let mut name = path.as_os_str().to_owned();
        name.push(".partial");
        let partial = PathBuf::from(name);
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |source| SinkError::Io { path: p, source }
        };
        let mut out = BufWriter::new(File::create(&partial).map_err(io(&partial))?);
        match File::open(path) {
            Ok(file) => {
                for line in BufReader::new(file).lines() {
                    let line = line.map_err(io(path))?;
                    let keep = parse(&line).is_some_and(|(seen, _)| {
                        !replaced.contains(path_key(&seen.source).as_ref())
                    });
                    if keep {
                        writeln!(out, "{line}").map_err(io(&partial))?;
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(path)(e)),
        }
        Ok(JsonSink {
            out,
            style: Style::Lines,
            written: 0,
            flush_each: false,
            rename: Some((partial, path.to_path_buf())),
        })
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn write(&mut self, outcome: &Outcome) -> Result<(), SinkError> {
        match self.style {
            Style::Lines => {
                serde_json::to_writer(&mut self.out, outcome)?;
                self.out.write_all(b"\n")?;
            }
            Style::Pretty => {
                serde_json::to_writer_pretty(&mut self.out, outcome)?;
                self.out.write_all(b"\n")?;
            }
            Style::Array => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, outcome)?;
            }
        }
        self.written += 1;
        if self.flush_each {
            self.out.flush()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        if self.style == Style::Array {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        if let Some((partial, path)) = self.rename.take() {
            std::fs::rename(&partial, &path).map_err(|source| SinkError::Io { path, source })?;
        }
        Ok(())
    }
}

/// What a line of an earlier output says of its input.
#[derive(Deserialize)]
struct Seen {
    source: Source,
    #[serde(default)]
    error: Option<serde::de::IgnoredAny>,
}

fn parse(line: &str) -> Option<(Seen, bool)> {
    let seen: Seen = serde_json::from_str(line).ok()?;
    let failed = seen.error.is_some();
    Some((seen, failed))
}

/// The `(path, sha256)` of every record (error records left out) in a JSON
/// Lines file written earlier: the inputs `--skip-existing` passes over. A
/// missing file has none; lines that are not records are ignored.
pub fn completed_in_jsonl(path: &Path) -> Result<HashSet<(String, String)>, SinkError> {
    let io = |source| SinkError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => return Err(io(e)),
    };
    let mut done = HashSet::new();
    for line in BufReader::new(file).lines() {
        if let Some((seen, false)) = parse(&line.map_err(io)?)
            && let Some(sha) = &seen.source.sha256
        {
            done.insert((path_key(&seen.source).into_owned(), sha.clone()));
        }
    }
    Ok(done)
}
