//! Hedges around a figure: "about 550", "more than 20", "20 railcars at the most".

use super::para::Para;
use crate::vocab::HedgeKind;

/// The hedge written just before token `first`: its kind and first token.
pub fn hedge_before(p: &Para, first: usize) -> Option<(HedgeKind, usize)> {
    if first == 0 {
        return None;
    }
    if !p.has(first - 1, crate::vocab::classes::HEDGE_END) {
        return None;
    }
    let prev = p.tl(first - 1);
    let candidates = p.vocab.hedges.before_by_last_word.get(prev)?;
    for &(ref phrase, kind) in candidates {
        let kind = &kind;
        if let Some(start) = p.match_phrase_before(first, phrase)
            && !is_comparison(p, start, phrase)
        {
            return Some((*kind, start));
        }
    }
    None
}

/// The hedge of a multiple: before it, or before its article ("more than a threefold rise").
/// Returns its kind and first token.
pub fn multiplier_hedge_before(p: &Para, first: usize) -> Option<(HedgeKind, usize)> {
    hedge_before(p, first).or_else(|| {
        (first >= 1 && matches!(p.tl(first - 1), "a" | "an"))
            .then(|| hedge_before(p, first - 1))
            .flatten()
    })
}

/// "53 more than 20", "taken it up to 26 weeks": the words compare two figures or belong to a
/// verb, so they do not hedge the figure after them.
fn is_comparison(p: &Para, start: usize, phrase: &str) -> bool {
    if start == 0 {
        return false;
    }
    let prev = start - 1;
    let comparative = matches!(
        phrase,
        "more than"
            | "less than"
            | "fewer than"
            | "higher than"
            | "lower than"
            | "greater than"
            | "above"
            | "below"
            | "over"
            | "under"
    );
    if comparative
        && (p.is_digits(prev)
            || p.tok(prev)
                .is_some_and(|t| t.is_punct() && matches!(p.t(prev), "%" | ")")))
    {
        return true;
    }
    if phrase == "up to"
        && (matches!(
            p.tl(prev),
            "it" | "them" | "this" | "that" | "prices" | "rates"
        ) || p.vocab.comparisons.is_change_word(p.tl(prev)))
    {
        return true;
    }
    false
}

/// The hedge written just after token `last`: its kind and last token.
pub fn hedge_after(p: &Para, last: usize) -> Option<(HedgeKind, usize)> {
    let next = last + 1;
    p.tok(next)?;
    if !p.has(next, crate::vocab::classes::HEDGE_AFTER_START) {
        return None;
    }
    let w = p.tl(next);
    let candidates = p.vocab.hedges.after_by_first_word.get(w)?;
    for (phrase, kind) in candidates {
        if phrase == "plus" || phrase == "+" {
            // "20-plus", "20+": only straight after the figure.
            if !p.attached(next) {
                continue;
            }
        }
        if let Some(end) = p.match_phrase(next, phrase) {
            // "or more" must not start another figure: "10 or more" yes, "10 or 12" no.
            if p.is_digits(end + 1) {
                continue;
            }
            return Some((*kind, end));
        }
    }
    None
}

/// Combines a hedge before and one after ("about 20 railcars at the most"): the one after sets
/// the direction.
pub fn combine(before: Option<HedgeKind>, after: Option<HedgeKind>) -> Option<HedgeKind> {
    match (before, after) {
        (b, None) => b,
        (_, Some(a)) => Some(a),
    }
}
