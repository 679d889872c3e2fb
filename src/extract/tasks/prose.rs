//! Tasks in running text: numbered decisions (`一、` `（一）` `一是`), the items
//! a meeting hears reports on or reviews, directives given a deadline, and the
//! work a meeting is convened to push forward.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::lexicon;
use super::title::{self, CLAUSE, Heading, acceptable, clean, heading_kind, unit_run};
use super::{Draft, Drafts, offset_in};
use crate::extract::words::alternation;
use crate::record::Deadline;
use crate::text;

struct Patterns {
    /// `一、` at the start of a line: a section.
    level1: Regex,
    /// `（一）` or `1.` at the start of a line: an item.
    level2: Regex,
    /// `一是` / `二要` after a clause break: an item inside a paragraph.
    inline: Regex,
    /// `以上工作由…` / `此项工作由…`: who is responsible for the section or item.
    responsible: Regex,
    /// The meeting's name naming the work it pushes forward (`召开…推进会`).
    convened: Regex,
    /// `A、B、C等34个城市建设项目`: projects named one by one.
    enumerated: Regex,
    /// `开展A、B、C四个专项整治工作`: campaigns counted under the name they share.
    counted_campaigns: Regex,
    /// A leading year or year range (`2025—2026年`).
    year: Regex,
    /// Who arranges the items that follow (`王某副主任对安全生产工作做出安排：`).
    arranges: Regex,
    /// A leader named by title where the people extractor found no one
    /// (`由副县长曾雅琴牵头`, `由田野同志负责`, `副县长卓嘉诚协助`).
    named_leader: Regex,
    /// A reporter named by title where the people extractor found no one (`副市长王玉峰`).
    reporter: Regex,
    /// A headline naming it (`…调度会召开`, `调研督办…工作`).
    headline: Regex,
    /// Any of [`TRIGGERS`]: a sentence without one reports nothing.
    report_trigger: Regex,
    /// Any of [`TOPIC_VERBS`] or `动员`: a sentence without one takes up no topic.
    topic_verb: Regex,
    /// The verbs that may govern a document's name (`审议《…》`), each with its
    /// searcher built once.
    review_verbs: Vec<(&'static str, memchr::memmem::FinderRev<'static>)>,
}

pub(super) fn load() {
    patterns();
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    // Fixed patterns: compiling them cannot fail.
    P.get_or_init(|| Patterns {
        level1: Regex::new(r"^\s*[一二三四五六七八九十]{1,3}、").expect("valid"),
        level2: Regex::new(
            r"^\s*(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|\d{1,2}[.．、]|[•●■◆▪①-⑳]\s*)",
        )
            .expect("valid"),
        inline: Regex::new(r"(?:^|[：:；;。，,])\s*([一二三四五六七八九十]{1,2}(?:是|要))")
            .expect("valid"),
        responsible: Regex::new(r"(?:以上|上述|此项|该项|这项)(?:工作|事项|任务)(?:均)?(?:由|请)")
            .expect("valid"),
        convened: Regex::new(
            r"召开(?:了)?([^，。；,\n]{2,40}?)(?:(?:工作)?(?:周)?(?:督导推进会|推进调度例会|推进调度会|调度例会|推进例会|推进会议|推进会|调度会议|调度会|督办会|调度启动会|启动会|协调会议|协调会|动员会议|动员会|部署会议|部署会)|工作会议)",
        )
        .expect("valid"),
        enumerated: Regex::new(
            r"([^，。；,：:]{2,80}?、[^，。；,：:]{2,40}?)等(?:\d+|[一二三四五六七八九十两百]+)[个项处条座家][^，。；,]{0,12}?(?:项目|工程)",
        )
        .expect("valid"),
        counted_campaigns: Regex::new(&format!(
            r"([^，。；,：:]{{2,80}}?、[^，。；,：:]{{2,40}}?)等?(?:\d+|[一二三四五六七八九十两]+)[个项大]({})",
            alternation(CAMPAIGNS.iter().copied())
        ))
        .expect("valid"),
        year: Regex::new(r"^\d{4}(?:[—–-]\d{4})?年度?").expect("valid"),
        arranges: Regex::new(r"(?:做出|作出|进行了?)(?:安排|部署)|安排部署").expect("valid"),
        named_leader: Regex::new(
            r"由[^，。；由]{0,16}?(?:长|主任|书记|主席)(\p{Han}{2,3}?)(?:同志)?(?:负责|牵头)|由(\p{Han}{2,3}?)同志(?:负责|牵头)|(?:长|主任|书记)(\p{Han}{2,3}?)协助",
        )
        .expect("valid"),
        reporter: Regex::new(r"(?:长|主任|书记|主席)(\p{Han}{2,3})$").expect("valid"),
        headline: Regex::new(
            r"^(?:.{0,12}调研督办([^，。；,]{2,40}?)工作$|([^，。；,]{2,40}?)(?:工作)?(?:督导推进会|推进调度例会|推进调度会|调度例会|推进例会|推进会议|推进会|调度会议|调度会|督办会)(?:召开)?$)",
        )
        .expect("valid"),
        report_trigger: Regex::new(&alternation(TRIGGERS.iter().map(|t| t.0))).expect("valid"),
        topic_verb: Regex::new(&alternation(TOPIC_VERBS.iter().chain(FRONTED_TOPIC_VERBS).copied().chain(["动员"])))
            .expect("valid"),
        review_verbs: [
            "审议", "研究", "讨论", "审定", "通过", "同意", "学习", "传达", "贯彻", "印发", "宣读", "签订",
        ]
        .into_iter()
        .map(|v| (v, memchr::memmem::FinderRev::new(v)))
        .collect(),
    })
}

/// A trigger, whether it needs `关于`, and the words closing the topic.
type Trigger = (&'static str, bool, &'static [&'static str]);
const TRIGGERS: &[Trigger] = &[
    // `听取了A项目、B项目的进展情况、存在问题`: what is heard about each item.
    (
        "听取",
        false,
        &["汇报", "报告", "意见", "的进展情况", "的推进情况"],
    ),
    // `副市长李红汇报了A、B等重点工作任务的进展`: the subject reported.
    (
        "汇报了",
        false,
        &["的进展", "进展情况", "推进情况", "的情况"],
    ),
    // `会议通报了A、B等项目建设推进情况`: the work reported on.
    (
        "通报了",
        false,
        &["的进展", "进展情况", "推进情况", "的情况"],
    ),
    ("同意", true, &["请示", "报告"]),
    ("审议", true, &["汇报", "报告", "请示", "安排", "意见"]),
    (
        "围绕",
        false,
        &["进行交流", "进行了交流", "作了发言", "发言", "交流"],
    ),
    // `逐一调度X推进情况`, `现场督查X办理情况`: the work inspected.
    ("调度", false, &["情况"]),
    ("督查", false, &["情况"]),
];

/// The verbs by which a meeting takes up its topics, longer ones first.
const TOPIC_VERBS: &[&str] = &[
    "分析研究",
    "动员部署",
    "研究部署",
    "安排部署",
    "研究",
    "部署",
    "审议",
    "讨论",
];

/// The object a meeting takes up before its verb (`就X进行了研究`, `对X作了部署`),
/// with a summing-up `等相关事项` left off.
fn fronted_topic(c: &str) -> Option<&str> {
    let c = c.strip_prefix(['就', '对'])?;
    let (object, verb) = ["进行了", "进行", "作了", "作出了", "做了"]
        .iter()
        .find_map(|l| text::find(c, l).map(|p| (&c[..p], &c[p + l.len()..])))?;
    let verb = verb.trim_start_matches(['专', '题', '认', '真', '详', '细']);
    if !TOPIC_VERBS
        .iter()
        .chain(FRONTED_TOPIC_VERBS)
        .any(|v| verb.starts_with(v))
    {
        return None;
    }
    // `A、B等十九项工作`: a count sums up the list.
    let object = match text::find(object, "等") {
        Some(p) if counted_work(&object[p + "等".len()..]) => &object[..p],
        _ => object,
    };
    let object = [
        "等相关事项",
        "等有关事项",
        "等事项",
        "相关事项",
        "有关事项",
        "等工作",
    ]
    .iter()
    .find_map(|e| object.strip_suffix(e))
    .unwrap_or(object);
    let object = object.trim_start_matches("相关").trim_start_matches("有关");
    (!object.is_empty()).then_some(object)
}

/// Whether `s` is a count of the work items before it (`十九项工作`, `3个方面工作`).
fn counted_work(s: &str) -> bool {
    let rest = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十两百几多".contains(c)
    });
    rest.len() < s.len()
        && [
            "项工作",
            "项任务",
            "项事项",
            "个方面工作",
            "个方面",
            "个事项",
            "项",
        ]
        .contains(&rest)
}

/// Names of campaigns a list of items may share (`A、B两个专项整治`), longer first.
const CAMPAIGNS: &[&str] = &[
    "专项整治",
    "专项行动",
    "专项治理",
    "整治行动",
    "攻坚行动",
    "攻坚战",
    "整治",
    "行动",
];

/// Verbs a meeting takes its topics up by only after them (`就X进行了布置`).
const FRONTED_TOPIC_VERBS: &[&str] = &["安排", "布置", "布署", "议定"];

/// The leaders `s` names by title, for when the people extractor found none there.
fn named_leaders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in patterns().named_leader.captures_iter(s) {
        if let Some(m) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))
            && !out.iter().any(|n| n == m.as_str())
        {
            out.push(m.as_str().to_string());
        }
    }
    out
}

/// Where the text of a `（一）` / `1.` item starts, if `line` is one (`1.2万户` is not).
fn level2(line: &str) -> Option<usize> {
    let m = patterns().level2.find(line)?;
    // `1.2万户` is a figure; `① 12月底前…` an item.
    let decimal = m.as_str().trim_end().ends_with(['.', '．'])
        && line[m.end()..].starts_with(|c: char| c.is_ascii_digit());
    (!decimal).then_some(m.end())
}

/// Words of a label over a record of deliberation, not of decisions.
const DELIBERATION: &[&str] = &["讨论", "背景", "现状", "交流", "发言"];

/// The topic of an agenda heading (`议题一：X`, `议题2:X`), if `line` is one.
fn agenda_heading(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("议题")?;
    let rest =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    let topic = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))?
        .trim();
    (rest.len() < line.trim().len() - "议题".len() && !topic.is_empty()).then_some(topic)
}

