//! Fixes: applying the suggestions of findings to a text, showing them as a unified diff, and
//! writing a fixed file atomically.
//!
//! A user's file is the one thing numlint must never damage, so a write goes to a temporary file
//! in the same directory, is flushed to disk and then renamed over the original: a crash leaves
//! the old file or the new one, never half of each. A file that is read-only, or that changed
//! after numlint read it (an editor saved it meanwhile), is left alone and reported.

use crate::diagnostic::{Finding, Fix};
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The fixes applied to one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// Indices (into the findings given) of the findings whose fix was applied.
    pub applied: Vec<usize>,
    /// Indices of the findings whose fix overlapped one applied before it, so was not applied.
    pub overlapping: Vec<usize>,
}

/// Applies the fixes of `findings` to `text`: the safe ones, and with `unsafe_fixes` the
/// suggestions too. Fixes are taken in source order and the first one wins: a fix that
/// overlaps one already taken is left out and listed in [`Fixed::overlapping`] (the next run
/// will see whether it is still needed). Two findings with the very same fix both count as
/// fixed.
pub fn apply(text: &str, findings: &[Finding], unsafe_fixes: bool) -> Fixed {
    let mut fixes: Vec<(usize, &Fix)> = findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.suggestion.as_ref().map(|fix| (i, fix)))
        .filter(|(_, fix)| fix.safe || unsafe_fixes)
        .filter(|(_, fix)| {
            let s = fix.span;
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .collect();
    fixes.sort_by_key(|(i, fix)| (fix.span.start, fix.span.end, *i));
    let mut out = Fixed::default();
    let mut taken: Vec<&Fix> = Vec::new();
    for (i, fix) in fixes {
        if taken.contains(&fix) {
            out.applied.push(i);
        } else if taken.iter().any(|t| overlaps(t, fix)) {
            out.overlapping.push(i);
        } else {
            taken.push(fix);
            out.applied.push(i);
        }
    }
    let mut pos = 0;
    for fix in &taken {
        out.text.push_str(&text[pos..fix.span.start]);
        out.text.push_str(&fix.replacement);
        pos = fix.span.end;
    }
    out.text.push_str(&text[pos..]);
    out.applied.sort_unstable();
    out
}

/// Do two fixes touch the same text? Insertions at one point overlap (their order would be a
/// guess); a fix that ends where another starts does not.
fn overlaps(a: &Fix, b: &Fix) -> bool {
    let (a, b) = (a.span, b.span);
    match (a.start == a.end, b.start == b.end) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// A unified diff from `old` to `new`, both named `path`, as `patch -p0` reads it; empty when
/// they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file's permissions say nobody may write it. Checked by numlint itself, since
    /// replacing a file by rename needs only the directory's permission.
    ReadOnly,
    /// The file on disk is not what numlint read and checked.
    Changed,
    Io(io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::ReadOnly => f.write_str("the file is read-only"),
            WriteError::Changed => f.write_str("it changed after numlint read it"),
            WriteError::Io(e) => write!(f, "cannot write it: {e}"),
        }
    }
}

/// The last step of writing a file: put `contents` at `path` in place of what is there.
/// A trait so tests can make the write fail where real filesystems would (a full disk, a
/// read-only directory, a rename refused) even when they run as root.
pub trait Replace: Sync {
    fn replace(&self, path: &Path, contents: &[u8], old: &std::fs::Metadata) -> io::Result<()>;
}

/// Temp file in the same directory, contents written and synced, permissions (and, where
/// allowed, owner) copied from the old file, then renamed over it; the directory is synced
/// so the rename itself survives a crash.
pub struct Atomic;

