//! Comparison claims: percent changes, multiples, shares, directions, differences and totals.
//!
//! A sentence is read around its anchors: change words ("rose", "fell", "up"), percentages next
//! to them, and multipliers ("doubled", "three times"). Each anchor takes the figures introduced
//! by "from" and "to" nearest to it, so "sales were up 17.5 pct to 94.0 mln from 80.0 mln and
//! orders up 15.5 pct to 101.1 mln from 87.4 mln" gives two claims, each with its own figures.

use super::{
    Claim, ComparisonClaim, DifferenceClaim, DirectionClaim, PercentChangeClaim, RatioClaim,
    ShareClaim, ShareStated, TotalClaim,
};
use crate::extract::{Facts, Para, Quantity, Span, hedge};
use crate::units::Dimension;
use crate::vocab::HedgeKind;

/// How far (in tokens) an anchor reaches for its "from" and "to" figures.
const REACH: usize = 22;

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
}

/// Something figures attach to in a sentence.
#[derive(Debug, Clone)]
struct Anchor {
    tok: usize,
    kind: AnchorKind,
    trend: Option<Trend>,
    /// Token of the change word, if any.
    word_tok: Option<usize>,
    from: Option<usize>,
    to: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum AnchorKind {
    /// A percentage stated as a change (quantity index).
    Percent(usize),
    /// A multiplier (index in facts.multipliers).
    Multiple(usize),
    /// A change word with no figure of its own.
    Change,
}

/// Are two quantities the same kind of thing, so one can be compared with the other?
pub fn comparable(p: &Para, a: &Quantity, b: &Quantity) -> bool {
    let reg = &p.vocab.units.registry;
    let kind = |q: &Quantity| match q.dimension {
        Dimension::Count => None,
        d => Some(d),
    };
    match (kind(a), kind(b)) {
        (None, None) => match (&a.noun, &b.noun) {
            (Some(x), Some(y)) => x.lemma == y.lemma || x.lemma == "point" || y.lemma == "point",
            _ => true,
        },
        // "to 94.0 mln dlrs from 80.0 mln": the unit is written once.
        (Some(Dimension::Currency), None) | (None, Some(Dimension::Currency)) => true,
        (Some(d), None) | (None, Some(d)) => {
            d.is_physical() && a.noun.is_none() && b.noun.is_none()
        }
        (Some(x), Some(y)) => {
            if x != y {
                return false;
            }
            if x == Dimension::Currency {
                let fam = |q: &Quantity| q.unit.and_then(|u| reg.get(u).currency_family);
                return fam(a) == fam(b);
            }
            if x == Dimension::Percent {
                return a.unit == b.unit;
            }
            a.per == b.per
        }
    }
}

/// Can `part` be counted out of `whole` when the sentence says so ("450 jobs, or 15% of its
/// 3,000 staff")? Comparable figures, or two counts of things named differently: the wording
/// makes the share, not the nouns.
fn part_of_whole(p: &Para, part: &Quantity, whole: &Quantity) -> bool {
    comparable(p, part, whole)
        || (part.dimension == Dimension::Count && whole.dimension == Dimension::Count)
}

/// The trend of token `i`, by its class bits (no lookup).
fn trend_at(p: &Para, i: usize) -> Option<Trend> {
    use crate::vocab::classes::{CHANGE_DOWN, CHANGE_UP};
    if p.has(i, CHANGE_UP) {
        Some(Trend::Up)
    } else if p.has(i, CHANGE_DOWN) {
        Some(Trend::Down)
    } else {
        None
    }
}

fn trend_of(p: &Para, w: &str) -> Option<Trend> {
    p.vocab
        .comparisons
        .trend
        .get(w)
        .map(|up| if *up { Trend::Up } else { Trend::Down })
}

/// Change words that start a claim. "up"/"down" only before a figure or "by"/"from"; the
/// comparative words ("more", "higher") are not anchors.
fn strong_change(p: &Para, i: usize) -> Option<Trend> {
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
        let ok = p.is_digits(i + 1)
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
fn word_before(p: &Para, q: &Quantity) -> (usize, String) {
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
fn link_word_before(p: &Para, q: &Quantity) -> (usize, String) {
    let (k, w) = word_before(p, q);
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
        );
        if !ok || j == 0 {
            return false;
        }
        j -= 1;
    }
    false
}

/// Finds the comparison claims of a paragraph.
pub fn find(p: &Para, facts: &Facts, out: &mut Vec<Claim>) {
    // The quantities, multipliers and fractions of each sentence, gathered in one pass: a paragraph with
    // many sentences (a long file with no blank line) must not be rescanned per sentence.
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, q) in facts.quantities.iter().enumerate() {
        if let Some(v) = by_sentence.get_mut(q.sentence) {
            v.push(i);
        }
    }
    let mut multipliers_in: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, m) in facts.multipliers.iter().enumerate() {
        if let Some(v) = multipliers_in.get_mut(m.sentence) {
            v.push(i);
        }
    }
    let mut fractions_in: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, f) in facts.fractions.iter().enumerate() {
        if let Some(v) = fractions_in.get_mut(f.sentence) {
            v.push(i);
        }
    }
    for (si, &(s_start, s_end)) in facts.sentences.iter().enumerate() {
        let (t0, t1) = (p.tok_at(s_start), p.tok_at(s_end));
        let qs = std::mem::take(&mut by_sentence[si]);
        let (ms, fs) = (&multipliers_in[si], &fractions_in[si]);
        if qs.len() + fs.len() < 2 {
            continue;
        }
        let mut anchors = anchors(p, facts, ms, t0, t1, &qs);
        assign_from_to(p, facts, &qs, &mut anchors);
        let mut claimed: Vec<usize> = Vec::new();
        for a in &anchors {
            emit(p, facts, a, out, &mut claimed);
        }
        amounts_with_base(p, facts, &qs, &anchors, out, &mut claimed);
        multiples_between(p, facts, ms, &qs, &anchors, out);
        shares(p, facts, fs, &qs, out);
        differences(p, facts, &qs, out);
        percent_than(p, facts, &qs, out);
        totals(p, facts, ms, t0, t1, &qs, out);
        contrasts(p, facts, &qs, &claimed, out);
    }
}

