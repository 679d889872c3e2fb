//! Problems the text states (`存在力度不够大、超常规举措不多等问题` → two problems).
//!
//! Four readings, each tuned to how reports and minutes phrase shortcomings:
//! * enumerations closed by a tail (`存在A、B等问题`, `A、B等方面问题`), one problem per item;
//! * statements whose predicate is a shortcoming (`资金到位滞后`, `12个项目未完成用地报批`),
//!   outside directives and conditions;
//! * fixing orders whose object is a concrete problem (`清理拖欠企业账款`);
//! * a `存在问题：…` label or a table column headed `存在问题`, split at `；`.
//!
//! The word lists live in `data/problems/` and are compiled once.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::words::{self, WordSet};
use crate::analysis::Analysis;
use crate::analysis::cues::{Cue, CueIndex, Cues};
use crate::record::Problem;

/// Finds every problem stated in `text`, one per item, in text order; `task` is left `None`
/// (the task extractor links problems to tasks).
pub(crate) fn find_problems(analysis: &Analysis) -> Vec<Problem> {
    let text = analysis.text();
    let cues = analysis.cues();
    let lex = lexicon();
    let mut found = Found::default();
    let mut column: Option<usize> = None;
    let lines: Vec<(usize, &str)> = crate::text::lines(text).collect();
    headed_sections(&lines, lex, &mut found);
    for &(offset, line) in &lines {
        if crate::text::has_byte(line, b'\t') {
            table_row(line, offset, &mut column, lex, &mut found);
        } else {
            column = None;
            labelled(line, offset, lex, &mut found);
            for (start, sentence) in pieces(line, SENTENCE_ENDS) {
                read_sentence(sentence, offset + start, cues, lex, &mut found);
            }
        }
    }
    let mut spans = found.spans;
    spans.sort_by_key(|r| (r.start, r.end));
    spans.dedup();
    spans
        .into_iter()
        .map(|r| Problem {
            text: text[r.clone()].to_string(),
            task: None,
            span: [r.start, r.end],
        })
        .collect()
}

/// Whether `s` is a label over a list of problems (`存在问题`, `困难和问题`).
pub(crate) fn is_label(s: &str) -> bool {
    lexicon().labels.contains(s)
}

/// The word lists, compiled.
struct Lexicon {
    tails: Regex,
    /// The count in a tail (`等四个问题`, `等12个突出问题`), to find the tail's word.
    tail_count: Regex,
    tails_needing_lead_in: HashSet<&'static str>,
    tails_naming_problem: HashSet<&'static str>,
    lead_ins: Regex,
    end_cues: Regex,
    mid_cues: Regex,
    directives: Regex,
    openers: WordSet,
    noun_openers: WordSet,
    prefixes: WordSet,
    generic_exact: HashSet<&'static str>,
    generic_within: Vec<&'static str>,
    fixes: Regex,
    fix_cues: Regex,
    labels: HashSet<&'static str>,
    label_statement: Regex,
    intro: Regex,
    list_label: Regex,
    hypothetical: Regex,
    remaining: Regex,
    placeholders: HashSet<&'static str>,
}

/// The words whose presence the index of a text's cues records: the cues of
/// `has_cue` and the fixing verbs.
pub(crate) fn cue_lists() -> Vec<(Cue, &'static [&'static str])> {
    static LISTS: OnceLock<[Vec<&'static str>; 4]> = OnceLock::new();
    let [end, mid, remaining, fixes] = LISTS.get_or_init(|| {
        [
            entries(include_str!("../../data/problems/end_cues.txt")).collect(),
            entries(include_str!("../../data/problems/mid_cues.txt")).collect(),
            REMAINING_WORDS.to_vec(),
            entries(include_str!("../../data/problems/fixes.txt")).collect(),
        ]
    });
    vec![
        (Cue::ProblemEnd, end.as_slice()),
        (Cue::ProblemMid, mid.as_slice()),
        (Cue::Remaining, remaining.as_slice()),
        (Cue::Fix, fixes.as_slice()),
    ]
}

/// Builds the word lists.
pub(crate) fn load() {
    lexicon();
}

/// `仍有约3200户使用橡胶软管`: a count of what is still not done.
const REMAINING: &str = r"(?:仍有|尚有|仍然有)约?[0-9一二三四五六七八九十两]";
/// The words `REMAINING` starts with.
const REMAINING_WORDS: &[&str] = &["仍有", "尚有", "仍然有"];

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let tail_lines: Vec<&str> = entries(include_str!("../../data/problems/tails.txt")).collect();
        let bare = |l: &'static str| l.trim_start_matches(['!', '+']);
        let generic: Vec<&str> = entries(include_str!("../../data/problems/generic.txt")).collect();
        let labels: Vec<&str> = entries(include_str!("../../data/problems/labels.txt")).collect();
        Lexicon {
            tails: counted_tails(tail_lines.iter().map(|l| bare(l))),
            tail_count: Regex::new(&format!("^等({TAIL_COUNT})")).expect("count pattern"),
            tails_needing_lead_in: tail_lines
                .iter()
                .filter(|l| l.starts_with('!'))
                .map(|l| bare(l))
                .collect(),
            tails_naming_problem: tail_lines
                .iter()
                .filter(|l| l.starts_with('+'))
                .map(|l| bare(l))
                .collect(),
            lead_ins: alternation(entries(include_str!("../../data/problems/lead_ins.txt"))),
            end_cues: alternation(entries(include_str!("../../data/problems/end_cues.txt"))),
            mid_cues: alternation(entries(include_str!("../../data/problems/mid_cues.txt"))),
            directives: alternation(entries(include_str!("../../data/problems/directives.txt"))),
            openers: WordSet::new(openers().filter(|o| !o.starts_with('~'))),
            noun_openers: WordSet::new(openers().filter_map(|o| o.strip_prefix('~'))),
            prefixes: WordSet::new(entries(include_str!("../../data/problems/prefixes.txt"))),
            generic_exact: generic.iter().filter(|g| !g.starts_with('~')).copied().collect(),
            generic_within: generic
                .iter()
                .filter_map(|g| g.strip_prefix('~'))
                .collect(),
            fixes: alternation(entries(include_str!("../../data/problems/fixes.txt"))),
            fix_cues: alternation(entries(include_str!("../../data/problems/fix_cues.txt"))),
            label_statement: Regex::new(&format!(
                "(?:{})(?:[：:]|是)",
                words::alternation(labels.iter().copied())
            ))
            .expect("escaped label alternation"),
            labels: labels.into_iter().collect(),
            // `存在以下问题：`, `问题主要表现在：` open a list of problems.
            intro: Regex::new(
                r"(?:存在|面临)着?(?:以下|如下|一些|几个|不少|诸多|[两三四五六七八九几]个?方面的?)?(?:问题|不足|困难|短板)(?:和不足|和困难)?[：:]|(?:问题|不足)主要(?:是|有|表现在|体现在)[：:]?",
            )
            .expect("valid intro pattern"),
            remaining: Regex::new(REMAINING).expect("valid remaining pattern"),
            hypothetical: alternation(entries(include_str!("../../data/problems/hypothetical.txt"))),
            list_label: Regex::new(
                r"^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|[0-9]{1,2}[、．])",
            )
            .expect("valid list-label pattern"),
            placeholders: entries(include_str!("../../data/problems/placeholders.txt")).collect(),
        }
    })
}

