//! The time module against its case table (`tests/data/time_cases.tsv`:
//! text, anchor, rule, start, end, relation, precision), plus properties of
//! `parse` and `scan` on arbitrary input.

use chrono::NaiveDate;
use huiyi::time::{self, Precision, Relation, YearRule};
use proptest::prelude::*;

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::By => "by",
        Relation::On => "on",
        Relation::Within => "within",
        Relation::From => "from",
        Relation::Ongoing => "ongoing",
        Relation::Recurring => "recurring",
        _ => "?",
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::HalfYear => "half_year",
        Precision::Year => "year",
        Precision::None => "none",
        _ => "?",
    }
}

fn show(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

#[test]
fn case_table() {
    let table = include_str!("data/time_cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (number, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 7, "line {}: want 7 columns: {line}", number + 1);
        let anchor = NaiveDate::parse_from_str(cols[1], "%Y-%m-%d").expect("anchor date");
        let rule = match cols[2] {
            "same" => YearRule::Same,
            "future" => YearRule::Future,
            "past" => YearRule::Past,
            other => panic!("line {}: unknown rule {other}", number + 1),
        };
        count += 1;
        let got = time::parse_with(cols[0], anchor, rule);
        let row = match &got {
            Some(t) => [
                show(t.start),
                show(t.end),
                relation_name(t.relation).to_string(),
                precision_name(t.precision).to_string(),
            ],
            None => ["-", "-", "-", "-"].map(String::from),
        };
        let want = [cols[3], cols[4], cols[5], cols[6]];
        if row.iter().map(String::as_str).ne(want) {
            failures.push(format!(
                "line {}: {} @{} {}: got {} want {}",
                number + 1,
                cols[0],
                cols[1],
                cols[2],
                row.join(" "),
                want.join(" ")
            ));
        }
    }
    assert!(count >= 80, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn year_inferred_only_when_unwritten() {
    let anchor = NaiveDate::from_ymd_opt(2025, 3, 18).expect("date");
    let inferred = |t: &str| time::parse_with(t, anchor, YearRule::Future).map(|e| e.year_inferred);
    assert_eq!(inferred("3月底前"), Some(true));
    assert_eq!(inferred("春节前"), Some(true));
    assert_eq!(inferred("2026年3月底前"), Some(false));
    assert_eq!(inferred("明年上半年"), Some(false));
    assert_eq!(inferred("两周内"), Some(false));
}

#[test]
fn scan_finds_expressions_with_suffixes_and_prefixes() {
    let text = "由区住建局牵头，于4月底前完成施工图设计，力争三季度末主体完工，两周内报送方案，即日起至6月30日开展整治。";
    let found = time::scan(text);
    let texts: Vec<&str> = found.iter().map(|m| m.text(text)).collect();
    assert_eq!(texts, ["4月底前", "三季度末", "两周内", "即日起至6月30日"]);
    assert_eq!(found[0].prefix_text(text), Some("于"));
    assert_eq!(found[1].prefix_text(text), Some("力争"));
    assert_eq!(found[2].prefix_text(text), None);
    let anchor = NaiveDate::from_ymd_opt(2025, 3, 18).expect("date");
    let end = found[0]
        .resolve(anchor, YearRule::Future)
        .and_then(|t| t.end);
    assert_eq!(end, NaiveDate::from_ymd_opt(2025, 4, 30));
    assert!(found[3].is_range() && found[3].from_now());
}

#[test]
fn scan_does_not_start_inside_numbers() {
    let text = "投资286.7亿元，2024年度改造项目，编号12025年";
    let texts: Vec<String> = time::scan(text)
        .iter()
        .map(|m| m.text(text).to_string())
        .collect();
    assert_eq!(texts, ["2024年度"]);
}

fn check_spans(text: &str) {
    let mut last = 0;
    for m in time::scan(text) {
        let (a, b) = m.span;
        assert!(a < b && b <= text.len() && a >= last);
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        if let Some((p, q)) = m.prefix {
            assert!(text.is_char_boundary(p) && text.is_char_boundary(q) && q == a);
        }
        last = b;
        for anchor in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(2025, 3, 18).unwrap_or_default(),
        ] {
            for rule in [YearRule::Same, YearRule::Future, YearRule::Past] {
                let _ = m.resolve(anchor, rule);
            }
        }
    }
    for anchor in [NaiveDate::MIN, NaiveDate::MAX] {
        let _ = time::parse(text, anchor);
    }
}

proptest! {
    #[test]
    fn any_string_is_safe(text in ".{0,40}") {
        check_spans(&text);
    }

    #[test]
    fn chinese_date_text_is_safe(
        text in "[0-9０-９〇零一二两三四五六七八九十廿卅百年月日号底末初前后内以之起至到个周天季度上中下旬半每本明去今次第Q长期坚持春节元旦国庆端午中秋清明五一腊正闰，。\\t\\n]{0,30}"
    ) {
        check_spans(&text);
    }
}
