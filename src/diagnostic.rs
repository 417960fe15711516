//! What checks produce: findings with a severity, a message, the recomputed value and a fix;
//! and the claims that were recomputed and hold.

use crate::extract::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    /// DESIGN.md: error when the miss exceeds one half-width, warning when within it.
    pub fn from_miss(miss: f64) -> Severity {
        if miss > 1.0 {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The recomputed value a finding compares against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expected {
    /// As a reader would write it: "24.9 miles".
    pub text: String,
    pub value: f64,
    pub unit: Option<String>,
}

/// A replacement for a span of the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    /// Safe fixes rewrite only a derived figure outside quotations; `--fix` applies them.
    pub safe: bool,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Where, in source bytes once the pipeline has mapped it (paragraph bytes inside a check).
    pub span: Span,
    pub message: String,
    pub expected: Option<Expected>,
    pub suggestion: Option<Fix>,
    /// Other places involved (the other figure of a restated pair).
    pub related: Vec<Span>,
    /// Extra explanation lines ("8,200 matches nautical miles").
    pub notes: Vec<String>,
}

impl Finding {
    pub fn new(rule: &'static str, severity: Severity, span: Span, message: String) -> Finding {
        Finding {
            rule,
            severity,
            span,
            message,
            expected: None,
            suggestion: None,
            related: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// A claim that was recomputed and holds, for `--show-passed`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passed {
    /// The claim family: "conversion", "ratio", "percent-change", "share", "difference", "total".
    pub kind: &'static str,
    pub span: Span,
    /// The claim as written ("73 railcars ... 20 railcars").
    pub claim: String,
    /// The arithmetic done ("73 / 20 = 3.65").
    pub arithmetic: String,
    /// Why it holds ("3.65 is more than 3").
    pub verdict: String,
}
