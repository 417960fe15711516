//! A paragraph being read: its text, a lower-case copy with the same byte offsets, its tokens,
//! and small helpers every extraction step shares.

use super::token::{TokKind, Token, tokenize_into};
use crate::vocab::Vocabulary;

/// Storage a [`Para`] can reuse from one paragraph to the next.
#[derive(Debug, Default)]
pub struct Buffers {
    lower: String,
    toks: Vec<Token>,
    classes: Vec<u32>,
}

pub struct Para<'a> {
    pub text: &'a str,
    /// ASCII-lower-cased copy: byte offsets are those of `text`.
    pub lower: String,
    pub toks: Vec<Token>,
    /// The vocabulary classes of each token (see `vocab::classes`), looked up once.
    pub classes: Vec<u32>,
    pub vocab: &'a Vocabulary,
    /// The paragraph writes thousands with dots ("2.000.000"), so "440.000" is 440,000.
    pub dot_thousands: bool,
}

/// Byte equality for the one-character strings punctuation tests compare, without a call to
/// memcmp for each.
#[inline]
fn same_short(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl<'a> Para<'a> {
    pub fn new(text: &'a str, vocab: &'a Vocabulary) -> Para<'a> {
        Para::with_buffers(text, vocab, Buffers::default())
    }

    /// Like [`Para::new`], reusing the buffers of a paragraph read before (see
    /// [`Para::into_buffers`]): reading a long document allocates once, not per paragraph.
    pub fn with_buffers(text: &'a str, vocab: &'a Vocabulary, buffers: Buffers) -> Para<'a> {
        let Buffers {
            mut lower,
            mut toks,
            mut classes,
        } = buffers;
        tokenize_into(text, &mut toks);
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        classes.clear();
        classes.extend(toks.iter().map(|t| {
            let s = &lower[t.range()];
            match t.kind {
                TokKind::Word => vocab.classes.of(s),
                // Common punctuation never starts a unit or a currency: skip the lookup.
                TokKind::Punct
                    if matches!(
                        s.as_bytes()[0],
                        b',' | b'.' | b'(' | b')' | b';' | b':' | b'!' | b'?' | b'"'
                    ) =>
                {
                    0
                }
                TokKind::Punct => vocab.classes.of(s),
                TokKind::Digits => 0,
            }
        }));
        let mut p = Para {
            text,
            lower,
            toks,
            classes,
            vocab,
            dot_thousands: false,
        };
        p.dot_thousands = p.detect_dot_thousands();
        p
    }

    /// Gives the buffers back for the next paragraph.
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            lower: self.lower,
            toks: self.toks,
            classes: self.classes,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Does token `i` belong to the vocabulary class `c` (a `vocab::classes` bit)?
    #[inline]
    pub fn has(&self, i: usize, c: u32) -> bool {
        self.classes.get(i).is_some_and(|x| x & c != 0)
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// Original text of token `i` ("" past the end).
    pub fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.range()])
    }

    /// Lower-case text of token `i`.
    pub fn tl(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.range()])
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Digits)
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Punct => {
                same_short(&self.text.as_bytes()[t.range()], c.as_bytes())
            }
            _ => false,
        }
    }

    pub fn is_punct_any(&self, i: usize, cs: &[&str]) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Punct => {
                let b = &self.text.as_bytes()[t.range()];
                cs.iter().any(|c| same_short(b, c.as_bytes()))
            }
            _ => false,
        }
    }

    /// Token `i` follows token `i - 1` with no space between.
    pub fn attached(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// The text between token `i - 1` and token `i`.
    pub fn gap(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[i - 1].end as usize..self.toks[i].start as usize]
    }

    /// Byte offset where token `i` starts (text length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .map_or(self.text.len(), |t| t.start as usize)
    }

    /// Byte offset where token `i` ends.
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end as usize)
    }

    /// Original text from token `a` to token `b` inclusive.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.start(a)..self.end(b)]
    }

    /// Lower-case text from token `a` to token `b` inclusive.
    pub fn slice_lower(&self, a: usize, b: usize) -> &str {
        &self.lower[self.start(a)..self.end(b)]
    }

    /// Index of the first token at or after byte offset `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < pos)
    }

    /// Does the lower-case text at token `i` start with `phrase` (words separated by single
    /// spaces in `phrase`, any whitespace in the text) ending on a token boundary? Returns the
    /// index of the last token of the match.
    pub fn match_phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        let mut rest = phrase;
        loop {
            let t = self.toks.get(j)?;
            if j > i && t.space_before {
                rest = rest.strip_prefix(' ')?;
            }
            let tl = &self.lower[t.range()];
            rest = rest.strip_prefix(tl)?;
            if rest.is_empty() {
                return Some(j);
            }
            j += 1;
        }
    }

    /// Does the lower-case text ending just before token `i` end with `phrase`, starting on a
    /// token boundary? Returns the index of the first token of the match.
    pub fn match_phrase_before(&self, i: usize, phrase: &str) -> Option<usize> {
        if i == 0 {
            return None;
        }
        let mut j = i - 1;
        let mut rest = phrase;
        loop {
            let t = self.toks.get(j)?;
            let tl = &self.lower[t.range()];
            rest = rest.strip_suffix(tl)?;
            if rest.is_empty() {
                return Some(j);
            }
            if t.space_before {
                rest = rest.strip_suffix(' ')?;
            }
            if j == 0 {
                return None;
            }
            j -= 1;
        }
    }

    fn detect_dot_thousands(&self) -> bool {
        let n = self.toks.len();
        (0..n).any(|i| {
            self.is_digits(i)
                && self.t(i).len() <= 3
                && self.is_punct(i + 1, ".")
                && self.attached(i + 1)
                && self.is_digits(i + 2)
                && self.t(i + 2).len() == 3
                && self.attached(i + 2)
                && self.is_punct(i + 3, ".")
                && self.attached(i + 3)
                && self.is_digits(i + 4)
                && self.t(i + 4).len() == 3
                && self.attached(i + 4)
        })
    }

    /// Is word `i` capitalised ("Boeing", "NASA")?
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.t(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
}
