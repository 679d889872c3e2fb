//! Tests of the docx reader: fixtures with exact expected text, the shared
//! corpus and dev minutes, bad inputs, limits, and mutated inputs.

use std::path::{Path, PathBuf};

use super::{DocxDocument, read_docx};
use crate::options::Limits;

/// The text layout of SPEC §2, as `Document::text` gives it.
fn render(doc: &DocxDocument) -> String {
    crate::read::render(&doc.blocks)
}

/// The shared folder (`HUIYI_SHARED`, else `../shared`), when present.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("HUIYI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

fn read(path: &Path) -> DocxDocument {
    let bytes = std::fs::read(path).unwrap();
    read_docx(&bytes, Some(path), &Limits::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn dev_minutes_match_their_renderings() {
    let Some(shared) = shared() else {
        println!("shared folder absent: dev minutes not checked");
        return;
    };
    let dir = shared.join("eval/dev/minutes");
    let mut matched = Vec::new();
    let mut differ = Vec::new();
    for n in 1..=12 {
        let docx = dir.join(format!("d{n:02}.docx"));
        let Ok(expected) = std::fs::read_to_string(dir.join(format!("d{n:02}.txt"))) else {
            continue;
        };
        let got = render(&read(&docx));
        if got.trim_end() == expected.trim_end() {
            matched.push(n);
        } else {
            differ.push(n);
        }
    }
    println!("dev minutes matching their .txt: {matched:?}; differing: {differ:?}");
    assert!(differ.is_empty(), "differing: {differ:?}");
}

fn fixture(name: &str) -> DocxDocument {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/docx")
            .join(name),
    )
}

/// Reads a fixture and checks its text and, for tables, the filled grids.
fn check(name: &str, expected: &str) -> DocxDocument {
    let doc = fixture(name);
    let got = render(&doc);
    assert_eq!(got, expected, "{name}: got\n{got}");
    doc
}

#[test]
fn hand_written_fixture() {
    let doc = check(
        "hand.docx",
        "临江区人民政府
区政府常务会议纪要
时间：2025年4月1日上午
地点：区政府３楼会议室
主持：区长　周建平
出席：
副区长　陆晓东、钱慧
区政府党组成员　孔德明
列席：区住建局、区发展改革局、区R&D中心
记录：沈　悦
会议研究了老旧小区改造工作。
一、关于老旧小区改造
（一）由区住建局牵头，区财政局配合，于4月底前完成方案编制。
（二）改造资金 由区财政局统筹，年底前拨付。
一.1 第一批10个小区
一.2 第二批8个小区
二、关于重点项目推进
（一）项目清单见第2页，共3页。
（二）详见区政府网站（临江区）
请于5月10日前报送进展。
报送单位：区住建局
第一行
第二行
第三行
非断-连字符软★
一二<三>\"四'
周區長強調：推進２０２５年工作
I. 督辦事項
①事項甲
②事項乙
a)子項
IV. 續辦事項
要點一
甲．天干
１．全角
一数码
第十一条条款
样式循环不致死循环
取消编号
任务分解表
序号\t工作任务\t责任主体\t\t完成时限\t存在问题
\t\t牵头领导\t责任单位\t\t
1\t老旧小区改造\t陆晓东\t区住建局\t4月底前\t资金缺口较大； 进度偏慢
2\t雨污分流改造\t\t区水务局 区城管局\t6月30日前\t
4\t安置房建设\t\t区征收中心\t三季度末\t征收进度滞后
5\t城市更新储备库\t钱慧\t子表甲 子表乙\t年底前\t
以上工作由副区长陆晓东负责。
",
    );
    assert_eq!(doc.title.as_deref(), Some("区政府常务会议纪要"));
    assert_eq!(doc.created, chrono::NaiveDate::from_ymd_opt(2025, 4, 2));
    let filled = &doc.filled_tables[0];
    assert_eq!(filled[0][2..4], ["责任主体", "责任主体"]);
    let leaders: Vec<&str> = filled[2..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(leaders, ["陆晓东", "陆晓东", "陆晓东", "钱慧"]);
}

#[test]
fn python_docx_fixture() {
    let doc = check(
        "python_docx.docx",
        "青梧县人民政府专题会议纪要
时间：2025年9月16日下午
地点：县政府第二会议室
主持：副县长 韩立新
记录：杜小芸
一、关于秋冬季大气污染防治
（一）由县生态环境局牵头，县住建局配合，于10月底前完成工地扬尘整治。
要点
序号\t工作任务\t牵头领导\t责任单位\t完成时限
1\t工地扬尘整治\t韩立新\t县住建局\t10月底前
2\t散煤治理\t\t县发展改革局\t11月15日前
3\t重污染天气应急演练\t郑秋\t县应急管理局\t年底前
以上工作由副县长韩立新负责。
",
    );
    assert_eq!(doc.title.as_deref(), Some("县政府专题会议纪要"));
    assert_eq!(doc.created, chrono::NaiveDate::from_ymd_opt(2025, 9, 18));
    assert_eq!(doc.filled_tables[0][2][2], "韩立新");
}

#[test]
fn pandoc_fixture() {
    check(
        "pandoc.docx",
        "石湾镇工作调度会议纪要
2025-07-09
石湾镇工作调度会议纪要
时间：2025年7月8日上午
地点：镇政府三楼会议室
会议听取了R&D中心建设情况汇报。会议要求：
1. 镇规划办牵头，8月底前完成选址论证。
2. 镇财政所配合，年底前落实配套资金。
序号\t工作任务\t牵头领导\t完成时限
1\t选址论证\t林海\t8月底前
2\t配套资金\t林海\t年底前
",
    );
}

#[test]
fn libreoffice_fixture() {
    let doc = check(
        "libreoffice.docx",
        "市政府督查室督查专报
第7期
1. 港区二期工程
2. 供水管网改造
序号\t督办事项\t责任主体\t\t完成时限
\t\t牵头领导\t责任单位\t
1\t港区二期工程\t覃远航\t市交通运输局\t年底前
2\t供水管网改造\t\t市住建局\t11月30日前
报送：市委常委、市政府领导。
",
    );
    assert_eq!(
        doc.filled_tables[0][1],
        ["序号", "督办事项", "牵头领导", "责任单位", "完成时限"]
    );
    assert_eq!(doc.filled_tables[0][3][2], "覃远航");
}

#[test]
fn shared_corpus_reads() {
    let Some(shared) = shared() else {
        println!("shared folder absent: corpus not checked");
        return;
    };
    let mut n = 0;
    for dir in ["corpus/docx", "eval/dev/minutes"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "docx") {
                let doc = read(&path);
                assert!(!doc.blocks.is_empty(), "{}: no text", path.display());
                if let Some(out) = std::env::var_os("HUIYI_DUMP") {
                    let name = path.with_extension("txt");
                    let name = name.file_name().unwrap_or_default();
                    std::fs::write(Path::new(&out).join(name), render(&doc)).unwrap();
                }
                n += 1;
            }
        }
    }
    println!("{n} shared docx files read");
}

