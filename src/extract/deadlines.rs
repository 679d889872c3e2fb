//! Deadlines in running text: the time expressions [`crate::time::scan`]
//! finds, kept where the context makes them a limit for work (SPEC §3; the
//! annotation rules of the evaluation set).

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::record::Deadline;
use crate::time::{Precision, Relation, TimeMention, YearRule};

/// Verbs of getting work done; a bare date followed by one is a deadline
/// (`4月上旬完成`, `上半年开工`).
const COMPLETION_VERBS: &[&str] = &[
    "完成",
    "办结",
    "建成",
    "竣工",
    "完工",
    "开工",
    "复工",
    "投用",
    "投运",
    "投入使用",
    "运营",
    "通车",
    "贯通",
    "封顶",
    "到位",
    "实现",
    "出台",
    "制定",
    "编制",
    "上报",
    "报送",
    "提交",
    "组织",
    "举办",
    "启动",
    "上线",
    "交付",
    "验收",
    "清零",
    "销号",
    "见效",
    "落地",
    "形成",
    "达到",
    "具备",
    "移交",
    "签约",
    "开业",
    "挂牌",
    "拆除",
    "搬迁",
    "安装",
    "更换",
    "取得",
    "办理",
    "推出",
    "出具",
    "整改到位",
    "全覆盖",
    "覆盖",
];

/// Words that may stand between a date and its verb (`上半年全部开工`).
const ADVERBS: &[&str] = &[
    "全部", "全面", "基本", "如期", "按时", "陆续", "逐步", "率先", "力争", "确保", "争取", "务必",
    "必须", "要", "均", "都", "全", "前",
];

/// Words after a day that make it the date of an event, not a limit.
const EVENT_WORDS: &[&str] = &[
    "上午", "下午", "晚上", "晚", "召开", "举行", "印发", "发布", "讯", "电", "，在", "在",
];

/// Units after a figure that make a period's `完成…` a statistic (`上半年完成投资12亿元`).
const STATISTIC_UNITS: &[&str] = &["亿", "万元", "元", "%", "％", "个百分点"];

/// How far around a mention the context is read (bytes), so that a document
/// without line breaks costs no more than one with them.
const WINDOW: usize = 240;

/// At most the first `max` bytes of `s`, cut on a char boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most the last `max` bytes of `s`, cut on a char boundary.
fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Whether the line the mention is on (within the window) starts with a
/// `时间：` header label.
fn on_header_line(before: &str) -> bool {
    let near = tail(before, WINDOW);
    near.rfind('\n')
        .map(|i| &near[i + 1..])
        .or((near.len() == before.len()).then_some(near))
        .is_some_and(|line| line.trim_start().starts_with("时间"))
}

/// Whether the mention fills a table cell on its own (a 完成时限 column).
fn fills_cell(before: &str, after: &str) -> bool {
    let near = head(after, WINDOW);
    let Some(stop) = near
        .find(['\t', '\n'])
        .or((near.len() == after.len()).then_some(near.len()))
    else {
        return false;
    };
    let rest = near[..stop].trim();
    let next_is_tab = near[stop..].starts_with('\t');
    let cell_start = before.ends_with('\n') || before.is_empty();
    matches!(rest, "" | "完成" | "前完成")
        && (before.ends_with('\t') || (cell_start && next_is_tab))
}

/// Strips leading adverbs from `after`.
fn skip_adverbs(mut after: &str) -> &str {
    loop {
        let Some(a) = ADVERBS.iter().find(|a| after.starts_with(*a)) else {
            return after;
        };
        after = &after[a.len()..];
    }
}

