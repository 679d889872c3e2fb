//! The yardstick for whole-process runs: a program that only loads jieba-rs and
//! cuts (HMM on) every file of a folder, start-up included. Run by
//! `examples/process_bench.rs`; on its own: `jieba_cut FOLDER`.

use std::path::Path;
use std::process::ExitCode;

#[path = "support/files.rs"]
mod support;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: jieba_cut FOLDER");
        return ExitCode::from(2);
    };
    let paths = match support::files(Path::new(&dir)) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("jieba_cut: {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let jieba = jieba_rs::Jieba::new();
    let (mut bytes, mut words) = (0, 0);
    for path in &paths {
        match std::fs::read(path) {
            Ok(raw) => {
                let text = String::from_utf8_lossy(&raw);
                bytes += raw.len();
                words += jieba.cut(&text, true).len();
            }
            Err(e) => eprintln!("jieba_cut: {}: {e}", path.display()),
        }
    }
    eprintln!(
        "jieba_cut: {} files, {bytes} bytes, {words} words",
        paths.len()
    );
    ExitCode::SUCCESS
}
