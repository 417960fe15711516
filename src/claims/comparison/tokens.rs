//! What the tokens around a figure say: the word before it, change words and their trend,
//! years, and "only words, then a comma" between two tokens.
//!
//! In "sales were up 17.5 pct to an average of 94.0 mln from about 80.0 mln", the link word
//! before 94.0 is "to" (past "an average of"), the one before 80.0 is "from" (past its hedge),
//! and "up" is a change word of trend up.

use super::Trend;
use crate::extract::{Para, Quantity};

/// The trend of token `i`, by its class bits (no lookup).
pub(super) fn trend_at(p: &Para, i: usize) -> Option<Trend> {
    use crate::vocab::classes::{CHANGE_DOWN, CHANGE_UP};
    if p.has(i, CHANGE_UP) {
        Some(Trend::Up)
    } else if p.has(i, CHANGE_DOWN) {
        Some(Trend::Down)
    } else {
        None
    }
}

pub(super) fn trend_of(p: &Para, w: &str) -> Option<Trend> {
    p.vocab
        .comparisons
        .trend
        .get(w)
        .map(|up| if *up { Trend::Up } else { Trend::Down })
}

/// Change words that start a claim. "up"/"down" only before a figure or "by"/"from"; the
/// comparative words ("more", "higher") are not anchors.
pub(super) fn strong_change(p: &Para, i: usize) -> Option<Trend> {
    if !p.is_word(i) {
        return None;
    }
    let t = trend_at(p, i)?;
    let w = p.tl(i);
    if matches!(
        w,
        "more"
            | "less"
            | "fewer"
            | "higher"
            | "lower"
            | "off"
            | "cut"
            | "added"
            | "shed"
            | "lost"
            | "gain"
            | "gains"
    ) {
        return None;
    }
    if matches!(w, "up" | "down") {
        let next = p.tl(i + 1);
        // "edged down in May, from", "was revised down, from": the particle of a verb of
        // moving is the change word wherever its figures are.
        let verb_before = i >= 1
            && matches!(
                p.tl(i - 1),
                "edged"
                    | "revised"
                    | "marked"
                    | "ticked"
                    | "moved"
                    | "went"
                    | "crept"
                    | "inched"
                    | "nudged"
                    | "drifted"
            );
        let ok = verb_before
            || p.is_digits(i + 1)
            || matches!(
                next,
                "by" | "from" | "to" | "a" | "an" | "some" | "about" | "nearly" | "almost"
            )
            || p.tok(i + 1)
                .is_some_and(|t| t.is_punct() && matches!(p.t(i + 1), "$" | "£" | "€"));
        if !ok
            || (w == "up"
                && next == "to"
                && !p.is_digits(i + 2)
                && p.vocab.numbers.simple(p.tl(i + 2)).is_none())
        {
            return None;
        }
    }
    Some(t)
}

/// The word before a quantity, skipping its hedge: "from about 20" -> "from".
pub(super) fn word_before(p: &Para, q: &Quantity) -> (usize, String) {
    let first = match q.hedge_span {
        Some(h) if h.end <= q.span.start => p.tok_at(h.start),
        _ => q.first_tok,
    };
    if first == 0 {
        return (0, String::new());
    }
    (first - 1, p.tl(first - 1).to_string())
}

/// The word before a quantity, skipping its hedge and a filler that names what the figure is:
/// "to an average of £285,000" -> "to", "from a record 40" -> "from".
pub(super) fn link_word_before(p: &Para, q: &Quantity) -> (usize, String) {
    let (k, w) = word_before(p, q);
    // "from Tuesday's 38,690", "on last season's 32,800": a possessive names whose figure it is.
    let (k, w) = if k >= 1 && is_possessive(p, k) {
        let j = if k >= 2 && opens_possessive(p, k - 1) {
            k - 2
        } else {
            k - 1
        };
        (j, p.tl(j).to_string())
    } else {
        (k, w)
    };
    let filler = |i: usize| {
        matches!(
            p.tl(i),
            "average" | "total" | "record" | "peak" | "high" | "low" | "estimated" | "revised"
        )
    };
    let article = |i: usize| matches!(p.tl(i), "a" | "an" | "the");
    // "an average of", "a total of"
    if w == "of" && k >= 3 && filler(k - 1) && article(k - 2) {
        return (k - 3, p.tl(k - 3).to_string());
    }
    // "a record", "an estimated", "a revised"
    if k >= 2 && filler(k) && article(k - 1) {
        return (k - 2, p.tl(k - 2).to_string());
    }
    (k, w)
}

