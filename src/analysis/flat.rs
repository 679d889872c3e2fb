//! Tables flattened to one cell a line, as a web page's table reads once copied
//! as text: a run of short header lines opening with `序号`, then each row as
//! its number on a line of its own followed by its cells, one a line. Merged
//! cells appear once, in the first row they span, and empty cells not at all,
//! so a cell's column is read from its content, in the header's column order
//! (a short label before the task, a time limit, a name, a unit after it).

use std::ops::Range;

use crate::extract::lexicon::PeopleLexicon;

/// What a column of a flattened table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// A label grouping rows (`指标`, `类别`).
    Category,
    /// The work (`工作任务`).
    Task,
    /// Its time limit (`完成时限`).
    Deadline,
    /// Who leads it (`责任领导`).
    Leader,
    /// The units that carry it out (`责任单位`).
    Unit,
    /// Anything else (`备注`).
    Note,
}

/// One row: where it is and its cells with their columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FlatRow {
    /// The row, from its number's line to its last cell's.
    pub span: Range<usize>,
    /// Which table of the text it belongs to (rows of one table share an index):
    /// a merged leader cell covers the rows below it within the table only.
    pub table: usize,
    pub cells: Vec<(Column, Range<usize>)>,
}

/// Header words, by column; the first that a header line holds decides.
const HEADERS: &[(&str, Column)] = &[
    ("任务", Column::Task),
    ("事项", Column::Task),
    ("行动项", Column::Task),
    ("内容", Column::Task),
    ("时限", Column::Deadline),
    ("期限", Column::Deadline),
    ("时间", Column::Deadline),
    ("领导", Column::Leader),
    ("责任人", Column::Leader),
    ("负责人", Column::Leader),
    ("牵头人", Column::Leader),
    ("执行人", Column::Leader),
    ("单位", Column::Unit),
    ("股室", Column::Unit),
    ("部门", Column::Unit),
    ("科室", Column::Unit),
    ("处室", Column::Unit),
    ("指标", Column::Category),
    ("类别", Column::Category),
    ("分类", Column::Category),
    ("类型", Column::Category),
];

/// How many lines a row may take for each column, at most.
const ROW_LINES_MAX: usize = 3;

/// The most characters of a header line.
const HEADER_MAX: usize = 8;

/// The most characters of a category, time limit or unit cell.
const SHORT_CELL_MAX: usize = 12;

/// The rows of every flattened table in `text`.
pub(crate) fn find(text: &str, lines: &[Range<usize>]) -> Vec<FlatRow> {
    let mut rows = Vec::new();
    let mut table = 0;
    let mut i = 0;
    while i < lines.len() {
        if text[lines[i].clone()].trim() != "序号" {
            i += 1;
            continue;
        }
        let (columns, first_row) = header(text, lines, i + 1);
        if !columns.contains(&Column::Task)
            || columns.len() < 2
            || !is_number(text, lines, first_row, 1)
        {
            i += 1;
            continue;
        }
        i = read_rows(text, lines, first_row, &columns, table, &mut rows);
        table += 1;
    }
    rows
}

/// The columns a header names from line `from` on, and the line after it.
fn header(text: &str, lines: &[Range<usize>], from: usize) -> (Vec<Column>, usize) {
    let mut columns = Vec::new();
    let mut j = from;
    while let Some(line) = lines.get(j) {
        let l = text[line.clone()].trim();
        if l.is_empty()
            || l.chars().count() > HEADER_MAX
            || l.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        // `(单位)` goes on the header line above it.
        if !l.starts_with(['(', '（']) {
            let column = HEADERS
                .iter()
                .find(|(w, _)| l.contains(w))
                .map_or(Column::Note, |&(_, c)| c);
            columns.push(column);
        }
        j += 1;
    }
    (columns, j)
}

/// Whether line `i` holds the row number `n` alone.
fn is_number(text: &str, lines: &[Range<usize>], i: usize, n: usize) -> bool {
    lines
        .get(i)
        .is_some_and(|l| text[l.clone()].trim().parse::<usize>() == Ok(n))
}

