//! Searches that `str`'s own methods do slowly on Chinese text: a byte or a
//! line break looked for with `memchr`'s vector code instead of the word-at-a-time
//! loop of `str::find(char)`, and short words found without the set-up of a
//! Two-Way searcher on every call.

/// `text.split('\n')`: the lines, without their `\n`, with their byte offsets.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = Some(0);
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let start = from?;
        match breaks.next() {
            Some(end) => {
                from = Some(end + 1);
                Some((start, &text[start..end]))
            }
            None => {
                from = None;
                Some((start, &text[start..]))
            }
        }
    })
}

/// Whether `s` holds the ASCII byte `b` (`'\t'`, `'\n'`).
pub(crate) fn has_byte(s: &str, b: u8) -> bool {
    memchr::memchr(b, s.as_bytes()).is_some()
}

/// `hay.find(word)` for the short words extraction looks for in a clause or a
/// sentence: candidates by the word's last byte, which varies more than a
/// Han character's lead byte.
pub(crate) fn find(hay: &str, word: &str) -> Option<usize> {
    let (h, w) = (hay.as_bytes(), word.as_bytes());
    let (&last, _) = w.split_last()?;
    let tail = w.len() - 1;
    memchr::memchr_iter(last, h.get(tail..)?).find(|&p| h[p] == w[0] && h[p..p + tail] == w[..tail])
}

/// Where `word` occurs in `hay`, not overlapping, as [`find`] looks.
pub(crate) fn find_iter<'h>(hay: &'h str, word: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + find(hay.get(from..)?, word)?;
        from = at + word.len();
        Some(at)
    })
}

/// Where each of `words` occurs in `hay`, each word's occurrences left to right
/// and not overlapping one another (as [`find_iter`]): `(word index, start)`,
/// sorted. Few words over a short text are looked for one by one, since building
/// an automaton costs more than a document's few scans; many words, or a long
/// text, are found in one Aho-Corasick pass. At most `max` occurrences are
/// looked for.
pub(crate) fn occurrences<W: AsRef<str>>(
    hay: &str,
    words: &[W],
    max: usize,
) -> Vec<(usize, usize)> {
    const SCANNED_ONE_BY_ONE: usize = 1 << 22;
    let mut found: Vec<(usize, usize)> = Vec::new();
    if words.len().saturating_mul(hay.len()) <= SCANNED_ONE_BY_ONE {
        for (k, word) in words.iter().enumerate() {
            let room = max.saturating_sub(found.len());
            found.extend(find_iter(hay, word.as_ref()).take(room).map(|at| (k, at)));
        }
        return found;
    }
    let Ok(automaton) = aho_corasick::AhoCorasick::new(words.iter().map(AsRef::as_ref)) else {
        return found;
    };
    found.extend(
        automaton
            .find_overlapping_iter(hay)
            .take(max)
            .map(|m| (m.pattern().as_usize(), m.start())),
    );
    found.sort_unstable();
    let mut free_from = 0;
    let mut last_word = usize::MAX;
    found.retain(|&(k, at)| {
        if k != last_word {
            (last_word, free_from) = (k, 0);
        }
        let keep = at >= free_from && !words[k].as_ref().is_empty();
        if keep {
            free_from = at + words[k].as_ref().len();
        }
        keep
    });
    found
}

/// `hay.contains(word)`, as [`find`] looks.
pub(crate) fn contains(hay: &str, word: &str) -> bool {
    find(hay, word).is_some()
}

/// How far a rule looks back or ahead for the edge of its clause or sentence:
/// 600 bytes, 200 Han characters, past any clause of prose. Text that runs
/// further without a stop is not prose, and an unbounded look from every
/// mention would make the work grow with the square of the line.
pub(crate) const REACH: usize = 600;

/// The start of the piece of `text` that ends at `at`: just after the last of
/// `stops` before `at`, at most [`REACH`] bytes back.
pub(crate) fn piece_start(text: &str, at: usize, stops: &[char]) -> usize {
    let from = char_floor(text, at.saturating_sub(REACH));
    separators(&text[from..at], stops)
        .last()
        .map_or(from, |&(i, len)| from + i + len)
}

