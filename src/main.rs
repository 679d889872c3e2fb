//! The `huiyi` command line.
fn main() {}
