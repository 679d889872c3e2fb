//! Who reports on, is assigned or arranges each piece of work: the link from a
//! person to the items of the clauses they are the subject of.
//!
//! Read over the analysis's clauses, a person is the subject of a clause that
//! opens with their name (after a title: `副镇长郝明珠汇报了…`, `王艳镇长通报调度了…`,
//! `郭书记对…进行安排和部署如下：`), and stays the subject of the clauses of the
//! same sentence that open with a verb (`…,通报了近期…情况,部署…工作`). A clause
//! whose subject acts on work by a verb of report, arrangement or responsibility
//! makes that subject the leader of the tasks named in it after the verb; its
//! reported object (`通报了X情况`, `通报调度了A、B、C等重点工作`) is itself a task
//! (annotation rule (a)). `P就X进行了汇报` links P to the task naming X, and a
//! clause ending in `如下：` hands its subject the numbered items below it.
//! Verbs of speech (`强调`, `要求`) make no one a leader: a speaker addresses
//! everyone.

use std::ops::Range;

use super::prose::list_items;
use super::{Draft, Drafts, offset_in};
use crate::analysis::Analysis;
use crate::extract::lexicon::PeopleLexicon;
use crate::record::Person;

/// What a verb says its subject does with the work it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    /// Reports on it (`汇报`, `通报`): the object is a task of its own.
    Report,
    /// Arranges or deploys it (`部署`, `安排`).
    Arrange,
    /// Is responsible for it (`负责`, `牵头`).
    Lead,
}

/// The verbs, longest first where one starts another.
const VERBS: &[(&str, Act)] = &[
    ("汇报", Act::Report),
    ("通报", Act::Report),
    ("介绍", Act::Report),
    ("说明", Act::Report),
    ("部署", Act::Arrange),
    ("安排", Act::Arrange),
    ("调度", Act::Arrange),
    ("督办", Act::Arrange),
    ("布置", Act::Arrange),
    ("负责", Act::Lead),
    ("牵头", Act::Lead),
    ("主抓", Act::Lead),
    ("承办", Act::Lead),
];

/// Words between a subject's name and its verb: fillers, and the prepositions
/// that bring the object before the verb (`就X作汇报`, `对X进行部署`).
const AFTER_SUBJECT: &[&str] = &[
    "同志", "在", "亲自", "还", "也", "先后", "分别", "重点", "详细", "随后", "就", "对",
];

/// Words a clause may open with and still continue its sentence's subject.
const CONTINUING: &[&str] = &["并", "还", "又", "同时", "随后", "也", "再"];

/// The most characters a subject's clause may hold before its verb when the
/// object comes first (`就X进行了详细汇报`).
const FRONTED_OBJECT_MAX: usize = 60;

/// A person mentioned at a place: by name, or by surname and post (`谢书记`).
struct Mention {
    span: Range<usize>,
    name: String,
}

/// Adds the tasks reported by a clause's subject and links leaders to the
/// tasks that have none.
pub(super) fn scan(analysis: &Analysis, people: &[Person], out: &mut Drafts) {
    let text = analysis.text();
    let mentions = mentions(text, people);
    if mentions.is_empty() {
        return;
    }
    let mut links: Vec<(Range<usize>, Vec<String>)> = Vec::new();
    let mut fronted: Vec<(Range<usize>, Vec<String>)> = Vec::new();
    let mut arranged: Vec<(usize, Vec<String>)> = Vec::new();
    let mut assigned: Vec<Assignment> = Vec::new();
    // The people the clause is about; empty when it has no subject.
    let mut subject: Vec<String> = Vec::new();
    // The last people a clause opened with: whom a `他`/`她` opening a later
    // sentence refers to.
    let mut last_named: Vec<String> = Vec::new();
    let mut sentence = None;
    for clause in analysis.clauses() {
        // A subject carries over the clauses of its sentence only.
        let this = analysis.sentence_at(clause.start).map(|s| s.start);
        if this != sentence {
            sentence = this;
            subject.clear();
        }
        let c = &text[clause.clone()];
        let opening = opening_subjects(text, clause.clone(), &mentions);
        let verb_at = match opening {
            Some((names, after)) => {
                subject.clone_from(&names);
                last_named = names;
                after
            }
            None if !last_named.is_empty() && pronoun_len(c) > 0 => {
                subject.clone_from(&last_named);
                skip_fillers(text, clause.start + pronoun_len(c), clause.end)
            }
            None if continues(c) => clause.start,
            None => {
                subject.clear();
                continue;
            }
        };
        if subject.is_empty() {
            continue;
        }
        let who = &subject;
        let (rest, _) = verb_rest(&text[verb_at..clause.end]);
        let at = clause.end - rest.len();
        if let Some((act, len)) = verb_at_start(rest) {
            let object = at + len..clause.end;
            if act == Act::Lead
                && let Some(sentence) = analysis.sentence_at(clause.start)
            {
                assigned.push(Assignment {
                    object: object.clone(),
                    before: sentence.start..clause.start,
                    sentence,
                    who: who.clone(),
                });
            }
            links.push((object.clone(), who.clone()));
            if act == Act::Report || act == Act::Arrange {
                report(text, object, act, who, out);
            }
        } else if let Some(q) = fronted_verb(rest) {
            // `就X进行了汇报`: X, before the verb, is the work.
            let object = at + q.start..at + q.end;
            fronted.push((object, who.clone()));
        }
        if c.ends_with("如下：") || c.ends_with("如下:") {
            arranged.push((clause.end, who.clone()));
        }
    }
    for (range, names) in links {
        out.lead_within(range, &names);
    }
    for a in assigned {
        if !out.any_within(a.object.clone()) {
            responsible(text, &a, out);
        }
    }
    for (range, names) in fronted {
        let object = super::title::clean(&text[range.clone()]);
        if !lead_same_work(&object, range.start, &names, out) {
            // Work deployed or reported on that no task names yet.
            report(text, range, Act::Arrange, &names, out);
        }
    }
    for (after, names) in arranged {
        let items = numbered_lines_after(analysis, after);
        if let Some(r) = items {
            out.lead_within(r, &names);
        }
    }
    owner_lines(analysis, &mentions, out);
    proposals(text, &mentions, out);
}

