//! What the integration tests share: where `../shared` is.

use std::path::PathBuf;

/// The shared folder beside the repository (or `$HUIYI_SHARED`), when it is there.
/// Tests that need it print a notice and pass when it is absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("HUIYI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("notice: {} not found; test skipped", dir.display());
        None
    }
}
