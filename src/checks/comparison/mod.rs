//! Comparison checks: percent changes, multiples, shares, directions, differences and totals,
//! each recomputed with interval arithmetic on the figures as written.

pub mod difference;
pub mod direction;
pub mod per_capita;
pub mod percent_change;
pub mod percentage_points;
pub mod ratio;
pub mod share;
pub mod total;

use super::Context;
use crate::extract::Quantity;
use crate::interval::Interval;
use crate::units::Dimension;

/// The factor for a figure compared with `partner`: a figure written without its unit ("to 94.0
/// mln dlrs from 80.0 mln") takes its partner's.
pub fn factor_with(ctx: &Context, q: &Quantity, partner: &Quantity) -> f64 {
    if q.unit.is_none() && partner.unit.is_some() {
        base_factor(ctx, partner)
    } else {
        base_factor(ctx, q)
    }
}

/// [`input`] for a figure compared with `partner`.
pub fn input_with(ctx: &Context, q: &Quantity, scale: f64, partner: &Quantity) -> Interval {
    let own = base_factor(ctx, q);
    let k = factor_with(ctx, q, partner) / own;
    input(ctx, q, scale).map(|x| x * k)
}

/// [`value`] for a figure compared with `partner`.
pub fn value_with(ctx: &Context, q: &Quantity, scale: f64, partner: &Quantity) -> f64 {
    q.stated() * factor_with(ctx, q, partner) * scale
}

/// The factor that puts a figure in its family's base: pence in pounds, cents in dollars,
/// kilometres in metres. Counts and percentages are their own base.
pub fn base_factor(ctx: &Context, q: &Quantity) -> f64 {
    match (q.dimension, q.unit) {
        // Percentages and percentage points are 1, basis points 0.01.
        (Dimension::Count, _) | (_, None) => 1.0,
        (Dimension::Temperature, _) => 1.0,
        (_, Some(u)) => ctx.para.vocab.units.registry.get(u).factor,
    }
}

/// The figure's interval (lenient, with its hedge) in its family's base, times `scale`.
pub fn interval(ctx: &Context, q: &Quantity, scale: f64) -> Interval {
    let k = base_factor(ctx, q) * scale;
    Interval::new(q.interval.lo * k, q.interval.hi * k)
}

/// An input figure of a computation ("from A to B"), in its family's base. Figures with a scale
/// word ("249 mln", "$3.1bn") were rounded by the writer and stand for their interval; plain
/// figures ("$4", "15,873 Jeeps", "1130p") are taken as written, widened only by their hedge.
pub fn input(ctx: &Context, q: &Quantity, scale: f64) -> Interval {
    if q.vague || q.range.is_some() {
        return interval(ctx, q, scale);
    }
    // "$200m": every written digit counts; the lenient 150..250 would excuse anything.
    if q.scale > 1.0 || scale > 1.0 {
        return strict(ctx, q, scale);
    }
    let k = base_factor(ctx, q) * scale;
    let widths = &ctx.para.vocab.hedges.widths;
    let iv = crate::interval::stated_interval(q.stated(), 0.0, q.hedge, widths);
    let iv = if iv.lo < 0.0 && q.stated() >= 0.0 {
        Interval::new(0.0, iv.hi)
    } else {
        iv
    };
    Interval::new(iv.lo * k, iv.hi * k)
}

/// A stated result ("a 50% increase", "or 25%", "53 more") read against the exact value it
/// should be: its own rounding step, but no coarser than two significant figures of that
/// value ("30%" for an exact 25% cannot be 25..35).
pub fn derived(ctx: &Context, q: &Quantity, exact: f64) -> Interval {
    let mut step = q.precision.lenient_step;
    if exact != 0.0 && exact.is_finite() {
        let cap = 10f64.powi(exact.abs().log10().floor() as i32 - 1);
        step = step.min(cap).max(q.precision.strict_step);
    }
    let widths = &ctx.para.vocab.hedges.widths;
    let k = base_factor(ctx, q);
    let iv = crate::interval::stated_interval(q.stated(), step, q.hedge, widths);
    Interval::new(iv.lo * k, iv.hi * k)
}

/// The figure's interval under the strict reading.
pub fn strict(ctx: &Context, q: &Quantity, scale: f64) -> Interval {
    let k = base_factor(ctx, q) * scale;
    Interval::new(q.strict.lo * k, q.strict.hi * k)
}

/// The figure as written, in its family's base.
pub fn value(ctx: &Context, q: &Quantity, scale: f64) -> f64 {
    q.stated() * base_factor(ctx, q) * scale
}

/// The quantity's text as written.
pub fn text<'a>(ctx: &'a Context, q: &Quantity) -> &'a str {
    &ctx.para.text[q.span.start..q.span.end]
}

/// "+17.7%" with enough decimals to show the difference from the stated figure.
pub fn percent_text(v: f64, decimals: usize) -> String {
    let d = decimals.clamp(1, 4);
    let s = format!("{:+.*}", d, v);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    format!("{s}%")
}

/// A ratio for messages: "3.65", "1.55".
pub fn ratio_text(v: f64) -> String {
    if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// How far the computed interval is from the stated one, in half-widths of the stated interval
/// (0 when they meet). Open intervals count 10% of their bound as a half-width.
pub fn miss(stated: &Interval, computed: &Interval) -> f64 {
    let gap = stated.distance(computed);
    if gap == 0.0 {
        return 0.0;
    }
    let hw = stated.half_width();
    let hw = if hw.is_finite() && hw > 0.0 {
        hw
    } else {
        let bound = if stated.lo.is_finite() {
            stated.lo
        } else {
            stated.hi
        };
        (bound.abs() * 0.1).max(1e-12)
    };
    gap / hw
}
