//! The Word 97-2003 (`.doc`) reader: LibreOffice's files in
//! `fixtures/read/doc/` (made by its `make.sh` from `minutes.html`), and
//! documents and OLE files built here byte by byte, for what LibreOffice
//! does not write (8-bit pieces, fields, breaks) and for hostile files.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use huiyi::options::Limits;
use huiyi::read::{Block, Document, Format, read_bytes};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/read/doc")
        .join(name)
}

fn read_fixture(name: &str) -> huiyi::Result<Document> {
    let path = fixture(name);
    read_bytes(
        &std::fs::read(&path).unwrap(),
        Some(&path),
        &Limits::default(),
    )
}

fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

const MINUTES: &str = "城东街道环境整治工作推进会会议纪要
会议时间：2025年3月12日上午9:30
会议地点：街道办事处三楼会议室
主持人：街道办主任赵明远
参会人员：副主任孙丽华、城管科科长钱永刚、社区服务中心主任李晓东
会议听取了城管科关于背街小巷整治进展的汇报，研究部署下一阶段工作。详见整治方案。
一、由钱永刚负责，3月31日前完成12条背街小巷的路面修补。
二、由李晓东负责，4月15日前在各社区设置垃圾分类宣传点。
三、孙丽华牵头，每月5日前汇总整治进度并报街道办。
序号\t任务\t责任人\t完成时限\t备注
1\t背街小巷路面修补\t钱永刚\t3月31日前\t
2\t垃圾分类宣传点 每个社区不少于2处\t李晓东\t4月15日前\t与物业配合
会议要求，各责任人要按时限完成任务。
";

#[test]
fn libreoffice_doc_and_dot() {
    let table = cells(&[
        &["序号", "任务", "责任人", "完成时限", "备注"],
        &["1", "背街小巷路面修补", "钱永刚", "3月31日前", ""],
        &[
            "2",
            "垃圾分类宣传点 每个社区不少于2处",
            "李晓东",
            "4月15日前",
            "与物业配合",
        ],
    ]);
    // A template is the same format: recognised by its streams, not its name.
    for name in ["minutes.doc", "minutes.dot"] {
        let doc = read_fixture(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.format, Format::Doc, "{name}");
        assert_eq!(doc.format.name(), "doc");
        assert_eq!(doc.encoding, None);
        // The hyperlink's field code is dropped, its text kept; the
        // footnote (its mark and its text after the main text) is not body.
        assert_eq!(doc.text(), MINUTES, "{name}");
        assert_eq!(doc.created, chrono::NaiveDate::from_ymd_opt(2025, 3, 12));
        assert_eq!(
            doc.title.as_deref(),
            Some("城东街道环境整治工作推进会会议纪要")
        );
        let tables: Vec<&Vec<Vec<String>>> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables, [&table], "{name}");
        assert_eq!(doc.filled_tables, std::slice::from_ref(&table), "{name}");
    }
}

#[test]
fn doc_reads_as_the_docx_converted_from_the_same_source() {
    let doc = read_fixture("minutes.doc").unwrap();
    let docx = read_fixture("minutes.docx").unwrap();
    assert_eq!(docx.format, Format::Docx);
    assert_eq!(doc.blocks, docx.blocks);
    assert_eq!(doc.filled_tables, docx.filled_tables);
    assert_eq!(doc.created, docx.created);
    assert_eq!(doc.title, docx.title);
}

#[test]
fn automatic_numbering_is_rendered_as_in_the_docx() {
    let doc = read_fixture("numbered.doc").unwrap();
    // Chinese counting with 、 and （）, no space after them; decimal with
    // one; the bullet shows no label; a deeper level restarts under a new
    // parent and the outer list goes on after it.
    assert_eq!(
        doc.text(),
        "城西社区防汛工作会议纪要
会议时间：2025年6月3日下午3:00
主持人：社区主任周建国
会议决定：
一、由王海涛负责，6月10日前完成排水管道疏通。
二、由陈静负责物资储备：
（一）沙袋不少于500个；
（二）6月15日前完成清点。
1. 巡查分三组：
三、由刘洋牵头，汛期每日巡查。
注意事项
散会。
"
    );
    assert_eq!(doc.blocks, read_fixture("numbered.docx").unwrap().blocks);
}

#[test]
fn merged_cells_of_libreoffice_read_as_in_the_docx() {
    let doc = read_fixture("merged.doc").unwrap();
    let docx = read_fixture("merged.docx").unwrap();
    assert_eq!(
        doc.filled_tables,
        [cells(&[
            &["序号", "任务", "牵头领导", "完成时限"],
            &["1", "背街小巷路面修补", "钱永刚", "3月31日前"],
            &["2", "排水管道疏通", "钱永刚", "4月15日前"],
            &["垃圾分类宣传", "垃圾分类宣传", "李晓东", "6月底前"],
        ])]
    );
    assert_eq!(doc.blocks, docx.blocks);
    assert_eq!(doc.filled_tables, docx.filled_tables);
}