/// The verbs by which an item's subject reports on work, longest first.
const REPORT_VERBS: &[&str] = &["通报了", "汇报了", "通报", "汇报"];

/// An item's first clause as a report (`X科长Y通报一季度医疗质量情况`): where
/// the verb starts, and what is reported, ending in `情况` or `进展` (a
/// report on the state of work, not a statement of it).
fn reported_head(s: &str) -> Option<(usize, &str)> {
    let head = &s[..s.find(CLAUSE).unwrap_or(s.len())];
    let (p, verb) = REPORT_VERBS
        .iter()
        .find_map(|v| text::find(head, v).map(|p| (p, *v)))?;
    let object = &head[p + verb.len()..];
    (p > 0 && ["情况", "进展", "进度"].iter().any(|e| object.ends_with(e))).then_some((p, object))
}

/// Whether `line` closes with a label of problems and a colon (`…存在问题：`).
fn opens_shortcomings(line: &str) -> bool {
    let t = line.trim_end();
    let Some(t) = t.strip_suffix('：').or_else(|| t.strip_suffix(':')) else {
        return false;
    };
    // Labels are short: look at the last few characters only.
    t.char_indices()
        .rev()
        .take(8)
        .any(|(i, _)| crate::extract::problems::is_label(&t[i..]))
}

/// Whether a sentence introducing inline items (`一是…`) says they are
/// shortcomings: it closes with a colon and speaks of problems anywhere
/// (`主要问题有三：`), where a line over a list must close with the label
/// itself ([`opens_shortcomings`]).
fn introduces_shortcomings(intro: &str) -> bool {
    let tail = intro.trim_end();
    (tail.ends_with('：') || tail.ends_with(':'))
        && ["问题", "不足", "短板"]
            .iter()
            .any(|w| text::contains(tail, w))
}

/// The verbs opening a line that is one agenda item, longest first.
const AGENDA_LINE_VERBS: &[&str] = &[
    "讨论确定",
    "研究确定",
    "研究部署",
    "讨论通过",
    "审议通过",
    "布置",
    "部署",
    "讨论",
    "研究",
    "审议",
    "通报",
    "听取",
];

/// The object of a line that is an agenda item alone (`讨论确定近期人才引进的
/// 待遇问题；`): a verb taking an item up, then at most 40 characters with no
/// clause inside, closed by `；`, `。` or the line's end.
fn agenda_line(line: &str) -> Option<&str> {
    let t = line.trim();
    let verb = AGENDA_LINE_VERBS.iter().find(|v| t.starts_with(**v))?;
    let object = t[verb.len()..]
        .trim_start_matches('了')
        .trim_end_matches(['；', ';', '。']);
    // `研究生…` is a noun, not the verb.
    (!object.is_empty()
        && !object.starts_with('生')
        && object.chars().count() <= 40
        && !object.contains(['，', ',', '；', ';', '。', '：', ':']))
    .then_some(object)
}

/// The verbs by which an agenda heading takes up its item (`审议`, `研究`), longest first.
const AGENDA_VERBS: &[&str] = &["审议通过", "研究部署", "审议", "审定", "研究", "讨论"];

/// The object of an agenda heading opening with the verb that takes it up
/// (`审议2025年研究生招生计划`), if `heading` is one: one phrase, no clause
/// punctuation, at most 40 characters.
fn taken_up(heading: &str) -> Option<&str> {
    let verb = AGENDA_VERBS.iter().find(|v| heading.starts_with(**v))?;
    let object = heading[verb.len()..].trim_start_matches('了').trim();
    let object = object.trim_end_matches(['。', '：', ':']);
    // `讨论与决议` is a label of two parts, not a verb and its object.
    (!object.is_empty()
        && !object.starts_with(['与', '和', '及', '并'])
        && object.chars().count() <= 40
        && !object.contains(['，', '；', ',', ';', '、']))
    .then_some(object)
}

/// Words of a label over decisions and the work given out.
const DECISION: &[&str] = &[
    "决议",
    "决定",
    "结论",
    "行动",
    "待办",
    "任务",
    "分工",
    "安排",
    "下一步",
    "事项",
    "要求",
];

/// The label a line is made of alone (`讨论要点：`), if it is one: at most
/// ten characters before a closing colon.
fn label_line(line: &str) -> Option<&str> {
    let t = line.trim();
    let label = t.strip_suffix('：').or_else(|| t.strip_suffix(':'))?;
    (!label.is_empty() && label.chars().count() <= 10 && level2(label).is_none()).then_some(label)
}

/// Words of a label over the progress of work (`上周进展`, `完成情况`).
const PROGRESS: &[&str] = &["进展", "进度", "完成情况", "推进情况", "工作情况"];

/// What a section's label heads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    Decisions,
    Progress,
    Deliberation,
}

/// The kind of a numbered heading that is only a section's label
/// (`讨论与决议`, `行动项`, `上周进展`, `讨论要点`): at most ten characters, no
/// punctuation, no verb taking up an item; decisions first (`讨论与决议`).
fn section_label(heading: &str) -> Option<SectionKind> {
    let t = heading.trim().trim_end_matches(['：', ':']);
    if t.is_empty()
        || t.chars().count() > 10
        || t.contains(|c: char| "，。；：,;:！？《".contains(c))
        || taken_up(t).is_some()
        || text::contains(t, "关于")
    {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| text::contains(t, w));
    if has(DECISION) && !has(&["要求"]) {
        Some(SectionKind::Decisions)
    } else if has(PROGRESS) && t.chars().count() <= 6 {
        Some(SectionKind::Progress)
    } else if has(DELIBERATION) && t.chars().count() <= 6 {
        Some(SectionKind::Deliberation)
    } else {
        None
    }
}

/// Whether `line` alone heads decisions or the work given out, without a
/// colon (`行动计划`, `下一步工作安排`): a short line, no punctuation in it.
fn decision_heading(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 10
        && !t.contains(|c: char| "，。；：,;:！？".contains(c))
        && level2(t).is_none()
        && !patterns().level1.is_match(t)
        && DECISION.iter().any(|w| text::contains(t, w))
}

/// Whether an unnumbered line under a heading of decisions is one item of
/// them: a short label naming the work, a colon and the directive, in one
/// sentence (`深化AI应用：技术部牵头研究…`); not a field (`时间：…`) or a
/// table's row.
fn listed_item(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['。', '；', ';']);
    let Some((label, rest)) = t.split_once('：').or_else(|| t.split_once(':')) else {
        return false;
    };
    let n = label.chars().count();
    (4..=10).contains(&n)
        && label
            .chars()
            .all(|c| title::is_han(c) || c.is_ascii_alphanumeric())
        // A directive is words; a value of digits alone is a field (`下次周会：2026-01-16`).
        && rest.chars().any(title::is_han)
        && !text::contains(t, "。")
        && !t.contains('\t')
        && crate::analysis::role_of(label).is_none()
}

/// The tasks of the section being read (`一、…` up to the next `一、`).
#[derive(Default)]
struct Section {
    tasks: BTreeSet<usize>,
    /// The task its heading names, retitled by the first report heard in it.
    heading: Option<usize>,
    /// Whether the first line of its body was read for the heading's reporter.
    reporter_read: bool,
    reported: bool,
    /// Where the section starts.
    start: usize,
    /// The tasks its heading or heard report names: the section's problems are theirs.
    topics: Vec<usize>,
    /// A `关于X` heading that is no project: the work, should a report heard under
    /// it name no topic of its own.
    pending: Option<(String, Range<usize>)>,
}

struct Reader<'a, 'b> {
    /// The deadlines' spans, sorted, for range look-ups.
    deadline_starts: Vec<(usize, usize)>,
    out: &'a mut Drafts<'b>,
    section: Section,
}

