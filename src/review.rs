//! The review page: one self-contained HTML page showing each document's
//! normalised text with what was extracted marked in it, and beside it the
//! record as tables whose rows link to their marks.
//!
//! ```
//! let record = huiyi::Extractor::builder()
//!     .with_text(true) // the marks need the text the spans point into
//!     .build()
//!     .extract_str("3月18日，区长刘志远主持召开区政府常务会议，要求于4月底前完成选址论证。");
//! let page = huiyi::review::render_html(&[huiyi::Outcome::Extracted(Box::new(record))]);
//! assert!(page.contains(r#"<mark class="m-deadline""#));
//! ```
//!
//! Marks are in the static markup (no script is needed to see them). Spans
//! may overlap (a person inside a task): the text is cut at every span
//! boundary and each piece is one `<mark>` whose classes are the kinds of
//! every item covering it and whose `data-ref` lists those items (`t0` task
//! 0, `p1.2` mention 2 of person 1, `i1.0` title 0 of person 1, `d0`, `q0`
//! problem 0, `m-title`/`m-date`/`m-location` the meeting's fields). Each
//! item also has one empty anchor, `<a class="anchor a-KIND" id="docN-REF">`,
//! where it starts, which the table rows link to.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::record::{Record, Span};
use crate::{ErrorRecord, Outcome};

/// What a mark shows, one class per kind (`m-person` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Meeting,
    Person,
    Title,
    Task,
    Deadline,
    Problem,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Meeting,
        Kind::Person,
        Kind::Title,
        Kind::Task,
        Kind::Deadline,
        Kind::Problem,
    ];

    fn class(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Person => "person",
            Kind::Title => "title",
            Kind::Task => "task",
            Kind::Deadline => "deadline",
            Kind::Problem => "problem",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Meeting => "会议信息",
            Kind::Person => "人员",
            Kind::Title => "职务",
            Kind::Task => "任务",
            Kind::Deadline => "期限",
            Kind::Problem => "问题",
        }
    }

    /// How the legend describes the mark's look without its colour.
    fn style(self) -> &'static str {
        match self {
            Kind::Meeting => "虚线框",
            Kind::Person => "粗体、实线下划线",
            Kind::Title => "点线下划线",
            Kind::Task => "底色、左右竖线",
            Kind::Deadline => "实线框，后附日期",
            Kind::Problem => "波浪下划线",
        }
    }
}

/// One extracted item located in the text.
struct Item {
    span: Span,
    kind: Kind,
    /// Unique in its document (`t3`, `p0.1`).
    reference: String,
    /// The hover text.
    description: String,
    /// The resolved date shown after a deadline.
    date: Option<String>,
}

