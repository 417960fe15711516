//! Conversion checks share one evaluation: every stated conversion recomputed with exact uom
//! factors, in both directions, under every reading of an ambiguous unit, with the interval model.

pub mod ambiguous_unit;
pub mod dimension;
pub mod mismatch;
pub mod missing;
pub mod order;
pub mod overprecise;
pub mod slips;

use super::Context;
use super::style::{exact_text, format_like, in_quotes};
use crate::claims::{Claim, ConversionClaim};
use crate::diagnostic::{Expected, Fix};
use crate::extract::{Quantity, Span, TemperatureReading};
use crate::interval::{Interval, stated_interval};
use crate::units::{Dimension, UnitId, UnitRegistry};
use crate::vocab::HedgeKind;

/// One way of reading a pair: which unit each side is, and whether temperatures are
/// differences.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub a: UnitId,
    pub b: UnitId,
    pub difference: bool,
    /// A change of temperature no word marks: it holds only read forward, to every digit.
    pub guessed: bool,
    /// Lower is more plausible: 0 for the default reading of both sides.
    pub rank: usize,
}

/// The result of recomputing one side from the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Direction {
    /// True when `a` is the source and `b` the recomputed side.
    pub from_a: bool,
    /// The exact conversion of each end of the source, in the target's unit.
    pub exact: Vec<f64>,
    /// The target's interval at each end.
    pub target: Vec<Interval>,
    /// Worst miss over the ends, in half-widths of the lenient interval (0 when it holds).
    pub miss: f64,
    /// Worst miss against the strict reading of the derived figure: what sets severity.
    pub strict_miss: f64,
}

impl Direction {
    pub fn holds(&self) -> bool {
        self.miss == 0.0
    }
}

/// A pair under one reading: both directions.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub reading: Reading,
    pub forward: Direction,
    pub backward: Direction,
}

impl Evaluation {
    pub fn holds(&self) -> bool {
        self.forward.holds() || (!self.reading.guessed && self.backward.holds())
    }

    /// How far off the pair is under the strict reading, the better direction: more than 1 is
    /// clearly wrong (error), up to 1 is wrong only just beyond the writer's rounding (warning).
    pub fn miss(&self) -> f64 {
        self.forward.strict_miss.min(self.backward.strict_miss)
    }
}

/// Everything the conversion rules need to know about one claim.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub claim: ConversionClaim,
    /// Same physical family (false for "10 km (6 kg)").
    pub comparable: bool,
    /// Evaluations, most plausible reading first.
    pub evaluations: Vec<Evaluation>,
}

impl Verdict {
    /// The most plausible reading.
    pub fn preferred(&self) -> Option<&Evaluation> {
        self.evaluations.first()
    }

    /// Holds under a reading as plausible as the preferred one.
    pub fn holds(&self) -> bool {
        let Some(best) = self.preferred() else {
            return false;
        };
        self.evaluations
            .iter()
            .filter(|e| e.reading.rank == best.reading.rank)
            .any(|e| e.holds())
    }

    /// A less plausible reading under which it holds (ambiguous units).
    pub fn holds_otherwise(&self) -> Option<&Evaluation> {
        if self.holds() {
            return None;
        }
        self.evaluations.iter().find(|e| e.holds())
    }
}

/// The conversion verdicts of a paragraph, computed once and shared by the conversion rules.
pub fn verdicts<'c>(ctx: &'c Context) -> &'c [Verdict] {
    ctx.cache.conversions.get_or_init(|| {
        ctx.claims
            .iter()
            .filter_map(|c| match c {
                Claim::Conversion(c) => Some(evaluate(ctx, c)),
                #[allow(unreachable_patterns)]
                _ => None,
            })
            .collect()
    })
}

/// The ends of a quantity's figure: one for a value, two for a range.
pub fn ends(q: &Quantity) -> Vec<f64> {
    match (q.value, q.range) {
        (Some(v), _) => vec![v],
        (None, Some((a, b))) => vec![a, b],
        _ => vec![q.stated()],
    }
}