#[test]
fn wide_tables_of_libreoffice_keep_their_rows() {
    // LibreOffice moves the properties of an 8-column row's end mark to the
    // Data stream (sprmPHugePapx): read from there, each row ends; the
    // second table's header spans three columns and two rows.
    let doc = read_fixture("wide.doc").unwrap();
    let docx = read_fixture("wide.docx").unwrap();
    assert_eq!(
        doc.text(),
        "老旧小区改造推进会重点任务
序号\t工作任务\t牵头领导\t责任单位\t配合单位\t完成时限\t进展情况\t备注
1\t雨污管网分流改造\t周建国\t区住建局\t区水务公司\t5月底前\t已完成施工招标\t无
2\t加装电梯意见征集\t\t各街道办事处\t区住建局\t6月15日前\t已征集意见420户\t部分单元意见不一
3\t小区停车位划线\t吴秀英\t区城管局\t区公安分局交警大队\t7月10日前\t已完成现场勘查\t无
4\t楼道照明更换\t周建国\t区供电服务中心\t各社区居委会\t三季度末\t已更换灯具860盏\t无
资金安排
项目\t资金来源（万元）\t\t\t备注
\t中央补助\t省级配套\t区级自筹\t
管网改造\t320\t80\t100\t分两期拨付
电梯加装\t150\t60\t90\t按户补贴
散会。
"
    );
    assert_eq!(doc.blocks, docx.blocks);
    assert_eq!(doc.filled_tables, docx.filled_tables);
}

#[test]
fn wide_table_without_its_data_stream_still_reads() {
    // The row end marks' properties gone (no Data stream) or cut short: the
    // rows run together as cells of one, and nothing fails.
    let bytes = std::fs::read(fixture("wide.doc")).unwrap();
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).unwrap();
    let mut stream = |name: &str| {
        let mut bytes = Vec::new();
        file.open_stream(name)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    };
    let (word, table, data) = (stream("WordDocument"), stream("1Table"), stream("Data"));
    assert!(!data.is_empty());
    let whole = read(&ole(&[
        ("WordDocument", &word),
        ("1Table", &table),
        ("Data", &data),
    ]))
    .unwrap();
    assert_eq!(whole.blocks, read_fixture("wide.doc").unwrap().blocks);
    for data in [&[][..], &data[..data.len() / 2], &[0xFF; 3]] {
        let mut streams = vec![("WordDocument", &word[..]), ("1Table", &table[..])];
        if !data.is_empty() {
            streams.push(("Data", data));
        }
        let doc = read(&ole(&streams)).unwrap();
        assert!(doc.text().contains("散会。"));
        assert_ne!(doc.blocks, whole.blocks);
    }
}

#[test]
fn tracked_changes_of_libreoffice_read_as_in_the_docx() {
    let doc = read_fixture("tracked.doc").unwrap();
    // The deletion and the deleted row go, the insertion stays; the
    // Wingdings glyph goes, the star stays.
    assert_eq!(
        doc.text(),
        "城西社区防汛工作会议纪要
会议时间：2025年6月3日
由王海涛负责，6月10日前完成排水管道疏通。
已落实★重点
序号\t任务\t责任人
1\t排水管道疏通\t王海涛
散会。
"
    );
    assert_eq!(doc.blocks, read_fixture("tracked.docx").unwrap().blocks);
}

#[test]
fn a_form_holding_a_nested_table_reads_as_its_docx() {
    let doc = read_fixture("form.doc").unwrap();
    let docx_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/read/office/form.docx");
    let docx = read_bytes(
        &std::fs::read(&docx_path).unwrap(),
        None,
        &Limits::default(),
    )
    .unwrap();
    // The form's cells flow as `label：value` lines; the table nested in its
    // 会议内容 cell (sprmPItap 2, inner cell and row marks) stays a table.
    assert!(
        doc.blocks
            .contains(&Block::Paragraph("主持人：副县长林思源".into()))
    );
    let inner = cells(&[&["事项", "责任单位"], &["产业帮扶项目验收", "县乡村振兴局"]]);
    assert_eq!(doc.filled_tables, [inner]);
    assert_eq!(doc.blocks, docx.blocks);
}

/// `huiyi extract` on the .doc gives the record it gives on the docx made
/// from the same minutes, but for the `source` fields.
#[test]
fn extract_gives_the_same_record_as_for_the_docx() {
    let record = |name: &str| -> serde_json::Value {
        let out = Command::new(env!("CARGO_BIN_EXE_huiyi"))
            .args(["extract", "--format", "json"])
            .arg(fixture(name))
            .output()
            .expect("the huiyi binary runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let mut doc = record("minutes.doc");
    let mut docx = record("minutes.docx");
    assert_eq!(doc["source"]["format"], "doc");
    assert_eq!(doc["meeting"]["chairs"], serde_json::json!(["赵明远"]));
    assert_eq!(doc["meeting"]["date"], "2025-03-12");
    let leaders: Vec<&serde_json::Value> = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["leaders"])
        .collect();
    assert!(
        leaders.contains(&&serde_json::json!(["钱永刚"])),
        "{leaders:?}"
    );
    assert!(
        leaders.contains(&&serde_json::json!(["李晓东"])),
        "{leaders:?}"
    );
    doc.as_object_mut().unwrap().remove("source");
    docx.as_object_mut().unwrap().remove("source");
    assert_eq!(doc, docx);
}

// ---------------------------------------------------------------------------
// Documents built here.

/// The text of a document as the builder takes it: `|` is a cell mark, `#`
/// a row end mark, `¦` the mark of a paragraph in a table cell (all three
/// with their paragraph properties), any other character itself.
struct Piece<'a> {
    text: &'a str,
    eight_bit: bool,
}