/// Verbs by which members bring an item before a council or committee, with
/// what closes the item: `由X先生提出「…」`, `X议员查询有关Y的进展情况`,
/// `X议员建议讨论Y`.
const PROPOSING: [(&str, &str); 3] = [("提出「", "」"), ("提出“", "”"), ("建议讨论", "")];

/// How far (bytes) before a proposing verb its proposers may be named.
const PROPOSERS_LOOK_BACK: usize = 240;

/// Items members propose, query or ask to discuss: each a task its proposers
/// lead (the council records of Hong Kong and Taiwan name them so).
fn proposals(text: &str, mentions: &[Mention], out: &mut Drafts) {
    for (verb, close) in PROPOSING {
        for at in crate::text::find_iter(text, verb) {
            let start = at + verb.len();
            let end = if close.is_empty() {
                crate::text::piece_end(text, start, &['，', ',', '。', '；', '\n', '('])
            } else {
                match closing(text, start, verb, close) {
                    Some(e) => e,
                    None => continue,
                }
            };
            let names = proposers(text, at, mentions);
            if names.is_empty() {
                continue;
            }
            let (offset, item) = proposed_work(&text[start..end]);
            let title = super::title::clean(item);
            if super::title::acceptable(&title) {
                let span = start + offset..start + offset + item.len();
                let mut draft = Draft::new(title, span, at..end);
                draft.leaders = names;
                out.add(draft);
            }
        }
    }
    // `X议员、Y先生查询有关Z的进展情况`: the work queried.
    for at in crate::text::find_iter(text, "查询有关") {
        let start = at + "查询有关".len();
        let rest = &text[start..];
        let stop = crate::text::piece_end(text, start, &['，', ',', '。', '；', '\n']) - start;
        let Some(topic) = reported_topic(&rest[..stop]) else {
            continue;
        };
        let names = proposers(text, at, mentions);
        let title = super::title::clean(topic);
        if !names.is_empty() && super::title::acceptable(&title) {
            let mut draft = Draft::new(title, start..start + topic.len(), at..start + stop);
            draft.leaders = names;
            out.add(draft);
        }
    }
}

/// Where the quotation opened before `start` closes, past quotations inside it,
/// within [`REACH`](crate::text::REACH) bytes.
fn closing(text: &str, start: usize, verb: &str, close: &str) -> Option<usize> {
    let open = verb.chars().next_back()?;
    let shut = close.chars().next()?;
    let mut depth = 1;
    let end = crate::text::char_floor(text, (start + crate::text::REACH).min(text.len()));
    for (k, c) in text[start..end].char_indices() {
        if c == open {
            depth += 1;
        } else if c == shut {
            depth -= 1;
            if depth == 0 {
                return Some(start + k);
            }
        } else if c == '\n' {
            return None;
        }
    }
    None
}

/// The members named right before a proposing verb: after the `由` that
/// introduces them, or in the clause.
fn proposers(text: &str, at: usize, mentions: &[Mention]) -> Vec<String> {
    let mut from = at.saturating_sub(PROPOSERS_LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    // The stretch naming them: from the last boundary of another item.
    let cut = before
        .rfind(['由', '」', '”', '。', '；', '\n', '，', ','])
        .map_or(from, |q| from + q);
    let mut names: Vec<String> = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| m.span.start >= cut && m.span.end <= at)
    {
        if !names.contains(&m.name) {
            names.push(m.name.clone());
        }
    }
    names
}