/// The end of the piece of `text` that starts at `at`: the first of `stops`
/// after `at`, at most [`REACH`] bytes ahead.
pub(crate) fn piece_end(text: &str, at: usize, stops: &[char]) -> usize {
    let to = char_floor(text, (at + REACH).min(text.len()));
    separators(&text[at..to], stops)
        .first()
        .map_or(to, |&(i, _)| at + i)
}

/// The last character boundary of `text` at or before `at` (`str::floor_char_boundary`,
/// which the library's oldest supported Rust lacks).
pub(crate) fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where the characters `seps` occur in `s`, in order: (byte offset, byte length).
/// When every separator is ASCII (sixteen at most) or starts with the lead byte
/// 0xE3 or 0xEF (CJK and full-width punctuation), candidates come from vector
/// searches for those bytes; otherwise each character is decoded.
pub(crate) fn separators(s: &str, seps: &[char]) -> Vec<(usize, usize)> {
    let searchable = seps.iter().filter(|c| c.is_ascii()).count() <= 16
        && seps
            .iter()
            .all(|&c| c.is_ascii() || matches!(c as u32, 0x3000..=0x3FFF | 0xF000..=0xFFFF));
    if !searchable {
        return s
            .char_indices()
            .filter(|(_, c)| seps.contains(c))
            .map(|(i, c)| (i, c.len_utf8()))
            .collect();
    }
    let b = s.as_bytes();
    let mut out: Vec<(usize, usize)> = memchr::memchr2_iter(0xE3, 0xEF, b)
        .filter_map(|i| {
            let c = s.get(i..)?.chars().next()?;
            seps.contains(&c).then(|| (i, c.len_utf8()))
        })
        .collect();
    let mut ascii = [0u8; 16];
    let mut n = 0;
    for &c in seps.iter().filter(|c| c.is_ascii()) {
        ascii[n] = c as u8;
        n += 1;
    }
    let before = out.len();
    for group in ascii[..n].chunks(3) {
        match *group {
            [x] => out.extend(memchr::memchr_iter(x, b).map(|i| (i, 1))),
            [x, y] => out.extend(memchr::memchr2_iter(x, y, b).map(|i| (i, 1))),
            [x, y, z] => out.extend(memchr::memchr3_iter(x, y, z, b).map(|i| (i, 1))),
            _ => {}
        }
    }
    if out.len() > before {
        out.sort_unstable();
    }
    out
}

/// The byte length of the list number or bullet that opens `line` (`1.`,
/// `2、`, `（三）`, `四、`, `①`, `-`, `•`), with the blanks before and after
/// it; 0 when it opens with none.
pub(crate) fn list_marker_len(line: &str) -> usize {
    const HAN_DIGITS: &str = "一二三四五六七八九十";
    let body = line.trim_start();
    let lead = line.len() - body.len();
    let mut chars = body.char_indices();
    let marker_end = match chars.next() {
        Some((_, open @ ('（' | '('))) => {
            let open_len = open.len_utf8();
            let inner = body[open_len..]
                .trim_start_matches(|c: char| c.is_ascii_digit() || HAN_DIGITS.contains(c));
            let inner_start = body.len() - inner.len();
            match inner.chars().next() {
                Some(close @ ('）' | ')')) if inner_start > open_len => {
                    inner_start + close.len_utf8()
                }
                _ => 0,
            }
        }
        Some((_, c)) if c.is_ascii_digit() || HAN_DIGITS.contains(c) => {
            let rest =
                body.trim_start_matches(|c: char| c.is_ascii_digit() || HAN_DIGITS.contains(c));
            let digits = &body[..body.len() - rest.len()];
            let arabic = digits.chars().all(|c| c.is_ascii_digit());
            let han = digits.chars().all(|c| HAN_DIGITS.contains(c));
            match rest.chars().next() {
                Some(c @ ('、' | '.' | '．' | ')' | '）')) if arabic && digits.len() <= 2 => {
                    digits.len() + c.len_utf8()
                }
                Some('、') if han && digits.chars().count() <= 3 => digits.len() + '、'.len_utf8(),
                _ => 0,
            }
        }
        Some((_, c @ ('①'..='⑳' | '-' | '*' | '•' | '●' | '■' | '◆' | '▪'))) => {
            c.len_utf8()
        }
        _ => 0,
    };
    if marker_end == 0 {
        return 0;
    }
    let rest = &body[marker_end..];
    lead + marker_end + (rest.len() - rest.trim_start().len())
}