impl Replace for Atomic {
    fn replace(&self, path: &Path, contents: &[u8], old: &std::fs::Metadata) -> io::Result<()> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".numlint-")
            .suffix(".tmp")
            .tempfile_in(&dir)?;
        tmp.write_all(contents)?;
        tmp.as_file().set_permissions(old.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only root can give a file away; anyone else already owns what they create.
            let _ = std::os::unix::fs::chown(tmp.path(), Some(old.uid()), Some(old.gid()));
        }
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Writes the fixed `contents` to `path` if it still holds the bytes numlint read (their
/// [`crate::files::digest`] is `read_digest`) and is not read-only. A symbolic link is
/// followed, so the link stays a link.
pub fn write_fixed(
    path: &Path,
    contents: &[u8],
    read_digest: u64,
    replace: &dyn Replace,
) -> Result<(), WriteError> {
    let target = std::fs::canonicalize(path).map_err(WriteError::Io)?;
    let meta = std::fs::metadata(&target).map_err(WriteError::Io)?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    let now = std::fs::read(&target).map_err(WriteError::Io)?;
    if crate::files::digest(&now) != read_digest {
        return Err(WriteError::Changed);
    }
    replace
        .replace(&target, contents, &meta)
        .map_err(WriteError::Io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::extract::Span;

    fn finding(start: usize, end: usize, replacement: &str, safe: bool) -> Finding {
        let mut f = Finding::new(
            "conversion-mismatch",
            Severity::Error,
            Span::new(start, end),
            "m".into(),
        );
        f.suggestion = Some(Fix {
            span: Span::new(start, end),
            replacement: replacement.into(),
            safe,
        });
        f
    }

    #[test]
    fn applies_in_order_and_keeps_offsets() {
        let text = "It is 40 km (15 miles) and 10 km (3 miles) and 2C (35.6F).";
        let at = |s: &str| text.find(s).unwrap();
        let fs = vec![
            finding(at("35.6"), at("35.6") + 4, "3.6", true),
            finding(at("15"), at("15") + 2, "25", true),
            finding(at("3 m"), at("3 m") + 1, "6.2", true),
        ];
        let fixed = apply(text, &fs, false);
        assert_eq!(
            fixed.text,
            "It is 40 km (25 miles) and 10 km (6.2 miles) and 2C (3.6F)."
        );
        assert_eq!(fixed.applied, [0, 1, 2]);
        assert!(fixed.overlapping.is_empty());
    }

    #[test]
    fn unsafe_fixes_only_when_asked() {
        let text = "The convoy travelled 550 miles (885 km).";
        let fs = vec![finding(21, 38, "885 km (550 miles", false)];
        assert_eq!(apply(text, &fs, false).text, text);
        assert_eq!(
            apply(text, &fs, true).text,
            "The convoy travelled 885 km (550 miles)."
        );
    }

    #[test]
    fn overlapping_fixes_first_wins() {
        let text = "abcdefghij";
        let fs = vec![
            finding(2, 5, "X", true),
            finding(4, 6, "Y", true),
            finding(5, 7, "Z", true),
            finding(2, 5, "X", true),
            finding(9, 9, "!", true),
            finding(9, 9, "?", true),
        ];
        let fixed = apply(text, &fs, false);
        assert_eq!(fixed.text, "abXZhi!j");
        assert_eq!(fixed.applied, [0, 2, 3, 4]);
        assert_eq!(fixed.overlapping, [1, 5]);
    }

    #[test]
    fn insertion_at_a_boundary_is_no_overlap() {
        let text = "abcdef";
        let fs = vec![finding(1, 3, "X", true), finding(3, 3, "+", true)];
        let fixed = apply(text, &fs, false);
        assert_eq!(fixed.text, "aX+def");
        assert!(fixed.overlapping.is_empty());
        let fs = vec![finding(1, 3, "X", true), finding(2, 2, "+", true)];
        assert_eq!(apply(text, &fs, false).overlapping, [1]);
    }

    #[test]
    fn bad_spans_are_skipped_not_panicked_on() {
        let text = "é";
        let fs = vec![finding(1, 2, "x", true), finding(0, 9, "x", true)];
        assert_eq!(apply(text, &fs, false).text, "é");
    }

    #[test]
    fn diff_is_unified() {
        let d = unified_diff("a.md", "one\ntwo 15\nthree\n", "one\ntwo 25\nthree\n");
        assert_eq!(
            d,
            "--- a.md\n+++ a.md\n@@ -1,3 +1,3 @@\n one\n-two 15\n+two 25\n three\n"
        );
        assert_eq!(unified_diff("a.md", "x", "x"), "");
    }

    struct Fails;
    impl Replace for Fails {
        fn replace(&self, _: &Path, _: &[u8], _: &std::fs::Metadata) -> io::Result<()> {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "rename refused",
            ))
        }
    }

    #[test]
    fn a_failed_write_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "40 km (15 miles)\n").unwrap();
        let d = crate::files::digest(b"40 km (15 miles)\n");
        let e = write_fixed(&p, b"40 km (25 miles)\n", d, &Fails).unwrap_err();
        assert!(e.to_string().contains("rename refused"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "40 km (15 miles)\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_changed_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "edited meanwhile\n").unwrap();
        let d = crate::files::digest(b"40 km (15 miles)\n");
        let e = write_fixed(&p, b"40 km (25 miles)\n", d, &Atomic).unwrap_err();
        assert!(matches!(e, WriteError::Changed));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "edited meanwhile\n");
    }

    #[test]
    fn atomic_write_keeps_permissions_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "old\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&p, &link).unwrap();
            write_fixed(&link, b"new\n", crate::files::digest(b"old\n"), &Atomic).unwrap();
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            let mode = std::fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        #[cfg(not(unix))]
        write_fixed(&p, b"new\n", crate::files::digest(b"old\n"), &Atomic).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(".numlint-")),
            "{names:?}"
        );
    }
}
