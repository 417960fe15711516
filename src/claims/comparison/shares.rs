//! Shares of a whole: "30 of 120 people, or 25%" (part, whole, percentage), "Of the 120 people
//! asked, 30, or 25%" (the whole first), "one in four (25%)" (a fraction and its percentage),
//! "a fifth of the 50 missiles, 10" (a fraction of a whole, then the part), "25% of the 120
//! people (30)" and "cut 450 jobs, or 15% of its 3,000 staff" (a percentage of a whole, with
//! the part after or before it).

use super::sentence::Sentence;
use super::tokens::{is_possessive, participle_after, word_before, words_then_comma};
use super::{comparable, cover, part_of_whole};
use crate::claims::{Claim, ShareClaim, ShareStated};
use crate::extract::{Facts, Para, Quantity, hedge};
use crate::units::Dimension;

/// Shares: "30 of 120 people, or 25%", "one in four (25%)", "a fifth of the 50 missiles, 10".
pub(super) fn shares(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence {
        p, facts, qs, fs, ..
    } = *s;
    let all = &facts.quantities;
    // Where a stated share starts, its hedge included: "624 - about 31% -".
    let share_start = |first: usize, start: usize| {
        hedge::hedge_before(p, first).map_or(start, |(_, h)| p.start(h).min(start))
    };
    let percent_right_after = |end: usize, from_tok: usize| -> Option<usize> {
        // "41 of the 150 seats in the assembly, or 27%": a phrase saying where the whole is
        // may come between.
        let (end, from_tok) = match place_phrase_after(p, from_tok) {
            Some(last) => (p.end(last), last),
            None => (end, from_tok),
        };
        qs.iter().copied().find(|&i| {
            let q = &all[i];
            // "17 of 25 kicks, a success rate of 68%": a rate named before the percentage.
            let rate_named = q.first_tok > from_tok
                && q.first_tok - from_tok <= 7
                && names_a_rate(p, end, share_start(q.first_tok, q.span.start).max(end));
            q.dimension == Dimension::Percent
                && q.first_tok > from_tok
                && (rate_named || q.first_tok - from_tok <= 4)
                && (rate_named || {
                    let start = share_start(q.first_tok, q.span.start).max(end);
                    let mut gap = p.lower[end..start].trim();
                    // "one in three adults (25%)": the thing counted may come first.
                    if q.first_tok - from_tok >= 3 && p.is_word(from_tok + 1) {
                        gap = p.lower[p.end(from_tok + 1).min(start)..start].trim();
                    }
                    // "14.2 million of the airport's 38.5 million passengers, a 45% share"
                    let a_share = matches!(gap, ", a" | "- a" | "– a" | "— a")
                        && matches!(p.tl(q.last_tok + 1), "share" | "stake");
                    share_link(gap) || gap.starts_with("or ") || a_share
                })
        })
    };
    // "1,200, or three-quarters,", "a third of the total": a fraction set off right after a
    // figure, naming its share of a whole given nearby (not "a third of the 50 missiles",
    // which has a whole of its own).
    let fraction_right_after = |end: usize, from_tok: usize| -> Option<usize> {
        fs.iter().copied().find(|&fi| {
            let f = &facts.fractions[fi];
            let next = f.last_tok + 1;
            let own_whole = p.tl(next) == "of"
                && !matches!(
                    (p.tl(next + 1), p.tl(next + 2)),
                    ("the", "total") | ("them", _) | ("all", _) | ("those", _)
                );
            f.first_tok > from_tok
                && f.first_tok - from_tok <= 4
                && !own_whole
                && share_link(p.lower[end..share_start(f.first_tok, f.span.start).max(end)].trim())
        })
    };
    // q1 of [the] q2, or P%
    for &i in qs {
        let part = &all[i];
        if part.dimension == Dimension::Percent {
            continue;
        }
        let j = part.last_tok + 1;
        let k = if p.tl(j) == "of" {
            whole_after_of(p, j)
        } else if p.tl(j) == "out" && p.tl(j + 1) == "of" {
            whole_after_of(p, j + 1)
        } else {
            continue;
        };
        let Some(wi) = s.figure_at(k) else {
            continue;
        };
        let whole = &all[wi];
        if !comparable(p, part, whole) {
            continue;
        }
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        // "9 of the 60 days were dry, or about a quarter": words saying what the part did, then
        // ", or" and the share, which ends the clause.
        let end_tok = predicate_then_or(p, facts, end_tok).unwrap_or(end_tok);
        if let Some(pi) = percent_right_after(p.end(end_tok), end_tok) {
            out.push(Claim::Share(ShareClaim {
                part: Some(i),
                fraction: None,
                whole: Some(wi),
                stated: ShareStated::Percent(pi),
                span: cover(&[part.span, all[pi].span]),
            }));
        } else if let Some(fi) = fraction_right_after(p.end(end_tok), end_tok) {
            out.push(Claim::Share(ShareClaim {
                part: Some(i),
                fraction: Some(fi),
                whole: Some(wi),
                stated: ShareStated::Count(i),
                span: cover(&[part.span, facts.fractions[fi].span]),
            }));
        } else if let Some(pi) = percent_right_before(s, part) {
            // "cut its workforce by 15%, or 450 of the 3,000 jobs"
            out.push(Claim::Share(ShareClaim {
                part: Some(i),
                fraction: None,
                whole: Some(wi),
                stated: ShareStated::Percent(pi),
                span: cover(&[all[pi].span, whole.span]),
            }));
        }
    }
    // "Of the 120 people asked, 30, or 25%, ...", "Of the 1,900 flights, 437 were cancelled,
    // 23% of the total": the whole first, then the part and its share.
    for &wi in qs {
        let whole = &all[wi];
        let (w, _) = word_before(p, whole);
        // "Of the force's 5,600 officers": past the possessive naming whose whole it is.
        let w = if w >= 1 && is_possessive(p, w) && p.tl(w - 1) == "the" {
            w - 1
        } else {
            w
        };
        // "followed 2,340 patients, of whom 287, or 12%, ...": the whole, then "of whom".
        let whole_end = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        let of_whom = p.is_punct(whole_end + 1, ",")
            && p.tl(whole_end + 2) == "of"
            && matches!(p.tl(whole_end + 3), "whom" | "which");
        if whole.dimension == Dimension::Percent
            || whole.range.is_some()
            || !((w >= 1 && p.tl(w) == "the" && p.tl(w - 1) == "of" && !(w >= 2 && p.is_word(w - 2)))
                // "Of 120 patients given the drug, 12, or 10%": "Of" opening the sentence.
                || (p.tl(w) == "of" && (w == 0 || !p.is_word(w - 1)))
                || of_whom)
        {
            continue;
        }
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        let Some(&ci) = qs.iter().find(|&&i| {
            let q = &all[i];
            // "Of the 60,000 casualties on the first day, nearly 20,000": the part's hedge too.
            let first = q.first_tok_hedged(p);
            first > end_tok
                && (first - end_tok <= 4
                    // "Of 120 patients given the drug, 12, ...": words describing the whole.
                    || words_then_comma(p, end_tok, first, 11))
                && q.dimension != Dimension::Percent
                && comparable(p, q, whole)
                && p.lower[p.end(end_tok)..p.start(first)].contains(',')
        }) else {
            continue;
        };
        let part = &all[ci];
        // "208 were cancelled - more than 40 per cent", "34 were completed as producers, or
        // 70.8 pct": up to five words may tell what happened to the part before the share.
        let after_words = (part.last_tok + 2..=part.last_tok + 6)
            .find(|&k| {
                p.is_punct_any(k, &[",", "-", "–", "—"])
                    && (part.last_tok + 1..k).all(|w| p.is_word(w))
            })
            .and_then(|k| percent_right_after(p.start(k), k - 1));
        let stated = percent_right_after(part.span.end, part.last_tok)
            .or(after_words)
            .or_else(|| {
                qs.iter().copied().find(|&i| {
                    let q = &all[i];
                    q.dimension == Dimension::Percent
                        && q.first_tok > part.last_tok
                        && q.first_tok - part.last_tok <= 6
                        && p.tl(q.last_tok + 1) == "of"
                        && matches!(
                            (p.tl(q.last_tok + 2), p.tl(q.last_tok + 3)),
                            ("the", "total") | ("them", _) | ("all", _) | ("those", _)
                        )
                })
            });
        if let Some(pi) = stated {
            out.push(Claim::Share(ShareClaim {
                part: Some(ci),
                fraction: None,
                whole: Some(wi),
                stated: ShareStated::Percent(pi),
                span: cover(&[whole.span, part.span, all[pi].span]),
            }));
        } else if let Some(fi) = fraction_right_after(part.span.end, part.last_tok) {
            out.push(Claim::Share(ShareClaim {
                part: Some(ci),
                fraction: Some(fi),
                whole: Some(wi),
                stated: ShareStated::Count(ci),
                span: cover(&[whole.span, part.span, facts.fractions[fi].span]),
            }));
        }
    }
    for &fi in fs {
        let f = &facts.fractions[fi];
        // "one in four (25%)"
        if let Some(pi) = percent_right_after(f.span.end, f.last_tok) {
            out.push(Claim::Share(ShareClaim {
                part: None,
                fraction: Some(fi),
                whole: None,
                stated: ShareStated::Percent(pi),
                span: f.span.cover(&all[pi].span),
            }));
        }
        // "a fifth of the 50 missiles, 10" / "three-quarters of the 200 seats (150)"
        let mut j = f.last_tok + 1;
        // skip "(75%)"
        if p.is_punct(j, "(") {
            while j < p.len() && !p.is_punct(j, ")") {
                j += 1;
            }
            j += 1;
        }
        if p.tl(j) != "of" {
            continue;
        }
        let k = named_whole_of(s, whole_after_of(p, j));
        let Some(wi) = s.figure_at(k) else {
            continue;
        };
        let whole = &all[wi];
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        // "half of the 620 homes in the village, 310": a place phrase may follow the whole.
        let end_tok = place_phrase_after(p, end_tok)
            .or_else(|| participle_after(p, end_tok))
            .unwrap_or(end_tok);
        let stated = qs.iter().copied().find(|&c| {
            let q = &all[c];
            // "Two-thirds of the 270 homes, some 135,": the part's hedge too.
            let first = q.first_tok_hedged(p);
            first > end_tok
                && first - end_tok <= 3
                && q.dimension != Dimension::Percent
                // "two-thirds of the 1,500 respondents - 1,000 people -"
                && part_of_whole(p, q, whole)
                && {
                    let gap = p.lower[p.end(end_tok)..p.start(first)].trim();
                    matches!(gap, "," | "(" | "-" | "–" | "—" | ":" | ", or" | "or")
                }
        });
        // "£4.2bn, a third of the £12.6bn total": the part before the fraction.
        let first = hedge::hedge_before(p, f.first_tok).map_or(f.first_tok, |h| h.1);
        let stated = stated.or_else(|| part_before(s, first, whole));
        if let Some(c) = stated {
            out.push(Claim::Share(ShareClaim {
                part: Some(c),
                fraction: Some(fi),
                whole: Some(wi),
                stated: ShareStated::Count(c),
                span: f.span.cover(&all[c].span),
            }));
        }
    }
    // "25% of the 120 people (30)"
    for &pi in qs {
        let pq = &all[pi];
        if pq.dimension != Dimension::Percent || pq.unit != p.vocab.units.percent {
            continue;
        }
        let j = pq.last_tok + 1;
        if p.tl(j) != "of" {
            continue;
        }
        let k = named_whole_of(s, whole_after_of(p, j));
        let Some(wi) = s.figure_at(k) else {
            continue;
        };
        let whole = &all[wi];
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        // "41% of the 2,300 people surveyed - 943 -"
        let end_tok = participle_after(p, end_tok).unwrap_or(end_tok);
        let part = qs
            .iter()
            .copied()
            .find(|&c| {
                let q = &all[c];
                let first = q.first_tok_hedged(p);
                let gap = p.lower[p.end(end_tok).min(p.start(first))..p.start(first)].trim();
                // "6% of the 2,900 frogs tested - 290 animals -": set off by a dash or a
                // bracket, the part may name its things differently.
                let set_off = matches!(gap, "(" | "-" | "–" | "—");
                first > end_tok
                    && first - end_tok <= 3
                    && (comparable(p, q, whole) || (set_off && part_of_whole(p, q, whole)))
                    && (set_off || matches!(gap, ", or" | "or" | ","))
            })
            // "cut 450 jobs, or 15% of its 3,000 staff": the part before the percentage.
            .or_else(|| part_before(s, pq.first_tok_hedged(p), whole));
        if let Some(c) = part {
            out.push(Claim::Share(ShareClaim {
                part: Some(c),
                fraction: None,
                whole: Some(wi),
                stated: ShareStated::Percent(pi),
                span: pq.span.cover(&all[c].span),
            }));
        }
    }
}

