//! The PDF reader, on the fixtures made by `fixtures/read/pdf/make.py`:
//! LibreOffice's PDF of the docx minutes (with and without a Chinese font)
//! and form, of a three-page report
//! with a running header and `- N -` footers; a scan-like and an encrypted
//! PDF; and hostile PDFs written here.

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

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect()
}

/// The date LibreOffice wrote into the fixtures' `/CreationDate` when they were made.
fn made() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, 3)
}

#[test]
fn the_minutes_read_as_from_the_docx_table_and_all() {
    let pdf = read("pdf/minutes.pdf");
    let docx = read("office/minutes.docx");
    assert_eq!(pdf.format, Format::Pdf);
    assert_eq!(pdf.format.name(), "pdf");
    assert_eq!(pdf.title.as_deref(), Some("青禾县农业农村工作专题会议纪要"));
    assert_eq!(pdf.created, made());
    assert_eq!(pdf.encoding, None);
    // The table is rebuilt from the grid its borders draw: the docx's blocks
    // are the PDF's, its table's rows and cells too.
    assert_eq!(paragraphs(&docx).len(), 11);
    assert_eq!(pdf.blocks, docx.blocks);
    assert_eq!(pdf.filled_tables, docx.filled_tables);
    let Block::Table(rows) = &pdf.blocks[9] else {
        panic!("the table")
    };
    assert_eq!(rows[0], ["序号", "任务", "责任人", "完成时限"]);
}

#[test]
fn a_pdf_made_without_a_chinese_font_reads_by_its_actual_text() {
    // LibreOffice with no CJK font draws every Chinese character with one
    // fallback glyph (its /ToUnicode names only the first character it
    // stood for) and gives each character's text as /ActualText.
    let pdf = read("pdf/fallback.pdf");
    let docx = read("office/minutes.docx");
    assert_eq!(paragraphs(&pdf)[0], "青禾县农业农村工作专题会议纪要");
    assert_eq!(pdf.blocks, docx.blocks);
    assert_eq!(pdf.filled_tables, docx.filled_tables);
}

#[test]
fn uncompressed_streams_read_alike() {
    let plain = read("pdf/plain.pdf");
    assert_eq!(plain.blocks, read("pdf/minutes.pdf").blocks);
    assert_eq!(plain.blocks.len(), 12);
}

#[test]
fn the_form_flows_as_from_the_docx() {
    let doc = read("pdf/form.pdf");
    // The 会议纪要表 flows as the docx's does: a label and its value as one
    // line, the 会议内容 cell's paragraphs one by one, the table inside it a table.
    assert_eq!(doc.blocks, read("office/form.docx").blocks);
    let lines = paragraphs(&doc);
    assert_eq!(lines[0], "会议纪要表");
    for line in [
        "会议内容：会议听取了县乡村振兴局关于帮扶项目进展情况的汇报。",
        "二、做好防返贫动态监测。负责人：何建国；完成时限：2025年6月30日前。",
        "会议要求，各单位每月5日前报送进展情况。",
    ] {
        assert!(lines.contains(&line), "{line:?} in {lines:#?}");
    }
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, Block::Table(rows) if rows[0] == ["事项", "责任单位"]))
    );
}

