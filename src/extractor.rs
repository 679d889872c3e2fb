//! The [`Extractor`]: read → normalise → extract, built once and reused.

use std::borrow::Cow;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::extract;
use crate::normalize::Normalizer;
use crate::options::Limits;
use crate::read;
use crate::record::{ErrorRecord, Meeting, Record, SCHEMA, Source};

/// Turns documents into [`Record`]s.
///
/// Everything costly (dictionaries, automata) is built once in
/// [`Extractor::new`] or [`ExtractorBuilder::build`]; an extractor is
/// `Send + Sync` and meant to be shared across documents and threads.
///
/// ```
/// use huiyi::Extractor;
///
/// let extractor = Extractor::builder()
///     .reference_date(chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap())
///     .build();
/// let record = extractor.extract_str("3月18日下午，区长刘志远主持召开区政府常务会议。");
/// assert_eq!(record.schema, "huiyi/1");
/// ```
#[derive(Debug)]
pub struct Extractor {
    normalizer: Normalizer,
    reference_date: Option<NaiveDate>,
    limits: Limits,
    with_text: bool,
}

/// Options for an [`Extractor`], set one by one.
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    reference_date: Option<NaiveDate>,
    limits: Limits,
    with_text: bool,
}

impl ExtractorBuilder {
    /// The date dates without a year are read against (a report's publication
    /// date). Without it, a docx's created date or a date in the file name (if
    /// within a year of a date the text writes with its year), or the document's
    /// own issue date is used.
    pub fn reference_date(mut self, date: NaiveDate) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Safety limits for reading inputs.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Include the normalised text in each record (`Record::text`), so that
    /// spans can be checked against it.
    pub fn with_text(mut self, yes: bool) -> Self {
        self.with_text = yes;
        self
    }