/// Does the text between a figure and the share stated for it link them? "or", ", or", "(",
/// a comma or a dash, the share's hedge set aside.
/// After token `end`, a few words (no figures) and then ", or" before a share (a percentage
/// or a fraction, maybe hedged) that ends its clause: "9 of the 60 days were dry, or about a
/// quarter."; or a comma alone before a share that ends the sentence ("..., more than
/// two-thirds."). Returns the token before the comma.
fn predicate_then_or(p: &Para, facts: &Facts, end: usize) -> Option<usize> {
    let comma = (end + 1..end + 12).find(|&k| !p.is_word(k) || p.is_digits(k))?;
    if comma == end + 1 || !p.is_punct(comma, ",") {
        return None;
    }
    let or = p.tl(comma + 1) == "or";
    let start = if or { comma + 2 } else { comma + 1 };
    // Right after "or", or after a hedge (which may take in the "or": "or about").
    let at_start = |first: usize| {
        first == start
            || (first > start && hedge::hedge_before(p, first).is_some_and(|(_, h)| h <= start))
    };
    let share_end = facts
        .quantities
        .iter()
        .find(|q| q.dimension == Dimension::Percent && at_start(q.first_tok))
        .map(|q| q.last_tok)
        .or_else(|| {
            facts
                .fractions
                .iter()
                .find(|f| at_start(f.first_tok))
                .map(|f| f.last_tok)
        })?;
    let ends_at = |k: usize| k >= p.len() || p.is_punct_any(k, &[".", ";"]);
    let ends = if or {
        ends_at(share_end + 1) || p.is_punct_any(share_end + 1, &[",", ")", ":", "-", "–", "—"])
    } else {
        // Without "or", the share ends the sentence: ", more than two-thirds.", ", 70% of
        // the group."
        ends_at(share_end + 1)
            || (p.tl(share_end + 1) == "of"
                && p.tl(share_end + 2) == "the"
                && p.is_word(share_end + 3)
                && ends_at(share_end + 4))
    };
    ends.then_some(comma - 1)
}

