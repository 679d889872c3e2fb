//! People: names with every title as written, and their roles.
//!
//! A name is found next to a post: after a title chain (`市委常委、市政府副市长王玉峰`),
//! before a post (`王玉峰副市长`), before a parenthesised chain
//! (`韩立群（市委常委、副市长）`), in a list sharing a title (`副县长朱勇、蔡春梅`),
//! after a list marker (`市领导王玉峰、王波`), in a minutes header (`主持：刘志远`) or in a
//! bare list of names that attend (`郭晓茹、关海涛参加会议`). Later bare mentions of a
//! known name add spans and roles.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::PeopleLexicon;
use crate::analysis::{Analysis, Column, FieldKind};
use crate::record::{Person, Role};

/// Clause openings that mark a mention as the source of speeches being studied, not a participant.
const STUDIED_CUES: [&str; 6] = ["学习", "贯彻", "传达", "领会", "落实", "按照"];
const SPEECH_WORDS: [&str; 7] = ["讲话", "指示", "批示", "论述", "重要文章", "贺信", "回信"];
/// Words before a name that make it a byline, not a person of the meeting.
const BYLINES: [&str; 9] = [
    "记者",
    "通讯员",
    "编辑",
    "审核",
    "记录",
    "作者",
    "摄影",
    "校对",
    "责编",
];

/// The most mentions of people read from one text. A report names tens of
/// people, a year of minutes thousands; a text naming more is a list of
/// something else, and past this its names are not read (the record says so),
/// which keeps memory bounded by this rather than by the text.
pub(crate) const MENTIONS_MAX: usize = 100_000;

/// Whether `out` holds as many mentions as are read.
fn full(out: &[Mention]) -> bool {
    out.len() >= MENTIONS_MAX
}

/// One mention found by the scanner.
struct Mention {
    name: String,
    span: Range<usize>,
    titles: Vec<String>,
    role: Option<Role>,
}

/// Finds every person named in `text` as an official or participant.
pub(crate) fn find_people(analysis: &Analysis) -> Vec<Person> {
    find_people_noting_cut(analysis).0
}

/// [`find_people`], and whether [`MENTIONS_MAX`] stopped the reading.
pub(crate) fn find_people_noting_cut(analysis: &Analysis) -> (Vec<Person>, bool) {
    let text = analysis.text();
    let lexicon = PeopleLexicon::get();
    let mut mentions = Vec::new();
    titled_mentions(text, lexicon, &mut mentions);
    listed_mentions(text, lexicon, &mut mentions);
    field_mentions(analysis, lexicon, &mut mentions);
    honorific_mentions(text, lexicon, &mut mentions);
    unit_mentions(text, lexicon, &mut mentions);
    assigned_mentions(analysis, lexicon, &mut mentions);
    introduced_mentions(text, lexicon, &mut mentions);
    table_mentions(analysis, lexicon, &mut mentions);
    flat_table_mentions(analysis, &mut mentions);
    at_mentions(text, lexicon, &mut mentions);
    let cut = full(&mentions);
    mentions.truncate(MENTIONS_MAX);
    mentions.sort_by_key(|m| m.span.start);
    share_attendance(text, &mut mentions);

    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut titles_seen: HashSet<(usize, String)> = HashSet::new();
    for mention in mentions {
        let i = *index.entry(mention.name.clone()).or_insert_with(|| {
            people.push(Person {
                name: mention.name.clone(),
                titles: Vec::new(),
                roles: Vec::new(),
                spans: Vec::new(),
            });
            people.len() - 1
        });
        let person = &mut people[i];
        for title in mention.titles {
            // A set beside the list: a long document gives one person many titles.
            if titles_seen.insert((i, title.clone())) {
                person.titles.push(title);
            }
        }
        person.spans.push([mention.span.start, mention.span.end]);
        if let Some(role) = mention.role {
            add_role(person, role);
        }
    }
    // `周例会`, `支部`, `宣传`: a surname's character starting a common word.
    people.retain(|p| !is_common_word(&p.name, lexicon));
    bare_mentions(text, &mut people);
    for person in &mut people {
        person.spans.sort_unstable();
        person.spans.dedup();
        person.roles.sort();
    }
    (people, cut)
}

fn add_role(person: &mut Person, role: Role) {
    if !person.roles.contains(&role) {
        person.roles.push(role);
    }
}

/// Builds the posts pattern.
pub(crate) fn load() {
    posts_pattern(PeopleLexicon::get());
}

fn posts_pattern(lexicon: &PeopleLexicon) -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(&super::words::alternation(lexicon.posts.iter().copied()))
            .expect("posts pattern")
    })
}

/// Names next to a post: after a title chain, before a post, or before a parenthesised chain.
fn titled_mentions(text: &str, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    for post in posts_pattern(lexicon).find_iter(text) {
        if full(out) {
            return;
        }
        let after = skip_spaces(text, post.end());
        if let Some(name) = name_at(text, after, lexicon) {
            let titles = title_chain(text, post.end(), lexicon);
            if titles.is_empty() || is_studied_or_byline(text, post.start(), name.end) {
                continue;
            }
            let titles: Vec<String> = titles.iter().map(|t| text[t.clone()].to_string()).collect();
            let mut end = name.end;
            let list_from = out.len();
            out.push(mention(text, name, titles.clone()));
            // A title before a list of names goes to each of them.
            while let Some(next) = text[end..]
                .strip_prefix('、')
                .filter(|_| !full(out))
                .map(|_| end + '、'.len_utf8())
            {
                match name_at(text, next, lexicon) {
                    Some(listed) if ends_name_strictly(text, listed.end, lexicon) => {
                        end = listed.end;
                        out.push(mention(text, listed, titles.clone()));
                    }
                    _ => break,
                }
            }
            share_list_role(&mut out[list_from..]);
            continue;
        }
        // `王玉峰副市长`: a name standing alone right before the post, or after the
        // name of the unit it serves (`教务处王红梅主任`).
        if let Some(clause_start) = clause_start(text, post.start())
            && clause_start < post.start()
            && let Some(name) = name_before_post(text, clause_start..post.start(), lexicon)
            && ends_name(text, post.end(), lexicon)
            && !is_studied_or_byline(text, name.start, post.end())
        {
            out.push(mention(text, name, vec![text[post.range()].to_string()]));
            continue;
        }
        // `韩立群（市委常委、副市长）`.
        if let Some(close) = ["）", ")"]
            .iter()
            .find(|c| text[post.end()..].starts_with(**c))
        {
            let titles = title_chain(text, post.end(), lexicon);
            let Some(first) = titles.first() else {
                continue;
            };
            let open = text[..first.start].char_indices().next_back();
            if let Some((open_at, '（' | '(')) = open {
                let start = clause_start_of_name(text, open_at);
                let candidate = start..open_at;
                if !candidate.is_empty()
                    && name_at(text, start, lexicon).is_some_and(|n| n == candidate)
                {
                    let titles = titles.iter().map(|t| text[t.clone()].to_string()).collect();
                    out.push(mention(text, candidate, titles));
                }
            }
            let _ = close;
        }
    }
}