#[test]
fn a_report_reads_as_paragraphs_without_its_headers_and_page_numbers() {
    let doc = read("pdf/report.pdf");
    assert_eq!(
        doc.title.as_deref(),
        Some("青禾县2025年第一季度重点工作推进情况的报告")
    );
    assert_eq!(doc.created, made());
    let lines = paragraphs(&doc);
    // The title, 17 paragraphs of the report, the signature and the date.
    assert_eq!(lines.len(), 20, "{lines:#?}");
    assert_eq!(lines[0], "青禾县2025年第一季度重点工作推进情况的报告");
    assert_eq!(lines[1], "县委：");
    assert_eq!(
        lines[lines.len() - 2..],
        ["青禾县人民政府", "2025年4月15日"]
    );
    let text = doc.text();
    // The header of all three pages and the `- N -` footers are gone.
    assert!(!text.contains("内部资料"), "{text}");
    assert!(!lines.iter().any(|l| l.starts_with('-')), "{text}");
    // Every paragraph is whole: those that are not headings end a sentence.
    let headings = ["一、", "二、", "三、", "四、", "五、", "六、"];
    for line in &lines[2..lines.len() - 2] {
        assert!(
            line.ends_with(['。', '：']) || headings.iter().any(|h| line.starts_with(h)),
            "{line}"
        );
    }
    // A paragraph running from page 1 onto page 2 is one.
    assert!(lines.contains(
        &"农业方面，完成春播面积十二万亩，新建高标准农田一点二万亩，培育市级以上农业产业化龙头企业三家。\
          工业方面，新增规模以上工业企业四家，园区企业实现产值二十八亿元，同比增长百分之八点五。\
          服务业方面，县城商业综合体顺利开业，一季度接待游客三十五万人次，实现旅游收入二点六亿元。\
          县工业和信息化局要会同县商务局，于6月30日前完成全县重点企业用工、用地、融资需求的全面摸排，\
          建立问题清单和责任清单。"
    ));
    // LibreOffice sets digits apart from Chinese by layout only (pdftotext
    // reads `6 月底前`): no blank.
    assert!(text.contains("预计6月底前竣工验收"), "{text}");
    assert!(text.contains("确保5月底前全部开工"), "{text}");
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
fn a_scan_has_no_text_layer_and_an_encrypted_pdf_is_encrypted() {
    let scan = std::fs::read(fixture("pdf/scan.pdf")).unwrap();
    assert_eq!(error_of("scan.pdf", &scan).0, "no_text_layer");
    let locked = std::fs::read(fixture("pdf/encrypted.pdf")).unwrap();
    assert_eq!(error_of("locked.pdf", &locked).0, "encrypted");
    // Encrypted with an empty user password, a PDF opens without asking.
    let open = read("pdf/open.pdf");
    assert_eq!(open.blocks, read("pdf/minutes.pdf").blocks);
    assert_eq!(
        open.title.as_deref(),
        Some("青禾县农业农村工作专题会议纪要")
    );
}

/// A PDF of these objects (numbered from 1, the first the catalog) with a
/// correct cross-reference table.
fn pdf_of(objects: &[&[u8]]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

const CATALOG: &[u8] = b"<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &[u8] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

#[test]
fn hostile_pdfs_are_typed_errors_fast() {
    let quick = |name: &str, bytes: &[u8]| {
        let (kind, took) = error_of(name, bytes);
        assert!(took < Duration::from_secs(2), "{name}: {took:?}");
        kind
    };
    let minutes = std::fs::read(fixture("pdf/minutes.pdf")).unwrap();
    assert_eq!(
        quick("cut.pdf", &minutes[..minutes.len() / 2]),
        "malformed_pdf"
    );
    assert_eq!(quick("stub.pdf", b"%PDF-1.7\n"), "malformed_pdf");
    // Page tree nodes that are each other's kids.
    let cycle = pdf_of(&[
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>",
    ]);
    assert_eq!(quick("cycle.pdf", &cycle), "empty");
    // A page whose contents and font refer to themselves.
    let self_ref = pdf_of(&[
        CATALOG,
        PAGES,
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"4 0 R",
        b"5 0 R",
    ]);
    assert_eq!(quick("self.pdf", &self_ref), "empty");
    // An array nested 100 000 deep as a page's contents.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested = pdf_of(&[
        CATALOG,
        PAGES,
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
        deep.as_bytes(),
    ]);
    assert_eq!(quick("deep.pdf", &nested), "empty");
    // A stream that claims 999 999 999 bytes.
    let long = pdf_of(&[
        CATALOG,
        PAGES,
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
        b"<< /Length 999999999 >>\nstream\nBT /F1 12 Tf (x) Tj ET\nendstream",
    ]);
    assert_eq!(quick("long.pdf", &long), "empty");
    // A content stream that inflates past the limit of one stream.
    let mut limits = Limits::default();
    limits.max_entry_bytes = 1000;
    let err = read_bytes(&minutes, Some(Path::new("small.pdf")), &limits).unwrap_err();
    assert_eq!(err.kind(), "too_large", "{err}");
    assert_eq!(err.path(), Some(Path::new("small.pdf")));
    assert!(err.to_string().contains("a PDF stream is"), "{err}");
    // Pages that inflate past the limit of all streams together.
    let mut limits = Limits::default();
    limits.max_total_decompressed_bytes = 2000;
    let report = std::fs::read(fixture("pdf/report.pdf")).unwrap();
    let err = read_bytes(&report, None, &limits).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("the PDF's streams together is 2001 bytes, the limit is 2000"),
        "{err}"
    );
}

