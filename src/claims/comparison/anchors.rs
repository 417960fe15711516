//! Changes from one figure to another, read around anchors: a change word ("rose", "fell"), a
//! percentage stated as a change ("up 17.5 pct", "a 4% pay rise"), or a multiplier ("doubled").
//!
//! Each "from" and "to" figure goes to the nearest anchor: "sales were up 17.5 pct to 94.0 mln
//! from 80.0 mln" gives a percent change (and a direction) from 80.0 mln to 94.0 mln. The level
//! may also come first ("£418m, up 18% on £377m"), the base in brackets ("at £86.5m (2023:
//! £73.9m)"), or the percentage after the change ("fell from 7,613 to 6,630, or 12.9%").

use super::sentence::Sentence;
use super::tokens::{
    is_possessive, is_year, link_word_before, strong_change, trend_at, trend_of, word_before,
    words_then_comma,
};
use super::{Trend, comparable, cover, inherited_scale};
use crate::claims::{Claim, DirectionClaim, PercentChangeClaim, RatioClaim};
use crate::extract::{Facts, Para, Quantity, Span, hedge};
use crate::units::Dimension;

/// How far (in tokens) an anchor reaches for its "from" and "to" figures.
pub(super) const REACH: usize = 22;

/// Something figures attach to in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    pub(super) tok: usize,
    pub(super) kind: AnchorKind,
    pub(super) trend: Option<Trend>,
    /// Token of the change word, if any.
    pub(super) word_tok: Option<usize>,
    pub(super) from: Option<usize>,
    pub(super) to: Option<usize>,
}

/// What an anchor is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum AnchorKind {
    /// A percentage stated as a change (quantity index).
    Percent(usize),
    /// A multiplier (index in facts.multipliers).
    Multiple(usize),
    /// A change word with no figure of its own.
    Change,
}