/// The work a proposal names, without the words that frame it: `讨论X`,
/// `关于X`, `有关X`, `就Y—要求X`.
fn proposed_work(item: &str) -> (usize, &str) {
    let mut at = 0;
    if let Some(q) = item.find("—要求") {
        at = q + "—要求".len();
    } else {
        for lead in ["讨论", "关于", "有关"] {
            if item.starts_with(lead) {
                at = lead.len();
                break;
            }
        }
    }
    (at, &item[at..])
}

/// Verbs after an owner's name that give them the work that follows.
const OWNING_VERBS: [&str; 5] = ["负责", "牵头", "主抓", "承担", "承办"];

/// Openings of a line after `name：` that record speech, not an assignment.
const SPEECH_OPENINGS: [&str; 10] = [
    "我", "大家", "认为", "表示", "指出", "强调", "建议", "提出", "发言", "说",
];

/// Per-person assignments in minutes: a line opening with an owner's name and
/// `：` or a verb of responsibility (`王芳：完成数据标注，两周内完成`,
/// `郝强负责模型训练环境搭建`), or a name alone over the items assigned
/// (`[后端] ZC@WorkGroup：` then `1. …`). Each item is a task the owner leads.
fn owner_lines(analysis: &Analysis, mentions: &[Mention], out: &mut Drafts) {
    let text = analysis.text();
    let lines = analysis.lines();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].clone();
        i += 1;
        let Some((names, work)) = owner_of(text, line.clone(), mentions) else {
            continue;
        };
        if !work.is_empty() {
            assign(text, work, line.clone(), &names, out);
            continue;
        }
        // The items below, up to a line that is not an item.
        while i < lines.len() {
            let below = lines[i].clone();
            let item = item_text(text, below.clone());
            if item.is_empty()
                || item.start == skip_blanks(text, below.start)
                || owner_of(text, below.clone(), mentions).is_some()
            {
                break;
            }
            assign(text, item, below, &names, out);
            i += 1;
        }
    }
}

/// The owner a line opens with, and the work after the name (empty when the
/// line holds the name alone).
fn owner_of(
    text: &str,
    line: Range<usize>,
    mentions: &[Mention],
) -> Option<(Vec<String>, Range<usize>)> {
    let start = skip_tags(
        text,
        item_text(text, line.clone()).start.max(line.start),
        line.end,
    );
    let from = mentions.partition_point(|m| m.span.start < start);
    let m = mentions
        .get(from)
        .filter(|m| m.span.start == start && m.span.end <= line.end)?;
    let mut names = vec![m.name.clone()];
    let mut at = m.span.end;
    // `牟永利，李斐斐：…`: owners named one after another, parted by `、` or `，`.
    let mut next = from + 1;
    while let Some(sep) = text[at..line.end]
        .chars()
        .next()
        .filter(|c| matches!(c, '、' | '，' | ','))
        && let Some(m) = mentions
            .get(next)
            .filter(|m| m.span.start == at + sep.len_utf8() && m.span.end <= line.end)
    {
        if !names.contains(&m.name) {
            names.push(m.name.clone());
        }
        at = m.span.end;
        next += 1;
    }
    if let Some(post) = PeopleLexicon::get().post_starting(&text[at..line.end]) {
        at += post.len();
    }
    let rest = &text[at..line.end];
    let rest = rest.strip_prefix("同志").unwrap_or(rest);
    let rest = rest.trim_start_matches(['`', '*', ' ']);
    // `(后端)`: the owner's role.
    let rest = match rest.strip_prefix(['(', '（']) {
        Some(r) => match r.char_indices().find(|&(_, c)| c == ')' || c == '）') {
            Some((q, c)) => &r[q + c.len_utf8()..],
            None => rest,
        },
        None => rest,
    };
    let rest = rest.trim_start_matches(['`', '*', ' ']);
    let work_start = if let Some(r) = rest.strip_prefix(['：', ':']) {
        let r = r.trim_start_matches(['`', '*', ' ']);
        line.end - r.len()
    } else if names.len() > 1 {
        // A list of names before anything but a colon is a list, not owners.
        return None;
    } else if let Some(v) = OWNING_VERBS.iter().find(|v| rest.starts_with(**v)) {
        line.end - rest.len() + v.len()
    } else {
        return None;
    };
    let work = &text[work_start..line.end];
    if SPEECH_OPENINGS.iter().any(|w| work.starts_with(w)) || is_speech_turn(work) {
        return None;
    }
    let end = work_start + work.trim_end().len();
    Some((names, work_start..end))
}

/// Words by which a speaker speaks of themselves or their unit (`我`, `我们`,
/// `我镇`) or to the meeting.
const SPEAKING: [&str; 5] = ["我", "咱们", "大家", "建议", "一下"];

/// Whether the text after `name：` is a turn of a recorded discussion, not an
/// assignment: two sentences or more (an assignment states one piece of work
/// and its limit), or the speaker speaking of themselves or to the meeting
/// (`我负责…`, `大家要有紧迫感`, `建议由…牵头`, `说一下防汛`). Work it names is
/// read by the rules for prose.
fn is_speech_turn(work: &str) -> bool {
    let sentences = work
        .trim_end()
        .trim_end_matches(['。', '！', '？'])
        .matches(['。', '！', '？'])
        .count()
        + 1;
    sentences >= 2 || SPEAKING.iter().any(|w| crate::text::contains(work, w))
}

