//! The normalisation cases of `tests/data/normalize_cases.tsv`, one document a row.

use huiyi::normalize::Normalizer;

/// Undoes the escapes the table uses: `\t`, `\n`, `\r`, `\\`, `\u{XXXX}`.
fn unescape(cell: &str) -> String {
    let mut out = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars
                    .by_ref()
                    .skip_while(|&c| c == '{')
                    .take_while(|&c| c != '}')
                    .collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(code).expect("scalar value"));
            }
            other => panic!("unknown escape \\{other:?} in {cell:?}"),
        }
    }
    out
}

#[test]
fn table_of_cases() {
    let table = include_str!("data/normalize_cases.tsv");
    let normalizer = Normalizer::new();
    let mut rows = 0;
    let mut failures = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut cells = line.split('\t');
        let input = unescape(cells.next().unwrap_or_default());
        let expected = unescape(cells.next().unwrap_or_default());
        let note = cells.next().unwrap_or_default();
        rows += 1;
        let got = normalizer.normalize(&input).text;
        if got != expected {
            failures.push(format!(
                "line {}: {note}\n  input    {input:?}\n  expected {expected:?}\n  got      {got:?}",
                n + 1
            ));
        }
    }
    assert!(rows >= 40, "only {rows} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A month written with the Kangxi radical ⽉ (U+2F49), as a PDF font maps
/// 月, is a deadline like any other.
#[test]
fn kangxi_month_is_a_deadline() {
    let record = huiyi::Extractor::builder()
        .reference_date(chrono::NaiveDate::from_ymd_opt(2025, 3, 19).unwrap())
        .build()
        .extract_str("会议要求，各单位于４\u{2F49}底前完成整改。");
    let deadlines: Vec<(&str, Option<&str>)> = record
        .deadlines
        .iter()
        .map(|d| (d.text.as_str(), d.date.as_deref()))
        .collect();
    assert_eq!(deadlines, [("4月底前", Some("2025-04-30"))]);
}