fn share_link(gap: &str) -> bool {
    matches!(
        gap,
        "or" | ", or" | "(" | "," | "- or" | "-" | "–" | "—" | "– or" | "— or"
    )
}

/// The token where the whole's figure should be after the "of" at `of`: past "the", "its",
/// "their" or "all", and past a possessive ("of the country's 290 TWh").
fn whole_after_of(p: &Para, of: usize) -> usize {
    let mut k = if matches!(
        p.tl(of + 1),
        "the" | "its" | "their" | "all" | "his" | "her" | "our" | "your"
    ) {
        of + 2
    } else {
        of + 1
    };
    if is_possessive(p, k) {
        k += 1;
    }
    k
}

/// "of its workforce of 40,000", "of Britain's population of 27 million": the whole named
/// first, its figure after a second "of". Returns the token of the figure (`k` itself when a
/// figure is there already).
fn named_whole_of(s: &Sentence, k: usize) -> usize {
    let p = s.p;
    (k..k + 5)
        .take_while(|&i| (p.is_word(i) && p.tl(i) != "of") || p.is_punct(i, "-"))
        .last()
        .map(|i| i + 1)
        .filter(|&of| p.tl(of) == "of" && s.figure_at(k).is_none())
        .map_or(k, |of| of + 1)
}