fn piece(text: &str) -> Piece<'_> {
    Piece {
        text,
        eight_bit: false,
    }
}

fn piece8(text: &str) -> Piece<'_> {
    Piece {
        text,
        eight_bit: true,
    }
}

/// The two streams of a Word 97 document.
struct Streams {
    word: Vec<u8>,
    table: Vec<u8>,
}

/// Where the builder puts the FIB fields the reader reads.
const FLAGS: usize = 0x0A;
const CCP_TEXT: usize = 0x4C;
const FC_CLX: usize = 0x01A2;
const FC_PLCF_BTE_PAPX: usize = 0x0102;
const FC_PLCF_BTE_CHPX: usize = 0x00FA;

fn put_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

/// A Word 97 document of `pieces`, the main text being the first
/// `ccp_text` characters (all when `None`); one FKP page of paragraph
/// properties marks the cells and rows.
fn build(pieces: &[Piece<'_>], ccp_text: Option<u32>) -> Streams {
    build_with_rows(pieces, ccp_text, &[])
}

/// A table row as its row end mark defines it: the cells' edges, the
/// `TC80` flags of the first cells, and `sprmTVertMerge`s (cell, how).
struct Row<'a> {
    edges: &'a [i16],
    flags: &'a [u16],
    vert_merges: &'a [(u8, u8)],
}

/// The PapxInFkp of a row end mark: the istd, sprmPFInTable, the row's
/// sprmTDefTable (a 2-byte size: its bytes after the size, plus one),
/// its sprmTVertMerges, then sprmPFTtp.
fn row_papx(row: &Row<'_>) -> Vec<u8> {
    let mut def = vec![(row.edges.len() - 1) as u8];
    def.extend(row.edges.iter().flat_map(|e| e.to_le_bytes()));
    for f in row.flags {
        def.extend(f.to_le_bytes());
        def.extend([0; 18]);
    }
    let mut grpprl = vec![0, 0, 0x16, 0x24, 1, 0x08, 0xD6];
    grpprl.extend((def.len() as u16 + 1).to_le_bytes());
    grpprl.extend(def);
    for &(itc, how) in row.vert_merges {
        grpprl.extend([0x2B, 0xD6, 2, itc, how]);
    }
    grpprl.extend([0x17, 0x24, 1]);
    if grpprl.len() % 2 == 1 {
        grpprl.push(0);
    }
    let mut papx = vec![0, (grpprl.len() / 2) as u8];
    papx.extend(grpprl);
    papx
}

/// [`build`], the row end marks defining `rows` in order (the rest an
/// unreadable sprmTDefTable, which the reader steps over).
fn build_with_rows(pieces: &[Piece<'_>], ccp_text: Option<u32>, rows: &[Row<'_>]) -> Streams {
    build_full(pieces, ccp_text, rows, &[])
}

