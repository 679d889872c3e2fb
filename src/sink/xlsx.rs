//! Excel output: a task ledger (督办台账) for a supervision office, and the
//! CSV sink's tables as further sheets.

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::rows::{Cell, TABLES, document_id, table_rows};
use super::{Sink, SinkError, path_shown};
use crate::{Outcome, Record};

/// The ledger sheet's name.
pub const LEDGER_SHEET: &str = "任务台账";

/// The ledger's columns, in order.
pub const LEDGER_COLUMNS: [&str; 13] = [
    "文件",
    "会议日期",
    "会议名称",
    "任务",
    "牵头领导",
    "责任单位",
    "期限",
    "期限日期",
    "剩余天数",
    "到期情况",
    "进展",
    "问题",
    "document_id",
];

/// Columns of long text, wrapped at [`WRAPPED_WIDTH`] rather than widened.
const WRAPPED: [&str; 4] = ["任务", "问题", "error_message", "warnings"];
const WRAPPED_WIDTH: f64 = 40.0;
/// The widest a column is made, in Excel's units (about one Latin digit).
const MAX_WIDTH: f64 = 60.0;
/// The height of one line of text, in points.
const ROW_HEIGHT: f64 = 15.0;
/// The most characters Excel keeps in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Writes outcomes as one `.xlsx` workbook: first the sheet `任务台账`
/// ([`LEDGER_COLUMNS`]: one row per task, with its document, meeting date
/// and title, leaders and units joined by `、`, the deadline as written and
/// as an Excel date, the days left until it counted from the `as_of` date —
/// negative when overdue — and the problems stated for it), then one sheet
/// per table of the CSV sink (`documents` … `problems`, the columns of
/// [`TABLES`], one `documents` row per input, failed ones with their
/// `error_kind` and `error_message`). Every sheet has its header frozen and
/// an autofilter; columns are as wide as their text (a Chinese character
/// counts two), long text wraps. Dates in the ledger are real dates
/// (`yyyy-mm-dd`); in the table sheets they are ISO text, as in the CSV files.
///
/// A workbook is written whole: the rows are held in memory until
/// [`Sink::finish`] saves them (some tens of bytes a cell). A cell longer
/// than Excel allows (32,767 characters) is cut there.
pub struct XlsxSink {
    path: PathBuf,
    /// Opened at creation, so that an unwritable output fails before any extraction.
    file: Option<File>,
    as_of: NaiveDate,
    /// The ledger, then one sheet per table of [`TABLES`].
    sheets: Vec<Sheet>,
    date: Format,
    wrap: Format,
}

impl std::fmt::Debug for XlsxSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxSink")
            .field("path", &self.path)
            .field("as_of", &self.as_of)
            .finish_non_exhaustive()
    }
}

/// A worksheet being filled, and what its columns' widths must hold.
struct Sheet {
    worksheet: Worksheet,
    columns: Vec<&'static str>,
    widths: Vec<usize>,
    /// The next row to write (row 0 is the header).
    row: u32,
    /// The lines the tallest wrapped cell of that row takes.
    row_lines: usize,
}