/// The sentence's anchors, in text order: percentages stated as changes (with their change word
/// when there is one), multipliers, and change words with no figure of their own.
pub(super) fn find(s: &Sentence) -> Vec<Anchor> {
    let Sentence {
        p,
        facts,
        qs,
        ms,
        t0,
        t1,
        ..
    } = *s;
    let mut v = Vec::new();
    let mut percent_words = Vec::new();
    for &qi in qs {
        let q = &facts.quantities[qi];
        if q.dimension != Dimension::Percent {
            continue;
        }
        // The change word: just before ("rose 15 pct", "fell by 23%", "a rise of 49.7%", "up
        // nearly 3%") or just after ("a 50% increase").
        let mut word = None;
        let (mut k, _) = word_before(p, q);
        // Words too loose to start a claim alone ("a tax cut", "the gains") are change words
        // right before a percentage: "cut by 15%", "shed 2%", "added 3%".
        let change_at = |k: usize| {
            strong_change(p, k).or_else(|| {
                if matches!(
                    p.tl(k),
                    "up" | "down" | "cut" | "lost" | "shed" | "added" | "gained"
                ) && p.is_word(k)
                {
                    trend_at(p, k).or_else(|| trend_of(p, p.tl(k)))
                } else {
                    None
                }
            })
        };
        for _ in 0..3 {
            if k < t0 {
                break;
            }
            if let Some(t) = change_at(k) {
                word = Some((k, t));
                break;
            }
            // "cut its workforce by 20%", "lifted its dividend 25%", "increased their seat
            // count by 50%": the verb's object between, a determiner and one or two words.
            if let Some(found) = (1..=2).find_map(|n| {
                (k > t0 + n
                    && (k + 1 - n..=k).all(|j| p.is_word(j))
                    && matches!(p.tl(k - n), "its" | "their" | "his" | "her" | "our"))
                .then(|| change_at(k - n - 1).map(|t| (k - n - 1, t)))
                .flatten()
            }) {
                word = Some(found);
                break;
            }
            if !matches!(
                p.tl(k),
                "by" | "of"
                    | "a"
                    | "an"
                    | "some"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "around"
                    | "roughly"
                    | "just"
                    | "over"
                    | "than"
            ) {
                break;
            }
            if k == 0 {
                break;
            }
            k -= 1;
        }
        if word.is_none() {
            let j = q.last_tok + 1;
            if let Some(t) = trend_of(p, p.tl(j))
                && p.is_word(j)
                && !matches!(
                    p.tl(j),
                    "more" | "less" | "higher" | "lower" | "up" | "down"
                )
            {
                word = Some((j, t));
            } else if let Some(t) = trend_of(p, p.tl(j))
                && matches!(p.tl(j), "higher" | "lower" | "up" | "down")
                && (j + 1..=j + 6)
                    .take_while(|&k| p.is_word(k))
                    .any(|k| p.tl(k) == "at" && (k == j + 1 || p.tl(j + 1) == "than"))
            {
                // "ended 1.6% lower at 7,402.3", "were 5.2% higher at 162,400", "12 pct
                // higher than a year earlier at 3.3 billion".
                word = Some((j, t));
            } else if p.is_word(j)
                && !matches!(
                    p.tl(j),
                    "of" | "in" | "on" | "to" | "at" | "for" | "and" | "or" | "the" | "a" | "an"
                )
                && trend_of(p, p.tl(j)).is_none()
                && matches!(
                    p.tl(j + 1),
                    "rise"
                        | "increase"
                        | "growth"
                        | "fall"
                        | "drop"
                        | "cut"
                        | "decline"
                        | "jump"
                        | "gain"
                        | "hike"
                        | "reduction"
                        | "decrease"
                        | "boost"
                        | "slump"
                )
                && let Some(t) = trend_of(p, p.tl(j + 1))
            {
                // "a 4% pay rise", "a 12% price increase": one word naming what changed.
                word = Some((j + 1, t));
            }
        }
        // "(+12%)", "or 12.9%" after a from/to: a change with its sign or its trend elsewhere.
        let explicit =
            q.value.is_some_and(|v| v < 0.0) || p.is_punct(q.first_tok.saturating_sub(1), "+");
        let or_after = q.first_tok > 0 && matches!(p.tl(q.first_tok.saturating_sub(1)), "or" | "(")
            || matches!(word_before(p, q).1.as_str(), "or" | "(" | ",");
        if word.is_some() || explicit || or_after {
            if let Some((k, _)) = word {
                percent_words.push(k);
            }
            let trend = word.map(|w| w.1).or(if explicit {
                Some(if q.value.unwrap_or(0.0) < 0.0 {
                    Trend::Down
                } else {
                    Trend::Up
                })
            } else {
                None
            });
            v.push(Anchor {
                tok: q.first_tok,
                kind: AnchorKind::Percent(qi),
                trend,
                word_tok: word.map(|w| w.0),
                from: None,
                to: None,
            });
        }
    }
    for &mi in ms {
        let m = &facts.multipliers[mi];
        let w = p.tl(m.first_tok);
        let trend =
            if m.factor > 1.0 && !matches!(w, "twice" | "once" | "thrice" | "double" | "triple") {
                Some(Trend::Up)
            } else if m.factor < 1.0 {
                Some(Trend::Down)
            } else {
                None
            };
        v.push(Anchor {
            tok: m.first_tok,
            kind: AnchorKind::Multiple(mi),
            trend,
            word_tok: Some(m.first_tok),
            from: None,
            to: None,
        });
    }
    // The sentence's tokens already taken by a percentage's change word or by a multiplier,
    // marked once: testing every token against every multiplier costs their product.
    let mut taken = vec![false; t1.saturating_sub(t0)];
    let ends = ms.iter().map(|&mi| {
        (
            facts.multipliers[mi].first_tok,
            facts.multipliers[mi].last_tok,
        )
    });
    for (a, b) in percent_words.iter().map(|&k| (k, k)).chain(ends) {
        for k in a.max(t0)..(b + 1).min(t1) {
            taken[k - t0] = true;
        }
    }
    for k in t0..t1 {
        if taken[k - t0] {
            continue;
        }
        if let Some(t) = strong_change(p, k) {
            v.push(Anchor {
                tok: k,
                kind: AnchorKind::Change,
                trend: Some(t),
                word_tok: Some(k),
                from: None,
                to: None,
            });
        }
    }
    // "The yen rose 0.8 pct against the dollar to 143.20 from 144.35": a currency quoted per
    // dollar falls as it rises; which way its figures go says nothing of the change's sign.
    for a in &mut v {
        if a.word_tok.is_some_and(|w| against_a_currency(p, w)) {
            a.trend = None;
        }
    }
    v.sort_by_key(|a| a.tok);
    v
}

