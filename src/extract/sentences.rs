//! Sentence boundaries that survive "Mr.", "U.S.", "No. 10", "3.5", "p.m.", quotes and brackets.

use super::para::Para;

/// Common words that start a sentence: after an abbreviation that can also end one ("the U.S.")
/// a boundary is made only before these.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "For",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Officials",
    "Police",
];

/// Byte ranges of the sentences of a paragraph, in order, covering every token.
pub fn split(p: &Para) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = p.len();
    if n == 0 {
        return out;
    }
    let mut start = p.start(0);
    let mut depth: i32 = 0;
    let mut i = 0;
    while i < n {
        let t = p.t(i);
        match t {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            _ => {}
        }
        if p.is_punct_any(i, &[".", "!", "?", "…"]) && depth == 0 {
            // Closing quotes and brackets belong to the sentence they end.
            let mut end = i;
            while p.is_punct_any(end + 1, &["\"", "”", "’", "'", ")", "]"]) && p.attached(end + 1)
            {
                end += 1;
            }
            if is_boundary(p, i, end) {
                out.push((start, p.end(end)));
                if end + 1 < n {
                    start = p.start(end + 1);
                }
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    let last_end = p.end(n - 1);
    if out.last().is_none_or(|l| l.1 < last_end) {
        out.push((start, last_end));
    }
    out
}

fn is_boundary(p: &Para, stop: usize, end: usize) -> bool {
    let next = end + 1;
    if next >= p.len() {
        return false; // the paragraph's end closes the last sentence anyway
    }
    if !p.toks[next].space_before {
        return false; // "3.5", "U.S.", "e.g.x"
    }
    let nt = p.t(next);
    let first = nt.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '—' | '–');
    if !opens {
        return false;
    }
    if p.t(stop) != "." {
        return true;
    }
    if stop == 0 || !p.is_word(stop - 1) || !p.attached(stop) {
        return true;
    }
    // The word before the stop, with dotted abbreviations put back together: "U.S", "p.m".
    let mut a = stop - 1;
    while a >= 2
        && p.is_punct(a - 1, ".")
        && p.attached(a)
        && p.attached(a - 1)
        && p.is_word(a - 2)
        && p.t(a - 2).chars().count() <= 2
    {
        a -= 2;
    }
    let word = p.slice_lower(a, stop - 1);
    let single_letter =
        p.t(stop - 1).chars().count() == 1 && p.is_capitalized(stop - 1) && a == stop - 1;
    let abbrevs = &p.vocab.sentences;
    if abbrevs.sentence_final_ok.contains(word) {
        return STARTERS.contains(&nt);
    }
    if abbrevs.abbreviations.contains(word) {
        // "No. 10", "Mr. Smith": never a boundary.
        return false;
    }
    if single_letter {
        return false; // an initial: "J. Smith"
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocabulary;

    fn sentences(s: &str) -> Vec<String> {
        let p = Para::new(s, Vocabulary::builtin());
        split(&p)
            .iter()
            .map(|(a, b)| s[*a..*b].to_string())
            .collect()
    }

    #[test]
    fn not_fooled_by_abbreviations_and_decimals() {
        let s = "Mr. Smith met U.S. officials at No. 10 at 3 p.m. on Friday. The talks lasted 3.5 hours.";
        assert_eq!(
            sentences(s),
            [
                "Mr. Smith met U.S. officials at No. 10 at 3 p.m. on Friday.",
                "The talks lasted 3.5 hours."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets_stay_with_their_sentence() {
        let s = "He said: \"It rose 5%.\" Prices (in euros. Really.) fell. Then what?";
        assert_eq!(
            sentences(s),
            [
                "He said: \"It rose 5%.\"",
                "Prices (in euros. Really.) fell.",
                "Then what?"
            ]
        );
    }

    #[test]
    fn us_can_end_a_sentence_before_a_common_starter() {
        let s = "The firm moved to the U.S. The move cost $5m.";
        assert_eq!(sentences(s).len(), 2);
        let s = "The firm moved to the U.S. Army base.";
        assert_eq!(sentences(s).len(), 1);
    }
}
