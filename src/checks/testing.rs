//! Helpers for the rules' unit tests: run numlint on a sentence as a user would.

use crate::config::Config;
use crate::diagnostic::{Finding, Severity};
use crate::pipeline::check_source;
use crate::source::InputFormat;

/// Findings of one rule on `text`, with that rule switched on (house-style rules included).
pub fn check_rule(rule: &str, text: &str) -> Vec<Finding> {
    let mut config = Config::default();
    config.rules.select = Some(vec![rule.to_string()]);
    check_source(text, InputFormat::Text, &config)
        .expect("checking a string cannot fail")
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// Errors and warnings of the default rules on `text`: what makes an editor look.
pub fn findings(text: &str) -> Vec<Finding> {
    check_source(text, InputFormat::Text, &Config::default())
        .expect("checking a string cannot fail")
        .findings
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

/// Asserts that `good` draws no finding and `bad` exactly one from `rule`.
pub fn holds_and_fails_rule(rule: &str, good: &str, bad: &str) {
    assert!(findings(good).is_empty(), "{good}: {:?}", findings(good));
    assert_eq!(check_rule(rule, bad).len(), 1, "{bad}");
}
