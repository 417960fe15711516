//! The sentence a finder reads: the paragraph, its facts, and the figures, multipliers and
//! fractions that fall in one sentence, with lookups among those figures.
//!
//! "Sales rose 17.5 pct to 94.0 mln from 80.0 mln." is read with `qs` holding the three figures
//! in text order, so a finder asks for "the figure at token k" with a binary search.

use crate::extract::{Facts, Para};

/// One sentence of a paragraph, as every claim finder reads it.
#[derive(Clone, Copy)]
pub(super) struct Sentence<'a> {
    pub(super) p: &'a Para<'a>,
    pub(super) facts: &'a Facts,
    /// The sentence's quantities (indices in `facts.quantities`), in text order.
    pub(super) qs: &'a [usize],
    /// Its multipliers (indices in `facts.multipliers`).
    pub(super) ms: &'a [usize],
    /// Its fractions (indices in `facts.fractions`).
    pub(super) fs: &'a [usize],
    /// Its tokens are `t0..t1`.
    pub(super) t0: usize,
    pub(super) t1: usize,
}

impl Sentence<'_> {
    /// The figure of the sentence (`qs`, in text order) that starts at token `k`: a binary
    /// search, not a scan per figure.
    pub(super) fn figure_at(&self, k: usize) -> Option<usize> {
        let (all, qs) = (&self.facts.quantities, self.qs);
        let at = qs.partition_point(|&i| all[i].first_tok < k);
        qs.get(at).copied().filter(|&i| all[i].first_tok == k)
    }

    /// Does a figure of the sentence end at token `k`?
    pub(super) fn figure_at_end(&self, k: usize) -> bool {
        let all = &self.facts.quantities;
        self.qs.iter().any(|&i| all[i].last_tok == k)
    }

    /// The base of a comparison after "than" (token `end`): right after it, after a determiner
    /// ("the 20"), after a possessive ("her rival's 16,314", "last week's 1,300"), or after a
    /// noun naming it ("last season's average of 32,800", "its usual winter level of 4.3 m").
    pub(super) fn base_after(&self, end: usize) -> Option<usize> {
        let (p, all, qs) = (self.p, &self.facts.quantities, self.qs);
        let base_at = |k: usize| {
            if k == end + 1 {
                return true;
            }
            // "the Conservatives' 8.6 million": an apostrophe after a plural is part of its word.
            let plural_mark = |i: usize| {
                p.is_punct_any(i, &["'", "’"]) && p.attached(i) && p.tl(i - 1).ends_with('s')
            };
            if (end + 1..k).any(|i| !p.is_word(i) && !plural_mark(i)) {
                return false;
            }
            let last = if plural_mark(k - 1) {
                "s'"
            } else {
                p.tl(k - 1)
            };
            let named = k >= end + 3
                && last == "of"
                && p.vocab.comparisons.base_nouns.contains(p.tl(k - 2));
            (k <= end + 4
                && ((k == end + 2
                    && matches!(p.tl(end + 1), "the" | "its" | "their" | "a" | "an"))
                    || last.ends_with("'s")
                    || last.ends_with("’s")
                    || last.ends_with("s'")))
                || named
        };
        let at = qs.partition_point(|&i| all[i].first_tok <= end);
        qs[at..]
            .iter()
            .copied()
            .take_while(|&i| all[i].first_tok <= end + 7)
            .find(|&i| base_at(all[i].first_tok))
            .or_else(|| self.base_after_time(end))
    }

    /// "lower than a month earlier at 157.8p", "than a year ago, when it was 42": the base
    /// after a time phrase.
    fn base_after_time(&self, end: usize) -> Option<usize> {
        let p = self.p;
        let last = super::tokens::time_phrase_at(p, end + 1)?;
        let k = if p.is_punct(last + 1, ",") {
            last + 2
        } else {
            last + 1
        };
        if p.tl(k) == "at" {
            return self.figure_at(k + 1);
        }
        // "when it was 42", "when it flew 10.2 million", "when there were 1,100"
        (p.tl(k) == "when"
            && matches!(p.tl(k + 1), "it" | "they" | "there" | "he" | "she")
            && p.is_word(k + 2))
        .then(|| self.figure_at(k + 3))
        .flatten()
    }
}
