//! Task tables: a header row naming the columns, then one task per row; and
//! tables flattened to one cell a line, read back into rows by the analysis.

use super::{Draft, Drafts, offset_in, prose, title};
use crate::analysis::{Analysis, Column};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Title,
    Leader,
    Unit,
    Helper,
    Status,
    Other,
}

/// Header words, most specific first.
const HEADERS: &[(&str, Col)] = &[
    // A team's table by member: last week's work done, this week's to do.
    ("上周完成", Col::Status),
    ("本周完成情况", Col::Status),
    ("本周要完成", Col::Title),
    ("本周计划", Col::Title),
    ("本周任务", Col::Title),
    ("下周计划", Col::Title),
    ("下周任务", Col::Title),
    ("下周工作", Col::Title),
    ("下一步计划", Col::Title),
    ("牵头领导", Col::Leader),
    ("责任领导", Col::Leader),
    ("分管领导", Col::Leader),
    ("责任人", Col::Leader),
    ("负责人", Col::Leader),
    ("牵头人", Col::Leader),
    ("包保领导", Col::Leader),
    ("责任单位", Col::Unit),
    ("牵头单位", Col::Unit),
    ("主办单位", Col::Unit),
    ("责任部门", Col::Unit),
    ("牵头部门", Col::Unit),
    ("配合单位", Col::Helper),
    ("协办单位", Col::Helper),
    ("配合部门", Col::Helper),
    ("进展情况", Col::Status),
    ("推进情况", Col::Status),
    ("完成情况", Col::Status),
    ("工作任务", Col::Title),
    ("任务内容", Col::Title),
    ("督办事项", Col::Title),
    ("重点任务", Col::Title),
    ("工作事项", Col::Title),
    ("项目名称", Col::Title),
    ("工作内容", Col::Title),
    ("主要任务", Col::Title),
    ("具体任务", Col::Title),
    ("任务名称", Col::Title),
    ("督查事项", Col::Title),
    ("议定事项", Col::Title),
    ("事项名称", Col::Title),
    ("主要内容", Col::Title),
    // Minutes of companies and teams (`行动项 | 负责人 | 截止时间 | 状态`).
    ("行动项", Col::Title),
    ("行动事项", Col::Title),
    ("待办事项", Col::Title),
    ("决议事项", Col::Title),
    ("执行人", Col::Leader),
    ("跟进人", Col::Leader),
    ("截止时间", Col::Other),
    ("截止日期", Col::Other),
    ("完成时间", Col::Other),
    ("序号", Col::Other),
    ("完成时限", Col::Other),
    ("时限", Col::Other),
    ("存在问题", Col::Other),
];

/// Short header words, matched only as the whole cell.
const SHORT_HEADERS: &[(&str, Col)] = &[
    ("任务", Col::Title),
    ("事项", Col::Title),
    ("项目", Col::Title),
    ("内容", Col::Title),
    ("领导", Col::Leader),
    ("单位", Col::Unit),
    ("进度", Col::Status),
    ("进展", Col::Status),
    ("时间", Col::Other),
    ("编号", Col::Other),
    ("队员", Col::Leader),
    ("成员", Col::Leader),
    ("组员", Col::Leader),
    ("姓名", Col::Leader),
    ("状态", Col::Status),
    ("待办", Col::Title),
];

fn col_of(cell: &str) -> Option<Col> {
    let c = cell.trim();
    SHORT_HEADERS
        .iter()
        .find(|(h, _)| c == *h)
        .or_else(|| HEADERS.iter().find(|(h, _)| c.contains(h)))
        .map(|&(_, k)| k)
}

/// Column kinds of a header row, if `line` is one (a title column and another known one).
fn header(line: &str) -> Option<Vec<Option<Col>>> {
    if !crate::text::has_byte(line, b'\t') {
        return None;
    }
    let cols: Vec<Option<Col>> = line.split('\t').map(col_of).collect();
    let known = cols.iter().flatten().count();
    (cols.contains(&Some(Col::Title)) && known >= 2).then_some(cols)
}

/// A placeholder for "no leader" (`—`): a table that writes one marks every
/// empty leader cell as covered by the filled cell above (a vertical merge).
fn is_dash(cell: &str) -> bool {
    matches!(cell.trim(), "—" | "——" | "-" | "--" | "/" | "无" | "－")
}

/// Reads the rows of flattened tables: each task cell names the row's work,
/// led by the row's leader, or by the one above it in the same table (a merged
/// cell is written once). Marks their lines as read.
pub(super) fn scan_flat(
    analysis: &Analysis,
    lines: &[(usize, &str)],
    in_table: &mut [bool],
    out: &mut Drafts,
) {
    let text = analysis.text();
    let mut leader: Option<(usize, String)> = None;
    for row in analysis.flat_rows() {
        let first = lines.partition_point(|&(at, _)| at < row.span.start);
        let last = lines.partition_point(|&(at, _)| at < row.span.end);
        for seen in &mut in_table[first..last] {
            *seen = true;
        }
        let cell = |column: Column| {
            row.cells
                .iter()
                .filter(move |(c, _)| *c == column)
                .map(|(_, r)| r.clone())
        };
        if let Some(r) = cell(Column::Leader).next() {
            leader = Some((row.table, text[r].split_whitespace().collect()));
        }
        let leaders: Vec<String> = leader
            .iter()
            .filter(|(table, _)| *table == row.table)
            .map(|(_, name)| name.clone())
            .collect();
        let units: Vec<String> = cell(Column::Unit)
            .map(|r| text[r].trim().to_string())
            .collect();
        for r in cell(Column::Task) {
            for (title, t) in prose::cell_titles(&text[r.clone()]) {
                out.add(Draft {
                    leaders: leaders.clone(),
                    units: units.clone(),
                    ..Draft::new(title, r.start + t.start..r.start + t.end, row.span.clone())
                });
            }
        }
    }
}

