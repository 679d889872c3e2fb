//! The `.odt` and `.rtf` readers and docx forms, on the fixtures made by
//! `fixtures/read/office/make.py`: LibreOffice's docx, odt and rtf of one
//! set of minutes and of one 会议纪要表 form, and RTF written by hand.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use huiyi::options::Limits;
use huiyi::read::{Block, Document, Format, read_bytes};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/read")
        .join(name)
}

fn read(name: &str) -> Document {
    let path = fixture(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    read_bytes(&bytes, Some(&path), &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn rtf(s: &str) -> huiyi::Result<Document> {
    read_bytes(s.as_bytes(), None, &Limits::default())
}

fn rtf_text(s: &str) -> String {
    let doc = rtf(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    assert_eq!(doc.format, Format::Rtf);
    doc.text()
}

const MINUTES: &str = "青禾县农业农村工作专题会议纪要
会议时间：2025年4月8日上午9:00
会议地点：县政府三楼第二会议室
主持人：县长周文博
参会人员：副县长林思源，县农业农村局局长何建国，县水利局局长唐晓燕，县财政局局长马超
会议听取了县农业农村局关于春耕备耕工作的汇报，研究部署下一阶段重点工作。现纪要如下：
一、加快高标准农田建设。县农业农村局牵头，年内新建高标准农田2万亩。负责人：何建国；完成时限：2025年10月31日前。
二、抓好春季水利设施维修。县水利局对全县小型水库和灌渠开展一次全面排查。负责人：唐晓燕；完成时限：2025年5月15日前。
三、落实农业发展专项资金。县财政局按进度拨付资金。负责人：马超；完成时限：2025年6月30日前。
序号\t任务\t责任人\t完成时限
1\t高标准农田建设\t何建国\t2025年10月31日前
2\t小型水库排查\t唐晓燕\t2025年5月15日前
3\t专项资金拨付\t马超\t2025年6月30日前
青禾县人民政府办公室
2025年4月9日
";

/// The form's 会议内容 cell holds paragraphs and a table: each stays a line
/// of its own, and a label cell and its value read as one `label：value` line.
const FORM: &str = "会议纪要表
会议名称：青禾县乡村振兴工作推进会
时间：2025年5月20日下午3:00
地点：县政府五楼会议室
主持人：副县长林思源
参会人员：何建国、唐晓燕、马超、县乡村振兴局局长宋雨桐
会议内容：会议听取了县乡村振兴局关于帮扶项目进展情况的汇报。
一、加快推进帮扶项目建设。负责人：宋雨桐；完成时限：2025年7月31日前。
二、做好防返贫动态监测。负责人：何建国；完成时限：2025年6月30日前。
事项\t责任单位
产业帮扶项目验收\t县乡村振兴局
会议要求，各单位每月5日前报送进展情况。
记录人：马超
";

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn tables(doc: &Document) -> Vec<&Vec<Vec<String>>> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(rows) => Some(rows),
            _ => None,
        })
        .collect()
}

#[test]
fn minutes_read_alike_from_docx_odt_and_rtf() {
    let task_table = strings(&[
        &["序号", "任务", "责任人", "完成时限"],
        &["1", "高标准农田建设", "何建国", "2025年10月31日前"],
        &["2", "小型水库排查", "唐晓燕", "2025年5月15日前"],
        &["3", "专项资金拨付", "马超", "2025年6月30日前"],
    ]);
    for (name, format, label) in [
        ("office/minutes.docx", Format::Docx, "docx"),
        ("odt/minutes.odt", Format::Odt, "odt"),
        ("rtf/minutes.rtf", Format::Rtf, "rtf"),
    ] {
        let doc = read(name);
        assert_eq!(doc.format, format, "{name}");
        assert_eq!(doc.format.name(), label);
        assert_eq!(doc.text(), MINUTES, "{name}");
        assert_eq!(
            doc.title.as_deref(),
            Some("青禾县农业农村工作专题会议纪要"),
            "{name}"
        );
        assert_eq!(doc.created, NaiveDate::from_ymd_opt(2025, 4, 9), "{name}");
        assert_eq!(tables(&doc), [&task_table], "{name}");
        assert_eq!(
            doc.filled_tables,
            std::slice::from_ref(&task_table),
            "{name}"
        );
        assert_eq!(doc.encoding, None, "{name}");
    }
}

#[test]
fn a_form_flows_as_lines_with_its_inner_table_kept() {
    let inner = strings(&[&["事项", "责任单位"], &["产业帮扶项目验收", "县乡村振兴局"]]);
    for name in ["office/form.docx", "odt/form.odt", "rtf/form.rtf"] {
        let doc = read(name);
        assert_eq!(doc.text(), FORM, "{name}");
        assert_eq!(tables(&doc), [&inner], "{name}");
        assert_eq!(doc.filled_tables, std::slice::from_ref(&inner), "{name}");
        assert!(
            doc.blocks
                .contains(&Block::Paragraph("主持人：副县长林思源".into())),
            "{name}"
        );
        assert_eq!(doc.created, NaiveDate::from_ymd_opt(2025, 5, 21), "{name}");
    }
}

#[test]
fn hand_written_gbk_rtf() {
    let doc = read("rtf/gbk.rtf");
    assert_eq!(doc.format, Format::Rtf);
    // The header group (内部资料) is dropped.
    assert_eq!(
        doc.text(),
        "石塘镇安全生产会议纪要\n会议时间：2025年3月11日\n主持人：镇长邓立群\n\
         一、开展燃气安全排查。负责人：罗海峰；完成时限：2025年4月10日前。\n"
    );
    assert_eq!(doc.title.as_deref(), Some("石塘镇安全生产会议纪要"));
    assert_eq!(doc.created, NaiveDate::from_ymd_opt(2025, 3, 12));
}

#[test]
fn hand_written_unicode_rtf() {
    let doc = read("rtf/unicode.rtf");
    // 𠀋 is a surrogate pair of two \uN.
    assert_eq!(
        doc.text(),
        "河西区环保督查会议\n主持人：区长苏文涛\n二、整改扬尘问题，负责人：邹敏𠀋。\n"
    );
    assert_eq!(doc.title.as_deref(), Some("河西区环保督查会议"));
    assert_eq!(doc.created, NaiveDate::from_ymd_opt(2024, 11, 5));
}

#[test]
fn rtf_escapes_and_code_pages() {
    // \uc2: two fallback bytes after each \u; \uc0: none.
    assert_eq!(
        rtf_text(r"{\rtf1\uc2 \u20250\'bb\'e1\u35758??\uc0\u32426 x\par}"),
        "会议纪x\n"
    );
    // Raw GBK bytes in a \ansicpg936 document.
    let mut raw = b"{\\rtf1\\ansi\\ansicpg936 ".to_vec();
    raw.extend(encoding_rs::GBK.encode("会议").0.iter());
    raw.extend(b"\\par}");
    let doc = read_bytes(&raw, None, &Limits::default()).unwrap();
    assert_eq!(doc.text(), "会议\n");
    // A Big5 font (\fcharset136) and a GB2312 one (\fcharset134) in a 1252 document.
    assert_eq!(
        rtf_text(
            r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset136 MingLiU;}{\f2\fcharset134 SimSun;}}\f1 \'b7\'7c\'c4\'b3\f2 \'bb\'e1\'d2\'e9\f0 \'e9\par}"
        ),
        "會議会议é\n"
    );
    // Symbols, \line, \tab, an unknown \* destination, a field's
    // instruction; raw UTF-8 bytes in a code page 65001 document.
    assert_eq!(
        rtf_text(
            r"{\rtf1\ansi\ansicpg65001 a\{b\}\\c\~d\line e\tab f{\*\unknown hidden}{\field{\*\fldinst HYPERLINK x}{\fldrslt 链接}}\par}"
        ),
        "a{b}\\c\u{a0}d\ne f链接\n"
    );
    // Pictures (with \bin data holding braces), colour and style tables,
    // footnotes, headers and \nonesttables are not text.
    assert_eq!(
        rtf_text(
            "{\\rtf1{\\colortbl;\\red0;}{\\stylesheet{\\s0 Normal;}}{\\pict\\bin4 }}{x}A{\\footnote note}{\\footer foot}{\\nonesttables old}B\\par}"
        ),
        "AB\n"
    );
}

