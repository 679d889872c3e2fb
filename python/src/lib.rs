//! `huiyi._huiyi`: the Rust half of the `huiyi` Python package. The public
//! API, its docstrings and its types are in `huiyi/__init__.py` and
//! `huiyi/_huiyi.pyi`; this module does the work, over the same library the
//! command line uses (no second implementation).

use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use chrono::NaiveDate;
use huiyi::options::Limits;
use huiyi::sink::{Batch, Cell, Input, TABLES, table_rows};
use huiyi::{Error, ErrorRecord, Extractor as Inner, Outcome};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// The exception for `error`: the class `huiyi.errors` names for its kind,
/// with `kind`, `message` and `path` set.
fn raise(py: Python<'_>, kind: &str, message: &str, path: Option<&str>) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let errors = py.import("huiyi.errors")?;
        let class = errors.getattr("error_class")?.call1((kind,))?;
        let error = class.call1((message, kind, path))?;
        Ok(PyErr::from_value(error))
    })();
    made.unwrap_or_else(|e| e)
}

fn raise_error(py: Python<'_>, error: &Error) -> PyErr {
    let path = error.path().map(|p| p.display().to_string());
    raise(py, error.kind(), &error.to_string(), path.as_deref())
}

fn raise_failure(py: Python<'_>, failure: &ErrorRecord) -> PyErr {
    raise(
        py,
        &failure.error.kind,
        &failure.error.message,
        failure.source.path.as_deref(),
    )
}