impl Sheet {
    fn new(name: &str, columns: Vec<&'static str>, header: &Format) -> Result<Self, SinkError> {
        let mut worksheet = Worksheet::new();
        worksheet.set_name(name)?;
        for (col, name) in (0u16..).zip(&columns) {
            worksheet.write_string_with_format(0, col, *name, header)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        let widths = columns.iter().map(|c| display_width(c)).collect();
        Ok(Sheet {
            worksheet,
            columns,
            widths,
            row: 1,
            row_lines: 1,
        })
    }

    /// Writes `text`; an empty one leaves the cell empty, as CSV reads it.
    fn text(&mut self, col: u16, text: &str, wrap: &Format) -> Result<(), SinkError> {
        if text.is_empty() {
            return Ok(());
        }
        let text = match text.char_indices().nth(MAX_CELL_CHARS) {
            Some((cut, _)) => &text[..cut],
            None => text,
        };
        let width = text.lines().map(display_width).max().unwrap_or(0);
        self.widen(col, width);
        if WRAPPED.contains(&self.columns[usize::from(col)]) {
            let lines = text
                .lines()
                .map(|line| {
                    display_width(line)
                        .div_ceil(WRAPPED_WIDTH as usize - 2)
                        .max(1)
                })
                .sum();
            self.row_lines = self.row_lines.max(lines);
            self.worksheet
                .write_string_with_format(self.row, col, text, wrap)?;
        } else {
            self.worksheet.write_string(self.row, col, text)?;
        }
        Ok(())
    }

    fn number(&mut self, col: u16, value: i64) -> Result<(), SinkError> {
        self.widen(col, value.to_string().len());
        // Excel numbers are doubles: exact for every count and index here.
        self.worksheet.write_number(self.row, col, value as f64)?;
        Ok(())
    }

    /// An ISO date as an Excel date; text if Excel cannot hold it.
    fn date(
        &mut self,
        col: u16,
        iso: &str,
        format: &Format,
        wrap: &Format,
    ) -> Result<(), SinkError> {
        let excel = NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .ok()
            .and_then(|d| excel_date(d).ok());
        match excel {
            Some(date) => {
                self.widen(col, "yyyy-mm-dd".len());
                self.worksheet
                    .write_datetime_with_format(self.row, col, date, format)?;
                Ok(())
            }
            None => self.text(col, iso, wrap),
        }
    }

    /// Moves to the next row, the one written made tall enough for its
    /// wrapped text (neither Excel nor LibreOffice grows it on opening).
    fn end_row(&mut self) -> Result<(), SinkError> {
        if self.row_lines > 1 {
            self.worksheet
                .set_row_height(self.row, ROW_HEIGHT * self.row_lines as f64)?;
        }
        self.row += 1;
        self.row_lines = 1;
        Ok(())
    }

    fn widen(&mut self, col: u16, width: usize) {
        let slot = &mut self.widths[usize::from(col)];
        *slot = (*slot).max(width);
    }

    /// The worksheet with its widths and autofilter set, ready for the workbook.
    fn done(mut self) -> Result<Worksheet, SinkError> {
        for (col, (name, width)) in (0u16..).zip(self.columns.iter().zip(&self.widths)) {
            let fit = (*width as f64 + 2.0).min(MAX_WIDTH);
            let width = if WRAPPED.contains(name) {
                fit.min(WRAPPED_WIDTH)
            } else {
                fit
            };
            self.worksheet.set_column_width(col, width)?;
        }
        let last_col = u16::try_from(self.columns.len() - 1).unwrap_or(u16::MAX);
        self.worksheet.autofilter(0, 0, self.row - 1, last_col)?;
        Ok(self.worksheet)
    }
}

impl XlsxSink {
    /// Creates (or replaces) the workbook file at `path`; days left are
    /// counted from `as_of` (the day the ledger is for: today, usually).
    pub fn create(path: &Path, as_of: NaiveDate) -> Result<Self, SinkError> {
        let file = File::create(path).map_err(|source| SinkError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let header = Format::new()
            .set_bold()
            .set_background_color("D9E1F2")
            .set_border_bottom(FormatBorder::Thin);
        let mut sheets = vec![Sheet::new(LEDGER_SHEET, LEDGER_COLUMNS.to_vec(), &header)?];
        // Printed, the ledger is A4 landscape, one page wide, its header on every page.
        let ledger = &mut sheets[0].worksheet;
        ledger
            .set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
        ledger.set_repeat_rows(0, 0)?;
        for table in &TABLES {
            let columns = table.columns.iter().map(|c| c.name).collect();
            sheets.push(Sheet::new(table.name, columns, &header)?);
        }
        Ok(XlsxSink {
            path: path.to_path_buf(),
            file: Some(file),
            as_of,
            sheets,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            wrap: Format::new().set_text_wrap(),
        })
    }

    /// The workbook file written to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn ledger_rows(&mut self, record: &Record) -> Result<(), SinkError> {
        let id = document_id(&record.source);
        let (date, wrap) = (&self.date, &self.wrap);
        let sheet = &mut self.sheets[0];
        for task in &record.tasks {
            let deadline = task.deadline.and_then(|d| record.deadlines.get(d));
            let deadline_date = deadline
                .and_then(|d| d.date.as_deref())
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let problems: Vec<&str> = task
                .problems
                .iter()
                .filter_map(|&q| record.problems.get(q))
                .map(|p| p.text.as_str())
                .collect();
            sheet.text(0, path_shown(&record.source), wrap)?;
            if let Some(meeting_date) = &record.meeting.date {
                sheet.date(1, meeting_date, date, wrap)?;
            }
            if let Some(title) = &record.meeting.title {
                sheet.text(2, title, wrap)?;
            }
            sheet.text(3, &task.title, wrap)?;
            sheet.text(4, &task.leaders.join("、"), wrap)?;
            sheet.text(5, &task.units.join("、"), wrap)?;
            if let Some(deadline) = deadline {
                sheet.text(6, &deadline.text, wrap)?;
                if let Some(iso) = &deadline.date {
                    sheet.date(7, iso, date, wrap)?;
                }
            }
            if let Some(due) = deadline_date {
                let left = (due - self.as_of).num_days();
                sheet.number(8, left)?;
                sheet.text(9, &due_state(left), wrap)?;
            }
            if let Some(status) = &task.status {
                sheet.text(10, status, wrap)?;
            }
            sheet.text(11, &problems.join("\n"), wrap)?;
            sheet.text(12, &id, wrap)?;
            sheet.end_row()?;
        }
        Ok(())
    }
}

/// How a ledger reader sees `left` days until a deadline.
fn due_state(left: i64) -> String {
    match left {
        0 => "今日到期".to_string(),
        n if n < 0 => format!("逾期{}天", -n),
        n => format!("剩余{n}天"),
    }
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year =
        u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    // month() and day() are at most 12 and 31.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// Columns a string takes in Excel's default font: two for a Chinese
/// (wide) character, one for the rest.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

impl Sink for XlsxSink {
    fn write(&mut self, outcome: &Outcome) -> Result<(), SinkError> {
        if let Outcome::Extracted(record) = outcome {
            self.ledger_rows(record)?;
        }
        let tables = table_rows(outcome)?;
        let wrap = &self.wrap;
        for (sheet, rows) in self.sheets[1..].iter_mut().zip(&tables) {
            for row in rows {
                for (col, cell) in (0u16..).zip(row) {
                    match cell {
                        Cell::Null => {}
                        Cell::Text(text) => sheet.text(col, text, wrap)?,
                        Cell::Integer(n) => sheet.number(col, *n)?,
                    }
                }
                sheet.end_row()?;
            }
        }
        Ok(())
    }

    /// Saves the workbook; a second call has nothing more to save.
    fn finish(&mut self) -> Result<(), SinkError> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let mut workbook = Workbook::new();
        for sheet in std::mem::take(&mut self.sheets) {
            workbook.push_worksheet(sheet.done()?);
        }
        workbook.save_to_writer(std::io::BufWriter::new(file))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        assert_eq!(display_width("任务a1"), 6);
        assert_eq!(display_width("（一）"), 6);
    }

    #[test]
    fn due_states_read_as_a_ledger_says_them() {
        assert_eq!(due_state(-3), "逾期3天");
        assert_eq!(due_state(0), "今日到期");
        assert_eq!(due_state(12), "剩余12天");
    }

    fn sheet_xml(path: &Path, sheet: usize) -> String {
        let mut book = zip::ZipArchive::new(File::open(path).unwrap()).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut book
                .by_name(&format!("xl/worksheets/sheet{sheet}.xml"))
                .unwrap(),
            &mut xml,
        )
        .unwrap();
        xml
    }

