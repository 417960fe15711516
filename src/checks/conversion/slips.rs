//! Explaining a failed conversion: which known slip produces the figure the writer wrote.
//! "8,200 matches nautical miles" is worth ten findings that only say "wrong".

use super::{Evaluation, Rounding, convert, derived_interval, ends, unit_text};
use crate::checks::Context;
use crate::checks::style::exact_text;
use crate::extract::Quantity;
use crate::units::Dimension;

/// Tries the known slips on a failed pair; returns a sentence for each one that explains it.
pub fn explain(ctx: &Context, a: &Quantity, b: &Quantity, e: &Evaluation) -> Vec<String> {
    let mut notes = Vec::new();
    let units = &ctx.para.vocab.units;
    let reg = &units.registry;
    let r = e.reading;
    let a_ends = ends(a);
    let b_ends = ends(b);
    let a_text = super::text(ctx, a).to_string();
    let b_unit = unit_text(ctx, b);
    // Does `b` hold if the exact value of each end of `a` were `f(end)`?
    let fits = |f: &dyn Fn(f64) -> f64| -> bool {
        a_ends.len() == b_ends.len()
            && a_ends.iter().zip(&b_ends).all(|(x, y)| {
                let v = f(*x);
                v.is_finite()
                    && derived_interval(b, *y, v, super::pair_hedge(a, b), ctx, Rounding::Lenient)
                        .contains(v)
            })
    };
    let name = |id| reg.get(id).name.clone();

    // A confusable unit on either side: nautical miles, imperial gallons, long tons.
    for (x, y) in &units.confusions {
        for (from, to) in [(*x, *y), (*y, *x)] {
            if r.b == from
                && reg.get(to).dimension == reg.get(from).dimension
                && fits(&|v| convert(reg, v, r.a, to, r.difference))
            {
                let right = a_ends
                    .first()
                    .map(|v| convert(reg, *v, r.a, to, r.difference))
                    .unwrap_or(0.0);
                let exact = a_ends
                    .first()
                    .map(|v| convert(reg, *v, r.a, r.b, r.difference))
                    .unwrap_or(0.0);
                notes.push(format!(
                    "{} matches {}s: {a_text} is {} {}s but {} {}s",
                    super::text(ctx, b),
                    name(to),
                    exact_text(right, 0),
                    name(to),
                    exact_text(exact, 0),
                    name(from)
                ));
            }
            if r.a == from
                && reg.get(to).dimension == reg.get(from).dimension
                && fits(&|v| convert(reg, v, to, r.b, r.difference))
            {
                notes.push(format!(
                    "{} matches {a_text} read as {}s, not {}s",
                    super::text(ctx, b),
                    name(to),
                    name(from)
                ));
            }
        }
    }
    // Converted the wrong way: "40 km (64 miles)" multiplied where it should have divided.
    if fits(&|v| convert(reg, v, r.b, r.a, r.difference)) {
        notes.push(format!(
            "the conversion seems to run the wrong way: {} {} is {} {}",
            a_ends
                .first()
                .map(|v| exact_text(*v, 0))
                .unwrap_or_default(),
            b_unit,
            exact_text(
                a_ends
                    .first()
                    .map(|v| convert(reg, *v, r.b, r.a, r.difference))
                    .unwrap_or(0.0),
                0
            ),
            unit_text(ctx, a)
        ));
    }
    // Temperatures: a change converted as a temperature, or the reverse.
    if reg.get(r.a).dimension.family() == Dimension::Temperature {
        if r.difference && fits(&|v| convert(reg, v, absolute(reg, r.a), absolute(reg, r.b), false))
        {
            let right = a_ends
                .first()
                .map(|v| convert(reg, *v, r.a, r.b, true))
                .unwrap_or(0.0);
            notes.push(format!(
                "{} is {a_text} converted as a temperature; as a change, {a_text} is {} {b_unit}",
                super::text(ctx, b),
                exact_text(right, 1)
            ));
        } else if !r.difference && fits(&|v| convert(reg, v, r.a, r.b, true)) {
            notes.push(format!(
                "{} is {a_text} converted as a change of temperature, not as a temperature",
                super::text(ctx, b)
            ));
        }
    }
    // Squares and cubes converted with the linear factor: "3,000 square metres (3,300 square yards)".
    let (ka, kb) = (&reg.get(r.a).key, &reg.get(r.b).key);
    let power = if ka.starts_with("square_") && kb.starts_with("square_") {
        Some(2.0)
    } else if ka.starts_with("cubic_") && kb.starts_with("cubic_") {
        Some(3.0)
    } else {
        None
    };
    if let Some(pw) = power {
        let ratio = reg.get(r.a).factor / reg.get(r.b).factor;
        let linear = ratio.powf(1.0 / pw);
        if fits(&|v| v * linear) {
            notes.push(format!(
                "{} uses the linear factor ({linear:.3}); for {} the factor is {}",
                super::text(ctx, b),
                if pw == 2.0 { "areas" } else { "volumes" },
                exact_text(ratio, 0)
            ));
        }
    }
    // Rules of thumb: 1 km ~ 0.6 miles.
    for (from, to, f) in &units.rules_of_thumb {
        if *from == r.a && *to == r.b && fits(&|v| v * f) {
            let exact = reg.get(*from).factor / reg.get(*to).factor;
            notes.push(format!(
                "{} follows the rule of thumb x{f}; the exact factor is x{}",
                super::text(ctx, b),
                exact_text(exact, 3)
            ));
        }
    }
    // A slipped decimal point or a thousand/million mix-up.
    if notes.is_empty() {
        for k in [-6i32, -3, -2, -1, 1, 2, 3, 6] {
            let m = 10f64.powi(k);
            if fits(&|v| convert(reg, v, r.a, r.b, r.difference) * m) {
                let what = match k.abs() {
                    1 | 2 => "a misplaced decimal point",
                    3 => "a thousand slip",
                    _ => "a million slip",
                };
                notes.push(format!(
                    "{} is off by a factor of {}: {what}?",
                    super::text(ctx, b),
                    crate::report::format_number(if k > 0 { m } else { 1.0 / m }, 0)
                ));
                break;
            }
        }
    }
    notes
}

fn absolute(reg: &crate::units::UnitRegistry, id: crate::units::UnitId) -> crate::units::UnitId {
    // The absolute twin of a difference unit.
    reg.iter()
        .find(|(_, d)| d.difference == Some(id))
        .map_or(id, |(i, _)| i)
}
