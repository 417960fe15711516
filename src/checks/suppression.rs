//! Applies suppression comments to findings and reports suppressions that silence nothing.

use super::{Registry, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::extract::Span;
use crate::source::suppress::{Suppression, SuppressionKind};
use crate::source::{Document, LineIndex};

/// `unused-suppression`: a suppression comment that silences nothing.
pub const UNUSED_SUPPRESSION: RuleInfo = RuleInfo {
    id: "unused-suppression",
    family: "meta",
    default_severity: Severity::Info,
    default_enabled: true,
    summary: "A numlint suppression comment that silences no finding",
    doc: "## What it does\nReports a `numlint-disable...` comment or `numlint: ignore` marker that \
          silences no finding.\n\n## Why\nStale suppressions hide the next real problem on that line; \
          removing them keeps the document honest.\n\n## Example\n```markdown\n<!-- numlint-disable-next-line -->\nThe trail is 10 km (6.2 miles) long.\n```\nThe conversion holds, so the comment is unused.\n",
};

/// The line range (first, last) each suppression covers, and which rules.
struct Scope<'a> {
    s: &'a Suppression,
    first_line: usize,
    last_line: usize,
    used: bool,
}

/// Drops suppressed findings and adds `unused-suppression` findings.
pub fn apply(
    source: &str,
    doc: &Document,
    registry: &Registry,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    if doc.suppressions.is_empty() {
        return findings;
    }
    let lines = LineIndex::new(source);
    let line_of = |pos: usize| lines.line_col(source, pos).0;
    let total_lines = line_of(source.len());
    let mut scopes: Vec<Scope> = Vec::new();
    for (i, s) in doc.suppressions.iter().enumerate() {
        let line = line_of(s.start);
        let end_line = line_of(s.end);
        let (first, last) = match s.kind {
            SuppressionKind::SameLine => (line, line),
            SuppressionKind::NextLine => {
                let next = next_text_line(source, &lines, end_line + 1, total_lines);
                (next, next)
            }
            SuppressionKind::Disable => {
                let end = doc.suppressions[i + 1..]
                    .iter()
                    .find(|e| {
                        e.kind == SuppressionKind::Enable
                            && (e.rules.is_empty() || e.rules == s.rules)
                    })
                    .map_or(total_lines, |e| line_of(e.start));
                (line, end)
            }
            SuppressionKind::Enable => continue,
        };
        scopes.push(Scope {
            s,
            first_line: first,
            last_line: last,
            used: false,
        });
    }
    let mut kept = Vec::new();
    for f in findings {
        let line = line_of(f.span.start);
        let mut suppressed = false;
        for sc in scopes.iter_mut() {
            if line >= sc.first_line
                && line <= sc.last_line
                && (sc.s.rules.is_empty() || sc.s.rules.iter().any(|r| r == f.rule))
            {
                sc.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(f);
        }
    }
    if registry.is_enabled(UNUSED_SUPPRESSION.id) {
        for sc in scopes.iter().filter(|sc| !sc.used) {
            let what = if sc.s.rules.is_empty() {
                "any rule".to_string()
            } else {
                sc.s.rules.join(", ")
            };
            kept.push(Finding::new(
                UNUSED_SUPPRESSION.id,
                Severity::Info,
                Span::new(sc.s.start, sc.s.end),
                format!("this suppression silences nothing ({what}); remove it"),
            ));
        }
    }
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
