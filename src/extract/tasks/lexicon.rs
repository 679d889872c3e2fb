//! Word lists for task extraction, kept as plain text under `data/tasks/` so that
//! they can be tuned without touching code; parsed once.

use std::sync::OnceLock;

use regex::Regex;

use crate::chars::CharSet;
use crate::extract::words::WordSet;

const UNIT_SUFFIXES: &str = include_str!("../../../data/tasks/unit_suffixes.txt");

/// The parsed word lists.
/// A time limit as task phrases write it (`4月底前`, `三季度末`, `两周内`).
const TIME_LIMIT: &str = r"(?:(?:\d{4}年)?(?:(?:每月)?\d{1,2}月(?:\d{1,2}日)?|[一二三四1-4]季度|上半年|下半年|年底|年内|春节|国庆节?|元旦|五一|中秋|端午|清明)(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前)?|(?:\d+|[一两二三四五六七八九十]+)个?(?:天|日|周|星期|月|工作日)内|每月\d{1,2}日前)";

pub(super) struct Lexicon {
    /// Leading verbs and adverbs stripped from titles.
    pub lead_verbs: WordSet,
    /// Verbs whose object names the assigned work.
    pub object_verbs: WordSet,
    /// Heading verbs naming a duty rather than work.
    pub generic_verbs: WordSet,
    /// Heading endings naming a duty rather than work.
    pub generic_ends: WordSet,
    /// Attitudes and principles: never tasks.
    pub attitudes: WordSet,
    /// Heads naming no piece of work (`方面`, `打算`, `精神`).
    pub not_work_heads: WordSet,
    /// Endings of organisation names.
    pub unit_suffixes: WordSet,
    /// The last characters of those endings: where an organisation's name can end.
    pub unit_ends: CharSet,
    /// Endings of headings that name a project.
    pub project_suffixes: WordSet,
    /// Endings of named programmes and plans.
    pub programme_suffixes: WordSet,
    /// A time limit at the start of a phrase (`于4月底前`, `两周内`); see [`Lexicon::time_prefix`].
    time_prefix: Regex,
    /// The characters such a limit can start with.
    time_prefix_starts: CharSet,
    /// A time limit inside a phrase (`标准厂房要在春节前完成主体封顶`): not part of the name.
    pub time_inside: Regex,
    /// `贯彻落实…精神` before the work it leads to.
    pub guidance_prefix: Regex,
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The byte length of the time limit `t` starts with (`于4月底前`), if any.
    /// Most phrases start with no character a limit can start with, and the
    /// pattern is not asked.
    pub fn time_prefix(&self, t: &str) -> Option<usize> {
        let first = t.chars().next()?;
        if !self.time_prefix_starts.contains(first) {
            return None;
        }
        self.time_prefix.find(t).map(|m| m.end())
    }
}

/// The lexicon, built on first use.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let generic = include_str!("../../../data/tasks/generic_heads.txt");
        Lexicon {
            lead_verbs: WordSet::new(words(include_str!("../../../data/tasks/lead_verbs.txt"))),
            object_verbs: WordSet::new(words(include_str!("../../../data/tasks/object_verbs.txt"))),
            generic_verbs: WordSet::new(words(generic).filter(|w| !w.starts_with('~'))),
            generic_ends: WordSet::new(words(generic).filter_map(|w| w.strip_prefix('~'))),
            attitudes: WordSet::new(words(include_str!("../../../data/tasks/attitudes.txt"))),
            not_work_heads: WordSet::new(words(include_str!(
                "../../../data/tasks/not_work_heads.txt"
            ))),
            unit_suffixes: WordSet::new(words(UNIT_SUFFIXES)),
            unit_ends: CharSet::of(words(UNIT_SUFFIXES).filter_map(|w| w.chars().next_back())),
            project_suffixes: WordSet::new(words(include_str!(
                "../../../data/tasks/project_suffixes.txt"
            ))),
            programme_suffixes: WordSet::new(words(include_str!(
                "../../../data/tasks/programme_suffixes.txt"
            ))),
            // Fixed patterns: compiling them cannot fail.
            time_prefix: Regex::new(&format!("^(?:于|在|到|至)?{TIME_LIMIT}"))
                .expect("valid time pattern"),
            time_prefix_starts: CharSet::new(|c| {
                c.is_numeric() || "于在到至每一二三四上下年春国元五中端清两六七八九十".contains(c)
            }),
            time_inside: Regex::new(&format!(
                "(?:要|须|应|必须|力争|确保)?(?:在|于){TIME_LIMIT}(?:全面|全部)?(?:完成|实现)?"
            ))
            .expect("valid time pattern"),
            guidance_prefix: Regex::new(r"^(?:深入)?(?:学习)?贯彻(?:落实)?[^，。,]{2,24}?精神")
                .expect("valid guidance pattern"),
        }
    })
}

#[cfg(test)]
mod tests {
    /// The start characters let every limit through, however written.
    #[test]
    fn time_prefix_starts_pass_every_limit() {
        let lex = super::lexicon();
        for t in [
            "于4月底前完成",
            "在2025年6月30日前",
            "到年底",
            "至三季度末",
            "每月5日前报送",
            "一季度",
            "4季度末",
            "上半年",
            "下半年",
            "年底前",
            "年内",
            "春节前",
            "国庆前",
            "国庆节前",
            "元旦前",
            "五一前",
            "中秋前",
            "端午前",
            "清明前",
            "两周内",
            "十天内",
            "六个月内",
            "3个工作日内",
            "２０２５年５月底前",
            "在汛前完成",
        ] {
            let first = t.chars().next().unwrap();
            assert_eq!(
                lex.time_prefix(t),
                lex.time_prefix.find(t).map(|m| m.end()),
                "{t}"
            );
            if lex.time_prefix.is_match(t) {
                assert!(lex.time_prefix_starts.contains(first), "{t}");
            }
        }
        assert_eq!(lex.time_prefix("加快4月底前完成"), None);
    }
}