fn openers() -> impl Iterator<Item = &'static str> {
    entries(include_str!("../../data/problems/openers.txt"))
}

/// Non-empty, non-comment lines of a word list.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A count or a qualifier between `等` and what it closes: `等四个问题`,
/// `等12个突出问题`, `等突出问题`.
const TAIL_COUNT: &str = r"(?:[0-9一二三四五六七八九十两几多]{1,3}(?:个|项|类|条|大))?(?:方面)?(?:突出|主要|重点|重大|具体)|[0-9一二三四五六七八九十两几多]{1,3}(?:个|项|类|条|大)(?:方面)?";

/// The tails as one pattern, each `等…` also with a count after `等`.
fn counted_tails<'a>(words: impl Iterator<Item = &'a str>) -> Regex {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| match w.strip_prefix('等') {
            Some(rest) => format!("等(?:{TAIL_COUNT})?{}", regex::escape(rest)),
            None => regex::escape(w),
        })
        .collect();
    Regex::new(&alternatives.join("|")).expect("escaped word alternation")
}

fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> Regex {
    Regex::new(&words::alternation(words)).expect("escaped word alternation")
}

/// Problem spans found so far, and the stretches already read as enumerations or labels.
#[derive(Default)]
struct Found {
    spans: Vec<Range<usize>>,
    /// Disjoint stretches, keyed by start, so that an overlap test is one lookup.
    covered: BTreeMap<usize, usize>,
}

impl Found {
    fn overlaps(&self, r: &Range<usize>) -> bool {
        // Disjoint stretches: only the last one starting before `r` ends can reach into it.
        self.covered
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    fn cover(&mut self, r: Range<usize>) {
        if !self.overlaps(&r) {
            self.covered.insert(r.start, r.end);
        }
    }
}

/// Sentence ends.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?'];
/// Clause ends: the sentence ends and the marks inside a sentence.
const CLAUSE_ENDS: &[char] = &['。', '！', '？', '!', '?', '，', ',', '；', ';', '：', ':'];

fn is_clause_end(c: char) -> bool {
    CLAUSE_ENDS.contains(&c)
}

/// Splits `s` at the characters `seps`, giving each trimmed, non-empty piece with its
/// byte offset in `s`.
fn pieces<'s>(s: &'s str, seps: &[char]) -> impl Iterator<Item = (usize, &'s str)> {
    let mut start = 0;
    let mut out = Vec::new();
    for (i, len) in crate::text::separators(s, seps) {
        out.push((start, &s[start..i]));
        start = i + len;
    }
    out.push((start, &s[start..]));
    out.into_iter().filter_map(|(at, p)| {
        let lead = p.len() - p.trim_start().len();
        let t = p.trim();
        (!t.is_empty()).then_some((at + lead, t))
    })
}

