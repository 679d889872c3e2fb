//! `docProps/core.xml`: the title and the creation date.

use chrono::NaiveDate;

use super::xml::{Node, Ns, Xml};
use crate::error::Error;
use crate::options::Limits;

/// What the core properties tell.
#[derive(Debug, Default)]
pub(super) struct Core {
    pub title: Option<String>,
    pub created: Option<NaiveDate>,
}

/// Reads the core properties. A date that does not parse is left out: it is
/// a hint, and a bad one must not cost the document.
pub(super) fn read_core(bytes: &[u8], part: &str, limits: &Limits) -> Result<Core, Error> {
    let mut xml = Xml::new(bytes, part, limits);
    let mut core = Core::default();
    loop {
        match xml.next()? {
            Node::Start(e) if e.is(Ns::Dc, b"title") => {
                let title = xml.text()?.trim().to_string();
                core.title = Some(title).filter(|t| !t.is_empty());
            }
            Node::Start(e) if e.is(Ns::DcTerms, b"created") => {
                core.created = parse_date(xml.text()?.trim());
            }
            Node::Eof => return Ok(core),
            _ => {}
        }
    }
}

/// The date part of a W3CDTF timestamp (`2025-03-13T08:00:00Z`, `2025-03-13`).
pub(in crate::read) fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}