#[test]
fn rtf_tables_and_merges() {
    let doc = rtf(concat!(
        r"{\rtf1\ansi\ansicpg65001 前\par",
        r"\trowd\clvmgf\cellx1000\cellx2000\clmgf\cellx3000\clmrg\cellx4000",
        r"\pard\intbl 负责人\cell 事项甲\cell 单位\cell \cell\row",
        r"\trowd\clvmrg\cellx1000\cellx2000\cellx3000\cellx4000",
        r"\pard\intbl \cell 事项乙\cell A\cell B\cell\row",
        r"\pard 后\par}"
    ))
    .unwrap();
    assert_eq!(
        doc.text(),
        "前\n负责人\t事项甲\t单位\t\n\t事项乙\tA\tB\n后\n"
    );
    assert_eq!(
        doc.filled_tables,
        [strings(&[
            &["负责人", "事项甲", "单位", "单位"],
            &["负责人", "事项乙", "A", "B"]
        ])]
    );
}

#[test]
fn odt_without_a_mimetype_entry_is_sniffed_by_its_content() {
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>第一<text:s text:c="2"/>段<text:line-break/>第二段<text:note><text:note-body><text:p>脚注</text:p></text:note-body></text:note></text:p><text:tracked-changes><text:changed-region><text:deletion><text:p>删去</text:p></text:deletion></text:changed-region></text:tracked-changes><text:list><text:list-item><text:h>标题</text:h></text:list-item></text:list></office:text></office:body></office:document-content>"#;
    let zip = zip_of(&[("content.xml", content.as_bytes())]);
    let doc = read_bytes(&zip, None, &Limits::default()).unwrap();
    assert_eq!(doc.format, Format::Odt);
    assert_eq!(doc.text(), "第一  段\n第二段\n标题\n");
    assert_eq!(doc.title, None);
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// Reads `bytes` as the file `name`: the error's kind, checked to name it, and how long it took.
#[track_caller]
fn error_of(name: &str, bytes: &[u8]) -> (&'static str, Duration) {
    let path = Path::new(name);
    let start = Instant::now();
    let err = read_bytes(bytes, Some(path), &Limits::default()).expect_err(name);
    let took = start.elapsed();
    assert_eq!(err.path(), Some(path), "{err}");
    assert!(err.to_string().starts_with(name), "{err}");
    (err.kind(), took)
}

#[test]
fn hostile_odt_and_rtf_inputs_are_typed_errors() {
    let odt = std::fs::read(fixture("odt/minutes.odt")).unwrap();
    assert_eq!(error_of("cut.odt", &odt[..odt.len() / 2]).0, "corrupt_zip");
    let mimetype = b"application/vnd.oasis.opendocument.text".as_slice();
    let hollow = zip_of(&[("mimetype", mimetype), ("meta.xml", b"<x/>")]);
    assert_eq!(error_of("hollow.odt", &hollow).0, "not_a_docx");
    let ods = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", b"<x/>"),
    ]);
    assert_eq!(error_of("sheet.ods", &ods).0, "not_a_docx");
    let message = read_bytes(&ods, None, &Limits::default())
        .unwrap_err()
        .to_string();
    assert!(
        message.ends_with(
            "not a docx: an OpenDocument spreadsheet, presentation or drawing, not a text document"
        ),
        "{message}"
    );
    let broken = zip_of(&[("mimetype", mimetype), ("content.xml", b"<a><b></a>")]);
    assert_eq!(error_of("broken.odt", &broken).0, "malformed_xml");

    let deep = format!("{{\\rtf1 {}", "{".repeat(100_000));
    let (kind, took) = error_of("deep.rtf", deep.as_bytes());
    assert_eq!(kind, "too_deep");
    assert!(took < Duration::from_secs(1), "{took:?}");
    let (kind, took) = error_of("bin.rtf", br"{\rtf1 \bin999999999 x}");
    assert_eq!(kind, "malformed_rtf");
    assert!(took < Duration::from_secs(1), "{took:?}");
    assert_eq!(error_of("cut.rtf", br"{\rtf1 text\pa").0, "malformed_rtf");
    assert_eq!(
        error_of("cut2.rtf", br"{\rtf1 {\b text}").0,
        "malformed_rtf"
    );
    assert_eq!(error_of("cut3.rtf", br"{\rtf1 x\'b").0, "malformed_rtf");
    assert_eq!(
        error_of("empty.rtf", br"{\rtf1 {\fonttbl{\f0 A;}}}").0,
        "empty"
    );
    // Out-of-range \u values are dropped, an unpaired surrogate too (their
    // fallbacks skipped all the same); negative ones are the upper half.
    assert_eq!(
        rtf_text(r"{\rtf1 \u99999999999?a\u-99999?b\u-10179?c\u-230?\par}"),
        "abc：\n"
    );
}