fn read_sentence(sentence: &str, base: usize, cues: &CueIndex, lex: &Lexicon, found: &mut Found) {
    enumerations(sentence, base, lex, found);
    // Most sentences hold neither a fixing verb nor a cue (any of `has_cue`), and so no
    // clause of theirs can be read as an order to fix or a statement of a shortcoming.
    let span = base..base + sentence.len();
    let fixing = cues.any(span.clone(), Cues::of(&[Cue::Fix]));
    let cued = cues.any(span.clone(), Cues::of(&[Cue::ProblemEnd, Cue::ProblemMid]))
        || (cues.any(span, Cues::of(&[Cue::Remaining])) && lex.remaining.is_match(sentence));
    if !fixing && !cued {
        return;
    }
    let clauses: Vec<(usize, &str)> = pieces(sentence, CLAUSE_ENDS).collect();
    // `会议要求，…` / `议定：…`: the whole sentence is an order.
    let mut ordered = clauses.first().is_some_and(|(_, c)| {
        ["要求", "议定", "决定", "部署", "指示"]
            .iter()
            .any(|w| c.ends_with(w))
    });
    for &(start, clause) in &clauses {
        if fixing {
            fixing_order(clause, base + start, lex, found);
        }
        if !cued {
            continue;
        }
        // An order runs on over the clauses after it (`要聚焦…，整治…`) until a contrast.
        if ["但", "目前", "当前"].iter().any(|w| clause.starts_with(w)) {
            ordered = false;
        }
        if !ordered {
            statement(clause, base + start, lex, found);
        }
        ordered = ordered || is_directive(clause, lex);
    }
}

/// `存在问题：A；B`, `存在以下问题：一是A。二是B。` — the label's content, one problem per
/// part; numbered sentences after the first carry the list on.
fn labelled(line: &str, base: usize, lex: &Lexicon, found: &mut Found) {
    let Some(m) = lex
        .label_statement
        .find(line)
        .or_else(|| lex.intro.find(line))
    else {
        return;
    };
    let mut end = m.end();
    for (k, (s0, sentence)) in pieces(&line[m.end()..], SENTENCE_ENDS).enumerate() {
        if k > 0 && !lex.list_label.is_match(sentence) {
            break;
        }
        label_content(sentence, base + m.end() + s0, lex, found);
        end = m.end() + s0 + sentence.len();
    }
    found.cover(base + m.start()..base + end);
}

/// One sentence of a label's content, one problem per `；`-part.
fn label_content(sentence: &str, base: usize, lex: &Lexicon, found: &mut Found) {
    for (start, part) in pieces(sentence, &['；', ';']) {
        let (s, part) = strip_prefixes(part, lex);
        let at = base + start + s;
        // `资金缺口大、专业人才不足`: split only where each item states a shortcoming.
        let items: Vec<(usize, &str)> = pieces(part, &['、', '，', ',']).collect();
        let items = if items.len() >= 2 && items.iter().all(|(_, p)| has_cue(p, lex)) {
            items
        } else {
            vec![(0, part)]
        };
        for (is, p) in items {
            let (ss, p) = strip_prefixes(p, lex);
            if p.chars().count() >= 2 && !lex.placeholders.contains(p) {
                found.spans.push(at + is + ss..at + is + ss + p.len());
            }
        }
    }
}

/// The most lines read under one heading of problems.
const SECTION_LINES_MAX: usize = 30;

/// `三、存在问题` alone on its line, then its body: the minutes' section of
/// shortcomings. Each sentence of each line under it is read as a label's
/// content, to the next heading numbered as it is (or, under a heading
/// without a number, the next numbered `一、` heading), a Markdown heading,
/// a label line (`行动项：`), an unnumbered line under an unnumbered heading
/// that states no shortcoming, or [`SECTION_LINES_MAX`] lines.
fn headed_sections(lines: &[(usize, &str)], lex: &Lexicon, found: &mut Found) {
    for (k, &(_, line)) in lines.iter().enumerate() {
        let marker_len = crate::text::list_marker_len(line);
        let head = line[marker_len..]
            .trim()
            .trim_start_matches('#')
            .trim_matches(|c: char| matches!(c, '*' | ' ' | '：' | ':'));
        if !lex.labels.contains(head) {
            continue;
        }
        let family = marker_family(&line[..marker_len]);
        for &(offset, body) in lines[k + 1..].iter().take(SECTION_LINES_MAX) {
            let body_marker = crate::text::list_marker_len(body);
            let body_family = marker_family(&body[..body_marker]);
            let label = body.trim().trim_end_matches(['：', ':']);
            let ends = body.trim_start().starts_with('#')
                // Another label of its own (`行动项：`).
                || (label.len() < body.trim().len() && label.chars().count() <= 10)
                || (body_marker > 0
                    && if family.is_empty() {
                        body_family == "一、"
                    } else {
                        body_family == family
                    });
            // With no numbers to show the section's end, a line stating no
            // shortcoming ends it (a heading a reader left unmarked: `行动项`).
            let unmarked_end = family.is_empty() && body_marker == 0 && !has_cue(body, lex);
            if ends || unmarked_end {
                break;
            }
            if crate::text::has_byte(body, b'\t') || found.overlaps(&(offset..offset + body.len()))
            {
                continue;
            }
            let start = offset + body_marker;
            for (s0, sentence) in pieces(&body[body_marker..], SENTENCE_ENDS) {
                label_content(sentence, start + s0, lex, found);
            }
            found.cover(offset..offset + body.len());
        }
    }
}