/// Reads the rows from line `from` (the line of row 1's number); returns the
/// line after the last row.
fn read_rows(
    text: &str,
    lines: &[Range<usize>],
    from: usize,
    columns: &[Column],
    table: usize,
    out: &mut Vec<FlatRow>,
) -> usize {
    let mut n = 1;
    let mut i = from;
    while is_number(text, lines, i, n) {
        let start = i;
        // A row ends at the next row's number; a cell may hold several lines
        // (`文化馆`, `图书馆` under one unit column), up to a bound.
        let window = (start + 1..lines.len().min(start + 1 + ROW_LINES_MAX * columns.len()))
            .take_while(|&j| !text[lines[j].clone()].trim().is_empty());
        let next = window.clone().find(|&j| is_number(text, lines, j, n + 1));
        // The last row has no next number to end it: it takes at most as many
        // lines as the header has columns.
        let j = next.unwrap_or_else(|| {
            window
                .take(columns.len())
                .last()
                .map_or(start + 1, |j| j + 1)
        });
        let cells = cells(text, &lines[start + 1..j], columns);
        out.push(FlatRow {
            span: lines[start].start..lines[j - 1].end,
            table,
            cells,
        });
        n += 1;
        i = j;
    }
    i
}

/// Each line's column: the first column, from the one after the previous
/// cell's on, whose content the line fits.
fn cells(text: &str, lines: &[Range<usize>], columns: &[Column]) -> Vec<(Column, Range<usize>)> {
    let mut out = Vec::new();
    let mut next = 0;
    for line in lines {
        let l = text[line.clone()].trim();
        let Some(k) = (next..columns.len()).find(|&k| fits(l, columns[k])) else {
            continue;
        };
        out.push((columns[k], line.clone()));
        next = k + 1;
    }
    out
}

/// Whether a cell's text may stand in the column.
fn fits(cell: &str, column: Column) -> bool {
    let chars = cell.chars().count();
    let short = chars <= SHORT_CELL_MAX && !cell.contains('。');
    match column {
        Column::Category => short && !is_name(cell),
        Column::Task | Column::Note => true,
        Column::Deadline => {
            short && cell.contains(['月', '日', '年', '季', '底', '前', '内', '周'])
        }
        Column::Leader => is_name(cell),
        Column::Unit => short,
    }
}

/// Characters that end a unit's name (`文物股`, `执法队`), not a person's.
const UNIT_ENDS: &str = "股室局馆队站所院办科处部委会组";

/// Whether a cell is one person's name: two or three Han characters (a blank
/// may stand inside: `周 斐`), the first a surname, none a grammar or unit word.
fn is_name(cell: &str) -> bool {
    let han: Vec<char> = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let lexicon = PeopleLexicon::get();
    (2..=3).contains(&han.len())
        && han.iter().all(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && lexicon.surnames.contains(han[0])
        && !han[1..]
            .iter()
            .any(|&c| lexicon.not_in_name.contains(c) || UNIT_ENDS.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(text: &str) -> Vec<Vec<(Column, &str)>> {
        let lines: Vec<Range<usize>> = crate::text::lines(text)
            .map(|(at, l)| at..at + l.len())
            .collect();
        find(text, &lines)
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|(c, s)| (*c, &text[s.clone()]))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rows_are_read_in_the_header_order_with_merged_cells_missing() {
        // Invented: a task list copied from a web page, one cell a line.
        let text = "序号\n指标\n工作任务\n完成时限\n责任领导\n责任单位\n(科室)\n\
                    1\n群众文化\n全年开展送戏下乡40场。\n11月底前\n孟庆华\n文化股\n\
                    2\n完成乡镇文化站提档升级。\n文化股\n\
                    3\n体育设施\n新建健身广场2处。\n6月底\n韩 冰\n体育股\n说明文字在表后。";
        let rows = rows_of(text);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            [
                (Column::Category, "群众文化"),
                (Column::Task, "全年开展送戏下乡40场。"),
                (Column::Deadline, "11月底前"),
                (Column::Leader, "孟庆华"),
                (Column::Unit, "文化股"),
            ]
        );
        assert_eq!(
            rows[1],
            [
                (Column::Task, "完成乡镇文化站提档升级。"),
                (Column::Unit, "文化股")
            ]
        );
        assert_eq!(rows[2][3], (Column::Leader, "韩 冰"));
    }

    #[test]
    fn no_table_without_a_numbered_first_row_or_a_task_column() {
        assert!(rows_of("序号\n工作任务\n责任领导\n说明\n").is_empty());
        assert!(rows_of("序号\n姓名\n单位\n1\n张三\n办公室\n").is_empty());
        assert!(!is_name("文物股"));
        assert!(!is_name("公共文化服务"));
        assert!(is_name("韩 冰"));
    }
}