/// The hedge a derived figure is read with in a conversion: its own "about" or "nearly", or a
/// symmetric widening when the source is approximate ("some 230 km (150 miles)"). A bound
/// ("at least 50,000 square meters (538,000 square feet)", "well over 100 degrees") converts
/// as a bound: the two figures must still be each other's conversion, so it does not open
/// the interval.
pub fn pair_hedge(source: &Quantity, derived: &Quantity) -> Option<HedgeKind> {
    let widening = |h: Option<HedgeKind>| match h {
        Some(HedgeKind::About) => Some(HedgeKind::About),
        Some(HedgeKind::Nearly) => Some(HedgeKind::Nearly),
        _ => None,
    };
    widening(derived.hedge).or(match source.hedge {
        Some(HedgeKind::About) | Some(HedgeKind::Nearly) => Some(HedgeKind::About),
        _ => None,
    })
}

/// How a derived figure's rounding is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Its last non-zero digit: "10" may be 5..15 (the figure in brackets, read as the writer
    /// rounded it).
    Lenient,
    /// Never coarser than two significant figures of the exact value: when the first figure is
    /// read as the conversion of the bracketed one, "100 km" for 80.5 km cannot hide behind
    /// rounding to hundreds.
    TwoFigures,
    /// Every written digit counts, but a trade's customary step still holds (the other
    /// direction).
    Strict,
    /// Every written digit counts, whatever the custom: how far off a pair is (severity).
    Digits,
}

/// The interval a derived end stands for, given the exact value it should be.
pub fn derived_interval(
    derived: &Quantity,
    end: f64,
    exact: f64,
    hedge: Option<HedgeKind>,
    ctx: &Context,
    rounding: Rounding,
) -> Interval {
    let mut step = match rounding {
        Rounding::Strict | Rounding::Digits => derived.precision.strict_step,
        _ => derived.precision.lenient_step * rounded_to_five(derived, end),
    };
    if rounding == Rounding::TwoFigures && exact != 0.0 && exact.is_finite() {
        let cap = 10f64.powi(exact.abs().log10().floor() as i32 - 1);
        step = step.min(cap).max(derived.precision.strict_step);
    }
    if rounding != Rounding::Digits
        && let Some(customary) = customary_step(ctx, derived, end)
    {
        step = step.max(customary);
    }
    let widths = &ctx.para.vocab.hedges.widths;
    let iv = stated_interval(end, step, hedge, widths);
    if derived.vague { derived.interval } else { iv }
}

/// 5 when a bracketed figure of three or more significant digits ends in 5 ("360 km/h (225
/// mph)", "(2,250 km)"): writers round conversions to the nearest five of the last place.
/// Else 1.
fn rounded_to_five(q: &Quantity, end: f64) -> f64 {
    let step = q.precision.lenient_step;
    if !(step > 0.0 && end.is_finite()) {
        return 1.0;
    }
    let significand = (end.abs() / step).round();
    if significand >= 100.0 && significand % 10.0 == 5.0 {
        5.0
    } else {
        1.0
    }
}

/// The step a trade rounds this figure to (`[[customary_step]]` in `rules/units.toml`): the
/// figure is in the step's unit and a multiple of it, and one of its words is in the sentence.
/// "Preheat the oven to 180C (350F)" holds, since recipes give Fahrenheit to 25 degrees.
fn customary_step(ctx: &Context, q: &Quantity, end: f64) -> Option<f64> {
    let unit = q.unit?;
    let steps = &ctx.para.vocab.units.customary_steps;
    let c = steps
        .iter()
        .find(|c| c.unit == unit && (end / c.step).fract() == 0.0)?;
    let &(start, stop) = ctx.facts.sentences.get(q.sentence)?;
    let p = ctx.para;
    let words = p.tok_at(start)..p.tok_at(stop);
    words
        .into_iter()
        .any(|k| c.words.iter().any(|w| w == p.tl(k)))
        .then_some(c.step)
}

/// Converts between units; temperatures as differences when `difference` is set.
pub fn convert(reg: &UnitRegistry, v: f64, from: UnitId, to: UnitId, difference: bool) -> f64 {
    if difference {
        let f = reg.get(from).difference.unwrap_or(from);
        let t = reg.get(to).difference.unwrap_or(to);
        reg.convert_width(v, f, t)
    } else {
        reg.convert(v, from, to)
    }
}