/// The page for `outcomes`, in their order: a table of contents when there
/// are several, then one section per outcome. A record's text is marked
/// when it carries it ([`crate::ExtractorBuilder::with_text`]); without it
/// the section has the tables only. A failed input is an error section
/// naming the file and the cause. Every piece of text is escaped: nothing a
/// document holds becomes markup.
pub fn render_html(outcomes: &[Outcome]) -> String {
    let mut page = String::with_capacity(64 * 1024);
    page.push_str(HEAD);
    page.push_str("<body>\n<header><h1>会议文件审阅</h1>\n");
    legend(&mut page);
    page.push_str("</header>\n");
    if outcomes.len() > 1 {
        contents(&mut page, outcomes);
    }
    for (index, outcome) in outcomes.iter().enumerate() {
        match outcome {
            Outcome::Extracted(record) => document(&mut page, index, record),
            Outcome::Failed(failure) => error_section(&mut page, index, failure),
        }
    }
    page.push_str(SCRIPT);
    page.push_str("</body>\n</html>\n");
    page
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>huiyi 审阅</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 1em 2em; color: #111; }
h1 { font-size: 1.4em; margin: 0 0 .4em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #888; padding-bottom: .2em; word-break: break-all; }
h3 { font-size: 1em; margin: .8em 0 .3em; }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1.2em; padding: 0; list-style: none; font-size: .9em; }
.legend .how { color: #444; }
nav ol { font-size: .9em; }
nav .failed { color: #8b0000; }
section.doc { margin-top: 1.5em; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5em; align-items: start; }
pre.text { white-space: pre-wrap; word-break: break-all; font-family: inherit; font-size: 1em; line-height: 2; margin: 0; padding: .5em 1em; border: 1px solid #ccc; background: #fff; }
.tables { font-size: .85em; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
table { border-collapse: collapse; width: 100%; margin-bottom: .8em; }
th, td { border: 1px solid #bbb; padding: .15em .35em; text-align: left; vertical-align: top; }
th { background: #eee; }
tr[data-target] { cursor: pointer; }
tr[data-target]:hover { background: #f3f3f3; }
.none { color: #666; font-style: italic; }
.error { border: 2px solid #8b0000; padding: .5em 1em; }
.error .kind { font-family: monospace; font-weight: bold; }
mark { background: none; color: inherit; padding: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Okabe–Ito colours, and for each kind a line style of its own, so that no kind is told by colour alone. */
.m-meeting { outline: 2px dashed #009E73; outline-offset: 1px; }
.m-person { font-weight: bold; border-bottom: 2px solid #0072B2; }
.m-title { border-bottom: 2px dotted #56B4E9; }
.m-task { background-color: #FBE3B3; box-shadow: inset 2px 0 #E69F00, inset -2px 0 #E69F00; }
.m-deadline { outline: 2px solid #D55E00; outline-offset: 1px; }
.m-deadline[data-date]::after { content: " → " attr(data-date); font-size: .8em; color: #8a3200; font-weight: normal; }
.m-problem { text-decoration: underline wavy #CC79A7; text-decoration-thickness: 1.5px; text-underline-offset: 4px; }
mark.hit { background-color: #FFF176; }
@media print {
  .layout { display: block; }
  .tables { position: static; max-height: none; overflow: visible; }
  section.doc { break-before: page; }
}
</style>
</head>
"#;

/// Clicking a row jumps to its mark; the marks of the item reached are lit.
const SCRIPT: &str = r#"<script>
document.addEventListener("click", function (e) {
  var row = e.target.closest("tr[data-target]");
  if (row && !e.target.closest("a")) { location.hash = row.getAttribute("data-target"); }
});
function light() {
  document.querySelectorAll("mark.hit").forEach(function (m) { m.classList.remove("hit"); });
  var id = decodeURIComponent(location.hash.slice(1)), cut = id.indexOf("-");
  if (cut < 0) { return; }
  var section = document.getElementById(id.slice(0, cut)), ref = id.slice(cut + 1);
  if (!section) { return; }
  section.querySelectorAll("mark[data-ref]").forEach(function (m) {
    if (m.getAttribute("data-ref").split(" ").indexOf(ref) >= 0) { m.classList.add("hit"); }
  });
}
window.addEventListener("hashchange", light);
light();
</script>
"#;

fn legend(page: &mut String) {
    page.push_str("<ul class=\"legend\" aria-label=\"图例\">\n");
    for kind in Kind::ALL {
        let _ = writeln!(
            page,
            "<li><mark class=\"m-{}\">{}</mark> <span class=\"how\">{}</span></li>",
            kind.class(),
            kind.label(),
            kind.style()
        );
    }
    page.push_str("</ul>\n");
}

fn contents(page: &mut String, outcomes: &[Outcome]) {
    page.push_str("<nav aria-label=\"目录\"><h2>目录</h2><ol>\n");
    for (index, outcome) in outcomes.iter().enumerate() {
        let name = escape(crate::sink::path_shown(outcome.source()));
        match outcome {
            Outcome::Extracted(record) => {
                let _ = writeln!(
                    page,
                    "<li><a href=\"#doc{index}\">{name}</a> — {} 人、{} 项任务、{} 个期限、{} 个问题</li>",
                    record.people.len(),
                    record.tasks.len(),
                    record.deadlines.len(),
                    record.problems.len()
                );
            }
            Outcome::Failed(failure) => {
                let _ = writeln!(
                    page,
                    "<li class=\"failed\"><a href=\"#doc{index}\">{name}</a> — 未能读取（{}）</li>",
                    escape(&failure.error.kind)
                );
            }
        }
    }
    page.push_str("</ol></nav>\n");
}

fn error_section(page: &mut String, index: usize, failure: &ErrorRecord) {
    let _ = writeln!(
        page,
        "<section class=\"doc failed\" id=\"doc{index}\">\n<h2>{}</h2>\n<div class=\"error\" role=\"alert\"><p>未能读取：<span class=\"kind\">{}</span></p><p class=\"message\">{}</p></div>\n</section>",
        escape(crate::sink::path_shown(&failure.source)),
        escape(&failure.error.kind),
        escape(&failure.error.message)
    );
}

fn document(page: &mut String, index: usize, record: &Record) {
    let id = format!("doc{index}");
    let _ = writeln!(
        page,
        "<section class=\"doc\" id=\"{id}\">\n<h2>{}</h2>\n<div class=\"layout\">",
        escape(crate::sink::path_shown(&record.source))
    );
    let located = match &record.text {
        Some(text) => {
            let items = items(record, text);
            marked_text(page, &id, text, &items);
            items.into_iter().map(|i| i.reference).collect()
        }
        None => {
            page.push_str("<p class=\"none\">记录未附正文（以 with_text 提取），无法标注。</p>\n");
            BTreeSet::new()
        }
    };
    page.push_str("<div class=\"tables\">\n");
    tables(page, &id, record, &located);
    page.push_str("</div>\n</div>\n</section>\n");
}

/// Every item of `record` that lies in `text`, in no particular order. A
/// span that is empty, past the end or not on character boundaries (a
/// record from elsewhere) is left out; titles and meeting fields, which have
/// no spans, are looked for in the text.
fn items(record: &Record, text: &str) -> Vec<Item> {
    let valid = |span: Span| {
        span[0] < span[1]
            && span[1] <= text.len()
            && text.is_char_boundary(span[0])
            && text.is_char_boundary(span[1])
    };
    let mut items = Vec::new();
    let meeting = &record.meeting;
    for (field, label, value) in [
        ("title", "会议名称", &meeting.title),
        ("date", "会议日期", &meeting.date_text),
        ("location", "会议地点", &meeting.location),
    ] {
        let Some(value) = value.as_deref().filter(|v| !v.is_empty()) else {
            continue;
        };
        if let Some(start) = text.find(value) {
            let resolved = match (field, &meeting.date) {
                ("date", Some(date)) => format!("（{date}）"),
                _ => String::new(),
            };
            items.push(Item {
                span: [start, start + value.len()],
                kind: Kind::Meeting,
                reference: format!("m-{field}"),
                description: format!("{label}：{value}{resolved}"),
                date: None,
            });
        }
    }
    for (p, person) in record.people.iter().enumerate() {
        let mentions: Vec<Span> = person.spans.iter().copied().filter(|s| valid(*s)).collect();
        for (m, span) in person.spans.iter().enumerate() {
            if valid(*span) {
                items.push(Item {
                    span: *span,
                    kind: Kind::Person,
                    reference: format!("p{p}.{m}"),
                    description: format!("人员：{}", person.name),
                    date: None,
                });
            }
        }
        for (t, title) in person.titles.iter().enumerate() {
            if let Some(span) = title_span(text, title, &mentions) {
                items.push(Item {
                    span,
                    kind: Kind::Title,
                    reference: format!("i{p}.{t}"),
                    description: format!("职务：{}（{}）", title, person.name),
                    date: None,
                });
            }
        }
    }
    for (t, task) in record.tasks.iter().enumerate() {
        if valid(task.span) {
            items.push(Item {
                span: task.span,
                kind: Kind::Task,
                reference: format!("t{t}"),
                description: format!("任务 {}：{}", t + 1, task.title),
                date: None,
            });
        }
    }
    for (d, deadline) in record.deadlines.iter().enumerate() {
        if valid(deadline.span) {
            items.push(Item {
                span: deadline.span,
                kind: Kind::Deadline,
                reference: format!("d{d}"),
                description: format!(
                    "期限：{} → {}",
                    deadline.text,
                    deadline.date.as_deref().unwrap_or("无确定日期")
                ),
                date: deadline.date.clone(),
            });
        }
    }
    for (q, problem) in record.problems.iter().enumerate() {
        if valid(problem.span) {
            items.push(Item {
                span: problem.span,
                kind: Kind::Problem,
                reference: format!("q{q}"),
                description: format!("问题 {}", q + 1),
                date: None,
            });
        }
    }
    items
}

/// Where a person's title is written: just before or just after one of
/// the name's mentions (`区长刘志远`, `刘志远区长`), else its first
/// occurrence in the text; `None` when the text does not hold it.
fn title_span(text: &str, title: &str, mentions: &[Span]) -> Option<Span> {
    if title.is_empty() {
        return None;
    }
    let len = title.len();
    mentions
        .iter()
        .find_map(|&[start, end]| {
            if text[..start].ends_with(title) {
                Some([start - len, start])
            } else if text[end..].starts_with(title) {
                Some([end, end + len])
            } else {
                None
            }
        })
        .or_else(|| text.find(title).map(|start| [start, start + len]))
}

/// The text as a `<pre>`, cut at every item boundary: each piece covered by
/// items is a `<mark>` with the classes and references of all of them, and
/// each item has an anchor where it starts.
fn marked_text(page: &mut String, id: &str, text: &str, items: &[Item]) {
    let mut cuts: Vec<usize> = items
        .iter()
        .flat_map(|i| i.span)
        .chain([0, text.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    page.push_str("<pre class=\"text\">");
    for piece in cuts.windows(2) {
        let [start, end] = [piece[0], piece[1]];
        for item in items.iter().filter(|i| i.span[0] == start) {
            let _ = write!(
                page,
                "<a class=\"anchor a-{}\" id=\"{id}-{}\"></a>",
                item.kind.class(),
                item.reference
            );
        }
        let covering: Vec<&Item> = items
            .iter()
            .filter(|i| i.span[0] <= start && end <= i.span[1])
            .collect();
        let piece_text = escape(&text[start..end]);
        if covering.is_empty() {
            page.push_str(&piece_text);
            continue;
        }
        let kinds: BTreeSet<Kind> = covering.iter().map(|i| i.kind).collect();
        let classes: Vec<String> = kinds.iter().map(|k| format!("m-{}", k.class())).collect();
        let references: Vec<&str> = covering.iter().map(|i| i.reference.as_str()).collect();
        let descriptions: Vec<&str> = covering.iter().map(|i| i.description.as_str()).collect();
        let _ = write!(
            page,
            "<mark class=\"{}\" data-ref=\"{}\" title=\"{}\"",
            classes.join(" "),
            references.join(" "),
            escape(&descriptions.join("\n"))
        );
        // The resolved date is shown once, after the deadline's last piece.
        if let Some(date) = covering
            .iter()
            .find(|i| i.span[1] == end && i.date.is_some())
            .and_then(|i| i.date.as_deref())
        {
            let _ = write!(page, " data-date=\"{}\"", escape(date));
        }
        let _ = write!(page, ">{piece_text}</mark>");
    }
    page.push_str("</pre>\n");
}

/// The record as tables; a row whose item is marked links to its anchor.
fn tables(page: &mut String, id: &str, record: &Record, located: &BTreeSet<String>) {
    let link = |reference: &str, label: &str| -> String {
        if located.contains(reference) {
            format!("<a href=\"#{id}-{reference}\">{}</a>", escape(label))
        } else {
            escape(label)
        }
    };
    let row = |page: &mut String, reference: &str, cells: &[String]| {
        if located.contains(reference) {
            let _ = write!(page, "<tr data-target=\"{id}-{reference}\">");
        } else {
            page.push_str("<tr>");
        }
        for cell in cells {
            let _ = write!(page, "<td>{cell}</td>");
        }
        page.push_str("</tr>\n");
    };
    let list = |names: &[String]| escape(&names.join("、"));
    let meeting = &record.meeting;
    page.push_str(
        "<h3>会议</h3>\n<table class=\"t-meeting\"><tr><th>字段</th><th>内容</th></tr>\n",
    );
    for (reference, label, value) in [
        ("m-title", "名称", meeting.title.clone()),
        (
            "m-date",
            "日期",
            meeting.date_text.clone().map(|text| match &meeting.date {
                Some(date) => format!("{text}（{date}）"),
                None => text,
            }),
        ),
        ("m-location", "地点", meeting.location.clone()),
        ("", "主持", Some(meeting.chairs.join("、"))),
        ("", "出席", Some(meeting.attendees.join("、"))),
    ] {
        let value = value.unwrap_or_default();
        row(
            page,
            reference,
            &[label.to_string(), link(reference, &value)],
        );
    }
    page.push_str("</table>\n");

    let _ = writeln!(
        page,
        "<h3>人员（{}）</h3>\n<table class=\"t-people\"><tr><th>姓名</th><th>职务</th><th>角色</th><th>提及</th></tr>",
        record.people.len()
    );
    for (p, person) in record.people.iter().enumerate() {
        let titles: Vec<String> = (0..person.titles.len())
            .map(|t| link(&format!("i{p}.{t}"), &person.titles[t]))
            .collect();
        let roles: Vec<String> = person.roles.iter().map(variant_name).collect();
        let mentions: Vec<String> = (0..person.spans.len())
            .map(|m| link(&format!("p{p}.{m}"), &(m + 1).to_string()))
            .collect();
        row(
            page,
            &format!("p{p}.0"),
            &[
                link(&format!("p{p}.0"), &person.name),
                titles.join("、"),
                escape(&roles.join(", ")),
                mentions.join(" "),
            ],
        );
    }
    page.push_str("</table>\n");

    let _ = writeln!(
        page,
        "<h3>任务（{}）</h3>\n<table class=\"t-tasks\"><tr><th>#</th><th>任务</th><th>牵头领导</th><th>责任单位</th><th>期限</th><th>进展</th><th>问题</th></tr>",
        record.tasks.len()
    );
    for (t, task) in record.tasks.iter().enumerate() {
        let deadline = task
            .deadline
            .and_then(|d| record.deadlines.get(d).map(|dl| (d, dl)))
            .map_or_else(String::new, |(d, dl)| {
                let date = dl
                    .date
                    .as_deref()
                    .map_or(String::new(), |x| format!("（{x}）"));
                link(&format!("d{d}"), &format!("{}{date}", dl.text))
            });
        let problems: Vec<String> = task
            .problems
            .iter()
            .map(|q| link(&format!("q{q}"), &format!("问题 {}", q + 1)))
            .collect();
        row(
            page,
            &format!("t{t}"),
            &[
                (t + 1).to_string(),
                link(&format!("t{t}"), &task.title),
                list(&task.leaders),
                list(&task.units),
                deadline,
                escape(task.status.as_deref().unwrap_or("")),
                problems.join(" "),
            ],
        );
    }
    page.push_str("</table>\n");

    let _ = writeln!(
        page,
        "<h3>期限（{}）</h3>\n<table class=\"t-deadlines\"><tr><th>原文</th><th>日期</th><th>关系</th><th>精度</th></tr>",
        record.deadlines.len()
    );
    for (d, deadline) in record.deadlines.iter().enumerate() {
        row(
            page,
            &format!("d{d}"),
            &[
                link(&format!("d{d}"), &deadline.text),
                escape(deadline.date.as_deref().unwrap_or("—")),
                escape(&variant_name(&deadline.relation)),
                escape(&variant_name(&deadline.precision)),
            ],
        );
    }
    page.push_str("</table>\n");

    let _ = writeln!(
        page,
        "<h3>问题（{}）</h3>\n<table class=\"t-problems\"><tr><th>#</th><th>问题</th><th>所属任务</th></tr>",
        record.problems.len()
    );
    for (q, problem) in record.problems.iter().enumerate() {
        let task = problem.task.map_or_else(String::new, |t| {
            link(&format!("t{t}"), &format!("任务 {}", t + 1))
        });
        row(
            page,
            &format!("q{q}"),
            &[
                (q + 1).to_string(),
                link(&format!("q{q}"), &problem.text),
                task,
            ],
        );
    }
    page.push_str("</table>\n");

    if !record.warnings.is_empty() {
        page.push_str("<h3>提示</h3>\n<ul class=\"warnings\">\n");
        for warning in &record.warnings {
            let _ = writeln!(page, "<li>{}</li>", escape(warning));
        }
        page.push_str("</ul>\n");
    }
}

/// The name a unit enum variant has in the JSON record (`by`, `chair`).
fn variant_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        other => other.map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// `text` with the characters HTML gives meaning to replaced by references,
/// safe both as element content and inside a double- or single-quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use std::collections::BTreeMap;

    const REPORT: &str = "3月18日下午，区长刘志远主持召开区政府常务会议。会议要求区住建局于4月底前完成选址论证，副区长王建军负责。";

    fn record() -> Record {
        Extractor::builder()
            .with_text(true)
            .reference_date(chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap())
            .build()
            .extract_str(REPORT)
    }

    fn unescape(html: &str) -> String {
        html.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// Each item's text, gathered from the pieces whose `data-ref` names it.
    fn marked(page: &str) -> BTreeMap<String, String> {
        let piece =
            regex::Regex::new(r#"<mark class="[^"]*" data-ref="([^"]*)"[^>]*>([^<]*)</mark>"#)
                .unwrap();
        let mut items: BTreeMap<String, String> = BTreeMap::new();
        for found in piece.captures_iter(page) {
            for reference in found[1].split(' ') {
                items
                    .entry(reference.to_string())
                    .or_default()
                    .push_str(&unescape(&found[2]));
            }
        }
        items
    }

    #[test]
    fn each_item_is_marked_over_exactly_its_span() {
        let mut record = record();
        let text = record.text.clone().unwrap();
        let [start, end] = record.people[0].spans[0];
        // A task cutting a name in two: the pieces must still add up.
        let mut task = record.tasks[0].clone();
        task.span = [start - "长".len(), start + "刘".len()];
        record.tasks.push(task);
        let page = render_html(&[Outcome::Extracted(Box::new(record.clone()))]);
        let items = marked(&page);
        assert_eq!(items["p0.0"], &text[start..end]);
        let last = record.tasks.len() - 1;
        assert_eq!(items[&format!("t{last}")], "长刘");
        for (t, task) in record.tasks.iter().enumerate() {
            assert_eq!(items[&format!("t{t}")], &text[task.span[0]..task.span[1]]);
        }
        for (d, deadline) in record.deadlines.iter().enumerate() {
            assert_eq!(items[&format!("d{d}")], deadline.text);
        }
        assert!(
            page.contains(r#"<mark class="m-person m-task" data-ref="p0.0 t1""#),
            "{page}"
        );
        assert_eq!(items["i0.0"], record.people[0].titles[0]);
        assert_eq!(items["m-date"], "3月18日");
        assert!(page.contains(r#"data-date="2025-04-30">4月底前</mark>"#));
        // The pieces and the text between them are the text, in order.
        let pre = &page[page.find("<pre class=\"text\">").unwrap()..];
        let pre = &pre[..pre.find("</pre>").unwrap()];
        let tags = regex::Regex::new(r"<[^>]*>").unwrap();
        assert_eq!(unescape(&tags.replace_all(pre, "")), text);
    }

    #[test]
    fn every_item_has_one_anchor_and_its_rows_link_to_it() {
        let record = record();
        let page = render_html(&[Outcome::Extracted(Box::new(record.clone()))]);
        let count = |needle: &str| page.matches(needle).count();
        assert_eq!(count("class=\"anchor a-task\""), record.tasks.len());
        assert_eq!(count("class=\"anchor a-deadline\""), record.deadlines.len());
        let mentions: usize = record.people.iter().map(|p| p.spans.len()).sum();
        assert_eq!(count("class=\"anchor a-person\""), mentions);
        assert_eq!(count("<tr data-target=\"doc0-t0\">"), 1);
        assert_eq!(count("id=\"doc0-t0\""), 1);
        assert_eq!(count("<nav"), 0, "one document has no table of contents");
    }

    #[test]
    fn spans_off_the_text_are_left_out() {
        let mut record = record();
        let len = record.text.as_ref().unwrap().len();
        record.tasks[0].span = [1, 2]; // inside the first character
        record.deadlines[0].span = [len, len + 10];
        let page = render_html(&[Outcome::Extracted(Box::new(record))]);
        let items = marked(&page);
        assert!(!items.contains_key("t0") && !items.contains_key("d0"));
        assert!(
            !page.contains("href=\"#doc0-t0\""),
            "an unmarked item has no link"
        );
        assert!(items.contains_key("p0.0"));
    }

    #[test]
    fn markup_in_a_document_stays_text() {
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'&";
        let mut record = Extractor::builder()
            .with_text(true)
            .build()
            .extract_str(&format!("{REPORT}{hostile}"));
        record.source.path = Some("<b>\"x\".txt".into());
        record.problems.clear();
        let page = render_html(&[Outcome::Extracted(Box::new(record))]);
        assert_eq!(
            page.matches("<script").count(),
            1,
            "the page's own script only"
        );
        assert!(!page.contains("<img") && !page.contains("<b>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"));
        assert!(page.contains("<h2>&lt;b&gt;&quot;x&quot;.txt</h2>"));
    }

    #[test]
    fn a_failed_input_is_an_error_section_listed_in_the_contents() {
        let failed = Extractor::new().outcome_of_path(std::path::Path::new("no/such<file>.txt"));
        let page = render_html(&[Outcome::Extracted(Box::new(record())), failed]);
        assert!(page.contains("<section class=\"doc failed\" id=\"doc1\">"));
        assert!(page.contains("<span class=\"kind\">io</span>"));
        assert!(page.contains("no/such&lt;file&gt;.txt: "));
        assert!(
            page.contains("<li class=\"failed\"><a href=\"#doc1\">no/such&lt;file&gt;.txt</a>")
        );
        assert!(page.contains("<a href=\"#doc0\">"));
    }

    #[test]
    fn a_record_without_its_text_has_tables_only() {
        let mut record = record();
        record.text = None;
        let page = render_html(&[Outcome::Extracted(Box::new(record.clone()))]);
        assert!(!page.contains("<pre"));
        assert!(!page.contains("<tr data-target"));
        assert!(page.contains(&escape(&record.tasks[0].title)));
    }
}
