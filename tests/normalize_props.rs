//! Properties of normalisation over random text: it never panics, and its
//! offset map always lands on source char boundaries, in order.

use huiyi::normalize::{Normalized, Normalizer};
use proptest::prelude::*;
use std::sync::LazyLock;

static NORMALIZER: LazyLock<Normalizer> = LazyLock::new(Normalizer::new);

/// Pieces of the genre: simplified and traditional Han (3- and 4-byte),
/// phrases, ruby, real parentheticals, full-width forms, every kind of
/// space, line end and invisible character.
const FRAGMENTS: &[&str] = &[
    "推进",
    "推進",
    "會議",
    "楊光榮",
    "市委書記",
    "后",
    "後",
    "乾",
    "於",
    "著",
    "乾隆年間",
    "乾乾淨淨",
    "二噁英",
    "𠀀",
    "𫫇",
    "工作任务",
    "(jìn)",
    "（huì）",
    "(ha\u{30C}o)",
    "(men)",
    "(an)",
    "(a)",
    "(2020)",
    "（一）",
    "(GDP)",
    "（责任单位：市住建局）",
    "(",
    ")",
    "（",
    "）",
    "ǜ",
    "\u{301}",
    "２０",
    "．",
    "％",
    "ＧＤＰ",
    "，",
    "。",
    "、",
    ",",
    "6",
    "abc",
    " ",
    "  ",
    "\u{3000}",
    "\u{A0}",
    "\u{2009}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\u{C}",
];

fn chinese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
}

/// Every normalised char boundary maps to a source char boundary within
/// the source, never going back; every char's range is a valid slice.
fn check_map(source: &str, normalized: &Normalized) -> Result<(), TestCaseError> {
    let text = &normalized.text;
    let mut previous = 0;
    let boundaries = text
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()));
    for at in boundaries {
        let src = normalized.source_offset(at);
        prop_assert!(src <= source.len(), "{at} → {src} past {}", source.len());
        prop_assert!(source.is_char_boundary(src), "{at} → {src} inside a char");
        prop_assert!(src >= previous, "{at} → {src} before {previous}");
        previous = src;
    }
    for (at, c) in text.char_indices() {
        let range = normalized.source_range(at..at + c.len_utf8());
        prop_assert!(range.start <= range.end && range.end <= source.len());
        prop_assert!(source.get(range.clone()).is_some(), "{c:?} → {range:?}");
    }
    Ok(())
}

/// What normalised text never holds.
fn check_clean(text: &str) -> Result<(), TestCaseError> {
    for c in text.chars() {
        prop_assert!(
            c == '\n' || c == '\t' || !c.is_control(),
            "control {c:?} left"
        );
        prop_assert!(
            !matches!(
                c,
                '\u{3000}' | '\u{A0}' | '\u{200B}' | '\u{FEFF}' | '\u{2028}' | '０'..='９'
            ),
            "{c:?} left"
        );
    }
    for line in text.split(['\n', '\t']) {
        prop_assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
        prop_assert!(!line.contains("  "), "{line:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(source in any::<String>()) {
        let normalized = NORMALIZER.normalize(&source);
        check_map(&source, &normalized)?;
        check_clean(&normalized.text)?;
    }

    #[test]
    fn chinese_mix(source in chinese_text()) {
        let normalized = NORMALIZER.normalize(&source);
        check_map(&source, &normalized)?;
        check_clean(&normalized.text)?;
        let again = NORMALIZER.normalize(&normalized.text);
        prop_assert_eq!(&again.text, &normalized.text, "not idempotent");
    }

    #[test]
    fn unchanged_text_maps_to_itself(source in "[a-z0-9推进会议，。、“”,;()（）\n\t]{0,80}") {
        let normalized = NORMALIZER.normalize(&source);
        if normalized.text == source {
            for at in 0..=source.len() {
                prop_assert_eq!(normalized.source_offset(at), at);
            }
        }
    }
}