/// A zip of these entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn minimal_document(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .into_bytes()
}

fn read_bytes(bytes: &[u8]) -> Result<DocxDocument, crate::Error> {
    read_docx(bytes, Some(Path::new("in.docx")), &Limits::default())
}

fn kind(result: Result<DocxDocument, crate::Error>) -> &'static str {
    match result {
        Ok(doc) => panic!("read without error: {doc:?}"),
        Err(e) => {
            assert_eq!(e.to_string().split(':').next(), Some("in.docx"), "{e}");
            e.kind()
        }
    }
}

#[test]
fn a_spreadsheet_is_not_a_docx() {
    let xlsx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
    ]);
    let err = read_bytes(&xlsx).unwrap_err();
    assert_eq!(err.kind(), "not_a_docx");
    assert!(err.to_string().contains("xlsx"), "{err}");
}

#[test]
fn a_zip_of_text_files_is_not_a_docx() {
    let zip = zip_of(&[("a.txt", "会议纪要".as_bytes()), ("b.txt", b"minutes")]);
    assert_eq!(kind(read_bytes(&zip)), "not_a_docx");
}

#[test]
fn a_truncated_zip_is_corrupt() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx/hand.docx"))
            .unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        assert_eq!(
            kind(read_bytes(&bytes[..cut])),
            "corrupt_zip",
            "cut at {cut}"
        );
    }
    assert_eq!(kind(read_bytes(b"PK\x03\x04")), "corrupt_zip");
}

