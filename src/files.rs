//! Inputs: files, directories (walked for .txt, .md and .html, honouring .gitignore), and stdin.
//! Bad inputs become [`InputError`]s with a clear message; they never stop the other files.

use crate::source::InputFormat;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions read when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// A file read into text.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The path as reported ("-" or the --stdin-filename for stdin).
    pub path: String,
    pub text: String,
    pub format: InputFormat,
    /// The file began with a UTF-8 byte-order mark (stripped from `text`, kept by `--fix`).
    pub bom: bool,
    /// `--lossy` replaced invalid bytes: writing `text` back would lose them.
    pub replaced: bool,
    /// A digest of the bytes as read, so `--fix` can tell whether the file changed since.
    pub digest: u64,
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound(String),
    Unreadable(String, String),
    InvalidUtf8 {
        path: String,
        offset: usize,
    },
    Binary(String),
    /// A glob argument that matched no file.
    NoMatch(String),
    BadGlob(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(p) => write!(f, "{p}: no such file or directory"),
            InputError::Unreadable(p, e) => write!(f, "{p}: cannot read: {e}"),
            InputError::InvalidUtf8 { path, offset } => write!(
                f,
                "{path}: invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes)"
            ),
            InputError::Binary(p) => write!(f, "{p}: looks like a binary file, not text"),
            InputError::NoMatch(p) => write!(f, "{p}: no file matches this glob"),
            InputError::BadGlob(e) => f.write_str(e),
        }
    }
}

/// Builds a glob as numlint reads them: `*` and `?` stay within one path component, `**`
/// crosses directories (as in .gitignore), so `news/*.md` does not reach into `news/old/`.
pub fn glob(pattern: &str) -> Result<globset::Glob, String> {
    globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("bad glob `{pattern}`: {}", e.kind()))
}

/// Does a path argument ask for glob expansion?
fn is_glob(p: &str) -> bool {
    p.contains(['*', '?', '[', '{'])
}

/// Paths to skip (`--exclude`, `exclude` in numlint.toml).
///
/// A glob is tried on the path as walked, on the path relative to `base` (the configuration
/// file's directory, or the working directory for the command line), and on every trailing
/// part of the path, so `drafts/**` skips `news/drafts/a.md` and `*.draft.md` skips such a
/// file anywhere, as a .gitignore line would.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    set: globset::GlobSet,
    base: Option<PathBuf>,
    empty: bool,
}

impl Exclude {
    pub fn new(globs: &[String], base: Option<&Path>) -> Result<Exclude, String> {
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            b.add(glob(g)?);
        }
        Ok(Exclude {
            set: b.build().map_err(|e| e.to_string())?,
            base: base.map(|b| {
                absolute(if b.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    b
                })
            }),
            empty: globs.is_empty(),
        })
    }

    /// Is `path`, or a directory it is in, excluded?
    pub fn is_excluded(&self, path: &Path) -> bool {
        if self.empty {
            return false;
        }
        let path = path.strip_prefix(".").unwrap_or(path);
        path.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.matches(a))
    }

    fn matches(&self, path: &Path) -> bool {
        if self.set.is_match(path) {
            return true;
        }
        if let Some(base) = &self.base
            && let Ok(rel) = absolute(path).strip_prefix(base)
            && self.set.is_match(rel)
        {
            return true;
        }
        let parts: Vec<_> = path.components().collect();
        (1..parts.len()).any(|i| self.set.is_match(parts[i..].iter().collect::<PathBuf>()))
    }
}