    /// Builds the extractor. The first in a process loads the word lists and
    /// jieba's dictionary (about 0.2 s); later ones share them and cost microseconds.
    pub fn build(self) -> Extractor {
        extract::load();
        Extractor {
            normalizer: Normalizer::new(),
            reference_date: self.reference_date,
            limits: self.limits,
            with_text: self.with_text,
        }
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with default options.
    pub fn new() -> Self {
        ExtractorBuilder::default().build()
    }

    /// Starts setting options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Reads and extracts the file at `path`.
    pub fn extract_path(&self, path: &Path) -> Result<Record> {
        let bytes = read_file(path, &self.limits)?;
        let source = source_of(&bytes, Some(path));
        self.extract_read(Input::Owned(bytes), source, Some(path))
    }

    /// Reads and extracts a document given as bytes; `path` names it in the
    /// record and in errors, and may carry a date in its file name.
    pub fn extract_bytes(&self, bytes: &[u8], path: Option<&Path>) -> Result<Record> {
        self.extract_read(Input::Borrowed(bytes), source_of(bytes, path), path)
    }

    /// Reads `input` and extracts its record. Each form of the text is
    /// dropped once the next is made (owned bytes once read, the document
    /// once laid out, the raw text once normalised): a large input is then
    /// held about twice at a time, not five times.
    fn extract_read(
        &self,
        input: Input<'_>,
        mut source: Source,
        path: Option<&Path>,
    ) -> Result<Record> {
        let document = read::read_bytes(input.bytes(), path, &self.limits)?;
        drop(input);
        source.format = Some(document.format.name().to_string());
        source.encoding = document.encoding.map(str::to_string);
        // SPEC §3: the caller's date, else the docx's created date, else one in
        // the file name, each only if the text's own dates allow it.
        let reference = match self.reference_date {
            Some(date) => Reference::Given(date),
            None => Reference::Candidates([document.created, path.and_then(date_in_file_name)]),
        };
        let raw = document.text();
        drop(document);
        Ok(self.extract_text(Cow::Owned(raw), source, reference))
    }

    /// Reads and extracts the file at `path`, turning any failure (a panic
    /// included) into an [`ErrorRecord`] that says what is known of the input:
    /// exactly one output per input.
    pub fn outcome_of_path(&self, path: &Path) -> Outcome {
        match read_file(path, &self.limits) {
            Ok(bytes) => {
                let source = source_of(&bytes, Some(path));
                self.outcome_of_read(Input::Owned(bytes), source, Some(path))
            }
            Err(error) => Outcome::Failed(ErrorRecord::new(Source::of_path(path), &error)),
        }
    }

    /// Like [`Extractor::outcome_of_path`] for bytes already read.
    pub fn outcome_of_bytes(&self, bytes: &[u8], path: Option<&Path>) -> Outcome {
        self.outcome_of_read(Input::Borrowed(bytes), source_of(bytes, path), path)
    }

    fn outcome_of_read(&self, input: Input<'_>, source: Source, path: Option<&Path>) -> Outcome {
        let attempt = std::panic::catch_unwind(AssertUnwindSafe(|| {
            self.extract_read(input, source.clone(), path)
        }));
        let error = match attempt {
            Ok(Ok(record)) => return Outcome::Extracted(Box::new(record)),
            Ok(Err(error)) => error,
            Err(panic) => Error::Internal {
                path: path.map(Path::to_path_buf),
                message: panic_message(panic.as_ref()),
            },
        };
        Outcome::Failed(ErrorRecord::new(source, &error))
    }

    /// Extracts a record from text already in memory (no reading, no encoding detection).
    pub fn extract_str(&self, text: &str) -> Record {
        let source = Source {
            format: Some("text".to_string()),
            bytes: Some(text.len() as u64),
            ..Source::default()
        };
        let reference = match self.reference_date {
            Some(date) => Reference::Given(date),
            None => Reference::Candidates([None, None]),
        };
        self.extract_text(Cow::Borrowed(text), source, reference)
    }

    fn extract_text(&self, raw: Cow<'_, str>, source: Source, reference: Reference) -> Record {
        let normalized = self.normalizer.normalize(&raw);
        drop(raw);
        let text = normalized.text.as_str();
        let mut warnings = Vec::new();
        let analysis = Analysis::new(text);
        warnings.extend(analysis.limits_reached());
        let reference = match reference {
            Reference::Given(date) => Some(date),
            Reference::Candidates(candidates) => {
                let stated = stated_dates(&analysis);
                let issued = extract::meeting::issue_date(&analysis);
                candidates.into_iter().flatten().find(|&c| {
                    if !near_stated(c, &stated) {
                        warnings.push(format!(
                            "the file's date {c} is far from every date the text states; not used as the reference date"
                        ));
                        return false;
                    }
                    // A file saved after the issue date it states is a later copy
                    // (a PDF exported, a file converted): the issue date tells more.
                    if let Some(d) = issued.filter(|&d| c > d) {
                        warnings.push(format!(
                            "the file's date {c} is after the issue date {d} the text states; not used as the reference date"
                        ));
                        return false;
                    }
                    true
                })
            }
        };

        // A meeting numbered within its year (`2019年第四次校长办公会`) states the
        // year its days fall in when nothing else dates the document.
        let numbered_year = reference
            .is_none()
            .then(|| extract::meeting::numbered_year(&analysis))
            .flatten()
            .filter(|_| extract::meeting::issue_date(&analysis).is_none());
        let meeting_date = extract::meeting::find_date(
            &analysis,
            reference.or_else(|| numbered_year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))),
        );
        if let Some(year) = numbered_year.filter(|_| meeting_date.date.is_some()) {
            warnings.push(format!(
                "no reference date; the meeting's days read in {year}, the year its name numbers it in"
            ));
        }
        warnings.extend(meeting_date.warning.clone());
        // Deadlines are read from the meeting's date; failing that, the reference
        // date, or a while before the issue date: minutes are signed after their
        // meeting, and a limit between the two is still a limit.
        let mut anchor = meeting_date.date.or(reference).or_else(|| {
            meeting_date
                .issued
                .map(|d| d - chrono::Days::new(ISSUE_LAG_DAYS))
        });
        if anchor.is_none()
            && let Some(year) = only_stated_year(&analysis)
        {
            // An undated plan or task list (`2019年…观花活动`, `12月底前`): its
            // limits fall in the one year it names.
            anchor = NaiveDate::from_ymd_opt(year, 1, 1);
            warnings.push(format!(
                "no date to read deadlines from; read in {year}, the only year the text states"
            ));
        }
        let limits = &self.limits;
        let (deadlines, deadline_warnings, deadlines_cut) =
            extract::deadlines::find_deadlines(&analysis, anchor, limits.max_deadlines);
        warnings.extend(deadline_warnings);
        if deadlines_cut {
            warnings.push(left_out("deadlines", limits.max_deadlines));
        }
        let (mut people, mentions_cut) = extract::people::find_people_noting_cut(&analysis);
        if mentions_cut {
            warnings.push(format!(
                "names read from the first {} mentions of people only; the rest of the text is not read for names",
                extract::people::MENTIONS_MAX
            ));
        }
        if people.len() > limits.max_people {
            people.truncate(limits.max_people);
            warnings.push(left_out("people", limits.max_people));
        }
        let lengths: Vec<usize> = people.iter().map(|p| p.spans.len()).collect();
        if let Some(share) = fair_share(&lengths, limits.max_person_spans) {
            for p in &mut people {
                p.spans.truncate(share);
            }
            warnings.push(format!(
                "more than {} mentions of people; each keeps at most its first {share} (Limits::max_person_spans)",
                limits.max_person_spans
            ));
        }
        let lengths: Vec<usize> = people.iter().map(|p| p.titles.len()).collect();
        if let Some(share) = fair_share(&lengths, limits.max_person_titles) {
            for p in &mut people {
                p.titles.truncate(share);
            }
            warnings.push(format!(
                "more than {} titles of people; each keeps at most its first {share} (Limits::max_person_titles)",
                limits.max_person_titles
            ));
        }
        let parts = extract::meeting::find_parts(&analysis, &people);
        let mut problems = extract::problems::find_problems(&analysis);
        if problems.len() > limits.max_problems {
            problems.truncate(limits.max_problems);
            warnings.push(left_out("problems", limits.max_problems));
        }
        let mut tasks = extract::tasks::find_tasks(&analysis, &people, &deadlines, &problems);
        if tasks.len() > limits.max_tasks {
            tasks.truncate(limits.max_tasks);
            warnings.push(left_out("tasks", limits.max_tasks));
        }
        for (index, task) in tasks.iter().enumerate() {
            for &problem in &task.problems {
                if let Some(p) = problems.get_mut(problem) {
                    p.task.get_or_insert(index);
                }
            }
        }