#[test]
fn cut_off_xml_is_malformed() {
    let xml = minimal_document("<w:p><w:r><w:t>会议</w:t></w:r></w:p>");
    let cut = &xml[..xml.len() - 30];
    let err = read_bytes(&zip_of(&[("word/document.xml", cut)])).unwrap_err();
    assert_eq!(err.kind(), "malformed_xml");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
    let bad = minimal_document("<w:p><w:r><w:t>a</w:r></w:p>");
    assert_eq!(
        kind(read_bytes(&zip_of(&[("word/document.xml", &bad)]))),
        "malformed_xml"
    );
    let entity = minimal_document("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>");
    assert_eq!(
        kind(read_bytes(&zip_of(&[("word/document.xml", &entity)]))),
        "malformed_xml"
    );
}

#[test]
fn entities_resolve_and_dtds_are_ignored() {
    let xml = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>R&amp;D&#x4E2D;&#24515;</w:t></w:r></w:p></w:body></w:document>"#;
    let doc = read_bytes(&zip_of(&[("word/document.xml", xml.as_bytes())])).unwrap();
    assert_eq!(render(&doc), "R&D中心\n");
    let external = xml.replace("R&amp;D", "&x;");
    assert_eq!(
        kind(read_bytes(&zip_of(&[(
            "word/document.xml",
            external.as_bytes()
        )]))),
        "malformed_xml"
    );
}

#[test]
fn deep_nesting_is_refused() {
    let depth = 300;
    let body = format!("{}{}", "<w:sdt>".repeat(depth), "</w:sdt>".repeat(depth));
    let xml = minimal_document(&body);
    assert_eq!(
        kind(read_bytes(&zip_of(&[("word/document.xml", &xml)]))),
        "too_deep"
    );
}

#[test]
fn an_encrypted_ole_package_is_recognised() {
    // An OLE header, then a directory naming the streams of an encrypted
    // Office package (UTF-16LE names), as Office writes them.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        ole.extend(entry);
    }
    assert!(super::is_encrypted_ole(&ole));
    let mut plain_doc = ole[..512].to_vec();
    plain_doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(!super::is_encrypted_ole(&plain_doc));
    assert!(!super::is_encrypted_ole(b"PK\x03\x04"));
}

/// Bits written least significant first, as deflate wants them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    used: u32,
}

impl Bits {
    /// `n` bits of `value`, least significant first (headers, extra bits).
    fn value(&mut self, value: u32, n: u32) {
        for i in 0..n {
            if self.used.is_multiple_of(8) {
                self.out.push(0);
            }
            if value >> i & 1 == 1 {
                *self.out.last_mut().unwrap() |= 1 << (self.used % 8);
            }
            self.used += 1;
        }
    }

    /// A Huffman code of `n` bits, most significant first.
    fn code(&mut self, code: u32, n: u32) {
        for i in (0..n).rev() {
            self.value(code >> i & 1, 1);
        }
    }
}

/// A raw deflate stream of `1 + 258 * matches` zero bytes in about
/// `matches / 4` bytes: one dynamic block whose codes for "length 258" and
/// "distance 1" are one bit each, so that every match is two zero bits.
fn deflated_zeros(matches: usize) -> Vec<u8> {
    let mut b = Bits::default();
    b.value(1, 1); // the last block
    b.value(2, 2); // dynamic codes
    b.value(286 - 257, 5);
    b.value(0, 5); // one distance code
    b.value(18 - 4, 4);
    // Code-length code lengths, in the order the format lists them: 18 has
    // one bit, 1 and 2 two bits.
    for sym in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
        b.value(
            match sym {
                18 => 1,
                1 | 2 => 2,
                _ => 0,
            },
            3,
        );
    }
    // Literal/length lengths: 0 → 2, 1–255 → 0, 256 → 2, 257–284 → 0,
    // 285 → 1; then the distance code 0 → 1. (Codes: 18 = 0, 1 = 10, 2 = 11.)
    b.code(0b11, 2);
    b.code(0, 1);
    b.value(138 - 11, 7);
    b.code(0, 1);
    b.value(117 - 11, 7);
    b.code(0b11, 2);
    b.code(0, 1);
    b.value(28 - 11, 7);
    b.code(0b10, 2);
    b.code(0b10, 2);
    // Codes: 285 = 0, literal 0 = 10, end of block = 11; distance 0 = 0.
    // A match is two zero bits: the matches are just room left zero.
    b.code(0b10, 2);
    let end = b.used as usize + 2 * matches;
    let mut out = b.out;
    out.resize((end + 2).div_ceil(8), 0);
    for bit in [end, end + 1] {
        out[bit / 8] |= 1 << (bit % 8);
    }
    out
}