/// The byte offset of `inner`, a subslice of `outer`, within it (0 for a slice
/// from elsewhere, such as a literal `""`).
pub(crate) fn offset_in(outer: &str, inner: &str) -> usize {
    let (o, i) = (outer.as_ptr() as usize, inner.as_ptr() as usize);
    if i >= o && i + inner.len() <= o + outer.len() {
        i - o
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn agrees_with_str() {
        let texts = [
            "",
            "\n",
            "一\n二\n",
            "会议要求，由区住建局负责。报送进展",
            "负责负责",
            "a\tb\n\nc",
        ];
        for t in texts {
            let want: Vec<&str> = t.split('\n').collect();
            let got: Vec<&str> = super::lines(t).map(|(_, l)| l).collect();
            assert_eq!(got, want, "{t:?}");
            for (at, line) in super::lines(t) {
                assert_eq!(&t[at..at + line.len()], line);
            }
            assert_eq!(super::has_byte(t, b'\t'), t.contains('\t'));
            for w in ["负责", "报送", "\n", "b", "要求，由", "责负"] {
                assert_eq!(super::find(t, w), t.find(w), "{t:?} {w:?}");
                assert_eq!(super::contains(t, w), t.contains(w));
            }
        }
        assert_eq!(super::find("负责", ""), None);
        let s = "一、甲，乙。丙!丁；戊?己:庚";
        let seps = ['，', '。', '!', '；', '?', ':', '！'];
        let want: Vec<(usize, usize)> = s
            .char_indices()
            .filter(|(_, c)| seps.contains(c))
            .map(|(i, c)| (i, c.len_utf8()))
            .collect();
        assert_eq!(super::separators(s, &seps), want);
        let seps = ['和', '、'];
        let want: Vec<(usize, usize)> = s
            .char_indices()
            .filter(|(_, c)| seps.contains(c))
            .map(|(i, c)| (i, c.len_utf8()))
            .collect();
        assert_eq!(super::separators("甲和乙、丙", &seps), [(3, 3), (9, 3)]);
        assert_eq!(super::separators(s, &seps), want);
        let found: Vec<usize> = super::find_iter("要求要要", "要").collect();
        assert_eq!(found, [0, 6, 9]);
    }

    #[test]
    fn occurrences_are_the_same_one_by_one_and_in_one_pass() {
        let words = ["王伟", "王伟王", "伟王", "李娜"];
        let short = "王伟王伟王伟与李娜，王伟王";
        let want = [
            (0, 0),
            (0, 6),
            (0, 12),
            (0, 30),
            (1, 0),
            (1, 30),
            (2, 3),
            (2, 9),
            (2, 33),
            (3, 21),
        ];
        assert_eq!(super::occurrences(short, &words, usize::MAX), want);
        // Long enough that the automaton is used: the same occurrences, shifted.
        let pad = "。".repeat((1 << 22) / 3 / words.len() + 1);
        let long = format!("{pad}{short}");
        let shifted: Vec<(usize, usize)> =
            want.iter().map(|&(k, at)| (k, at + pad.len())).collect();
        assert_eq!(super::occurrences(&long, &words, usize::MAX), shifted);
    }

    #[test]
    fn list_markers_are_measured_with_their_blanks() {
        use super::list_marker_len;
        assert_eq!(list_marker_len("1. 王芳：完成"), "1. ".len());
        assert_eq!(list_marker_len("  12、张伟"), "  12、".len());
        assert_eq!(list_marker_len("（三）会议决定"), "（三）".len());
        assert_eq!(list_marker_len("(2)郑海"), "(2)".len());
        assert_eq!(list_marker_len("四、存在问题"), "四、".len());
        assert_eq!(list_marker_len("① 冯涛"), "① ".len());
        assert_eq!(list_marker_len("- 王磊负责"), "- ".len());
        // No marker: a year, a word that starts with a numeral, empty brackets.
        assert_eq!(list_marker_len("2024年10月"), 0);
        assert_eq!(list_marker_len("一是加快"), 0);
        assert_eq!(list_marker_len("（）空"), 0);
        assert_eq!(list_marker_len("123.5亿元"), 0);
        assert_eq!(list_marker_len("王芳：完成"), 0);
    }
}