/// Whether a completion verb follows (after adverbs), and whether what it
/// completes is a statistic.
fn verb_follows(after: &str) -> (bool, bool) {
    let after = skip_adverbs(after);
    let Some(verb) = COMPLETION_VERBS.iter().find(|v| after.starts_with(*v)) else {
        return (false, false);
    };
    let clause = head(&after[verb.len()..], WINDOW)
        .split(['，', '。', '；', '\n', '\t'])
        .next()
        .unwrap_or("");
    let statistic = clause.char_indices().any(|(i, c)| {
        c.is_ascii_digit()
            && STATISTIC_UNITS
                .iter()
                .any(|u| clause[i + c.len_utf8()..].starts_with(u))
    });
    (true, statistic)
}

/// Whether the words before a date say it is a limit (`完成时限：`, `截止时间为`).
fn names_limit(before: &str) -> bool {
    let head = before.trim_end_matches(['：', ':', '为', '是', ' ']);
    ["时限", "期限", "截止时间", "截止日期", "完成时间"]
        .iter()
        .any(|w| head.ends_with(w))
}

/// Words before a date (and its prefix) that put it in the past (`已于`, `曾在`).
const PAST_BEFORE: &[&str] = &["已", "已经", "业已", "均已", "曾", "曾经"];

/// Words in the sentence before a date that put it ahead (`要`, `将`, `计划`).
const FUTURE_MARKERS: &[&str] = &[
    "要", "将", "计划", "力争", "确保", "争取", "务必", "必须", "预计", "拟", "需", "须", "由",
    "负责", "牵头",
];

/// The sentence before `before`'s end, back to the last full stop or line (within the window).
fn sentence_before(before: &str) -> &str {
    let near = tail(before, WINDOW);
    near.rfind(['。', '；', '\n', '\t']).map_or(near, |i| {
        let mut j = i + 1;
        while !near.is_char_boundary(j) {
            j += 1;
        }
        &near[j..]
    })
}

/// Whether a bare date without a written year lies before the anchor in the
/// anchor's own year, with nothing in its sentence pointing ahead: a past event
/// (`项目于2月开工`), not a deadline.
fn past_in_year(m: &TimeMention, before: &str, anchor: Option<NaiveDate>) -> bool {
    let Some(a) = anchor else { return false };
    let same = m.resolve(a, YearRule::Same);
    let earlier = same.is_some_and(|t| t.year_inferred && t.end.is_some_and(|e| e < a));
    let clause = sentence_before(before);
    earlier && !FUTURE_MARKERS.iter().any(|w| clause.contains(w))
}

/// Whether a mention is a time limit for work, judged by its context.
fn is_deadline(text: &str, m: &TimeMention, anchor: Option<NaiveDate>) -> bool {
    let (start, end) = m.span;
    let written = m.text(text);
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let prefix = m.prefix_text(text).unwrap_or("");
    let before_prefix = text.get(..m.prefix.map_or(start, |p| p.0)).unwrap_or("");
    if on_header_line(before)
        || prefix.starts_with('已')
        || PAST_BEFORE.iter().any(|w| before_prefix.ends_with(w))
        || ["已", "均已", "全部已"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return false;
    }
    if m.in_past_year() || before.ends_with("倒计时") {
        return false;
    }
    match m.relation() {
        Relation::Ongoing => {
            return written == "长期坚持" || (written == "长期" && fills_cell(before, after));
        }
        Relation::Recurring => return written.ends_with('前'),
        _ => {}
    }
    if m.is_range() {
        return m.from_now();
    }
    if m.from_now() || m.is_approximate_or_open() {
        return false;
    }
    if m.has_suffix() {
        return true;
    }
    // A bare expression: a deadline only where the context makes it one.
    if m.day_only() || after.starts_with('的') || before.ends_with('前') {
        return false;
    }
    if past_in_year(m, before, anchor) {
        return false;
    }
    if m.relation() == Relation::Within || names_limit(before) {
        return true;
    }
    if m.precision() == Precision::Day && EVENT_WORDS.iter().any(|w| after.starts_with(w)) {
        return false;
    }
    if m.names_end() && written.contains(['底', '末']) && !prefix.starts_with("截") {
        return true;
    }
    if fills_cell(before, after) {
        return true;
    }
    if m.whole_year() {
        // `力争2026年建成`: a year is a limit only when the work is pledged for it.
        return ["力争", "确保", "争取", "计划"]
            .iter()
            .any(|w| prefix.starts_with(w))
            && verb_follows(after) == (true, false);
    }
    let (verb, statistic) = verb_follows(after);
    if statistic {
        return false;
    }
    verb || m.prefix_commits(text)
}