/// A zip holding one deflated entry, its uncompressed size declared as
/// `declared` (true or not); the CRC is left zero, never reached.
fn zip_with_entry(name: &str, data: &[u8], declared: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let n = name.len() as u16;
    let csize = data.len() as u32;
    let common = |z: &mut Vec<u8>| {
        z.extend(20u16.to_le_bytes()); // version needed
        z.extend(0u16.to_le_bytes()); // flags
        z.extend(8u16.to_le_bytes()); // deflate
        z.extend(0u16.to_le_bytes()); // time
        z.extend(0x21u16.to_le_bytes()); // date 1980-01-01
        z.extend(0u32.to_le_bytes()); // crc
        z.extend(csize.to_le_bytes());
        z.extend(declared.to_le_bytes());
        z.extend(n.to_le_bytes());
        z.extend(0u16.to_le_bytes()); // extra
    };
    z.extend(0x0403_4b50u32.to_le_bytes());
    common(&mut z);
    z.extend(name.as_bytes());
    z.extend(data);
    let cd = z.len() as u32;
    z.extend(0x0201_4b50u32.to_le_bytes());
    z.extend(20u16.to_le_bytes()); // made by
    common(&mut z);
    z.extend([0u8; 10]); // comment, disk, attributes
    z.extend(0u32.to_le_bytes()); // local header at 0
    z.extend(name.as_bytes());
    let cd_size = z.len() as u32 - cd;
    z.extend(0x0605_4b50u32.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(cd_size.to_le_bytes());
    z.extend(cd.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

#[test]
fn the_zeros_stream_inflates() {
    // The bomb's stream, small: it must decode to exactly the zeros claimed.
    let matches = 1000;
    let data = deflated_zeros(matches);
    let zip = zip_with_entry("a.bin", &data, (1 + 258 * matches) as u32);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut out = Vec::new();
    let _ = std::io::Read::read_to_end(&mut archive.by_name("a.bin").unwrap(), &mut out);
    assert_eq!(out.len(), 1 + 258 * matches);
    assert!(out.iter().all(|&b| b == 0));
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    // 1 GiB of zeros in about 1 MB.
    let matches = (1usize << 30) / 258;
    let data = deflated_zeros(matches);
    let size = (1 + 258 * matches) as u32;
    println!("bomb: {} bytes compressed, {size} decompressed", data.len());
    let honest = zip_with_entry("word/document.xml", &data, size);
    let lying = zip_with_entry("word/document.xml", &data, 1000);
    // The true size is refused before inflating; a false one as soon as
    // the entry passes it.
    for (bomb, expected) in [(honest, "too_large"), (lying, "corrupt_zip")] {
        let start = std::time::Instant::now();
        let err = read_bytes(&bomb).unwrap_err();
        let elapsed = start.elapsed();
        assert_eq!(err.kind(), expected, "{err}");
        assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
        println!("{err} in {elapsed:?}");
    }
}

/// The entries of a fixture, to be mutated and zipped again.
fn entries(name: &str) -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/docx")
            .join(name),
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut data).unwrap();
            (file.name().to_string(), data)
        })
        .collect()
}

const FIXTURES: [&str; 4] = [
    "hand.docx",
    "python_docx.docx",
    "pandoc.docx",
    "libreoffice.docx",
];