fn extract(path: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(["extract", "--format", "json", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the huiyi binary runs");
    assert_eq!(out.status.code(), Some(0), "{path}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_command_line_gives_one_record_from_the_three_formats() {
    for name in ["minutes", "form"] {
        let docx = extract(&format!("fixtures/read/office/{name}.docx"));
        let people = &docx["people"];
        assert!(people.as_array().is_some_and(|p| p.len() >= 5), "{people}");
        assert!(docx["tasks"].as_array().is_some_and(|t| t.len() >= 3));
        for (path, format) in [
            (format!("fixtures/read/odt/{name}.odt"), "odt"),
            (format!("fixtures/read/rtf/{name}.rtf"), "rtf"),
        ] {
            let record = extract(&path);
            assert_eq!(record["source"]["format"], format);
            assert_eq!(&record["people"], people, "{path}");
            assert_eq!(record["tasks"], docx["tasks"], "{path}");
            assert_eq!(record["meeting"], docx["meeting"], "{path}");
        }
    }
    // The form's chair and the leaders inside its 会议内容 cell are found.
    let form = extract("fixtures/read/office/form.docx");
    assert_eq!(form["meeting"]["chairs"], serde_json::json!(["林思源"]));
    let leaders: Vec<&Value> = form["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["leaders"].as_array().unwrap())
        .collect();
    assert_eq!(leaders, ["宋雨桐", "何建国"]);
}

#[test]
fn rtf_bullets_shapes_and_nested_tables() {
    // A Symbol-font bullet label is dropped; a shape's text box is read
    // once (its \shprslt copy is not), after its paragraph.
    assert_eq!(
        rtf_text(concat!(
            r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 SimSun;}{\f1\fcharset2 Symbol;}}",
            r"{\pntext\f1\'b7\tab}\f0 \'bb\'e1\par",
            r"{\shp{\*\shpinst{\sp{\sn fillColor}{\sv 255}}{\shptxt \pard \'d2\'e9\par}}{\shprslt \'d2\'e9}}",
            r"\u-3913?x\par}"
        )),
        // The text box follows the paragraph it sits in.
        "会\nx\n议\n"
    );
    // Word's list labels: a tab after CJK punctuation reads as nothing,
    // after `1.` as a space.
    assert_eq!(
        rtf_text(concat!(
            r"{\rtf1\ansi\ansicpg936 {\listtext\pard\plain \'d2\'bb\'a1\'a2\tab}\'bc\'d7\par",
            r"{\listtext\pard\plain 1.\tab}\'d2\'d2\tab\'b1\'fb\par}"
        )),
        "一、甲\n1. 乙 丙\n"
    );
    // A nested table in a cell (Word's \itap2 … \nestcell, \nestrow inside
    // \nesttableprops) makes the outer table a form.
    let doc = rtf(concat!(
        r"{\rtf1\ansi\ansicpg65001 ",
        r"\trowd\cellx1000\cellx5000\pard\intbl 内容\cell ",
        r"\pard\intbl\itap2 甲\nestcell 乙\nestcell{\*\nesttableprops\trowd\cellx2000\cellx4000\nestrow}",
        r"\pard\intbl\itap2 丙\nestcell 丁\nestcell{\*\nesttableprops\trowd\cellx2000\cellx4000\nestrow}",
        r"\pard\intbl 后记\cell\row\pard\par}"
    ))
    .unwrap();
    assert_eq!(doc.text(), "内容\n甲\t乙\n丙\t丁\n后记\n");
    assert_eq!(
        doc.filled_tables,
        [strings(&[&["甲", "乙"], &["丙", "丁"]])]
    );
}

#[test]
fn rtf_cell_widths_deletions_and_text_boxes() {
    // A cell as wide as two of the row below spans both (LibreOffice's merge).
    let doc = rtf(concat!(
        r"{\rtf1\ansi\ansicpg65001 ",
        r"\trowd\cellx1000\cellx3010\cellx4000\pard\intbl 序号\cell 责任主体\cell 时限\cell\row",
        r"\trowd\cellx1000\cellx2000\cellx3000\cellx4000\pard\intbl \cell 领导\cell 单位\cell \cell\row",
        r"\pard\par}"
    ))
    .unwrap();
    assert_eq!(doc.text(), "序号\t责任主体\t\t时限\n\t领导\t单位\t\n");
    assert_eq!(
        doc.filled_tables[0][0],
        ["序号", "责任主体", "责任主体", "时限"]
    );
    // Tracked deletions are dropped, \deleted0 and \plain end them.
    assert_eq!(
        rtf_text(
            r"{\rtf1\ansi\ansicpg65001 甲{\deleted 删}乙\deleted 丙\deleted0 丁\deleted 戊\plain 己\par}"
        ),
        "甲乙丁己\n"
    );
    // A text box's paragraphs follow the paragraph that anchors it.
    assert_eq!(
        rtf_text(concat!(
            r"{\rtf1\ansi\ansicpg65001 出席：{\shp{\*\shpinst{\shptxt \pard 王强\par 李红\par}}}",
            r"（以上同志）\par 后\par}"
        )),
        "出席：（以上同志）\n王强\n李红\n后\n"
    );
}

#[test]
fn odt_list_numbering_is_rendered_as_in_a_docx() {
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0">
<office:automatic-styles>
<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."><style:list-level-properties><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="2" loext:num-list-format="（%2%）" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/>
<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="2"/>
</text:list-style>
<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" loext:num-list-format="第%1%部分" style:num-format="一, 二, 三, ..."/><text:outline-level-style text:level="2" style:num-format=""/></text:outline-style>
</office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">部署</text:h><text:h text:outline-level="2">无编号</text:h>
<text:list text:style-name="L1"><text:list-item><text:p>总体要求</text:p></text:list-item></text:list>
<text:p>会议要求：</text:p>
<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:list><text:list-item><text:p>甲</text:p><text:p>甲的说明</text:p></text:list-item><text:list-item><text:p>乙</text:p><text:list><text:list-item><text:p>细则</text:p></text:list-item></text:list></text:list-item></text:list></text:list-item><text:list-item><text:p>保障措施</text:p></text:list-item></text:list>
<text:list text:style-name="B"><text:list-item><text:p>要点</text:p></text:list-item></text:list>
<text:list text:style-name="L1"><text:list-item text:start-value="5"><text:p>重新编号</text:p></text:list-item></text:list>
<text:h text:outline-level="1">保障</text:h>
</office:text></office:body></office:document-content>"#;
    let mimetype = b"application/vnd.oasis.opendocument.text".as_slice();
    let zip = zip_of(&[("mimetype", mimetype), ("content.xml", content.as_bytes())]);
    let doc = read_bytes(&zip, None, &Limits::default()).unwrap();
    // A continued list goes on counting; a level showing two levels writes
    // each in its own format (二.1.); bullets show no label; headings take
    // the outline style's numbers.
    assert_eq!(
        doc.text(),
        "第一部分部署\n无编号\n一、总体要求\n会议要求：\n（一）甲\n甲的说明\n（二）乙\n二.1. 细则\n二、保障措施\n要点\n五、重新编号\n第二部分保障\n"
    );
}
