//! Kangxi radicals (U+2F00–U+2FD5) and CJK radicals supplement forms
//! (U+2E80–U+2EF3) folded to the unified ideographs they stand for: PDF
//! fonts map 月, 门 … to them (`4⽉底前` with U+2F49), and they look the
//! same but match nothing.

/// The unified ideograph of each Kangxi radical, U+2F00 on: Unicode's
/// compatibility decomposition (NFKC) of each.
const KANGXI: [char; 214] = [
    '一', '丨', '丶', '丿', '乙', '亅', '二', '亠', '人', '儿', '入', '八', '冂', '冖', '冫', '几',
    '凵', '刀', '力', '勹', '匕', '匚', '匸', '十', '卜', '卩', '厂', '厶', '又', '口', '囗', '土',
    '士', '夂', '夊', '夕', '大', '女', '子', '宀', '寸', '小', '尢', '尸', '屮', '山', '巛', '工',
    '己', '巾', '干', '幺', '广', '廴', '廾', '弋', '弓', '彐', '彡', '彳', '心', '戈', '戶', '手',
    '支', '攴', '文', '斗', '斤', '方', '无', '日', '曰', '月', '木', '欠', '止', '歹', '殳', '毋',
    '比', '毛', '氏', '气', '水', '火', '爪', '父', '爻', '爿', '片', '牙', '牛', '犬', '玄', '玉',
    '瓜', '瓦', '甘', '生', '用', '田', '疋', '疒', '癶', '白', '皮', '皿', '目', '矛', '矢', '石',
    '示', '禸', '禾', '穴', '立', '竹', '米', '糸', '缶', '网', '羊', '羽', '老', '而', '耒', '耳',
    '聿', '肉', '臣', '自', '至', '臼', '舌', '舛', '舟', '艮', '色', '艸', '虍', '虫', '血', '行',
    '衣', '襾', '見', '角', '言', '谷', '豆', '豕', '豸', '貝', '赤', '走', '足', '身', '車', '辛',
    '辰', '辵', '邑', '酉', '釆', '里', '金', '長', '門', '阜', '隶', '隹', '雨', '靑', '非', '面',
    '革', '韋', '韭', '音', '頁', '風', '飛', '食', '首', '香', '馬', '骨', '高', '髟', '鬥', '鬯',
    '鬲', '鬼', '魚', '鳥', '鹵', '鹿', '麥', '麻', '黃', '黍', '黑', '黹', '黽', '鼎', '鼓', '鼠',
    '鼻', '齊', '齒', '龍', '龜', '龠',
];

/// The radicals supplement forms that stand for a whole character, each
/// with the unified ideograph Unicode's EquivalentUnifiedIdeograph.txt
/// gives it (U+2E9F and U+2EF3 also decompose to it); forms that are only a
/// component of characters (⺅, ⺡) are left as they are. Sorted.
const SUPPLEMENT: [(char, char); 32] = [
    ('⺟', '母'),
    ('⺠', '民'),
    ('⻁', '虎'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻉', '贝'),
    ('⻊', '足'),
    ('⻋', '车'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻗', '雨'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻡', '首'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻬', '齐'),
    ('⻮', '齿'),
    ('⻰', '龙'),
    ('⻳', '龟'),
];

/// The unified ideograph a radical stands for.
pub(crate) fn fold_radical(c: char) -> Option<char> {
    match c {
        '\u{2F00}'..='\u{2FD5}' => KANGXI.get(c as usize - 0x2F00).copied(),
        '\u{2E80}'..='\u{2EF3}' => SUPPLEMENT
            .binary_search_by_key(&c, |&(radical, _)| radical)
            .ok()
            .map(|i| SUPPLEMENT[i].1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::{SUPPLEMENT, fold_radical};

    /// Each Kangxi radical, and each supplement form that has a compatibility
    /// decomposition, folds to what NFKC makes of it.
    #[test]
    fn radicals_fold_as_nfkc_decomposes_them() {
        let decomposing = ('\u{2F00}'..='\u{2FD5}').chain(
            SUPPLEMENT
                .iter()
                .map(|&(radical, _)| radical)
                .filter(|r| r.nfkc().ne(std::iter::once(*r))),
        );
        let mut checked = 0;
        for radical in decomposing {
            let nfkc: String = radical.nfkc().collect();
            assert_eq!(
                fold_radical(radical).map(String::from),
                Some(nfkc),
                "{radical}"
            );
            checked += 1;
        }
        assert_eq!(checked, 214 + 2);
        assert!(SUPPLEMENT.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(fold_radical('⻔'), Some('门'));
        assert_eq!(fold_radical('⺅'), None);
        assert_eq!(fold_radical('月'), None);
    }
}