/// A semicolon between tokens `lo` and `hi`, outside brackets ("$200m (£104m; 151m euros)"
/// lists one figure's equivalents).
fn semicolon_between(p: &Para, lo: usize, hi: usize) -> bool {
    let mut depth = 0i32;
    (lo..hi).any(|k| {
        if p.is_punct(k, "(") {
            depth += 1;
        } else if p.is_punct(k, ")") {
            depth -= 1;
        }
        depth <= 0 && p.is_punct(k, ";")
    })
}

/// "against the dollar", "against the U.S. dollar" within a few tokens after token `w`.
fn against_a_currency(p: &Para, w: usize) -> bool {
    let currencies = &p.vocab.units.currency_words;
    (w + 1..w + 6).any(|k| {
        p.tl(k) == "against"
            && p.tl(k + 1) == "the"
            && (k + 2..k + 6)
                .take_while(|&j| p.is_word(j) || p.is_punct(j, "."))
                .any(|j| currencies.contains_key(p.tl(j)))
    })
}

/// Gives each "from" and "to" figure to the nearest anchor before it (its clause), or failing
/// that to one just after it.
pub(super) fn assign_from_to(s: &Sentence, anchors: &mut [Anchor]) {
    let Sentence { p, facts, qs, .. } = *s;
    if anchors.is_empty() {
        return;
    }
    for &qi in qs {
        let q = &facts.quantities[qi];
        let (k, w) = link_word_before(p, q);
        // "compared with 1.41 million", and newswire's "against 1.41 million".
        let compared = (matches!(w.as_str(), "with" | "to") && k > 0 && p.tl(k - 1) == "compared")
            || matches!(w.as_str(), "against" | "versus" | "vs" | "vs.");
        let is_from = w == "from" || on_base(p, facts, q) || compared || earlier_level(p, k, &w);
        // "down 12.4 pct at 2.95 billion dlrs from 3.21 billion": "at" the level, when a base
        // follows with "from" (or in a clause of its own: "at 412p, having opened at 464p").
        let is_to = w == "to"
            || (w == "at"
                && qs
                    .iter()
                    .skip_while(|&&j| facts.quantities[j].first_tok <= q.last_tok)
                    .take(2)
                    .any(|&j| {
                        let b = &facts.quantities[j];
                        let (bk, bw) = link_word_before(p, b);
                        (b.first_tok - q.last_tok <= 6 && bw == "from")
                            || (b.first_tok - q.last_tok <= 10 && earlier_level(p, bk, &bw))
                    }));
        if !is_from && !is_to {
            continue;
        }
        let pos = q.first_tok;
        let mut best: Option<(usize, usize)> = None;
        for (ai, a) in anchors.iter().enumerate() {
            let anchor_pos = a.word_tok.unwrap_or(a.tok).min(a.tok);
            if let AnchorKind::Percent(pi) = a.kind
                && pi == qi
            {
                continue;
            }
            // Anchors before the figure come first; one after it only when close.
            let d = if pos >= anchor_pos {
                pos - anchor_pos
            } else {
                // Counted from the figure's end: "1,200" is three tokens, "900" one.
                REACH + (anchor_pos - q.last_tok.min(anchor_pos))
            };
            // A base marked "compared with" may sit further before its percentage.
            if d > REACH + if compared { 14 } else { 8 } {
                continue;
            }
            // "£2.29bn, against £882m the year before, on sales up 4.5%": a change with a
            // subject of its own after the figure ("on sales", "with revenue") is not its.
            // (Tested only within reach, so a long sentence costs no more than a short one.)
            // "Qtr shr 1.12 dlrs vs 87 cts; net 14.6 mln vs 11.3 mln, up 29.2 pct": a
            // semicolon ends the item.
            let (lo, hi) = if pos < anchor_pos {
                (q.last_tok + 1, anchor_pos)
            } else {
                (anchor_pos + 1, pos)
            };
            if semicolon_between(p, lo, hi) {
                continue;
            }
            // "£2,100 a month, compared with £1,250 across England, and rose 9%": nor is one
            // after ", and", which starts a clause of its own.
            if pos < anchor_pos
                && (q.last_tok + 1..anchor_pos).any(|k| {
                    (matches!(p.tl(k), "on" | "with" | "as" | "while" | "whereas")
                        && p.is_word(k + 1)
                        && !matches!(p.tl(k + 1), "the" | "a" | "an" | "its" | "their"))
                        || (p.is_punct(k, ",") && p.tl(k + 1) == "and")
                })
            {
                continue;
            }
            // "Prices rose 0.4 pct in February, bringing the annual rate to 3.7 pct": a rate
            // reached in a clause of its own is another measure than the one that rose.
            if pos > anchor_pos
                && q.dimension == Dimension::Percent
                && (anchor_pos + 1..pos).any(|k| {
                    p.is_punct(k, ",") && p.vocab.comparisons.result_verbs.contains(p.tl(k + 1))
                })
            {
                continue;
            }
            let slot_free = if is_from {
                a.from.is_none()
            } else {
                a.to.is_none()
            };
            if slot_free && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((ai, d));
            }
        }
        if let Some((ai, _)) = best {
            if is_from {
                anchors[ai].from = Some(qi);
            } else {
                anchors[ai].to = Some(qi);
            }
        }
    }
    // "up 17 per cent at £86.5m (2023: £73.9m)": a results statement gives the base in
    // brackets after the level, with the year it belongs to.
    for &qi in qs {
        let base = &facts.quantities[qi];
        let k = base.first_tok;
        let bracketed =
            k >= 3 && p.is_punct(k - 1, ":") && is_year(p, k - 2) && p.is_punct(k - 3, "(");
        if !bracketed {
            continue;
        }
        let Some(&li) = qs.iter().find(|&&i| {
            let q = &facts.quantities[i];
            q.last_tok + 4 == k && q.dimension != Dimension::Percent
        }) else {
            continue;
        };
        let level = &facts.quantities[li];
        if let Some(a) = anchors.iter_mut().rfind(|a| {
            let at = a.word_tok.unwrap_or(a.tok).min(a.tok);
            at < level.first_tok
                && level.first_tok - at <= REACH + 4
                && a.from.is_none()
                && a.to.is_none_or(|t| t == li)
        }) {
            a.from = Some(qi);
            a.to = Some(li);
        }
    }
    // "£418m, up 18% on £377m", "1,204 cases, down 7% from 1,300", "73 railcars, up from
    // 20": the level comes first, set off by a comma, just before the change word.
    for a in anchors.iter_mut() {
        let kind_ok = match a.kind {
            AnchorKind::Percent(_) => true,
            AnchorKind::Change => a.word_tok.is_some_and(|w| matches!(p.tl(w), "up" | "down")),
            _ => false,
        };
        if !kind_ok || a.from.is_none() || a.to.is_some() {
            continue;
        }
        let Some(word) = a.word_tok else { continue };
        // "3.86 million, a rise of 9% on the 3.42 million": the change phrase starts at its article.
        let word = if word > 0 && matches!(p.tl(word - 1), "a" | "an") {
            word - 1
        } else {
            word
        };
        let base = &facts.quantities[a.from.expect("checked")];
        let level = qs.iter().copied().rfind(|&i| {
            let q = &facts.quantities[i];
            let end = q.noun.as_ref().map_or(q.last_tok, |n| n.tok);
            Some(i) != a.from
                && q.dimension != Dimension::Percent
                && ((end < word && p.lower[p.end(end)..p.start(word)].trim() == ",")
                // "500,000 cars a year, up from 350,000": a few words may name the rate.
                || (end < word && words_then_comma(p, end, word, 6) && q.sentence == base.sentence)
                // "$4.1bn, compared with $3.8bn a year earlier, a rise of 8%", "1.21 mln bags
                // in February, compared with 890,000": words may say when the level was.
                || (end < base.first_tok && compared_after(p, end, base)))
        });
        // "142 mln dlrs, or 1.05 dlrs per share, up from 118 mln dlrs": a figure set off by
        // "or" restates the one before it; the level is that one.
        let level = level.map(|l| match alternate_of(p, facts, l) {
            Some(h) if comparable(p, &facts.quantities[h], base) => h,
            _ => l,
        });
        if let Some(l) = level
            && Some(l) != a.from
            && facts.quantities[l].dimension != Dimension::Percent
        {
            a.to = Some(l);
        }
    }
    // "climbed 33% to £360m, up from £240m a year earlier": the base comes in a clause of its
    // own after the level; the percentage (or the multiple: "tripled to 4.1 million, up from
    // 2.0 million") that took the level takes the base too. A change word that took the level
    // takes it when it says the other way: "grew to $96.4m, down from $112.8m" contradicts
    // itself.
    for i in 1..anchors.len() {
        let (head, tail) = anchors.split_at_mut(i);
        let (pct, next) = (&mut head[i - 1], &mut tail[0]);
        let Some(level) = pct.to else { continue };
        let contradicts = pct.kind == AnchorKind::Change
            && pct.trend.is_some()
            && next.trend.is_some()
            && pct.trend != next.trend;
        if !(matches!(pct.kind, AnchorKind::Percent(_) | AnchorKind::Multiple(_)) || contradicts)
            || pct.from.is_some()
            || next.kind != AnchorKind::Change
            || !next
                .word_tok
                .is_some_and(|w| matches!(p.tl(w), "up" | "down"))
            || next.to.is_some_and(|t| t != level)
            || next.tok - pct.tok > REACH
        {
            continue;
        }
        let Some(base) = next.from else { continue };
        if facts.quantities[level].last_tok >= facts.quantities[base].first_tok {
            continue;
        }
        pct.from = Some(base);
        if !contradicts {
            next.from = None;
            next.to = None;
        }
    }
    // "fell from 7,613 to 6,630, or 12.9%", "increased from A to B, a rise of 49.7%": the
    // percentage follows a change word that took the figures.
    for i in 1..anchors.len() {
        // ... or a multiple: "rose from 300 to 400, an increase of a third".
        let is_bare_percent = matches!(
            anchors[i].kind,
            AnchorKind::Percent(_) | AnchorKind::Multiple(_)
        ) && anchors[i].from.is_none()
            && anchors[i].to.is_none();
        // "from 89p to 95p, an increase of 6p, or 6.7%": a change word with no figures of its
        // own ("increase") may stand between the percentage and the change that has them.
        let mut j = i - 1;
        while is_bare_percent
            && j > 0
            && anchors[j].kind == AnchorKind::Change
            && anchors[j].from.is_none()
            && anchors[j].to.is_none()
            && anchors[i].tok - anchors[j - 1].tok <= REACH + 6
        {
            j -= 1;
        }
        let j = if anchors[j].from.is_some() && anchors[j].to.is_some() {
            j
        } else {
            i - 1
        };
        let prev = &anchors[j];
        // "rises to £11.44 in April, an increase of 9.8% from £10.42": the level went to the
        // change word, the base to the percentage.
        let level_only = matches!(
            anchors[i].kind,
            AnchorKind::Percent(_) | AnchorKind::Multiple(_)
        ) && anchors[i].from.is_some()
            && anchors[i].to.is_none()
            && prev.kind == AnchorKind::Change
            && prev.from.is_none()
            && prev.to.is_some()
            && anchors[i].tok - prev.tok <= REACH + 6;
        if level_only {
            anchors[i].to = anchors[j].to.take();
            continue;
        }
        if is_bare_percent
            && prev.kind == AnchorKind::Change
            && prev.from.is_some()
            && prev.to.is_some()
            && anchors[i].tok - prev.tok <= REACH + 6
        {
            let (from, to, trend, word) = (prev.from, prev.to, prev.trend, prev.word_tok);
            anchors[j].from = None;
            anchors[j].to = None;
            let a = &mut anchors[i];
            a.from = from;
            a.to = to;
            a.trend = a.trend.or(trend);
            a.word_tok = a.word_tok.or(word);
        }
    }
    // "Fares will go up by 20 per cent, with a single fare rising from £2.50 to £2.80": a
    // percentage, then ", with" or a colon and a change that has both figures.
    for i in 1..anchors.len() {
        let (head, tail) = anchors.split_at_mut(i);
        let (pct, next) = (&mut head[i - 1], &mut tail[0]);
        let (Some(from), Some(to)) = (next.from, next.to) else {
            continue;
        };
        let bare =
            matches!(pct.kind, AnchorKind::Percent(_)) && pct.from.is_none() && pct.to.is_none();
        let word = next.word_tok.unwrap_or(next.tok);
        if !bare
            || next.kind != AnchorKind::Change
            || word <= pct.tok
            || word - pct.tok > REACH
            || facts.quantities[from].first_tok < word
        {
            continue;
        }
        let instance = |k: usize| {
            matches!(p.tl(k), "a" | "an")
                || (p.tl(k) == "the" && matches!(p.tl(k + 1), "average" | "typical" | "median"))
        };
        let linked = (pct.tok + 1..word)
            .any(|k| p.is_punct(k, ",") && p.tl(k + 1) == "with" && instance(k + 2))
            && !semicolon_between(p, pct.tok, word);
        if linked {
            pct.from = Some(from);
            pct.to = Some(to);
            pct.trend = pct.trend.or(next.trend);
            next.from = None;
            next.to = None;
        }
    }
    // Drop pairs that are not the same kind of thing.
    for a in anchors.iter_mut() {
        if let (Some(f), Some(t)) = (a.from, a.to)
            && !comparable(p, &facts.quantities[f], &facts.quantities[t])
        {
            a.from = None;
            a.to = None;
        }
    }
}