/// Finds the time limits for work in `text`, resolving dates without a year
/// against `anchor` with future preference, the first `max` of them. Returns
/// them with the warnings their inferences call for (one per inference, naming
/// the phrases it applies to) and whether more were left out.
pub(crate) fn find_deadlines(
    analysis: &Analysis,
    anchor: Option<NaiveDate>,
    max: usize,
) -> (Vec<Deadline>, Vec<String>, bool) {
    let text = analysis.text();
    let mut deadlines = Vec::new();
    let mut year_inferred: Vec<&str> = Vec::new();
    let mut unresolved: Vec<&str> = Vec::new();
    let mut cut = false;
    for m in analysis.time_mentions() {
        if !is_deadline(text, m, anchor) {
            continue;
        }
        let written = m.text(text);
        let resolved = match anchor {
            Some(a) => m.resolve(a, YearRule::Future),
            None if !m.needs_anchor() => m.resolve(NaiveDate::MIN, YearRule::Future),
            None => None,
        };
        if let (Some(a), Some(r)) = (anchor, &resolved) {
            // A date already past at the meeting is an event, and the meeting's own day is no limit.
            let past = r.end.is_some_and(|e| e < a);
            let meeting_day =
                !m.has_suffix() && m.precision() == Precision::Day && r.end == Some(a);
            if past || meeting_day {
                continue;
            }
        }
        if deadlines.len() == max {
            cut = true;
            break;
        }
        if anchor.is_some()
            && resolved
                .as_ref()
                .is_some_and(|r| r.year_inferred && r.end.is_some())
        {
            year_inferred.push(written);
        }
        if anchor.is_none()
            && m.needs_anchor()
            && !matches!(m.relation(), Relation::Ongoing | Relation::Recurring)
        {
            unresolved.push(written);
        }
        let relation = resolved.as_ref().map_or(m.relation(), |r| r.relation);
        deadlines.push(Deadline {
            text: written.to_string(),
            date: resolved.and_then(|r| r.end).map(|d| d.to_string()),
            relation,
            precision: m.precision(),
            span: [m.span.0, m.span.1],
        });
    }
    let mut warnings = Vec::new();
    if let Some(a) = anchor.filter(|_| !year_inferred.is_empty()) {
        warnings.push(format!(
            "year not stated in {}; resolved against the anchor {a}",
            phrases(&year_inferred)
        ));
    }
    if !unresolved.is_empty() {
        warnings.push(format!(
            "year not stated in {} and no meeting or reference date; left unresolved",
            phrases(&unresolved)
        ));
    }
    (deadlines, warnings, cut)
}

/// The most phrases one warning quotes.
const QUOTED_MAX: usize = 5;