/// Tasks from the work given to `name` at `work`, stated on `line`: the first
/// clause of each of its sentences.
fn assign(text: &str, work: Range<usize>, line: Range<usize>, names: &[String], out: &mut Drafts) {
    let mut at = work.start;
    for sentence in text[work.clone()].split_inclusive(['；', ';', '。']) {
        // The first clause that is not where or when the work is done
        // (`在申请单界面上，显示…按钮`, `导入导出时，…`).
        let mut from = 0;
        let clause = sentence
            .split_inclusive(['，', ',', '：', ':', '；', ';', '。'])
            .map(|c| {
                let start = from;
                from += c.len();
                (
                    start,
                    c.trim_end_matches(['，', ',', '：', ':', '；', ';', '。']),
                )
            })
            .find(|(_, c)| !is_setting(c));
        if let Some((offset, clause)) = clause {
            let title = super::title::clean(without_leading_verb(clause));
            if super::title::acceptable(&title) {
                let start = at + offset;
                let mut draft = Draft::new(title, start..start + clause.len(), line.clone());
                draft.leaders.extend(names.iter().cloned());
                out.replace_within(line.clone(), draft);
            }
        }
        at += sentence.len();
    }
}

/// Whether a clause only says where or when (`在…上`, `…时`, `根据…`).
fn is_setting(clause: &str) -> bool {
    (clause.starts_with('在') && clause.ends_with(['上', '中', '里', '内', '下']))
        || clause.ends_with('时')
        || clause.starts_with("根据")
        || clause.starts_with("按照")
}

/// An assignment without the verb it opens with (`创建“关闭账期”接口` →
/// `“关闭账期”接口`): the work is the object. The verb is known by its part of
/// speech in jieba's dictionary, so that any trade's verbs are.
fn without_leading_verb(clause: &str) -> &str {
    let jieba = &PeopleLexicon::get().jieba;
    let tags = jieba.tag(clause, false);
    match tags.first() {
        Some(first)
            if first.tag == "v"
                && first.word.chars().count() == 2
                && clause.len() > first.word.len()
                // An object must follow: not a second verb (`调用…实现`) or a particle.
                && tags.get(1).is_some_and(|t| !t.tag.starts_with(['v', 'u', 'p', 'd'])) =>
        {
            &clause[first.word.len()..]
        }
        _ => clause,
    }
}

/// A line without its list number or bullet and blanks (`1.  `, `（一）`, `*   `):
/// where its text is; empty when it holds nothing.
fn item_text(text: &str, line: Range<usize>) -> Range<usize> {
    let mut at = skip_blanks(text, line.start);
    let rest = &text[at..line.end];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && rest[digits..].starts_with(['.', '、', ')', '）']) {
        at += digits + rest[digits..].chars().next().map_or(0, char::len_utf8);
    } else if let Some(r) = rest.strip_prefix(['*', '-', '+', '•', '·', '①', '②', '③', '④', '⑤'])
    {
        at = line.end - r.len();
    } else if numbered(rest)
        && rest.starts_with(['（', '('])
        && let Some(q) = rest.find([')', '）'])
    {
        at += q + rest[q..].chars().next().map_or(0, char::len_utf8);
    }
    let at = skip_blanks(text, at);
    let rest = &text[at..line.end];
    let at = line.end - rest.trim_start_matches("**").len();
    at..line.end.max(at)
}

/// `at` past `[后端]`-style tags, Markdown bold and code marks.
fn skip_tags(text: &str, mut at: usize, end: usize) -> usize {
    loop {
        let rest = &text[at..end];
        let trimmed = rest.trim_start_matches(['`', '*', ' ', '\u{3000}']);
        let next = match trimmed.strip_prefix(['[', '【']) {
            Some(r) => match r.find([']', '】']) {
                Some(q) => {
                    let close = r[q..].chars().next().map_or(0, char::len_utf8);
                    end - r.len() + q + close
                }
                None => end - trimmed.len(),
            },
            None => end - trimmed.len(),
        };
        if next == at {
            return at;
        }
        at = next;
    }
}

fn skip_blanks(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\t']).len()
}

/// How far back (bytes) from a fronted object the task it names may be stated:
/// the heading of the item the report is heard under.
const FRONTED_LOOK_BACK: usize = 600;

/// `P就X进行了汇报`: P leads the task without leaders stated nearest before
/// that names the same work as X (by the scorer's measure: character bigrams).
fn lead_same_work(object: &str, at: usize, names: &[String], out: &mut Drafts) -> bool {
    let found = (0..out.len())
        .filter(|&i| {
            let d = &out.drafts()[i];
            d.leaders.is_empty()
                && d.span.start < at + object.len()
                && at.saturating_sub(d.span.start) <= FRONTED_LOOK_BACK
                && similar(&d.title, object)
        })
        .min_by_key(|&i| at.abs_diff(out.drafts()[i].span.start));
    if let Some(i) = found {
        out.add_leaders(i, names);
    }
    found.is_some()
}

