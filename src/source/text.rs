//! Plain text: paragraphs are separated by blank lines; every byte maps to itself.

use super::{Document, Paragraph, suppress};

pub fn parse(source: &str) -> Document {
    let mut doc = Document {
        suppressions: suppress::scan_text(source),
        ..Document::default()
    };
    for (start, end) in paragraph_ranges(source) {
        doc.paragraphs
            .push(Paragraph::verbatim(&source[start..end], start));
    }
    doc
}

/// Byte ranges of the blank-line-separated paragraphs of `source`, trimmed of line breaks.
pub fn paragraph_ranges(source: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in source.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        } else {
            if start.is_none() {
                start = Some(pos + (line.len() - line.trim_start().len()));
            }
            end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_blank_lines_and_keeps_offsets() {
        let src = "First line\ncontinues.\n\n  Second para.\n";
        let d = parse(src);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[0].text, "First line\ncontinues.");
        assert_eq!(d.paragraphs[1].text, "Second para.");
        assert_eq!(
            d.paragraphs[1].to_source(0, false),
            src.find("Second").unwrap()
        );
    }

    #[test]
    fn empty_input_has_no_paragraphs() {
        assert!(parse("").paragraphs.is_empty());
        assert!(parse("\n\n  \n").paragraphs.is_empty());
    }
}