fn parse_date(py: Python<'_>, text: &str) -> PyResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| raise_error(py, &Error::InvalidDate { text: text.into() }))
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The limits named in `limits` (field name → number), the rest defaults.
fn limits_of(limits: Option<&Bound<'_, PyDict>>) -> PyResult<Limits> {
    let mut out = Limits::default();
    let Some(limits) = limits else {
        return Ok(out);
    };
    for (key, value) in limits.iter() {
        let key: String = key.extract()?;
        match key.as_str() {
            "max_input_bytes" => out.max_input_bytes = value.extract()?,
            "max_total_decompressed_bytes" => out.max_total_decompressed_bytes = value.extract()?,
            "max_entry_bytes" => out.max_entry_bytes = value.extract()?,
            "max_ratio" => out.max_ratio = value.extract()?,
            "ratio_threshold_bytes" => out.ratio_threshold_bytes = value.extract()?,
            "max_entries" => out.max_entries = value.extract()?,
            "max_xml_depth" => out.max_xml_depth = value.extract()?,
            "max_table_cells" => out.max_table_cells = value.extract()?,
            other => {
                return Err(PyValueError::new_err(format!("unknown limit {other:?}")));
            }
        }
    }
    Ok(out)
}

/// The default limits, as a dict.
#[pyfunction]
fn default_limits(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let l = Limits::default();
    let dict = PyDict::new(py);
    dict.set_item("max_input_bytes", l.max_input_bytes)?;
    dict.set_item(
        "max_total_decompressed_bytes",
        l.max_total_decompressed_bytes,
    )?;
    dict.set_item("max_entry_bytes", l.max_entry_bytes)?;
    dict.set_item("max_ratio", l.max_ratio)?;
    dict.set_item("ratio_threshold_bytes", l.ratio_threshold_bytes)?;
    dict.set_item("max_entries", l.max_entries)?;
    dict.set_item("max_xml_depth", l.max_xml_depth)?;
    dict.set_item("max_table_cells", l.max_table_cells)?;
    Ok(dict)
}

/// An extractor built once; its methods return JSON text, which the Python
/// wrapper turns into dicts.
#[pyclass(module = "huiyi._huiyi", frozen)]
struct Extractor {
    inner: Arc<Inner>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (ref_date=None, limits=None, with_text=false))]
    fn new(
        py: Python<'_>,
        ref_date: Option<&str>,
        limits: Option<&Bound<'_, PyDict>>,
        with_text: bool,
    ) -> PyResult<Self> {
        let mut builder = Inner::builder()
            .limits(limits_of(limits)?)
            .with_text(with_text);
        if let Some(date) = ref_date {
            builder = builder.reference_date(parse_date(py, date)?);
        }
        // The first build loads the dictionaries (~0.2 s): without the GIL.
        let inner = py.detach(|| builder.build());
        Ok(Extractor {
            inner: Arc::new(inner),
        })
    }

    /// The record of the file at `path`, as a JSON line; raises on failure.
    fn path_json(&self, py: Python<'_>, path: PathBuf) -> PyResult<String> {
        let outcome = py.detach(|| self.inner.outcome_of_path(&path));
        json_or_raise(py, &outcome)
    }

    /// The record of `data`, named `path`, as a JSON line; raises on failure.
    #[pyo3(signature = (data, path=None))]
    fn bytes_json(&self, py: Python<'_>, data: &[u8], path: Option<PathBuf>) -> PyResult<String> {
        let outcome = py.detach(|| self.inner.outcome_of_bytes(data, path.as_deref()));
        json_or_raise(py, &outcome)
    }

    /// The record or error record of `data` (never raises for the input).
    #[pyo3(signature = (data, path=None))]
    fn bytes_outcome_json(
        &self,
        py: Python<'_>,
        data: &[u8],
        path: Option<PathBuf>,
    ) -> PyResult<String> {
        let outcome = py.detach(|| self.inner.outcome_of_bytes(data, path.as_deref()));
        to_json(&outcome)
    }

    /// The record or error record of the file at `path` (never raises for the input).
    fn path_outcome_json(&self, py: Python<'_>, path: PathBuf) -> PyResult<String> {
        let outcome = py.detach(|| self.inner.outcome_of_path(&path));
        to_json(&outcome)
    }

    /// The record of text already in memory, as a JSON line.
    fn str_json(&self, py: Python<'_>, text: &str) -> PyResult<String> {
        let record = py.detach(|| self.inner.extract_str(text));
        to_json(&record)
    }

    /// Starts extracting `paths` on a pool of `jobs` threads (0: one per
    /// core); the returned iterator yields their JSON lines in input order.
    #[pyo3(signature = (paths, jobs=0, window=256))]
    fn many_json(&self, paths: Vec<PathBuf>, jobs: usize, window: usize) -> Lines {
        let window = window.max(1);
        // Bounded: a consumer that stops reading stops the batch at the window.
        let (sender, receiver) = mpsc::sync_channel::<String>(window);
        let inner = Arc::clone(&self.inner);
        std::thread::spawn(move || {
            let inputs = paths.into_iter().map(Input::Path);
            let _ = Batch::new()
                .jobs(jobs)
                .window(window)
                .run(&inner, inputs, |outcome| {
                    let line = serde_json::to_string(&outcome)?;
                    // A receiver gone (the iterator dropped) ends the batch.
                    sender
                        .send(line)
                        .map_err(|_| huiyi::sink::SinkError::WorkerLost)
                });
        });
        Lines {
            receiver: std::sync::Mutex::new(Some(receiver)),
            done: std::sync::atomic::AtomicBool::new(false),
        }
    }
}

fn json_or_raise(py: Python<'_>, outcome: &Outcome) -> PyResult<String> {
    match outcome {
        Outcome::Extracted(record) => to_json(record),
        Outcome::Failed(failure) => Err(raise_failure(py, failure)),
    }
}

/// JSON lines coming from a batch, in input order.
#[pyclass(module = "huiyi._huiyi")]
struct Lines {
    receiver: std::sync::Mutex<Option<mpsc::Receiver<String>>>,
    done: std::sync::atomic::AtomicBool,
}