/// Markup that the mutations splice into the parts: the elements the
/// reader gives meaning to, opened and closed out of place.
const SNIPPETS: [&str; 16] = [
    "<w:p>",
    "</w:p>",
    "<w:tbl>",
    "<w:tr>",
    "<w:tc>",
    "<w:gridSpan w:val=\"99999999\"/>",
    "<w:vMerge/>",
    "<w:fldChar w:fldCharType=\"begin\"/>",
    "<w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"5\"/></w:numPr>",
    "<mc:AlternateContent>",
    "<w:txbxContent>",
    "&#0;",
    "&amp;",
    "<w:sym w:char=\"FFFFFFFF\"/>",
    "<w:lvlText w:val=\"%9%0%\"/>",
    "<w:start w:val=\"4294967295\"/>",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Random flips and cuts of a fixture's bytes: an error or a document,
    /// never a panic.
    #[test]
    fn mutated_zip_bytes_never_panic(
        which in 0..FIXTURES.len(),
        flips in proptest::collection::vec((0usize..1 << 16, proptest::num::u8::ANY), 0..8),
        cut in proptest::option::of(0usize..1 << 16),
    ) {
        let mut bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx").join(FIXTURES[which])).unwrap();
        for (at, value) in flips {
            let at = at % bytes.len();
            bytes[at] ^= value;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        let _ = read_bytes(&bytes);
    }

    /// Random edits of the XML parts (flips, cuts, markup spliced in), zipped
    /// again so that they reach the XML reader.
    #[test]
    fn mutated_xml_never_panics(
        which in 0..FIXTURES.len(),
        edits in proptest::collection::vec((0usize..8, 0usize..1 << 20, 0usize..SNIPPETS.len(), proptest::num::u8::ANY), 1..6),
    ) {
        let mut parts = entries(FIXTURES[which]);
        let xml: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].0.ends_with(".xml") || parts[i].0.ends_with(".rels")).collect();
        for (kind, at, snippet, value) in edits {
            let data = &mut parts[xml[at % xml.len()]].1;
            let at = at % (data.len() + 1);
            match kind {
                0 => data.truncate(at),
                1 if at < data.len() => data[at] ^= value,
                2 if at < data.len() => { data.remove(at); }
                _ => { data.splice(at..at, SNIPPETS[snippet].bytes()); }
            }
        }
        let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        let _ = read_bytes(&zip_of(&refs));
    }
}

#[test]
fn nesting_up_to_the_limit_reads_on_a_small_stack() {
    // Just under the depth limit, in the shapes that recurse most: runs in
    // runs, tables in cells, text boxes in paragraphs, alternate content.
    let levels = Limits::default().max_xml_depth - 4;
    let shapes: [(&str, &str, usize); 4] = [
        ("<w:hyperlink>", "</w:hyperlink>", 1),
        ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 3),
        (
            "<w:r><w:txbxContent><w:p>",
            "</w:p></w:txbxContent></w:r>",
            3,
        ),
        (
            "<mc:AlternateContent><mc:Choice>",
            "</mc:Choice></mc:AlternateContent>",
            2,
        ),
    ];
    for (open, close, depth) in shapes {
        let n = levels / depth - 1;
        let text = "<w:r><w:t>深</w:t></w:r>";
        let body = if open.starts_with("<w:tbl>") {
            format!("{}<w:p>{text}</w:p>{}", open.repeat(n), close.repeat(n))
        } else {
            format!("<w:p>{}{text}{}</w:p>", open.repeat(n), close.repeat(n))
        };
        let xml = minimal_document(&body).into_iter().collect::<Vec<u8>>();
        let xml = String::from_utf8(xml).unwrap().replace(
            "<w:document ",
            "<w:document xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" ",
        );
        let zip = zip_of(&[("word/document.xml", xml.as_bytes())]);
        let doc = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || read_bytes(&zip).map(|d| render(&d)))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(doc.unwrap().trim(), "深", "{open}");
    }
}

#[test]
fn numbers_in_list_formats() {
    use super::numbering::format_number as f;
    let counting: Vec<String> = [1, 10, 11, 20, 21, 100, 101, 110, 1000, 10010]
        .iter()
        .map(|&n| f(n, "chineseCounting"))
        .collect();
    assert_eq!(
        counting,
        [
            "一",
            "十",
            "十一",
            "二十",
            "二十一",
            "一百",
            "一百零一",
            "一百一十",
            "一千",
            "一万零一十"
        ]
    );
    assert_eq!(f(12, "chineseLegalSimplified"), "壹拾贰");
    assert_eq!(f(10, "ideographDigital"), "一〇");
    assert_eq!(f(11, "ideographTraditional"), "甲");
    assert_eq!(f(1994, "upperRoman"), "MCMXCIV");
    assert_eq!(f(4, "lowerRoman"), "iv");
    assert_eq!(f(27, "upperLetter"), "AA");
    assert_eq!(f(3, "lowerLetter"), "c");
    assert_eq!(f(21, "decimalEnclosedCircle"), "㉑");
    assert_eq!(f(51, "decimalEnclosedCircle"), "51");
    assert_eq!(f(12, "decimalFullWidth"), "１２");
    assert_eq!(f(7, "decimalZero"), "07");
    assert_eq!(f(7, "none"), "");
    assert_eq!(f(0, "upperLetter"), "0");
    assert_eq!(f(u32::MAX, "chineseCounting"), u32::MAX.to_string());
}