fn direction(
    ctx: &Context,
    src: &Quantity,
    dst: &Quantity,
    from: UnitId,
    to: UnitId,
    mode: TemperatureMode,
    from_a: bool,
) -> Direction {
    let difference = mode.difference;
    // The figure in brackets may be rounded as the writer likes; the first figure, read as the
    // conversion of the bracketed one, only to its written digits ("100 miles (165 km)": 165 km
    // is 102.5 miles, which "100" does not say). A guessed reading holds only to the digits.
    let rounding = if from_a && !mode.guessed {
        Rounding::Lenient
    } else {
        Rounding::Strict
    };
    let reg = &ctx.para.vocab.units.registry;
    let src_ends = ends(src);
    let dst_ends = ends(dst);
    let hedge = pair_hedge(src, dst);
    let mut exact = Vec::new();
    let mut target = Vec::new();
    let mut miss: f64 = 0.0;
    let mut strict_miss: f64 = 0.0;
    // A range converts end to end; a single figure against a range meets it anywhere.
    if src_ends.len() == dst_ends.len() {
        for (s, d) in src_ends.iter().zip(&dst_ends) {
            let x = convert(reg, *s, from, to, difference);
            let iv = derived_interval(dst, *d, x, hedge, ctx, rounding);
            miss = miss.max(iv.miss(x));
            let strict = derived_interval(dst, *d, x, hedge, ctx, Rounding::Digits);
            strict_miss = strict_miss.max(strict.miss(x));
            exact.push(x);
            target.push(iv);
        }
    } else {
        let xs: Vec<f64> = src_ends
            .iter()
            .map(|s| convert(reg, *s, from, to, difference))
            .collect();
        let lo = xs.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let d_lo = dst_ends.iter().cloned().fold(f64::INFINITY, f64::min);
        let d_hi = dst_ends.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let iv_lo = derived_interval(dst, d_lo, lo, hedge, ctx, rounding);
        let iv_hi = derived_interval(dst, d_hi, hi, hedge, ctx, rounding);
        let iv = Interval::new(iv_lo.lo, iv_hi.hi);
        let covered = Interval::new(lo, hi);
        miss = if iv.intersects(&covered) {
            0.0
        } else {
            iv.miss(if lo > iv.hi { lo } else { hi })
        };
        strict_miss = miss;
        exact = xs;
        target.push(iv);
    }
    Direction {
        from_a,
        exact,
        target,
        miss,
        strict_miss,
    }
}

/// The units a side may be in: its reading first, then the alternatives of an ambiguous word.
fn unit_readings(q: &Quantity) -> Vec<UnitId> {
    let mut v: Vec<UnitId> = q.unit.into_iter().collect();
    v.extend(q.alternatives.iter().copied());
    v
}

/// How a temperature pair may be read: as temperatures or as a change of temperature, and
/// whether that reading is only a guess the words around the figures do not support.
#[derive(Clone, Copy)]
struct TemperatureMode {
    difference: bool,
    guessed: bool,
}

/// Temperature readings for the pair: a difference on either side makes both differences.
/// When neither side is settled, both readings are tried, the change only as a guess: it must
/// then hold read forward (the bracketed figure from the first) to every written digit, so "30C (50F)" (30C is 86F, and a change of 30C is 54F,
/// which 50 holds only when read as rounded to ten) is not explained away as a change, while
/// "the 1.5C (2.7F) target" still is one.
fn temperature_modes(a: &Quantity, b: &Quantity) -> Vec<TemperatureMode> {
    let mode = |difference, guessed| TemperatureMode {
        difference,
        guessed,
    };
    match temperature_readings(a, b) {
        Some(difference) => vec![mode(difference, false)],
        None => vec![mode(false, false), mode(true, true)],
    }
}

/// The settled reading of a temperature pair: `Some(true)` a change, `Some(false)`
/// temperatures (also for pairs that are not temperatures), `None` when the words do not say.
fn temperature_readings(a: &Quantity, b: &Quantity) -> Option<bool> {
    let diff = |q: &Quantity| {
        q.dimension == Dimension::TemperatureDifference
            || q.temperature == Some(TemperatureReading::Difference)
    };
    let abs = |q: &Quantity| q.temperature == Some(TemperatureReading::Absolute);
    if a.dimension.family() != Dimension::Temperature {
        return Some(false);
    }
    if diff(a) || diff(b) {
        Some(true)
    } else if abs(a) || abs(b) {
        Some(false)
    } else {
        None
    }
}