/// A list marker's kind: its numbers written as one `0` or `一` (`（三）` and
/// `（一）` are one kind, `12.` and `3.` another); empty for none.
pub(crate) fn marker_family(marker: &str) -> String {
    let mut out = String::new();
    for c in marker.trim().chars() {
        let c = match c {
            '0'..='9' => '0',
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => '一',
            '①'..='⑳' => '①',
            c => c,
        };
        if !(out.ends_with(c) && matches!(c, '0' | '一' | '①')) {
            out.push(c);
        }
    }
    out
}

/// `存在A、B等问题` and its kin: one problem per item.
fn enumerations(sentence: &str, base: usize, lex: &Lexicon, found: &mut Found) {
    // A list starts after the previous tail at the earliest; this also keeps the scan linear.
    let mut floor = 0;
    for tail in lex.tails.find_iter(sentence) {
        // The tail's word, without a count in it.
        let word = match lex
            .tail_count
            .captures(tail.as_str())
            .and_then(|c| c.get(1))
        {
            Some(count) => {
                let t = tail.as_str();
                format!("等{}", &t[count.end()..])
            }
            None => tail.as_str().to_string(),
        };
        let prev_floor = std::mem::replace(&mut floor, tail.end());
        // `存在…等问题的单位` names units by their problems: a condition, not a statement.
        if sentence[tail.end()..].starts_with('的') {
            continue;
        }
        let seg_start = sentence[prev_floor..tail.start()]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_end(c))
            .map_or(prev_floor, |(i, c)| prev_floor + i + c.len_utf8());
        let seg = &sentence[seg_start..tail.start()];
        if found.overlaps(&(base + seg_start..base + tail.end())) || lex.hypothetical.is_match(seg)
        {
            continue;
        }
        let lead = lex.lead_ins.find_iter(seg).last();
        let mut start = match lead {
            Some(l) => seg_start + l.end(),
            None if lex.tails_needing_lead_in.contains(word.as_str()) => continue,
            None => seg_start,
        };
        // `着力解决A、B等问题`, `针对企业反映的A、B等问题`: the list starts after the
        // fixing verb or the modifier, which belong to every item.
        if lead.is_none() {
            let first = sentence[start..tail.start()]
                .split('、')
                .next()
                .unwrap_or_default();
            if let Some(f) = lex.fixes.find_iter(first).last() {
                start += f.end();
            }
            let first = sentence[start..tail.start()]
                .split('、')
                .next()
                .unwrap_or_default();
            if let Some(i) = first.rfind('的') {
                start += i + '的'.len_utf8();
            }
        }
        let region = &sentence[start..tail.start()];
        // `存在的问题`, `面临的挑战等问题`: a bare mention.
        if region.trim().is_empty() || region.starts_with('的') {
            continue;
        }
        let mut items = Vec::new();
        let mut at = start;
        for part in region.split('、') {
            let (s, p) = strip_prefixes(part.trim(), lex);
            let lead_ws = part.len() - part.trim_start().len();
            if !p.is_empty() {
                items.push((at + lead_ws + s, p));
            }
            at += part.len() + '、'.len_utf8();
        }
        if items.is_empty() || items.iter().any(|(_, p)| is_generic(p, lex)) {
            continue;
        }
        let names_problem = lex.tails_naming_problem.contains(word.as_str());
        let cued = items.iter().any(|(_, p)| has_cue(p, lex));
        if lead.is_none() && !cued && !names_problem {
            continue;
        }
        let bare_nouns = !cued && items.iter().all(|(_, p)| p.chars().count() <= 3);
        if bare_nouns {
            // `土地、资金等瓶颈制约`: the items mean nothing without the tail.
            if names_problem {
                found.spans.push(base + items[0].0..base + tail.end());
            }
        } else {
            for (s, p) in items {
                found.spans.push(base + s..base + s + p.len());
            }
        }
        found.cover(base + seg_start..base + tail.end());
    }
}

/// A clause whose predicate states a shortcoming: `部分项目施工力量投入不足、资金到位滞后`.
fn statement(clause: &str, base: usize, lex: &Lexicon, found: &mut Found) {
    let (s, c) = strip_prefixes(clause, lex);
    let at = base + s;
    // `排查发现的…` reports findings; `排查…` alone orders a check.
    let opens = |n: usize| !c[n..].starts_with("发现");
    if found.overlaps(&(at..at + c.len()))
        || lex.openers.prefix_lens(c).any(opens)
        || (lex.noun_openers.prefix_lens(c).any(opens) && !ends_with_cue(c, lex))
        || is_directive(c, lex)
        // `重视解决…困难` orders a fix; a clause-initial verb is left to the opener lists.
        || lex.fixes.find_iter(c).any(|m| m.start() > 0)
        || names_problems_only(c)
        // `如果依赖的数据不存在`, `可能存在依赖`: a condition or a possibility, not a finding.
        || lex.hypothetical.is_match(c)
    {
        return;
    }
    let parts: Vec<(usize, &str)> = pieces(c, &['、']).collect();
    if parts.len() >= 2 && parts.iter().all(|(_, p)| has_cue(p, lex)) {
        for (ps, p) in parts {
            let (ss, p) = strip_prefixes(p, lex);
            found.spans.push(at + ps + ss..at + ps + ss + p.len());
        }
    } else if has_cue(c, lex) && !is_generic(c, lex) {
        found.spans.push(at..at + c.len());
    }
}