fn anchors(
    p: &Para,
    facts: &Facts,
    ms: &[usize],
    t0: usize,
    t1: usize,
    qs: &[usize],
) -> Vec<Anchor> {
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
        for _ in 0..3 {
            if k < t0 {
                break;
            }
            // Words too loose to start a claim alone ("a tax cut", "the gains") are change
            // words right before a percentage: "cut by 15%", "shed 2%", "added 3%".
            if let Some(t) = strong_change(p, k).or_else(|| {
                if matches!(
                    p.tl(k),
                    "up" | "down" | "cut" | "lost" | "shed" | "added" | "gained"
                ) && p.is_word(k)
                {
                    trend_at(p, k).or_else(|| trend_of(p, p.tl(k)))
                } else {
                    None
                }
            }) {
                word = Some((k, t));
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
    v.sort_by_key(|a| a.tok);
    v
}

/// Gives each "from" and "to" figure to the nearest anchor before it (its clause), or failing
/// that to one just after it.
fn assign_from_to(p: &Para, facts: &Facts, qs: &[usize], anchors: &mut [Anchor]) {
    if anchors.is_empty() {
        return;
    }
    for &qi in qs {
        let q = &facts.quantities[qi];
        let (k, w) = link_word_before(p, q);
        // "compared with 1.41 million", and newswire's "against 1.41 million".
        let compared = (matches!(w.as_str(), "with" | "to") && k > 0 && p.tl(k - 1) == "compared")
            || matches!(w.as_str(), "against" | "versus" | "vs" | "vs.");
        let is_from = w == "from" || on_base(p, facts, q) || compared;
        // "down 12.4 pct at 2.95 billion dlrs from 3.21 billion": "at" the level, when a base
        // follows with "from".
        let is_to = w == "to"
            || (w == "at"
                && qs
                    .iter()
                    .skip_while(|&&j| facts.quantities[j].first_tok <= q.last_tok)
                    .take(2)
                    .any(|&j| {
                        let b = &facts.quantities[j];
                        b.first_tok - q.last_tok <= 6 && link_word_before(p, b).1 == "from"
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
            if pos < anchor_pos
                && (q.last_tok + 1..anchor_pos).any(|k| {
                    matches!(p.tl(k), "on" | "with" | "as" | "while" | "whereas")
                        && p.is_word(k + 1)
                        && !matches!(p.tl(k + 1), "the" | "a" | "an" | "its" | "their")
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
                || (end < word && words_then_comma(p, end, word, 5) && q.sentence == base.sentence)
                // "$4.1bn, compared with $3.8bn a year earlier, a rise of 8%"
                || (end < base.first_tok
                    && matches!(
                        p.lower[p.end(end)..base.span.start].trim(),
                        ", compared with"
                            | "compared with"
                            | ", compared to"
                            | "compared to"
                            | ", against"
                            | "against"
                            | "versus"
                            | "vs"
                            | "vs."
                    )))
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

/// "to 381 mln dlrs from 160": the second figure takes the first's scale when the writer left
/// it out and only that reading makes sense.
pub fn inherited_scale(from: &Quantity, to: &Quantity) -> f64 {
    if from.scale <= 1.0 && to.scale > 1.0 {
        let raw = to.stated() / from.stated().abs().max(f64::MIN_POSITIVE);
        let scaled = raw / to.scale;
        if raw > 1000.0 && (0.01..=100.0).contains(&scaled) {
            return to.scale;
        }
    }
    if to.scale <= 1.0 && from.scale > 1.0 {
        let raw = from.stated() / to.stated().abs().max(f64::MIN_POSITIVE);
        if raw > 1000.0 && (0.01..=100.0).contains(&(raw / from.scale)) {
            return 1.0 / from.scale;
        }
    }
    1.0
}

fn emit(p: &Para, facts: &Facts, a: &Anchor, out: &mut Vec<Claim>, claimed: &mut Vec<usize>) {
    let (Some(from), Some(to)) = (a.from, a.to) else {
        return;
    };
    let qs = &facts.quantities;
    let (fq, tq) = (&qs[from], &qs[to]);
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
                span: span.cover(&qs[pi].span),
            }));
        }
        AnchorKind::Multiple(mi) => {
            let m = &facts.multipliers[mi];
            let hedge = hedge::hedge_before(p, m.first_tok)
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

/// "up 64 pence, or 6%, at 1130p": a change stated as an amount and a percentage, with the
/// level after it; the base is the level minus the change.
fn amounts_with_base(
    p: &Para,
    facts: &Facts,
    qs: &[usize],
    anchors: &[Anchor],
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let all = &facts.quantities;
    for a in anchors {
        let AnchorKind::Percent(pi) = a.kind else {
            continue;
        };
        if a.from.is_some() {
            continue;
        }
        let pq = &all[pi];
        // The amount: the figure just before "or P%" / "P%" ("64 pence, or 6%", "0.89 points, or").
        let end_of = |q: &Quantity| q.noun.as_ref().map_or(q.last_tok, |n| n.tok);
        let Some(&di) = qs.iter().rfind(|&&i| {
            i != pi
                && end_of(&all[i]) < pq.first_tok
                && pq.first_tok - end_of(&all[i]) <= 3
                && all[i].dimension != Dimension::Percent
        }) else {
            if a.to.is_none() {
                amount_after_change_word(p, facts, qs, anchors, a, pi, out, claimed);
            }
            level_then_amount(p, facts, qs, a, pi, out, claimed);
            continue;
        };
        let d = &all[di];
        let gap = p.lower[p.end(end_of(d))..pq.span.start].trim().to_string();
        if !matches!(
            gap.as_str(),
            "or" | ", or"
                | ","
                | "("
                | "or nearly"
                | "or almost"
                | "or about"
                | "or some"
                | "or just"
                | "or roughly"
                | "or around"
                | ", or nearly"
                | ", or about"
        ) && !gap.starts_with("or")
        {
            continue;
        }
        // The trend: a change word before the amount ("up 64 pence", "lost 65 cents").
        let dk = word_before(p, d).0;
        let trend = a.trend.or_else(|| {
            (dk.saturating_sub(2)..=dk)
                .rev()
                .find_map(|k| trend_of(p, p.tl(k)))
        });
        let Some(trend) = trend else { continue };
        // The level: "at C" or "to C" after the percentage, within a few words; or before the
        // change, set off by a comma ("closed at 245p, up 11p or 4.7%").
        let level = qs
            .iter()
            .copied()
            .find(|&i| {
                let q = &all[i];
                let (_, w) = word_before(p, q);
                q.first_tok > pq.last_tok
                    && q.first_tok - pq.last_tok <= 8
                    && matches!(w.as_str(), "at" | "to")
                    && comparable(p, d, q)
            })
            .or_else(|| {
                let change = word_before(p, d).0;
                qs.iter().copied().rfind(|&i| {
                    let q = &all[i];
                    end_of(q) + 2 == change
                        && p.is_punct(change - 1, ",")
                        && q.dimension != Dimension::Percent
                        && comparable(p, d, q)
                })
            });
        let Some(ci) = level else { continue };
        push_amount_claim(all, (pi, ci, di), Some(trend), 1.0, out, claimed);
    }
}

/// "rose 180 mln stg to 2.46 billion stg, an increase of 7.9 pct": a change word with the
/// amount right after it and the level after "to", then the percentage.
#[allow(clippy::too_many_arguments)]
fn amount_after_change_word(
    p: &Para,
    facts: &Facts,
    qs: &[usize],
    anchors: &[Anchor],
    a: &Anchor,
    pi: usize,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let all = &facts.quantities;
    let Some(change) = anchors.iter().rfind(|c| {
        c.kind == AnchorKind::Change
            && c.tok < a.tok
            && a.tok - c.tok <= REACH + 8
            && c.from.is_none()
            && c.to.is_some()
    }) else {
        return;
    };
    let (Some(word), Some(ci)) = (change.word_tok, change.to) else {
        return;
    };
    let at = if p.tl(word + 1) == "by" {
        word + 2
    } else {
        word + 1
    };
    let Some(di) = figure_at(all, qs, at) else {
        return;
    };
    let (d, level) = (&all[di], &all[ci]);
    if di == ci
        || d.dimension == Dimension::Percent
        || d.range.is_some()
        || level.first_tok <= d.last_tok
        || !comparable(p, d, level)
    {
        return;
    }
    let trend = change.trend.or(a.trend);
    push_amount_claim(
        all,
        (pi, ci, di),
        trend,
        inherited_scale(d, level),
        out,
        claimed,
    );
}

/// "ended 1.6% lower at 7,402.3, down 44.7 points", "fell 2.4% to $81.20 a barrel, down $1.60":
/// the percentage, the level after "at" or "to", then the change as an amount.
fn level_then_amount(
    p: &Para,
    facts: &Facts,
    qs: &[usize],
    a: &Anchor,
    pi: usize,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let all = &facts.quantities;
    let pq = &all[pi];
    let Some(trend) = a.trend else { return };
    // The level: the change's "to" figure ("fell 2.4% to $81.20"), or one "at" just after.
    let Some(ci) = a.to.or_else(|| {
        qs.iter().copied().find(|&i| {
            let q = &all[i];
            q.first_tok > pq.last_tok
                && q.first_tok - pq.last_tok <= 4
                && word_before(p, q).1 == "at"
                && q.dimension != Dimension::Percent
        })
    }) else {
        return;
    };
    let level = &all[ci];
    let end = level.noun.as_ref().map_or(level.last_tok, |n| n.tok);
    // ", down 44.7 points": a comma, the change word agreeing with the percentage, the amount.
    if !(p.is_punct(end + 1, ",") && trend_of(p, p.tl(end + 2)) == Some(trend)) {
        return;
    }
    let Some(di) = figure_at(all, qs, end + 3) else {
        return;
    };
    let d = &all[di];
    if d.dimension == Dimension::Percent || d.range.is_some() || !comparable(p, d, level) {
        return;
    }
    push_amount_claim(all, (pi, ci, di), Some(trend), 1.0, out, claimed);
}

/// Records a percent change stated with its amount: `(percentage, level, amount)`.
fn push_amount_claim(
    all: &[Quantity],
    (pi, ci, di): (usize, usize, usize),
    trend: Option<Trend>,
    from_scale: f64,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    claimed.extend([di, ci, pi]);
    out.push(Claim::PercentChange(PercentChangeClaim {
        percent: pi,
        from: None,
        to: ci,
        amount: Some(di),
        trend,
        from_scale,
        span: cover(&[all[di].span, all[pi].span, all[ci].span]),
    }));
}

/// "B was twice the A", "73 railcars, more than three times the 20 seen before", and verbs
/// with two figures after them ("doubled the leave: it was 13 weeks ... now 26 weeks").
fn multiples_between(
    p: &Para,
    facts: &Facts,
    ms: &[usize],
    qs: &[usize],
    anchors: &[Anchor],
    out: &mut Vec<Claim>,
) {
    let all = &facts.quantities;
    for &mi in ms {
        let m = &facts.multipliers[mi];
        let has_pair = anchors
            .iter()
            .any(|a| a.kind == AnchorKind::Multiple(mi) && a.from.is_some() && a.to.is_some());
        if has_pair {
            continue;
        }
        let hedge = hedge::hedge_before(p, m.first_tok)
            .map(|h| h.0)
            .or(m.inner_hedge);
        let hedge_first = hedge::hedge_before(p, m.first_tok).map_or(m.first_tok, |h| h.1);
        let after: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| all[i].first_tok > m.last_tok && all[i].first_tok - m.last_tok <= 30)
            .collect();
        let before: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| all[i].last_tok < hedge_first && hedge_first - all[i].last_tok <= 14)
            .collect();
        // "twice the 169,000", "three times as many as the 20", "times that of".
        let next = p.tl(m.last_tok + 1);
        let compares = (matches!(
            next,
            "the" | "as" | "that" | "what" | "those" | "its" | "their"
        ) && after
            .first()
            .is_some_and(|&i| all[i].first_tok - m.last_tok <= 8))
            || after
                .first()
                .is_some_and(|&i| all[i].first_tok == m.last_tok + 1);
        if compares
            && let (Some(&den), Some(&num)) = (
                after.first(),
                before.iter().rev().find(|&&i| {
                    after
                        .first()
                        .is_some_and(|&d| comparable(p, &all[i], &all[d]))
                }),
            )
        {
            let scale = inherited_scale(&all[den], &all[num]);
            out.push(Claim::Ratio(RatioClaim {
                factor: m.factor,
                hedge,
                multiplier: mi,
                numerator: num,
                denominator: den,
                denominator_scale: scale,
                span: cover(&[all[num].span, m.span, all[den].span]),
            }));
            continue;
        }
        // A verb of change with two figures after it, earlier first.
        let verb = !matches!(p.tl(m.first_tok), "twice" | "once" | "thrice");
        if verb {
            let same: Vec<usize> = after
                .iter()
                .copied()
                .filter(|&i| all[i].dimension != Dimension::Percent)
                .collect();
            if let [x, y, ..] = same[..]
                && comparable(p, &all[x], &all[y])
                && same.len() == 2
            {
                out.push(Claim::Ratio(RatioClaim {
                    factor: m.factor,
                    hedge,
                    multiplier: mi,
                    numerator: y,
                    denominator: x,
                    denominator_scale: 1.0,
                    span: cover(&[m.span, all[x].span, all[y].span]),
                }));
            }
        }
    }
}

/// Shares: "30 of 120 people, or 25%", "one in four (25%)", "a fifth of the 50 missiles, 10".
fn shares(p: &Para, facts: &Facts, fs: &[usize], qs: &[usize], out: &mut Vec<Claim>) {
    let all = &facts.quantities;
    let percent_right_after = |end: usize, from_tok: usize| -> Option<usize> {
        // "41 of the 150 seats in the assembly, or 27%": a phrase saying where the whole is
        // may come between.
        let (end, from_tok) = match place_phrase_after(p, from_tok) {
            Some(last) => (p.end(last), last),
            None => (end, from_tok),
        };
        qs.iter().copied().find(|&i| {
            let q = &all[i];
            q.dimension == Dimension::Percent
                && q.first_tok > from_tok
                && q.first_tok - from_tok <= 4
                && {
                    let mut gap = p.lower[end..q.span.start].trim();
                    // "one in three adults (25%)": the thing counted may come first.
                    if q.first_tok - from_tok >= 3 && p.is_word(from_tok + 1) {
                        gap = p.lower[p.end(from_tok + 1)..q.span.start].trim();
                    }
                    matches!(
                        gap,
                        "or" | ", or"
                            | "("
                            | ","
                            | "- or"
                            | ", or about"
                            | "(about"
                            | "or about"
                            | "or nearly"
                            | ", or nearly"
                    ) || gap.starts_with("or")
                }
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
                && matches!(
                    p.lower[end..f.span.start].trim(),
                    "or" | ", or"
                        | "("
                        | ","
                        | "- or"
                        | ", or about"
                        | ", or nearly"
                        | ", or almost"
                )
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
            if matches!(p.tl(j + 1), "the" | "its" | "their" | "all") {
                j + 2
            } else {
                j + 1
            }
        } else if p.tl(j) == "out" && p.tl(j + 1) == "of" {
            j + 2
        } else {
            continue;
        };
        let Some(wi) = figure_at(all, qs, k) else {
            continue;
        };
        let whole = &all[wi];
        if !comparable(p, part, whole) {
            continue;
        }
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
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
        }
    }
    // "Of the 120 people asked, 30, or 25%, ...", "Of the 1,900 flights, 437 were cancelled,
    // 23% of the total": the whole first, then the part and its share.
    for &wi in qs {
        let whole = &all[wi];
        let (w, _) = word_before(p, whole);
        if whole.dimension == Dimension::Percent
            || whole.range.is_some()
            || !((w >= 1 && p.tl(w) == "the" && p.tl(w - 1) == "of" && !(w >= 2 && p.is_word(w - 2)))
                // "Of 120 patients given the drug, 12, or 10%": "Of" opening the sentence.
                || (p.tl(w) == "of" && (w == 0 || !p.is_word(w - 1))))
        {
            continue;
        }
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        let Some(&ci) = qs.iter().find(|&&i| {
            let q = &all[i];
            q.first_tok > end_tok
                && (q.first_tok - end_tok <= 4
                    // "Of 120 patients given the drug, 12, ...": words describing the whole.
                    || words_then_comma(p, end_tok, q.first_tok, 8))
                && q.dimension != Dimension::Percent
                && comparable(p, q, whole)
                && p.lower[p.end(end_tok)..q.span.start].contains(',')
        }) else {
            continue;
        };
        let part = &all[ci];
        let stated = percent_right_after(part.span.end, part.last_tok).or_else(|| {
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
        let k = if matches!(p.tl(j + 1), "the" | "its" | "their" | "all") {
            j + 2
        } else {
            j + 1
        };
        let Some(wi) = figure_at(all, qs, k) else {
            continue;
        };
        let whole = &all[wi];
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        // "half of the 620 homes in the village, 310": a place phrase may follow the whole.
        let end_tok = place_phrase_after(p, end_tok).unwrap_or(end_tok);
        let stated = qs.iter().copied().find(|&c| {
            let q = &all[c];
            q.first_tok > end_tok
                && q.first_tok - end_tok <= 3
                && q.dimension != Dimension::Percent
                && comparable(p, q, whole)
                && {
                    let gap = p.lower[p.end(end_tok)..q.span.start].trim();
                    matches!(gap, "," | "(" | "- " | "–" | ":" | ", or" | "or")
                }
        });
        // "£4.2bn, a third of the £12.6bn total": the part before the fraction.
        let first = hedge::hedge_before(p, f.first_tok).map_or(f.first_tok, |h| h.1);
        let stated = stated.or_else(|| part_before(p, all, qs, first, whole));
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
        let mut k = if matches!(p.tl(j + 1), "the" | "its" | "their" | "all") {
            j + 2
        } else {
            j + 1
        };
        // "of the world's 8 billion people"
        if p.is_word(k) && (p.tl(k).ends_with("'s") || p.tl(k).ends_with("’s")) {
            k += 1;
        }
        // "of its workforce of 40,000", "of the long-term average of 69mm": the whole named
        // first, its figure after a second "of".
        if let Some(of) = (k..k + 5)
            .take_while(|&i| (p.is_word(i) && p.tl(i) != "of") || p.is_punct(i, "-"))
            .last()
            .map(|i| i + 1)
            .filter(|&of| p.tl(of) == "of" && figure_at(all, qs, k).is_none())
        {
            k = of + 1;
        }
        let Some(wi) = figure_at(all, qs, k) else {
            continue;
        };
        let whole = &all[wi];
        let end_tok = whole.noun.as_ref().map_or(whole.last_tok, |n| n.tok);
        let pct_first = pq.hedge_span.map_or(pq.first_tok, |h| p.tok_at(h.start));
        let part = qs
            .iter()
            .copied()
            .find(|&c| {
                let q = &all[c];
                q.first_tok > end_tok && q.first_tok - end_tok <= 3 && comparable(p, q, whole) && {
                    let gap = p.lower[p.end(end_tok)..q.span.start].trim();
                    matches!(gap, "(" | ", or" | "or" | "," | "–")
                }
            })
            // "cut 450 jobs, or 15% of its 3,000 staff": the part before the percentage.
            .or_else(|| part_before(p, all, qs, pct_first.min(pq.first_tok), whole));
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

/// "in the assembly", "on the council", "at the plant" right after token `end`: a place phrase
/// of a preposition, an article and one to three words, followed by ", or" or ", 310". Returns
/// its last token.
fn place_phrase_after(p: &Para, end: usize) -> Option<usize> {
    let k = end + 1;
    if !(matches!(p.tl(k), "in" | "on" | "at" | "across") && matches!(p.tl(k + 1), "the" | "its")) {
        return None;
    }
    (k + 3..=k + 5)
        .take_while(|&j| p.is_word(j - 1))
        .find(|&j| p.is_punct(j, ",") && (p.tl(j + 1) == "or" || p.is_digits(j + 1)))
        .map(|j| j - 1)
}

/// The part just before a stated share that starts at token `at`, set off by a comma or "or":
/// "450 jobs, or 15% of ...", "£4.2bn, a third of ...".
fn part_before(
    p: &Para,
    all: &[Quantity],
    qs: &[usize],
    at: usize,
    whole: &Quantity,
) -> Option<usize> {
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
                    // "$18.5bn, accounted for 23% of the $79.2bn total"
                    || SHARE_VERBS.contains(&gap.trim_start_matches(',').trim_start())
            }
    })
}

/// Verbs that put a part before its share of a whole: "A accounted for P% of B".
const SHARE_VERBS: &[&str] = &[
    "accounted for",
    "accounts for",
    "accounting for",
    "account for",
    "made up",
    "makes up",
    "making up",
    "make up",
    "represented",
    "represents",
    "representing",
    "equal to",
    "equivalent to",
];

/// The base of a comparison after "than" (token `end`): right after it, after a determiner
/// ("the 20"), or after a possessive ("her rival's 16,314", "last week's 1,300").
fn base_after(p: &Para, all: &[Quantity], qs: &[usize], end: usize) -> Option<usize> {
    let base_at = |k: usize| {
        if k == end + 1 {
            return true;
        }
        if (end + 1..k).any(|i| !p.is_word(i)) {
            return false;
        }
        let last = p.tl(k - 1);
        (k == end + 2 && matches!(p.tl(end + 1), "the" | "its" | "their" | "a" | "an"))
            || last.ends_with("'s")
            || last.ends_with("’s")
            || last.ends_with("s'")
    };
    qs.iter().copied().find(|&i| {
        all[i].first_tok > end && all[i].first_tok <= end + 4 && base_at(all[i].first_tok)
    })
}

/// "4,500 people, 50% more than the 3,000 in 2020": a percentage compares the figure before
/// it with the base after "than"; a percent change from the base to the figure.
fn percent_than(p: &Para, facts: &Facts, qs: &[usize], out: &mut Vec<Claim>) {
    let all = &facts.quantities;
    for &pi in qs {
        let pq = &all[pi];
        if pq.unit.is_none() || pq.unit != p.vocab.units.percent || pq.range.is_some() {
            continue;
        }
        let k = pq.last_tok + 1;
        let trend = match crate::extract::comparative_than(p, k) {
            Some(true) => Trend::Up,
            Some(false) => Trend::Down,
            None => continue,
        };
        if states_percent_change(out, pi) {
            continue;
        }
        let Some(bi) = base_after(p, all, qs, k + 1) else {
            continue;
        };
        let first = pq
            .hedge_span
            .map_or(pq.first_tok, |h| p.tok_at(h.start).min(pq.first_tok));
        let Some(&ci) = qs
            .iter()
            .rfind(|&&i| just_before(p, &all[i], first, 3) && all[i].sentence == pq.sentence)
        else {
            continue;
        };
        let (base, compared) = (&all[bi], &all[ci]);
        let percentages = |q: &Quantity| q.dimension == Dimension::Percent;
        if percentages(base)
            || percentages(compared)
            || base.range.is_some()
            || compared.range.is_some()
            || base.vague
            || compared.vague
            || !comparable(p, base, compared)
            || !{
                // Set off by a comma, or joined by a copula ("120,000 cars were 20% higher").
                let end = compared
                    .noun
                    .as_ref()
                    .map_or(compared.span.end, |n| p.end(n.tok));
                let gap = p.lower[end.min(pq.span.start)..pq.span.start].trim();
                gap.contains(',') || matches!(gap, "was" | "were" | "is" | "are" | "was now")
            }
        {
            continue;
        }
        out.push(Claim::PercentChange(PercentChangeClaim {
            percent: pi,
            from: Some(bi),
            to: ci,
            amount: None,
            trend: Some(trend),
            from_scale: inherited_scale(base, compared),
            span: cover(&[compared.span, pq.span, base.span]),
        }));
    }
}

/// Does figure `q` end just before token `at`: within `near` tokens, or a few words further
/// back when only words and a comma come between ("45 goals this season, 12 more", "71% at
/// the last election, a fall of")?
fn just_before(p: &Para, q: &Quantity, at: usize, near: usize) -> bool {
    q.last_tok < at && (at - q.last_tok <= near || words_then_comma(p, q.last_tok, at, 8))
}

/// Between token `end` and token `at` (`end < at`, at most `far` apart) only words, then a
/// comma right before `at`.
fn words_then_comma(p: &Para, end: usize, at: usize, far: usize) -> bool {
    at - end <= far
        && p.is_punct(at - 1, ",")
        && (end + 1..at - 1).all(|k| p.is_word(k) || year_after_word(p, k))
}

/// Is token `k` a year after a word ("in 1986", "for 2023"), which reads as words do?
fn year_after_word(p: &Para, k: usize) -> bool {
    k > 0
        && p.is_word(k - 1)
        && is_year(p, k)
        && !(p.attached(k + 1) && p.is_punct_any(k + 1, &["-", "/", "–"]))
}

/// Is token `k` four digits of a year ("1986", "2023")?
fn is_year(p: &Para, k: usize) -> bool {
    p.is_digits(k)
        && p.t(k).len() == 4
        && p.t(k)
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Is quantity `i` already the percentage of a percent-change claim?
fn states_percent_change(claims: &[Claim], i: usize) -> bool {
    claims
        .iter()
        .any(|c| matches!(c, Claim::PercentChange(pc) if pc.percent == i))
}

/// "73, 53 more than the 20 before"; "a gap of 5 km between 12 km and 17 km".
fn differences(p: &Para, facts: &Facts, qs: &[usize], out: &mut Vec<Claim>) {
    let all = &facts.quantities;
    let words = &p.vocab.comparisons;
    for &di in qs {
        let d = &all[di];
        let after = d.noun.as_ref().map_or(d.last_tok, |n| n.tok) + 1;
        let mut found = None;
        for (list, more) in [(&words.more, true), (&words.less, false)] {
            for w in list.iter().filter(|w| w.ends_with("than")) {
                if let Some(end) = p.match_phrase(after, w) {
                    found = Some((end, more));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((end, more)) = found else { continue };
        let Some(ai) = base_after(p, all, qs, end) else {
            continue;
        };
        // The figure compared: just before the difference ("73, 53 more than the 20"), or a
        // few words further back when only words and a comma come between ("45 goals this
        // season, 12 more than ...").
        let Some(&bi) = qs
            .iter()
            .rfind(|&&i| just_before(p, &all[i], d.first_tok, 4) && all[i].sentence == d.sentence)
        else {
            continue;
        };
        let (a, b) = (&all[ai], &all[bi]);
        if !comparable(p, a, b) || !comparable(p, a, d) {
            continue;
        }
        out.push(Claim::Difference(DifferenceClaim {
            larger_is_b: more,
            a: ai,
            b: bi,
            difference: di,
            span: cover(&[b.span, d.span, a.span]),
        }));
    }
    // "fell from $25 to $12, a drop of $13", "62%, down from 71%, a fall of 9 points": two
    // figures joined as a change, then the change named with its amount.
    for &di in qs {
        let d = &all[di];
        let (w, _) = word_before(p, d);
        // "a loss of 870 residents" names a change only here, after two joined figures:
        // alone, "a loss of $5m" is a result, not a change.
        let named = w >= 2
            && p.tl(w) == "of"
            && (trend_of(p, p.tl(w - 1)).is_some()
                || matches!(p.tl(w - 1), "loss" | "gain" | "majority" | "margin"))
            && matches!(p.tl(w - 2), "a" | "an");
        // "a fall of 9 points" between two percentages is a difference in points.
        let points = d.unit == p.vocab.units.percentage_point
            || (d.dimension == Dimension::Count
                && d.unit.is_none()
                && d.noun.as_ref().is_some_and(|n| n.lemma == "point"));
        let named_elsewhere = states_percent_change(out, di);
        if !named
            || (d.dimension == Dimension::Percent && !points)
            || named_elsewhere
            || d.range.is_some()
            || d.vague
        {
            continue;
        }
        let article = w - 2;
        // The nearer figure ends just before ("$12, a drop of"), the other joined to it.
        let Some(&bi) = qs
            .iter()
            .rfind(|&&i| just_before(p, &all[i], article, 3) && all[i].sentence == d.sentence)
        else {
            continue;
        };
        let b = &all[bi];
        let Some(&ai) = qs.iter().rfind(|&&i| {
            let q = &all[i];
            q.last_tok < b.first_tok && b.first_tok - q.last_tok <= 4 && q.sentence == d.sentence
        }) else {
            continue;
        };
        let a = &all[ai];
        let joined = (a.last_tok + 1..b.first_tok).any(|k| matches!(p.tl(k), "to" | "from"));
        if !joined || a.range.is_some() || b.range.is_some() || a.vague || b.vague {
            continue;
        }
        // Points between percentages are the percent rules'; temperatures in one scale only.
        // Temperatures: a change in the figures' own scale, in degrees the size of a kelvin
        // (the difference check reads both in the figures' scale: Fahrenheit is left out).
        let reg = &p.vocab.units.registry;
        let temperature = a.dimension.family() == Dimension::Temperature;
        let same_unit = a.unit == b.unit
            && (!temperature
                || (d.dimension.family() == Dimension::Temperature
                    && d.unit.is_some_and(|u| reg.get(u).factor == 1.0)
                    && (d.unit == a.unit
                        || a.unit.is_some_and(|u| reg.get(u).difference == d.unit))));
        let percentages = a.unit.is_some() && a.unit == p.vocab.units.percent;
        if points != percentages
            || !same_unit
            || !comparable(p, a, b)
            || (!temperature && !points && !comparable(p, a, d))
        {
            continue;
        }
        out.push(Claim::Difference(DifferenceClaim {
            larger_is_b: b.stated() > a.stated(),
            a: ai,
            b: bi,
            difference: di,
            span: cover(&[a.span, b.span, d.span]),
        }));
    }
    changes_by_an_amount(p, facts, qs, out);
    // "a gap of D between A and B"
    for &di in qs {
        let d = &all[di];
        let (w, _) = word_before(p, d);
        let gap_word = w >= 1
            && matches!(p.tl(w), "of")
            && matches!(p.tl(w - 1), "gap" | "difference" | "margin");
        if !gap_word {
            continue;
        }
        let j = d.last_tok + 1;
        if p.tl(j) != "between" {
            continue;
        }
        let Some(ai) = figure_at(all, qs, j + 1) else {
            continue;
        };
        let a = &all[ai];
        // "between 12 km and 17 km" was read as one range.
        if a.range.is_some() && !a.vague && comparable(p, a, d) {
            out.push(Claim::Difference(DifferenceClaim {
                larger_is_b: true,
                a: ai,
                b: ai,
                difference: di,
                span: cover(&[d.span, a.span]),
            }));
            continue;
        }
        if p.tl(a.last_tok + 1) != "and" {
            continue;
        }
        let Some(bi) = figure_at(all, qs, a.last_tok + 2) else {
            continue;
        };
        if comparable(p, a, &all[bi]) && comparable(p, a, d) {
            out.push(Claim::Difference(DifferenceClaim {
                larger_is_b: true,
                a: ai,
                b: bi,
                difference: di,
                span: cover(&[d.span, all[bi].span]),
            }));
        }
    }
}

/// A change by an amount from a base: "rose to 214, up 38 from 176", "rose 12 to 42 from 30",
/// "rose by 12 to 42 from 30", "now 42, an increase of 12 from 30".
fn changes_by_an_amount(p: &Para, facts: &Facts, qs: &[usize], out: &mut Vec<Claim>) {
    let all = &facts.quantities;
    let units = &p.vocab.units;
    for &di in qs {
        let d = &all[di];
        // "raised rates by 0.25 percentage points to 5.25% from 5%": points between percentages.
        let points = d.unit.is_some() && d.unit == units.percentage_point;
        if (d.dimension == Dimension::Percent && !points) || d.range.is_some() || d.vague {
            continue;
        }
        // The change word: "up 38", "rose 12", "rose by 12", "an increase of 12".
        let (w, _) = word_before(p, d);
        let change = match p.tl(w) {
            // "rose by 12", "raised rates by 0.25 points": the verb may take an object first.
            "by" if w >= 1 => (w.saturating_sub(3)..w)
                .rev()
                .take_while(|&k| p.is_word(k))
                .find_map(|k| Some((k, trend_of(p, p.tl(k))?))),
            "of" if w >= 2 && matches!(p.tl(w - 2), "a" | "an") => {
                trend_of(p, p.tl(w - 1)).map(|t| (w - 2, t))
            }
            _ if p.is_word(w) => strong_change(p, w)
                .or_else(|| trend_of(p, p.tl(w)))
                .map(|t| (w, t)),
            _ => None,
        };
        let Some((first_word, trend)) = change else {
            continue;
        };
        let figure_at = |k: usize| figure_at(all, qs, k);
        let after = d.noun.as_ref().map_or(d.last_tok, |n| n.tok) + 1;
        // "12 to 42 from 30": the level after "to", then the base after "from".
        let (level, from_at) = if p.tl(after) == "to"
            && let Some(l) = figure_at(after + 1)
        {
            (
                Some(l),
                all[l].noun.as_ref().map_or(all[l].last_tok, |n| n.tok) + 1,
            )
        } else {
            (None, after)
        };
        if p.tl(from_at) != "from" {
            continue;
        }
        let Some(bi) = figure_at(from_at + 1) else {
            continue;
        };
        // "rose by 12 from 30 to 42": the level after the base.
        let base_end = all[bi].noun.as_ref().map_or(all[bi].last_tok, |n| n.tok);
        let level = level.or_else(|| {
            (p.tl(base_end + 1) == "to")
                .then(|| figure_at(base_end + 2))
                .flatten()
        });
        // "rose to 214, up 38 from 176", "now 42, an increase of 12": the level just before.
        let level = level.or_else(|| {
            let upto = qs.partition_point(|&i| all[i].first_tok < first_word);
            qs[..upto].iter().rev().take(3).copied().find(|&i| {
                just_before(p, &all[i], first_word, 4)
                    && all[i].sentence == d.sentence
                    && all[i].dimension != Dimension::Percent
            })
        });
        let Some(li) = level else { continue };
        let (base, lvl) = (&all[bi], &all[li]);
        let percentages = base.unit.is_some() && base.unit == units.percent;
        if base.range.is_some()
            || lvl.range.is_some()
            || base.vague
            || lvl.vague
            || base.dimension.family() == Dimension::Temperature
            || !comparable(p, base, lvl)
            || points != percentages
            || (!points && !comparable(p, base, d))
        {
            continue;
        }
        out.push(Claim::Difference(DifferenceClaim {
            larger_is_b: trend == Trend::Up,
            a: bi,
            b: li,
            difference: di,
            span: cover(&[lvl.span, d.span, base.span]),
        }));
    }
}

/// The figure of the sentence (`qs`, in text order) that starts at token `k`: a binary search,
/// not a scan per figure.
fn figure_at(all: &[Quantity], qs: &[usize], k: usize) -> Option<usize> {
    let at = qs.partition_point(|&i| all[i].first_tok < k);
    qs.get(at).copied().filter(|&i| all[i].first_tok == k)
}

/// "a total of 12: 5 missiles, 3 launchers and 4 shells"; "of the 10, 6 ... and 5 ...";
/// percentage breakdowns of one whole.
fn totals(
    p: &Para,
    facts: &Facts,
    ms: &[usize],
    t0: usize,
    t1: usize,
    qs: &[usize],
    out: &mut Vec<Claim>,
) {
    let all = &facts.quantities;
    let words = &p.vocab.comparisons;
    for &ti in qs {
        let t = &all[ti];
        if t.dimension == Dimension::Percent || t.range.is_some() {
            continue;
        }
        let (w, _) = word_before(p, t);
        // "a total of 12", and set off by a comma: "In all, 1,150 people".
        let before_total = words.total_before.iter().any(|phrase| {
            p.match_phrase_before(w + 1, phrase).is_some()
                || (p.is_punct(w, ",") && p.match_phrase_before(w, phrase).is_some())
        });
        // "The 27 victims were 15 women, 9 men and 5 children": the whole, then its parts.
        // The whole's noun, or the word after it ("the $3.2bn budget comprises ...").
        let end_tok = match &t.noun {
            Some(n) => Some(n.tok),
            None if p.is_word(t.last_tok + 1) => Some(t.last_tok + 1),
            None => None,
        };
        // "The 450 victims included 290 adults and 180 children": parts that need not fill
        // the whole but may not exceed it.
        let included = end_tok.is_some_and(|e| {
            matches!(
                p.tl(e + 1),
                "included" | "include" | "includes" | "including"
            )
        });
        let copula = end_tok.is_some_and(|e| {
            let verb = match (p.tl(e + 1), p.tl(e + 2)) {
                (
                    "were" | "are" | "comprised" | "comprise" | "comprises" | "comprising"
                    | "included" | "include" | "includes" | "including",
                    _,
                ) => Some(e + 1),
                ("consist" | "consists" | "consisted", "of") => Some(e + 2),
                _ => None,
            };
            p.tl(w) == "the"
                && verb.is_some_and(|v| {
                    all.iter()
                        .any(|q| q.first_tok == v + 1 && q.dimension == t.dimension)
                })
        });
        let after_total = matches!(
            p.tl(t.noun.as_ref().map_or(t.last_tok, |n| n.tok) + 1),
            "in"
        ) && matches!(
            p.tl(t.noun.as_ref().map_or(t.last_tok, |n| n.tok) + 2),
            "total" | "all"
        );
        let of_the = p.tl(w) == "the"
            && w >= 1
            && p.tl(w - 1) == "of"
            && p.is_punct(t.noun.as_ref().map_or(t.last_tok, |n| n.tok) + 1, ",");
        if !(before_total || after_total || of_the || copula) {
            continue;
        }
        // The parts: the figures after the total in this sentence, of the same kind, listed.
        let parts: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| {
                let q = &all[i];
                // Parts of a count total may name different things ("5 missiles, 3 launchers").
                let kind_ok = if t.dimension == Dimension::Count {
                    q.dimension == Dimension::Count
                } else {
                    comparable(p, q, t)
                };
                q.first_tok > t.last_tok && kind_ok && q.range.is_none() && q.hedge.is_none()
            })
            .collect();
        if parts.len() < 2 || t.hedge.is_some() {
            continue;
        }
        // Only a list: parts joined by commas, "and", a colon, or "including".
        let listed = parts.windows(2).all(|w| {
            let gap_from = all[w[0]]
                .noun
                .as_ref()
                .map_or(all[w[0]].span.end, |n| p.end(n.tok));
            let between = &p.lower[gap_from.min(all[w[1]].span.start)..all[w[1]].span.start];
            between.len() <= 40
                && (between.contains(',') || between.contains(" and ") || between.contains(';'))
        });
        if !listed {
            continue;
        }
        out.push(Claim::Total(TotalClaim {
            total: Some(ti),
            parts: parts.clone(),
            percent: false,
            exclusive: true,
            whole_of: of_the || included,
            span: cover(&[t.span, all[*parts.last().expect("two parts")].span]),
        }));
        return;
    }
    // Percentage breakdowns: three or more percentages of one whole.
    let percents: Vec<usize> = qs
        .iter()
        .copied()
        .filter(|&i| {
            all[i].dimension == Dimension::Percent
                && all[i].unit == p.vocab.units.percent
                && all[i].range.is_none()
        })
        .collect();
    if percents.len() >= 3 {
        let sentence = &p.lower[p.start(t0)..p.end(t1.saturating_sub(1).max(t0))];
        let changes = (t0..t1).any(|k| strong_change(p, k).is_some());
        if changes || !ms.is_empty() {
            return;
        }
        let exclusive = words
            .total_rest
            .iter()
            .any(|r| sentence.contains(r.as_str()));
        out.push(Claim::Total(TotalClaim {
            total: None,
            parts: percents.clone(),
            percent: true,
            exclusive,
            whole_of: false,
            span: cover(&percents.iter().map(|&i| all[i].span).collect::<Vec<_>>()),
        }));
    }
}

/// Two counts of the same thing set side by side ("73 railcars ... whereas ... about 20
/// railcars"): a comparison the reader will make, recomputed for `--show-passed`.
fn contrasts(p: &Para, facts: &Facts, qs: &[usize], claimed: &[usize], out: &mut Vec<Claim>) {
    let all = &facts.quantities;
    // Each count is set against the next few counts of the same thing only: a sentence with
    // hundreds of them must not cost (nor list) every pair, each rescanning the text between.
    const PARTNERS: usize = 4;
    for (x, &i) in qs.iter().enumerate() {
        let a = &all[i];
        let Some(noun) = &a.noun else { continue };
        if a.dimension != Dimension::Count || claimed.contains(&i) {
            continue;
        }
        let mut partners = 0;
        for &j in &qs[x + 1..] {
            let b = &all[j];
            if b.noun.as_ref().is_none_or(|m| m.lemma != noun.lemma) {
                continue;
            }
            partners += 1;
            if partners > PARTNERS {
                break;
            }
            if claimed.contains(&j) {
                continue;
            }
            let between = &p.lower[a.span.end..b.span.start];
            let contrast = [
                "whereas",
                "while",
                "compared with",
                "compared to",
                "against",
                "versus",
                "vs",
                "up from",
                "down from",
                "from",
                "than",
                "but",
            ]
            .iter()
            .any(|w| between.contains(w));
            if contrast {
                out.push(Claim::Comparison(ComparisonClaim {
                    a: i,
                    b: j,
                    span: a.span.cover(&b.span),
                }));
            }
        }
    }
}

fn cover(spans: &[Span]) -> Span {
    spans.iter().skip(1).fold(spans[0], |acc, s| acc.cover(s))
}

/// True when a hedge makes a multiple a lower bound ("more than doubled").
pub fn is_lower(h: Option<HedgeKind>) -> bool {
    h.is_some_and(|h| h.is_lower_bound())
}