/// The name filling `before` (a clause's start up to a post), alone or after a unit's
/// name: two or three characters after a unit suffix (`处`, `局`, `组`…).
fn name_before_post(
    text: &str,
    before: Range<usize>,
    lexicon: &PeopleLexicon,
) -> Option<Range<usize>> {
    if name_at(text, before.start, lexicon).is_some_and(|n| n == before) {
        return Some(before);
    }
    let stretch = &text[before.clone()];
    [2, 3].into_iter().find_map(|n| {
        let start = before.start + stretch.char_indices().rev().nth(n - 1)?.0;
        let unit = &text[before.start..start];
        (unit.chars().count() >= 2
            && unit.ends_with(UNIT_ENDS)
            && name_at(text, start, lexicon).is_some_and(|m| m.end == before.end))
        .then_some(start..before.end)
    })
}

/// What a note after a listed name says of attendance rather than of a post.
const ATTENDANCE_NOTES: &[&str] = &[
    "假", "缺席", "出差", "列席", "迟到", "早退", "线上", "视频", "因公", "因事", "因病",
];

/// The last characters of the names of offices and units.
const UNIT_ENDS: &[char] = &[
    '处', '局', '组', '部', '办', '室', '科', '委', '院', '厅', '队', '站', '所',
];

/// A list of names takes the role its last name shows (`朱勇、蔡春梅出席会议`).
fn share_list_role(list: &mut [Mention]) {
    if let Some(role) = list.last().and_then(|m| m.role) {
        for m in list.iter_mut() {
            m.role.get_or_insert(role);
        }
    }
}

/// In `市委常委、常务副市长林晓红，副市长周海涛、吴静出席会议`, everyone named before the
/// attendance verb of the sentence attends, not only the names right before it.
fn share_attendance(text: &str, mentions: &mut [Mention]) {
    let mut i = 0;
    while i < mentions.len() {
        let sentence_end = text[mentions[i].span.end..]
            .find(['。', '；', '\n'])
            .map_or(text.len(), |at| mentions[i].span.end + at);
        let group_end = mentions[i..]
            .iter()
            .position(|m| m.span.start >= sentence_end)
            .map_or(mentions.len(), |n| i + n);
        let group = &mut mentions[i..group_end];
        if let Some(last) = group.iter().rposition(|m| m.role == Some(Role::Attendee)) {
            for m in &mut group[..last] {
                m.role.get_or_insert(Role::Attendee);
            }
        }
        i = group_end;
    }
}

fn mention(text: &str, span: Range<usize>, titles: Vec<String>) -> Mention {
    Mention {
        name: text[span.clone()].to_string(),
        role: role_after(text, span.end),
        span,
        titles,
    }
}

/// Names listed without titles: after `市领导`, or a bare list of names that attend.
fn listed_mentions(text: &str, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    for marker in &lexicon.list_markers {
        for at in marker.find_iter(text.as_bytes()) {
            if full(out) {
                return;
            }
            let mut found = Vec::new();
            name_list(text, at + marker.needle().len(), lexicon, true, &mut found);
            share_list_role(&mut found);
            out.extend(found);
        }
    }
    // `县政府领导刘涛、张宏斌、陆星`: any word ending in 领导 before a list of two
    // names or more, as the marker list's words are.
    for at in crate::text::find_iter(text, "领导") {
        if full(out) {
            return;
        }
        let start = at + "领导".len();
        // Read above if it closes one of the markers.
        if lexicon
            .list_markers
            .iter()
            .any(|m| text.as_bytes()[..start].ends_with(m.needle()))
        {
            continue;
        }
        let mut found = Vec::new();
        if name_list(text, start, lexicon, true, &mut found).is_some() && found.len() >= 2 {
            share_list_role(&mut found);
            out.extend(found);
        }
    }
    // `郭晓茹、关海涛、王行亮参加会议` at the start of a clause.
    for verb in &lexicon.attend_verbs {
        for at in verb.find_iter(text.as_bytes()) {
            if full(out) {
                return;
            }
            let start = list_start(text, at);
            let mut found = Vec::new();
            if name_list(text, start, lexicon, false, &mut found) == Some(at) && found.len() >= 2 {
                share_list_role(&mut found);
                out.extend(found);
            }
        }
    }
}

/// Verbs of attending that, before `的有`, introduce a list of those who attend
/// (`参加会议的有`, `出席今天座谈会的还有`).
const ATTEND_VERBS: [&str; 5] = ["参加", "出席", "列席", "参会", "与会"];

/// The most characters naming what is attended, between the verb and `的有`.
const ATTENDED_MAX_CHARS: usize = 6;

/// What separates the names of an introduced list.
const INTRODUCED_SEPARATORS: [char; 5] = ['、', '，', ',', ' ', '\u{3000}'];

/// What ends an introduced list.
const INTRODUCED_ENDS: [char; 5] = ['。', '；', ';', '\n', '：'];

