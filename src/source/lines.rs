//! Byte offsets to 1-based lines and columns (columns count Unicode scalar values).

/// Start offsets of every line in a text, and character counts every few kilobytes so that
/// any column or character offset is found without rescanning a long line (a 100 MB file on
/// one line must not make every lookup read 100 MB).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset on a character boundary, characters before it), every `MARK` bytes.
    marks: Vec<(usize, usize)>,
}

const MARK: usize = 4096;

/// Characters in `bytes` (valid UTF-8): the bytes that do not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        let bytes = text.as_bytes();
        let mut marks = vec![(0, 0)];
        let mut at = 0;
        let mut chars = 0;
        while at + MARK < bytes.len() {
            let mut next = at + MARK;
            while !text.is_char_boundary(next) {
                next -= 1;
            }
            chars += count_chars(&bytes[at..next]);
            marks.push((next, chars));
            at = next;
        }
        LineIndex { starts, marks }
    }

    /// Characters before byte `pos` of `text` (rounded down to a character boundary).
    pub fn char_offset(&self, text: &str, pos: usize) -> usize {
        let mut p = pos.min(text.len());
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        let m = self.marks.partition_point(|(b, _)| *b <= p) - 1;
        let (b, c) = self.marks[m];
        c + count_chars(&text.as_bytes()[b..p])
    }

    /// 1-based line of byte `pos` (past the end: the last line); no characters counted.
    pub fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|s| *s <= pos)
    }

    /// 1-based line and column of byte `pos` in `text`; the column counts characters.
    pub fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let pos = pos.min(text.len());
        let line = self.starts.partition_point(|s| *s <= pos) - 1;
        let start = self.starts[line];
        let col = if pos - start <= MARK {
            let mut p = pos;
            while !text.is_char_boundary(p) {
                p -= 1;
            }
            count_chars(&text.as_bytes()[start..p]) + 1
        } else {
            self.char_offset(text, pos) - self.char_offset(text, start) + 1
        };
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

    #[test]
    fn long_lines_use_marks_and_agree_with_counting() {
        let t = "é".repeat(10_000) + "x" + &"ü".repeat(5_000);
        let ix = LineIndex::new(&t);
        let x = t.find('x').unwrap();
        assert_eq!(ix.line_col(&t, x), (1, 10_001));
        assert_eq!(ix.char_offset(&t, x), 10_000);
        assert_eq!(ix.char_offset(&t, t.len()), 15_001);
        // A position inside a character rounds down.
        assert_eq!(ix.char_offset(&t, 1), 0);
    }
}
