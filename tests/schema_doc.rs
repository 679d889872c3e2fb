//! SCHEMA.md stays true to the code: every error kind `Error::kind` can
//! return is listed in its table of error kinds, and nothing else is.

/// The kinds `Error::kind` returns, read from its match (which the compiler
/// keeps exhaustive over the enum).
fn kinds_in_code() -> Vec<&'static str> {
    let source = include_str!("../src/error.rs");
    let body = source
        .split("pub fn kind(&self) -> &'static str {")
        .nth(1)
        .expect("Error::kind in src/error.rs");
    let body = &body[..body.find("\n    }\n").expect("end of Error::kind")];
    body.split("=> \"")
        .skip(1)
        .map(|arm| arm.split('"').next().unwrap_or_default())
        .collect()
}

/// The kinds in the first column of SCHEMA.md's table of error kinds.
fn kinds_in_schema() -> Vec<&'static str> {
    let schema = include_str!("../SCHEMA.md");
    let table = schema
        .split("Error kinds (`error.kind`)")
        .nth(1)
        .expect("the error kinds table in SCHEMA.md");
    table
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|row| row.strip_prefix("| `")?.split('`').next())
        .collect()
}

#[test]
fn schema_lists_every_error_kind() {
    let mut code = kinds_in_code();
    let mut schema = kinds_in_schema();
    assert!(code.len() >= 16, "only {code:?} read from Error::kind");
    code.sort_unstable();
    schema.sort_unstable();
    assert_eq!(
        schema, code,
        "SCHEMA.md's error kinds and Error::kind differ"
    );
}