/// Reads the task tables in `text`; returns which lines belong to a table.
pub(super) fn scan(lines: &[(usize, &str)], out: &mut Drafts) -> Vec<bool> {
    let mut in_table = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let Some(mut cols) = header(lines[i].1) else {
            i += 1;
            continue;
        };
        in_table[i] = true;
        i += 1;
        // A second header row (merged group headings above it) fills in the kinds.
        if let Some(&(_, next)) = lines.get(i) {
            let sub: Vec<Option<Col>> = next.split('\t').map(col_of).collect();
            if next.split('\t').next().is_some_and(|c| c.trim().is_empty())
                && sub.iter().flatten().count() >= 2
            {
                for (k, c) in sub.into_iter().enumerate() {
                    if let (Some(c), Some(slot)) = (c, cols.get_mut(k)) {
                        *slot = Some(c);
                    }
                }
                in_table[i] = true;
                i += 1;
            }
        }
        let start = i;
        let width = cols.len();
        while i < lines.len() {
            let row = lines[i].1;
            // A group heading written as a plain line (`一、城市建设`) between rows
            // as wide as the header does not end the table.
            let heading_between = !row.contains('\t')
                && !row.trim().is_empty()
                && row.chars().count() <= 20
                && lines
                    .get(i + 1)
                    .is_some_and(|(_, n)| n.split('\t').count() + 1 >= width && width > 2);
            if !row.contains('\t') && !heading_between {
                break;
            }
            in_table[i] = true;
            i += 1;
        }
        rows(&lines[start..i], &cols, out);
    }
    in_table
}

fn rows(rows: &[(usize, &str)], cols: &[Option<Col>], out: &mut Drafts) {
    let find = |k: Col| cols.iter().position(|&c| c == Some(k));
    let Some(tcol) = find(Col::Title) else {
        return;
    };
    let lcol = find(Col::Leader);
    let merged_leaders = lcol.is_some_and(|l| {
        rows.iter()
            .any(|(_, r)| r.split('\t').nth(l).is_some_and(is_dash))
    });
    let mut above: Vec<String> = Vec::new();
    for &(at, row) in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        let cell = |k: Option<usize>| k.and_then(|k| cells.get(k)).map_or("", |c| c.trim());
        if header(row).is_some() {
            continue; // a header repeated on a new page
        }
        // A row holding one cell only is a group heading (`一、城市建设`), not a task.
        if cells.iter().filter(|c| !c.trim().is_empty()).count() <= 1 {
            continue;
        }
        let raw = cell(Some(tcol));
        let name = raw.split(['，', '；', '。', ',']).next().unwrap_or("");
        let t = title::clean(name);
        if t.chars().count() < 2 {
            continue;
        }
        let lcell = cell(lcol);
        let leaders = if lcell.is_empty() {
            if merged_leaders {
                above.clone()
            } else {
                Vec::new()
            }
        } else if is_dash(lcell) {
            Vec::new()
        } else {
            let r = at + offset_in(row, lcell);
            let found = out.persons_in(r..r + lcell.len());
            if found.is_empty() {
                // A name the people extractor missed still names the leader.
                lcell
                    .split(['、', '，', ' '])
                    .filter(|n| {
                        (2..=4).contains(&n.chars().count()) && n.chars().all(title::is_han)
                    })
                    .map(str::to_string)
                    .collect()
            } else {
                found
            }
        };
        if !lcell.is_empty() {
            above = leaders.clone();
        }
        let mut units = Vec::new();
        for k in [find(Col::Unit), find(Col::Helper)] {
            units.extend(
                split_outside_brackets(cell(k))
                    .iter()
                    .flat_map(|u| title::split_run_together(u))
                    .map(str::to_string),
            );
        }
        let status = Some(cell(find(Col::Status)))
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let ts = at + offset_in(row, raw);
        out.add(Draft {
            title: t,
            leaders,
            units,
            status,
            span: ts..ts + name.len(),
            scope: at..at + row.len(),
            context: None,
            restated: Vec::new(),
        });
    }
}

/// Splits a list of units at `、`, keeping `各县（市、区）政府` whole.
fn split_outside_brackets(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        if (c == '、' || c == '，') && depth <= 0 {
            if !cur.trim().is_empty() && !is_dash(&cur) {
                out.push(cur.trim().to_string());
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() && !is_dash(&cur) {
        out.push(cur.trim().to_string());
    }
    out
}