/// Reads the tasks stated in the lines not in a table or a header field.
pub(super) fn scan(
    lines: &[(usize, &str)],
    in_table: &[bool],
    header: &[bool],
    deadlines: &[Deadline],
    out: &mut Drafts,
) {
    let p = patterns();
    let mut prose: Vec<(usize, &str)> = Vec::new();
    // Whether a header field stands right before each line of prose: it ends a
    // list of items as any other line would.
    let mut after_field: Vec<bool> = Vec::new();
    let mut field = false;
    for ((at, l), (&t, &h)) in lines.iter().zip(in_table.iter().zip(header)) {
        if h {
            field = true;
        } else if !t && !l.trim().is_empty() {
            prose.push((*at, l));
            after_field.push(std::mem::take(&mut field));
        }
    }
    // A document laid out in numbered decisions or tables states its work there;
    // its opening topics only restate them.
    let structured = in_table.contains(&true)
        || prose
            .iter()
            .any(|(_, l)| p.level1.is_match(l) || level2(l).is_some());
    // Under a label of deliberation (`讨论要点：`, `背景：`) numbered lines
    // record what was said; the work is in the decisions and action items.
    let mut deliberating = false;
    // Under a heading of decisions or actions (`行动计划`, `会议决定：`) the
    // lines that follow, each a label and its directive, are items.
    let mut listing = false;
    // A line closing with a label of problems (`…存在问题：`) opens a list of
    // them: the items below it, of another level than its own, are no tasks.
    // Its marker's family, if it is an item.
    let mut shortcomings: Option<String> = None;
    // An item that only makes persons responsible (`（一）由施铭远同志负责：`):
    // its family and the persons, who lead the deeper items below it.
    let mut assignee: Option<(String, Vec<String>)> = None;
    let mut r = Reader {
        deadline_starts: {
            let mut v: Vec<(usize, usize)> =
                deadlines.iter().map(|d| (d.span[0], d.span[1])).collect();
            v.sort_unstable();
            v
        },
        out,
        section: Section::default(),
    };
    // Lines that are agenda items alone (`布置近期学院疫情防控工作；`), two in a row at least.
    let agenda: Vec<Option<&str>> = prose.iter().map(|(_, l)| agenda_line(l)).collect();
    for (n, &(at, line)) in prose.iter().enumerate() {
        if let Some(object) = agenda[n]
            && (n > 0 && agenda[n - 1].is_some() || agenda.get(n + 1).is_some_and(Option::is_some))
        {
            let base = at + offset_in(line, object);
            for (t, span) in list_items(object, false) {
                r.push(Draft::new(
                    t,
                    base + span.start..base + span.end,
                    at..at + line.len(),
                ));
            }
            continue;
        }
        if let Some(label) = label_line(line) {
            // A label of its own inside the record (`流程：`) keeps it one.
            if DELIBERATION.iter().any(|w| text::contains(label, w))
                || crate::extract::problems::is_label(label)
            {
                deliberating = true;
                listing = false;
            } else if DECISION.iter().any(|w| text::contains(label, w)) {
                deliberating = false;
                listing = true;
            } else {
                listing = false;
            }
            continue;
        }
        if decision_heading(line) {
            deliberating = false;
            listing = true;
            continue;
        }
        // The items follow their heading one a line; any other line ends them.
        listing = listing && !after_field[n] && listed_item(line);
        if let Some(topic) = agenda_heading(line) {
            // `议题二：导入导出功能细化`: a topic the meeting takes up.
            deliberating = false;
            r.close_section(at);
            r.section = Section {
                start: at,
                ..Section::default()
            };
            let t = clean(topic);
            if acceptable(&t) {
                let o = at + offset_in(line, topic);
                let i = r.push(Draft::new(t, o..o + topic.len(), at..at + line.len()));
                r.section.heading = Some(i);
            }
            continue;
        }
        if let Some(m) = p.level1.find(line) {
            listing = false;
            shortcomings = None;
            assignee = None;
            // `三、存在问题`: its items are the shortcomings, read by the problems extractor.
            deliberating = crate::extract::problems::is_label(
                line[m.end()..].trim().trim_end_matches(['：', ':']),
            );
            r.close_section(at);
            r.section = Section {
                start: at,
                ..Section::default()
            };
            // `四、行动项`, `一、上周进展`: a section's label, naming no work; the
            // lines below it, each a label and its text, are its items.
            if let Some(kind) = section_label(&line[m.end()..]) {
                listing = kind != SectionKind::Deliberation;
                deliberating = deliberating || kind == SectionKind::Deliberation;
                continue;
            }
            // A heading over items or a heard report: they name the work.
            let over = prose.get(n + 1).is_some_and(|(_, l)| {
                level2(l).is_some() || text::contains(l, "听取") || l.starts_with("会议")
            });
            r.heading(at + m.end(), &line[m.end()..], over);
        } else if let Some(m) = level2(line) {
            let family = crate::extract::problems::marker_family(&line[..m]);
            // A run of deeper items ends at the next item of the level that opened it.
            let deeper = |opener: Option<&String>| opener.is_some_and(|f| *f != family);
            if !deeper(shortcomings.as_ref()) {
                shortcomings = None;
            }
            if !deeper(assignee.as_ref().map(|(f, _)| f)) {
                assignee = None;
            }
            if !deliberating && shortcomings.is_none() {
                let found = r.item(at + m, &line[m..], true);
                if let Some((_, names)) = &assignee {
                    for t in found {
                        r.out.add_leaders(t, names);
                    }
                } else if found.is_empty()
                    && let Some(names) = r.assigns_below(at + m, &line[m..])
                {
                    // `（一）由施铭远同志负责：` then `① …` `② …`.
                    assignee = Some((family.clone(), names));
                }
            }
            if opens_shortcomings(line) {
                shortcomings = Some(family);
            }
        } else if listing {
            r.item(at, line, true);
        } else if p.responsible.find(line).is_some_and(|m| m.start() < 30) {
            // A closing line: the persons it names lead every task of the section.
            let mut names = r.out.persons_in(at..at + line.len());
            if names.is_empty() {
                names = named_leaders(line);
            }
            for &t in &r.section.tasks {
                r.out.add_leaders(t, &names);
            }
        } else {
            if n < 3 && !structured {
                r.convened(at, line, n == 0, &prose);
            }
            r.reporter_of_heading(at, line);
            let before = r.out.len();
            r.paragraph(at, line, structured);
            if r.out.len() == before {
                r.assigns_heading(at, line);
            }
            shortcomings = opens_shortcomings(line).then(String::new);
            assignee = None;
        }
    }
    let end = prose.last().map_or(0, |(a, l)| a + l.len());
    r.close_section(end);
}

impl Reader<'_, '_> {
    /// Ends the section at `end`: its heading's and reports' tasks take in its problems.
    fn close_section(&mut self, end: usize) {
        for &t in &self.section.topics {
            self.out.set_context(t, self.section.start..end);
        }
    }

    fn push(&mut self, draft: Draft) -> usize {
        let i = self.out.add(draft);
        self.section.tasks.insert(i);
        i
    }

    /// `议题二：X` then `饶春兰同志汇报，…`: the one whose report opens the
    /// section's body leads the work its heading names.
    fn reporter_of_heading(&mut self, at: usize, line: &str) {
        let Some(h) = self.section.heading.filter(|_| !self.section.reporter_read) else {
            return;
        };
        self.section.reporter_read = true;
        let body = line.trim_start();
        let start = at + line.len() - body.len();
        let Some(name) = self.out.person_at(start).map(str::to_string) else {
            return;
        };
        let rest = &body[name.len()..];
        let rest = rest.strip_prefix("同志").unwrap_or(rest);
        let clause = &rest[..rest.find(CLAUSE).unwrap_or(rest.len())];
        let reports = ["通报", "汇报", "介绍", "报告", "说明"]
            .iter()
            .any(|v| rest.starts_with(v))
            || (rest.starts_with('对')
                && (text::contains(clause, "作了") || text::contains(clause, "进行了")));
        if reports {
            self.out.add_leaders(h, &[name]);
        }
    }

    /// The persons an item closing with a colon makes responsible for the
    /// items below it (`由施铭远同志负责：`, `责任人：王芳`), if it is one.
    fn assigns_below(&self, at: usize, s: &str) -> Option<Vec<String>> {
        let t = s.trim_end();
        if !t.ends_with(['：', ':'])
            || !["负责", "牵头", "责任人"]
                .iter()
                .any(|w| text::contains(t, w))
        {
            return None;
        }
        let names = self.out.actors_in(s, at);
        (!names.is_empty()).then_some(names)
    }

    /// `由李娜负责于4月10日前报送` under `一、审议X`: a line of the section's body
    /// that names no work of its own but makes a person responsible gives them
    /// the work the heading names, and its deadline.
    fn assigns_heading(&mut self, at: usize, line: &str) {
        let Some(h) = self.section.heading else {
            return;
        };
        if !text::contains(line, "负责") && !text::contains(line, "牵头") {
            return;
        }
        let names = self.out.actors_in(line, at);
        if !names.is_empty() {
            self.out.add_leaders(h, &names);
            self.out.restate(h, at..at + line.len());
        }
    }

    /// A `一、` line: `关于X` names a project, `X。body` is a decision.
    fn heading(&mut self, at: usize, rest: &str, over: bool) {
        let rest_t = rest.trim();
        if rest_t.starts_with("会议") {
            // `五、会议强调，…`: a numbered paragraph of the minutes, not a heading;
            // the topics it takes up (`一、会议研究了X`) are its work.
            self.paragraph(at, rest, false);
            return;
        }
        let about = rest_t.strip_prefix("关于");
        let body_empty = rest_t
            .split_once('。')
            .is_none_or(|(_, b)| b.trim().is_empty());
        if about.is_some() && !body_empty && !text::contains(rest_t, "听取") {
            // `一、关于X。会议同意…`: one decision of minutes, its topic the work, as
            // under `（一）`.
            self.item(at, rest, true);
            return;
        }
        if body_empty
            && about.is_none()
            && let Some(topic) = taken_up(rest_t)
        {
            // `一、审议2025年研究生招生计划`: minutes head an agenda item with the verb
            // that takes it up; its object is the work the body then assigns.
            let t = clean(topic);
            if acceptable(&t) {
                let s = at + offset_in(rest, topic);
                let i = self.push(Draft::new(t, s..s + topic.len(), s..s + topic.len()));
                self.section.heading = Some(i);
                self.section.topics.push(i);
                return;
            }
        }
        if about.is_some() || (body_empty && over) {
            let topic = about.unwrap_or(rest_t).trim_end_matches('。');
            let t = clean(topic);
            // Only a project's name is a task on its own; a report heard under it
            // names it more exactly.
            let bare = about.is_some() || title::clean_lead(topic) == topic.trim();
            if bare && lexicon().project_suffixes.ends(&t) && acceptable(&t) {
                let s = at + offset_in(rest, topic);
                let i = self.push(Draft::new(t, s..s + topic.len(), s..s + topic.len()));
                self.section.heading = Some(i);
                self.section.topics.push(i);
            } else if about.is_some() && acceptable(&t) {
                let s = at + offset_in(rest, topic);
                self.section.pending = Some((t, s..s + topic.len()));
            }
            // `一、关于X。会议听取了…`: the rest is read as a paragraph.
            if let Some((head, body)) = rest.split_once('。')
                && !body.trim().is_empty()
            {
                let b = head.len() + '。'.len_utf8();
                self.paragraph(at + b, body, true);
            }
            return;
        }
        // `一、上学期期末质量分析`: a heading naming one piece of work is the
        // section's work.
        if let [i] = self.item(at, rest, true)[..]
            && body_empty
        {
            self.section.heading = Some(i);
        }
    }

    /// One numbered item; `headed` when its first sentence may be a heading.
    /// Returns the tasks it states.
    fn item(&mut self, at: usize, s: &str, headed: bool) -> Vec<usize> {
        if text::contains(s, "听取") {
            // `（一）会议听取了…的汇报`: a heard report, not a directive.
            let before = self.out.len();
            self.sentences(at, s, true);
            return (before..self.out.len()).collect();
        }
        let mut leaders = self.out.actors_in(s, at);
        if leaders.is_empty() {
            leaders = named_leaders(s);
        }
        let (at, s) = after_meeting_voice(at, s);
        // `王芳：完成数据标注`, `陈立新牵头制定X`: an item opening with a person's name
        // gives them the work the rest of it names.
        // `由郑海负责…`: the same, after `由`.
        let opening = s.trim_start();
        let opening = opening.strip_prefix('由').unwrap_or(opening);
        let (at, s) = match self.out.person_at(at + (s.len() - opening.len())) {
            Some(name) => {
                let rest = &opening[name.len()..];
                let rest = rest.strip_prefix("同志").unwrap_or(rest);
                let rest = rest.trim_start_matches(['：', ':', ' ']);
                (at + s.len() - rest.len(), rest)
            }
            None => (at, s),
        };
        // `（一）医务科科长桂明轩通报一季度医疗质量情况。`: the item is the report;
        // what is reported is the work, and the one reporting leads it.
        if let Some((verb, object)) = reported_head(s)
            && !leaders.is_empty()
        {
            let reporters = self.out.persons_in(at..at + verb);
            let t = clean(object);
            if !reporters.is_empty() && acceptable(&t) {
                let o = at + offset_in(s, object);
                let scope = at..at + s.find('。').map_or(s.len(), |p| p + '。'.len_utf8());
                return vec![self.push(Draft {
                    leaders: reporters,
                    ..Draft::new(t, o..o + object.len(), scope)
                })];
            }
        }
        let units = item_units(s);
        let mut found = Vec::new();
        for (t, r) in item_titles(s, headed) {
            let i = self.push(Draft {
                leaders: leaders.clone(),
                units: units.clone(),
                ..Draft::new(t, at + r.start..at + r.end, at..at + s.len())
            });
            found.push(i);
        }
        found
    }