#[test]
fn limits_are_configurable() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx/hand.docx"))
            .unwrap();
    let tight = |change: fn(&mut Limits)| {
        let mut limits = Limits::default();
        change(&mut limits);
        read_docx(&bytes, None, &limits).unwrap_err()
    };
    let e = tight(|l| l.max_input_bytes = 1000);
    assert!(
        matches!(e, crate::Error::TooLarge { ref what, .. } if what == "the file"),
        "{e}"
    );
    assert_eq!(tight(|l| l.max_entries = 3).kind(), "too_large");
    assert_eq!(tight(|l| l.max_entry_bytes = 1000).kind(), "too_large");
    assert_eq!(
        tight(|l| l.max_total_decompressed_bytes = 10_000).kind(),
        "too_large"
    );
    assert_eq!(tight(|l| l.max_table_cells = 20).kind(), "too_large");
    assert_eq!(tight(|l| l.max_xml_depth = 5).kind(), "too_deep");
}

#[test]
fn a_utf16_part_reads() {
    let xml = String::from_utf8(minimal_document(
        "<w:p><w:r><w:t>会议纪要</w:t></w:r></w:p>",
    ))
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        xml.replace("UTF-8", "UTF-16")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let doc = read_bytes(&zip_of(&[("word/document.xml", &utf16)])).unwrap();
    assert_eq!(render(&doc), "会议纪要\n");
}

/// A `w:tc` of these paragraphs, with these cell properties.
fn form_cell(props: &str, paragraphs: &[&str]) -> String {
    let ps: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{ps}<w:p/></w:tc>")
}

#[test]
fn a_form_flows_as_lines_and_a_data_table_keeps_its_cells() {
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let form = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        row(&[
            form_cell("", &["时间"]),
            form_cell("", &["3月5日"]),
            form_cell("", &["地点"]),
            form_cell("", &["二楼"]),
        ]),
        row(&[
            form_cell("", &["主 持 人："]),
            form_cell(r#"<w:gridSpan w:val="3"/>"#, &["王强"]),
        ]),
        row(&[
            form_cell(r#"<w:vMerge w:val="restart"/>"#, &["会议内容"]),
            form_cell(
                r#"<w:gridSpan w:val="3"/>"#,
                &["一、甲事项。", "二、乙事项。"]
            ),
        ]),
        row(&[
            form_cell("<w:vMerge/>", &[]),
            form_cell(r#"<w:gridSpan w:val="3"/>"#, &["三、丙事项。"]),
        ]),
    );
    // A title row spanning the table stands above the header.
    let data = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        row(&[form_cell(r#"<w:gridSpan w:val="3"/>"#, &["任务分解表"])]),
        row(&[
            form_cell("", &["序号"]),
            form_cell("", &["任务"]),
            form_cell("", &["措施"]),
        ]),
        row(&[
            form_cell("", &["1"]),
            form_cell("", &["改造"]),
            form_cell("", &["1.排查", "2.施工"]),
        ]),
    );
    // A first row of labels only, naming form fields, is no header.
    let named = format!(
        "<w:tbl>{}{}</w:tbl>",
        row(&[
            form_cell("", &["会议名称"]),
            form_cell("", &["例会"]),
            form_cell("", &["主持人："]),
            form_cell("", &["王强"]),
        ]),
        row(&[
            form_cell("", &["会议内容"]),
            form_cell(r#"<w:gridSpan w:val="3"/>"#, &["甲。", "乙。"]),
        ]),
    );
    let docx = zip_of(&[(
        "word/document.xml",
        &minimal_document(&format!("{form}{data}{named}")),
    )]);
    let doc = read_bytes(&docx).unwrap();
    assert_eq!(
        render(&doc),
        "时间：3月5日\n地点：二楼\n主持人：王强\n会议内容：一、甲事项。\n二、乙事项。\n三、丙事项。\n\
         任务分解表\t\t\n序号\t任务\t措施\n1\t改造\t1.排查 2.施工\n\
         会议名称：例会\n主持人：王强\n会议内容：甲。\n乙。\n"
    );
    assert_eq!(doc.filled_tables.len(), 1);
}