#[test]
fn text_shown_with_a_standard_font_reads_through_its_encoding() {
    // Only the first line reaches the right: with no second one to show the
    // measure, it is not taken to wrap into the next.
    let content =
        b"BT /F1 12 Tf 72 700 Td (Minutes of the meeting) Tj 0 -14 Td [(Task) -250 (one)] TJ ET";
    let bytes = page_with_font(
        content,
        &[b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"],
    );
    let doc = read_bytes(&bytes, None, &Limits::default()).unwrap();
    assert_eq!(doc.text(), "Minutes of the meeting\nTask one\n");
    assert_eq!(doc.title, None);
    assert_eq!(doc.created, None);
}

/// A stream object of these bytes.
fn stream(content: &[u8]) -> Vec<u8> {
    [
        format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(),
        content,
        b"\nendstream",
    ]
    .concat()
}

/// A page showing `content` with the font `F1`, object 5; more objects follow it.
fn page_with_font(content: &[u8], font: &[&[u8]]) -> Vec<u8> {
    let stream = stream(content);
    let mut objects: Vec<&[u8]> = vec![
        CATALOG,
        PAGES,
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        &stream,
    ];
    objects.extend_from_slice(font);
    pdf_of(&objects)
}

#[test]
fn a_type0_identity_h_font_reads_through_its_cmap_and_widths() {
    let cmap = stream(
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
          3 beginbfchar <0001> <4F1A> <0002> <8BAE> <0003> <0036> endbfchar\n\
          1 beginbfrange <0005> <0006> [<6708> <5E95>] endbfrange",
    );
    // `6` is half an em wide (`/W`): the second `6`, 2.4 points after the
    // first, is a word apart; `月底` 6.6 points after it is not (CJK).
    let content = b"BT /F1 12 Tf 72 700 Td <000100020003> Tj ET \
        BT /F1 12 Tf 104.4 700 Td <0003> Tj ET BT /F1 12 Tf 117 700 Td <00050006> Tj ET \
        BT /F1 12 Tf 200 700 Td <0001> Tj ET";
    let bytes = page_with_font(
        content,
        &[
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H \
              /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 /W [3 [500]] \
              /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            &cmap,
        ],
    );
    let doc = read_bytes(&bytes, None, &Limits::default()).unwrap();
    assert_eq!(doc.text(), "会议6 6月底 会\n");
    // Without its CMap, Identity-H codes are glyph numbers, no text at all.
    let bare = page_with_font(
        content,
        &[b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H >>"],
    );
    let err = read_bytes(&bare, None, &Limits::default()).unwrap_err();
    assert_eq!(err.kind(), "no_text_layer");
}

#[test]
fn artifacts_of_a_tagged_pdf_are_not_text() {
    let content =
        b"/Artifact <</Type /Pagination>> BDC BT /F1 12 Tf 72 800 Td (Internal) Tj ET EMC \
        /P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Minutes) Tj ET EMC \
        /Artifact BMC BT /F1 12 Tf 300 40 Td (7) Tj ET";
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    let doc = read_bytes(&page_with_font(content, &[font]), None, &Limits::default()).unwrap();
    assert_eq!(doc.text(), "Minutes\n");
    // A page of artifacts only has text, none of it body text: empty, not a scan.
    let only = page_with_font(
        b"/Artifact BMC BT /F1 12 Tf 72 800 Td (Internal) Tj ET EMC",
        &[font],
    );
    let err = read_bytes(&only, None, &Limits::default()).unwrap_err();
    assert_eq!(err.kind(), "empty");
}

#[test]
fn hostile_fonts_cost_little() {
    let content = b"BT /F1 12 Tf 72 700 Td <0001> Tj ET";
    let cmap = stream(b"1 beginbfchar <0001> <4F1A> endbfchar");
    // A `/W` array of the same full range a thousand times over.
    let widths = format!(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [{}] >>",
        "0 65535 500 ".repeat(1000)
    );
    let bytes = page_with_font(
        content,
        &[
            b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H \
              /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            widths.as_bytes(),
            &cmap,
        ],
    );
    let start = Instant::now();
    let doc = read_bytes(&bytes, None, &Limits::default()).unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(doc.text(), "会\n");
    // `/FirstChar` at the end of the integers.
    let simple = page_with_font(
        b"BT /F1 12 Tf 72 700 Td (a) Tj ET",
        &[b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica \
             /FirstChar 9223372036854775807 /Widths [500 500] >>"],
    );
    let doc = read_bytes(&simple, None, &Limits::default()).unwrap();
    assert_eq!(doc.text(), "a\n");
    // Ten thousand one-letter strings: 60 KB of content, ten times that as runs.
    let mut limits = Limits::default();
    limits.max_total_decompressed_bytes = 100_000;
    let many = format!("BT /F1 12 Tf 72 700 Td {} ET", "(a) Tj ".repeat(10_000));
    let font: &[u8] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    let err = read_bytes(&page_with_font(many.as_bytes(), &[font]), None, &limits).unwrap_err();
    assert!(
        err.to_string().contains("the PDF's text runs in memory is"),
        "{err}"
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
fn the_command_line_gives_the_minutes_record_from_the_pdf() {
    let docx = extract("fixtures/read/office/minutes.docx");
    let pdf = extract("fixtures/read/pdf/minutes.pdf");
    assert_eq!(pdf["source"]["format"], "pdf");
    assert_eq!(pdf["meeting"], docx["meeting"]);
    let who = |record: &Value| -> Vec<(Value, Value)> {
        let people = record["people"].as_array().unwrap();
        people
            .iter()
            .map(|p| (p["name"].clone(), p["titles"].clone()))
            .collect()
    };
    assert_eq!(who(&pdf).len(), 5);
    assert_eq!(who(&pdf), who(&docx));
    // The tasks of the paragraphs and of the table's rows, as from the docx.
    let titles = |record: &Value| -> Vec<String> {
        let tasks = record["tasks"].as_array().unwrap();
        tasks
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&pdf).len(), 5);
    assert_eq!(titles(&pdf), titles(&docx));
    assert_eq!(pdf["tasks"], docx["tasks"]);
}