/// "in the assembly", "on the council", "at the plant" right after token `end`: a place phrase
/// of a preposition, an article and one to three words, followed by ", or" or ", 310"; or "of"
/// and one or two words, followed by ", or" ("of electricity, or 41%"). Returns its last token.
fn place_phrase_after(p: &Para, end: usize) -> Option<usize> {
    let k = end + 1;
    // "of the country's 290 TWh of electricity, or 41%": what the whole is made of.
    if p.tl(k) == "of" && p.is_word(k + 1) {
        return (k + 2..=k + 3)
            .take_while(|&j| p.is_word(j - 1))
            .find(|&j| p.is_punct(j, ",") && p.tl(j + 1) == "or")
            .map(|j| j - 1);
    }
    if !matches!(p.tl(k), "in" | "on" | "at" | "across") {
        return None;
    }
    // "in the assembly", or a name: "in England", "across New South Wales".
    let first = if matches!(p.tl(k + 1), "the" | "its") {
        k + 3
    } else if p.is_capitalized(k + 1) {
        k + 2
    } else {
        return None;
    };
    // ", 310" or ", about 4,100": a figure, maybe hedged, right after the comma.
    let figure_after = |c: usize| {
        (c + 1..=c + 3).find(|&d| p.is_digits(d)).is_some_and(|d| {
            d == c + 1 || hedge::hedge_before(p, d).is_some_and(|(_, h)| h == c + 1)
        })
    };
    (first..=first + 2)
        .take_while(|&j| p.is_word(j - 1))
        .find(|&j| p.is_punct(j, ",") && (p.tl(j + 1) == "or" || figure_after(j)))
        .map(|j| j - 1)
}