/// `path` made absolute against the working directory, without touching the filesystem.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Expands the command-line paths: directories become the text files under them, globs the
/// files they match, each group in a stable order; "-" is stdin. Directories are walked with
/// `threads` threads (0: ignore's default). Missing paths and globs that match nothing are
/// returned as errors.
pub fn collect(
    paths: &[String],
    exclude: &Exclude,
    threads: usize,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let exclude = std::sync::Arc::new(exclude.clone());
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        let found: Vec<PathBuf> = if path.is_dir() {
            let (found, errs) = walk(path, &exclude, threads, has_text_extension);
            errors.extend(
                errs.into_iter()
                    .map(|e| InputError::Unreadable(p.clone(), e)),
            );
            found
        } else if path.exists() {
            if exclude.is_excluded(path) {
                continue;
            }
            vec![path.to_path_buf()]
        } else if is_glob(p) {
            match expand_glob(p, &exclude, threads) {
                Ok((found, errs)) => {
                    errors.extend(
                        errs.into_iter()
                            .map(|e| InputError::Unreadable(p.clone(), e)),
                    );
                    if found.is_empty() {
                        errors.push(InputError::NoMatch(p.clone()));
                    }
                    found
                }
                Err(e) => {
                    errors.push(InputError::BadGlob(e));
                    continue;
                }
            }
        } else {
            errors.push(InputError::NotFound(p.clone()));
            continue;
        };
        for f in found {
            // One file named twice ("a.md" and "./a.md", or through a link) is read once, so
            // --fix never writes it twice.
            let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
            if seen.insert(key) {
                inputs.push(Input::File(f));
            }
        }
    }
    (inputs, errors)
}

/// The files a glob argument matches, walking from its literal leading directories.
/// Files without a text extension are taken only when the glob names their extension itself
/// (`notes/*.rst`), so `news/**` does not pick up images.
fn expand_glob(
    pattern: &str,
    exclude: &std::sync::Arc<Exclude>,
    threads: usize,
) -> Result<(Vec<PathBuf>, Vec<String>), String> {
    let matcher = glob(pattern)?.compile_matcher();
    let literal: Vec<&str> = pattern.split('/').take_while(|c| !is_glob(c)).collect();
    // The last literal component may be a file name, not a directory.
    let literal = &literal[..literal.len().min(pattern.split('/').count() - 1)];
    let implicit_base = literal.is_empty();
    let base = if implicit_base {
        PathBuf::from(".")
    } else if literal == [""] {
        PathBuf::from("/")
    } else {
        PathBuf::from(literal.join("/"))
    };
    let last = pattern.rsplit('/').next().unwrap_or(pattern);
    let names_extension = last
        .rsplit_once('.')
        .is_some_and(|(_, ext)| !ext.is_empty() && !is_glob(ext));
    if !base.is_dir() {
        return Ok((Vec::new(), Vec::new()));
    }
    let (found, errs) = walk(&base, exclude, threads, |f| {
        names_extension || has_text_extension(f)
    });
    let found = found
        .into_iter()
        .map(|f| {
            if implicit_base {
                f.strip_prefix(".").map(Path::to_path_buf).unwrap_or(f)
            } else {
                f
            }
        })
        .filter(|f| matcher.is_match(f))
        .collect();
    Ok((found, errs))
}

/// Walks `root` in parallel, honouring .gitignore and `exclude`; returns the files `keep`
/// accepts, sorted, and the walk errors.
fn walk(
    root: &Path,
    exclude: &std::sync::Arc<Exclude>,
    threads: usize,
    keep: impl Fn(&Path) -> bool + Sync,
) -> (Vec<PathBuf>, Vec<String>) {
    let found = std::sync::Mutex::new(Vec::new());
    let errors = std::sync::Mutex::new(Vec::new());
    let ex = exclude.clone();
    ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .threads(threads)
        .filter_entry(move |e| e.depth() == 0 || !ex.is_excluded(e.path()))
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_some_and(|t| t.is_file()) && keep(e.path()) {
                            found.lock().expect("walker lock").push(e.into_path());
                        }
                    }
                    Err(e) => errors.lock().expect("walker lock").push(e.to_string()),
                }
                ignore::WalkState::Continue
            })
        });
    let mut found = found.into_inner().unwrap_or_default();
    found.sort();
    let mut errors = errors.into_inner().unwrap_or_default();
    errors.sort();
    (found, errors)
}

