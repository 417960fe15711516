//! Claims: how the quantities of a paragraph relate (a conversion, a ratio, a percent change,
//! a share, a direction, a difference, a total).
//!
//! Claim finders read the tokens between quantities and the words in
//! `rules/comparisons.toml`; they never judge whether a claim holds (that is the checks' job).

mod words;

pub use words::ComparisonWords;

use crate::extract::{Facts, Para};

/// A relation the text states between figures.
#[derive(Debug, Clone)]
pub enum Claim {}

/// Finds every claim in a paragraph.
pub fn find(_p: &Para, _facts: &Facts) -> Vec<Claim> {
    Vec::new()
}
