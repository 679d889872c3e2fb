//! Every report in `fixtures/reports/`, and the minutes made by each docx
//! producer in `fixtures/docx/`, gives exactly the record beside it
//! (`NAME.expected.json`, read by hand when written). Set `HUIYI_BLESS=1` to
//! rewrite the expectations after a deliberate change, then review the diff.

use std::path::{Path, PathBuf};

use huiyi::Extractor;
use serde_json::Value;

/// Minutes written by different docx producers (`hand.docx`: XML written by
/// hand for numbering, merged cells, tracked changes, a text box, traditional
/// characters and full-width digits).
const DOCX_MINUTES: [&str; 4] = [
    "hand.docx",
    "libreoffice.docx",
    "pandoc.docx",
    "python_docx.docx",
];

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/reports"))
        .expect("fixtures/reports")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    paths.extend(
        DOCX_MINUTES
            .iter()
            .map(|f| root.join("fixtures/docx").join(f)),
    );
    paths.sort();
    paths
}

fn expected_path(fixture: &Path) -> PathBuf {
    let mut name = fixture.file_name().unwrap().to_os_string();
    name.push(".expected.json");
    fixture.with_file_name(name)
}

#[test]
fn each_fixture_gives_its_expected_record() {
    // The reference date comes from each file name, as it would for a user.
    let extractor = Extractor::new();
    let bless = std::env::var_os("HUIYI_BLESS").is_some();
    let fixtures = fixtures();
    assert!(fixtures.len() >= 6, "{fixtures:?}");
    let mut mismatches = Vec::new();
    for fixture in fixtures {
        let relative = fixture.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
        let record = extractor.extract_path(relative).expect("fixture reads");
        let actual = serde_json::to_value(&record).unwrap();
        let expected_file = expected_path(&fixture);
        if bless {
            let pretty = serde_json::to_string_pretty(&actual).unwrap() + "\n";
            std::fs::write(&expected_file, pretty).unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_file)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_file.display())),
        )
        .unwrap();
        if actual != expected {
            mismatches.push(format!(
                "{}:\n{}",
                fixture.display(),
                serde_json::to_string_pretty(&actual).unwrap()
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "records differ from their expectations:\n{}",
        mismatches.join("\n")
    );
}