/// `参加会议的有张伟、李娜和王强。`: after an attendance verb, the meeting it
/// attends (six characters at most) and `的有`/`的还有`, a list of names
/// separated by `、`, `，` or blanks, to the end of the sentence; each item a
/// name, a name with `同志`, or a post and a name (`副市长王伟`), and the last
/// two may be joined by `和` or `及`. Each name attends.
fn introduced_mentions(text: &str, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    let mut starts: Vec<usize> = crate::text::find_iter(text, "的有")
        .map(|at| at + "的有".len())
        .chain(crate::text::find_iter(text, "的还有").map(|at| at + "的还有".len()))
        .filter(|&end| {
            let head = &text[..end];
            let head = head
                .strip_suffix("的有")
                .or_else(|| head.strip_suffix("的还有"));
            head.is_some_and(attends_before)
        })
        .collect();
    starts.sort_unstable();
    // A list runs at most to the next introducer: no stretch is read twice.
    let bounds: Vec<usize> = starts.iter().skip(1).copied().chain([text.len()]).collect();
    for (&start, &bound) in starts.iter().zip(&bounds) {
        if full(out) {
            return;
        }
        let from =
            start + text[start..].len() - text[start..].trim_start_matches(['：', ':']).len();
        let end = text[from..bound]
            .find(INTRODUCED_ENDS)
            .map_or(bound, |p| from + p);
        let mut item_start = from;
        for item in text[from..end].split(INTRODUCED_SEPARATORS) {
            let at = item_start;
            item_start += item.len()
                + text[at + item.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            let item = item.strip_suffix("等").unwrap_or(item);
            let item = item.strip_suffix("同志").unwrap_or(item);
            let pair = ['和', '及']
                .iter()
                .find_map(|&j| item.split_once(j))
                .filter(|_| introduced_name(text, at..at + item.len(), lexicon).is_none());
            let spans = match pair {
                Some((a, b)) => {
                    let second = at + a.len() + '和'.len_utf8();
                    [Some(at..at + a.len()), Some(second..second + b.len())]
                }
                None => [Some(at..at + item.len()), None],
            };
            for span in spans.into_iter().flatten() {
                if let Some(name) = introduced_name(text, span, lexicon)
                    && !full(out)
                {
                    let mut m = mention(text, name, Vec::new());
                    m.role = Some(Role::Attendee);
                    out.push(m);
                }
            }
        }
    }
}

/// Whether `head` ends with an attendance verb and at most [`ATTENDED_MAX_CHARS`]
/// Han characters after it (`参加`, `出席本次会议`).
fn attends_before(head: &str) -> bool {
    let mut object = 0;
    let mut rest = head;
    loop {
        if ATTEND_VERBS.iter().any(|v| rest.ends_with(v)) {
            return true;
        }
        match rest.chars().next_back() {
            Some(c) if is_han(c) && object < ATTENDED_MAX_CHARS => {
                object += 1;
                rest = &rest[..rest.len() - c.len_utf8()];
            }
            _ => return false,
        }
    }
}

/// The name filling `item` of an introduced list, alone or after a post.
fn introduced_name(
    text: &str,
    item: Range<usize>,
    lexicon: &PeopleLexicon,
) -> Option<Range<usize>> {
    let whole = |start: usize| name_at(text, start, lexicon).filter(|n| n.end == item.end);
    if let Some(name) = whole(item.start) {
        return Some(name);
    }
    let words = &text[item.clone()];
    [2, 3].into_iter().find_map(|n| {
        let start = item.start + words.char_indices().rev().nth(n - 1)?.0;
        lexicon.post_ending(&text[item.start..start])?;
        whole(start)
    })
}

/// Reads a `、`-separated list of names from `start`; returns where it ends.
fn name_list(
    text: &str,
    start: usize,
    lexicon: &PeopleLexicon,
    lenient_end: bool,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let mut at = start;
    loop {
        let name = name_at(text, at, lexicon)?;
        let ok = if lenient_end {
            ends_name(text, name.end, lexicon)
        } else {
            ends_name_strictly(text, name.end, lexicon)
        };
        if !ok {
            return None;
        }
        at = name.end;
        // A list longer than is read is not one of attendees.
        if full(out) {
            return None;
        }
        out.push(mention(text, name, Vec::new()));
        match text[at..].strip_prefix('、') {
            Some(_) => at += '、'.len_utf8(),
            None => return Some(at),
        }
    }
}

/// People named in the minutes' header fields, in any layout the analysis
/// reads (`主持人：王强`, `参会：马锋旺 黄德宝 徐 炎`, `**与会人员:**` over a list,
/// `| 出席 | 副区长王建军、李明华 |`): every name of a field listing chairs,
/// attendees or absentees, with or without titles. The field's role goes to
/// each, and to the titled names the post scan found in it.
fn field_mentions(analysis: &Analysis, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    let text = analysis.text();
    // Stable, as the sort of all mentions after: the order of equal starts stays.
    out.sort_by_key(|m| m.span.start);
    let found_before = out.len();
    for field in analysis.fields().iter().filter(|f| f.kind.lists_people()) {
        let role = match field.kind {
            FieldKind::Chair => Some(Role::Chair),
            FieldKind::Attendees | FieldKind::Observers => Some(Role::Attendee),
            _ => None,
        };
        for value in &field.values {
            if full(out) {
                return;
            }
            let from = out.len();
            field_value(text, value.clone(), lexicon, out);
            for m in &mut out[from..] {
                m.role = role.or(m.role);
            }
            if let Some(role) = role {
                // Found by the post scan: sorted by start, so only those starting
                // inside the value are looked at.
                let first = out[..found_before].partition_point(|m| m.span.start < value.start);
                for m in out[first..found_before]
                    .iter_mut()
                    .take_while(|m| m.span.start < value.end)
                {
                    if m.span.end <= value.end && m.role.is_none() {
                        m.role = Some(role);
                    }
                }
            }
        }
    }
}

/// Whether `name` is one word of jieba's dictionary that is no person's name
/// (its part of speech not `nr…`): a noun, verb or unit that a surname's
/// character happens to start. Names the dictionary lacks are cut into
/// characters and stay.
fn is_common_word(name: &str, lexicon: &PeopleLexicon) -> bool {
    // Latin text: a plain word (`Scrum`, `PM`) is common; a handle (`steven`
    // after `@`, `JuiceHub`, `zrr1999`) names a person.
    if !name.chars().any(is_han) {
        let mut letters = name.chars();
        let first_upper = letters.next().is_some_and(|c| c.is_ascii_uppercase());
        let rest = letters.as_str();
        return name.chars().all(|c| c.is_ascii_alphabetic())
            && first_upper
            && (rest.chars().all(|c| c.is_ascii_lowercase())
                || rest.chars().all(|c| c.is_ascii_uppercase()));
    }
    let word = |w: &str| {
        let tags = lexicon.jieba.tag(w, false);
        matches!(tags.as_slice(), [only] if !only.tag.starts_with("nr") && only.word == w)
    };
    // `科长和护理部`: a surname that is also a conjunction (`和`, `与`, `及`)
    // before a word of the dictionary joins that word, and names no one.
    let joined = name
        .strip_prefix(['和', '与', '及'])
        .is_some_and(|rest| rest.chars().count() == 2 && word(rest));
    joined || word(name)
}

/// Honorifics written after a name (`梁进先生`, `陈欣儿女士`): they make it a
/// person's name, and are no titles.
const HONORIFICS: [&str; 3] = ["先生", "女士", "小姐"];

/// Characters after which a name before an honorific may start, besides
/// punctuation: a list's `及`, `和`, `与`, and `由` before a proposer.
const BEFORE_HONORIFIC_NAME: [char; 5] = ['及', '和', '与', '由', '、'];

/// Names before an honorific (`由陈衍冲先生、黄锐熺先生及袁嘉蔚小姐提出`).
fn honorific_mentions(text: &str, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    for word in HONORIFICS {
        for at in crate::text::find_iter(text, word) {
            if full(out) {
                return;
            }
            let starts: Vec<usize> = text[..at]
                .char_indices()
                .rev()
                .take(4)
                .map(|(i, _)| i)
                .collect();
            // The longest name ending right before the honorific and standing
            // after a boundary.
            let found = starts.iter().rev().find_map(|&start| {
                let boundary = text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_han(c) || BEFORE_HONORIFIC_NAME.contains(&c));
                let name = name_at(text, start, lexicon).filter(|n| n.end == at)?;
                boundary.then_some(name)
            });
            if let Some(name) = found
                && !is_studied_or_byline(text, name.start, name.end)
            {
                out.push(Mention {
                    name: text[name.clone()].to_string(),
                    role: role_after(text, at + word.len()),
                    span: name,
                    titles: Vec::new(),
                });
            }
        }
    }
}

/// Verbs by which a person named without a post takes on or reports on work.
const WORK_VERBS: &[&str] = &["负责", "牵头", "汇报", "介绍", "通报"];

/// `体育组刘洋负责…`, `教务处王红梅汇报…`: a name without a post, between the unit it
/// belongs to and a verb of work, as company and school minutes write their staff.
fn unit_mentions(text: &str, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    for verb in WORK_VERBS {
        for at in crate::text::find_iter(text, verb) {
            if full(out) {
                return;
            }
            let starts = text[..at].char_indices().rev().skip(1).take(2);
            for (start, _) in starts {
                let Some(unit_end) = text[..start].chars().next_back() else {
                    continue;
                };
                if UNIT_ENDS.contains(&unit_end)
                    && let Some(name) = name_at(text, start, lexicon).filter(|n| n.end == at)
                    && !joins_word(text, start - unit_end.len_utf8(), &name, lexicon)
                    && !is_studied_or_byline(text, name.start, name.end)
                {
                    out.push(Mention {
                        name: text[name.clone()].to_string(),
                        role: None,
                        span: name,
                        titles: Vec::new(),
                    });
                    break;
                }
            }
        }
    }
}