fn has_text_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads one input. `format` forces the input format; `lossy` replaces invalid UTF-8.
pub fn load(
    input: &Input,
    format: Option<InputFormat>,
    stdin_name: Option<&str>,
    lossy: bool,
) -> Result<Loaded, InputError> {
    let (path, bytes) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::Unreadable("-".into(), e.to_string()))?;
            (stdin_name.unwrap_or("-").to_string(), buf)
        }
        Input::File(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => InputError::NotFound(name.clone()),
                _ => InputError::Unreadable(name.clone(), e.to_string()),
            })?;
            (name, bytes)
        }
    };
    let format = format.unwrap_or_else(|| match input {
        Input::Stdin => {
            stdin_name.map_or(InputFormat::Text, |n| InputFormat::from_path(Path::new(n)))
        }
        Input::File(p) => InputFormat::from_path(p),
    });
    let bom = bytes.starts_with(BOM);
    let digest = digest(&bytes);
    let replaced = lossy && std::str::from_utf8(&bytes).is_err();
    let text = decode(&path, bytes, lossy)?;
    Ok(Loaded {
        path,
        text,
        format,
        bom,
        replaced,
        digest,
    })
}

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The digest [`Loaded::digest`] holds: stable within a process, which is all it needs.
pub fn digest(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Bytes to text: a NUL byte in the first 8 KB marks a binary file.
pub fn decode(path: &str, bytes: Vec<u8>, lossy: bool) -> Result<String, InputError> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(InputError::Binary(path.to_string()));
    }
    let bytes = match bytes.strip_prefix(BOM) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            if lossy {
                Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
            } else {
                Err(InputError::InvalidUtf8 {
                    path: path.to_string(),
                    offset: e.utf8_error().valid_up_to(),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_byte() {
        let e = decode("a.txt", b"ok \xff bad".to_vec(), false).unwrap_err();
        assert_eq!(
            e,
            InputError::InvalidUtf8 {
                path: "a.txt".into(),
                offset: 3
            }
        );
        assert!(e.to_string().contains("byte 3"));
        assert_eq!(
            decode("a.txt", b"ok \xff".to_vec(), true).unwrap(),
            "ok \u{fffd}"
        );
    }

    #[test]
    fn exclude_matches_trailing_parts_ancestors_and_base_relative_paths() {
        let ex = Exclude::new(&["drafts/**".into(), "*.old.md".into()], None).unwrap();
        assert!(ex.is_excluded(Path::new("news/drafts/a.md")));
        assert!(ex.is_excluded(Path::new("./drafts/a.md")));
        assert!(ex.is_excluded(Path::new("news/world/x.old.md")));
        assert!(!ex.is_excluded(Path::new("news/a.md")));
        assert!(!ex.is_excluded(Path::new("news/drafts.md")));
        let ex = Exclude::new(&["world".into()], None).unwrap();
        assert!(
            ex.is_excluded(Path::new("news/world/d.md")),
            "a directory name"
        );
        assert!(!ex.is_excluded(Path::new("news/worlds/d.md")));
        let cwd = std::env::current_dir().unwrap();
        let ex = Exclude::new(&["news/drafts/*.md".into()], Some(Path::new(""))).unwrap();
        assert!(
            ex.is_excluded(&cwd.join("news/drafts/a.md")),
            "relative to the base"
        );
        assert!(!ex.is_excluded(&cwd.join("news/drafts/deep/a.md")));
        assert!(!Exclude::default().is_excluded(Path::new("a.md")));
    }

    #[test]
    fn globs_keep_stars_in_one_component() {
        let m = glob("news/*.md").unwrap().compile_matcher();
        assert!(m.is_match("news/a.md"));
        assert!(!m.is_match("news/world/a.md"));
        let m = glob("news/**/*.md").unwrap().compile_matcher();
        assert!(m.is_match("news/a.md") && m.is_match("news/world/a.md"));
        assert!(
            glob("news/[a.md")
                .unwrap_err()
                .contains("bad glob `news/[a.md`")
        );
        assert!(is_glob("*.md") && is_glob("a?.md") && is_glob("{a,b}.md"));
        assert!(!is_glob("news/a.md"));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode("b", vec![1, 0, 2], false).unwrap_err(),
            InputError::Binary("b".into())
        );
    }
}
