//! Totals and their parts: "a total of 12: 5 missiles, 3 launchers and 4 shells", "The 27
//! victims were 15 women, 9 men and 5 children", "of the 10, 6 ... and 5 ..." (parts that need
//! not fill the whole), "The council's 2,900 staff are made up of 1,900 in schools, ...", and
//! breakdowns of one whole into three or more percentages ("45% said yes, 40% no and the rest,
//! 15%, did not know").

use super::sentence::Sentence;
use super::tokens::{is_possessive, participle_after, strong_change, word_before};
use super::{comparable, cover, part_of_whole};
use crate::claims::{Claim, TotalClaim};
use crate::units::Dimension;

/// "a total of 12: 5 missiles, 3 launchers and 4 shells"; "of the 10, 6 ... and 5 ...";
/// percentage breakdowns of one whole.
pub(super) fn totals(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence {
        p,
        facts,
        qs,
        ms,
        t0,
        t1,
        ..
    } = *s;
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
        let includes =
            |k: usize| matches!(p.tl(k), "included" | "include" | "includes" | "including");
        // "The firm's workforce of 4,200 includes 2,600 in Britain, ...": the whole named
        // before its figure, the verb right after it.
        let named_includes = p.tl(w) == "of"
            && w >= 1
            && p.is_word(w - 1)
            && includes(t.last_tok + 1)
            && s.figure_at(t.last_tok + 2)
                .is_some_and(|i| all[i].dimension == t.dimension);
        // "rose to 47, including 31 in Kherson and 16 in Zaporizhzhia"
        let comma_including = p.is_punct(t.last_tok + 1, ",") && includes(t.last_tok + 2);
        let named_includes = named_includes || comma_including;
        let included = named_includes || end_tok.is_some_and(|e| includes(e + 1));
        // "The 430 people on board were ...": a short place phrase may come before the verb.
        let end_tok = end_tok.map(|e| {
            if matches!(p.tl(e + 1), "on" | "in" | "at" | "aboard") {
                (e + 2..e + 4)
                    .take_while(|&k| p.is_word(k))
                    .find(|&k| matches!(p.tl(k + 1), "were" | "are" | "comprised" | "included"))
                    .unwrap_or(e)
            } else {
                e
            }
        });
        let copula = end_tok.is_some_and(|e| {
            let verb = match p.tl(e + 1) {
                "were" | "are" | "included" | "include" | "includes" | "including" => Some(e + 1),
                _ => None,
            };
            (p.tl(w) == "the" || is_possessive(p, w))
                && verb.is_some_and(|v| {
                    all.iter()
                        .any(|q| q.first_tok == v + 1 && q.dimension == t.dimension)
                })
        });
        // "The council's 2,900 staff are made up of 1,900 in schools, ...", "Revenue of $2.8bn
        // comprised $1.6bn from ...", "The £4.6m budget is split between repairs (£2.1m), ...":
        // a whole named by "the", a possessive or "X of", then a verb whose parts fill it; the
        // first part within a few words after it. The whole's words come between ("the £1.1tn of
        // public spending breaks down into").
        let named_whole = p.tl(w) == "the"
            || is_possessive(p, w)
            || (p.tl(w) == "of" && w >= 1 && p.is_word(w - 1));
        // "The 1,200 people killed in the raid comprised", "Germany's 13.8 GW of new capacity
        // last year included": up to six words of the whole before its verb.
        let verb_after = |verbs: &[String]| {
            named_whole
                && (t.last_tok..t.last_tok + 7)
                    .take_while(|&e| e == t.last_tok || (p.is_word(e) && p.tl(e) != "and"))
                    .any(|e| {
                        verbs.iter().any(|v| {
                            p.match_phrase(e + 1, v).is_some_and(|v_end| {
                                // "comprise four executives": a figure in words at once.
                                s.figure_at(v_end + 1)
                                    .or_else(|| {
                                        (v_end + 1..v_end + 7)
                                            .find(|&k| !p.is_word(k) && !p.is_punct(k, "("))
                                            .and_then(|k| s.figure_at(k))
                                    })
                                    // Parts of a count may name different things
                                    // ("nine members comprise four executives").
                                    .is_some_and(|i| part_of_whole(p, &all[i], t))
                            })
                        })
                    })
        };
        let filled = verb_after(&words.whole_verbs);
        let within = !filled && verb_after(&words.within_verbs);
        let included = included || within;
        let copula = copula || filled || within;
        // "480 units in all", "26 between them". Parts may follow only "in all" and "in
        // total" ("480 in all: 207 homes, ..."): "The two bridges together carry 160,000
        // vehicles, 95,000 on ..." lists what the two carry, not two parts of two.
        let after_k = t.noun.as_ref().map_or(t.last_tok, |n| n.tok) + 1;
        let after_total = words
            .total_after
            .iter()
            .any(|phrase| p.match_phrase(after_k, phrase).is_some());
        let in_all = ["in all", "in total"]
            .iter()
            .any(|phrase| p.match_phrase(after_k, phrase).is_some());
        // "Of the 10, 6 ...", "Of the £2.4m raised, £1.7m ...": the whole, maybe described by
        // a participle, then a comma.
        let of_the = p.tl(w) == "the" && w >= 1 && p.tl(w - 1) == "of" && {
            let end = t.noun.as_ref().map_or(t.last_tok, |n| n.tok);
            let end = participle_after(p, end).unwrap_or(end);
            p.is_punct(end + 1, ",")
        };
        // "sales of 35.2 billion francs, of which Europe accounted for 15.3 billion, ...": the
        // parts need not fill the whole, unless the last is the rest ("other regions").
        let of_which = p.is_punct(after_k, ",")
            && p.tl(after_k + 1) == "of"
            && matches!(p.tl(after_k + 2), "which" | "whom");
        let rest_named = of_which
            && (after_k + 3..t1).any(|k| {
                matches!(
                    p.tl(k),
                    "other" | "others" | "rest" | "remaining" | "remainder"
                )
            });
        // "ejected 38 fans: 14 on Friday, 11 on Saturday and 9 on Sunday", "31 medals - 10
        // gold, 11 silver and 8 bronze -": the count, then its breakdown after a colon or
        // between dashes.
        let dashes = ["-", "–", "—"];
        let breakdown = p.is_punct(after_k, ":")
            || (p.is_punct_any(after_k, &dashes)
                && (after_k + 2..(after_k + 24).min(t1)).any(|k| p.is_punct_any(k, &dashes)));
        let breakdown =
            breakdown && t.dimension == Dimension::Count && s.figure_at(after_k + 1).is_some();
        if !(before_total
            || after_total
            || of_the
            || copula
            || named_includes
            || breakdown
            || of_which)
        {
            continue;
        }
        let parts_may_follow =
            before_total || in_all || of_the || copula || named_includes || breakdown || of_which;
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
        // "split three ways: 122 yes, 96 no and 32 undecided": a small figure that counts
        // the listed items is not their total.
        // A hedged whole is read only when a verb says its parts fill it ("a budget of about
        // £900 broke down as ...").
        if (t.hedge.is_some() && !filled) || (t.stated() < 10.0 && t.stated() == parts.len() as f64)
        {
            continue;
        }
        if parts.len() < 2 || !parts_may_follow {
            // "207 homes, 117 shops and 136 offices - 480 in all": the parts come first.
            if (before_total || after_total)
                && let Some(before) = parts_before(s, ti)
            {
                out.push(Claim::Total(TotalClaim {
                    total: Some(ti),
                    span: cover(&[all[before[0]].span, t.span]),
                    parts: before,
                    percent: false,
                    exclusive: true,
                    whole_of: false,
                }));
                return;
            }
            continue;
        }
        // "won 28, drew 5 and lost 5, collecting 89 points": the list ends at its "and".
        let mut parts = parts;
        if let Some(last) = parts.windows(2).position(|w| {
            let end = all[w[0]]
                .noun
                .as_ref()
                .map_or(all[w[0]].last_tok, |n| n.tok);
            (end + 1..all[w[1]].first_tok).any(|k| matches!(p.tl(k), "and" | "or"))
        }) {
            parts.truncate(last + 2);
        } else if let Some(&last) = parts.last() {
            // "four Americans, two Russians and one Japanese astronaut": an "and" after the
            // last figure read means a part was not read as a figure; the sum would be short.
            let from = all[last]
                .noun
                .as_ref()
                .map_or(all[last].last_tok, |n| n.tok)
                + 1;
            if (from..(from + 4).min(t1))
                .take_while(|&k| p.is_word(k) || p.is_punct(k, ","))
                .any(|k| p.tl(k) == "and")
            {
                continue;
            }
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
            whole_of: of_the || included || (of_which && !rest_named),
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
        // One list: "52% said yes, 38% no and 10% did not know". Not figures each in a clause
        // of its own: "debt is 98% of GDP, and the deficit is 4.5%, against a target of 3%".
        let one_list = percents.windows(2).all(|w| {
            let gap = &p.lower[all[w[0]].span.end..all[w[1]].span.start];
            gap.len() <= 60
                && (gap.contains(',') || gap.contains(" and ") || gap.contains(';'))
                && ![
                    " is ", " was ", " are ", " were ", "against", "compared", "target",
                ]
                .iter()
                .any(|w| gap.contains(w))
        });
        if !one_list {
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

/// The listed figures just before the total at `ti`: "207 homes, 117 shops and 136 offices -
/// 480 in all", "Kane (12), Saka (9) and Foden (7) - 26 between them". Walking back from the
/// total, each figure must be of its kind and joined to the next by a short gap holding a comma
/// or "and". A sentence may open with a figure that is not in the list ("The council, with 40
/// staff, built 207 homes, ..."), so when the whole run does not add up but a shorter run
/// ending at the total does, the shorter one is the list.
fn parts_before(s: &Sentence, ti: usize) -> Option<Vec<usize>> {
    let (p, all) = (s.p, &s.facts.quantities);
    let t = &all[ti];
    if t.dimension == Dimension::Percent
        || p.tl(t.noun.as_ref().map_or(t.last_tok, |n| n.tok) + 1) == "from"
    {
        return None;
    }
    let pos = s.qs.iter().position(|&i| i == ti)?;
    let mut run: Vec<usize> = Vec::new();
    let mut next_start = t
        .hedge_span
        .map_or(t.span.start, |h| h.start.min(t.span.start));
    for &i in s.qs[..pos].iter().rev() {
        let q = &all[i];
        let kind_ok = if t.dimension == Dimension::Count {
            q.dimension == Dimension::Count
        } else {
            comparable(p, q, t)
        };
        if !kind_ok || q.range.is_some() || q.hedge.is_some() || q.vague {
            break;
        }
        let gap_from = q.noun.as_ref().map_or(q.span.end, |n| p.end(n.tok));
        let gap = &p.lower[gap_from.min(next_start)..next_start];
        let joined = if run.is_empty() {
            // The last part and the total: "and 136 offices - 480", "and £18m on cycling, £93m".
            gap.contains([',', '-', '–', '—', ':', ';'])
        } else {
            gap.contains(',') || gap.contains(" and ") || gap.contains(';')
        };
        if gap.len() > 40 || !joined || gap.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        run.push(i);
        next_start = q.span.start;
    }
    run.reverse();
    if run.len() < 2 {
        return None;
    }
    // The longest run ending at the total that adds up; otherwise the whole run.
    let sum = |parts: &[usize]| {
        parts.iter().fold((0.0, 0.0), |(lo, hi), &i| {
            (lo + all[i].interval.lo, hi + all[i].interval.hi)
        })
    };
    let fits = |parts: &[usize]| {
        let (lo, hi) = sum(parts);
        lo <= t.interval.hi && hi >= t.interval.lo
    };
    let start = (0..=run.len() - 2).find(|&k| fits(&run[k..])).unwrap_or(0);
    Some(run[start..].to_vec())
}
