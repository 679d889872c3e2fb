//! People: names with every title as written, and their roles.

use crate::record::Person;

/// Finds every person named in `text` as an official or participant.
pub(crate) fn find_people(_text: &str) -> Vec<Person> {
    Vec::new()
}