/// [`build_with_rows`], with character properties: the `n`th occurrence
/// (from 0) of each needle in the text gets its property list (one CHPX
/// FKP page).
fn build_full(
    pieces: &[Piece<'_>],
    ccp_text: Option<u32>,
    rows: &[Row<'_>],
    char_props: &[(&str, usize, &[u8])],
) -> Streams {
    // FibBase, csw 14, FibRgW97, cslw 22, FibRgLw97, cbRgFcLcb 93, FibRgFcLcb97.
    let mut word = vec![0u8; 1024];
    word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    word[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
    word[32] = 14;
    word[62] = 22;
    word[152] = 93;
    let (mut cps, mut fcs) = (vec![0u32], Vec::new());
    // (fc, width, in table, row end) of each paragraph mark.
    let mut marks = Vec::new();
    // The text and each character's (fc, width).
    let (mut text, mut char_fcs) = (Vec::new(), Vec::new());
    for p in pieces {
        let start = word.len() as u32;
        fcs.push(if p.eight_bit {
            (start * 2) | 0x4000_0000
        } else {
            start
        });
        let mut count = 0;
        for c in p.text.chars() {
            let fc = word.len() as u32;
            text.push(c);
            let (c, mark) = match c {
                '|' => ('\u{7}', Some((true, false))),
                '#' => ('\u{7}', Some((true, true))),
                '¦' => ('\r', Some((true, false))),
                '\r' => ('\r', Some((false, false))),
                c => (c, None),
            };
            if p.eight_bit {
                let mut utf8 = [0; 4];
                let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut utf8));
                assert!(!bad, "{c:?} is in Windows-1252");
                word.extend_from_slice(&bytes);
            } else {
                let mut units = [0; 2];
                word.extend(
                    c.encode_utf16(&mut units)
                        .iter()
                        .flat_map(|u| u.to_le_bytes()),
                );
            }
            char_fcs.push((fc, word.len() as u32 - fc));
            if let Some((in_table, row_end)) = mark {
                marks.push((fc, word.len() as u32 - fc, in_table, row_end));
            }
            count += 1;
        }
        cps.push(cps.last().unwrap() + count);
    }
    let total = *cps.last().unwrap();
    put_u32(&mut word, CCP_TEXT, ccp_text.unwrap_or(total));
    // The FKP page: runs from each mark to the next, with properties on the
    // runs ending in a table mark.
    word.resize(word.len().div_ceil(512) * 512, 0);
    let pn = (word.len() / 512) as u32;
    let mut page = vec![0u8; 512];
    let mut bounds = vec![1024u32];
    let mut props = Vec::new();
    for &(fc, width, in_table, row_end) in &marks {
        bounds.push(fc + width);
        props.push((in_table, row_end));
    }
    let crun = props.len();
    assert!(crun <= 29, "one page holds 29 runs");
    page[511] = crun as u8;
    for (i, b) in bounds.iter().enumerate() {
        put_u32(&mut page, 4 * i, *b);
    }
    // PapxInFkp from the end of the page down, 2-byte aligned, each
    // different one once.
    let mut free = 510;
    let mut written: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut row_defs = rows.iter();
    for (i, &(in_table, row_end)) in props.iter().enumerate() {
        let papx: Vec<u8> = match (in_table, row_end) {
            (false, _) => continue,
            // cb 3: the istd and sprmPFInTable.
            (true, false) => vec![3, 0, 0, 0x16, 0x24, 1],
            (true, true) => match row_defs.next() {
                Some(row) => row_papx(row),
                // cb 0, then 7 words: the istd, sprmPFInTable, a sprmTDefTable
                // too short for its cells, then sprmPFTtp.
                None => vec![
                    0, 7, 0, 0, 0x16, 0x24, 1, 0x08, 0xD6, 3, 0, 0xAA, 0xBB, 0x17, 0x24, 1,
                ],
            },
        };
        let at = match written.iter().find(|(p, _)| *p == papx) {
            Some(&(_, at)) => at,
            None => {
                free = (free - papx.len()) & !1;
                page[free..free + papx.len()].copy_from_slice(&papx);
                written.push((papx, free));
                free
            }
        };
        assert!(
            at > 4 * (crun + 1) + 13 * crun,
            "the page holds the properties"
        );
        page[4 * (crun + 1) + 13 * i] = (at / 2) as u8;
    }
    word.extend_from_slice(&page);
    // The CHPX page: a run for each needle, runs without properties between.
    let text_end = bounds[bounds.len() - 1];
    let mut chpx = vec![0u8; 512];
    let mut runs: Vec<(u32, u32, Option<&[u8]>)> = char_props
        .iter()
        .map(|&(needle, n, grpprl)| {
            let needle: Vec<char> = needle.chars().collect();
            let cp = (0..text.len())
                .filter(|&i| text[i..].starts_with(&needle))
                .nth(n)
                .unwrap();
            let (last, width) = char_fcs[cp + needle.len() - 1];
            (char_fcs[cp].0, last + width, Some(grpprl))
        })
        .collect();
    runs.sort_by_key(|r| r.0);
    let mut all = Vec::new();
    let mut at = 1024;
    for run in runs {
        if run.0 > at {
            all.push((at, run.0, None));
        }
        at = run.1;
        all.push(run);
    }
    all.push((at, text_end, None));
    let crun = all.len();
    chpx[511] = crun as u8;
    let mut free = 511;
    for (i, (start, end, grpprl)) in all.iter().enumerate() {
        put_u32(&mut chpx, 4 * i, *start);
        put_u32(&mut chpx, 4 * (i + 1), *end);
        if let Some(grpprl) = grpprl {
            free = (free - grpprl.len() - 1) & !1;
            chpx[free] = grpprl.len() as u8;
            chpx[free + 1..free + 1 + grpprl.len()].copy_from_slice(grpprl);
            chpx[4 * (crun + 1) + i] = (free / 2) as u8;
        }
    }
    word.extend_from_slice(&chpx);
    // The table stream: the Clx, then the PlcBtePapx and PlcBteChpx.
    let mut plc: Vec<u8> = cps.iter().flat_map(|c| c.to_le_bytes()).collect();
    for fc in fcs {
        plc.extend([0, 0]);
        plc.extend(fc.to_le_bytes());
        plc.extend([0, 0]);
    }
    let mut table = vec![2];
    table.extend((plc.len() as u32).to_le_bytes());
    table.extend(&plc);
    let clx_len = table.len() as u32;
    for v in [1024, text_end, pn, 1024, text_end, pn + 1] {
        table.extend(v.to_le_bytes());
    }
    put_u32(&mut word, FC_CLX, 0);
    put_u32(&mut word, FC_CLX + 4, clx_len);
    put_u32(&mut word, FC_PLCF_BTE_PAPX, clx_len);
    put_u32(&mut word, FC_PLCF_BTE_PAPX + 4, 12);
    put_u32(&mut word, FC_PLCF_BTE_CHPX, clx_len + 12);
    put_u32(&mut word, FC_PLCF_BTE_CHPX + 4, 12);
    Streams { word, table }
}

/// An OLE compound file of the named streams.
fn ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (name, bytes) in streams {
        file.create_stream(name).unwrap().write_all(bytes).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

impl Streams {
    fn file(&self) -> Vec<u8> {
        ole(&[("WordDocument", &self.word), ("0Table", &self.table)])
    }
}

fn read(bytes: &[u8]) -> huiyi::Result<Document> {
    read_bytes(bytes, Some(Path::new("built.doc")), &Limits::default())
}

#[track_caller]
fn assert_error(bytes: &[u8], kind: &str, says: &str) {
    let start = Instant::now();
    let err = read(bytes).expect_err("an error");
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.path(), Some(Path::new("built.doc")), "{err}");
    let message = err.to_string();
    assert!(message.starts_with("built.doc: "), "{message}");
    assert!(message.contains(says), "{message:?} says {says:?}");
    assert!(start.elapsed() < Duration::from_secs(2), "{message}: fast");
}

#[test]
fn eight_and_sixteen_bit_pieces() {
    let doc = build(
        &[
            piece8("Minutes – café “budget”\r"),
            piece("会议时间：3月12日\r序号|任务|#1|修补|#"),
            piece8("Done\r"),
        ],
        None,
    );
    let read = read(&doc.file()).unwrap();
    assert_eq!(read.format, Format::Doc);
    assert_eq!(
        (read.created, read.title),
        (None, None),
        "no summary information"
    );
    assert_eq!(
        read.blocks,
        [
            Block::Paragraph("Minutes – café “budget”".into()),
            Block::Paragraph("会议时间：3月12日".into()),
            Block::Table(cells(&[&["序号", "任务"], &["1", "修补"]])),
            Block::Paragraph("Done".into()),
        ]
    );
}

/// A SummaryInformation stream of a code page, a title in it and a created FILETIME.
fn summary_information(codepage: u16, title: &[u8], filetime: u64) -> Vec<u8> {
    let mut title = title.to_vec();
    title.push(0);
    let mut props: Vec<(u32, Vec<u8>)> = vec![(
        1,
        [2u32.to_le_bytes(), u32::from(codepage).to_le_bytes()].concat(),
    )];
    let mut value = 0x1Eu32.to_le_bytes().to_vec();
    value.extend((title.len() as u32).to_le_bytes());
    value.extend(&title);
    value.resize(value.len().div_ceil(4) * 4, 0);
    props.push((2, value));
    props.push((
        0x0C,
        [0x40u32.to_le_bytes().as_slice(), &filetime.to_le_bytes()].concat(),
    ));
    let mut section = Vec::new();
    let mut offset = 8 + 8 * props.len();
    for (id, value) in &props {
        section.extend(id.to_le_bytes());
        section.extend((offset as u32).to_le_bytes());
        offset += value.len();
    }
    for (_, value) in &props {
        section.extend(value);
    }
    let mut stream = vec![0xFE, 0xFF, 0, 0, 0, 0, 0, 0];
    stream.extend([0; 16]);
    stream.extend(1u32.to_le_bytes());
    stream.extend([0xE0, 0x85, 0x9F, 0xF2, 0xF9, 0x4F, 0x68, 0x10]);
    stream.extend([0xAB, 0x91, 0x08, 0x00, 0x2B, 0x27, 0xB3, 0xD9]);
    stream.extend(48u32.to_le_bytes());
    stream.extend(((8 + section.len()) as u32).to_le_bytes());
    stream.extend((props.len() as u32).to_le_bytes());
    stream.extend(section);
    stream
}

#[test]
fn a_gbk_title_and_the_created_time_of_the_summary() {
    let doc = build(&[piece("正文。\r")], None);
    let (gbk, _, _) = encoding_rs::GBK.encode("区政府常务会议纪要");
    // 2025-03-11 23:30 UTC (the next morning in Beijing: the date is UTC's, as for a docx).
    let filetime = (1_741_735_800 + 11_644_473_600) * 10_000_000;
    let summary = summary_information(936, &gbk, filetime);
    let stream = "\u{5}SummaryInformation";
    let file = ole(&[
        ("WordDocument", &doc.word),
        ("0Table", &doc.table),
        (stream, &summary),
    ]);
    let got = read(&file).unwrap();
    assert_eq!(got.title.as_deref(), Some("区政府常务会议纪要"));
    assert_eq!(got.created, chrono::NaiveDate::from_ymd_opt(2025, 3, 11));
    // An unset time and a code page not read give neither; the text stays.
    let summary = summary_information(1251, b"title", 0);
    let file = ole(&[
        ("WordDocument", &doc.word),
        ("0Table", &doc.table),
        (stream, &summary),
    ]);
    let got = read(&file).unwrap();
    assert_eq!((got.title.as_deref(), got.created), (None, None));
    assert_eq!(got.text(), "正文。\n");
    // A summary cut short is no summary, not an error.
    let file = ole(&[
        ("WordDocument", &doc.word),
        ("0Table", &doc.table),
        (stream, &summary[..50]),
    ]);
    assert_eq!(read(&file).unwrap().text(), "正文。\n");
}

#[test]
fn empty_cells_and_cells_of_several_paragraphs() {
    let doc = build(
        &[piece("序号|任务|备注|#|垃圾分类¦每个社区2处||#\r散会。\r")],
        None,
    );
    let read = read(&doc.file()).unwrap();
    let table = cells(&[&["序号", "任务", "备注"], &["", "垃圾分类 每个社区2处", ""]]);
    assert_eq!(
        read.blocks,
        [
            Block::Table(table.clone()),
            Block::Paragraph("散会。".into())
        ]
    );
    assert_eq!(read.filled_tables, [table]);
}

#[test]
fn merged_cells_fill_the_positions_they_cover() {
    let three: &[i16] = &[0, 1000, 2000, 3000];
    let row = |vert_merges| Row {
        edges: three,
        flags: &[],
        vert_merges,
    };
    let doc = build_with_rows(
        &[piece(
            "序号|任务|牵头领导|#1|修补|钱永刚|#2|疏通||#合计|李晓东|#\r",
        )],
        None,
        &[
            row(&[]),
            // Word 2000 and later: sprmTVertMerge, 3 starts a merge, 1 goes on.
            row(&[(2, 3)]),
            row(&[(2, 1)]),
            // A cell two columns wide, by its edges.
            Row {
                edges: &[0, 2000, 3000],
                flags: &[],
                vert_merges: &[],
            },
        ],
    );
    let got = read(&doc.file()).unwrap();
    assert_eq!(
        got.blocks,
        [Block::Table(cells(&[
            &["序号", "任务", "牵头领导"],
            &["1", "修补", "钱永刚"],
            &["2", "疏通", ""],
            &["合计", "", "李晓东"],
        ]))]
    );
    assert_eq!(
        got.filled_tables,
        [cells(&[
            &["序号", "任务", "牵头领导"],
            &["1", "修补", "钱永刚"],
            &["2", "疏通", "钱永刚"],
            &["合计", "合计", "李晓东"],
        ])]
    );
}

#[test]
fn word_97_merge_flags() {
    // TC80 flags: fVertMerge | fVertRestart (0x60), then fVertMerge (0x20);
    // fFirstMerged (1) and fMerged (2) join two cells of a row.
    let edges: &[i16] = &[0, 1000, 2000, 3000];
    let doc = build_with_rows(
        &[piece("甲|乙||#|丁|戊|#\r")],
        None,
        &[
            Row {
                edges,
                flags: &[0x60, 1, 2],
                vert_merges: &[],
            },
            Row {
                edges,
                flags: &[0x20],
                vert_merges: &[],
            },
        ],
    );
    let got = read(&doc.file()).unwrap();
    assert_eq!(
        got.blocks,
        [Block::Table(cells(&[&["甲", "乙", ""], &["", "丁", "戊"]]))]
    );
    assert_eq!(
        got.filled_tables,
        [cells(&[&["甲", "乙", "乙"], &["甲", "丁", "戊"]])]
    );
}

#[test]
fn tracked_deletions_and_symbols() {
    // sprmCFRMarkDel on, sprmCSymbol (a font, then the character) on the
    // `(` placeholders Word writes for symbols.
    let deleted: &[u8] = &[0x00, 0x08, 0x01];
    let star: &[u8] = &[0x09, 0x6A, 0, 0, 0x05, 0x26];
    let wingdings: &[u8] = &[0x09, 0x6A, 0, 0, 0xFC, 0xF0];
    let doc = build_full(
        &[piece(
            "由王海涛负责，6月8日前6月10日前完成。\r(已落实(重点\r序号|任务|#1|疏通|#2|取消|#\r",
        )],
        None,
        &[],
        &[
            ("6月8日前", 0, deleted),
            ("(", 0, wingdings),
            ("(", 1, star),
            ("2|取消|", 0, deleted),
        ],
    );
    let got = read(&doc.file()).unwrap();
    assert_eq!(
        got.blocks,
        [
            Block::Paragraph("由王海涛负责，6月10日前完成。".into()),
            Block::Paragraph("已落实★重点".into()),
            Block::Table(cells(&[&["序号", "任务"], &["1", "疏通"]])),
        ]
    );
}

#[test]
fn fields_breaks_and_special_characters() {
    let text = "详见\u{13} HYPERLINK \"https://example.org\" \u{14}整治方案\u{15}。\r\
                第\u{13} IF \u{13} PAGE \u{14}1\u{15} = 1 \"一\" \"二\" \u{14}一\u{15}页\r\
                \u{13} PAGE \u{15}无结果的域\r\
                一行\u{0B}二行\u{0C}三行\r\
                A\tB\u{1E}C\u{1F}D\u{1}\u{8}E\u{2}\r";
    let doc = build(&[piece(text)], None);
    assert_eq!(
        read(&doc.file()).unwrap().text(),
        "详见整治方案。\n第一页\n无结果的域\n一行\n二行\n三行\nA B-CDE\n"
    );
}

#[test]
fn a_field_code_left_open_ends_at_its_paragraph() {
    let doc = build(&[piece("\u{13} PAGE 断开\r会议结束。\r")], None);
    assert_eq!(read(&doc.file()).unwrap().text(), "会议结束。\n");
}

#[test]
fn without_paragraph_properties_the_text_is_still_read() {
    let mut doc = build(&[piece("会议纪要\r序号|任务|#1|修补|#\r")], None);
    put_u32(&mut doc.word, FC_PLCF_BTE_PAPX + 4, 0);
    let got = read(&doc.file()).unwrap();
    // No row end is known: the cells make one row.
    assert_eq!(
        got.blocks,
        [
            Block::Paragraph("会议纪要".into()),
            Block::Table(cells(&[&["序号", "任务", "", "1", "修补", ""]])),
        ]
    );
}

#[test]
fn only_the_main_text_is_body() {
    // Footnote text follows the main text's ccpText characters.
    let doc = build(&[piece("正文。\r脚注内容\r")], Some(4));
    assert_eq!(read(&doc.file()).unwrap().text(), "正文。\n");
}

#[test]
fn encrypted_and_old_documents() {
    let mut doc = build(&[piece("正文。\r")], None);
    doc.word[FLAGS] = 0x00;
    doc.word[FLAGS + 1] = 0x01; // fEncrypted
    assert_error(&doc.file(), "encrypted", "encrypted");
    let mut doc = build(&[piece("正文。\r")], None);
    doc.word[2] = 0x68; // Word 95's nFib
    doc.word[3] = 0x00;
    assert_error(&doc.file(), "unsupported_format", "Word 6/95 document");
    // Word 6 as Word writes it: its own wIdent.
    let mut doc = build(&[piece("正文。\r")], None);
    doc.word[..4].copy_from_slice(&[0xDC, 0xA5, 0x65, 0x00]);
    assert_error(
        &doc.file(),
        "unsupported_format",
        "Word 6/95 document (nFib 101)",
    );
}

#[test]
fn libreoffice_doc_marked_encrypted() {
    let bytes = std::fs::read(fixture("minutes.doc")).unwrap();
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).unwrap();
    let mut word = Vec::new();
    file.open_stream("WordDocument")
        .unwrap()
        .read_to_end(&mut word)
        .unwrap();
    word[FLAGS + 1] |= 0x01;
    file.create_stream("WordDocument")
        .unwrap()
        .write_all(&word)
        .unwrap();
    file.flush().unwrap();
    assert_error(
        &file.into_inner().into_inner(),
        "encrypted",
        "the document is encrypted",
    );
}

