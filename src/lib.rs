//! numlint checks the numbers in prose.
//!
//! It reads a document (plain text, Markdown or HTML), extracts every quantity with its
//! precision, unit and hedge ("about 550 miles" stands for 495..605 miles), finds the claims the
//! text makes with them (a conversion, a ratio, a percent change, a share, a direction), recomputes
//! each claim and reports those that do not hold.
//!
//! ```
//! use numlint::{extract_source, Config, InputFormat};
//!
//! let text = "The missiles can fly about 550 miles.";
//! let report = extract_source(text, InputFormat::Text, &Config::default());
//! let q = &report.quantities[0];
//! assert_eq!(q.value, Some(550.0));
//! assert_eq!(q.unit_name.as_deref(), Some("mile"));
//! // "about 550" stands for 495..605.
//! assert!((q.interval.lo - 495.0).abs() < 1e-9 && (q.interval.hi - 605.0).abs() < 1e-9);
//! ```
//!
//! The flow runs one way: [`source`] -> [`extract`] -> [`claims`] -> [`checks`] -> [`report`].
//! A stage knows only the types of the stage before it.

pub mod app;
pub mod baseline;
pub mod checks;
pub mod claims;
pub mod cli;
pub mod config;
pub mod config_file;
pub mod dates;
pub mod diagnostic;
pub mod eval;
pub mod extract;
pub mod files;
pub mod fix;
pub mod interval;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod serve;
pub mod source;
pub mod stream;
pub mod units;
pub mod vocab;

pub use config::Config;
pub use diagnostic::{Finding, Fix, Passed, Severity};
pub use pipeline::{CheckReport, ExtractReport, check_source, extract_source};
pub use source::InputFormat;
