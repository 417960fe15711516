//! Conversion claims: a figure given in one unit and its equivalent in another, linked by a
//! bracket ("900 km (559 miles)"), a phrase ("that's about", "or", "equivalent to"), a dash or a
//! slash ("40km/25 miles").

use super::{Claim, ConversionClaim};
use crate::extract::{Facts, Para, Quantity, Span};
use crate::units::Dimension;

/// Words that may join a compound adjective to its conversion: "a 30-foot-tall (9-metre) statue".
const ADJECTIVE_TAILS: &[&str] = &[
    "tall", "high", "long", "wide", "deep", "thick", "high", "wide", "across", "square", "round",
    "plus", "odd", "strong", "away", "range", "radius", "diameter",
];

/// How two figures are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// "900 km (559 miles)"
    Bracket,
    /// "900 km (a distance of 559 miles)": words before the bracketed figure.
    LooseBracket,
    /// "that's about", "or", "equivalent to", a dash, a slash.
    Phrase,
}

fn is_physical_pairable(q: &Quantity) -> bool {
    q.dimension.is_physical() && q.unit.is_some() && !q.vague
}

/// The text between two quantities, lower case: whole, and with `b`'s hedge removed ("or
/// about" links as a whole; "( about" is a bracket once the hedge is set aside).
fn between<'a>(p: &'a Para, a: &Quantity, b: &Quantity) -> (&'a str, &'a str) {
    if b.span.start < a.span.end {
        return ("", "");
    }
    let whole = p.lower[a.span.end..b.span.start].trim();
    let end = b
        .hedge_span
        .filter(|h| h.start >= a.span.end && h.end <= b.span.start)
        .map_or(b.span.start, |h| h.start);
    (whole, p.lower[a.span.end..end].trim())
}

/// Is `text` (between two figures) a conversion link? Returns how.
pub fn link_kind(p: &Para, text: &str, b: &Quantity) -> Option<Link> {
    let mut t = text.trim();
    // "30-foot-tall (9-metre)": drop an adjective tail.
    if let Some(rest) = t.strip_prefix('-') {
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if ADJECTIVE_TAILS.contains(&&rest[..word_end]) {
            t = rest[word_end..].trim();
        }
    }
    if t == "("
        || t == "["
        || t == "( or"
        || t == "(or"
        || t == "(i.e."
        || t == "(ie"
        || t == "(that is"
        || t == "(or some"
    {
        return Some(Link::Bracket);
    }
    if matches!(
        t,
        "–" | "—" | "/" | "-" | "," | ", or" | ",or" | "– or" | "— or" | ":" | "="
    ) {
        // A lone comma links only when the figure after it is bracketed by commas too:
        // "-6 degrees Fahrenheit, or -21.1 degrees Celsius" has "or"; "5 km, 3 miles" is a list.
        if t == "," || t == ":" {
            return None;
        }
        return Some(Link::Phrase);
    }
    let t = t
        .trim_start_matches(',')
        .trim_start_matches(['–', '—'])
        .trim();
    let t = t.trim_end_matches(',').trim();
    if p.vocab.comparisons.conversion_links.iter().any(|l| l == t) {
        return Some(Link::Phrase);
    }
    // An apposition before an explicit link: "40 degrees Celsius – a benchmark temperature
    // equivalent to 104 degrees Fahrenheit".
    if text.trim_start().starts_with([',', '–', '—']) && !t.chars().any(|c| c.is_ascii_digit())
    {
        for l in &p.vocab.comparisons.conversion_links {
            let strong =
                l.split_whitespace().count() >= 2 && !matches!(l.as_str(), "or about" | "or some");
            if strong
                && t.ends_with(l.as_str())
                && t[..t.len() - l.len()].split_whitespace().count() <= 5
            {
                return Some(Link::Phrase);
            }
        }
    }
    // "a 900km range (559 miles)": up to three words, then the bracket holding only the figure.
    if let Some(before) = t.strip_suffix('(') {
        let words = before.split_whitespace().count();
        let only_b = {
            let after = &p.text[b.span.end.min(p.text.len())..];
            after.trim_start().starts_with(')')
        };
        if words <= 3
            && only_b
            && before
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        {
            return Some(Link::LooseBracket);
        }
    }
    None
}

/// Does a comparison of two or more words ("short of", "more than", "taller than") follow
/// the figure? (Not "above" or "below": "8,849m, or 29,032ft, above sea level".)
fn compared_after(p: &Para, b: &Quantity) -> bool {
    let words = &p.vocab.comparisons;
    let next = b.noun.as_ref().map_or(b.last_tok, |n| n.tok) + 1;
    words
        .more
        .iter()
        .chain(&words.less)
        .filter(|w| w.contains(' '))
        .any(|w| p.match_phrase(next, w).is_some())
}