#[test]
fn other_ole_files_are_named() {
    for (stream, says) in [
        ("Workbook", "Excel workbook (.xls) in an OLE file"),
        (
            "PowerPoint Document",
            "PowerPoint presentation (.ppt) in an OLE file",
        ),
        (
            "__properties_version1.0",
            "Outlook message (.msg) in an OLE file",
        ),
        ("Contents", "OLE compound file without a Word document"),
    ] {
        assert_error(&ole(&[(stream, b"data")]), "unsupported_format", says);
    }
}

#[test]
fn broken_structures_are_corrupt() {
    let good = build(&[piece("会议纪要\r正文。\r")], None);
    let patched = |patch: &dyn Fn(&mut Streams)| {
        let mut doc = Streams {
            word: good.word.clone(),
            table: good.table.clone(),
        };
        patch(&mut doc);
        doc.file()
    };
    // The piece's fc (after the Clx's type, size and two CPs, the Pcd's flags).
    let pcd_fc = 1 + 4 + 8 + 2;
    type Patch<'a> = &'a dyn Fn(&mut Streams);
    let cases: [(&str, Patch<'_>); 9] = [
        ("points past the end of the WordDocument stream", &|d| {
            put_u32(&mut d.table, pcd_fc, 0x3000_0000)
        }),
        ("points past the end of the WordDocument stream", &|d| {
            put_u32(&mut d.table, pcd_fc, 0x7FFF_FFFE)
        }),
        // A piece of four billion characters, with ccpText to match.
        (
            "claims more text than the WordDocument stream holds",
            &|d| {
                put_u32(&mut d.table, 9, u32::MAX);
                put_u32(&mut d.word, CCP_TEXT, u32::MAX);
            },
        ),
        ("before it starts", &|d| {
            put_u32(&mut d.table, 5, 20);
            put_u32(&mut d.table, 9, 10);
        }),
        (
            "the piece table lies past the end of the table stream",
            &|d| put_u32(&mut d.word, FC_CLX + 4, 1 << 30),
        ),
        ("a Clx entry of type 7", &|d| d.table[0] = 7),
        ("paragraph properties page", &|d| {
            // The PlcBtePapx's page number, before the 12-byte PlcBteChpx.
            let pn = d.table.len() - 16;
            put_u32(&mut d.table, pn, 0x3F_FFFF)
        }),
        ("does not start with a FIB", &|d| d.word[0] = 0),
        ("too short for its FIB", &|d| d.word.truncate(100)),
    ];
    for (says, patch) in cases {
        assert_error(&patched(patch), "corrupt_doc", says);
    }
    // No table stream at all.
    assert_error(
        &ole(&[("WordDocument", &good.word)]),
        "corrupt_doc",
        "no 0Table stream",
    );
}

#[test]
fn limits_hold() {
    let doc = build(
        &[piece("序号|任务|#1|修补|#\r会议结束，共十一个字。\r")],
        None,
    );
    let bytes = doc.file();
    let mut limits = Limits::default();
    limits.max_total_decompressed_bytes = 20;
    let err = read_bytes(&bytes, None, &limits).unwrap_err();
    assert_eq!(err.kind(), "too_large", "{err}");
    assert!(
        err.to_string().contains("the text of the document"),
        "{err}"
    );
    let mut limits = Limits::default();
    limits.max_table_cells = 3;
    let err = read_bytes(&bytes, None, &limits).unwrap_err();
    assert_eq!(err.kind(), "too_large", "{err}");
    assert!(err.to_string().contains("the table cells"), "{err}");
}

// ---------------------------------------------------------------------------
// Hostile containers.

#[test]
fn truncated_libreoffice_doc() {
    let bytes = std::fs::read(fixture("minutes.doc")).unwrap();
    for cut in [bytes.len() / 2, 600, 100] {
        assert_error(&bytes[..cut], "corrupt_doc", "");
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

/// The offset in the file of each FAT entry (a version 3 file: 512-byte
/// sectors, the FAT sectors listed in the header).
fn fat_entry_offsets(bytes: &[u8]) -> Vec<usize> {
    assert_eq!(bytes[0x1A], 3, "a version 3 file");
    (0..u32_at(bytes, 0x2C) as usize)
        .flat_map(|i| {
            let start = (u32_at(bytes, 0x4C + 4 * i) as usize + 1) * 512;
            (0..128).map(move |e| start + 4 * e)
        })
        .collect()
}

/// The directory entry of a stream: it starts with the UTF-16 name.
fn dir_entry(bytes: &[u8], name: &str) -> usize {
    let name: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(name.len()).position(|w| w == name).unwrap()
}

#[test]
fn a_loop_in_the_fat() {
    let mut bytes = std::fs::read(fixture("minutes.doc")).unwrap();
    let fat = fat_entry_offsets(&bytes);
    let entry = dir_entry(&bytes, "WordDocument");
    // Large enough to live in FAT sectors, not the mini stream.
    assert!(u32_at(&bytes, entry + 120) >= 4096);
    // The stream's first sector → its second → back to the first.
    let first = u32_at(&bytes, entry + 116);
    let second = u32_at(&bytes, fat[first as usize]) as usize;
    bytes[fat[second]..fat[second] + 4].copy_from_slice(&first.to_le_bytes());
    assert_error(&bytes, "corrupt_doc", "");
}

#[test]
fn a_stream_claiming_more_than_the_file() {
    let doc = build(&[piece("正文。\r")], None);
    let mut bytes = doc.file();
    // The size is at 120 of the directory entry.
    let at = dir_entry(&bytes, "WordDocument");
    bytes[at + 120..at + 128].copy_from_slice(&0x7FFF_FFFFu64.to_le_bytes());
    assert_error(&bytes, "corrupt_doc", "");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Damaged LibreOffice files give a document or a typed error, never a panic.
    #[test]
    fn damaged_files_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = std::fs::read(fixture("minutes.doc")).unwrap();
        for (at, b) in edits {
            let at = at.index(bytes.len());
            bytes[at] = b;
        }
        let keep = 512 + cut.index(bytes.len() - 511);
        bytes.truncate(keep);
        let _ = read(&bytes);
    }

    /// Damaged streams inside a sound OLE file reach the FIB, piece table and
    /// paragraph property parsers: a document or a typed error, never a panic.
    #[test]
    fn damaged_streams_never_panic(
        word_edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
        table_edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
    ) {
        let mut doc = build(
            &[piece8("Minutes\r"), piece("序号|任务|#1|修补|#\u{13} PAGE \u{14}1\u{15}\r")],
            None,
        );
        for (at, b) in word_edits {
            let len = doc.word.len();
            doc.word[at.index(len)] = b;
        }
        for (at, b) in table_edits {
            let len = doc.table.len();
            doc.table[at.index(len)] = b;
        }
        let _ = read(&doc.file());
    }
}