/// A percentage set off just before a part counted out of a whole: "by 15%, or 450 of the
/// 3,000 jobs", "took 46.8% of the vote, with 1,204,311 of the 2,574,000 ballots".
fn percent_right_before(s: &Sentence, part: &Quantity) -> Option<usize> {
    let (p, all) = (s.p, &s.facts.quantities);
    let at = part.first_tok_hedged(p);
    (at.saturating_sub(14)..at).find_map(|k| {
        let pi = s.figure_at(k)?;
        let q = &all[pi];
        let gap = p.lower[q.span.end..p.start(at)].trim();
        // "of the vote, with": what the percentage is of, in up to three words; or, set off by
        // a comma or a dash, in up to six ("18% of new registrations in March, 41,200 out of
        // 312,000", "38% of the typical tenant's pay - £1,050 out of £2,100").
        let what_then = |rest: &str, link: &str, most: usize| {
            rest.strip_suffix(link).is_some_and(|what| {
                (1..=most).contains(&what.split_whitespace().count())
                    && what
                        .chars()
                        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-'))
            })
        };
        let of_then_with = gap.strip_prefix("of ").is_some_and(|rest| {
            what_then(rest, ", with", 3)
                || [",", " -", " –", " —"]
                    .iter()
                    .any(|l| what_then(rest, l, 6))
        });
        // "Turnout was 58%, with 41,300 of its 92,000 voters taking part": a rate, then the
        // counts it comes from.
        let rate_then_with = gap == ", with" && rate_named_before(p, q.first_tok_hedged(p));
        (q.dimension == Dimension::Percent
            && q.unit == p.vocab.units.percent
            && q.range.is_none()
            && (matches!(gap, ", or" | "or") || of_then_with || rate_then_with))
            .then_some(pi)
    })
}

/// A rate named in the few words before token `at`: "Turnout in the district was", "the
/// pass rate stood at".
fn rate_named_before(p: &Para, at: usize) -> bool {
    (at.saturating_sub(7)..at)
        .rev()
        .take_while(|&k| p.is_word(k))
        .any(|k| {
            matches!(
                p.tl(k),
                "rate" | "share" | "proportion" | "turnout" | "ratio"
            )
        })
}

/// Does the text from byte `end` to byte `start` name a rate a percentage gives: ", a success
/// rate of", ", a turnout of", ", a share of"?
fn names_a_rate(p: &Para, end: usize, start: usize) -> bool {
    let Some(gap) = p.lower.get(end..start).map(str::trim) else {
        return false;
    };
    let Some(rest) = gap
        .strip_prefix(", a ")
        .or_else(|| gap.strip_prefix(", an "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    matches!(
        words[..],
        [
            ..,
            "rate" | "share" | "proportion" | "turnout" | "ratio",
            "of"
        ]
    ) && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The part just before a stated share that starts at token `at`, set off by a comma or "or":
/// "450 jobs, or 15% of ...", "£4.2bn, a third of ...".
fn part_before(s: &Sentence, at: usize, whole: &Quantity) -> Option<usize> {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    qs.iter().copied().rfind(|&c| {
        let q = &all[c];
        let end = q.noun.as_ref().map_or(q.last_tok, |n| n.tok);
        end < at
            && at - end <= 5
            && q.dimension != Dimension::Percent
            && q.range.is_none()
            && part_of_whole(p, q, whole)
            && {
                let gap = p.lower[p.end(end)..p.start(at)].trim();
                matches!(gap, "," | ", or" | "or" | "(" | "–" | "—")
                    // "The turnout of 1,204,300 was 61.2% of the 1,967,800 voters"
                    || (matches!(gap, "was" | "is" | "were" | "are") && q.noun.is_none())
                    // "$18.5bn, accounted for 23% of the $79.2bn total"
                    || {
                        let verb = gap.trim_start_matches(',').trim_start();
                        p.vocab.comparisons.share_verbs.iter().any(|v| v == verb)
                    }
            }
    })
}
