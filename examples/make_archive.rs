//! Writes N composed meeting reports into a folder, for bulk-conversion runs:
//! `cargo run --example make_archive -- /tmp/archive 10000`.

#[path = "../tests/bulk_archive/mod.rs"]
mod bulk_archive;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (args.next(), args.next().and_then(|n| n.parse().ok())) else {
        eprintln!("usage: make_archive FOLDER COUNT");
        return ExitCode::from(2);
    };
    match bulk_archive::write_archive(&PathBuf::from(&dir), count) {
        Ok(paths) => {
            eprintln!("{} reports written under {dir}", paths.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("make_archive: {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}