/// `"4月底前"` for one phrase; `3 deadlines ("4月底前", "6月底前", "年底前")` for
/// several, each distinct phrase quoted once, the first [`QUOTED_MAX`] of them.
fn phrases(written: &[&str]) -> String {
    if let [one] = written {
        return super::quoted(one);
    }
    let mut distinct: Vec<&str> = Vec::new();
    for &w in written {
        if !distinct.contains(&w) {
            if distinct.len() == QUOTED_MAX {
                break;
            }
            distinct.push(w);
        }
    }
    let more = written.iter().any(|w| !distinct.contains(w));
    let quoted: Vec<String> = distinct.iter().map(|w| super::quoted(w)).collect();
    format!(
        "{} deadlines ({}{})",
        written.len(),
        quoted.join(", "),
        if more { ", …" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::find_deadlines;
    use crate::analysis::Analysis;
    use crate::time::{Precision, Relation};

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// (text, date) of each deadline found.
    fn found(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        find_deadlines(&Analysis::new(text), anchor, usize::MAX)
            .0
            .into_iter()
            .map(|d| (d.text, d.date))
            .collect()
    }

    fn pair(text: &str, date: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), date.map(str::to_string))
    }

    #[test]
    fn a_month_end_with_a_year_inferred() {
        let text = "由区住建局牵头，于4月底前完成施工图设计。";
        let (deadlines, warnings, _) =
            find_deadlines(&Analysis::new(text), day(2025, 3, 18), usize::MAX);
        assert_eq!(deadlines.len(), 1);
        let d = &deadlines[0];
        assert_eq!(
            (d.text.as_str(), d.date.as_deref()),
            ("4月底前", Some("2025-04-30"))
        );
        assert_eq!((d.relation, d.precision), (Relation::By, Precision::Month));
        assert_eq!(&text[d.span[0]..d.span[1]], "4月底前");
        assert_eq!(
            warnings,
            ["year not stated in \"4月底前\"; resolved against the anchor 2025-03-18"]
        );
    }

    #[test]
    fn a_december_meeting_looks_to_next_year() {
        let text = "县交通局负责，3月底前完成路网规划修编，春节前发放到位。";
        assert_eq!(
            found(text, day(2025, 12, 16)),
            [
                pair("3月底前", Some("2026-03-31")),
                pair("春节前", Some("2026-02-16"))
            ]
        );
    }

    #[test]
    fn past_events_and_statistics_are_no_deadlines() {
        let anchor = day(2025, 3, 18);
        for text in [
            "该项目一期已于去年10月投产，运行平稳。",
            "二期工程已于3月完成土建。",
            "1-10月全市完成固定资产投资286亿元。",
            "截至7月底，全市126个项目开工。",
            "上半年完成投资12.6亿元，同比增长8%。",
            "今年以来，我区持续推进城市更新。",
            "部分企业春节前后用工缺口较大。",
            "各单位要尽快、立即、按期完成整改，限期销号。",
            "全面推行企业开办1个工作日办结，审批时间压缩至15个工作日。",
            "下半年推进老旧小区改造，第三季度集中观摩活动。",
            "审议了2025—2026年度冬春农田水利建设计划。",
            "一季度全县受理涉企诉求136件，关于一季度营商环境评价的汇报。",
            "3号至5号厂房已复工，2号楼完成封顶。",
            "距离大赛开幕倒计时30天。",
        ] {
            assert_eq!(found(text, anchor), [], "{text}");
        }
    }

    #[test]
    fn the_meeting_date_and_issue_dates_are_no_deadlines() {
        let text =
            "时间：2025年3月12日上午\n3月12日下午，区长主持召开专题会议。\n2025年3月14日印发";
        assert_eq!(found(text, day(2025, 3, 12)), []);
    }

    #[test]
    fn recurring_ongoing_and_relative_limits() {
        let anchor = day(2025, 5, 22);
        assert_eq!(
            found("区城管局每月5日前报送进展，此项工作长期坚持。", anchor),
            [pair("每月5日前", None), pair("长期坚持", None)]
        );
        assert_eq!(
            found("县财政局两周内完成资金拨付，10天内报送方案。", anchor),
            [
                pair("两周内", Some("2025-06-05")),
                pair("10天内", Some("2025-06-01"))
            ]
        );
        assert_eq!(
            found("确保14个小区上半年全部开工、年底前完成主体工程。", anchor),
            [
                pair("上半年", Some("2025-06-30")),
                pair("年底前", Some("2025-12-31"))
            ]
        );
        assert_eq!(
            found(
                "确保项目三季度末主体结构封顶，4月中旬复工。",
                day(2025, 3, 27)
            ),
            [
                pair("三季度末", Some("2025-09-30")),
                pair("4月中旬", Some("2025-04-20"))
            ]
        );
    }

    #[test]
    fn table_cells_hold_deadlines() {
        let text = "1\t老旧小区改造\t王波\t区住建局\t2026年一季度\n2\t企业开办\t\t区市场监管局\t长期坚持\n";
        assert_eq!(
            found(text, day(2025, 10, 20)),
            [
                pair("2026年一季度", Some("2026-03-31")),
                pair("长期坚持", None)
            ]
        );
    }

    #[test]
    fn without_an_anchor_only_written_years_resolve() {
        let (got, warnings, _) = find_deadlines(
            &Analysis::new("12月底之前完成验收，2026年6月30日前全面投用。"),
            None,
            usize::MAX,
        );
        let got: Vec<_> = got.into_iter().map(|d| (d.text, d.date)).collect();
        assert_eq!(
            got,
            [
                pair("12月底之前", None),
                pair("2026年6月30日前", Some("2026-06-30"))
            ]
        );
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn festivals_and_event_ties() {
        let anchor = day(2025, 8, 26);
        assert_eq!(
            found("市文旅局负责，国庆节前完成景区提升。", anchor),
            [pair("国庆节前", Some("2025-09-30"))]
        );
        assert_eq!(
            found("元旦前举办专场招聘会。", day(2025, 12, 16)),
            [pair("元旦前", Some("2025-12-31"))]
        );
        assert_eq!(
            found("汛期前完成河道清淤，开通运营前完成验收。", anchor),
            [pair("汛期前", None), pair("开通运营前", None)]
        );
    }

    #[test]
    fn limits_named_by_their_context() {
        let anchor = day(2025, 3, 18);
        assert_eq!(
            found("完成时限：6月30日。力争年内开工。", anchor),
            [
                pair("6月30日", Some("2025-06-30")),
                pair("年内", Some("2025-12-31"))
            ]
        );
        assert_eq!(found("前三季度完成目标任务的80%以上。", anchor), []);
        assert_eq!(
            found("区住建局\t2025/6/30\n", anchor),
            [pair("2025/6/30", Some("2025-06-30"))]
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(
            text in "[0-9０-９一二三四五六七八九十年月日号底末初前内起至每季度上下半旬长期坚持已于在截至春节完成\\t\\n，。]{0,40}|.{0,40}"
        ) {
            for anchor in [None, day(2025, 3, 18), Some(NaiveDate::MAX), Some(NaiveDate::MIN)] {
                let (deadlines, _, _) = find_deadlines(&Analysis::new(&text), anchor, usize::MAX);
                for d in deadlines {
                    proptest::prop_assert!(text.get(d.span[0]..d.span[1]) == Some(d.text.as_str()));
                }
            }
        }
    }

    #[test]
    fn past_events_without_a_year() {
        let anchor = day(2025, 6, 18);
        assert_eq!(found("该项目于2月开工建设，目前主体已完工。", anchor), []);
        assert_eq!(
            found("二期工程已经于5月完成土建，4月底前已完成验收。", anchor),
            []
        );
        assert_eq!(
            found("县住建局负责，3月完成方案编制。", day(2025, 12, 16)),
            [pair("3月", Some("2026-03-31"))]
        );
        assert_eq!(
            found("力争2026年建成投用，2024年完成投资5亿元。", anchor),
            [pair("2026年", Some("2026-12-31"))]
        );
    }

    #[test]
    fn work_days_are_a_limit_without_a_date() {
        let (got, _, _) = find_deadlines(
            &Analysis::new("收到申请后3个工作日内办结。"),
            day(2025, 3, 18),
            usize::MAX,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].text.as_str(), got[0].date.as_deref()),
            ("3个工作日内", None)
        );
        assert_eq!(got[0].relation, Relation::Within);
    }

    #[test]
    fn full_width_digits_read() {
        assert_eq!(
            found("县林业局负责，１１月１５日前完成造林。", day(2025, 10, 14)),
            [pair("１１月１５日前", Some("2025-11-15"))]
        );
    }
}
