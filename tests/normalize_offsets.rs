//! The offset map and the flags of `Normalized`, through the public API.

use huiyi::normalize::Normalizer;

#[test]
fn span_after_removed_ruby_maps_past_it() {
    let source = "推進(jìn)工作";
    let n = Normalizer::new().normalize(source);
    assert_eq!(n.text, "推進工作");
    assert_eq!(n.ruby_removed, 1);
    assert!(
        !n.traditional,
        "one Traditional-only character is no script"
    );
    let work = n.text.find("工作").unwrap();
    assert_eq!(&source[n.source_range(work..work + "工作".len())], "工作");
    // A span ending before the removed residue does not take it in.
    assert_eq!(&source[n.source_range(0..work)], "推進");
    assert_eq!(&source[n.source_range(0..n.text.len())], source);
}

#[test]
fn folded_characters_map_whole() {
    let source = "２０２０年\r\n第２季度";
    let n = Normalizer::new().normalize(source);
    assert_eq!(n.text, "2020年\n第2季度");
    assert_eq!(&source[n.source_range(0..4)], "２０２０");
    assert_eq!(&source[n.source_range(1..2)], "０");
    assert_eq!(n.source_offset(1), "２".len());
    let line_end = n.text.find('\n').unwrap();
    assert_eq!(&source[n.source_range(line_end..line_end + 1)], "\r\n");
    assert_eq!(n.source_offset(n.text.len()), source.len());
    assert_eq!(n.source_offset(n.text.len() + 10), source.len());
    let reversed = std::ops::Range { start: 3, end: 1 };
    assert_eq!(
        n.source_range(reversed),
        n.source_offset(3)..n.source_offset(3)
    );
}

#[test]
fn conversion_of_different_length_maps_per_character() {
    // 噁 (3 bytes) becomes 𫫇 (4 bytes) inside the phrase 二噁英.
    let source = "二噁英檢測報告";
    let n = Normalizer::new().normalize(source);
    assert_eq!(n.text, "二𫫇英检测报告");
    assert!(n.traditional);
    let at = n.text.find('𫫇').unwrap();
    assert_eq!(&source[n.source_range(at..at + '𫫇'.len_utf8())], "噁");
    let report = n.text.find("报告").unwrap();
    assert_eq!(&source[n.source_range(report..n.text.len())], "報告");
}

#[test]
fn map_is_compact() {
    let normalizer = Normalizer::new();
    let simplified =
        "市委书记杨光荣主持召开市委办公会议，听取工作汇报。\n会议强调，要坚持问题导向。";
    let n = normalizer.normalize(simplified);
    assert_eq!(n.text, simplified);
    assert_eq!(n.offset_pieces(), 1);
    // Same-length conversions keep one piece too.
    let n = normalizer.normalize("市委書記楊光榮主持召開市委辦公會議");
    assert_eq!(n.text, "市委书记杨光荣主持召开市委办公会议");
    assert_eq!(n.offset_pieces(), 1);
}

#[test]
fn shared_across_threads() {
    let normalizer = Normalizer::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = ["楊光榮", "会(huì)议"]
            .into_iter()
            .map(|text| scope.spawn(|| normalizer.normalize(text).text))
            .collect();
        let texts: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(texts, ["杨光荣", "会议"]);
    });
}