/// Recomputes one conversion claim.
pub fn evaluate(ctx: &Context, claim: &ConversionClaim) -> Verdict {
    let qs = &ctx.facts.quantities;
    let (a, b) = (&qs[claim.a], &qs[claim.b]);
    let comparable = a.dimension.family() == b.dimension.family();
    let mut evaluations = Vec::new();
    if comparable {
        let ua = unit_readings(a);
        let ub = unit_readings(b);
        for (ia, ra) in ua.iter().enumerate() {
            for (ib, rb) in ub.iter().enumerate() {
                if ra == rb {
                    continue;
                }
                for mode in temperature_modes(a, b) {
                    let difference = mode.difference;
                    let reading = Reading {
                        a: *ra,
                        b: *rb,
                        difference,
                        guessed: mode.guessed,
                        rank: ia + ib,
                    };
                    let forward = direction(ctx, a, b, *ra, *rb, mode, true);
                    let backward = direction(ctx, b, a, *rb, *ra, mode, false);
                    evaluations.push(Evaluation {
                        reading,
                        forward,
                        backward,
                    });
                }
            }
        }
        evaluations.sort_by_key(|e| e.reading.rank);
    }
    Verdict {
        claim: claim.clone(),
        comparable,
        evaluations,
    }
}

/// The text of a quantity as written in the paragraph.
pub fn text<'a>(ctx: &'a Context, q: &Quantity) -> &'a str {
    &ctx.para.text[q.span.start..q.span.end]
}

/// The unit as the writer wrote it ("miles", "km", "°F"), for messages.
pub fn unit_text(ctx: &Context, q: &Quantity) -> String {
    match q.unit_span {
        Some(s) if s.end <= ctx.para.text.len() => ctx.para.text[s.start..s.end]
            .trim_start_matches('-')
            .to_string(),
        _ => q.unit_name.as_deref().unwrap_or_default().to_string(),
    }
}

/// Exact values for a message, in the derived figure's scale: "24.9", "18.6 to 34.2",
/// "2,485.1 million".
pub fn exact_values(xs: &[f64], derived: &Quantity) -> String {
    let scale = if derived.scale > 1.0 {
        derived.scale
    } else {
        1.0
    };
    let step = derived.precision.strict_step / scale;
    let parts: Vec<String> = xs
        .iter()
        .map(|x| {
            let v = x / scale;
            let extra = if v.abs() < 1000.0 { 1 } else { 0 };
            exact_text(v, (crate::interval::decimals_for(step) + extra).min(3))
        })
        .collect();
    let word = if scale == 1e3 {
        " thousand"
    } else if scale == 1e6 {
        " million"
    } else if scale == 1e9 {
        " billion"
    } else if scale == 1e12 {
        " trillion"
    } else {
        ""
    };
    format!("{}{word}", parts.join(" to "))
}

/// The plural of a unit word written in the singular ("mile" -> "miles", "foot" -> "feet"),
/// when the vocabulary knows it as the same unit: a figure other than one takes it.
fn plural_unit(ctx: &Context, q: &Quantity, unit: &str) -> Option<String> {
    let id = q.unit?;
    if unit.len() < 3 || !unit.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let names = &ctx.para.vocab.units.names;
    let same = |w: &str| names.get(w) == Some(&crate::units::vocab::UnitMatch::Unit(id));
    let candidates = [
        format!("{unit}s"),
        format!("{unit}es"),
        unit.replace("foot", "feet"),
    ];
    candidates.into_iter().find(|c| c != unit && same(c))
}

/// The unit word agreeing with `values`: the writer's, or its plural when the writer's figure
/// was one ("5 km (1 mile)" becomes "3.1 miles", not "3.1 mile").
fn agreeing_unit(ctx: &Context, values: &str, q: &Quantity, unit: String) -> String {
    if values == "1" {
        return unit;
    }
    plural_unit(ctx, q, &unit).unwrap_or(unit)
}

/// "9.9 F" or "9.9F": the exact value with the unit spaced as the writer spaced it.
pub fn with_unit(ctx: &Context, values: &str, q: &Quantity) -> String {
    let unit = agreeing_unit(ctx, values, q, unit_text(ctx, q));
    let attached = q.unit_span.is_some_and(|u| u.start == q.number_span.end) && q.scale <= 1.0;
    if attached || unit.is_empty() {
        format!("{values}{unit}")
    } else {
        format!("{values} {unit}")
    }
}

/// How many of the smaller unit make one of the larger, for a figure written in two units as
/// one quantity ("6ft 2in": 12, "7lb 8oz": 16, "11 stone 4lb": 14).
fn minor_per(ctx: &Context, q: &Quantity) -> Option<f64> {
    let key = ctx.para.vocab.units.registry.get(q.unit?).key.as_str();
    let per = match key {
        "foot" => 12.0,
        "pound_mass" => 16.0,
        "stone" => 14.0,
        _ => return None,
    };
    let compound = q.range.is_none() && (q.precision.strict_step - 1.0 / per).abs() < 1e-9;
    compound.then_some(per)
}