/// `郝强负责…`, `张伟主持会议`, `会议由赵刚主持`, `1. 王芳：完成数据标注`: a name
/// with no post that opens a clause (after its list number) or follows `由`,
/// and is followed at once by a verb its role shows (`主持`, `出席`, `汇报`,
/// `强调`, `负责`…), or opens a line before a colon and the work assigned —
/// how minutes write their staff. The name is the whole span: a surname and
/// one or two characters that jieba does not read as one common word.
fn assigned_mentions(analysis: &Analysis, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    let text = analysis.text();
    let add = |name: Range<usize>, out: &mut Vec<Mention>| {
        // `谢书记`: a surname and a post, which the alias linking reads.
        if !full(out)
            && !is_common_word(&text[name.clone()], lexicon)
            && lexicon.post_ending(&text[name.clone()]).is_none()
            && !is_studied_or_byline(text, name.start, name.end)
        {
            out.push(mention(text, name, Vec::new()));
        }
    };
    for clause in analysis.clauses() {
        let start = clause.start + crate::text::list_marker_len(&text[clause.clone()]);
        let Some(first) = name_at(text, start, lexicon) else {
            continue;
        };
        if first.end < clause.end && role_after(text, first.end).is_some() {
            add(first, out);
            continue;
        }
        // `王芳：…`, `宋冰晨、赵正阳——…`: names, then what they are given.
        let mut names = vec![first];
        while let Some(last) = names.last()
            && names.len() < ASSIGNEES_MAX
            && let Some(next) = text[last.end..]
                .strip_prefix('、')
                .and_then(|_| name_at(text, last.end + '、'.len_utf8(), lexicon))
        {
            names.push(next);
        }
        let end = names.last().map_or(start, |n| n.end);
        let given = ["：", ":", "——", "—"]
            .iter()
            .find_map(|mark| text[end..].strip_prefix(mark))
            .map(|rest| rest.trim_start_matches([' ', '\u{3000}', '\t']));
        if given.is_some_and(|g| {
            g.chars()
                .next()
                .is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
        }) {
            for name in names {
                add(name, out);
            }
        }
    }
    for at in crate::text::find_iter(text, "由") {
        if let Some(name) = name_at(text, at + '由'.len_utf8(), lexicon)
            && matches!(
                role_after(text, name.end),
                Some(Role::Chair | Role::Responsible | Role::Reporter)
            )
        {
            add(name, out);
        }
    }
}

/// The most names read before one colon or dash of an assignment.
const ASSIGNEES_MAX: usize = 20;

/// Whether jieba joins the character at `before` to the start of `name`: `部门有关负责`
/// is 部门 and 有关, no name.
fn joins_word(text: &str, before: usize, name: &Range<usize>, lexicon: &PeopleLexicon) -> bool {
    lexicon
        .jieba
        .cut(&text[before..name.end], false)
        .iter()
        .any(|t| t.byte_start == 0 && before + t.byte_end > name.start)
}

/// Marks between the names of a header field.
fn is_field_separator(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '；' | ';' | ' ' | '\u{3000}' | '\t' | '|'
    )
}

/// A piece of a field's value between separators, and the parenthesised note
/// written after it (`石永昌 (PM/产品)`).
struct FieldPiece {
    span: Range<usize>,
    note: Option<Range<usize>>,
    /// Whether only blanks part it from the next piece.
    blank_after: bool,
    /// Whether an `@` mentions it (`@刘天栋@steven`), as chat and wiki tools
    /// write their attendees.
    at_sign: bool,
}

fn field_pieces(text: &str, value: Range<usize>) -> Vec<FieldPiece> {
    let mut pieces: Vec<FieldPiece> = Vec::new();
    let mut start: Option<usize> = None;
    let mut note_open: Option<usize> = None;
    let close = |pieces: &mut Vec<FieldPiece>, start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            pieces.push(FieldPiece {
                span: s..end,
                note: None,
                blank_after: false,
                at_sign: s > 0 && text[..s].ends_with('@'),
            });
        }
    };
    for (k, c) in text[value.clone()].char_indices() {
        let at = value.start + k;
        // `@` opens a mention where it does not stand inside a Latin handle
        // (`ZC@WorkGroup`): at a piece's start, or next to Han text.
        if c == '@' {
            let before = text[..at].chars().next_back();
            let after = text[at + 1..].chars().next();
            if start.is_none() || before.is_some_and(is_han) || after.is_some_and(is_han) {
                close(&mut pieces, &mut start, at);
                continue;
            }
        }
        if let Some(open) = note_open {
            if matches!(c, ')' | '）') {
                note_open = None;
                if let Some(last) = pieces.last_mut() {
                    last.note = Some(open..at);
                    last.blank_after = false;
                }
            }
            continue;
        }
        if matches!(c, '(' | '（') {
            close(&mut pieces, &mut start, at);
            note_open = Some(at + c.len_utf8());
        } else if is_field_separator(c) {
            close(&mut pieces, &mut start, at);
            if let Some(last) = pieces.last_mut()
                && last.note.is_none()
                && last.span.end == at
            {
                last.blank_after = matches!(c, ' ' | '\u{3000}');
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    close(&mut pieces, &mut start, value.end);
    pieces
}

/// The names of one value of a header field.
fn field_value(text: &str, value: Range<usize>, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    let pieces = field_pieces(text, value);
    let mut j = 0;
    while j < pieces.len() {
        let piece = &pieces[j];
        let mut span = piece.span.clone();
        for tail in ["等同志", "同志", "等"] {
            if text[span.clone()].ends_with(tail) && span.len() > tail.len() {
                span.end -= tail.len();
            }
        }
        let word = &text[span.clone()];
        let chars = word.chars().count();
        let titles: Vec<String> = piece
            .note
            .iter()
            .flat_map(|n| text[n.clone()].split('、'))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.chars().count() <= 12)
            // `孙敏（请假）`, `（视频参会）`: a note on attendance is not a title.
            .filter(|t| !ATTENDANCE_NOTES.iter().any(|w| t.contains(w)))
            .map(str::to_string)
            .collect();
        // `徐 炎`: a name of two characters written with a blank inside.
        if chars == 1
            && piece.blank_after
            && lexicon
                .surnames
                .contains(word.chars().next().unwrap_or(' '))
            && let Some(next) = pieces.get(j + 1)
            && text[next.span.clone()].chars().count() == 1
            && text[next.span.clone()].chars().all(is_han)
        {
            out.push(Mention {
                name: format!("{word}{}", &text[next.span.clone()]),
                span: span.start..next.span.end,
                titles: Vec::new(),
                role: None,
            });
            j += 2;
            continue;
        }
        if let Some(name) = name_at(text, span.start, lexicon).filter(|n| n.end == span.end) {
            out.push(Mention {
                name: text[name.clone()].to_string(),
                span: name,
                titles,
                role: None,
            });
        } else if let Some(m) = surname_post_given(text, span.clone(), lexicon) {
            out.push(m);
        } else if is_handle(word) || (piece.at_sign && is_mentioned_handle(word)) {
            out.push(Mention {
                name: word.to_string(),
                span,
                titles,
                role: None,
            });
        }
        j += 1;
    }
}

/// `丁局长育群`: a surname, a post, then the given name, as Taiwanese and Hong
/// Kong records name officials.
fn surname_post_given(text: &str, span: Range<usize>, lexicon: &PeopleLexicon) -> Option<Mention> {
    let word = &text[span.clone()];
    let surname = word.chars().next()?;
    if !lexicon.surnames.contains(surname) {
        return None;
    }
    let rest = &word[surname.len_utf8()..];
    let post = lexicon.post_starting(rest)?;
    let given = &rest[post.len()..];
    let n = given.chars().count();
    ((1..=2).contains(&n)
        && given
            .chars()
            .all(|c| is_han(c) && !lexicon.not_in_name.contains(c)))
    .then(|| Mention {
        name: format!("{surname}{given}"),
        span,
        titles: vec![post.to_string()],
        role: None,
    })
}

/// A Latin handle standing for a person in a list of attendees (`ZC@WorkGroup`).
fn is_handle(word: &str) -> bool {
    let n = word.len();
    (2..=32).contains(&n)
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '_' | '-'))
        && word.chars().any(|c| c.is_ascii_uppercase() || c == '@')
}

