//! huiyi (会议) turns Chinese meeting reports and meeting minutes into
//! structured records: the meeting, the leaders with their titles, the tasks
//! with their responsible leaders, units and deadlines, and the problems the
//! text states.
//!
//! Data flows one way: [`read`] (bytes → blocks of text) → [`normalize`]
//! (pinyin residue removed, Traditional → Simplified, full-width folded) →
//! extraction → [`Record`] (schema `huiyi/1`, see [`record`]).
//!
//! # Example
//!
//! ```
//! let record = huiyi::Extractor::builder()
//!     .reference_date(chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap())
//!     .build()
//!     .extract_str("3月18日下午，区长刘志远主持召开区政府常务会议，要求于4月底前完成选址论证。");
//! assert_eq!(record.meeting.date.as_deref(), Some("2025-03-18"));
//! assert_eq!(record.deadlines[0].text, "4月底前");
//! assert_eq!(record.deadlines[0].date.as_deref(), Some("2025-04-30"));
//! ```
//!
//! [`review::render_html`] shows records over their text as one HTML page;
//! [`sink`] writes many of them as JSON, CSV, SQLite or an Excel ledger.
//!
//! For one-off use without setup, [`extract_path`] and [`extract_str`] share a
//! default [`Extractor`]. Build your own [`Extractor`] once to set a reference
//! date or limits, and reuse it across documents and threads.
//!
//! The time module reads Chinese time expressions on its own:
//!
//! ```
//! use chrono::NaiveDate;
//! let reference = NaiveDate::from_ymd_opt(2021, 6, 14).unwrap();
//! let expr = huiyi::time::parse("6月上旬", reference).unwrap();
//! assert_eq!(expr.start, NaiveDate::from_ymd_opt(2021, 6, 1));
//! assert_eq!(expr.end, NaiveDate::from_ymd_opt(2021, 6, 10));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub(crate) mod analysis;
mod chars;
pub mod error;
pub(crate) mod extract;
mod extractor;
pub mod normalize;
pub mod options;
pub mod read;
pub mod record;
pub mod review;
pub mod sink;
#[doc(hidden)]
pub mod stages;
mod text;
pub mod time;

pub use error::{Error, Result};

// The README's Rust examples run as doctests, so that they stay true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
pub use extractor::{Extractor, ExtractorBuilder, Outcome, extract_path, extract_str, source_of};
pub use record::{ErrorRecord, Record};