#[pymethods]
impl Lines {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<String>> {
        use std::sync::atomic::Ordering;
        // Taken out of the lock before waiting: the lock is never held without the GIL.
        let taken = self.receiver.lock().ok().and_then(|mut r| r.take());
        let Some(receiver) = taken else {
            if self.done.load(Ordering::SeqCst) {
                return Ok(None);
            }
            return Err(pyo3::exceptions::PyRuntimeError::new_err(
                "extract_many: one iterator read from two threads at once",
            ));
        };
        // Wait without the GIL: the workers and other Python threads go on.
        let (line, receiver) = py.detach(move || (receiver.recv().ok(), receiver));
        match line {
            Some(_) => {
                if let Ok(mut slot) = self.receiver.lock() {
                    *slot = Some(receiver);
                }
            }
            None => self.done.store(true, Ordering::SeqCst),
        }
        Ok(line)
    }

    /// Stops the batch: no more lines are made once those in flight are done.
    fn close(&self) {
        self.done.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Ok(mut guard) = self.receiver.lock() {
            *guard = None;
        }
    }
}

fn cell(py: Python<'_>, value: &Cell<'_>) -> PyResult<Py<PyAny>> {
    Ok(match value {
        Cell::Null => py.None(),
        Cell::Text(text) => text.as_ref().into_pyobject(py)?.into_any().unbind(),
        Cell::Integer(n) => n.into_pyobject(py)?.into_any().unbind(),
    })
}

/// The table rows of records given as JSON text (one record, or error
/// record, a line): table name → list of row tuples, columns as `TABLES` says.
#[pyfunction]
fn rows_json<'py>(py: Python<'py>, lines: &str) -> PyResult<Bound<'py, PyDict>> {
    let mut tables: Vec<Vec<Py<PyAny>>> = TABLES.iter().map(|_| Vec::new()).collect();
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let outcome: Outcome = serde_json::from_str(line)
            .map_err(|e| PyValueError::new_err(format!("not a huiyi/1 record: {e}")))?;
        let rows = table_rows(&outcome).map_err(|e| PyValueError::new_err(e.to_string()))?;
        for (table, rows) in tables.iter_mut().zip(rows.iter()) {
            for row in rows {
                let cells = row
                    .iter()
                    .map(|c| cell(py, c))
                    .collect::<PyResult<Vec<_>>>()?;
                table.push(PyTuple::new(py, cells)?.into_any().unbind());
            }
        }
    }
    let dict = PyDict::new(py);
    for (table, rows) in TABLES.iter().zip(tables) {
        dict.set_item(table.name, PyList::new(py, rows)?)?;
    }
    Ok(dict)
}

/// The six tables: a list of (name, [(column, type, nullable)]).
#[pyfunction]
fn tables(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for table in &TABLES {
        let columns = PyList::empty(py);
        for column in table.columns {
            columns.append((column.name, column.kind.name(), column.nullable))?;
        }
        list.append((table.name, columns))?;
    }
    Ok(list)
}

/// `huiyi time` for one expression: its JSON line.
#[pyfunction]
fn time_json(py: Python<'_>, text: &str, ref_date: &str) -> PyResult<String> {
    let reference = parse_date(py, ref_date)?;
    let expr = huiyi::time::parse(text, reference);
    to_json(&serde_json::json!({
        "text": text,
        "start": expr.as_ref().and_then(|e| e.start).map(|d| d.to_string()),
        "end": expr.as_ref().and_then(|e| e.end).map(|d| d.to_string()),
        "relation": expr.as_ref().map(|e| e.relation),
        "precision": expr.as_ref().map(|e| e.precision),
    }))
}

#[pymodule]
fn _huiyi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<Lines>()?;
    m.add_function(wrap_pyfunction!(rows_json, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_function(wrap_pyfunction!(time_json, m)?)?;
    m.add_function(wrap_pyfunction!(default_limits, m)?)?;
    m.add("SCHEMA", huiyi::record::SCHEMA)?;
    m.add("JSON_SCHEMA", huiyi::record::JSON_SCHEMA)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