        if warnings.len() > limits.max_warnings {
            // The last place left says how many did not fit.
            let keep = limits.max_warnings.saturating_sub(1);
            let more = warnings.len() - keep;
            warnings.truncate(keep);
            if limits.max_warnings > 0 {
                warnings.push(format!(
                    "{more} more warnings left out (Limits::max_warnings)"
                ));
            }
        }
        Record {
            schema: SCHEMA.to_string(),
            source,
            meeting: Meeting {
                title: parts.title,
                date: meeting_date.date.map(|d| d.to_string()),
                date_text: meeting_date.text,
                location: parts.location,
                chairs: parts.chairs,
                attendees: parts.attendees,
            },
            people,
            tasks,
            deadlines,
            problems,
            warnings,
            text: self.with_text.then(|| normalized.text.clone()),
        }
    }

    /// The normalised text of the file at `path`, as extraction sees it.
    pub fn normalized_text(&self, path: &Path) -> Result<String> {
        let bytes = read_file(path, &self.limits)?;
        let document = read::read_bytes(&bytes, Some(path), &self.limits)?;
        Ok(self.normalizer.normalize(&document.text()).text)
    }
}

/// Where the reference date comes from: the caller, or else the first of the
/// file's own dates (a docx's created date, a date in its name) that the text allows.
#[derive(Debug, Clone, Copy)]
enum Reference {
    Given(NaiveDate),
    Candidates([Option<NaiveDate>; 2]),
}