    #[test]
    fn the_ledger_has_days_left_a_frozen_filtered_header_and_tall_rows() {
        let mut record = crate::Extractor::builder()
            .reference_date(NaiveDate::from_ymd_opt(2025, 3, 20).unwrap())
            .build()
            .extract_str(
                "3月18日，区长刘志远主持召开区政府常务会议，要求区住建局于4月底前完成选址论证。",
            );
        assert_eq!(record.tasks.len(), 1, "{record:?}");
        // Two problems stated for the task: two lines in its row.
        record.problems = ["选址进度缓慢", "资金拨付不到位"]
            .map(|text| crate::record::Problem {
                text: text.into(),
                task: Some(0),
                span: [0, 0],
            })
            .to_vec();
        record.tasks[0].problems = vec![0, 1];
        let path = std::env::temp_dir().join(format!("huiyi-ledger-{}.xlsx", std::process::id()));
        let mut sink =
            XlsxSink::create(&path, NaiveDate::from_ymd_opt(2025, 5, 3).unwrap()).unwrap();
        sink.write(&Outcome::Extracted(Box::new(record))).unwrap();
        sink.finish().unwrap();
        let ledger = sheet_xml(&path, 1);
        std::fs::remove_file(&path).unwrap();
        assert!(
            ledger.contains(r#"<pane ySplit="1" topLeftCell="A2""#),
            "{ledger}"
        );
        assert!(ledger.contains(r#"<autoFilter ref="A1:M2"/>"#), "{ledger}");
        // 4月底前 is 2025-04-30: three days overdue on 2025-05-03.
        assert!(ledger.contains(r#"<c r="I2"><v>-3</v></c>"#), "{ledger}");
        assert!(
            ledger.contains(r#"<row r="2" spans="1:13" ht="30" customHeight="1">"#),
            "{ledger}"
        );
    }

    #[test]
    fn an_unwritable_output_fails_at_creation_naming_it() {
        let path = Path::new("/nonexistent-folder/ledger.xlsx");
        let error = XlsxSink::create(path, NaiveDate::default()).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent-folder/ledger.xlsx: "),
            "{error}"
        );
    }
}