/// Whether two titles share most of their character pairs (Dice ≥ 0.5), or one
/// holds the other.
fn similar(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(b) || b.contains(a) {
        return true;
    }
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, mut y) = (pairs(a), pairs(b));
    let total = x.len() + y.len();
    let mut shared = 0;
    for p in &x {
        if let Some(k) = y.iter().position(|q| q == p) {
            y.swap_remove(k);
            shared += 1;
        }
    }
    total > 0 && 4 * shared >= total
}

/// The reported object of a report or arrangement: `X情况`, `A、B等重点工作`.
fn report(text: &str, object: Range<usize>, act: Act, names: &[String], out: &mut Drafts) {
    let s = &text[object.clone()];
    let s = s.strip_prefix('了').unwrap_or(s);
    let base = object.end - s.len();
    let s = s.trim_end_matches(['，', ',', '。', '；', ';', '：', ':']);
    // A report names its topic whole (`由钟美玲汇报2024年重大项目资金使用情况和资金执行率`);
    // what is arranged names work by its ending (`…工作`).
    let topic = reported_topic(s).or_else(|| {
        (act == Act::Report && (4..=REPORT_TOPIC_MAX).contains(&s.chars().count())).then_some(s)
    });
    let Some(topic) = topic else {
        return;
    };
    let topic_start = base + offset_in(s, topic);
    if let Some(items) = two_character_items(topic) {
        for r in items {
            let span = topic_start + r.start..topic_start + r.end;
            let mut draft = Draft::new(topic[r].to_string(), span, object.clone());
            draft.leaders.extend(names.iter().cloned());
            out.add(draft);
        }
        return;
    }
    for (title, r) in list_items(topic, true) {
        // `公司安全生产`: the unit whose work it is stands before the work.
        let units = super::title::unit_run(&title);
        let title = match title.get(units..) {
            Some(rest) if units > 0 && super::title::acceptable(rest) => rest.to_string(),
            _ => title,
        };
        if !concrete(&title) {
            continue;
        }
        let span = base + r.start..base + r.end;
        let mut draft = Draft::new(title, span, object.clone());
        draft.leaders.extend(names.iter().cloned());
        out.add(draft);
    }
}

/// `党建、廉政、宣传`: a list of two or more fields of work of two Han characters
/// each, closed by `等工作`, names each field (titles are otherwise at least
/// three characters long).
fn two_character_items(topic: &str) -> Option<Vec<Range<usize>>> {
    let mut items = Vec::new();
    let mut at = 0;
    for part in topic.split('、') {
        let mut chars = part.chars();
        let two = chars.clone().count() == 2 && chars.all(super::title::is_han);
        if !two || !concrete(part) {
            return None;
        }
        items.push(at..at + part.len());
        at += part.len() + '、'.len_utf8();
    }
    (items.len() >= 2).then_some(items)
}

/// A clause making a person responsible (`负责`, `牵头`).
struct Assignment {
    /// What follows the verb.
    object: Range<usize>,
    /// The sentence before the clause.
    before: Range<usize>,
    /// The whole sentence.
    sentence: Range<usize>,
    who: Vec<String>,
}

/// Work a person is made responsible for where no task names it yet: the
/// object of `负责`/`牵头` when it names concrete work (`李娜负责年度预算编制，
/// 12月底前完成` → 年度预算编制, its deadline in the same sentence: a noun
/// in it, not verbs only); when it names none (`…，由李娜同志牵头负责督办`, `由P负责`), the person leads the
/// tasks stated before it in the sentence.
fn responsible(text: &str, a: &Assignment, out: &mut Drafts) {
    let (object, names) = (a.object.clone(), &a.who);
    let s = text[object.clone()].trim_end_matches(['，', ',', '。', '；', ';', '：', ':']);
    let title = super::title::clean(s);
    if names_work(&title) {
        let start = object.start + s.find(title.as_str()).unwrap_or(0);
        let span = if text[start..].starts_with(title.as_str()) {
            start..start + title.len()
        } else {
            object.start..object.start + s.len()
        };
        let mut draft = Draft::new(title, span, a.sentence.clone());
        draft.leaders.extend(names.iter().cloned());
        out.add(draft);
    } else {
        out.lead_within(a.before.clone(), names);
    }
}

/// Whether the object of `负责`/`牵头` names concrete work: a noun in it, of
/// a task's length, not the work of everyone.
pub(super) fn names_work(title: &str) -> bool {
    super::title::acceptable(title)
        && concrete(title)
        && (3..=REPORT_TOPIC_MAX).contains(&title.chars().count())
        && holds_noun(title)
}

