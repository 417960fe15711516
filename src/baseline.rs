//! Baselines: record the findings a project already has, then report only new ones.
//!
//! A finding is known by its rule, its file and the text it quotes, plus how many identical
//! (rule, file, text) findings come before it in that file: the SARIF fingerprint
//! ([`crate::report::sarif::fingerprint`]). Line numbers are left out on purpose, so adding a
//! paragraph above an old finding does not make it look new.

use crate::report::CheckedFile;
use crate::report::sarif::fingerprint;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The baseline file's format version; bump it if the matching changes.
const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding. Only `fingerprint` is matched; the rest says what it was, for the
/// people who read the baseline in review.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    rule: String,
    path: String,
    text: String,
    occurrence: usize,
}

/// A loaded baseline: how many times each fingerprint was recorded, and in which file.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    counts: HashMap<String, (usize, String)>,
}

/// The path as a baseline records it: "./" dropped and "\" written "/", so that
/// `numlint check ./news` and `numlint check news` (or Windows and Unix) agree.
pub fn normalise_path(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_string();
    }
    p
}

/// The entries of every finding, in report order.
fn entries(files: &[CheckedFile]) -> Vec<Entry> {
    let mut out = Vec::new();
    for f in files {
        let path = normalise_path(&f.file.path);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for x in &f.findings {
            let text = f.file.slice(x.span);
            let n = seen.entry((x.rule, text)).or_default();
            out.push(Entry {
                fingerprint: fingerprint(x.rule, &path, text, *n),
                rule: x.rule.to_string(),
                path: path.clone(),
                text: text.to_string(),
                occurrence: *n,
            });
            *n += 1;
        }
    }
    out
}

/// The baseline file's text for these findings.
pub fn render(files: &[CheckedFile]) -> String {
    let file = File {
        version: VERSION,
        findings: entries(files),
    };
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes the baseline of `files` to `path`; returns how many findings it records.
pub fn write(path: &Path, files: &[CheckedFile]) -> Result<usize, String> {
    let text = render(files);
    let n = files.iter().map(|f| f.findings.len()).sum();
    std::fs::write(path, text)
        .map_err(|e| format!("{}: cannot write the baseline: {e}", path.display()))?;
    Ok(n)
}

impl Baseline {
    /// Reads a baseline written by [`write`].
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let name = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{name}: cannot read the baseline: {e}"))?;
        Baseline::parse(&text).map_err(|e| format!("{name}: {e}"))
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        let file: File = serde_json::from_str(text).map_err(|e| {
            format!(
                "not a numlint baseline (line {}: {e}); write one with --write-baseline",
                e.line()
            )
        })?;
        if file.version != VERSION {
            return Err(format!(
                "baseline version {} is not supported (this numlint writes version {VERSION})",
                file.version
            ));
        }
        let mut counts = HashMap::new();
        for e in file.findings {
            counts.entry(e.fingerprint).or_insert((0, e.path)).0 += 1;
        }
        Ok(Baseline { counts })
    }

    /// Removes the findings the baseline records; returns how many were removed and how
    /// many recorded for the files checked were not seen (fixed since: the baseline could be
    /// rewritten). Entries for files not checked this time are not counted as gone.
    pub fn filter(&self, files: &mut [CheckedFile]) -> (usize, usize) {
        let checked: std::collections::HashSet<String> =
            files.iter().map(|f| normalise_path(&f.file.path)).collect();
        let mut left: HashMap<String, usize> = self
            .counts
            .iter()
            .filter(|(_, (_, path))| checked.contains(path))
            .map(|(k, (n, _))| (k.clone(), *n))
            .collect();
        let mut keys = entries(files).into_iter().map(|e| e.fingerprint);
        let mut removed = 0;
        for f in files.iter_mut() {
            let known: Vec<bool> = f
                .findings
                .iter()
                .map(|_| match keys.next().and_then(|k| left.get_mut(&k)) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        true
                    }
                    _ => false,
                })
                .collect();
            removed += known.iter().filter(|k| **k).count();
            let mut it = known.into_iter();
            f.findings.retain(|_| !it.next().unwrap_or(false));
        }
        (removed, left.values().sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised() {
        assert_eq!(normalise_path("./news/a.md"), "news/a.md");
        assert_eq!(normalise_path("news\\a.md"), "news/a.md");
        assert_eq!(normalise_path("-"), "-");
    }

    #[test]
    fn foreign_files_are_refused_clearly() {
        let e = Baseline::parse("{\"findings\": 3}").unwrap_err();
        assert!(e.contains("not a numlint baseline"), "{e}");
        let e = Baseline::parse("{\"version\": 9, \"findings\": []}").unwrap_err();
        assert!(e.contains("version 9"), "{e}");
    }
}