/// `@刘天栋`, `@steven`: a person mentioned with `@`, as chat and wiki tools
/// write members (and the Markdown reader writes a link to a member's
/// profile). An `@` after a letter or digit is an address's (`a@b.com`,
/// `ZC@WorkGroup`). The name is a surname and given name or a Latin handle.
fn at_mentions(text: &str, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    for at in memchr::memchr_iter(b'@', text.as_bytes()) {
        if full(out) {
            return;
        }
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let start = at + 1;
        let rest = &text[start..];
        let latin = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(rest.len());
        let handle = rest[..latin].trim_end_matches('.');
        let span = if is_mentioned_handle(handle) {
            start..start + handle.len()
        } else if let Some(name) = name_at(text, start, lexicon) {
            name
        } else {
            continue;
        };
        out.push(Mention {
            name: text[span.clone()].to_string(),
            span,
            titles: Vec::new(),
            role: None,
        });
    }
}

/// A Latin handle after `@` (`@steven`): the mark makes it a person's, in any case.
fn is_mentioned_handle(word: &str) -> bool {
    (2..=32).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Header words of a task table's column of responsible leaders.
const LEADER_COLUMNS: [&str; 4] = ["领导", "责任人", "负责人", "牵头人"];

/// Names in a task table's 牵头领导/责任领导 column: the leaders responsible for its rows.
fn table_mentions(analysis: &Analysis, lexicon: &PeopleLexicon, out: &mut Vec<Mention>) {
    let text = analysis.text();
    let mut column: Option<usize> = None;
    for line in analysis.lines().iter().cloned() {
        if full(out) {
            return;
        }
        let row = &text[line.clone()];
        if !crate::text::has_byte(row, b'\t') {
            column = None;
            continue;
        }
        let cells: Vec<&str> = row.split('\t').collect();
        if let Some(c) = cells
            .iter()
            .position(|cell| LEADER_COLUMNS.iter().any(|w| cell.trim().ends_with(w)))
        {
            column = Some(c);
            continue;
        }
        let Some(c) = column else { continue };
        let Some(cell) = cells.get(c) else { continue };
        let cell_start = line.start + cells[..c].iter().map(|x| x.len() + 1).sum::<usize>();
        let mut part_start = cell_start;
        for part in cell.split_inclusive(['、', '，', ',', ' ', '；']) {
            let piece = part.trim_end_matches(['、', '，', ',', ' ', '；']);
            let at = skip_spaces(text, part_start);
            if let Some(name) =
                name_at(text, at, lexicon).filter(|n| n.end == part_start + piece.len())
            {
                let mut m = mention(text, name, Vec::new());
                m.role = Some(Role::Responsible);
                out.push(m);
            }
            part_start += part.len();
        }
    }
}

/// Names in the leader column of a table flattened to one cell a line.
fn flat_table_mentions(analysis: &Analysis, out: &mut Vec<Mention>) {
    let text = analysis.text();
    let cells = analysis.flat_rows().iter().flat_map(|r| &r.cells);
    for (_, cell) in cells.filter(|(c, _)| *c == Column::Leader) {
        if full(out) {
            return;
        }
        let raw = &text[cell.clone()];
        let trimmed = raw.trim();
        let start = cell.start + raw.len() - raw.trim_start().len();
        out.push(Mention {
            // `周 斐`: a blank inside a two-character name is layout.
            name: trimmed.split_whitespace().collect(),
            span: start..start + trimmed.len(),
            titles: Vec::new(),
            role: Some(Role::Responsible),
        });
    }
}

/// Bare later mentions of known names: spans and the roles they show.
fn bare_mentions(text: &str, people: &mut [Person]) {
    // Spans already known are deduplicated later.
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    let found = crate::text::occurrences(text, &names, MENTIONS_MAX);
    for same in found.chunk_by(|a, b| a.0 == b.0) {
        let person = &mut people[same[0].0];
        for &(_, at) in same {
            let span = [at, at + person.name.len()];
            person.spans.push(span);
            if let Some(role) = role_after(text, span[1]) {
                add_role(person, role);
            }
        }
    }
}

/// The role a name's following words give it.
fn role_after(text: &str, end: usize) -> Option<Role> {
    let mut rest = &text[end..];
    // `王玉峰同志主持`, `李红分别参加`, `杨光荣在主持会议时`.
    for filler in ["同志", "等", "分别", "一同", "也", "在"] {
        rest = rest.strip_prefix(filler).unwrap_or(rest);
    }
    let starts = |words: &[&str]| words.iter().any(|w| rest.starts_with(w));
    if starts(&["主持", "召开", "组织召开", "召集"]) {
        Some(Role::Chair)
    } else if starts(&["出席", "参加", "列席"]) {
        Some(Role::Attendee)
    } else if starts(&["汇报", "关于", "作汇报", "通报"]) {
        Some(Role::Reporter)
    } else if starts(&["指出", "强调", "要求", "表示", "讲话", "说", "提出"]) {
        Some(Role::Speaker)
    } else if starts(&["负责", "牵头", "协助"]) {
        Some(Role::Responsible)
    } else {
        None
    }
}

/// The titles ending at `end`: `省政府副省长、市委书记` → both, in order.
fn title_chain(text: &str, end: usize, lexicon: &PeopleLexicon) -> Vec<Range<usize>> {
    let mut titles = Vec::new();
    let mut end = end;
    loop {
        let start = title_start(text, end);
        if start == end || lexicon.post_ending(&text[start..end]).is_none() {
            break;
        }
        titles.push(start..end);
        match text[..start].strip_suffix('、') {
            Some(before) => end = before.len(),
            None => break,
        }
    }
    titles.reverse();
    titles
}

/// Whether `before`, whose last character is `last`, ends with one of [`BEFORE_TITLE`]
/// (the cheap test on the last character first: this runs at every character
/// of a title's look-back).
fn ends_before_title(before: &str, last: char) -> bool {
    static LAST_CHARS: OnceLock<Vec<char>> = OnceLock::new();
    let last_chars = LAST_CHARS.get_or_init(|| {
        let mut chars: Vec<char> = BEFORE_TITLE
            .iter()
            .filter_map(|w| w.chars().last())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    last_chars.binary_search(&last).is_ok() && BEFORE_TITLE.iter().any(|w| before.ends_with(w))
}

/// Words that end before a title starts (`听取了` in `听取了市委常委…`).
const BEFORE_TITLE: [&str; 36] = [
    // Connectives that open a clause before its subject.
    "最后",
    "随后",
    "首先",
    "接着",
    "然后",
    "其后",
    "此外",
    "另外",
    "听取了",
    "听取",
    "会议由",
    "由",
    "主持召开",
    "召开",
    "主持",
    "出席",
    "参加",
    "列席",
    "陪同",
    "邀请",
    "会见",
    "指出",
    "强调",
    "要求",
    "会上",
    "会议",
    "期间",
    "其中",
    // `出席会议的有`, `参加的还有`: a list of those attending follows.
    "的有",
    "还有",
    "以及",
    "及",
    "与",
    "同",
    "向",
    "对",
];

/// Where the title ending at `end` starts: back over Han characters to a delimiter or a
/// word that precedes titles, at most 24 characters.
fn title_start(text: &str, end: usize) -> usize {
    let mut start = end;
    for (count, (at, c)) in text[..end].char_indices().rev().enumerate() {
        if count >= 24 || !is_han(c) {
            break;
        }
        if ends_before_title(&text[..at + c.len_utf8()], c) && at < start {
            // The word itself is not part of the title.
            break;
        }
        start = at;
    }
    start
}

/// The start of the clause ending at `at`, a post: after the last delimiter or
/// word that precedes names. `None` past [`UNIT_AND_NAME_MAX`] characters, which
/// no unit and name before a post reach.
fn clause_start(text: &str, at: usize) -> Option<usize> {
    let mut start = at;
    for (count, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if !is_han(c) || ends_before_title(&text[..i + c.len_utf8()], c) {
            return Some(start);
        }
        if count == UNIT_AND_NAME_MAX {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// The most characters a unit and a name before a post take (`县人民政府办公室王红梅`).
const UNIT_AND_NAME_MAX: usize = 40;

/// The start of a run of Han characters and `、` ending at `at`: where a bare
/// list of names may start, at most [`REACH`](crate::text::REACH) bytes back.
fn list_start(text: &str, at: usize) -> usize {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        if (!is_han(c) && c != '、') || at - i > crate::text::REACH {
            break;
        }
        start = i;
    }
    start
}

/// Like [`clause_start`] for a name right before `at`, at most four characters back.
fn clause_start_of_name(text: &str, at: usize) -> usize {
    let mut start = at;
    for (count, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if count >= 4 || !is_han(c) {
            break;
        }
        start = i;
    }
    start
}

/// A name starting at `at`: a surname and one or two given characters, the length decided
/// by what follows (a delimiter, a post, a following word) or, failing that, by segmentation.
fn name_at(text: &str, at: usize, lexicon: &PeopleLexicon) -> Option<Range<usize>> {
    let rest = text.get(at..)?;
    let surname_len = lexicon.compound_surnames.prefix_len(rest).or_else(|| {
        let c = rest.chars().next()?;
        lexicon.surnames.contains(c).then(|| c.len_utf8())
    })?;
    if lexicon
        .after_name
        .prefix_of(rest)
        .is_some_and(|w| w.chars().count() > 1)
        || lexicon.post_starting(rest).is_some()
    {
        return None;
    }
    let given: Vec<(usize, char)> = rest[surname_len..]
        .char_indices()
        .take(2)
        .take_while(|&(i, c)| {
            is_han(c)
                && (!lexicon.not_in_name.contains(c)
                    || (i == 0 && c == '和' && given_he(rest, surname_len, lexicon))
                    || (i > 0 && c == '于' && {
                        // `于` introduces a time or a place (`于5月召开`); one followed
                        // at once by `在` or a verb (`张中于在…主持`) ends a name.
                        let after = &rest[surname_len + i + c.len_utf8()..];
                        lexicon.after_name.starts(after)
                    }))
        })
        .collect();
    let end_with =
        |n: usize| at + surname_len + given[..n].iter().map(|(_, c)| c.len_utf8()).sum::<usize>();
    let name = match given.len() {
        0 => return None,
        1 => at..end_with(1),
        _ => {
            let short = end_with(1);
            let long = end_with(2);
            let short_ends = ends_name(text, short, lexicon);
            let long_ends = ends_name(text, long, lexicon);
            let end = match (short_ends, long_ends) {
                (true, false) => short,
                (false, true) => long,
                _ => segmented_end(text, at, short, long, lexicon),
            };
            at..end
        }
    };
    let word = &text[name.clone()];
    if lexicon.not_names.starts(word) {
        return None;
    }
    Some(name)
}

/// `刘和云、`: `和` opens a given name (it is no conjunction there) when a
/// third character that may end a name follows it, and a delimiter, a post or
/// a following word follows that (`刘和王强` is two people).
fn given_he(rest: &str, surname_len: usize, lexicon: &PeopleLexicon) -> bool {
    let after = &rest[surname_len + '和'.len_utf8()..];
    let mut chars = after.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    let tail = chars.as_str();
    is_han(c)
        && !lexicon.not_in_name.contains(c)
        && (tail.is_empty()
            || tail.starts_with(|t: char| !is_han(t))
            || lexicon
                .after_name
                .prefix_of(tail)
                .is_some_and(|w| w.chars().count() > 1)
            || lexicon.post_starting(tail).is_some())
}

/// Whether a name may end at `end`: what follows is a delimiter, a post or a following word.
fn ends_name(text: &str, end: usize, lexicon: &PeopleLexicon) -> bool {
    let rest = &text[end..];
    match rest.chars().next() {
        None => true,
        Some(c) if !is_han(c) => true,
        Some(_) => lexicon.after_name.starts(rest) || lexicon.post_starting(rest).is_some(),
    }
}

/// Stricter for bare lists: only a delimiter or a following word of more than one character.
fn ends_name_strictly(text: &str, end: usize, lexicon: &PeopleLexicon) -> bool {
    let rest = &text[end..];
    match rest.chars().next() {
        None => true,
        Some(c) if !is_han(c) => true,
        Some(_) => lexicon
            .after_name
            .prefix_of(rest)
            .is_some_and(|w| w.chars().count() > 1),
    }
}

/// Decides between a two- and a three-character name by how jieba cuts the text.
fn segmented_end(
    text: &str,
    at: usize,
    short: usize,
    long: usize,
    lexicon: &PeopleLexicon,
) -> usize {
    let window_end = text[long..]
        .char_indices()
        .nth(4)
        .map_or(text.len(), |(i, _)| long + i);
    let window = &text[at..window_end];
    // Short only when the third character starts a word running past the long name
    // (`李红分别`); otherwise a given name of two characters is the likelier reading.
    let word_after_short = lexicon
        .jieba
        .cut(window, true)
        .into_iter()
        .any(|t| at + t.byte_start == short && at + t.byte_end > long);
    if word_after_short { short } else { long }
}

/// Whether the mention is a byline or the source of speeches being studied.
fn is_studied_or_byline(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    // The last four characters.
    let tail_from = before.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let before_tail = &before[tail_from..];
    if BYLINES.iter().any(|b| before_tail.contains(b)) {
        return true;
    }
    let clause_from = crate::text::piece_start(text, start, &['，', '。', '；', '\n', ',']);
    let clause_to = crate::text::piece_end(text, end, &['，', '。', '；', '\n']);
    let clause_before = &text[clause_from..start];
    let clause_after = &text[end..clause_to];
    // `办公室主任宋佳记录`: who takes the minutes.
    if matches!(
        clause_after.trim(),
        "记录" | "负责记录" | "担任记录" | "作记录" | "做记录"
    ) {
        return true;
    }
    let speech_follows = SPEECH_WORDS
        .iter()
        .any(|w| crate::text::contains(clause_after, w));
    speech_follows
        && (STUDIED_CUES
            .iter()
            .any(|w| crate::text::contains(clause_before, w))
            || clause_after.starts_with("的讲话")
            || clause_after.starts_with("的重要"))
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches([' ', '\u{3000}']).len()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people_of(text: &str) -> Vec<Person> {
        find_people(&Analysis::new(text))
    }

    fn titles_of(people: &[Person], name: &str) -> Vec<String> {
        people
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {people:?}"))
            .titles
            .clone()
    }

    fn names(people: &[Person]) -> Vec<&str> {
        people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_list_introduced_by_those_attending_names_attendees() {
        let p = people_of("出席会议的有：市委副书记张伟，副市长李娜、王强同志等。");
        assert_eq!(names(&p), ["张伟", "李娜", "王强"]);
        assert!(p.iter().all(|x| x.roles == [Role::Attendee]));
        assert_eq!(titles_of(&p, "张伟"), ["市委副书记"]);
        let p = people_of("参加本次会议的还有张伟、李娜和王强。");
        assert_eq!(names(&p), ["张伟", "李娜", "王强"]);
        // The post's look-back stops at `的有`.
        let p = people_of("列席会议的有市公安局局长刘洋。");
        assert_eq!(titles_of(&p, "刘洋"), ["市公安局局长"]);
        // No attendance verb before `的有`: no list.
        assert!(people_of("我们的有张伟、李娜。").is_empty());
        // The list ends with its sentence.
        let p = people_of("参加会议的有张伟、李娜。王强说");
        assert_eq!(names(&p), ["张伟", "李娜"]);
    }

    #[test]
    fn a_bare_name_assigned_work_in_minutes_is_a_person() {
        let p =
            people_of("二、工作安排\n1. 王芳：完成数据标注，两周内完成。\n2. 郝强负责环境搭建。");
        assert_eq!(names(&p), ["王芳", "郝强"]);
        let p = people_of("会议决定，由郑海牵头期中检查。");
        assert_eq!(names(&p), ["郑海"]);
        let p = people_of("会议由赵刚主持。张伟出席并讲话，李娜强调：");
        assert_eq!(names(&p), ["赵刚", "张伟", "李娜"]);
        assert_eq!(p[0].roles, [Role::Chair]);
        // A surname and a post is no name.
        assert!(people_of("谢书记强调，").is_empty());
        // A common word opening the clause (`明确`, `任务`) is no name, and a
        // name inside a clause is not one assigned work.
        assert!(people_of("明确负责人。\n任务：完成标注。").is_empty());
        assert!(people_of("各单位要加强负责。").is_empty());
        // A colon after a name inside a clause is no assignment.
        assert!(people_of("会议指出张伟：完成").is_empty());
        let p = people_of("分工：宋冰晨、赵正阳——Web UI；沈一聪——反爬虫");
        assert_eq!(names(&p), ["宋冰晨", "赵正阳", "沈一聪"]);
    }

    #[test]
    fn mentions_past_the_most_read_are_not_read_and_the_cut_is_told() {
        let given = ['伟', '娜', '强', '洋', '静', '帆', '磊', '敏', '军', '杰'];
        let names: Vec<String> = (0..MENTIONS_MAX + 10)
            .map(|k| format!("张{}{}", given[k % 10], given[k / 10 % 10]))
            .collect();
        let text = format!("参加会议的有{}。", names.join("、"));
        let (people, cut) = find_people_noting_cut(&Analysis::new(&text));
        assert!(cut);
        assert_eq!(people.len(), 100);
        let (_, cut) = find_people_noting_cut(&Analysis::new("参加会议的有张伟、李娜。"));
        assert!(!cut);
    }

    #[test]
    fn yu_before_a_verb_ends_a_name_and_before_a_time_follows_it() {
        let p = people_of("5月12日，县委副书记、县长邵中于在县政府主持召开调度会议。");
        assert_eq!(names(&p), ["邵中于"]);
        let p = people_of("县长邵中于5月12日主持召开调度会议。");
        assert_eq!(names(&p), ["邵中"]);
    }

    #[test]
    fn a_name_between_its_unit_and_its_post_is_found_with_the_post() {
        let p = people_of("（一）关于期中考试安排。教务处汤雪梅主任通报了考试方案。");
        assert_eq!(names(&p), ["汤雪梅"]);
        assert_eq!(titles_of(&p, "汤雪梅"), ["主任"]);
        // Not after a word that names no unit.
        let p = people_of("会议请求汤雪梅主任通报。");
        assert!(!names(&p).contains(&"求汤雪梅"));
    }

    #[test]
    fn a_name_between_its_unit_and_a_verb_of_work_is_a_person() {
        let p = people_of(
            "（三）关于春季运动会。体育组柯洋负责制定运动会方案，教务处邝红梅汇报了报名情况。",
        );
        assert_eq!(names(&p), ["柯洋", "邝红梅"]);
        // `部门` is a word: `门有关` is no name.
        let p = people_of("各部门有关负责同志参加会议，各部门分别汇报了进展。");
        assert!(names(&p).is_empty(), "{p:?}");
    }

    #[test]
    fn who_takes_the_minutes_is_no_participant() {
        let p = people_of("会议由院长祁晓峰主持，副院长龙明参加会议，办公室主任辛佳记录。");
        assert_eq!(names(&p), ["祁晓峰", "龙明"]);
    }

    #[test]
    fn a_note_on_attendance_after_a_listed_name_is_not_a_title() {
        let p = people_of("参会人员：韦思远（后端）、龚娜（请假）、叶明（视频参会）\n");
        assert_eq!(titles_of(&p, "韦思远"), ["后端"]);
        assert!(titles_of(&p, "龚娜").is_empty());
        assert!(titles_of(&p, "叶明").is_empty());
    }

    #[test]
    fn title_chain_before_name() {
        let p = people_of("6月16日,省政府副省长、市委书记杨光荣主持召开市委办公会议。");
        assert_eq!(names(&p), ["杨光荣"]);
        assert_eq!(titles_of(&p, "杨光荣"), ["省政府副省长", "市委书记"]);
        assert_eq!(p[0].roles, [Role::Chair]);
        assert_eq!(p[0].spans, [[43, 52]]);
    }

    #[test]
    fn shared_title_and_lists() {
        let p = people_of("副县长朱勇、蔡春梅出席会议。市领导王玉峰、王波、李红分别参加会议。");
        assert_eq!(names(&p), ["朱勇", "蔡春梅", "王玉峰", "王波", "李红"]);
        assert_eq!(titles_of(&p, "蔡春梅"), ["副县长"]);
        assert!(titles_of(&p, "王波").is_empty());
    }

    #[test]
    fn title_after_name_and_in_parentheses() {
        let p =
            people_of("随后，王公理副主任对安全生产作了部署。主持：韩立群（市委常委、副市长）\n");
        assert_eq!(titles_of(&p, "王公理"), ["副主任"]);
        assert_eq!(titles_of(&p, "韩立群"), ["市委常委", "副市长"]);
    }

    #[test]
    fn name_length_follows_the_next_word() {
        let p = people_of(
            "陕西省发展改革委副主任、陕西省能源局局长何钟强调，区委副书记、代区长安文哲及区委各常委参加会议。",
        );
        assert_eq!(names(&p), ["何钟", "安文哲"]);
        assert_eq!(titles_of(&p, "安文哲"), ["区委副书记", "代区长"]);
    }

    #[test]
    fn bylines_and_studied_speeches_are_not_people() {
        let p = people_of(
            "会议传达学习了习近平总书记重要讲话精神。（记者 李文 通讯员 王芳）赵革书记的讲话站位高。",
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn attendance_covers_the_whole_sentence() {
        let p = people_of("市委常委、常务副市长林晓红，副市长周海涛、吴静出席会议。");
        assert!(p.iter().all(|p| p.roles == [Role::Attendee]), "{p:?}");
    }

    #[test]
    fn leaders_of_a_task_table() {
        let text = "序号\t工作任务\t牵头领导\t完成时限\n1\t选址论证\t林海\t8月底前\n2\t配套资金\t林海、欧阳立新\t年底前\n以上工作由副镇长林海负责。";
        let p = people_of(text);
        assert_eq!(names(&p), ["林海", "欧阳立新"]);
        assert_eq!(titles_of(&p, "林海"), ["副镇长"]);
        assert!(p[1].roles.contains(&Role::Responsible));
    }

    #[test]
    fn leaders_of_a_table_flattened_to_one_cell_a_line() {
        let text = "序号\n工作任务\n完成时限\n责任领导\n责任单位\n1\n新建健身广场2处。\n6月底\n韩 冰\n体育股\n\
                    2\n完成文物普查。\n10月底前\n文物股\n";
        let p = people_of(text);
        assert_eq!(names(&p), ["韩冰"]);
        assert!(p[0].roles.contains(&Role::Responsible));
    }

    #[test]
    fn header_names_on_the_lines_below() {
        let p = people_of("出席：\n副区长陆晓东、钱慧\n区政府党组成员孔德明\n列席：区住建局\n");
        assert_eq!(names(&p), ["陆晓东", "钱慧", "孔德明"]);
        assert!(p.iter().all(|p| p.roles == [Role::Attendee]), "{p:?}");
    }

    #[test]
    fn bare_list_of_attendees() {
        let p = people_of("会议还研究了其他事项。\n郭晓茹、关海涛、张萌参加会议。");
        assert_eq!(names(&p), ["郭晓茹", "关海涛", "张萌"]);
    }

    #[test]
    fn minutes_header() {
        let p = people_of(
            "主持：刘志远\n出席：副区长王建军、李明华，区政府党组成员、区政府办公室主任赵文斌\n2025年3月18日下午，区长刘志远主持召开会议。",
        );
        assert_eq!(names(&p), ["刘志远", "王建军", "李明华", "赵文斌"]);
        assert_eq!(titles_of(&p, "刘志远"), ["区长"]);
        assert_eq!(
            titles_of(&p, "赵文斌"),
            ["区政府党组成员", "区政府办公室主任"]
        );
        assert_eq!(p[1].roles, [Role::Attendee]);
    }

    #[test]
    fn header_fields_list_names_without_titles() {
        let p = people_of(
            "主席:丁局长育群\n参会：马锋旺 黄德宝 徐 炎 李春梅\n列席：李建明、郭媛媛同志\n记录人：王赵明\n",
        );
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "丁育群",
                "马锋旺",
                "黄德宝",
                "徐炎",
                "李春梅",
                "李建明",
                "郭媛媛"
            ]
        );
        assert_eq!(p[0].titles, ["局长"]);
        assert_eq!(p[0].roles, [Role::Chair]);
        assert!(p[1..].iter().all(|p| p.roles == [Role::Attendee]));
    }

    #[test]
    fn attendees_mentioned_with_an_at_sign() {
        let p = people_of("# 纪要\n4. 参会人：@刘天栋@梁尧@袁滚滚@steven\n参会：ZC@WorkGroup\n");
        assert_eq!(
            names(&p),
            ["刘天栋", "梁尧", "袁滚滚", "steven", "ZC@WorkGroup"]
        );
        assert!(p.iter().all(|p| p.roles == [Role::Attendee]));
    }

    #[test]
    fn members_mentioned_with_an_at_sign_in_the_text() {
        let p =
            people_of("欢迎新同学 @MarioLulab、@whisky-12 加入！请@夏小雅 跟进。邮件 a@b.com\n");
        assert_eq!(names(&p), ["MarioLulab", "whisky-12", "夏小雅"]);
    }

    #[test]
    fn a_conjunction_before_a_word_is_no_surname() {
        let p = people_of("由周敏副院长牵头，何静科长和护理部具体负责。和自兴同志出席。\n");
        let found: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert!(!found.contains(&"和护理"), "{found:?}");
        assert!(found.contains(&"和自兴"), "{found:?}");
    }

    #[test]
    fn a_post_between_surname_and_given_name_is_in_the_mention() {
        let text = "主席:丁局长育群\n";
        let p = people_of(text);
        assert_eq!(p[0].name, "丁育群");
        let [start, end] = p[0].spans[0];
        assert_eq!(&text[start..end], "丁局长育群");
        // 由 is a preposition after a name, never the given name itself.
        assert!(people_of("主持：郭书记由\n").is_empty());
    }

    #[test]
    fn a_markdown_list_of_attendees_with_notes() {
        let p = people_of("**与会人员:**\n*   石永昌 (PM/产品)\n*   ZC@WorkGroup (后端)\n\n正文");
        let found: Vec<(&str, Vec<String>)> = p
            .iter()
            .map(|p| (p.name.as_str(), p.titles.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("石永昌", vec!["PM/产品".to_string()]),
                ("ZC@WorkGroup", vec!["后端".to_string()])
            ]
        );
    }

    #[test]
    fn lists_after_a_leaders_word_and_subjects_after_connectives() {
        let p = people_of(
            "县长张建国主持召开会议，县政府领导刘海、张宏、陆明出席。最后李新华处长提出了要求。",
        );
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["张建国", "刘海", "张宏", "陆明", "李新华"]);
        assert_eq!(p[4].titles, ["处长"]);
    }

    #[test]
    fn he_opens_a_given_name_but_joins_two_people() {
        let p = people_of("校领导刘和云、刘铁铭出席会议。会议由校长刘和云主持。");
        assert_eq!(names(&p), ["刘和云", "刘铁铭"]);
        let p = people_of("副县长王强和李娜出席会议。");
        assert!(
            !names(&p).iter().any(|n| n.contains('和')),
            "{:?}",
            names(&p)
        );
    }

    #[test]
    fn common_words_are_no_names() {
        // `支部` (a party branch) and `宣传` (publicity) start with surnames.
        let lexicon = PeopleLexicon::get();
        for word in ["支部", "宣传", "部分"] {
            assert!(is_common_word(word, lexicon), "{word}");
        }
        for name in ["王艳", "徐炎", "马锋旺", "郝明珠"] {
            assert!(!is_common_word(name, lexicon), "{name}");
        }
    }
}
