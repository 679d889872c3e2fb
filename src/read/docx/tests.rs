//! Tests of the docx reader: fixtures with exact expected text, the shared
//! corpus and dev minutes, bad inputs, limits, and mutated inputs.

use std::path::{Path, PathBuf};

use super::{DocxDocument, DocxLimits, read_docx};
use crate::read::Block;

/// The text layout of SPEC §2: paragraphs a line, a table row a line with
/// its cells separated by tabs.
fn render(doc: &DocxDocument) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                out.push_str(p);
                out.push('\n');
            }
            Block::Table(rows) => {
                for row in rows {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                }
            }
        }
    }
    out
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
    read_docx(&bytes, Some(path), &DocxLimits::default())
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
            if std::env::var_os("HUIYI_DUMP").is_some() {
                std::fs::write(format!("/tmp/d{n:02}.got"), &got).unwrap();
            }
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
                n += 1;
            }
        }
    }
    println!("{n} shared docx files read");
}