/// How long (days) before a document's issue date its meeting may have been:
/// the deadlines of a document dated by its issue date alone are read from then.
const ISSUE_LAG_DAYS: u64 = 60;

/// How far (days) a file's date may lie from the nearest date its text states
/// with a year and still be its reference date: a template saved years
/// earlier is not.
const REFERENCE_MAX_DAYS: i64 = 366;

/// The dates the text writes with their year (`2024年10月8日`, `2025年3月`).
/// The most items each list may keep so that together they keep at most
/// `budget`, the shorter lists whole; `None` when all fit.
fn fair_share(lengths: &[usize], budget: usize) -> Option<usize> {
    if lengths.iter().sum::<usize>() <= budget {
        return None;
    }
    let mut sorted = lengths.to_vec();
    sorted.sort_unstable();
    let mut left = budget;
    for (k, &len) in sorted.iter().enumerate() {
        let share = left / (sorted.len() - k);
        if len > share {
            return Some(share);
        }
        left -= len;
    }
    None
}

/// The one warning for the items of `kind` past the first `max` read.
fn left_out(kind: &str, max: usize) -> String {
    format!("more than {max} {kind}; those after the first {max} are left out (Limits::max_{kind})")
}

fn stated_dates(analysis: &Analysis) -> Vec<NaiveDate> {
    analysis
        .time_mentions()
        .iter()
        .filter(|m| !m.needs_anchor())
        .filter_map(|m| m.resolve(NaiveDate::default(), crate::time::YearRule::Past))
        .filter(|e| !e.year_inferred)
        .filter_map(|e| e.start)
        .collect()
}

/// The year of every date the text writes with its year, when there is one such year.
fn only_stated_year(analysis: &Analysis) -> Option<i32> {
    let mut years = stated_dates(analysis).into_iter().map(|d| d.year());
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// Whether `candidate` lies near a stated date, or the text states none.
fn near_stated(candidate: NaiveDate, stated: &[NaiveDate]) -> bool {
    stated.is_empty()
        || stated
            .iter()
            .any(|d| (candidate - *d).num_days().abs() <= REFERENCE_MAX_DAYS)
}

/// One output per input: its record, or the error record saying why there is none.
/// Read back from JSON, a line with an `error` is the error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Outcome {
    /// The document was read and extracted.
    Extracted(Box<Record>),
    /// It could not be.
    Failed(ErrorRecord),
}

impl Outcome {
    /// The record, when there is one.
    pub fn record(&self) -> Option<&Record> {
        match self {
            Outcome::Extracted(record) => Some(record),
            Outcome::Failed(_) => None,
        }
    }

    /// What is known of the input.
    pub fn source(&self) -> &Source {
        match self {
            Outcome::Extracted(record) => &record.source,
            Outcome::Failed(failure) => &failure.source,
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Extracts the file at `path` with a shared default [`Extractor`].
pub fn extract_path(path: impl AsRef<Path>) -> Result<Record> {
    default_extractor().extract_path(path.as_ref())
}

/// Extracts a record from text with a shared default [`Extractor`].
pub fn extract_str(text: &str) -> Record {
    default_extractor().extract_str(text)
}

fn default_extractor() -> &'static Extractor {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(Extractor::new)
}

/// The bytes of an input: the caller's, or read here (and dropped once read).
enum Input<'a> {
    Borrowed(&'a [u8]),
    Owned(Vec<u8>),
}

impl Input<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Input::Borrowed(bytes) => bytes,
            Input::Owned(bytes) => bytes,
        }
    }
}

