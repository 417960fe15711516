//! Applies suppression comments to findings and reports suppressions that silence nothing.

use super::{Registry, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::extract::Span;
use crate::source::suppress::SuppressionKind;
use crate::source::{Document, LineIndex};

/// `unused-suppression`: a suppression comment that silences nothing.
pub const UNUSED_SUPPRESSION: RuleInfo = RuleInfo {
    id: "unused-suppression",
    family: "meta",
    default_severity: Severity::Info,
    default_enabled: true,
    summary: "A numlint suppression comment that silences no finding",
    doc: "## What it does\nReports a `numlint-disable...` comment or `numlint: ignore` marker that \
          silences no finding, one that names an unknown rule, and a `numlint-enable` that ends no \
          `numlint-disable`. A comment for a rule that is not running is not reported.\n\n## Why\nStale suppressions hide the next real problem on that line; \
          removing them keeps the document honest.\n\n## Example\n```markdown\n<!-- numlint-disable-next-line -->\nThe trail is 10 km (6.2 miles) long.\n```\nThe conversion holds, so the comment is unused.\n",
};

/// What one suppression comment covers: lines `first..=last`, for `rule` (a rule id or
/// family; `None` for every rule), except rules re-enabled part way by a `numlint-enable`
/// naming them (`reenabled`: the rule and the line from which it counts again).
struct Scope {
    comment: usize,
    rule: Option<String>,
    first_line: usize,
    last_line: usize,
    reenabled: Vec<(String, usize)>,
}

/// Does a rule name in a comment (an id or a family) cover this finding's rule?
fn names(name: &str, rule: &str) -> bool {
    name == rule || super::find(rule).is_some_and(|i| i.family == name)
}

/// Is `name` a rule id or family numlint knows?
fn known(name: &str) -> bool {
    super::all_infos()
        .iter()
        .any(|i| i.id == name || i.family == name)
}

/// Drops suppressed findings and adds `unused-suppression` findings for comments that silence
/// nothing, name an unknown rule, or (`numlint-enable`) end no `numlint-disable`.
pub fn apply(
    source: &str,
    doc: &Document,
    registry: &Registry,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    if doc.suppressions.is_empty() {
        return findings;
    }
    let sups = &doc.suppressions;
    let lines = LineIndex::new(source);
    let line_of = |pos: usize| lines.line_col(source, pos).0;
    let total_lines = line_of(source.len());
    let mut scopes: Vec<Scope> = Vec::new();
    let mut enable_used = vec![false; sups.len()];
    for (i, s) in sups.iter().enumerate() {
        let line = line_of(s.start);
        let targets: Vec<Option<String>> = if s.rules.is_empty() {
            vec![None]
        } else {
            s.rules.iter().cloned().map(Some).collect()
        };
        for rule in targets {
            let (first, last, reenabled) = match s.kind {
                SuppressionKind::SameLine => (line, line, Vec::new()),
                SuppressionKind::NextLine => {
                    let next = next_text_line(source, &lines, line_of(s.end) + 1, total_lines);
                    (next, next, Vec::new())
                }
                SuppressionKind::Disable => {
                    // Ended by the first later enable for every rule, or naming this rule.
                    let mut end = total_lines;
                    let mut reenabled = Vec::new();
                    for (j, e) in sups.iter().enumerate().skip(i + 1) {
                        if e.kind != SuppressionKind::Enable {
                            continue;
                        }
                        let ends = e.rules.is_empty()
                            || rule.as_ref().is_some_and(|r| e.rules.contains(r));
                        if ends {
                            enable_used[j] = true;
                            end = line_of(e.start);
                            break;
                        }
                        if rule.is_none() {
                            // `numlint-disable` ... `numlint-enable R`: R counts again.
                            enable_used[j] = true;
                            let from = line_of(e.start);
                            reenabled.extend(e.rules.iter().map(|r| (r.clone(), from)));
                        }
                    }
                    (line, end, reenabled)
                }
                SuppressionKind::Enable => continue,
            };
            scopes.push(Scope {
                comment: i,
                rule,
                first_line: first,
                last_line: last,
                reenabled,
            });
        }
    }
    let mut used = vec![false; sups.len()];
    let mut kept = Vec::new();
    for f in findings {
        let line = line_of(f.span.start);
        let mut suppressed = false;
        for sc in &scopes {
            let covers = line >= sc.first_line
                && line <= sc.last_line
                && sc.rule.as_deref().is_none_or(|r| names(r, f.rule))
                && !sc
                    .reenabled
                    .iter()
                    .any(|(r, from)| names(r, f.rule) && line > *from);
            if covers {
                used[sc.comment] = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(f);
        }
    }
    if !registry.is_enabled(UNUSED_SUPPRESSION.id) {
        return kept;
    }
    // A rule that does not run this time can silence nothing; its comment may still be
    // needed when it does, so only comments for rules that ran are called unused.
    let ran = |name: &str| {
        super::all_infos()
            .iter()
            .any(|i| (i.id == name || i.family == name) && registry.is_enabled(i.id))
    };
    let mut extra = Vec::new();
    for (i, s) in sups.iter().enumerate() {
        let unknown: Vec<&str> = s
            .rules
            .iter()
            .map(String::as_str)
            .filter(|r| !known(r))
            .collect();
        let message = if !unknown.is_empty() {
            format!(
                "this suppression names an unknown rule: {} (see `numlint rules`)",
                unknown.join(", ")
            )
        } else if s.kind == SuppressionKind::Enable {
            if enable_used[i] {
                continue;
            }
            "this numlint-enable ends no numlint-disable; remove it".to_string()
        } else if used[i] || (!s.rules.is_empty() && !s.rules.iter().any(|r| ran(r))) {
            continue;
        } else {
            let what = if s.rules.is_empty() {
                "any rule".to_string()
            } else {
                s.rules.join(", ")
            };
            format!("this suppression silences nothing ({what}); remove it")
        };
        extra.push(Finding::new(
            UNUSED_SUPPRESSION.id,
            Severity::Info,
            Span::new(s.start, s.end),
            message,
        ));
    }
    registry.apply_severities(&mut extra);
    kept.extend(extra);
    kept
}

/// The first line at or after `from` that has text.
fn next_text_line(source: &str, lines: &LineIndex, from: usize, total: usize) -> usize {
    let mut l = from;
    while l <= total {
        let (a, b) = lines.line_range(source, l);
        if !source[a..b].trim().is_empty() {
            return l;
        }
        l += 1;
    }
    from
}
