//! No input makes the pipeline panic: random bytes through reading, random
//! RTF and mutated OpenDocument packages through their readers, random text
//! of the genre through normalisation and every extractor.

use huiyi::Extractor;
use proptest::prelude::*;

/// Pieces of the genre, so that random text reaches deep into the extractors.
const PIECES: &[&str] = &[
    "市委书记",
    "副市长",
    "、",
    "，",
    "。",
    "：",
    "（",
    "）",
    "(",
    ")",
    "主持召开",
    "出席会议",
    "市领导",
    "王",
    "李红",
    "欧阳",
    "杨光荣",
    "同志",
    "主持：",
    "出席：",
    "\n",
    "\t",
    "存在",
    "等问题",
    "由",
    "牵头",
    "负责",
    "于",
    "4月底前",
    "6月30日前",
    "三季度末",
    "春节前",
    "每月5日前",
    "长期坚持",
    "年底前",
    "两周内",
    "听取了",
    "关于",
    "的汇报",
    "一是",
    "（一）",
    "１２",
    "推進(jìn)",
    "會議",
    "　",
    "\u{200b}",
    "2025年",
    "3月18日",
    "上旬",
    "序号\t工作任务\t牵头领导\t完成时限",
    "a",
    "9",
    "",
    " ",
    "记者",
    // Header fields, Markdown, assignments and proposals (the analysis and the
    // leader links read them).
    "会议时间：",
    "参会人员：",
    "**",
    "# ",
    "* ",
    "| ",
    "---",
    "[后端]",
    "`",
    "王芳：",
    "郭书记",
    "汇报了",
    "进展情况",
    "对",
    "进行了",
    "部署",
    "如下：",
    "1、",
    "县政府领导",
    "提出「",
    "」",
    "先生",
    "议员",
    "查询有关",
    "建议讨论",
    "二○○七年四月十三日",
];

fn genre_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

/// Pieces of RTF: groups, tables at any depth, escapes cut short, destinations.
const RTF_PIECES: &[&str] = &[
    "{",
    "}",
    "\\par ",
    "\\line ",
    "\\cell ",
    "\\row ",
    "\\nestcell ",
    "\\nestrow ",
    "\\intbl ",
    "\\itap2 ",
    "\\itap99999 ",
    "\\pard ",
    "\\trowd ",
    "\\cellx100 ",
    "\\clmgf ",
    "\\clmrg ",
    "\\clvmgf ",
    "\\clvmrg ",
    "\\u-10179 ",
    "\\u20250?",
    "\\u-99999999999 ",
    "\\uc3 ",
    "\\uc-1 ",
    "\\'bb",
    "\\'e",
    "\\'",
    "\\bin3 ",
    "\\bin-5 ",
    "\\*",
    "\\unknown ",
    "\\fonttbl ",
    "\\f1 ",
    "\\fcharset134 ",
    "\\fcharset136 ",
    "\\ansicpg936 ",
    "\\ansicpg65001 ",
    "\\info ",
    "\\title ",
    "\\creatim ",
    "\\yr2025 ",
    "\\mo13 ",
    "\\dy40 ",
    "\\upr ",
    "\\ud ",
    "\\nesttableprops ",
    "\\fldinst ",
    "\\fldrslt ",
    "\\pict ",
    "\\~",
    "\\",
    "会议",
    "a",
    " ",
    "\u{ff}",
];

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::builder()
            .reference_date(chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap())
            .build()
    })
}

/// The `content.xml` of the minutes' `.odt` fixture.
fn odt_content() -> &'static [u8] {
    static CONTENT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    CONTENT.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/read/odt/minutes.odt");
        let file = std::fs::File::open(path).expect("the odt fixture");
        let mut zip = zip::ZipArchive::new(file).expect("a zip");
        let mut content = Vec::new();
        std::io::Read::read_to_end(
            &mut zip.by_name("content.xml").expect("content.xml"),
            &mut content,
        )
        .expect("readable");
        content
    })
}

/// An `.odt` package holding this `content.xml`.
fn odt_with(content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = extractor().extract_bytes(&bytes, None);
    }

    /// Behind the OLE magic random bytes reach the OLE and .doc readers.
    #[test]
    fn random_ole_files_never_panic(rest in prop::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.extend(rest);
        let err = extractor().extract_bytes(&bytes, None).expect_err("not a document");
        prop_assert!(matches!(err.kind(), "corrupt_doc" | "unsupported_format"), "{}", err);
    }

    #[test]
    fn random_rtf_never_panics(pieces in prop::collection::vec(prop::sample::select(RTF_PIECES), 0..80)) {
        let text = format!("{{\\rtf1 {}", pieces.concat());
        let _ = extractor().extract_bytes(text.as_bytes(), None);
    }

    #[test]
    fn mutated_odt_never_panics(
        cut in 0usize..12_000,
        flips in prop::collection::vec((0usize..12_000, any::<u8>()), 0..8),
    ) {
        let mut content = odt_content().to_vec();
        for (at, byte) in flips {
            if let Some(b) = content.get_mut(at) {
                *b = byte;
            }
        }
        content.truncate(cut);
        let _ = extractor().extract_bytes(&odt_with(&content), None);
    }

    #[test]
    fn mutated_pdf_never_panics(
        cut in 0usize..72_000,
        flips in prop::collection::vec((0usize..72_000, any::<u8>()), 0..8),
    ) {
        // Uncompressed (qpdf's QDF form), so flips reach content streams and CMaps.
        let mut pdf = include_bytes!("../fixtures/read/pdf/plain.pdf").to_vec();
        for (at, byte) in flips {
            if let Some(b) = pdf.get_mut(at) {
                *b = byte;
            }
        }
        pdf.truncate(cut);
        let _ = extractor().extract_bytes(&pdf, None);
    }

    #[test]
    fn random_genre_text_never_panics_and_spans_hold(text in genre_text()) {
        let record = extractor().extract_str(&text);
        let normalized = huiyi::normalize::Normalizer::new().normalize(&text).text;
        let in_text = |s: [usize; 2]| s[0] <= s[1] && normalized.get(s[0]..s[1]).is_some();
        for p in &record.people {
            for &s in &p.spans {
                prop_assert!(in_text(s), "person span {s:?} in {normalized:?}");
                // A mention is the name itself, or (`丁局长育群` for 丁育群) the
                // name's surname, a post, then its given name.
                let mention = &normalized[s[0]..s[1]];
                let mut name = p.name.chars();
                let surname = name.next().unwrap_or_default();
                let given = name.as_str();
                prop_assert!(
                    mention == p.name
                        || (mention.starts_with(surname)
                            && mention.ends_with(given)
                            && mention.chars().count() > p.name.chars().count()),
                    "person {:?} at {:?}", p.name, mention
                );
            }
        }
        for t in &record.tasks {
            prop_assert!(in_text(t.span));
            prop_assert!(t.deadline.is_none_or(|d| d < record.deadlines.len()));
            prop_assert!(t.problems.iter().all(|&p| p < record.problems.len()));
        }
        for d in &record.deadlines {
            prop_assert!(in_text(d.span));
        }
        for p in &record.problems {
            prop_assert!(in_text(p.span));
        }
    }
}