/// Whether jieba tags a word of `title` a noun (or a verb used as one, a
/// Latin word, a number): `年度预算编制` names work, `统筹协调` and `督促落实`
/// are verbs only.
fn holds_noun(title: &str) -> bool {
    PeopleLexicon::get()
        .jieba
        .tag(title, true)
        .iter()
        .any(|t| t.tag.starts_with('n') || matches!(t.tag, "vn" | "eng" | "m"))
}

/// The most characters of a reported topic without an ending.
const REPORT_TOPIC_MAX: usize = 30;

/// Whether a reported item names a piece of work, not the work of every unit
/// (`各子公司、集团各部门重点工作`), work in general (`目标任务`) or what others
/// did to the reporting body (`区上对我镇的考核`).
fn concrete(title: &str) -> bool {
    // `区上对我镇的考核`: what others do to the reporting body is no work of its.
    if crate::text::contains(title, "对我") {
        return false;
    }
    let every = title
        .char_indices()
        .any(|(i, c)| c == '各' && title[i + c.len_utf8()..].starts_with(super::title::is_han));
    let generic = ["任务", "目标", "重点", "打算", "问题"]
        .iter()
        .any(|e| title.ends_with(e));
    !every && !generic
}

/// Endings that close a reported object, longest first.
const REPORTED_ENDINGS: &[&str] = &[
    "进展情况",
    "推进情况",
    "落实情况",
    "开展情况",
    "完成情况",
    "有关情况",
    "相关情况",
    "的情况",
    "情况",
    "等重点工作",
    "等各项工作",
    "等工作",
    "相关工作",
    "有关工作",
    "工作",
];

/// The work an object names, without the ending saying it is a report of it.
fn reported_topic(s: &str) -> Option<&str> {
    let ending = REPORTED_ENDINGS.iter().find(|e| s.ends_with(**e))?;
    let topic = s[..s.len() - ending.len()].trim_end_matches('的');
    // A page of text is no object; one character names nothing.
    let n = topic.chars().count();
    ((2..=60).contains(&n)).then_some(topic)
}

/// The most characters of the titles standing before a subject's name.
const SUBJECT_TITLES_MAX: usize = 24;

/// The people a clause opens with, and where the words after their names and
/// the fillers begin. Titles may stand before a name (`街道党工委委员、办事处副主任刘正`),
/// and several people joined by `、`, `和`, `与` or `及` are the subject together
/// (`沈燕军、何红梅、任伟萍分别就…做了具体部署`).
fn opening_subjects(
    text: &str,
    clause: Range<usize>,
    mentions: &[Mention],
) -> Option<(Vec<String>, usize)> {
    let from = mentions.partition_point(|m| m.span.start < clause.start);
    let mut found = mentions[from..]
        .iter()
        .take_while(|m| m.span.end <= clause.end)
        .filter(|m| m.span.start >= clause.start);
    let first = found.next()?;
    if !only_titles(&text[clause.start..first.span.start]) {
        return None;
    }
    let lexicon = PeopleLexicon::get();
    // Past a post after the name (`王艳镇长`).
    let past_post = |at: usize| {
        at + lexicon
            .post_starting(&text[at..clause.end])
            .map_or(0, str::len)
    };
    let mut names = vec![first.name.clone()];
    let mut after = past_post(first.span.end);
    for m in found {
        let Some(sep) = ["、", "和", "与", "及"]
            .iter()
            .find(|w| text[after..clause.end].starts_with(**w))
        else {
            break;
        };
        if m.span.start < after + sep.len() || !only_titles(&text[after + sep.len()..m.span.start])
        {
            break;
        }
        if !names.contains(&m.name) {
            names.push(m.name.clone());
        }
        after = past_post(m.span.end);
    }
    Some((names, skip_fillers(text, after, clause.end)))
}

/// Whether the text before a name holds its titles only: Han text of at most
/// [`SUBJECT_TITLES_MAX`] characters without a verb of [`VERBS`] or an
/// opening preposition, each `、`-part but the last ending with a post
/// (`市委常委、副县长`).
fn only_titles(before: &str) -> bool {
    if before.chars().count() > SUBJECT_TITLES_MAX
        || before.contains(['，', ',', '“'])
        || VERBS.iter().any(|(v, _)| before.contains(v))
    {
        return false;
    }
    // `对贯彻落实习近平…`: a preposition opens an object, not a title.
    if before.starts_with(['对', '就', '在', '把', '向', '按', '从', '为']) {
        return false;
    }
    let lexicon = PeopleLexicon::get();
    let mut parts: Vec<&str> = before.split('、').collect();
    parts.pop();
    parts.iter().all(|p| lexicon.post_ending(p).is_some())
}

/// Past the [`AFTER_SUBJECT`] words at `at` (before `end`).
fn skip_fillers(text: &str, mut at: usize, end: usize) -> usize {
    let mut moved = true;
    while moved {
        moved = false;
        for w in AFTER_SUBJECT {
            if text[at..end].starts_with(w) {
                at += w.len();
                moved = true;
            }
        }
    }
    at
}

