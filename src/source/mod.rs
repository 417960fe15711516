//! Sources: plain text, Markdown and HTML become a [`Document`]: prose paragraphs with a map
//! from every prose byte back to the original file, so findings point at exact lines and columns.

pub mod html;
pub mod lines;
pub mod markdown;
pub mod suppress;
pub mod text;

pub use lines::LineIndex;

use serde::Serialize;
use std::path::Path;

/// How to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    #[default]
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    /// From a file's extension; plain text when unknown.
    pub fn from_path(path: &Path) -> InputFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd" | "mdx") => InputFormat::Markdown,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }

    pub fn parse(s: &str) -> Option<InputFormat> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(InputFormat::Text),
            "markdown" | "md" => Some(InputFormat::Markdown),
            "html" | "htm" => Some(InputFormat::Html),
            _ => None,
        }
    }
}

/// A run of prose bytes and where it came from in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start in the paragraph's prose text.
    pub prose: usize,
    /// Start in the source file.
    pub source: usize,
    /// Length in prose bytes.
    pub len: usize,
    /// Length in source bytes: equal to `len` for verbatim text; different for a decoded
    /// entity or escape ("&amp;" -> "&"), which maps as a whole.
    pub source_len: usize,
}

/// One paragraph of prose with its offset map.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    pub text: String,
    pub segments: Vec<Segment>,
}

impl Paragraph {
    /// A paragraph copied verbatim from `source[start..start + text.len()]`.
    pub fn verbatim(text: &str, start: usize) -> Paragraph {
        Paragraph {
            text: text.to_string(),
            segments: vec![Segment {
                prose: 0,
                source: start,
                len: text.len(),
                source_len: text.len(),
            }],
        }
    }

    /// Appends prose that appears verbatim at `source` in the file.
    pub fn push_verbatim(&mut self, s: &str, source: usize) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.len == last.source_len
            && last.prose + last.len == self.text.len()
            && last.source + last.source_len == source
        {
            last.len += s.len();
            last.source_len += s.len();
            self.text.push_str(s);
            return;
        }
        self.segments.push(Segment {
            prose: self.text.len(),
            source,
            len: s.len(),
            source_len: s.len(),
        });
        self.text.push_str(s);
    }

    /// Appends prose decoded from `source_len` bytes at `source` ("&nbsp;" -> " ").
    pub fn push_decoded(&mut self, s: &str, source: usize, source_len: usize) {
        if s.is_empty() {
            return;
        }
        self.segments.push(Segment {
            prose: self.text.len(),
            source,
            len: s.len(),
            source_len,
        });
        self.text.push_str(s);
    }

    /// Appends a separator that stands for markup (a line break, a removed tag) at `source`.
    pub fn push_gap(&mut self, s: &str, source: usize) {
        self.push_decoded(s, source, 0);
    }

    /// Maps a prose byte offset to a source byte offset. `end` picks the end of a decoded
    /// segment for span ends.
    pub fn to_source(&self, pos: usize, end: bool) -> usize {
        if self.segments.is_empty() {
            return pos;
        }
        let idx = self
            .segments
            .partition_point(|s| {
                s.prose + s.len < pos || (s.prose + s.len == pos && !end && s.len > 0)
            })
            .min(self.segments.len() - 1);
        let s = &self.segments[idx];
        let off = pos.saturating_sub(s.prose).min(s.len);
        if s.len == s.source_len {
            s.source + off
        } else if (end && off > 0) || off >= s.len {
            s.source + s.source_len
        } else {
            s.source
        }
    }

    /// Maps a prose span to a source span.
    pub fn span_to_source(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.to_source(start, false);
        let b = self.to_source(end, true).max(a);
        (a, b)
    }
}

/// Metadata a source can carry (front matter, `<time>`, `<meta>`).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// The document's date as written in front matter or HTML metadata (YYYY-MM-DD...).
    pub date: Option<String>,
}

/// A file read into prose paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub paragraphs: Vec<Paragraph>,
    pub metadata: Metadata,
    /// Suppression comments found in the source.
    pub suppressions: Vec<suppress::Suppression>,
}

impl Document {
    /// Moves every offset `by` bytes on: a document parsed from a piece of a file that starts
    /// at byte `by`.
    pub fn shift(&mut self, by: usize) {
        for p in &mut self.paragraphs {
            for s in &mut p.segments {
                s.source += by;
            }
        }
        for s in &mut self.suppressions {
            s.start += by;
            s.end += by;
        }
    }
}

/// Reads `source` as `format`.
pub fn parse(source: &str, format: InputFormat) -> Document {
    match format {
        InputFormat::Text => text::parse(source),
        InputFormat::Markdown => markdown::parse(source),
        InputFormat::Html => html::parse(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_segments_map_as_a_whole() {
        let mut p = Paragraph::default();
        p.push_verbatim("A ", 0);
        p.push_decoded("&", 2, 5); // "&amp;"
        p.push_verbatim(" B", 7);
        assert_eq!(p.text, "A & B");
        assert_eq!(p.to_source(0, false), 0);
        assert_eq!(p.to_source(2, false), 2);
        assert_eq!(p.to_source(3, true), 7);
        assert_eq!(p.to_source(4, false), 8);
        assert_eq!(p.span_to_source(2, 3), (2, 7));
    }

    #[test]
    fn adjacent_verbatim_pieces_merge() {
        let mut p = Paragraph::default();
        p.push_verbatim("ab", 10);
        p.push_verbatim("cd", 12);
        assert_eq!(p.segments.len(), 1);
        assert_eq!(p.to_source(3, false), 13);
    }
}
