//! Character classes for cleaning: width folding, spaces, invisible and
//! control characters, line breaks.

/// A Han character (CJK unified and compatibility ideographs, `〇`).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3007}')
}

/// Text whose neighbouring spaces are layout only: Han, radicals, kana, bopomofo,
/// CJK and full-width punctuation (after folding) but `．`, which also
/// stands between digits.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{2E80}'..='\u{2FDF}'
            | '\u{3001}'..='\u{30FF}'
            | '\u{3100}'..='\u{312F}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF01}'..='\u{FF0D}'
            | '\u{FF0F}'..='\u{FF65}')
}

/// A space to be collapsed or dropped: ASCII, no-break, ideographic and the
/// other Unicode spaces (the tab is a cell separator, not a space).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// A line break other than `\n`, to become `\n`: `\r` (alone or before
/// `\n`), vertical tab and form feed (Word's manual line and page breaks in
/// text exports), NEL, the Unicode line and paragraph separators.
pub(crate) fn is_other_break(c: char) -> bool {
    matches!(
        c,
        '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that carry nothing for extraction and are removed:
/// control characters (but `\t`, `\n` and the breaks above), zero-width
/// characters, the byte-order mark, soft hyphens, bidi controls.
pub(crate) fn is_invisible(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        c if is_other_break(c) => false,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => true,
        _ => false,
    }
}

/// The half-width form of a full-width letter, digit or `％`. Other
/// full-width punctuation is Chinese punctuation and stays.
pub(crate) fn fold_width(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// A digit, half- or full-width.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_digits_and_percent_only() {
        assert_eq!(fold_width('２'), Some('2'));
        assert_eq!(fold_width('Ｇ'), Some('G'));
        assert_eq!(fold_width('ｐ'), Some('p'));
        assert_eq!(fold_width('％'), Some('%'));
        for kept in ['，', '（', '：', '；', '．', '～'] {
            assert_eq!(fold_width(kept), None);
        }
    }
}
