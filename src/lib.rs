//! huiyi (会议) turns Chinese meeting reports and minutes into structured records.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod error;
pub(crate) mod extract;
pub mod normalize;
pub mod options;
pub mod read;
pub mod record;
pub mod time;

pub use error::{Error, Result};
