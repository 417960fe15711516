//! Claims: how the quantities of a paragraph relate (a conversion, a ratio, a percent change,
//! a share, a direction, a difference, a total).
//!
//! Claim finders read the tokens between quantities and the words in
//! `rules/comparisons.toml`; they never judge whether a claim holds (that is the checks' job).

pub mod conversion;
mod words;

pub use conversion::Link;
pub use words::ComparisonWords;

use crate::extract::{Facts, Para, Span};

/// "900 km (559 miles)": quantity `a` given again as `b` in another unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversionClaim {
    /// Index of the first figure in the paragraph's quantities.
    pub a: usize,
    /// Index of its stated equivalent.
    pub b: usize,
    pub link: Link,
    /// The words joining them, lower case ("(", "that's about", "or").
    pub link_text: String,
    pub span: Span,
}

/// A relation the text states between figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    Conversion(ConversionClaim),
}

/// Finds every claim in a paragraph.
pub fn find(p: &Para, facts: &Facts) -> Vec<Claim> {
    let mut out = Vec::new();
    conversion::find(p, facts, &mut out);
    out
}
