//! Byte offsets to 1-based lines and columns (columns count Unicode scalar values).

/// Start offsets of every line in a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        LineIndex { starts }
    }

    /// 1-based line and column of byte `pos` in `text`; the column counts characters.
    pub fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let pos = pos.min(text.len());
        let line = self.starts.partition_point(|s| *s <= pos) - 1;
        let start = self.starts[line];
        let mut p = pos;
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        let col = text[start..p].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte range of line `line` (1-based), without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[(line - 1).min(self.starts.len() - 1)];
        let mut end = self
            .starts
            .get(line)
            .map_or(text.len(), |s| s.saturating_sub(1));
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end.max(start))
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let t = "ab\n°C 5 km\n";
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(t, 0), (1, 1));
        assert_eq!(ix.line_col(t, 3), (2, 1));
        // "5" is after "°C " (4 bytes, 3 chars)
        let five = t.find('5').unwrap();
        assert_eq!(ix.line_col(t, five), (2, 4));
        assert_eq!(ix.line_range(t, 2), (3, 11));
    }
}