/// `清理拖欠企业账款`, `解决好拖欠企业账款和农民工工资问题`: the object of a fixing verb
/// when it names a concrete problem.
fn fixing_order(clause: &str, base: usize, lex: &Lexicon, found: &mut Found) {
    let Some(verb) = lex.fixes.find(clause) else {
        return;
    };
    let object = &clause[verb.end()..];
    let object = object.strip_suffix("问题").unwrap_or(object);
    // `解决存在的问题`, `补齐产业项目建设的最大短板`: generic, whatever the noun; a list
    // closed by `等` is read as an enumeration.
    if object.contains(['的', '等']) {
        return;
    }
    let at = base + verb.end();
    if found.overlaps(&(at..at + object.len())) {
        return;
    }
    for (ps, piece) in pieces(object, &['、']) {
        // `破解发展难题、补齐民生短板`: each order names its own object.
        let (vs, piece) = match lex.fixes.find(piece) {
            Some(v) if v.start() == 0 => (v.end(), &piece[v.end()..]),
            _ => (0, piece),
        };
        let Some(cue) = lex.fix_cues.find(piece) else {
            continue;
        };
        if matches!(cue.as_str(), "短板" | "瓶颈") && piece[..cue.start()].chars().count() < 4 {
            continue;
        }
        // `拖欠企业账款和农民工工资`: the cue governs both.
        for (s, p) in pieces(piece, &['和', '及']) {
            if p.chars().count() >= 3 {
                let from = at + ps + vs + s;
                found.spans.push(from..from + p.len());
            }
        }
    }
}

/// A table row: under a `存在问题` header, the column's cell, split at `；`.
fn table_row(
    line: &str,
    base: usize,
    column: &mut Option<usize>,
    lex: &Lexicon,
    found: &mut Found,
) {
    let mut at = 0;
    let mut cells = Vec::new();
    for cell in line.split('\t') {
        cells.push((at, cell));
        at += cell.len() + 1;
    }
    if let Some(i) = cells
        .iter()
        .position(|(_, c)| lex.labels.contains(c.trim()))
    {
        *column = Some(i);
        return;
    }
    // Other cells (progress notes) may still list problems: `但存在A、B等问题`.
    for (i, &(start, cell)) in cells.iter().enumerate() {
        if Some(i) != *column {
            for (s, sentence) in pieces(cell, SENTENCE_ENDS) {
                enumerations(sentence, base + start + s, lex, found);
            }
        }
    }
    let Some(&(start, cell)) = column.and_then(|i| cells.get(i)) else {
        return;
    };
    for (ps, p) in pieces(cell, &['；', ';', '。']) {
        let (s, p) = strip_prefixes(p, lex);
        if !p.is_empty() && !lex.placeholders.contains(p) {
            let at = base + start + ps + s;
            found.spans.push(at..at + p.len());
        }
    }
}

/// Drops a list label (`（一）`, `一是`) and leading connectives (`但`, `目前`), returning the
/// byte offset of what is left.
fn strip_prefixes<'a>(s: &'a str, lex: &Lexicon) -> (usize, &'a str) {
    // Stray separators at the edges (`、拖欠…`) belong to no item.
    let sep = |c: char| matches!(c, '、' | '，' | ',' | '：' | ':') || c.is_whitespace();
    let s = s.trim_end_matches(sep);
    let mut rest = s.trim_start_matches(sep);
    if let Some(m) = lex.list_label.find(rest) {
        rest = rest[m.end()..].trim_start_matches(sep);
    } else {
        // `2.支付接口…`, `-测试环境…`, `①…`: a list's number or bullet (not the
        // start of a figure such as `1.2万户`).
        let n = crate::text::list_marker_len(rest);
        if n > 0 && !rest[n..].starts_with(|c: char| c.is_ascii_digit()) {
            rest = rest[n..].trim_start_matches(sep);
        }
    }
    while let Some(n) = lex.prefixes.prefix_len(rest) {
        rest = rest[n..].trim_start_matches(sep);
    }
    // `rest` is a suffix of the end-trimmed `s`, which starts where the caller's text does.
    (s.len() - rest.len(), rest)
}

/// Words that name problems without saying what they are.
const PROBLEM_NOUNS: [&str; 10] = [
    "问题", "不足", "困难", "短板", "差距", "和", "与", "及", "以及", "等",
];

