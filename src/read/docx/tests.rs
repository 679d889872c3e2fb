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