/// Does figure `q` end just before token `at`: within `near` tokens, or a few words further
/// back when only words and a comma come between ("45 goals this season, 12 more", "71% at
/// the last election, a fall of")?
pub(super) fn just_before(p: &Para, q: &Quantity, at: usize, near: usize) -> bool {
    q.last_tok < at && (at - q.last_tok <= near || words_then_comma(p, q.last_tok, at, 8))
}

/// Between token `end` and token `at` (`end < at`, at most `far` apart) only words, then a
/// comma right before `at`. False when `at` is not after `end`.
pub(super) fn words_then_comma(p: &Para, end: usize, at: usize, far: usize) -> bool {
    end < at
        && at - end <= far
        && p.is_punct(at - 1, ",")
        && (end + 1..at - 1).all(|k| {
            // "at end-March": a hyphen inside a word
            p.is_word(k)
                || year_after_word(p, k)
                || (p.is_punct(k, "-") && p.attached(k) && p.attached(k + 1))
        })
}

/// "a month earlier", "a year ago", "the year before", "last week": a time phrase starting at
/// token `k` that says when a compared figure was. Returns its last token.
pub(super) fn time_phrase_at(p: &Para, k: usize) -> Option<usize> {
    let period = |i: usize| {
        matches!(
            p.tl(i),
            "day" | "week" | "month" | "quarter" | "year" | "decade" | "season"
        )
    };
    match p.tl(k) {
        "a" | "one" | "the" if period(k + 1) => {
            matches!(p.tl(k + 2), "earlier" | "ago" | "before").then_some(k + 2)
        }
        "last" | "this" if period(k + 1) => Some(k + 1),
        "in" if is_year(p, k + 1) => Some(k + 1),
        // "in May", "in May 1987"
        "in" if p.vocab.guards.months.contains_key(p.tl(k + 1)) && p.is_capitalized(k + 1) => {
            Some(if is_year(p, k + 2) { k + 2 } else { k + 1 })
        }
        // "at end-March"
        "at" if p.tl(k + 1) == "end" && p.is_punct(k + 2, "-") && p.is_word(k + 3) => Some(k + 3),
        _ => None,
    }
}

/// Is token `k` a year after a word ("in 1986", "for 2023"), which reads as words do?
fn year_after_word(p: &Para, k: usize) -> bool {
    k > 0
        && p.is_word(k - 1)
        && is_year(p, k)
        && !(p.attached(k + 1) && p.is_punct_any(k + 1, &["-", "/", "–"]))
}

/// Is token `k` four digits of a year ("1986", "2023")?
pub(super) fn is_year(p: &Para, k: usize) -> bool {
    p.is_digits(k)
        && p.t(k).len() == 4
        && p.t(k)
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Token `k`, or the one after it when `k` is a possessive ("Tuesday's 38,690", "last
/// season's 32,800"): where a figure named by whose it is starts.
pub(super) fn past_possessive(p: &Para, k: usize) -> usize {
    if is_possessive(p, k) {
        k + 1
    } else if opens_possessive(p, k) && is_possessive(p, k + 1) {
        k + 2
    } else {
        k
    }
}

/// Is token `k` a possessive ("Tuesday's", "country’s")?
pub(super) fn is_possessive(p: &Para, k: usize) -> bool {
    p.is_word(k) && (p.tl(k).ends_with("'s") || p.tl(k).ends_with("’s"))
}

/// A word that may open a possessive naming whose figure it is: "last" in "last season's".
fn opens_possessive(p: &Para, k: usize) -> bool {
    matches!(p.tl(k), "last" | "this" | "the" | "a" | "previous")
}

/// A past participle right after token `end` that describes a whole ("of the 2,300 people
/// surveyed - 943 -", "of the 48 wells drilled, 34"), followed by punctuation. Returns its token.
pub(super) fn participle_after(p: &Para, end: usize) -> Option<usize> {
    let k = end + 1;
    let w = p.tl(k);
    let participle = p.is_word(k)
        && ((w.len() > 4 && w.ends_with("ed"))
            || p.vocab.comparisons.share_participles.contains(w));
    (participle && p.is_punct_any(k + 1, &[",", "-", "–", "—", "("])).then_some(k)
}