/// A value written the way a two-unit figure is ("6ft 2in" for 6.17 ft against "6ft 6in"):
/// the digits of both parts replaced. `None` for other figures, or when the figure is not
/// written with two runs of digits ("six foot two").
fn compound_text(ctx: &Context, q: &Quantity, exact: &[f64]) -> Option<(Span, String)> {
    let per = minor_per(ctx, q)?;
    let [x] = exact else { return None };
    let span = Span::new(q.digits_span.start, q.span.end);
    let written = ctx.para.text.get(span.start..span.end)?;
    let mut major = x.floor();
    let mut minor = ((x - major) * per).round();
    if minor >= per {
        major += 1.0;
        minor = 0.0;
    }
    // The two runs of digits in the written figure.
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in written.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                runs.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        runs.push((a, written.len()));
    }
    let [(a1, b1), (a2, b2)] = runs.as_slice() else {
        return None;
    };
    let text = format!(
        "{}{}{}{}{}",
        &written[..*a1],
        major as i64,
        &written[*b1..*a2],
        minor as i64,
        &written[*b2..]
    );
    Some((span, text))
}

/// An exact value for a message, with the figure's unit: "24.9 miles", "6ft 2in".
pub fn shown(ctx: &Context, xs: &[f64], q: &Quantity) -> String {
    match compound_text(ctx, q, xs) {
        Some((_, text)) => text,
        None => with_unit(ctx, &exact_values(xs, q), q),
    }
}

/// The fix for a derived figure: its digits rewritten to the exact conversion, rounded as the
/// writer rounds. `None` inside quotation marks.
pub fn suggestion(ctx: &Context, derived: &Quantity, exact: &[f64]) -> Option<Fix> {
    if in_quotes(ctx.para, derived.span.start) {
        return None;
    }
    if minor_per(ctx, derived).is_some() {
        // Both parts of "6ft 6in" change together, or not at all.
        let (span, replacement) = compound_text(ctx, derived, exact)?;
        return Some(Fix {
            span,
            replacement,
            safe: true,
        });
    }
    let scale = if derived.scale > 0.0 {
        derived.scale
    } else {
        1.0
    };
    // "Bake at 180C (375F)" is fixed to 350F, the step recipes round to.
    let customary = customary_step(ctx, derived, derived.stated()).unwrap_or(0.0);
    let step = derived.precision.lenient_step.max(customary) / scale;
    let custom = |x: f64| {
        if customary > 0.0 {
            (x / customary).round() * customary
        } else {
            x
        }
    };
    let exact: Vec<f64> = exact.iter().map(|&x| custom(x)).collect();
    let t = &ctx.para.text;
    let low = derived.digits_span;
    let low_text = &t[low.start..low.end];
    match (derived.high_digits_span, exact.as_slice()) {
        (Some(high), [lo, hi]) => {
            let middle = &t[low.end..high.start];
            let high_text = &t[high.start..high.end];
            let replacement = format!(
                "{}{}{}",
                format_like(lo / scale, step, 2, low_text),
                middle,
                format_like(hi / scale, step, 2, high_text)
            );
            Some(Fix {
                span: Span::new(low.start, high.end),
                replacement,
                safe: true,
            })
        }
        (None, [x]) => {
            let digits = format_like(x / scale, step, 2, low_text);
            // "1 mile" rewritten to "3.1 miles": the unit word follows the number.
            if let Some(u) = derived.unit_span
                && u.start >= low.end
                && t[low.end..u.start].trim().is_empty()
                && derived.scale <= 1.0
            {
                let unit = &t[u.start..u.end];
                let agreed = agreeing_unit(ctx, &digits, derived, unit.to_string());
                if agreed != unit {
                    return Some(Fix {
                        span: Span::new(low.start, u.end),
                        replacement: format!("{digits}{}{agreed}", &t[low.end..u.start]),
                        safe: true,
                    });
                }
            }
            Some(Fix {
                span: low,
                replacement: digits,
                safe: true,
            })
        }
        _ => None,
    }
}

/// The expected value as reported in JSON.
pub fn expected(ctx: &Context, derived: &Quantity, exact: &[f64]) -> Expected {
    Expected {
        text: shown(ctx, exact, derived),
        value: exact.first().copied().unwrap_or(f64::NAN),
        unit: derived.unit_name.as_deref().map(String::from),
    }
}