/// Is the "at" at token `k` (its word `w`) in a clause giving the level a change started from:
/// ", having closed at 212p", ", after opening the day at 464p"?
fn earlier_level(p: &Para, k: usize, w: &str) -> bool {
    if w != "at" {
        return false;
    }
    let phrases = &p.vocab.comparisons.earlier_level;
    (k.saturating_sub(4)..k).rev().any(|end| {
        (end + 1..k).all(|j| p.is_word(j))
            && phrases.iter().any(|ph| {
                p.match_phrase_before(end + 1, ph)
                    .is_some_and(|start| start > 0 && p.is_punct(start - 1, ","))
            })
    })
}

/// Between the level ending at token `end` and `base`: "compared with", "against" or "versus",
/// maybe after a comma, and maybe after a few words saying when the level was ("in February,
/// compared with").
fn compared_after(p: &Para, end: usize, base: &Quantity) -> bool {
    let link = |from: usize| {
        matches!(
            p.lower[p.end(from)..base.span.start].trim(),
            ", compared with"
                | "compared with"
                | ", compared to"
                | "compared to"
                | ", against"
                | "against"
                | "versus"
                | "vs"
                | "vs."
        )
    };
    if link(end) {
        return true;
    }
    // "in February", "at end-March", "last year": words (and a year) up to a comma.
    let Some(comma) = (end + 2..(end + 7).min(base.first_tok)).find(|&k| p.is_punct(k, ",")) else {
        return false;
    };
    matches!(
        p.tl(end + 1),
        "in" | "at" | "during" | "for" | "last" | "this"
    ) && (end + 1..comma).all(|k| p.is_word(k) || is_year(p, k) || p.is_punct(k, "-"))
        && link(comma - 1)
}