/// Finds conversion claims between quantities of the same sentence.
pub fn find(p: &Para, facts: &Facts, out: &mut Vec<Claim>) {
    let qs = &facts.quantities;
    for (ai, a) in qs.iter().enumerate() {
        if !is_physical_pairable(a) {
            continue;
        }
        // Only the very next figure can be its conversion; a chain ("95.2 m/s (342.7 km/h or
        // 212.9 mph)") links each figure to the next in turn.
        let bi = ai + 1;
        let Some(b) = qs.get(bi) else { continue };
        if b.sentence != a.sentence || !b.dimension.is_physical() || b.unit.is_none() || b.vague {
            continue;
        }
        let (whole, bare) = between(p, a, b);
        let (text, link) = match link_kind(p, whole, b) {
            Some(l) if !whole.is_empty() => (whole, Some(l)),
            _ => (bare, link_kind(p, bare, b)),
        };
        let Some(link) = link else { continue };
        // "The 1,500m is about 120 yards short of a mile": a figure a comparison follows is a
        // difference, not the first figure's conversion.
        if link != Link::Bracket && compared_after(p, b) {
            continue;
        }
        // "5 mg/kg (2.3 mg/lb)": rates convert only over the same denominator. One written
        // once ("2 million barrels per day (318,000 cubic metres)") is shared.
        if a.per.is_some() && b.per.is_some() && a.per != b.per {
            continue;
        }
        let same_unit = a.unit == b.unit && a.alternatives.is_empty() && b.alternatives.is_empty();
        if same_unit {
            continue;
        }
        if a.dimension.family() != b.dimension.family() {
            // "10 km (6 kg)": a different dimension in a bracket of its own is a mistake;
            // anything else ("13 inch (256 GB SSD)", "2 km (20 minutes)") is not a claim.
            let bracket_only = link == Link::Bracket
                && p.text[b.span.end..].trim_start().starts_with(')')
                && !matches!(a.dimension, Dimension::Time)
                && !matches!(b.dimension, Dimension::Time);
            if !bracket_only {
                continue;
            }
        }
        out.push(Claim::Conversion(ConversionClaim {
            a: ai,
            b: bi,
            link,
            span: Span::new(a.span.start, b.span.end),
            link_text: text.to_string(),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, extract_facts};
    use crate::vocab::Vocabulary;

    fn pairs(s: &str) -> Vec<(String, String)> {
        let p = Para::new(s, Vocabulary::builtin());
        let facts = extract_facts(&p, &ExtractOptions::default());
        let mut out = Vec::new();
        find(&p, &facts, &mut out);
        out.iter()
            .map(|c| match c {
                Claim::Conversion(c) => (
                    s[facts.quantities[c.a].span.start..facts.quantities[c.a].span.end].to_string(),
                    s[facts.quantities[c.b].span.start..facts.quantities[c.b].span.end].to_string(),
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn brackets_phrases_dashes_and_slashes_link() {
        assert_eq!(
            pairs("It flew 900 km (559 miles) north."),
            [("900 km".into(), "559 miles".into())]
        );
        assert_eq!(
            pairs("A range of approximately 900 kilometres that's about 550 miles."),
            [("900 kilometres".into(), "550 miles".into())]
        );
        assert_eq!(
            pairs("The lake is 40km/25 miles wide."),
            [("40km".into(), "25 miles".into())]
        );
        assert_eq!(
            pairs("It was -6 degrees Fahrenheit, or -21.1 degrees Celsius."),
            [(
                "-6 degrees Fahrenheit".into(),
                "-21.1 degrees Celsius".into()
            )]
        );
        assert_eq!(
            pairs("A 30-foot-tall (9-metre) statue."),
            [("30-foot".into(), "9-metre".into())]
        );
    }

    #[test]
    fn chained_alternatives_pair_in_turn() {
        let v = pairs("Gusts of 95.2 metres per second (342.7 km/h or 212.9 mph) were measured.");
        assert_eq!(v.len(), 2);
        assert_eq!(v[1], ("342.7 km/h".into(), "212.9 mph".into()));
    }

    #[test]
    fn not_conversions() {
        assert!(pairs("The tile is 2.3 cm x 2.3 cm.").is_empty());
        assert!(pairs("The 13 inch (256 GB SSD) model.").is_empty());
        assert!(pairs("He ran 5 km and then 3 miles.").is_empty());
        assert!(pairs("A 2 km (20 minute) walk.").is_empty());
        assert!(pairs("It rose from 10 km to 12 km.").is_empty());
        // A comparison after the second figure makes it a difference.
        assert!(pairs("The 800m is about 75 yards short of half a mile.").is_empty());
        assert!(pairs("The 10 km loop is 2 miles longer than the old one.").is_empty());
        assert_eq!(pairs("The loop is 10 km, or about 6 miles, long.").len(), 1);
    }

    #[test]
    fn different_dimensions_in_a_bare_bracket_are_a_claim() {
        assert_eq!(pairs("It is 10 km (6 kg) long.").len(), 1);
    }
}
