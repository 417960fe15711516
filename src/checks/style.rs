//! Writing a suggested figure the way the writer writes: their rounding, separators, and words
//! for small numbers; and whether a spot is inside a quotation (never rewritten).

use crate::extract::Para;
use crate::interval::{decimals_for, round_like};

const WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Rounds `value` like a figure written with rounding step `step` (at least `min_sig`
/// significant figures), and formats it like `original` (the figure as the writer wrote it).
pub fn format_like(value: f64, step: f64, min_sig: u32, original: &str) -> String {
    let r = round_like(value, step, min_sig);
    let decimals = decimals_for(step.min(round_step(value, step, min_sig)));
    let in_words = original.chars().next().is_some_and(|c| c.is_alphabetic());
    if in_words && r.fract() == 0.0 && (0.0..=20.0).contains(&r) {
        let w = WORDS[r as usize];
        return if original.chars().next().is_some_and(|c| c.is_uppercase()) {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        } else {
            w.to_string()
        };
    }
    let sep = if original.contains(',') {
        Some(",")
    } else if original.contains('\u{a0}') {
        Some("\u{a0}")
    } else if original.contains('\u{202f}') {
        Some("\u{202f}")
    } else if original.trim().contains(' ') {
        Some(" ")
    } else if original.matches('.').count() > 1
        || (r.abs() >= 1000.0
            && original
                .split_once('.')
                .is_some_and(|(_, f)| f.len() == 3 && !f.contains('.')))
    {
        Some(".")
    } else {
        None
    };
    // A writer who writes "1400" gets "1250"; one who writes "10,000" gets "12,500"; one who
    // writes small figures only gets separators from 10,000 up.
    let sep = sep.or(
        if r.abs() >= 10_000.0 && !original.chars().all(|c| c.is_ascii_digit()) {
            Some(",")
        } else {
            None
        },
    );
    let s = format!("{:.*}", decimals, r.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    if r < 0.0 {
        out.push(if original.starts_with('\u{2212}') {
            '\u{2212}'
        } else {
            '-'
        });
    }
    match sep {
        Some(sep) if int.len() > 3 => {
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push_str(sep);
                }
                out.push(c);
            }
        }
        _ => out.push_str(&int),
    }
    if let Some(f) = frac {
        out.push(if sep == Some(".") { ',' } else { '.' });
        out.push_str(&f);
    }
    out
}

/// The step `round_like` ends up using.
fn round_step(v: f64, step: f64, min_sig: u32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return step.max(1e-12);
    }
    let mag = v.abs().log10().floor() as i32;
    let sig_step = 10f64.powi(mag + 1 - min_sig as i32);
    let s = if step > 0.0 {
        step.min(sig_step)
    } else {
        sig_step
    };
    10f64.powi(s.log10().round() as i32)
}

/// Is byte `pos` of the paragraph inside quotation marks?
pub fn in_quotes(p: &Para, pos: usize) -> bool {
    // Quotes are counted back to the paragraph start, or at most 4 KB (longer than any news
    // paragraph) so that a file with no paragraph breaks is not rescanned per finding.
    let end = pos.min(p.text.len());
    let mut start = end.saturating_sub(4096);
    while !p.text.is_char_boundary(start) {
        start += 1;
    }
    let before = p.text.get(start..end).unwrap_or("");
    let straight = before.matches('"').count() % 2 == 1;
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    straight || open > close
}

/// A number with about three significant figures and at least `min_decimals` decimals, for
/// messages ("24.9", "139.8", "1,246.9").
pub fn exact_text(v: f64, min_decimals: usize) -> String {
    if !v.is_finite() {
        return crate::report::format_number(v, 0);
    }
    let mag = if v == 0.0 {
        0
    } else {
        v.abs().log10().floor() as i32
    };
    let sig3 = (2 - mag).max(0) as usize;
    crate::report::format_number(v, sig3.max(min_decimals).min(6))
}

/// `value` written the way the figure `q` is ("$3.5bn" for a sum shown against "$3.2bn").
pub fn written_like(
    ctx: &crate::checks::Context,
    q: &crate::extract::Quantity,
    value: f64,
) -> String {
    let t = &ctx.para.text;
    let d = q.digits_span;
    let start = q
        .hedge_span
        .map_or(q.span.start, |h| h.end.max(q.span.start));
    let (Some(before), Some(digits), Some(after)) = (
        t.get(start..d.start),
        t.get(d.start..d.end),
        t.get(d.end..q.span.end),
    ) else {
        return crate::checks::style::exact_text(value, 0);
    };
    let step = q.precision.lenient_step / q.scale;
    format!(
        "{}{}{after}",
        before.trim_start(),
        crate::checks::style::format_like(value / q.scale, step, 2, digits)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_formats_like_the_writer() {
        assert_eq!(format_like(24.855, 1.0, 2, "15"), "25");
        assert_eq!(format_like(139.8, 1.0, 2, "135"), "140");
        assert_eq!(format_like(5220.4, 100.0, 2, "4,200"), "5,200");
        assert_eq!(format_like(1246.9, 1.0, 2, "1559"), "1247");
        assert_eq!(format_like(2.591, 0.1, 2, "2.0"), "2.6");
        assert_eq!(format_like(12.43, 1.0, 2, "six"), "twelve");
        assert_eq!(format_like(-21.1, 0.1, 2, "-20.5"), "-21.1");
        assert_eq!(format_like(439_938.0, 10_000.0, 2, "440.000"), "440.000");
    }

    #[test]
    fn exact_values_read_naturally() {
        assert_eq!(exact_text(24.8548, 0), "24.9");
        assert_eq!(exact_text(139.8, 1), "139.8");
        assert_eq!(exact_text(9445.2, 0), "9,445");
        assert_eq!(exact_text(0.04724, 0), "0.0472");
    }
}