/// Is this figure the base of a percentage just before it, British style: "up 18% on £377m",
/// "down 3% on the year before's 1,300"?
fn on_base(p: &Para, facts: &Facts, q: &Quantity) -> bool {
    let (k, _) = word_before(p, q);
    let mut j = k;
    for _ in 0..4 {
        if p.tl(j) == "on" {
            return j > 0
                && facts
                    .quantities
                    .iter()
                    .any(|pq| pq.dimension == Dimension::Percent && pq.last_tok + 1 == j);
        }
        // Only a determiner or a "last year's" may stand between "on" and the base.
        let ok = matches!(
            p.tl(j),
            "the" | "its" | "their" | "last" | "year's" | "previous" | "prior" | "a" | "year"
        ) || is_possessive(p, j);
        if !ok || j == 0 {
            return false;
        }
        j -= 1;
    }
    false
}

/// The figure that quantity `i` restates when "or" sets it off right after it: "142 mln dlrs,
/// or 1.05 dlrs per share" gives the 142 mln for the 1.05.
fn alternate_of(p: &Para, facts: &Facts, i: usize) -> Option<usize> {
    let h = i.checked_sub(1)?;
    let (head, q) = (&facts.quantities[h], &facts.quantities[i]);
    let end = head
        .noun
        .as_ref()
        .map_or(head.span.end, |n| p.end(n.tok).max(head.span.end));
    let gap = p.lower.get(end..q.span.start)?.trim();
    matches!(gap, ", or" | "or").then_some(h)
}