/// Whether what a clause says exists is problems in general (`指出了工作中存在的
/// 问题和不足`, `介绍…存在的问题与困难`): a bare mention.
fn names_problems_only(clause: &str) -> bool {
    let Some(at) = clause.rfind("存在") else {
        return false;
    };
    let mut rest = clause[at + "存在".len()..]
        .trim_start_matches('的')
        .trim_end_matches(is_clause_end);
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match PROBLEM_NOUNS.iter().find(|w| rest.starts_with(**w)) {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    true
}

fn is_generic(s: &str, lex: &Lexicon) -> bool {
    lex.generic_exact.contains(s) || lex.generic_within.iter().any(|g| s.contains(g))
}

/// An order: a directive word, or `要` outside 主要, 重要, 纪要 and the like.
fn is_directive(s: &str, lex: &Lexicon) -> bool {
    // `扶贫资金管理需加强`, `力度还需加大`: what still needs doing is a shortcoming
    // stated, not an order.
    let needed = |start: usize| {
        ["需", "待", "需要", "还需", "仍需", "有待", "亟待", "亟需"]
            .iter()
            .any(|w| s[..start].ends_with(w))
    };
    if lex.directives.find_iter(s).any(|m| !needed(m.start())) {
        return true;
    }
    crate::text::find_iter(s, "要").any(|i| {
        let before = s[..i].chars().next_back();
        let after = s[i + '要'.len_utf8()..].chars().next();
        let in_word = matches!(before, Some('主' | '重' | '纪' | '摘' | '提' | '需' | '只'))
            || matches!(after, Some('素' | '点' | '件'));
        // `对…的要求落实不到位`: a requirement named, not one given.
        let named = before == Some('的') && after == Some('求');
        !in_word && !named
    })
}

/// Whether a shortcoming predicate closes `s` (after a `不` cue up to two more characters).
fn ends_with_cue(s: &str, lex: &Lexicon) -> bool {
    lex.end_cues.find_iter(s).any(|m| {
        let rest = &s[m.end()..];
        let allowed = if m.as_str().starts_with('不') { 2 } else { 0 };
        !rest.starts_with('的') && (rest.chars().nth(allowed).is_none() || is_measure(rest))
    })
}

/// How far a shortfall goes, closing its clause (`滞后约20天`, `落后3个百分点`).
fn is_measure(s: &str) -> bool {
    let s = s
        .strip_prefix('约')
        .or_else(|| s.strip_prefix("了"))
        .unwrap_or(s);
    let unit = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || "一二三四五六七八九十两百半".contains(c)
    });
    unit.len() < s.len()
        && ["天", "日", "周", "个月", "个工作日", "个百分点", "%", "％"].contains(&unit)
}

/// What a shortfall is measured against when `低于` states one.
const BELOW_WHAT: [&str; 8] = [
    "进度", "平均", "预期", "目标", "计划", "全省", "全市", "同期",
];

/// Whether `s` states a shortcoming: a closing predicate (`滞后`; after a `不` cue up to two more
/// characters, `不够大`), or a cue anywhere (`未完成`), never one that modifies a noun (`滞后的`).
fn has_cue(s: &str, lex: &Lexicon) -> bool {
    ends_with_cue(s, lex)
        || lex.remaining.is_match(s)
        || lex.mid_cues.find_iter(s).any(|m| {
            let rest = &s[m.end()..];
            if rest.starts_with('的') || rest.is_empty() {
                return false;
            }
            // `低于全省平均水平` falls short; `低于国家标准` (pollution, prices) may be good news.
            if m.as_str() == "低于" {
                return BELOW_WHAT.iter().any(|w| rest.contains(w));
            }
            // `存在` needs content of its own: not `存在问题`, `存在一些不足`.
            m.as_str() != "存在"
                || ![
                    "问题", "一些", "不少", "诸多", "不足", "困难", "短板", "着", "差距", "一定",
                ]
                .iter()
                .any(|g| rest.starts_with(g))
        })
}

#[cfg(test)]
mod tests {
    use super::find_problems;
    use crate::analysis::Analysis;

    /// The problems found in `text`, checking that each span holds exactly its text.
    fn found(text: &str) -> Vec<String> {
        find_problems(&Analysis::new(text))
            .into_iter()
            .map(|p| {
                assert_eq!(&text[p.span[0]..p.span[1]], p.text, "span of {:?}", p.text);
                let edge = |c: char| "、，。；：".contains(c) || c.is_whitespace();
                assert!(
                    !p.text.is_empty() && !p.text.starts_with(edge) && !p.text.ends_with(edge),
                    "ragged {:?}",
                    p.text
                );
                assert_eq!(p.task, None);
                p.text
            })
            .collect()
    }

