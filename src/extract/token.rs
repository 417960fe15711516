//! Splits a paragraph into digit runs, words and single punctuation marks, keeping byte offsets.
//!
//! Numbers are assembled from tokens later ("1,000.5" is Digits Punct Digits Punct Digits), so
//! the tokenizer stays a single cheap pass with no look-ahead.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// ASCII digits only.
    Digits,
    /// Letters, with apostrophes inside ("O'Gara", "don't").
    Word,
    /// One character that is neither space, letter nor digit.
    Punct,
}

/// A token: its kind and byte range in the paragraph text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub start: u32,
    pub end: u32,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Token {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.range()]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_digits(&self) -> bool {
        self.kind == TokKind::Digits
    }

    pub fn is_punct(&self) -> bool {
        self.kind == TokKind::Punct
    }
}

/// Whitespace for numlint: Unicode white space, including no-break and thin spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenizes `text`, appending to `out` (cleared first) so the buffer can be reused.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut space_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                out.push(tok(TokKind::Digits, start, i, space_before));
                space_before = false;
                continue;
            }
            if b.is_ascii_alphabetic() {
                let start = i;
                i = scan_word(text, i);
                out.push(tok(TokKind::Word, start, i, space_before));
                space_before = false;
                continue;
            }
            if b.is_ascii_whitespace() {
                i += 1;
                space_before = true;
                continue;
            }
            out.push(tok(TokKind::Punct, i, i + 1, space_before));
            space_before = false;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("in bounds");
        let len = c.len_utf8();
        if is_space(c) {
            space_before = true;
            i += len;
        } else if c.is_alphabetic() {
            let start = i;
            i = scan_word(text, i);
            out.push(tok(TokKind::Word, start, i, space_before));
            space_before = false;
        } else {
            out.push(tok(TokKind::Punct, i, i + len, space_before));
            space_before = false;
            i += len;
        }
    }
}

fn tok(kind: TokKind, start: usize, end: usize, space_before: bool) -> Token {
    Token {
        kind,
        start: start as u32,
        end: end as u32,
        space_before,
    }
}

/// Scans letters (and apostrophes between letters) from `i`; returns the end.
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        if i >= bytes.len() {
            return i;
        }
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            if b == b'\'' && next_is_letter(text, i + 1) {
                i += 1;
                continue;
            }
            return i;
        }
        let c = text[i..].chars().next().expect("in bounds");
        if c.is_alphabetic() || (is_apostrophe(c) && next_is_letter(text, i + c.len_utf8())) {
            i += c.len_utf8();
        } else {
            return i;
        }
    }
}

fn next_is_letter(text: &str, i: usize) -> bool {
    text[i.min(text.len())..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokKind, String, bool)> {
        let mut v = Vec::new();
        tokenize_into(s, &mut v);
        v.iter()
            .map(|t| (t.kind, t.text(s).to_string(), t.space_before))
            .collect()
    }

    #[test]
    fn splits_numbers_words_and_punctuation() {
        let t = kinds("about 1,000.5 km/h");
        let texts: Vec<_> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["about", "1", ",", "000", ".", "5", "km", "/", "h"]);
        assert!(t[1].2 && !t[2].2 && t[6].2 && !t[7].2);
    }

    #[test]
    fn keeps_apostrophes_inside_words() {
        let t = kinds("O'Gara’s 1989's");
        let texts: Vec<_> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["O'Gara’s", "1989", "'", "s"]);
    }

    #[test]
    fn no_break_space_is_space_and_offsets_are_bytes() {
        let s = "1\u{a0}000 °C";
        let mut v = Vec::new();
        tokenize_into(s, &mut v);
        assert_eq!(v[1].text(s), "000");
        assert!(v[1].space_before);
        assert_eq!(v[2].text(s), "°");
        assert_eq!(v[3].text(s), "C");
    }
}