/// Records the claims of an anchor that has both its figures: the direction of the change, and
/// the percent change or the multiple it states.
pub(super) fn emit(s: &Sentence, a: &Anchor, out: &mut Vec<Claim>, claimed: &mut Vec<usize>) {
    let Sentence { p, facts, .. } = *s;
    let (Some(from), Some(to)) = (a.from, a.to) else {
        return;
    };
    let all = &facts.quantities;
    let (fq, tq) = (&all[from], &all[to]);
    let scale = inherited_scale(fq, tq);
    let span = cover(&[fq.span, tq.span, Span::new(p.start(a.tok), p.end(a.tok))]);
    claimed.extend([from, to]);
    if let Some(trend) = a.trend {
        out.push(Claim::Direction(DirectionClaim {
            from,
            to,
            trend,
            word_tok: a.word_tok.unwrap_or(a.tok),
            from_scale: scale,
            span,
        }));
    }
    match a.kind {
        AnchorKind::Percent(pi) => {
            claimed.push(pi);
            out.push(Claim::PercentChange(PercentChangeClaim {
                percent: pi,
                from: Some(from),
                to,
                amount: None,
                trend: a.trend,
                from_scale: scale,
                span: span.cover(&all[pi].span),
            }));
        }
        AnchorKind::Multiple(mi) => {
            let m = &facts.multipliers[mi];
            let hedge = hedge::multiplier_hedge_before(p, m.first_tok)
                .map(|h| h.0)
                .or(m.inner_hedge);
            out.push(Claim::Ratio(RatioClaim {
                factor: m.factor,
                hedge,
                multiplier: mi,
                numerator: to,
                denominator: from,
                denominator_scale: scale,
                span: span.cover(&m.span),
            }));
        }
        AnchorKind::Change => {}
    }
}
