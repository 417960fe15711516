//! Applies suppression comments to findings and reports suppressions that silence nothing.
//!
//! A [`Suppressor`] reads a document piece by piece (the whole of it at once, or the parts of a
//! file read as a stream): each piece's comments first, then that piece's findings. Findings of
//! document rules, which arrive at the end, are filtered by [`Suppressor::filter`] too, and
//! [`Suppressor::finish`] reports the comments that silenced nothing.

use super::{Registry, RuleInfo};
use crate::diagnostic::{Finding, Severity};
use crate::extract::Span;
use crate::source::LineIndex;
use crate::source::suppress::{Suppression, SuppressionKind};

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

/// One piece of a document's source: its text, where it starts in the file, and its first
/// line's number (1-based).
#[derive(Clone, Copy)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub offset: usize,
    pub first_line: usize,
}

impl Piece<'_> {
    /// The whole of a source.
    pub fn whole(text: &str) -> Piece<'_> {
        Piece {
            text,
            offset: 0,
            first_line: 1,
        }
    }
}

/// The line numbers of a piece, for positions in the file.
pub struct PieceLines<'a> {
    piece: Piece<'a>,
    index: LineIndex,
}

impl<'a> PieceLines<'a> {
    pub fn new(piece: Piece<'a>) -> PieceLines<'a> {
        PieceLines {
            index: LineIndex::new(piece.text),
            piece,
        }
    }

    /// The line of file position `pos` (clamped to the piece).
    pub fn line_of(&self, pos: usize) -> usize {
        let local = pos
            .saturating_sub(self.piece.offset)
            .min(self.piece.text.len());
        self.piece.first_line + self.index.line_of(local) - 1
    }

    /// The number of the piece's last line.
    fn last_line(&self) -> usize {
        self.line_of(self.piece.offset + self.piece.text.len())
    }

    /// The first line at or after `from` that has text, if the piece has one.
    fn next_text_line(&self, from: usize) -> Option<usize> {
        let last = self.last_line();
        let mut l = from.max(self.piece.first_line);
        while l <= last {
            let (a, b) = self
                .index
                .line_range(self.piece.text, l + 1 - self.piece.first_line);
            if !self.piece.text[a..b].trim().is_empty() {
                return Some(l);
            }
            l += 1;
        }
        None
    }
}

/// Suppression comments read so far, the lines they cover, and which of them were used.
pub struct Suppressor<'r, 'c> {
    registry: &'r Registry<'c>,
    comments: Vec<Suppression>,
    scopes: Vec<Scope>,
    /// `numlint-disable` scopes no `numlint-enable` has ended yet (indices into `scopes`).
    open: Vec<usize>,
    /// `numlint-disable-next-line` scopes still waiting for a line with text (the line to start
    /// looking from).
    pending: Vec<(usize, usize)>,
    used: Vec<bool>,
    enable_used: Vec<bool>,
}

impl<'r, 'c> Suppressor<'r, 'c> {
    pub fn new(registry: &'r Registry<'c>) -> Self {
        Suppressor {
            registry,
            comments: Vec::new(),
            scopes: Vec::new(),
            open: Vec::new(),
            pending: Vec::new(),
            used: Vec::new(),
            enable_used: Vec::new(),
        }
    }

