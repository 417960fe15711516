//! Finds the unit, currency or percent sign written around a number.

use super::para::Para;
use crate::units::UnitId;
use crate::units::vocab::{UnitMatch, normalize_into};

/// A unit written after a number: what it names and which tokens spell it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitHit {
    pub m: UnitMatch,
    pub first: usize,
    pub last: usize,
    /// Joined to the number by a hyphen ("a 30-foot statue").
    pub hyphenated: bool,
}

/// The unit starting at token `j`, right after a number whose last token is `j - 1`.
pub fn unit_after(p: &Para, j: usize) -> Option<UnitHit> {
    let u = &p.vocab.units;
    let mut start = j;
    let mut hyphenated = false;
    // "30-foot", "102-inch", "20-year-old"
    if p.is_punct_any(j, &["-", "‑"]) && p.attached(j) && p.attached(j + 1) && p.is_word(j + 1) {
        start = j + 1;
        hyphenated = true;
    }
    p.tok(start)?;
    if !p.has(start, crate::vocab::classes::UNIT_START) {
        return None;
    }
    let attached = p.attached(start) && !hyphenated;
    let from = p.start(start);
    let mut best: Option<UnitHit> = None;
    let mut sym = String::new();
    let mut name = String::new();
    let mut k = start;
    while k < p.len() {
        let to = p.end(k);
        if to - from > u.max_len {
            break;
        }
        // A unit never spans a sentence-ending stop followed by more text in the same token run.
        let slice = &p.text[from..to];
        // A one-letter symbol in a compound is a name: "F-Series", "L-202", "C-130".
        // But "5km-10km" and "5%-7%" repeat the unit: a range.
        let repeated = p.is_digits(k + 2) && p.attached(k + 3) && p.t(k + 3) == slice;
        let short_compound = to - from <= 2
            && p.is_punct_any(k + 1, &["-", "‑"])
            && p.attached(k + 1)
            && p.attached(k + 2)
            && (p.is_word(k + 2) || p.is_digits(k + 2))
            && !repeated;
        // The spelling must end where a word ends: not "km" in "kmx", not "m" in "m2x".
        let runs_on = p.is_word(k) && p.attached(k + 1) && (p.is_word(k + 1) || p.is_digits(k + 1));
        let boundary_ok = !runs_on && !short_compound;
        let lower = normal(&p.lower[from..to], true, &mut name);
        if !u.unit_prefixes.contains(lower) {
            break;
        }
        if boundary_ok {
            let symbol = normal(slice, false, &mut sym);
            let hit = u
                .symbols
                .get(symbol)
                .copied()
                .filter(|_| guarded_ok(p, symbol, k, attached))
                .or_else(|| {
                    if attached {
                        u.attached.get(symbol).copied()
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    u.names
                        .get(lower)
                        .copied()
                        .filter(|_| guarded_ok(p, lower, k, attached))
                });
            if let Some(m) = hit {
                // Prefer "ft" over "ft." when the stop ends the sentence.
                let trailing_stop = slice.ends_with('.') && best.is_some();
                if !trailing_stop {
                    best = Some(UnitHit {
                        m,
                        first: start,
                        last: k,
                        hyphenated,
                    });
                }
            }
        }
        k += 1;
    }
    best
}

/// `s` in normal form: `s` itself when it already is (ASCII, single spaces, and lower case
/// when asked), otherwise normalised into `buf`. Spares an allocation per candidate.
fn normal<'s>(s: &'s str, lower: bool, buf: &'s mut String) -> &'s str {
    let b = s.as_bytes();
    let plain = b.iter().all(|c| {
        c.is_ascii()
            && (*c == b' ' || !c.is_ascii_whitespace())
            && !(lower && c.is_ascii_uppercase())
    }) && !s.contains("  ");
    if plain {
        s
    } else {
        normalize_into(s, lower, buf);
        buf.as_str()
    }
}

/// Symbols that are also words ("in") count only when written against the number or before
/// a listed word or punctuation.
fn guarded_ok(p: &Para, key: &str, last: usize, attached: bool) -> bool {
    let Some(words) = p.vocab.units.guarded.get(key) else {
        return true;
    };
    if attached {
        return true;
    }
    let next = last + 1;
    if next >= p.len() {
        return true;
    }
    if p.tok(next).is_some_and(|t| t.is_punct()) {
        return !p.is_punct_any(next, &["-", "'", "’"]);
    }
    let w = p.tl(next);
    words
        .iter()
        .any(|x| x == w || p.match_phrase(next, x).is_some())
}

/// A currency written before a number: "$", "US$", "C$ 16.4", "£", "USD 5". Returns the
/// currency and the first token of its symbol.
pub fn currency_before(p: &Para, first: usize) -> Option<(UnitId, usize)> {
    let start = p.start(first);
    let head = &p.text[..start];
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() + 1 < head.len() {
        return None; // more than one space: not a prefix
    }
    let u = &p.vocab.units;
    // Only the symbols ending in the character before the figure can match.
    let last = trimmed.chars().next_back()?;
    let candidates = u
        .prefixes_by_last_char
        .get(&last)
        .map_or(&[][..], |v| v.as_slice());
    for (prefix, id) in candidates {
        let found = if trimmed.ends_with(prefix.as_str()) {
            Some(trimmed.len() - prefix.len())
        } else if prefix.contains('$') && prefix.len() > 1 {
            ends_with_ci_spaced(trimmed, prefix).filter(|at| {
                // Only "c $" and "us $" may have a space: "music's $500" is not S$.
                let m = &trimmed[*at..];
                let letters = m.split([' ', '$']).next().unwrap_or("");
                !m.contains(' ') || letters.len() >= 2 || letters.eq_ignore_ascii_case("c")
            })
        } else {
            None
        };
        let Some(at) = found else { continue };
        // "a $300 million contract": the article, not A$.
        let matched = &trimmed[at..];
        if matched.len() > prefix.len() && matched.starts_with(['a', 'i']) {
            continue;
        }
        // The prefix must start a word: "US$" but not "BUS$".
        let before = trimmed[..at].chars().next_back();
        let prefix_starts_alpha = prefix.chars().next().is_some_and(|c| c.is_alphanumeric());
        if prefix_starts_alpha && before.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let tok = p.tok_at(at);
        return Some((*id, tok));
    }
    // ISO codes before the figure: "USD 5", "EUR 100", "usd 20".
    if first > 0
        && p.is_word(first - 1)
        && let Some(id) = code(p, first - 1)
    {
        return Some((id, first - 1));
    }
    None
}

/// "c $ 16.4" and "us$": a case-insensitive match that tolerates one space before the "$".
fn ends_with_ci_spaced(text: &str, prefix: &str) -> Option<usize> {
    // Walk both strings backwards, ignoring case and at most one space in the text.
    let mut t = text.char_indices().rev().peekable();
    let mut spaces = 0;
    let mut start = text.len();
    for pc in prefix.chars().rev() {
        let (mut at, mut tc) = t.next()?;
        if tc == ' ' && pc != ' ' {
            spaces += 1;
            if spaces > 1 {
                return None;
            }
            (at, tc) = t.next()?;
        }
        if !tc.to_lowercase().eq(pc.to_lowercase()) {
            return None;
        }
        start = at;
    }
    Some(start)
}

/// A currency written after a number: "dollars", "mln dlrs", "Canadian cents", "5p", "20c",
/// "100 EUR". Returns the currency and its last token.
pub fn currency_after(p: &Para, j: usize) -> Option<(UnitId, usize, usize)> {
    let u = &p.vocab.units;
    let tok = p.tok(j)?;
    let hyphen_word = p.is_punct(j, "-") && p.attached(j) && p.attached(j + 1) && p.is_word(j + 1);
    if !p.has(j, crate::vocab::classes::CURRENCY_START)
        && !hyphen_word
        && million_code(p, j).is_none()
    {
        return None;
    }
    // Attached suffixes: "1130p", "20c", "5€".
    if !tok.space_before
        && let Some(id) = u.currency_suffixes.get(p.t(j))
    {
        let next_ok = !(p.is_word(j + 1) && p.attached(j + 1));
        if next_ok {
            return Some((*id, j, j));
        }
    }
    if p.is_word(j)
        && !(p.is_digits(j + 1) && p.attached(j + 1))
        && let Some(id) = code(p, j)
    {
        return Some((id, j, j));
    }
    // Symbols written after the figure: "10 €", "100₾", "100,000 ₭"; not the prefix of the
    // next figure ("1 $10 bill").
    if tok.is_punct() && !p.is_digits(j + 1) {
        let t = p.t(j);
        if let Some((_, id)) = u.currency_prefixes.iter().find(|(s, _)| s == t) {
            return Some((*id, j, j));
        }
    }
    // "a 12-cent dividend", "one-yen bid"
    if p.is_punct(j, "-")
        && p.attached(j)
        && p.attached(j + 1)
        && p.is_word(j + 1)
        && let Some(id) = u.currency_words.get(p.tl(j + 1))
    {
        return Some((*id, j, j + 1));
    }
    // Words, longest first: "canadian dollars" before "dollars".
    let from = p.start(j);
    let mut best = None;
    let mut key = String::new();
    let mut k = j;
    while k < p.len() && k < j + 5 {
        let slice = &p.lower[from..p.end(k)];
        if let Some(id) = u.currency_words.get(normal(slice, true, &mut key)) {
            best = Some((*id, j, k));
        }
        k += 1;
    }
    best
}

/// "MUSD", "MEUR": a code for millions of a currency.
pub fn million_code(p: &Para, i: usize) -> Option<UnitId> {
    let t = p.t(i);
    if t.len() == 4 && p.is_word(i) && t.starts_with(['M', 'm']) {
        let rest = t[1..].to_ascii_uppercase();
        return p.vocab.units.currency_codes.get(&rest).copied();
    }
    None
}

/// An ISO code at token `i`, in any case ("USD", "usd"); three letters only when lower case.
fn code(p: &Para, i: usize) -> Option<UnitId> {
    let u = &p.vocab.units;
    if let Some(id) = u.currency_codes.get(p.t(i)) {
        return Some(*id);
    }
    let t = p.t(i);
    // Lower-case codes that are also English words are not read as currencies.
    const WORDS: &[&str] = &[
        "try", "esp", "cop", "gel", "sar", "eth", "ils", "dem", "rub", "ars", "lak", "php", "fim",
    ];
    if t.len() == 3 && t.bytes().all(|c| c.is_ascii_lowercase()) && !WORDS.contains(&t) {
        let mut upper = [0u8; 3];
        upper.copy_from_slice(t.as_bytes());
        upper.make_ascii_uppercase();
        let upper = std::str::from_utf8(&upper).ok()?;
        return u.currency_codes.get(upper).copied();
    }
    None
}
