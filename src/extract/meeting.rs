//! The meeting: its date (title, location, chairs and attendees come with the
//! people and task extractors).

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::time::{self, YearRule};

/// The meeting's date as found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MeetingDate {
    /// The resolved date, when a year is written or a reference date allows one.
    pub date: Option<NaiveDate>,
    /// The expression it was read from (`6月16日`).
    pub text: Option<String>,
    /// Where the expression is.
    pub span: Option<Range<usize>>,
    /// A note on how the year was inferred, or why it could not be.
    pub warning: Option<String>,
}

/// A day written with month and day, with or without a year, in Arabic or Chinese numerals.
fn day_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]",
        )
        .expect("meeting date pattern")
    })
}

/// Words that mark the sentence saying the meeting took place.
const CONVENING_WORDS: [&str; 5] = ["召开", "主持", "举行", "召集", "会议"];

/// Finds the meeting's date: the `时间：` line of minutes, else the first day
/// named in a sentence that says the meeting was held. A date without a year
/// is put on or before `reference` (a report is written after its meeting).
pub(crate) fn find_date(text: &str, reference: Option<NaiveDate>) -> MeetingDate {
    let Some(span) = header_date(text).or_else(|| convening_date(text)) else {
        return MeetingDate::default();
    };
    let written = &text[span.clone()];
    // Without a reference any anchor will do: a date whose year is inferred is dropped below.
    let anchor = reference.unwrap_or_default();
    let parsed = time::parse_with(written, anchor, YearRule::Past);
    let (date, warning) = match parsed {
        Some(expr) if expr.year_inferred && reference.is_none() => (
            None,
            Some(format!(
                "year of the meeting date {written:?} not stated and no reference date given"
            )),
        ),
        Some(expr) if expr.year_inferred => (
            expr.start,
            Some(format!(
                "year of the meeting date {written:?} not stated; resolved against the reference date {}",
                anchor
            )),
        ),
        Some(expr) => (expr.start, None),
        None => (None, None),
    };
    MeetingDate {
        date,
        text: Some(written.to_string()),
        span: Some(span),
        warning,
    }
}

/// The date on a `时间：` header line.
fn header_date(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        for label in ["时间：", "时间:", "会议时间：", "会议时间:"] {
            if let Some(rest) = trimmed.strip_prefix(label) {
                let start = offset + lead + label.len();
                if let Some(m) = day_pattern().find(rest) {
                    return Some(start + m.start()..start + m.end());
                }
            }
        }
        offset += line.len();
    }
    None
}

/// The first day named in a sentence that says the meeting was held.
fn convening_date(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for sentence in text.split_inclusive(['。', '；', '\n']) {
        if CONVENING_WORDS.iter().any(|w| sentence.contains(w)) {
            if let Some(m) = day_pattern().find(sentence) {
                return Some(offset + m.start()..offset + m.end());
            }
        }
        offset += sentence.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_line_wins_over_issue_date() {
        let text = "某区人民政府办公室 2025年3月20日\n时间：2025年3月18日下午\n主持：刘志远\n";
        let found = header_date(text).unwrap();
        assert_eq!(&text[found], "2025年3月18日");
    }

    #[test]
    fn convening_sentence_date() {
        let text = "为推进重点工作。6月16日，市委书记主持召开市委办公会议。7月1日前完成。";
        let found = convening_date(text).unwrap();
        assert_eq!(&text[found], "6月16日");
    }

    #[test]
    fn no_date_without_a_convening_sentence() {
        assert_eq!(convening_date("7月1日前完成改造。"), None);
        assert_eq!(find_date("", None), MeetingDate::default());
    }
}