    /// Reads the comments of the next piece of the document (file positions, in order).
    pub fn read(&mut self, lines: &PieceLines, comments: Vec<Suppression>) {
        // A next-line comment at the end of the previous piece covers this piece's first text.
        for (scope, from) in std::mem::take(&mut self.pending) {
            match lines.next_text_line(from) {
                Some(l) => {
                    self.scopes[scope].first_line = l;
                    self.scopes[scope].last_line = l;
                }
                None => self.pending.push((scope, from)),
            }
        }
        for s in comments {
            let i = self.comments.len();
            let line = lines.line_of(s.start);
            self.used.push(false);
            self.enable_used.push(false);
            if s.kind == SuppressionKind::Enable {
                self.enable(i, &s, line);
            } else {
                let targets: Vec<Option<String>> = if s.rules.is_empty() {
                    vec![None]
                } else {
                    s.rules.iter().cloned().map(Some).collect()
                };
                for rule in targets {
                    let (first, last) = match s.kind {
                        SuppressionKind::SameLine => (line, line),
                        SuppressionKind::NextLine => {
                            let from = lines.line_of(s.end) + 1;
                            match lines.next_text_line(from) {
                                Some(l) => (l, l),
                                None => {
                                    self.pending.push((self.scopes.len(), from));
                                    (from, from)
                                }
                            }
                        }
                        _ => {
                            self.open.push(self.scopes.len());
                            (line, usize::MAX)
                        }
                    };
                    self.scopes.push(Scope {
                        comment: i,
                        rule,
                        first_line: first,
                        last_line: last,
                        reenabled: Vec::new(),
                    });
                }
            }
            self.comments.push(s);
        }
    }

    /// A `numlint-enable` on `line`: ends the open scopes it names (or all of them), and lets
    /// the rules it names count again inside a `numlint-disable` for every rule.
    fn enable(&mut self, i: usize, e: &Suppression, line: usize) {
        let scopes = &mut self.scopes;
        let enable_used = &mut self.enable_used;
        self.open.retain(|&k| {
            let sc = &mut scopes[k];
            let ends = e.rules.is_empty() || sc.rule.as_ref().is_some_and(|r| e.rules.contains(r));
            if ends {
                enable_used[i] = true;
                sc.last_line = line;
                return false;
            }
            if sc.rule.is_none() {
                enable_used[i] = true;
                sc.reenabled
                    .extend(e.rules.iter().map(|r| (r.clone(), line)));
            }
            true
        });
    }

    /// Has a comment been read (so findings need filtering)?
    pub fn is_active(&self) -> bool {
        !self.comments.is_empty()
    }

    /// Where the comments read so far are.
    pub fn comment_spans(&self) -> Vec<Span> {
        self.comments
            .iter()
            .map(|c| Span::new(c.start, c.end))
            .collect()
    }

    /// Drops the findings a comment read so far silences; `line_of` gives a finding's line.
    pub fn filter(
        &mut self,
        findings: Vec<Finding>,
        line_of: impl Fn(usize) -> usize,
    ) -> Vec<Finding> {
        if self.scopes.is_empty() {
            return findings;
        }
        let mut kept = Vec::with_capacity(findings.len());
        for f in findings {
            let line = line_of(f.span.start);
            let mut suppressed = false;
            for sc in &self.scopes {
                let covers = line >= sc.first_line
                    && line <= sc.last_line
                    && sc.rule.as_deref().is_none_or(|r| names(r, f.rule))
                    && !sc
                        .reenabled
                        .iter()
                        .any(|(r, from)| names(r, f.rule) && line > *from);
                if covers {
                    self.used[sc.comment] = true;
                    suppressed = true;
                }
            }
            if !suppressed {
                kept.push(f);
            }
        }
        kept
    }

    /// `unused-suppression` findings for comments that silenced nothing, name an unknown rule,
    /// or (`numlint-enable`) end no `numlint-disable`.
    pub fn finish(self) -> Vec<Finding> {
        let registry = self.registry;
        if self.comments.is_empty() || !registry.is_enabled(UNUSED_SUPPRESSION.id) {
            return Vec::new();
        }
        // A rule that does not run this time can silence nothing; its comment may still be
        // needed when it does, so only comments for rules that ran are called unused.
        let ran = |name: &str| {
            super::all_infos()
                .iter()
                .any(|i| (i.id == name || i.family == name) && registry.is_enabled(i.id))
        };
        let mut extra = Vec::new();
        for (i, s) in self.comments.iter().enumerate() {
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
                if self.enable_used[i] {
                    continue;
                }
                "this numlint-enable ends no numlint-disable; remove it".to_string()
            } else if self.used[i] || (!s.rules.is_empty() && !s.rules.iter().any(|r| ran(r))) {
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
        extra
    }
}
