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
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound(String),
    Unreadable(String, String),
    InvalidUtf8 { path: String, offset: usize },
    Binary(String),
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
        }
    }
}

/// Expands the command-line paths: directories become the text files under them, in a stable
/// order. "-" is stdin. Missing paths are returned as errors.
pub fn collect(paths: &[String], exclude: &globset::GlobSet) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = Vec::new();
            let walker = ignore::WalkBuilder::new(path)
                .hidden(true)
                .git_ignore(true)
                .git_global(false)
                .git_exclude(true)
                .require_git(false)
                .follow_links(false)
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let ep = e.path();
                        if e.file_type().is_some_and(|t| t.is_file())
                            && has_text_extension(ep)
                            && !exclude.is_match(ep)
                        {
                            found.push(ep.to_path_buf());
                        }
                    }
                    Err(e) => errors.push(InputError::Unreadable(p.clone(), e.to_string())),
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else if path.exists() {
            if !exclude.is_match(path) {
                inputs.push(Input::File(path.to_path_buf()));
            }
        } else {
            errors.push(InputError::NotFound(p.clone()));
        }
    }
    (inputs, errors)
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
    let text = decode(&path, bytes, lossy)?;
    Ok(Loaded { path, text, format })
}

/// Bytes to text: a NUL byte in the first 8 KB marks a binary file.
pub fn decode(path: &str, bytes: Vec<u8>, lossy: bool) -> Result<String, InputError> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(InputError::Binary(path.to_string()));
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
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
    fn binary_is_refused() {
        assert_eq!(
            decode("b", vec![1, 0, 2], false).unwrap_err(),
            InputError::Binary("b".into())
        );
    }
}