    /// The work named by the meeting's name (`…环保督察整改工作推进会`); on a
    /// headline `调研督办X工作`, led by the one who inspects it.
    fn convened(&mut self, at: usize, line: &str, headline: bool, prose: &[(usize, &str)]) {
        let p = patterns();
        // Every meeting name the patterns know holds one of these words: without one
        // the costly patterns need not run.
        let named = [
            "推进会",
            "调度会",
            "调度例会",
            "推进例会",
            "督办会",
            "启动会",
            "协调会",
            "动员会",
            "部署会",
            "工作会议",
        ]
        .iter()
        .any(|w| text::contains(line, w));
        let convened = named && text::contains(line, "召开");
        let (g, inspect) = match convened
            .then(|| p.convened.captures(line).and_then(|c| c.get(1)))
            .flatten()
        {
            Some(g) => (g, false),
            None if headline && (named || text::contains(line, "调研督办")) => {
                let Some(c) = p.headline.captures(line.trim()) else {
                    return;
                };
                match (c.get(1), c.get(2)) {
                    (Some(g), _) => (g, true),
                    (None, Some(g)) => (g, false),
                    _ => return,
                }
            }
            None => return,
        };
        let raw = g.as_str();
        let mut t = patterns().year.find(raw).map_or(raw, |m| &raw[m.end()..]);
        for scope in ["全省", "全市", "全县", "全区", "全州", "全镇", "全国"] {
            if let Some(rest) = t.strip_prefix(scope) {
                t = rest;
            }
        }
        let t = t.trim_end_matches("督导").trim_end_matches("督办");
        // `重点工程第三次调度会`: the count is the meeting's, not the work's.
        let t = match t.rfind('第') {
            Some(p) if t.ends_with('次') && t.len() - p <= 12 => &t[..p],
            _ => t,
        };
        let t = clean(t);
        if !acceptable(&t) {
            return;
        }
        let leaders = if inspect {
            prose
                .iter()
                .skip(1)
                .find(|(_, l)| text::contains(l, "督办") || text::contains(l, "调研"))
                .map(|&(a, l)| self.out.persons_in(a..a + l.len()))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let s = at + offset_in(line, raw);
        self.push(Draft {
            title: t,
            leaders,
            units: Vec::new(),
            status: None,
            span: s..s + raw.len(),
            scope: s..s + raw.len(),
            context: None,
            restated: Vec::new(),
        });
    }

    /// A paragraph: inline `一是…二是…` items, and sentences stating work.
    fn paragraph(&mut self, at: usize, line: &str, structured: bool) {
        // A marker is a numeral before `是` or `要`: most lines have none, and the
        // pattern's captures are costly to look for.
        let numbered = |w: &str| {
            text::find_iter(line, w).any(|p| {
                line[..p].ends_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
            })
        };
        let marks: Vec<Range<usize>> = if numbered("是") || numbered("要") {
            patterns()
                .inline
                .captures_iter(line)
                .filter_map(|c| c.get(1))
                .map(|m| m.range())
                .collect()
        } else {
            Vec::new()
        };
        let first = marks.first().map_or(line.len(), |m| m.start);
        // Two markers at least, or one opening the paragraph: a lone `一要` inside
        // a sentence is ordinary wording.
        let (lead, items) = if marks.len() >= 2 || (first == 0 && !marks.is_empty()) {
            (&line[..first], marks.as_slice())
        } else {
            (line, &[][..])
        };
        // `X对…做出安排：一是…`: X leads the items. Only the sentence that opens
        // them says who arranges them; an earlier one is about other work.
        let opening = lead.rfind(['。', '；', ';']).map_or(0, |p| {
            p + lead[p..].chars().next().map_or(0, char::len_utf8)
        });
        let arranger = if patterns().arranges.is_match(&lead[opening..]) {
            self.out.persons_in(at + opening..at + lead.len())
        } else {
            Vec::new()
        };
        // `主要问题有三：一是…`: items that are shortcomings, not work, up to the
        // sentence that ends them.
        let mut shortcomings = introduces_shortcomings(&lead[opening..]);
        for (k, m) in items.iter().enumerate() {
            let end = items.get(k + 1).map_or(line.len(), |n| n.start);
            let item = &line[m.end..end];
            // An item inside a paragraph runs to its sentence's end; what follows
            // belongs to the paragraph. One opening its own paragraph is all of it.
            let cut = match text::find(item, "。") {
                Some(p) if items.len() >= 2 => p + '。'.len_utf8(),
                _ => item.len(),
            };
            if !shortcomings {
                for t in self.item(at + m.end, &item[..cut], true) {
                    self.out.add_leaders(t, &arranger);
                }
            }
            if cut < item.len() {
                self.sentences(at + m.end + cut, &item[cut..], structured);
                shortcomings = introduces_shortcomings(&item[cut..]);
            }
        }
        self.sentences(at, lead, structured);
    }

    fn sentences(&mut self, at: usize, s: &str, structured: bool) {
        let mut from = 0;
        for sentence in title::sentences_inclusive(s) {
            let a = at + from;
            from += sentence.len();
            self.reports(a, sentence);
            self.reviewed(a, sentence);
            self.enumerated(a, sentence);
            self.campaigns(a, sentence);
            self.listed(a, sentence);
            self.fronted_reports(a, sentence);
            if !structured {
                self.topics(a, sentence);
            }
            self.with_deadline(a, sentence);
            self.assigned(a, sentence);
            self.led(a, sentence);
            self.topic_led(a, sentence);
        }
    }

    /// `听取了X关于A、B和C的汇报`: one task per item, led by the reporter.
    fn reports(&mut self, at: usize, s: &str) {
        // Every trigger found once, in text order (no two of them can overlap, so the
        // alternation finds each occurrence).
        let hits: Vec<(usize, &Trigger)> = patterns()
            .report_trigger
            .find_iter(s)
            .filter_map(|m| Some((m.start(), TRIGGERS.iter().find(|t| t.0 == m.as_str())?)))
            .collect();
        if hits.is_empty() {
            return;
        }
        let convening = text::contains(s, "召开");
        let mut from = 0;
        for (p, &(trig, about, ends)) in hits {
            if p < from {
                continue;
            }
            let start = p + trig.len();
            // `督查室`, `调度组`: the name of an office, not the act.
            if s[start..].starts_with(['室', '组', '处', '科']) {
                continue;
            }
            let start = start + if s[start..].starts_with('了') { 3 } else { 0 };
            // A topic is a phrase, not a page: look for its end nearby only.
            let mut stop = (start + 1500).min(s.len());
            while !s.is_char_boundary(stop) {
                stop -= 1;
            }
            let near = &s[start..stop];
            let mut end = ends
                .iter()
                .filter_map(|e| {
                    text::find_iter(near, e)
                        .find(|&q| !names_document(&near[..q], e))
                        .map(|q| start + q)
                })
                .min();
            if end.is_none() && trig == "围绕" && convening {
                // `召开座谈会，围绕X，听取…`: the topic runs to the clause end.
                end = near.find(CLAUSE).map(|q| start + q);
            }
            let Some(mut end) = end else { continue };
            // `听取了A关于X的报告、B关于Y的报告`: the list of reports goes on past
            // the first one's closing word.
            if about || trig == "听取" {
                while let Some(next) = next_report(s, end, ends) {
                    end = next;
                }
            }
            // `在听取…汇报时的讲话` recalls an earlier occasion.
            if s[end..].chars().nth(2) == Some('时') {
                continue;
            }
            let seg = s[start..end].trim_end_matches('的');
            let inspected = matches!(trig, "调度" | "督查");
            // A document's name: read by the review of `《…》`; an inspection names
            // one piece of work, not a page.
            if (about && !text::contains(seg, "关于"))
                || seg.trim_start().starts_with('《')
                || text::contains(seg, "《关于")
                || (inspected && (seg.chars().count() > 40 || seg.contains(CLAUSE)))
            {
                continue;
            }
            from = end;
            // The one who `汇报了` is named right before the verb.
            let subject = if trig == "汇报了" {
                self.out.persons_in(at + p.saturating_sub(18)..at + p)
            } else {
                Vec::new()
            };
            self.report(at + start, seg, &subject);
        }
    }

    fn report(&mut self, at: usize, seg: &str, subject: &[String]) {
        let about: Vec<usize> = seg.match_indices("关于").map(|(i, _)| i).collect();
        let mut pieces: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        if about.is_empty() {
            // Without `关于` the segment is the topic, unless it only names who reported.
            let bare = seg.trim_end_matches("工作");
            let n = unit_run(bare);
            if n < bare.len() && self.out.persons_in(at..at + seg.len()).is_empty() {
                pieces.push((0..0, 0..seg.len()));
            } else if self.section.heading.is_none()
                && let Some((t, span)) = self.section.pending.take()
            {
                // `听取了县交通局的汇报` under `关于X`: the heading names the work reported.
                let i = self.push(Draft {
                    title: t,
                    leaders: self.out.persons_in(at..at + seg.len()),
                    units: if n > 0 {
                        title::split_units(&bare[..n])
                    } else {
                        Vec::new()
                    },
                    status: None,
                    span: span.clone(),
                    scope: span,
                    context: None,
                    restated: Vec::new(),
                });
                self.section.topics.push(i);
            }
        } else {
            let mut rep = 0;
            for (k, &g) in about.iter().enumerate() {
                let c = g + "关于".len();
                let end = match about.get(k + 1) {
                    Some(&next) => seg[c..next].rfind('、').map_or(next, |q| c + q),
                    None => seg.len(),
                };
                pieces.push((rep..g, c..end));
                rep = if end < seg.len() && seg[end..].starts_with('、') {
                    end + '、'.len_utf8()
                } else {
                    end
                };
            }
        }
        for (rep, content) in pieces {
            let who = &seg[rep.clone()];
            let mut leaders = self.out.persons_in(at + rep.start..at + rep.end);
            if leaders.is_empty() {
                leaders = subject.to_vec();
            }
            if leaders.is_empty()
                && let Some(c) = patterns().reporter.captures(who)
                && let Some(m) = c.get(1)
            {
                leaders.push(m.as_str().to_string());
            }
            let n = unit_run(who);
            // A person reported: the words before the name are titles, not units.
            let units = if n > 0 && leaders.is_empty() {
                title::split_units(&who[..n])
            } else {
                Vec::new()
            };
            for (t, r) in list_items(&seg[content.clone()], true) {
                let span = at + content.start + r.start..at + content.start + r.end;
                let d = Draft {
                    leaders: leaders.clone(),
                    units: units.clone(),
                    ..Draft::new(t.clone(), span.clone(), at..at + seg.len())
                };
                match self.section.heading.filter(|_| !self.section.reported) {
                    // The report names the work of the section's heading.
                    Some(h) => {
                        self.out.retitle(h, t, span);
                        self.out.add_leaders(h, &leaders);
                        self.out.add_units(h, &units);
                        self.section.reported = true;
                    }
                    None => {
                        let i = self.push(d);
                        self.section.topics.push(i);
                    }
                }
            }
        }
        self.section.reported = true;
    }

    /// `劳动北路商务区、抱石公园二期等34个项目`: each project named.
    fn enumerated(&mut self, at: usize, s: &str) {
        // The pattern is costly to run; most sentences lack the words it needs: a
        // count after `等`, `、`, and `项目` or `工程`.
        let counted = || {
            text::find_iter(s, "等").any(|p| {
                s[p + "等".len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两百".contains(c))
            })
        };
        let possible = text::contains(s, "、")
            && (text::contains(s, "项目") || text::contains(s, "工程"))
            && counted();
        let Some(g) = possible
            .then(|| patterns().enumerated.captures(s))
            .flatten()
            .and_then(|c| c.get(1))
        else {
            return;
        };
        // `听取了A、B等单位关于X、Y等14个项目…`: the projects follow the last `关于`.
        let list = g.as_str();
        let from = text::find_iter(list, "关于")
            .last()
            .map_or(0, |p| p + "关于".len());
        let o = at + g.start() + from;
        for (t, r) in list_items(&list[from..], false) {
            self.push(Draft::new(t, o + r.start..o + r.end, at..at + s.len()));
        }
    }

    /// `开展A、B、C四个专项整治工作`: one task per item, named with the campaign.
    fn campaigns(&mut self, at: usize, s: &str) {
        // The pattern is costly; most sentences hold no count right before a campaign's name.
        let counted = |c: &str| {
            text::find_iter(s, c).any(|p| {
                let mut before = s[..p].chars().rev();
                before.next().is_some_and(|u| "个项大".contains(u))
                    && before
                        .next()
                        .is_some_and(|n| n.is_ascii_digit() || "一二三四五六七八九十两".contains(n))
            })
        };
        if !text::contains(s, "、") || !CAMPAIGNS.iter().any(|c| counted(c)) {
            return;
        }
        for c in patterns().counted_campaigns.captures_iter(s) {
            let (Some(list), Some(name)) = (c.get(1), c.get(2)) else {
                continue;
            };
            // The units that carry them out are no part of the first item (`县局扎实开展A、B`).
            let l = list.as_str();
            let n = match title::unit_run(l) {
                n if lexicon()
                    .lead_verbs
                    .prefix_len(&l[n..])
                    .is_some_and(|v| v > 3) =>
                {
                    n
                }
                _ => subject_len(l),
            };
            let items = &l[n..];
            for (t, r) in list_items(items, false) {
                let t = if t.ends_with(name.as_str()) {
                    t
                } else {
                    format!("{t}{}", name.as_str())
                };
                let o = at + list.end() - items.len();
                self.push(Draft::new(t, o + r.start..o + r.end, at..at + s.len()));
            }
        }
    }

    /// `各推进组负责人分别就A、B、加强C工作推进情况做了专题汇报` (or `作了发言`):
    /// the work reported on, whoever reports it.
    fn fronted_reports(&mut self, at: usize, s: &str) {
        let Some(p) = text::find(s, "就") else {
            return;
        };
        let rest = &s[p + "就".len()..];
        let stop = rest.find(['。', '；', ';']).unwrap_or(rest.len());
        let Some(v) = ["做了", "作了", "进行了"]
            .iter()
            .filter_map(|w| text::find(&rest[..stop], w).map(|q| (q, w.len())))
            .filter(|&(q, n)| {
                let after = rest[q + n..].trim_start_matches(['专', '题', '详', '细', '工', '作']);
                let after = after.strip_prefix("交流").unwrap_or(after);
                (after.starts_with("汇报") || after.starts_with("发言")) && q <= 240
            })
            .map(|(q, _)| q)
            .min()
        else {
            return;
        };
        let object = &rest[..v];
        // What is said of each item after the list (`…工作推进情况、存在问题和下一步打算`).
        let object = ["工作推进情况", "推进情况", "进展情况", "开展情况", "情况"]
            .iter()
            .find_map(|e| text::find(object, e).map(|q| &object[..q]))
            .unwrap_or(object);
        if !text::contains(object, "、") {
            return;
        }
        let base = at + p + "就".len();
        for (t, r) in list_items(object, true) {
            self.push(Draft::new(
                t,
                base + r.start..base + r.end,
                at..at + s.len(),
            ));
        }
    }

    /// `这三项重点工作是：A、B、C`: the items a sentence lists after naming them
    /// as work, split at `、` only (`宣传片制作和画册改版` is one item).
    fn listed(&mut self, at: usize, s: &str) {
        let Some(colon) = s.find(['：', ':']) else {
            return;
        };
        let lead = &s[..colon];
        let names_work = ["工作", "任务", "事项"].iter().any(|w| {
            ["是", "为", "包括", "有"]
                .iter()
                .any(|v| lead.ends_with(&format!("{w}{v}")))
        });
        if !names_work {
            return;
        }
        let from = colon + s[colon..].chars().next().map_or(1, char::len_utf8);
        let body = s[from..].trim_end_matches(['。', '；', ';']);
        if !text::contains(body, "、") || body.contains(['，', ',']) {
            return;
        }
        for (t, r) in list_items(body, false) {
            let o = at + from;
            self.push(Draft::new(t, o + r.start..o + r.end, at..at + s.len()));
        }
    }

    /// `审议通过了《X》`: each document reviewed is a task (not those studied as guidance).
    fn reviewed(&mut self, at: usize, s: &str) {
        if !text::contains(s, "《") {
            return;
        }
        self.requests(at, s);
        let mut from = 0;
        while let Some(open) = text::find(&s[from..], "《").map(|p| from + p) {
            let Some(close) = text::find(&s[open..], "》").map(|p| open + p) else {
                return;
            };
            from = close + '》'.len_utf8();
            // The nearest verb before it, within a bounded look-back.
            let mut back = open.saturating_sub(600);
            while !s.is_char_boundary(back) {
                back += 1;
            }
            let window = &s[back..open];
            let verb = patterns()
                .review_verbs
                .iter()
                .filter_map(|(v, finder)| finder.rfind(window.as_bytes()).map(|p| (p, *v)))
                .max();
            let inner = &s[open + '《'.len_utf8()..close];
            // A plan, measures or a pledge the meeting reads out or signs
            // (`宣读了《X工作方案》`, `签订了《X目标责任书》`) is work it deploys.
            let deployed = matches!(verb, Some((_, "宣读" | "签订")))
                && (lexicon().programme_suffixes.ends(inner)
                    || ["责任书", "细则", "实施意见"]
                        .iter()
                        .any(|e| inner.ends_with(e)));
            if !deployed
                && !matches!(
                    verb,
                    Some((_, "审议" | "研究" | "讨论" | "审定" | "通过" | "同意"))
                )
            {
                continue;
            }
            let t = match inner
                .strip_prefix("关于")
                .and_then(|x| x.strip_suffix("的请示"))
            {
                Some(x) => clean(x),
                None => format!("《{inner}》"),
            };
            if acceptable(&t) {
                let a = at + open;
                // Who reads out or signs it, the subject of its clause, reports on it.
                let leaders = if deployed {
                    let clause = window.rfind(['，', '。', '；', ',', ';']).map_or(0, |p| {
                        p + window[p..].chars().next().map_or(0, char::len_utf8)
                    });
                    self.out.actors_in(&window[clause..], at + back + clause)
                } else {
                    Vec::new()
                };
                self.push(Draft {
                    leaders,
                    ..Draft::new(t, a..at + from, a..at + from)
                });
            }
        }
    }

    /// `讨论通过了《A》、关于X的请示以及关于Y的请示`: the requests a list of reviewed
    /// documents holds beside them, each the work it asks for.
    fn requests(&mut self, at: usize, s: &str) {
        let mut from = 0;
        let first_title_end = s.find('》');
        while let Some(p) = text::find(&s[from..], "关于").map(|p| from + p) {
            from = p + "关于".len();
            let before = &s[..p];
            if !["、", "以及", "及", "和"]
                .iter()
                .any(|j| before.ends_with(j))
                || first_title_end.is_none_or(|q| q >= p)
            {
                continue;
            }
            let rest = &s[from..];
            let stop = text::piece_end(s, from, &['、', '，', '。', '《']) - from;
            let Some(end) = ["的请示", "的报告", "的议案"]
                .iter()
                .filter_map(|e| text::find(&rest[..stop], e))
                .min()
            else {
                continue;
            };
            let x = rest[..end].trim_start_matches("申请");
            let t = clean(x);
            if acceptable(&t) {
                let a = at + from + offset_in(rest, x);
                self.push(Draft::new(t, a..a + x.len(), at + p..at + from + end));
            }
        }
    }

    /// `研究X、Y`, `部署Z有关举措`: the topics a meeting takes up, in the sentence
    /// that convenes it or one opening `会议研究…`. Who deploys work (not the chair) leads it.
    fn topics(&mut self, at: usize, s: &str) {
        if !patterns().topic_verb.is_match(s) {
            return;
        }
        let convening = text::contains(s, "召开");
        let chaired = text::contains(s, "主持");
        // The meeting, or a person leading it, is the sentence's subject
        // (`会议学习了…，对A、B等工作进行安排部署`, `会上，罗锦银听取…，并对X进行了研究`):
        // its later clauses take up topics as its first does.
        let lead = s.trim_start();
        // What follows `会议指出，` is the speech's, not the meeting's act.
        let first = title::clauses(s).next().unwrap_or(s);
        let meeting_voice = !super::SPEECH_VERBS.iter().any(|v| text::contains(first, v))
            && (lead.starts_with("会议")
                || lead.starts_with("会上")
                || self.out.person_at(at + s.len() - lead.len()).is_some());
        for (k, clause) in title::clauses(s).enumerate() {
            let c = clause.trim();
            let opened = c.starts_with("会议") || (k > 0 && meeting_voice);
            let c = c.trim_start_matches(['会', '议', '还', '并', '同', '时']);
            if convening && c.starts_with("动员") {
                // `…推进会召开，动员全市抓好X`: the work the meeting is for.
                if let Some((t, r)) = strong_title(c) {
                    let o = at + offset_in(s, c);
                    self.push(Draft::new(t, o + r.start..o + r.end, at..at + s.len()));
                }
                continue;
            }
            if opened && let Some(object) = fronted_topic(c) {
                // `会议还就A、B等事项进行了布置`: the object comes before the verb.
                let base = at + offset_in(s, object);
                for (t, r) in list_items(object, true) {
                    self.push(Draft::new(
                        t,
                        base + r.start..base + r.end,
                        at..at + s.len(),
                    ));
                }
                continue;
            }
            let Some((verb, rest)) = TOPIC_VERBS
                .iter()
                .find_map(|v| c.strip_prefix(v).map(|r| (*v, r)))
            else {
                continue;
            };
            // Only a speaker who is the sentence's subject deploys (`习近平…部署X`).
            let deploying = verb.ends_with("部署")
                && !chaired
                && self
                    .out
                    .person_at(at + s.len() - s.trim_start().len())
                    .is_some();
            if !(convening || opened || deploying) {
                continue;
            }
            let rest = rest.trim_start_matches('了');
            // `研究部署下一步工作`: the next steps in general, no work named.
            // A report `关于…的报告` is read as a heard report.
            if text::contains(rest, "《")
                || rest.starts_with("解决")
                || ["下一步", "下步", "下阶段"]
                    .iter()
                    .any(|w| text::contains(rest, w))
                || (text::contains(rest, "关于")
                    && ["报告", "汇报", "请示"]
                        .iter()
                        .any(|w| text::contains(rest, w)))
            {
                continue;
            }
            let leaders = if deploying {
                self.out.persons_in(at..at + s.len())
            } else {
                Vec::new()
            };
            let base = at + offset_in(s, rest);
            for (t, r) in list_items(rest, false).into_iter().flat_map(short_pair) {
                self.push(Draft {
                    leaders: leaders.clone(),
                    ..Draft::new(t, base + r.start..base + r.end, at..at + s.len())
                });
            }
        }
    }

    /// `九重区域环境整治由王光玲牵头，九重镇落实；干渠绿化、外环线绿化由顾理牵头`:
    /// work named first, then who leads it. Each `；`-part whose first clause is
    /// the work, `由`, and the persons or units leading it, is one assignment.
    fn topic_led(&mut self, at: usize, s: &str) {
        if !text::contains(s, "由") {
            return;
        }
        let mut from = 0;
        for part in s.split_inclusive(['；', ';', '。']) {
            let a = at + from;
            from += part.len();
            let (pa, part) = after_meeting_voice(a, part);
            let head = &part[..part.find(CLAUSE).unwrap_or(part.len())];
            let Some(p) = text::find(head, "由").filter(|&p| p > 0) else {
                continue;
            };
            let by = &head[p + "由".len()..];
            let Some(lead) = RESPONSIBLE.iter().find(|w| by.ends_with(**w)) else {
                continue;
            };
            let who = &by[..by.len() - lead.len()];
            // The work is a phrase before `由`, not a clause of its own (`要…`).
            let work = &head[..p];
            if who.is_empty() || work.starts_with(['要', '请', '会']) {
                continue;
            }
            let leaders = self.out.persons_in(pa + p..pa + head.len());
            let units = if leaders.is_empty() {
                item_units(head)
            } else {
                Vec::new()
            };
            if leaders.is_empty() && units.is_empty() {
                continue;
            }
            for (t, r) in list_items(work, false) {
                self.push(Draft {
                    leaders: leaders.clone(),
                    units: units.clone(),
                    ..Draft::new(t, pa + r.start..pa + r.end, pa..pa + part.len())
                });
            }
        }
    }

    /// `由市住建局牵头，市财政局配合，于4月底前完成X`: work given to units, numbered or not.
    fn led(&mut self, at: usize, s: &str) {
        // The units are introduced by `由`.
        if !text::contains(s, "由") {
            return;
        }
        let t = s.trim_start();
        // `会议要求，由…`: the meeting's word of command comes before the assignment.
        let t = t
            .split_once(['，', '：'])
            .filter(|(head, _)| {
                head.chars().count() <= 8
                    && ["要求", "强调", "指出", "明确", "决定", "提出"]
                        .iter()
                        .any(|w| head.ends_with(w))
            })
            .map_or(t, |(_, rest)| rest);
        // The assignment ends with its clause: the next one names other units.
        let t = t.split('；').next().unwrap_or(t);
        let Some(after) = t.strip_prefix('由') else {
            return;
        };
        if subject_len(after) == 0 {
            return;
        }
        if let Some((title, r)) = strong_title(t) {
            let o = at + offset_in(s, t);
            self.push(Draft {
                title,
                leaders: self.out.persons_in(at..at + s.len()),
                units: item_units(t),
                status: None,
                span: o + r.start..o + r.end,
                scope: at..at + s.len(),
                context: None,
                restated: Vec::new(),
            });
        }
    }

    /// `县环保局要加强秸秆焚烧摸排`, `运营部负责收集整理真实案例`: work a named
    /// unit is told to do or made responsible for, numbered or not.
    fn assigned(&mut self, at: usize, s: &str) {
        // The unit is told what it `要` do, or made responsible.
        if !text::contains(s, "要") && !text::contains(s, "负责") && !text::contains(s, "牵头")
        {
            return;
        }
        let mut from = 0;
        for clause in title::clauses_inclusive(s) {
            let a = at + from;
            from += clause.len();
            let c = clause.trim_start_matches(['会', '议', '要', '求', '强', '调']);
            let n = subject_len(c);
            // `各单位要…`, `相关部门要…` address everyone, not a unit.
            if n == 0 || c.starts_with(['各', '全', '相', '有', '所', '本']) {
                continue;
            }
            if let Some(rest) = RESPONSIBLE.iter().find_map(|w| c[n..].strip_prefix(w)) {
                self.unit_responsible(a, clause, &c[..n], rest);
                continue;
            }
            let Some(rest) = c[n..].strip_prefix('要') else {
                continue;
            };
            let rest = rest.trim_end_matches(CLAUSE);
            // Only a work verb (`加强`, `做好`) introduces work, after a time limit
            // (`在汛前完成…`); `在…前提下` does not.
            let lex = lexicon();
            let mut verb_at = lex.time_prefix(rest).map_or(rest, |n| &rest[n..]);
            if let Some(p) = text::find(verb_at, "前")
                && verb_at.starts_with(['在', '于'])
                && p <= 24
                && !verb_at[p..].starts_with("前提")
            {
                verb_at = &verb_at[p + '前'.len_utf8()..];
            }
            let worked = lex
                .lead_verbs
                .prefix_of(verb_at)
                .is_some_and(|v| v.chars().count() >= 2);
            if !worked || heading_kind(rest) == Heading::Duty {
                continue;
            }
            let t = clean(verb_at);
            let o = a + offset_in(clause, verb_at);
            self.push(Draft {
                units: title::split_units(&c[..n]),
                ..Draft::new(t, o..o + verb_at.len(), a..a + clause.len())
            });
        }
    }

    /// The work a unit is made responsible for: what follows `负责`/`牵头`
    /// in its clause, when it names concrete work (`研究AI在市场分析方面的应用`;
    /// not `统筹协调`, not `负责同志`).
    fn unit_responsible(&mut self, a: usize, clause: &str, units: &str, rest: &str) {
        let object = rest.trim_end_matches(CLAUSE);
        if object.starts_with(['同', '人']) {
            return;
        }
        let t = clean(object);
        if !super::agents::names_work(&t) {
            return;
        }
        let o = a + offset_in(clause, object);
        self.push(Draft {
            units: title::split_units(units),
            ..Draft::new(t, o..o + object.len(), a..a + clause.len())
        });
    }

    /// `X要在两周内完成Y`: work given a deadline outside the numbered items.
    fn with_deadline(&mut self, at: usize, s: &str) {
        let end = at + s.len();
        // Most sentences set no deadline.
        let k = self.deadline_starts.partition_point(|d| d.0 < at);
        if self.deadline_starts.get(k).is_none_or(|d| d.0 >= end) {
            return;
        }
        let mut clause_from = 0;
        // The last clause before this one naming work, for a clause that sets only a target.
        let mut work: Option<(usize, &str)> = None;
        for clause in title::clauses_inclusive(s) {
            let a = at + clause_from;
            clause_from += clause.len();
            let b = a + clause.len();
            let k = self.deadline_starts.partition_point(|d| d.0 < a);
            if !self.deadline_starts[k..]
                .iter()
                .take_while(|d| d.0 < b)
                .any(|d| d.1 <= b)
            {
                work = Some((a, clause));
                continue;
            }
            let Some((t, r)) = strong_title(clause) else {
                continue;
            };
            // `加快推进X建设，确保年底前完成投资80亿元`: the deadline is X's, the
            // clause names only the measure of it.
            let named: Vec<(usize, &str, String, Range<usize>)> = if is_target(&t) {
                let Some((wa, w)) = work else { continue };
                let mut found = programmes(w, true);
                if found.is_empty() {
                    found.extend(strong_title(w).filter(|(t, _)| !is_target(t)));
                }
                found.into_iter().map(|(t, r)| (wa, w, t, r)).collect()
            } else {
                vec![(a, clause, t, r)]
            };
            for (wa, w, t, r) in named {
                let units = item_units(w);
                let leaders = self.out.persons_in(wa..b);
                self.push(Draft {
                    title: t,
                    leaders,
                    units,
                    status: None,
                    span: wa + r.start..wa + r.end,
                    // Through the clause that sets the deadline.
                    scope: wa..end.min(b),
                    context: None,
                    restated: Vec::new(),
                });
            }
        }
    }
}

/// The verbs making the unit before them responsible for the work after them,
/// longest first.
const RESPONSIBLE: &[&str] = &["牵头负责", "负责牵头", "牵头", "负责"];

/// Whether `t` names a measure rather than work: a count or an amount after a word
/// or two (`投资80亿元`, `覆盖率95%以上`, `新增就业1.2万人`).
fn is_target(t: &str) -> bool {
    let Some(digit) = t.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let (before, number) = t.split_at(digit);
    let rest = number.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_end_matches("以上").trim_end_matches("左右");
    before.chars().count() <= 5
        && (rest.is_empty()
            || rest.starts_with('%')
            || rest.chars().count() <= 3
                && rest
                    .chars()
                    .all(|c| "亿万千百元个户人家座项公里亩吨倍%".contains(c)))
}

/// Splits a list of items (`A、B和C等三项工程`, at `和`/`及` too when `conj`); a distributive ending
/// (`X、Y、Z新区建设`) goes to every item.
/// Endings a list of items shares (`X、Y、Z新区建设`).
const SHARED: &[&str] = &[
    "建设",
    "改造",
    "治理",
    "整治",
    "提升",
    "整改",
    "工程",
    "保卫战",
];

/// Endings that already name work, so that a shared ending is not added to them
/// (`城北污水处理厂扩建` stays as it is in `…扩建及示范带建设`).
const WORK_ENDINGS: &[&str] = &[
    "扩建", "新建", "改建", "续建", "修复", "完善", "开发", "落地", "升级", "搬迁", "攻坚", "行动",
    "计划",
];

/// Whether the closing word `end` after `before` is the last word of a
/// document's name (`…实施意见`, `…指导意见`), not the close of what is heard.
fn names_document(before: &str, end: &str) -> bool {
    end == "意见"
        && ["实施", "指导", "若干", "工作"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// Where the next report of a list closes (`…的报告、县政府关于Y的报告`): after
/// the closing word at `end`, a `、` and a further `关于`, within the sentence.
fn next_report(s: &str, end: usize, ends: &[&str]) -> Option<usize> {
    let word = ends.iter().find(|e| s[end..].starts_with(**e))?;
    let after = end + word.len();
    s[after..].strip_prefix('、')?;
    let from = after + '、'.len_utf8();
    let rest = &s[from..text::piece_end(s, from, &['。', '；', '\n'])];
    let about = text::find(rest, "关于")?;
    let close = ends.iter().filter_map(|e| text::find(rest, e)).min()?;
    (about < close).then_some(from + close)
}

pub(super) fn list_items(s: &str, conj: bool) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut from = 0;
    for chunk in s.split_inclusive(['，', ',', '；']) {
        let base = from;
        from += chunk.len();
        // `等…` closes the list with a summary of it.
        let body = match chunk.char_indices().find(|&(i, c)| c == '等' && i >= 6) {
            Some((i, _)) => &chunk[..i],
            None => chunk.trim_end_matches(['，', ',', '；']),
        };
        // `…建设，以及城区黑臭水体治理`: the list goes on past the comma.
        let body = ["以及", "及", "和", "与"]
            .iter()
            .find_map(|c| body.strip_prefix(c))
            .unwrap_or(body);
        let mut parts: Vec<&str> = Vec::new();
        // A part of one or two characters qualifies the next (`中央、省环保督察整改`).
        let mut pieces: Vec<&str> = Vec::new();
        let (mut start, mut pos) = (0, 0);
        for p in body.split('、') {
            let end = pos + p.len();
            pos = end + '、'.len_utf8();
            if p.chars().count() <= 2 && pos <= body.len() {
                continue; // joins the next part
            }
            pieces.push(&body[start..end]);
            start = pos;
        }
        for p in pieces {
            if conj {
                parts.extend(split_conj(p));
            } else {
                parts.push(p);
            }
        }
        let cleaned: Vec<String> = parts.iter().map(|p| clean(p)).collect();
        // Shared only when no other item has a head of its own
        // (`招商引资、民生项目建设、社区治理`: 治理 is the last item's).
        let own_head = |t: &String| SHARED.iter().chain(WORK_ENDINGS).any(|x| t.ends_with(x));
        let shared = cleaned
            .split_last()
            .filter(|(_, others)| !others.iter().any(own_head))
            .and_then(|(l, _)| SHARED.iter().find(|e| l.ends_with(**e)).copied());
        let n = parts.len();
        for (k, (p, mut t)) in parts.into_iter().zip(cleaned).enumerate() {
            if let Some(e) = shared
                && k + 1 < n
                && t.chars().count() <= 10
            {
                t.push_str(e);
            }
            if acceptable(&t) {
                let o = base + offset_in(chunk, p);
                out.push((t, o..o + p.len()));
            }
        }
    }
    out
}

/// `城市更新和安全生产`: two short topics joined by `和` are two (a longer phrase such
/// as `场景培育和开放推动新场景大规模应用` is one piece of work).
fn short_pair((title, r): (String, Range<usize>)) -> Vec<(String, Range<usize>)> {
    let Some((a, b)) = title.split_once('和') else {
        return vec![(title, r)];
    };
    let short = |s: &str| (2..=6).contains(&s.chars().count());
    if !short(a) || !short(b) || text::contains(b, "和") {
        return vec![(title, r)];
    }
    // Both are stated by the one phrase: it is the span of each.
    vec![(a.to_string(), r.clone()), (b.to_string(), r)]
}

/// Splits at `和`/`及`/`以及` where both sides are long enough to name work.
fn split_conj(p: &str) -> Vec<&str> {
    for conj in ["以及", "及", "和"] {
        // A side is measured without its leading verb (`做好转岗及上岗培训` is one).
        if let Some((a, b)) = p.split_once(conj)
            && title::clean_lead(a).chars().count() >= 3
            && b.chars().count() >= 3
        {
            let mut v = split_conj(a);
            v.extend(split_conj(b));
            return v;
        }
    }
    vec![p]
}

/// The work a task table's cell names: projects named one by one
/// (`实施A、B等4个重点项目建设`), else each clause's clearly stated work, else
/// what a numbered item's body would give.
pub(super) fn cell_titles(s: &str) -> Vec<(String, Range<usize>)> {
    if let Some(g) = patterns().enumerated.captures(s).and_then(|c| c.get(1)) {
        let o = g.start();
        let items: Vec<(String, Range<usize>)> = list_items(g.as_str(), false)
            .into_iter()
            .map(|(t, r)| (t, o + r.start..o + r.end))
            .collect();
        if !items.is_empty() {
            return items;
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    for clause in title::clauses_inclusive(s) {
        let base = from;
        from += clause.len();
        if let Some((t, r)) = strong_title(clause) {
            out.push((t, base + r.start..base + r.end));
        }
    }
    if out.is_empty() {
        out = item_titles(s, false);
    }
    out
}

/// The most characters of the verb in a lead-in of the meeting's voice.
const VOICE_VERB_MAX: usize = 4;

/// `会议决定：由郑海负责…`, `会议要求，…`: an item opening with the meeting
/// speaking (`会议`, a verb of at most [`VOICE_VERB_MAX`] characters, a colon
/// or comma) names its work after that lead-in, not in it. Returns the item
/// from there, or as it was.
fn after_meeting_voice(at: usize, s: &str) -> (usize, &str) {
    let t = s.trim_start();
    let Some(rest) = t.strip_prefix("会议") else {
        return (at, s);
    };
    let verb_len: usize = rest
        .chars()
        .take_while(|&c| title::is_han(c))
        .take(VOICE_VERB_MAX + 1)
        .map(char::len_utf8)
        .sum();
    let verb_chars = rest[..verb_len].chars().count();
    let after = &rest[verb_len..];
    match after.chars().next() {
        Some(mark @ ('：' | ':' | '，' | ','))
            if (1..=VOICE_VERB_MAX).contains(&verb_chars)
                && !after[mark.len_utf8()..].trim().is_empty() =>
        {
            let body = after[mark.len_utf8()..].trim_start();
            (at + s.len() - body.len(), body)
        }
        _ => (at, s),
    }
}

/// The titles of one numbered item.
fn item_titles(s: &str, headed: bool) -> Vec<(String, Range<usize>)> {
    if headed && let Some(topic) = topic_first(s) {
        return vec![(clean(topic), 0..topic.len())];
    }
    if headed {
        let head_end = s.find(CLAUSE).unwrap_or(s.len());
        let head = &s[..head_end];
        let assigns =
            text::contains(head, "由") || text::contains(head, "负责") || unit_run(head) > 0;
        if let Some(topic) = head.strip_prefix("关于") {
            // `关于X。body`: X, and the work the body assigns.
            let mut out = vec![(clean(topic), 0..head_end)];
            out.retain(|(t, _)| acceptable(t));
            let body = &s[head_end..];
            out.extend(
                body_titles(body, false)
                    .into_iter()
                    .map(|(t, r)| (t, head_end + r.start..head_end + r.end)),
            );
            return out;
        }
        if !assigns {
            let t = clean(head);
            let kind = heading_kind(head);
            if kind == Heading::Work {
                return vec![(t, 0..head_end)];
            }
            let body = &s[head_end..];
            let mut out = body_titles(body, false);
            // Under a principle, the rest of its opening sentence restates it.
            let scan_from = match kind {
                Heading::Duty => text::find(body, "。").map_or(0, |p| p + '。'.len_utf8()),
                _ => 0,
            };
            out.extend(
                programmes(&body[scan_from..], kind == Heading::Duty)
                    .into_iter()
                    .map(|(t, r)| (t, r.start + scan_from..r.end + scan_from)),
            );
            if out.is_empty() && kind == Heading::DutyVerb {
                return vec![(t, 0..head_end)];
            }
            return out
                .into_iter()
                .map(|(t, r)| (t, head_end + r.start..head_end + r.end))
                .collect();
        }
    }
    body_titles(s, true)
}

/// Words that turn a decision's fronted topic to what is to be done with it
/// (`X请于二周内整理签报`, `X仍应持续办理`, `X尽快提局内讨论`).
const TOPIC_TURNS: &[&str] = &["请", "仍应", "仍要", "仍请", "尽快", "尽速"];

/// The topic a decision states first, as records of bureau meetings do
/// (`有关X请提市政会议报告`): at least four characters before a turn word in
/// its first clause, not opening with a verb.
fn topic_first(s: &str) -> Option<&str> {
    let first = &s[..s.find(CLAUSE).unwrap_or(s.len())];
    let p = TOPIC_TURNS
        .iter()
        .filter_map(|w| text::find(first, w))
        .min()?;
    let topic = ["有关", "对于", "关于"]
        .iter()
        .find_map(|w| first[..p].strip_prefix(w))
        .unwrap_or(&first[..p]);
    let opens_with_verb = lexicon().lead_verbs.prefix_len(topic).is_some();
    (topic.chars().count() >= 4 && !opens_with_verb && acceptable(&clean(topic))).then_some(topic)
}

/// The titles in an item's body: one per `；`/`。` part that names assigned work,
/// else (when `weak`) the first clause that is not an assignment.
fn body_titles(s: &str, weak: bool) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut from = 0;
    for part in s.split_inclusive(['；', '。', ';']) {
        let base = from;
        from += part.len();
        if let Some((t, r)) = strong_title(part) {
            let object = &part[r.clone()];
            if is_work_list(object) {
                let o = base + r.start;
                out.extend(
                    list_items(object, true)
                        .into_iter()
                        .map(|(t, q)| (t, o + q.start..o + q.end)),
                );
            } else {
                out.push((t, base + r.start..base + r.end));
            }
        }
    }
    if out.is_empty() && weak {
        // The clause opening with a work verb (`加快…`), else the one with the
        // time limit, else the first that is not an assignment.
        let lex = lexicon();
        let mut candidates: Vec<(u8, String, Range<usize>)> = Vec::new();
        let mut from = 0;
        for clause in title::clauses_inclusive(s) {
            let base = from;
            from += clause.len();
            let c = clause.trim_start_matches('由');
            let rest = c[subject_len(c)..].trim_start_matches('要');
            let t = clean(rest);
            if is_assignment(rest) || !acceptable(&t) {
                continue;
            }
            // `确保…` states the aim, not the work.
            let aim = ["确保", "力争", "及时", "尽快"]
                .iter()
                .any(|a| rest.starts_with(a));
            let rank = if !aim
                && lex
                    .lead_verbs
                    .prefix_of(rest)
                    .is_some_and(|v| v.chars().count() >= 2)
            {
                0
            } else if lex.time_prefix(rest).is_some() {
                1
            } else {
                2
            };
            candidates.push((rank, t, base..base + clause.len()));
        }
        if let Some((_, t, r)) = candidates.into_iter().min_by_key(|c| c.0) {
            out.push((t, r));
        }
    }
    out
}

/// The work named in the body of a numbered duty or principle: named
/// programmes and plans (`深入实施提振消费专项行动`), and under a principle
/// (`坚持改革攻坚。…`, `broad`) every clause opening with a work verb
/// (`深化资本市场投融资综合改革`).
fn programmes(s: &str, broad: bool) -> Vec<(String, Range<usize>)> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut from = 0;
    for clause in title::clauses_inclusive(s) {
        let base = from;
        from += clause.len();
        let c = clause.trim_end_matches(CLAUSE);
        // `要加快推进X`: the modal before the verb says nothing of the work.
        let rest = c[subject_len(c)..].trim_start_matches('要');
        let t = clean(rest);
        let named = lex.programme_suffixes.ends(&t);
        let aim = ["确保", "力争", "及时", "尽快"]
            .iter()
            .any(|a| rest.starts_with(a));
        let worked = broad
            && !aim
            && lex
                .lead_verbs
                .prefix_of(rest)
                .is_some_and(|v| v.chars().count() >= 2);
        if !(named || worked) || t.chars().count() > 20 {
            continue;
        }
        // `打好蓝天、碧水、净土保卫战`, `抓好棚户区改造、危房改造等工作`: one task
        // each; a list summed up by a head of its own (`A、B等政策落实`) is one.
        let lead = title::clean_lead(rest);
        let o = base + offset_in(clause, lead);
        if is_work_list(lead) {
            for (t, r) in list_items(lead, true) {
                out.push((t, o + r.start..o + r.end));
            }
        } else if acceptable(&t) {
            out.push((t, o..o + lead.len()));
        }
    }
    out
}

/// Whether a directive's object lists several pieces of work: items joined by
/// `、` or `和`/`及`, unless a `等` sums them up under a head that names the work
/// (`产业扶贫、行业扶贫等政策落实` is one task; `A、B等工作` is two).
fn is_work_list(object: &str) -> bool {
    if let Some(p) = text::find(object, "等") {
        let head = object[p + "等".len()..].trim_start_matches(['项', '方', '面']);
        let head = head.trim_end_matches(CLAUSE).trim_end_matches("工作");
        if !head.is_empty() {
            return false;
        }
    }
    // Each item names work by its ending (`棚户区改造、危房改造`), or the last
    // item's ending is shared by short ones before it (`扬尘污染和黑臭水体治理`).
    let items: Vec<&str> = object
        .trim_end_matches(CLAUSE)
        .split('、')
        .flat_map(split_conj)
        .collect();
    let works = |t: &str| SHARED.iter().chain(WORK_ENDINGS).any(|e| t.ends_with(e));
    let Some((last, rest)) = items.split_last() else {
        return false;
    };
    !rest.is_empty()
        && works(clean(last).as_str())
        && rest.iter().all(|i| {
            let t = clean(i);
            works(&t) || t.chars().count() <= 6
        })
}

/// Whether what follows a clause's units only assigns them (`牵头`, `负责`, `配合`).
fn is_assignment(rest: &str) -> bool {
    let r = rest.trim_matches(CLAUSE).trim();
    r.is_empty()
        || [
            "牵头",
            "负责",
            "配合",
            "具体实施",
            "协助",
            "协调",
            "组织实施",
            "落实属地责任",
        ]
        .iter()
        .any(|w| r.starts_with(w) && r.chars().count() <= 6)
}

/// A title stated clearly in `part`: `X由Y负责`, `将X报送…`, or the object of
/// `完成`/`做好`/`开展`….
fn strong_title(part: &str) -> Option<(String, Range<usize>)> {
    let lex = lexicon();
    let mut from = 0;
    for clause in title::clauses_inclusive(part) {
        let base = from;
        from += clause.len();
        // `X由Y负责` names X.
        if let Some(p) = text::find(clause, "由")
            && p > 0
            && (text::contains(&clause[p..], "负责") || text::contains(&clause[p..], "牵头"))
            && unit_run(clause) != p
        {
            let t = clean(&clause[..p]);
            if acceptable(&t) {
                return Some((t, base..base + p));
            }
        }
        // Instructions to report progress: `将X报送…` / `报送X`.
        if let Some(p) = text::find(clause, "报送") {
            let obj = match clause[..p].rfind('将') {
                Some(j) => &clause[j + '将'.len_utf8()..p],
                None => clause[p + "报送".len()..].trim_end_matches(CLAUSE),
            };
            // Only the front is cleaned: `工作进展情况` is what is reported.
            let t = title::clean_lead(obj);
            if acceptable(t) && !text::contains(t, "向") {
                return Some((format!("{t}报送"), base..base + clause.len()));
            }
        }
        // `确保X按期完成`: X is the work.
        for due in ["按期完成", "如期完成", "按时完成"] {
            if let Some(p) = text::find(clause, due)
                && let Some(q) = text::find(&clause[..p], "确保")
            {
                let x = &clause[q + "确保".len()..p];
                let t = clean(x);
                if acceptable(&t) {
                    let o = base + offset_in(clause, x);
                    return Some((t, o..o + x.len()));
                }
            }
        }
        // The object of the first verb naming the work.
        // Each verb at its first occurrence only.
        let mut seen = vec![false; lex.object_verbs.len()];
        let hit = lex
            .object_verbs
            .occurrences(clause)
            .filter(|&(_, _, id)| !std::mem::replace(&mut seen[id], true))
            .map(|(p, l, _)| (p, l))
            .filter(|&(p, l)| {
                // `未完成…` negates it; `提出的方案` only qualifies a noun.
                let before = &clause[..p];
                !["未", "不", "没有", "尚未"]
                    .iter()
                    .any(|n| before.ends_with(n))
                    && !clause[p + l..].starts_with('的')
            })
            .min_by_key(|&(p, l)| (p, std::cmp::Reverse(l)));
        if let Some((p, l)) = hit {
            let obj = &clause[p + l..];
            let t = clean(obj);
            if acceptable(&t) {
                return Some((t, base + p + l..base + clause.len()));
            }
        }
    }
    None
}

/// The length of the organisations opening `c` as its subject (`区财政局要…`,
/// `区住建局牵头`), or 0: a unit-like word inside a phrase (`…教育科技`) is no subject.
fn subject_len(c: &str) -> usize {
    let n = unit_run(c);
    if n == 0 {
        return 0;
    }
    let rest = &c[n..];
    // `区城管局每月5日前向…报送`: a time limit may follow the subject.
    let assigns = rest.trim_matches(CLAUSE).is_empty()
        || lexicon().time_prefix(rest).is_some_and(|n| n > 0)
        || [
            "要", "负责", "牵头", "配合", "会同", "于", "在", "具体", "协助", "按", "对",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
    if assigns { n } else { 0 }
}

/// The organisations an item assigns (`由X牵头`, `Y配合`, `Z要…`).
fn item_units(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for clause in title::clauses(s) {
        let c = clause.trim().trim_start_matches('由');
        let n = subject_len(c);
        if n == 0 {
            continue;
        }
        for u in title::split_units(&c[..n]) {
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// `reports` takes each trigger from one leftmost-first search, which finds every
    /// occurrence only if no trigger can overlap another.
    #[test]
    fn triggers_cannot_overlap() {
        for (a, ..) in super::TRIGGERS {
            for (b, ..) in super::TRIGGERS {
                assert!(a == b || !a.contains(b), "{a} holds {b}");
                let a: Vec<char> = a.chars().collect();
                let b: Vec<char> = b.chars().collect();
                for k in 1..a.len().min(b.len()) {
                    assert_ne!(a[a.len() - k..], b[..k], "{a:?} {b:?}");
                }
            }
        }
    }
}
