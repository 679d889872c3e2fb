//! The seed document: a traditional web page with pinyin ruby residue.

mod common;

use huiyi::normalize::Normalizer;

const SEED: &str = "seeds/000_95ef6b420ae31eb5.txt";

fn seed() -> Option<String> {
    let path = common::shared_dir()?.join(SEED);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            println!("skipped: seed {} not readable ({e})", path.display());
            None
        }
    }
}

/// The first paragraph of the seed, normalised: read character by character
/// against the source (simplified, ruby gone, its ASCII `,` kept).
const FIRST_PARAGRAPH: &str = "为督办推进市委市政府相关负责同志牵头负责的部分重点工作任务,6月16日,\
省政府副省长、市委书记杨光荣主持召开市委办公会议,听取市领导牵头的部分重点工作任务推进情况汇报,\
紧盯问题,逐事项研究推进重点工作任务落实。他强调,要坚持问题导向,推深做实深化“三个以案”警示教育,\
落实重点工作任务“一单两制”制度,扎实推动各项重点工作安排落地见效。市委副书记、市政府市长孙正东\
出席会议、听取工作汇报并作重点发言,市领导王玉峰、王波、李红分别参加会议。";

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Parenthesised groups `(`…`)` of `text` (either width), with the
/// character before each.
fn groups(text: &str) -> Vec<(Option<char>, String)> {
    let mut found = Vec::new();
    let mut before = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '(' || c == '（' {
            let inner: String = chars
                .by_ref()
                .take_while(|&c| c != ')' && c != '）')
                .collect();
            found.push((before, inner));
            before = None;
        } else {
            before = Some(c);
        }
    }
    found
}

fn is_latin_group(inner: &str) -> bool {
    !inner.is_empty() && inner.chars().all(|c| c.is_alphabetic() && !is_han(c))
}

#[test]
fn seed_normalises_to_clean_simplified_text() {
    let Some(source) = seed() else { return };
    let normalized = Normalizer::new().normalize(&source);
    let text = &normalized.text;

    let first = text.split('\n').next().unwrap_or_default();
    assert_eq!(first, FIRST_PARAGRAPH);
    assert!(normalized.traditional);

    // No ruby left; every other parenthetical kept.
    let residues = groups(&source)
        .iter()
        .filter(|(before, inner)| before.is_some_and(is_han) && is_latin_group(inner))
        .count();
    assert!(residues > 100, "the seed has {residues} ruby groups");
    assert_eq!(normalized.ruby_removed, residues);
    let left = groups(text);
    assert!(
        left.iter()
            .all(|(b, inner)| !(b.is_some_and(is_han) && is_latin_group(inner))),
        "ruby left: {left:?}"
    );
    assert_eq!(left.len(), groups(&source).len() - residues);

    for traditional in [
        '為', '辦', '進', '關', '負', '責', '書', '記', '楊', '榮', '會', '議', '務',
    ] {
        assert!(!text.contains(traditional), "{traditional} left");
    }
    assert_eq!(text.lines().count(), source.lines().count());

    // Spans map back to the original.
    let name = text.find("杨光荣").expect("name in text");
    let back = normalized.source_range(name..name + "杨光荣".len());
    assert_eq!(&source[back], "楊光榮");
    let back = normalized.source_range(0..first.len());
    assert_eq!(&source[back], source.split('\n').next().unwrap_or_default());

    // Normalised text is already normal.
    let again = Normalizer::new().normalize(text);
    assert_eq!(&again.text, text);
    assert!(!again.traditional);
}