/// The bytes of a third-person pronoun opening a clause (`他还就…`), or 0.
fn pronoun_len(clause: &str) -> usize {
    ["他", "她"]
        .iter()
        .find(|p| clause.starts_with(**p) && !clause[p.len()..].starts_with(['们', '人']))
        .map_or(0, |p| p.len())
}

/// Whether a clause opens with a verb and so continues its sentence's subject.
fn continues(clause: &str) -> bool {
    let (rest, fronted) = verb_rest(clause);
    fronted || verb_at_start(rest).is_some()
}

/// Where the verb phrase of a clause's rest begins: past a continuing word
/// (`并`, `随后`) and a preposition bringing the object first (`对X进行部署`),
/// and whether there was one.
fn verb_rest(s: &str) -> (&str, bool) {
    let rest = CONTINUING
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    match ["对", "就"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .filter(|r| fronted_verb(r).is_some())
    {
        Some(r) => (r, true),
        None => (rest, false),
    }
}

/// The verb `s` opens with (after `作了`, `进行了`), and the bytes it takes.
fn verb_at_start(s: &str) -> Option<(Act, usize)> {
    let mut skip = 0;
    for lead in ["进行了", "进行", "作了", "做了", "作", "做"] {
        if s.starts_with(lead) {
            skip = lead.len();
            break;
        }
    }
    if skip > 0 {
        skip = s.len() - without_adverb(&s[skip..]).len();
    }
    let rest = &s[skip..];
    let (verb, act) = VERBS.iter().find(|(v, _)| rest.starts_with(v))?;
    // `汇报了`, `部署调度了`: the verb and what follows it before the object.
    let mut len = skip + verb.len();
    if let Some((second, _)) = VERBS.iter().find(|(v, _)| s[len..].starts_with(v)) {
        len += second.len();
    }
    Some((*act, len))
}

/// Adverbs between `进行了`/`做了` and the verb (`做了具体部署`, `进行了详细汇报`).
const MANNER: [&str; 9] = [
    "详细", "具体", "全面", "专题", "专门", "简要", "重点", "认真", "明确",
];

/// `s` past a [`MANNER`] adverb it opens with.
fn without_adverb(s: &str) -> &str {
    MANNER.iter().find_map(|a| s.strip_prefix(a)).unwrap_or(s)
}

/// Where the object fronted before a verb of report or arrangement is in `s`
/// (`X进行了详细汇报`, `对X等工作提出具体要求`): from the start of `s`, or from
/// past a `并对`/`并就` bringing it in (`主持会议并对X…`), to the verb.
fn fronted_verb(s: &str) -> Option<Range<usize>> {
    for lead in [
        "进行了",
        "作出了",
        "作出",
        "做出",
        "作了",
        "做了",
        "进行",
        "提出了",
        "提出",
    ] {
        if let Some(q) = crate::text::find(s, lead) {
            let after = without_adverb(&s[q + lead.len()..]);
            let arranges = if lead.starts_with("提出") {
                // Requirements put on named work arrange it.
                after.starts_with("要求")
            } else {
                VERBS
                    .iter()
                    .any(|(v, act)| *act != Act::Lead && after.starts_with(v))
            };
            if !arranges {
                continue;
            }
            let start = [
                "并对",
                "并就",
                "还对",
                "还就",
                "同时对",
                "同时就",
                "后对",
                "后就",
            ]
            .iter()
            .filter_map(|w| crate::text::find(&s[..q], w).map(|k| k + w.len()))
            .max()
            .unwrap_or(0);
            if s[start..q].chars().count() <= FRONTED_OBJECT_MAX {
                return Some(start..q);
            }
        }
    }
    None
}

/// The numbered lines right after byte `after` (`1、…`, `（一）…`, `一是…`), as one range.
fn numbered_lines_after(analysis: &Analysis, after: usize) -> Option<Range<usize>> {
    let text = analysis.text();
    let lines = analysis.lines();
    let first = lines.partition_point(|l| l.end < after);
    let mut end = None;
    let mut start = None;
    for line in &lines[first + 1..] {
        let l = text[line.clone()].trim_start();
        if l.is_empty() {
            continue;
        }
        if !numbered(l) {
            break;
        }
        start.get_or_insert(line.start);
        end = Some(line.end);
    }
    Some(start?..end?)
}

/// Whether a line opens with a list number.
fn numbered(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let han = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    let after = |n: usize| line.chars().nth(n);
    (digits > 0 && digits <= 2 && matches!(after(digits), Some('、' | '.' | '．' | ')' | '）')))
        || (han > 0 && han <= 3 && matches!(after(han), Some('、' | '是')))
        || line.starts_with(['（', '('])
            && line
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        || line.starts_with(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'])
}

/// Every mention of the people: by name, and by surname and post (`谢书记`,
/// `郭书记`) where that names one person only.
fn mentions(text: &str, people: &[Person]) -> Vec<Mention> {
    let lexicon = PeopleLexicon::get();
    let mut out: Vec<Mention> = Vec::new();
    for p in people {
        // Spans from elsewhere than this text's extractors are not trusted.
        for s in p
            .spans
            .iter()
            .filter(|s| s[0] < s[1] && text.get(s[0]..s[1]).is_some())
        {
            out.push(Mention {
                span: s[0]..s[1],
                name: p.name.clone(),
            });
        }
    }
    // Surname and post: the aliases each person's titles give.
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for (k, p) in people.iter().enumerate() {
        let Some(surname) = p.name.chars().next() else {
            continue;
        };
        for t in &p.titles {
            let Some(post) = lexicon.post_ending(t) else {
                continue;
            };
            let post = post.strip_prefix('副').unwrap_or(post);
            aliases.push((format!("{surname}{post}"), k));
        }
    }
    aliases.sort();
    aliases.dedup();
    // An alias two people share names neither of them.
    let unique: Vec<&(String, usize)> = aliases
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|same| same.len() == 1)
        .map(|same| &same[0])
        .collect();
    if unique.is_empty() {
        out.sort_by_key(|m| (m.span.start, m.span.end));
        return out;
    }
    // The aliases' occurrences, taken alias by alias (in sorted order, each left
    // to right and not overlapping itself), where no name or alias taken before
    // covers them.
    let words: Vec<&str> = unique.iter().map(|(a, _)| a.as_str()).collect();
    let found = crate::text::occurrences(text, &words, crate::extract::people::MENTIONS_MAX);
    // One bit per byte of text: whether a name or an alias taken covers it.
    let mut covered = vec![0u64; text.len() / 64 + 1];
    let cover = |covered: &mut Vec<u64>, span: Range<usize>| {
        for at in span {
            covered[at / 64] |= 1 << (at % 64);
        }
    };
    let is_covered = |covered: &[u64], at: usize| covered[at / 64] & (1 << (at % 64)) != 0;
    for m in &out {
        cover(&mut covered, m.span.clone());
    }
    for same in found.chunk_by(|a, b| a.0 == b.0) {
        let (alias, k) = unique[same[0].0];
        for &(_, at) in same {
            let span = at..at + alias.len();
            if is_covered(&covered, at) {
                continue;
            }
            cover(&mut covered, span.clone());
            out.push(Mention {
                span,
                name: people[*k].name.clone(),
            });
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_topics_lose_their_endings() {
        assert_eq!(
            reported_topic("近期信访维稳重点案件办理情况"),
            Some("近期信访维稳重点案件办理")
        );
        assert_eq!(
            reported_topic("乡村振兴衔接推进区进展情况"),
            Some("乡村振兴衔接推进区")
        );
        assert_eq!(
            reported_topic("环境保护、土地卫片整改、安全生产排查整治等重点工作"),
            Some("环境保护、土地卫片整改、安全生产排查整治")
        );
        assert_eq!(reported_topic("会议精神"), None);
        assert_eq!(reported_topic("情况"), None);
        assert!(concrete("土地卫片整改"));
        assert!(!concrete("2021年第三季度各子公司"));
        assert!(!concrete("集团各部门重点"));
        assert!(!concrete("下一步改革任务"));
        assert!(!concrete("区上对我镇的考核情况及获奖"));
    }

    #[test]
    fn verbs_open_clauses() {
        assert_eq!(verb_at_start("通报调度了环境保护"), Some((Act::Report, 12)));
        assert_eq!(verb_at_start("进行了部署"), Some((Act::Arrange, 15)));
        assert_eq!(verb_at_start("强调要抓好"), None);
        assert_eq!(
            fronted_verb("学校党委巡察整改情况进行了详细汇报。"),
            Some(0..30)
        );
        assert_eq!(fronted_verb("学校党委巡察整改情况进行了负责"), None);
    }

    #[test]
    fn proposals_name_their_work() {
        assert_eq!(
            proposed_work("讨论跃动计划对经济发展的影响").1,
            "跃动计划对经济发展的影响"
        );
        assert_eq!(
            proposed_work("就『跃动』计划—要求提升区内配套").1,
            "提升区内配套"
        );
        assert_eq!(proposed_work("关于古道—文物径").1, "古道—文物径");
        let text =
            "由梁明先生提出「讨论海滨长廊改善工程」、由陈红女士及司马青先生提出「关于古道修缮」";
        assert_eq!(
            closing(text, text.find('「').unwrap() + 3, "提出「", "」"),
            text.find('」')
        );
    }

    #[test]
    fn numbered_lines() {
        for l in [
            "1、各部门",
            "（一）加强",
            "一是抓好",
            "二、其他",
            "①完善",
            "12.整改",
        ] {
            assert!(numbered(l), "{l}");
        }
        for l in ["会议要求", "2024年", "一起研究", "(注)"] {
            assert!(!numbered(l), "{l}");
        }
    }
}
