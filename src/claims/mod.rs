//! Claims: how the quantities of a paragraph relate (a conversion, a ratio, a percent change,
//! a share, a direction, a difference, a total).
//!
//! Claim finders read the tokens between quantities and the words in
//! `rules/comparisons.toml`; they never judge whether a claim holds (that is the checks' job).

pub mod comparison;
pub mod conversion;
mod words;

pub use comparison::Trend;
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

/// "rose 17.5 pct to 94.0 mln from 80.0 mln"; "up 64 pence, or 6%, at 1130p".
#[derive(Debug, Clone, PartialEq)]
pub struct PercentChangeClaim {
    /// The stated percentage (quantity index).
    pub percent: usize,
    /// The earlier figure, when stated.
    pub from: Option<usize>,
    /// The later figure (or the level reached, with `amount`).
    pub to: usize,
    /// The change as an amount ("64 pence"), when the earlier figure is not stated.
    pub amount: Option<usize>,
    pub trend: Option<Trend>,
    /// Scale the earlier figure takes from the later one ("to 381 mln from 160").
    pub from_scale: f64,
    pub span: Span,
}

/// "more than doubled to 381 mln from 160"; "73, more than three times the 20".
#[derive(Debug, Clone, PartialEq)]
pub struct RatioClaim {
    pub factor: f64,
    pub hedge: Option<crate::vocab::HedgeKind>,
    /// Index in the paragraph's multipliers.
    pub multiplier: usize,
    pub numerator: usize,
    pub denominator: usize,
    pub denominator_scale: f64,
    pub span: Span,
}

/// What a share claim states: a percentage or a count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ShareStated {
    Percent(usize),
    Count(usize),
}

/// "30 of 120 people, or 25%"; "one in four (25%)"; "a fifth of the 50 missiles, 10".
#[derive(Debug, Clone, PartialEq)]
pub struct ShareClaim {
    /// The part as a count (quantity index).
    pub part: Option<usize>,
    /// The part as a fraction (index in the paragraph's fractions).
    pub fraction: Option<usize>,
    pub whole: Option<usize>,
    pub stated: ShareStated,
    pub span: Span,
}

/// "rose to 20 from 73": a change word and the two figures it joins.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectionClaim {
    pub from: usize,
    pub to: usize,
    pub trend: Trend,
    pub word_tok: usize,
    pub from_scale: f64,
    pub span: Span,
}

/// "73, 53 more than the 20": `b` minus `a` is `difference` (or `a` minus `b`).
#[derive(Debug, Clone, PartialEq)]
pub struct DifferenceClaim {
    pub larger_is_b: bool,
    pub a: usize,
    pub b: usize,
    pub difference: usize,
    pub span: Span,
}

/// "a total of 12: 5 missiles, 3 launchers and 4 shells"; percentages of one whole.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalClaim {
    pub total: Option<usize>,
    pub parts: Vec<usize>,
    /// The parts are percentages of one whole (no stated total: 100).
    pub percent: bool,
    /// The wording makes the parts exclusive ("the rest", "the remaining").
    pub exclusive: bool,
    /// "of the 10, 6 ... and 5 ...": the parts may not exceed the whole but need not fill it.
    pub whole_of: bool,
    pub span: Span,
}

/// An amount shared out over a population, and the share each gets: "a budget of £1.2bn for
/// 2.4 million residents, £500 per head".
#[derive(Debug, Clone, PartialEq)]
pub struct PerCapitaClaim {
    pub total: usize,
    pub population: usize,
    pub each: usize,
    /// For a rate per a round number of people ("8.2 per 100,000"), the quantity that says how many.
    pub per_count: Option<usize>,
    pub span: Span,
}

/// Two figures of the same thing set side by side, with no relation stated.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonClaim {
    pub a: usize,
    pub b: usize,
    pub span: Span,
}

/// A relation the text states between figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    Conversion(ConversionClaim),
    PercentChange(PercentChangeClaim),
    Ratio(RatioClaim),
    Share(ShareClaim),
    Direction(DirectionClaim),
    Difference(DifferenceClaim),
    Total(TotalClaim),
    PerCapita(PerCapitaClaim),
    Comparison(ComparisonClaim),
}

/// Finds every claim in a paragraph.
pub fn find(p: &Para, facts: &Facts) -> Vec<Claim> {
    let mut out = Vec::new();
    // A claim needs two figures (or a figure and a fraction).
    if facts.quantities.len() + facts.fractions.len() < 2 {
        return out;
    }
    conversion::find(p, facts, &mut out);
    comparison::find(p, facts, &mut out);
    out
}