/// What is known of an input before it is read: its path, size and hash.
pub fn source_of(bytes: &[u8], path: Option<&Path>) -> Source {
    Source {
        sha256: Some(hex(&Sha256::digest(bytes))),
        bytes: Some(bytes.len() as u64),
        ..path.map(Source::of_path).unwrap_or_default()
    }
}

/// Lower-case hex digits of `bytes` (a digest), by table: `format!` per byte
/// cost more than hashing a short file.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let io_error = |source| Error::Io {
        path: Some(path.to_path_buf()),
        source,
    };
    let too_large = |actual| Error::TooLarge {
        path: Some(path.to_path_buf()),
        what: "the file".into(),
        actual,
        limit: limits.max_input_bytes,
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    // Opening a named pipe waits for a writer, so one left in a folder would
    // stall the whole batch; a device never ends. Neither is a document.
    if let Some(what) = special_file(&metadata.file_type()) {
        return Err(Error::UnsupportedFormat {
            path: Some(path.to_path_buf()),
            format: format!("{what}, not a file"),
        });
    }
    if metadata.len() > limits.max_input_bytes {
        return Err(too_large(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    // Read no further than the limit: the file may have grown since.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limits.max_input_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(io_error)?;
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a path is when it is neither a regular file nor a folder (which
/// fails to read with its own I/O error).
#[cfg(unix)]
pub(crate) fn special_file(file_type: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        Some("a named pipe")
    } else if file_type.is_socket() {
        Some("a socket")
    } else if file_type.is_char_device() || file_type.is_block_device() {
        Some("a device")
    } else {
        None
    }
}

#[cfg(not(unix))]
pub(crate) fn special_file(file_type: &std::fs::FileType) -> Option<&'static str> {
    (!file_type.is_file() && !file_type.is_dir()).then_some("not a regular file")
}

/// A date written in a file name (`2020-06-16`, `20200616`, `2020年6月16日`),
/// the last resort for a reference date.
fn date_in_file_name(path: &Path) -> Option<NaiveDate> {
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        regex::Regex::new(r"((?:19|20)\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})")
            .expect("file-name date pattern")
    });
    let name = path.file_name()?.to_str()?;
    pattern.captures_iter(name).find_map(|c| {
        let year = c[1].parse().ok()?;
        let month = c[2].parse().ok()?;
        let day = c[3].parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_refused_without_being_read() {
        let zero = Path::new("/dev/zero");
        if !zero.exists() {
            return;
        }
        // Read, it would never end.
        match read_file(zero, &Limits::default()) {
            Err(Error::UnsupportedFormat { path, format }) => {
                assert_eq!(path.as_deref(), Some(zero));
                assert_eq!(format, "a device, not a file");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        let hashed = crate::sink::file_sha256(zero).unwrap_err();
        assert_eq!(hashed.kind(), std::io::ErrorKind::InvalidInput);
    }

    #[test]
    fn file_name_dates() {
        let d = |s: &str| date_in_file_name(Path::new(s));
        assert_eq!(
            d("minutes/2020-06-16.docx"),
            NaiveDate::from_ymd_opt(2020, 6, 16)
        );
        assert_eq!(
            d("20200616_常务会议.txt"),
            NaiveDate::from_ymd_opt(2020, 6, 16)
        );
        assert_eq!(
            d("2021年3月5日纪要.docx"),
            NaiveDate::from_ymd_opt(2021, 3, 5)
        );
        assert_eq!(d("report-2020-13-45.txt"), None);
        assert_eq!(d("d01.docx"), None);
    }

    #[test]
    fn a_file_date_far_from_the_text_is_no_reference() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let text =
            "会议时间：2024年10月8日\n王芳：完成数据标注，两周内完成。\n10月15日前提交报告。";
        let extractor = Extractor::new();
        // A template saved in 2015: the text's own dates win.
        let old = Reference::Candidates([Some(day(2015, 3, 1)), None]);
        let record = extractor.extract_text(text.into(), Source::default(), old);
        assert_eq!(record.meeting.date.as_deref(), Some("2024-10-08"));
        let dates: Vec<Option<&str>> = record.deadlines.iter().map(|d| d.date.as_deref()).collect();
        assert_eq!(dates, [Some("2024-10-22"), Some("2024-10-15")]);
        assert!(record.warnings.iter().any(|w| w.contains("2015-03-01")));
        // A created date near them is used, and warns of nothing.
        let near = Reference::Candidates([Some(day(2024, 10, 9)), None]);
        let record = extractor.extract_text(
            "10月8日，王芳主持召开例会。".into(),
            Source::default(),
            near,
        );
        assert_eq!(record.meeting.date.as_deref(), Some("2024-10-08"));
        assert!(near_stated(day(2024, 10, 9), &[]));
        assert!(!near_stated(day(2015, 3, 1), &[day(2024, 10, 8)]));
    }

    #[test]
    fn a_file_saved_after_its_issue_date_is_no_reference() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // A PDF exported fourteen months after the minutes were issued, its
        // `/CreationDate` near the 2026 limit the text names.
        let text = "10月20日下午，副市长覃明远主持召开督办推进会。会议要求，11月5日前报送方案，\
                    2026年底前完成。\n市政府督查室　　2025年10月22日";
        let exported = Reference::Candidates([Some(day(2026, 12, 3)), None]);
        let record = Extractor::new().extract_text(text.into(), Source::default(), exported);
        assert_eq!(record.meeting.date.as_deref(), Some("2025-10-20"));
        assert_eq!(record.deadlines[0].date.as_deref(), Some("2025-11-05"));
        assert!(record.warnings.iter().any(|w| w.contains("2026-12-03")));
        // Saved on its issue date (a docx's created date): used.
        let issued = Reference::Candidates([Some(day(2025, 10, 22)), None]);
        let record = Extractor::new().extract_text(text.into(), Source::default(), issued);
        assert_eq!(record.meeting.date.as_deref(), Some("2025-10-20"));
        assert!(!record.warnings.iter().any(|w| w.contains("not used")));
    }

    #[test]
    fn an_undated_plan_reads_its_limits_in_the_year_it_names() {
        let text = "序号\n工作任务\n完成时限\n1\n办好2021年春季农产品展销会。\n5月底\n2\n完成镇区绿化提升。\n12月底前\n";
        let record = Extractor::new().extract_str(text);
        let dates: Vec<Option<&str>> = record.deadlines.iter().map(|d| d.date.as_deref()).collect();
        assert_eq!(dates, [Some("2021-05-31"), Some("2021-12-31")]);
        assert!(
            record.warnings.iter().any(|w| w.contains("2021")),
            "{:?}",
            record.warnings
        );
        // Two years named: no year is known.
        let two = Extractor::new().extract_str("总结2020年工作，部署2021年工作，12月底前完成。");
        assert_eq!(two.deadlines[0].date, None);
    }

    #[test]
    fn a_limit_before_the_issue_date_is_kept() {
        // Signed on 6月20日; its meeting was earlier, so 6月15日前 is this June's.
        let text =
            "会议要求，各单位于6月15日前上报材料，12月底前全面完成。\n区政府办公室\n2025年6月20日";
        let record = Extractor::new().extract_str(text);
        let found: Vec<(&str, Option<&str>)> = record
            .deadlines
            .iter()
            .map(|d| (d.text.as_str(), d.date.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("6月15日前", Some("2025-06-15")),
                ("12月底前", Some("2025-12-31"))
            ]
        );
    }

    #[test]
    fn hex_digits() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn source_hashes_the_bytes() {
        let s = source_of(b"abc", Some(Path::new("a.txt")));
        assert_eq!(
            s.sha256.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert_eq!(s.bytes, Some(3));
        assert_eq!(s.path.as_deref(), Some("a.txt"));
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    fn extractor(limits: Limits) -> Extractor {
        Extractor::builder()
            .reference_date(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .limits(limits)
            .build()
    }

    #[test]
    fn a_flood_of_deadlines_stops_at_the_limit_with_one_warning() {
        let text = "4月底前".repeat(50_000);
        let record = extractor(Limits::default()).extract_str(&text);
        assert_eq!(record.deadlines.len(), Limits::default().max_deadlines);
        // One warning for the inferred years, one for the cut: not one per deadline.
        assert_eq!(record.warnings.len(), 2, "{:?}", record.warnings);
        assert!(record.warnings[0].starts_with("year not stated in 1000 deadlines (\"4月底前\")"));
        assert!(record.warnings[1].contains("Limits::max_deadlines"));
        let json = serde_json::to_string(&record).unwrap();
        assert!(json.len() < 200_000, "{} bytes", json.len());
    }

    #[test]
    fn people_tasks_and_problems_are_cut_at_their_limits() {
        let limits = Limits {
            max_people: 2,
            max_person_spans: 2,
            max_tasks: 1,
            max_problems: 1,
            ..Limits::default()
        };
        let text = "市长张伟、副市长李娜、副市长王强出席会议。张伟指出，\
            一是要加强安全生产工作，二是要做好防汛抗旱工作。\
            当前项目推进缓慢，资金到位率偏低，招商引资成效不明显。";
        let whole = extractor(Limits::default()).extract_str(text);
        assert!(whole.people.len() > 2 && whole.tasks.len() > 1 && whole.problems.len() > 1);
        let cut = extractor(limits).extract_str(text);
        let names: Vec<&str> = cut.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["张伟", "李娜"]);
        // 张伟 is named twice, 李娜 once: two places, one each.
        let spans: Vec<usize> = cut.people.iter().map(|p| p.spans.len()).collect();
        assert_eq!(spans, [1, 1]);
        assert_eq!(cut.tasks.len(), 1);
        assert_eq!(cut.problems.len(), 1);
        assert!(cut.tasks[0].problems.iter().all(|&p| p < 1));
        for kind in [
            "max_people",
            "max_person_spans",
            "max_tasks",
            "max_problems",
        ] {
            assert_eq!(
                cut.warnings.iter().filter(|w| w.contains(kind)).count(),
                1,
                "{kind}: {:?}",
                cut.warnings
            );
        }
    }

    #[test]
    fn a_fair_share_keeps_short_lists_whole() {
        assert_eq!(fair_share(&[1, 2, 3], 6), None);
        assert_eq!(fair_share(&[1, 2, 30], 10), Some(7));
        assert_eq!(fair_share(&[5, 5, 5], 9), Some(3));
        assert_eq!(fair_share(&[4, 4], 0), Some(0));
    }

    #[test]
    fn warnings_past_the_limit_are_counted_in_the_last() {
        let limits = Limits {
            max_warnings: 2,
            max_deadlines: 1,
            max_people: 0,
            max_tasks: 0,
            ..Limits::default()
        };
        let record = extractor(limits)
            .extract_str("市长张伟出席会议。一是要加强安全生产工作，4月底前完成，年底前验收。");
        assert_eq!(record.warnings.len(), 2, "{:?}", record.warnings);
        assert!(record.warnings[1].ends_with("more warnings left out (Limits::max_warnings)"));
    }

    #[test]
    fn a_flood_of_time_expressions_is_read_in_part_and_the_record_says_so() {
        let text = "4月底前".repeat(crate::analysis::TIME_MENTIONS_MAX + 1);
        let record = Extractor::new().extract_str(&text);
        assert_eq!(record.deadlines.len(), Limits::default().max_deadlines);
        assert!(
            record
                .warnings
                .iter()
                .any(|w| w.starts_with("time expressions read from the first 100000 only")),
            "{:?}",
            record.warnings
        );
    }
}
