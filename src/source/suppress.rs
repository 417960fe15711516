//! Suppression comments: `<!-- numlint-disable-next-line [RULE...] -->`,
//! `<!-- numlint-disable [RULE...] -->` ... `<!-- numlint-enable [RULE...] -->` in Markdown and
//! HTML, the same words on a line of their own in plain text, and `numlint: ignore [RULE...]` on
//! the line it silences.

/// What a suppression comment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// Silences findings on the next line that has text.
    NextLine,
    /// Silences findings until a matching `Enable` (or the end of the file).
    Disable,
    Enable,
    /// Silences findings on its own line.
    SameLine,
}

/// A suppression comment, its rules (empty = every rule) and where it is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub rules: Vec<String>,
    /// Byte range of the comment in the source.
    pub start: usize,
    pub end: usize,
}

const MARKERS: &[(&str, SuppressionKind)] = &[
    ("numlint-disable-next-line", SuppressionKind::NextLine),
    ("numlint-disable", SuppressionKind::Disable),
    ("numlint-enable", SuppressionKind::Enable),
    ("numlint: ignore", SuppressionKind::SameLine),
    ("numlint:ignore", SuppressionKind::SameLine),
];

/// Parses an HTML comment (`<!-- ... -->`) found at `start`; text after its `-->` is ignored.
pub fn parse_comment(html: &str, start: usize) -> Option<Suppression> {
    let lead = html.len() - html.trim_start().len();
    let body = html.trim_start().strip_prefix("<!--")?;
    let (inner, len) = match body.find("-->") {
        Some(e) => (&body[..e], lead + 4 + e + 3),
        None => (body, html.trim_end().len()),
    };
    let mut s = parse_marker(inner.trim())?;
    s.start = start + lead;
    s.end = start + len;
    Some(s)
}

/// Reads a marker at the start of `text`: the kind and the rule ids after it.
fn parse_marker(text: &str) -> Option<Suppression> {
    for (m, kind) in MARKERS {
        if let Some(rest) = text.strip_prefix(m) {
            if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
                continue; // "numlint-disable-next-line" is not "numlint-disable"
            }
            let rules = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(|r| r.trim_end_matches("-->").trim())
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect();
            return Some(Suppression {
                kind: *kind,
                rules,
                start: 0,
                end: 0,
            });
        }
    }
    None
}

/// Finds markers anywhere in a plain-text source: a line holding one of the comment words, or
/// `numlint: ignore` at the end of a line of text.
pub fn scan_text(source: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    if !source.contains("numlint") {
        return out;
    }
    let mut pos = 0;
    for line in source.split_inclusive('\n') {
        // The marker may follow other words ("See numlint docs. numlint: ignore").
        for (at, _) in line.match_indices("numlint") {
            // Allow an HTML comment around the marker: "<!-- numlint-disable -->".
            let parsed = match line[..at].rfind("<!--") {
                Some(c) => parse_comment(&line[c..], pos + c),
                None => parse_marker(line[at..].trim_end()).map(|mut s| {
                    s.start = pos + at;
                    s.end = pos + line.trim_end().len();
                    s
                }),
            };
            if let Some(s) = parsed {
                out.push(s);
                break;
            }
        }
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_marker_with_rules() {
        let s =
            parse_comment("<!-- numlint-disable-next-line conversion-mismatch -->", 10).unwrap();
        assert_eq!(s.kind, SuppressionKind::NextLine);
        assert_eq!(s.rules, ["conversion-mismatch"]);
        assert_eq!(s.start, 10);
        let s = parse_comment("<!-- numlint-disable -->", 0).unwrap();
        assert_eq!(s.kind, SuppressionKind::Disable);
        assert!(s.rules.is_empty());
        let s = parse_comment("<!--numlint-enable ratio-mismatch,share-mismatch-->", 0).unwrap();
        assert_eq!(s.kind, SuppressionKind::Enable);
        assert_eq!(s.rules, ["ratio-mismatch", "share-mismatch"]);
        assert!(parse_comment("<!-- just a note -->", 0).is_none());
        let s = parse_comment("<!-- numlint-disable --> more words", 5).unwrap();
        assert!(s.rules.is_empty());
        assert_eq!((s.start, s.end), (5, 29));
    }

    #[test]
    fn plain_text_ignore_marker() {
        let src = "It is 40 km (15 miles) away. numlint: ignore\nNext.\n";
        let v = scan_text(src);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].kind, SuppressionKind::SameLine);
        assert!(v[0].start > 20);
    }

    #[test]
    fn marker_after_other_mentions_and_with_leaders() {
        let v =
            scan_text("See numlint docs: 40 km (15 miles). numlint: ignore conversion-mismatch\n");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].kind, SuppressionKind::SameLine);
        assert_eq!(v[0].rules, ["conversion-mismatch"]);
        let v = scan_text("# numlint-disable-next-line\n// numlint-enable ratio-mismatch\n");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].kind, SuppressionKind::NextLine);
        assert_eq!(v[1].kind, SuppressionKind::Enable);
        assert_eq!(v[1].rules, ["ratio-mismatch"]);
    }
}
