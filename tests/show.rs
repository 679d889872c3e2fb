//! The review page (`huiyi show`) in a real browser: headless Chromium loads
//! it, runs its script and dumps the DOM, whose marks are checked against
//! the records `huiyi extract --with-text` gives for the same inputs.
//! Without Chromium (`chromium` on PATH or `$HUIYI_CHROMIUM`) each test
//! prints a notice and passes; CI installs it (`.ci/test-tools`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use regex::Regex;
use serde_json::Value;

fn huiyi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(args)
        .output()
        .expect("the huiyi binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("HUIYI_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
                .find(|path| path.is_file())
        })
    });
    if found.is_none() {
        eprintln!("notice: chromium not found (install Debian's chromium); browser test skipped");
    }
    found
}

/// Runs Chromium headless on `page` with a fresh profile in `dir`, with
/// `mode` (`--dump-dom` or `--screenshot=…`); its stdout. Fails the test if
/// Chromium has not finished within two minutes.
fn run_chromium(browser: &Path, dir: &Path, page: &Path, mode: &str) -> String {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let profile = dir.join(format!("profile-{}", RUNS.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&profile);
    let stdout_path = dir.join("chromium.out");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(mode)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed on {}", page.display());
    std::fs::read_to_string(stdout_path).unwrap()
}

/// `huiyi show` of `inputs` into `dir/page.html`, and the DOM Chromium
/// made of it; `None` without Chromium.
fn shown(dir: &Path, inputs: &[&str]) -> Option<(PathBuf, String)> {
    let browser = chromium()?;
    let page = dir.join("page.html");
    let mut args = vec!["show", "-o", s(&page)];
    args.extend(inputs);
    let out = huiyi(&args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = run_chromium(&browser, dir, &page, "--dump-dom");
    assert!(dom.contains("</html>"), "a whole DOM: {dom}");
    Some((page, dom))
}

/// The records of `inputs`, with their text, in input order.
fn records(inputs: &[&str]) -> Vec<Value> {
    let mut args = vec!["extract", "--with-text", "--format", "jsonl"];
    args.extend(inputs);
    let out = huiyi(&args);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The section of document `index` in the DOM.
fn section(dom: &str, index: usize) -> &str {
    let start = dom
        .find(&format!("id=\"doc{index}\""))
        .unwrap_or_else(|| panic!("no section doc{index}"));
    let rest = &dom[start..];
    &rest[..rest.find("</section>").unwrap()]
}

/// What a section marks: each item's text, gathered from the pieces whose
/// `data-ref` names it, and the anchors of each kind.
struct Marks {
    items: BTreeMap<String, String>,
    anchors: BTreeMap<String, usize>,
    text: String,
}

fn marks(section: &str) -> Marks {
    let piece = Regex::new(
        r#"<mark class="([^"]*)" data-ref="([^"]*)"(?: [a-z-]+="[^"]*")*>([^<]*)</mark>"#,
    )
    .unwrap();
    let mut items: BTreeMap<String, String> = BTreeMap::new();
    for found in piece.captures_iter(section) {
        let classes: BTreeSet<&str> = found[1].split(' ').collect();
        for reference in found[2].split(' ') {
            assert!(
                classes.contains(kind_class(reference)),
                "{reference} in {}",
                &found[0]
            );
            items
                .entry(reference.to_string())
                .or_default()
                .push_str(&unescape(&found[3]));
        }
    }
    let anchor = Regex::new(r#"<a class="anchor a-([a-z]+)" id="doc\d+-[^"]+"></a>"#).unwrap();
    let mut anchors: BTreeMap<String, usize> = BTreeMap::new();
    for found in anchor.captures_iter(section) {
        *anchors.entry(found[1].to_string()).or_default() += 1;
    }
    let pre = section.find("<pre class=\"text\">").map_or("", |at| {
        let pre = &section[at + "<pre class=\"text\">".len()..];
        &pre[..pre.find("</pre>").unwrap()]
    });
    let tags = Regex::new(r"<[^>]*>").unwrap();
    Marks {
        items,
        anchors,
        text: unescape(&tags.replace_all(pre, "")),
    }
}

/// The class a reference's kind is marked with (`t3` → `m-task`).
fn kind_class(reference: &str) -> &'static str {
    match reference.as_bytes()[0] {
        b'm' => "m-meeting",
        b'p' => "m-person",
        b'i' => "m-title",
        b't' => "m-task",
        b'd' => "m-deadline",
        b'q' => "m-problem",
        _ => panic!("unknown reference {reference}"),
    }
}

fn span_text<'a>(text: &'a str, span: &Value) -> &'a str {
    let [start, end] = [0, 1].map(|i| span[i].as_u64().unwrap() as usize);
    &text[start..end]
}

/// Checks the section of `record` (document `index`): every task,
/// deadline, problem and mention marked over exactly its span, every title
/// and meeting field the text holds marked, one anchor per item, and the
/// text itself unchanged. Returns the number of items checked.
fn check_document(dom: &str, index: usize, record: &Value) -> usize {
    let section = section(dom, index);
    if let Some(error) = record.get("error") {
        assert!(section.starts_with(&format!("id=\"doc{index}\"")));
        let kind = error["kind"].as_str().unwrap();
        assert!(
            section.contains(&format!("<span class=\"kind\">{kind}</span>")),
            "{section}"
        );
        return 0;
    }
    let text = record["text"].as_str().unwrap();
    let m = marks(section);
    assert_eq!(m.text, text, "document {index}: the text as it was");
    let mut want: BTreeMap<String, String> = BTreeMap::new();
    for (list, prefix) in [("tasks", "t"), ("deadlines", "d"), ("problems", "q")] {
        for (i, item) in record[list].as_array().unwrap().iter().enumerate() {
            want.insert(
                format!("{prefix}{i}"),
                span_text(text, &item["span"]).into(),
            );
        }
    }
    for (p, person) in record["people"].as_array().unwrap().iter().enumerate() {
        for (i, span) in person["spans"].as_array().unwrap().iter().enumerate() {
            want.insert(format!("p{p}.{i}"), span_text(text, span).into());
        }
        for (i, title) in person["titles"].as_array().unwrap().iter().enumerate() {
            let title = title.as_str().unwrap();
            if !title.is_empty() && text.contains(title) {
                want.insert(format!("i{p}.{i}"), title.into());
            }
        }
    }
    for (field, key) in [
        ("title", "title"),
        ("date_text", "date"),
        ("location", "location"),
    ] {
        if let Some(value) = record["meeting"][field].as_str().filter(|v| !v.is_empty())
            && text.contains(value)
        {
            want.insert(format!("m-{key}"), value.into());
        }
    }
    assert_eq!(m.items, want, "document {index}: marks and their text");
    let mut per_kind: BTreeMap<String, usize> = BTreeMap::new();
    for reference in want.keys() {
        let kind = kind_class(reference).trim_start_matches("m-").to_string();
        *per_kind.entry(kind).or_default() += 1;
    }
    assert_eq!(m.anchors, per_kind, "document {index}: one anchor per item");
    want.len()
}

#[test]
fn every_fixture_renders_with_one_mark_per_item() {
    let dir = scratch("show-fixtures");
    let root = fixture("");
    let inputs = [s(&root)];
    let Some((_, dom)) = shown(&dir, &inputs) else {
        return;
    };
    let records = records(&inputs);
    assert!(records.len() > 50, "the fixtures: {}", records.len());
    let contents = Regex::new(r##"<li(?: class="failed")?><a href="#doc\d+">"##).unwrap();
    assert_eq!(contents.find_iter(&dom).count(), records.len());
    let mut items = 0;
    for (index, record) in records.iter().enumerate() {
        items += check_document(&dom, index, record);
    }
    let failed = records.iter().filter(|r| r.get("error").is_some()).count();
    assert!(failed > 5, "the bad fixtures are error sections: {failed}");
    assert_eq!(dom.matches("<section class=\"doc failed\"").count(), failed);
    assert!(items > 500, "{items} items checked");
}

#[test]
fn the_example_report_and_docx_minutes_render_in_chromium_with_a_screenshot() {
    let dir = scratch("show-example");
    let report = fixture("reports/liuchuan-2025-03-18.txt");
    let minutes = fixture("read/office/minutes.docx");
    let inputs = ["--ref-date", "2025-03-19", s(&report), s(&minutes)];
    let Some((page, dom)) = shown(&dir, &inputs) else {
        return;
    };
    let records = records(&inputs);
    assert_eq!(records.len(), 2);
    for (index, record) in records.iter().enumerate() {
        assert!(record.get("error").is_none());
        assert!(check_document(&dom, index, record) > 10);
        // Each deadline shows its resolved date after its last piece.
        let section = section(&dom, index);
        for deadline in record["deadlines"].as_array().unwrap() {
            if let Some(date) = deadline["date"].as_str() {
                assert!(section.contains(&format!("data-date=\"{date}\"")), "{date}");
            }
        }
    }
    assert!(section(&dom, 0).contains(r#"data-date="2025-04-30">4月底前</mark>"#));
    // The page's own script ran: the title is its own, nothing was lit
    // (no row clicked), and the rows carry their targets.
    assert!(dom.contains("<title>huiyi 审阅</title>"));
    assert!(dom.contains("<tr data-target=\"doc0-t0\">"));

    let browser = chromium().unwrap();
    let png = dir.join("page.png");
    run_chromium(
        &browser,
        &dir,
        &page,
        &format!("--screenshot={}", png.display()),
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    assert_eq!(width, 1400, "the window's width");
}

#[test]
fn a_hostile_document_renders_as_text() {
    let dir = scratch("show-hostile");
    let payload = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
    let hostile = dir.join("<img src=x onerror=alert(2)>.txt");
    std::fs::write(
        &hostile,
        format!(
            "3月18日，区长刘志远主持召开区政府常务会议，要求于4月底前完成选址论证。{payload}\n"
        ),
    )
    .unwrap();
    let inputs = [s(&hostile)];
    let Some((_, dom)) = shown(&dir, &inputs) else {
        return;
    };
    assert!(
        dom.contains("<title>huiyi 审阅</title>"),
        "the title is unchanged"
    );
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "the page's own script only"
    );
    assert!(!dom.contains("<img"), "no image element");
    let records = records(&inputs);
    let text = records[0]["text"].as_str().unwrap();
    assert!(text.contains(payload), "the payload is in the text read");
    let m = marks(section(&dom, 0));
    assert_eq!(m.text, text, "and in the page as text");
    assert!(dom.contains("&lt;img src=x onerror=alert(2)&gt;.txt</h2>"));
    check_document(&dom, 0, &records[0]);
}