    /// Asserts the problems found and that each span is where the text first occurs.
    fn assert_found(text: &str, want: &[&str]) {
        let problems = find_problems(&Analysis::new(text));
        let got: Vec<&str> = problems.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, want, "in {text:?}");
        for (p, w) in problems.iter().zip(want) {
            let start = text.find(w).expect("wanted text occurs");
            assert_eq!(p.span, [start, start + w.len()], "span of {w:?}");
        }
    }

    #[test]
    fn a_problem_that_returns_is_a_shortcoming() {
        assert_found(
            "当前部分乡镇违法占地问题反弹，餐桌浪费现象回潮。",
            &["部分乡镇违法占地问题反弹", "餐桌浪费现象回潮"],
        );
    }

    #[test]
    fn a_count_inside_the_tail() {
        assert_found(
            "镇长提出了进度不平衡、整治标准不够高和长效机制不够完善等三个问题，要求各村抓好整改。",
            &["进度不平衡", "整治标准不够高和长效机制不够完善"],
        );
        assert_found(
            "结合当前亟待解决的路灯破损严重、占道经营十分突出等12个突出问题。",
            &["路灯破损严重", "占道经营十分突出"],
        );
    }

    #[test]
    fn shortcomings_stated_and_listed_in_a_directive() {
        assert_found(
            "会议指出，安全生产领域风险苗头凸显，交通事故接连发生。",
            &["安全生产领域风险苗头凸显", "交通事故接连发生"],
        );
        assert_found(
            "会议要求，要着力解决农民工工资拖欠、学校周边交通拥堵等突出问题。",
            &["农民工工资拖欠", "学校周边交通拥堵"],
        );
    }

    #[test]
    fn problems_in_general_are_a_bare_mention() {
        assert_found("会议在肯定成绩的同时指出了工作中存在的问题和不足。", &[]);
        assert_found("各负责人依次介绍进展、下一步打算及存在的问题与困难。", &[]);
    }

    #[test]
    fn enumeration_closed_by_a_tail() {
        assert_found(
            "会议指出，今年以来全区重点项目推进有序，但仍存在要素保障不够有力、部分项目开工率偏低等问题。",
            &["要素保障不够有力", "部分项目开工率偏低"],
        );
        assert_found(
            "经排查，部分老旧管线存在锈蚀老化、违规占压等隐患；",
            &["锈蚀老化", "违规占压"],
        );
        assert_found(
            "要认真对待监管责任传导不畅、隐患整治不够彻底等方面问题，逐项整改。",
            &["监管责任传导不畅", "隐患整治不够彻底"],
        );
    }

    #[test]
    fn enumeration_after_a_fixing_verb_or_modifier() {
        assert_found(
            "各地要针对商户反映的摊位费偏高、办证周期偏长等问题，拿出务实举措。",
            &["摊位费偏高", "办证周期偏长"],
        );
    }

    #[test]
    fn hypothetical_lists_are_not_problems() {
        for text in [
            "要坚决防止出现责任落实不到位、整改推进不力等问题。",
            "严禁出现虚报进度、数据造假等情况。",
            "后端提出，字典之间可能存在依赖。",
            "如果配套资金不到位，将顺延开工。",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "in {text:?}");
        }
    }

    #[test]
    fn enumeration_of_bare_nouns_is_one_problem() {
        assert_found(
            "要合力攻坚，着力破解用地、能耗等瓶颈制约。",
            &["用地、能耗等瓶颈制约"],
        );
    }

    #[test]
    fn shortcoming_statements() {
        assert_found(
            "他指出，多数项目进展顺利，但也有个别单位主动性不强、没有按时完成整改任务，望各单位引以为戒。",
            &["个别单位主动性不强", "没有按时完成整改任务"],
        );
        assert_found(
            "会议通报，截至9月底，全县完成投资低于时序进度3个百分点，8个项目未完成环评审批，部分项目资金到位滞后。",
            &[
                "全县完成投资低于时序进度3个百分点",
                "8个项目未完成环评审批",
                "部分项目资金到位滞后",
            ],
        );
        assert_found(
            "会议指出，目前部分乡镇网格员配备不足，甚至依然存在推诿扯皮的现象。",
            &["部分乡镇网格员配备不足", "推诿扯皮"],
        );
        assert_found("（一）项目前期工作滞后。", &["项目前期工作滞后"]);
        // A verb that names work as a noun opens a statement when the shortcoming closes it.
        assert_found(
            "但整治标准不统一，推进速度缓慢，完成量较序时进度慢3个百分点。",
            &[
                "整治标准不统一",
                "推进速度缓慢",
                "完成量较序时进度慢3个百分点",
            ],
        );
    }

    #[test]
    fn labelled_statement() {
        assert_found(
            "存在问题：审批环节偏多；部门协同不畅。",
            &["审批环节偏多", "部门协同不畅"],
        );
        assert_found(
            "主要问题是资金缺口大、专业人才不足。",
            &["资金缺口大", "专业人才不足"],
        );
        assert_found(
            "工作中还存在一些问题：一是配套资金到位慢；二是村民参与度不高。三是部分点位保洁不及时。会议要求，各镇要抓紧整改。",
            &["配套资金到位慢", "村民参与度不高", "部分点位保洁不及时"],
        );
    }

    #[test]
    fn counts_of_work_still_undone() {
        assert_found(
            "会议指出，全镇仍有约400户使用旱厕，改厕资金来源尚未落实。",
            &["全镇仍有约400户使用旱厕", "改厕资金来源尚未落实"],
        );
    }

    #[test]
    fn table_column_headed_existing_problems() {
        let text = "序号\t督办事项\t完成时限\t进展情况\t存在问题\n\
                    1\t河道清淤\t6月底前\t完成70%\t淤泥外运场地不足\n\
                    2\t路灯改造\t年底前\t已完工\t—\n\
                    3\t污水管网\t9月底前\t完成40%\t管材价格上涨；施工许可办理较慢\n\
                    会后各单位按时报送进展。";
        assert_found(
            text,
            &["淤泥外运场地不足", "管材价格上涨", "施工许可办理较慢"],
        );
    }

    #[test]
    fn fixing_order_with_concrete_object() {
        assert_found("加紧清理拖欠中小企业账款。", &["拖欠中小企业账款"]);
        assert_found(
            "要加快补齐城乡供水应急保障设施短板。",
            &["城乡供水应急保障设施短板"],
        );
        assert_found(
            "解决好拖欠工程款和农民工工资问题。",
            &["拖欠工程款", "农民工工资"],
        );
    }

    #[test]
    fn bare_mentions_are_not_problems() {
        for text in [
            "各项目单位负责人汇报了进展情况和存在的问题。",
            "会议听取了关于存在问题、原因分析和下一步打算的汇报。",
            "各单位要分析并妥善解决好存在的问题。",
            "从检查情况看，各地工作有进展，但也存在一些问题。",
            "与先进地区相比，我县还存在一定差距。",
            "（三）关于整改不到位问题",
            "本次座谈聚焦行业发展面临的机遇挑战等问题进行交流。",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "in {text:?}");
        }
    }

    #[test]
    fn general_conditions_are_not_problems() {
        for text in [
            "当前防汛形势严峻。",
            "要正视投资运行中存在的困难和挑战。",
            "会议指出，今年以来主要指标增幅较大，成效突出，特色突出。",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "in {text:?}");
        }
    }

    #[test]
    fn conditions_are_not_problems() {
        for text in [
            "对进度滞后的单位，要约谈主要负责人。",
            "对工作不到位的要严肃问责。",
            "对存在资金挪用等问题的企业依法处理。",
            "对尚未开工的12个项目，逐个建立问题清单。",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "in {text:?}");
        }
    }

    #[test]
    fn directives_are_not_problems() {
        for text in [
            "要切实解决群众关心的问题。",
            "各地要抓紧整改督察反馈的问题。",
            "要引进更多大项目，补齐产业项目建设的最大短板。",
            "安全生产一刻也不能放松。",
            "会议要求，各部门要加强协作，确保工作不到位现象不再发生。",
            "要着力解决城市体检发现的短板弱项。",
            "要聚焦薄弱环节，整治推进不力。",
            "要重视解决乡镇财政困难。",
            "与会人员围绕如何破解发展难题、补齐民生短板等进行了讨论。",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "in {text:?}");
        }
    }

    #[test]
    fn long_unpunctuated_input_stays_linear() {
        let text = "存在进度滞后、资金不足等问题".repeat(5_000);
        assert_eq!(found(&text).len(), 10_000);
        let text = "部分项目资金到位滞后".repeat(5_000);
        assert_eq!(found(&text).len(), 1);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "。，、；：\n\t",
            "存在",
            "等问题",
            "等问题存在",
            "存在等问题",
            "的问题",
            "存在问题：",
            "存在问题：；；",
            "\t存在问题\t",
            "\t存在问题\n\t\t\t\n存在问题\t",
            "不足",
            "、、、等隐患",
            "（一）",
            "一是",
            "清理",
            "补齐短板",
            "要",
            "a\u{3000}b\u{200b}存在x、y等问题",
            "存在😀、🙂等问题。低于",
            "不够大滞后的问题拖欠、一是a一是要存在问题，。 主要问题是、拖欠、3仍有不够大排查发现",
            "（一）主要问题是补齐存在：、的不足防止",
        ] {
            found(text);
        }
    }

    #[test]
    fn a_section_headed_by_a_problems_label_lists_its_problems() {
        let text = "二、存在问题\n1. 服务器资源紧张，排队时间较长。\n2. 标注人员不足；预算未到位。\n\
                    三、下一步工作\n1. 完成数据标注。";
        assert_eq!(
            found(text),
            ["服务器资源紧张，排队时间较长", "标注人员不足", "预算未到位"]
        );
        // A label line ends the section.
        let text = "存在问题：\n1. 服务器资源紧张。\n行动项：\n1. 完成数据标注。";
        assert_eq!(found(text), ["服务器资源紧张"]);
        // Under an unnumbered heading, a line stating no shortcoming ends it.
        let text = "存在问题\n标注进度滞后\n行动项\n完成数据标注";
        assert_eq!(found(text), ["标注进度滞后"]);
    }

    #[test]
    fn what_an_inspection_found_is_listed_one_problem_a_part() {
        assert_found(
            "发现的问题：危化品台账不全，消防器材过期，部分实验室门禁失效。",
            &["危化品台账不全", "消防器材过期", "部分实验室门禁失效"],
        );
    }

    #[test]
    fn a_list_number_or_bullet_is_no_part_of_the_problem() {
        assert_eq!(
            found("存在问题：\n2.支付接口联调进度滞后。\n-测试环境资源不足。"),
            ["支付接口联调进度滞后", "测试环境资源不足"]
        );
        // A figure's decimal point is no list number.
        assert_eq!(
            found("存在问题：1.2万户改厕未完成。"),
            ["1.2万户改厕未完成"]
        );
    }

    #[test]
    fn a_shortfall_closing_with_its_measure_or_not_done_yet() {
        assert_found(
            "目前主街入地工程推进缓慢，农贸市场改造施工进度滞后约20天，东侧摊位区至今未完成。",
            &[
                "目前主街入地工程推进缓慢",
                "农贸市场改造施工进度滞后约20天",
                "东侧摊位区至今未完成",
            ]
            .map(|p| p.strip_prefix("目前").unwrap_or(p)),
        );
        // A shortfall qualifying a noun states none.
        assert_found("对进度滞后约20天的单位进行约谈。", &[]);
    }

    #[test]
    fn what_still_needs_doing_is_a_shortcoming_not_an_order() {
        assert_found(
            "会议强调：产业扶贫不够精准、扶贫资金管理需加强、教育扶贫力度还需加大。这些问题影响进程。",
            &[
                "产业扶贫不够精准",
                "扶贫资金管理需加强",
                "教育扶贫力度还需加大",
            ],
        );
        // An order to strengthen is no problem.
        assert_found("要加强扶贫资金管理。", &[]);
    }
}
