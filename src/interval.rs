//! The one mechanism at numlint's centre: a figure as written stands for an interval.
//!
//! "550" means 545..555 (or 500..600 read leniently: trailing zeros may be rounding), and a hedge
//! widens or bounds it ("about 550", "more than 550"). A claim holds when the exact recomputation
//! of one side meets the other side's interval; the size of a miss, in half-widths of the stated
//! interval, sets the severity.

use crate::vocab::{HedgeKind, HedgeWidths};
use serde::Serialize;

/// A closed interval; either end may be infinite ("more than 20" has no upper end).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn new(lo: f64, hi: f64) -> Interval {
        if lo <= hi {
            Interval { lo, hi }
        } else {
            Interval { lo: hi, hi: lo }
        }
    }

    pub fn point(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }

    pub fn contains(&self, v: f64) -> bool {
        // A tolerance for float noise (30 °C -> 85.99999999999994 °F).
        let eps = 1e-9 * v.abs().max(1e-12);
        v >= self.lo - eps && v <= self.hi + eps
    }

    pub fn intersects(&self, other: &Interval) -> bool {
        self.distance(other) == 0.0
    }

    /// The gap between two intervals (0 when they meet).
    pub fn distance(&self, other: &Interval) -> f64 {
        let finite = |v: f64| if v.is_finite() { v.abs() } else { 0.0 };
        let scale = finite(self.lo)
            .max(finite(self.hi))
            .max(finite(other.lo))
            .max(finite(other.hi));
        let eps = 1e-9 * scale.max(1e-12);
        let gap = if other.hi < self.lo {
            self.lo - other.hi
        } else if other.lo > self.hi {
            other.lo - self.hi
        } else {
            0.0
        };
        if gap <= eps { 0.0 } else { gap }
    }

    /// Half the width; infinite for open-ended intervals.
    pub fn half_width(&self) -> f64 {
        (self.hi - self.lo) / 2.0
    }

    pub fn mid(&self) -> f64 {
        if self.lo.is_finite() && self.hi.is_finite() {
            (self.lo + self.hi) / 2.0
        } else if self.lo.is_finite() {
            self.lo
        } else {
            self.hi
        }
    }

    pub fn is_bounded(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }

    /// Applies an increasing function to both ends.
    pub fn map(&self, f: impl Fn(f64) -> f64) -> Interval {
        Interval::new(f(self.lo), f(self.hi))
    }

    /// Quotient of two intervals of positive numbers (ratio of two figures).
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.lo <= 0.0 || self.lo < 0.0 {
            return None;
        }
        Some(Interval::new(self.lo / other.hi, self.hi / other.lo))
    }

    /// How far `v` lies outside, in half-widths of this interval: 0 inside, 1 at one
    /// half-width beyond an end. This is the *miss* that sets severity.
    pub fn miss(&self, v: f64) -> f64 {
        if self.contains(v) {
            return 0.0;
        }
        let gap = if v < self.lo {
            self.lo - v
        } else {
            v - self.hi
        };
        let hw = self.half_width();
        if hw.is_finite() && hw > 0.0 {
            gap / hw
        } else {
            // Open or zero-width interval: measure against the figure itself.
            let scale = self.lo.abs().max(self.hi.abs()).max(1e-12);
            if scale.is_finite() {
                gap / (scale * 0.05)
            } else {
                f64::INFINITY
            }
        }
    }
}

/// What a figure's last significant digit says about its rounding.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Precision {
    /// Step of the last written digit, trailing zeros counted as significant ("900" -> 1).
    pub strict_step: f64,
    /// Step of the last non-zero digit ("900" -> 100; "550" -> 10; "5.50" -> 0.01).
    pub lenient_step: f64,
    /// Significant figures under each reading.
    pub strict_sig: u32,
    pub lenient_sig: u32,
}

impl Precision {
    /// An exact figure (counts of things written in words, multipliers).
    pub fn exact(step: f64) -> Precision {
        Precision {
            strict_step: step,
            lenient_step: step,
            strict_sig: 3,
            lenient_sig: 3,
        }
    }

    /// Reads the precision off a written figure: its integer digits, its decimal digits, and the
    /// scale applied ("1.5 million": decimals 1, scale 1e6).
    pub fn of_digits(int_digits: &str, frac_digits: &str, scale: f64) -> Precision {
        let int_trim = int_digits.trim_start_matches('0');
        if !frac_digits.is_empty() {
            let step = 10f64.powi(-(frac_digits.len() as i32)) * scale;
            let sig = if int_trim.is_empty() {
                frac_digits.trim_start_matches('0').len()
            } else {
                int_trim.len() + frac_digits.len()
            }
            .max(1) as u32;
            return Precision {
                strict_step: step,
                lenient_step: step,
                strict_sig: sig,
                lenient_sig: sig,
            };
        }
        let zeros = int_trim.len() - int_trim.trim_end_matches('0').len();
        let sig_strict = int_trim.len().max(1) as u32;
        let sig_lenient = (int_trim.len() - zeros).max(1) as u32;
        let lenient_zeros = if int_trim.is_empty() { 0 } else { zeros };
        // A lone 1 and zeros ("100", "1,000") is read as rounded to the nearest half of its
        // place (75..125, not 50..150): nobody rounds 61 to 100.
        let lone_one = zeros > 0 && int_trim.trim_end_matches('0') == "1";
        let lenient_step = 10f64.powi(lenient_zeros as i32) * if lone_one { 0.5 } else { 1.0 };
        Precision {
            strict_step: scale,
            lenient_step: lenient_step * scale,
            strict_sig: sig_strict,
            lenient_sig: sig_lenient,
        }
    }

    /// Scales both steps (a unit change or a scale word).
    pub fn scaled(self, k: f64) -> Precision {
        Precision {
            strict_step: self.strict_step * k.abs(),
            lenient_step: self.lenient_step * k.abs(),
            ..self
        }
    }
}

/// The interval a stated figure stands for, given its rounding step and hedge.
pub fn stated_interval(
    stated: f64,
    step: f64,
    hedge: Option<HedgeKind>,
    widths: &HedgeWidths,
) -> Interval {
    let half = step / 2.0;
    let rel = stated.abs();
    match hedge {
        None => Interval::new(stated - half, stated + half),
        Some(HedgeKind::About) => Interval::new(
            (stated - half).min(stated - rel * widths.about),
            (stated + half).max(stated + rel * widths.about),
        ),
        Some(HedgeKind::Nearly) => Interval::new(
            (stated - half).min(stated - rel * widths.nearly),
            stated + half,
        ),
        Some(HedgeKind::MoreThan) | Some(HedgeKind::AtLeast) => {
            Interval::new(stated - half, f64::INFINITY)
        }
        Some(HedgeKind::UpTo) | Some(HedgeKind::LessThan) => {
            Interval::new(f64::NEG_INFINITY, stated + half)
        }
    }
}

/// Rounds `v` to `sig` significant figures, never coarser than `step` (when `step` > 0).
pub fn round_like(v: f64, step: f64, min_sig: u32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let mag = v.abs().log10().floor() as i32;
    let sig_step = 10f64.powi(mag + 1 - min_sig as i32);
    let s = if step > 0.0 {
        step.min(sig_step)
    } else {
        sig_step
    };
    // Snap the step to a power of ten so the result prints cleanly.
    let s = 10f64.powi(s.log10().round() as i32);
    (v / s).round() * s
}

/// Number of decimals needed to print a multiple of `step` exactly.
pub fn decimals_for(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-step.log10()).round().max(0.0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w() -> HedgeWidths {
        HedgeWidths::default()
    }

    #[test]
    fn a_lone_one_and_zeros_is_rounded_to_half_its_place() {
        // 100 is 75..125 and 1,000 is 750..1,250; 200 keeps 150..250, 150 keeps 145..155.
        assert_eq!(Precision::of_digits("100", "", 1.0).lenient_step, 50.0);
        assert_eq!(Precision::of_digits("1000", "", 1.0).lenient_step, 500.0);
        assert_eq!(Precision::of_digits("10", "", 1e6).lenient_step, 5e6);
        assert_eq!(Precision::of_digits("200", "", 1.0).lenient_step, 100.0);
        assert_eq!(Precision::of_digits("150", "", 1.0).lenient_step, 10.0);
        // A lone 1 with nothing after it is still read to its own digit.
        assert_eq!(Precision::of_digits("1", "", 1.0).lenient_step, 1.0);
    }

    #[test]
    fn precision_reads_last_significant_digit() {
        let p = Precision::of_digits("550", "", 1.0);
        assert_eq!(p.lenient_step, 10.0);
        assert_eq!(p.strict_step, 1.0);
        assert_eq!(p.lenient_sig, 2);
        assert_eq!(p.strict_sig, 3);
        let p = Precision::of_digits("5200", "", 1.0);
        assert_eq!(p.lenient_step, 100.0);
        let p = Precision::of_digits("1", "5", 1e6);
        assert!((p.lenient_step - 100_000.0).abs() < 1e-6);
        assert_eq!(p.lenient_sig, 2);
        let p = Precision::of_digits("0", "04", 1.0);
        assert!((p.strict_step - 0.01).abs() < 1e-12);
        assert_eq!(p.strict_sig, 1);
    }

    #[test]
    fn exact_interval_is_half_a_step_each_side() {
        let i = stated_interval(550.0, 10.0, None, &w());
        assert_eq!(i, Interval::new(545.0, 555.0));
        assert!(i.contains(559.2 - 5.0));
        assert!(!i.contains(559.2));
    }

    #[test]
    fn about_widens_to_ten_percent() {
        // "about 550 miles" covers 495..605.
        let i = stated_interval(550.0, 10.0, Some(HedgeKind::About), &w());
        assert!((i.lo - 495.0).abs() < 1e-9 && (i.hi - 605.0).abs() < 1e-9);
        assert!(i.contains(559.2));
    }

    #[test]
    fn nearly_is_at_or_just_below() {
        // "nearly 1%": 0.4..1.5 with the figure's own rounding (1 -> 0.5..1.5).
        let i = stated_interval(1.0, 1.0, Some(HedgeKind::Nearly), &w());
        assert!(i.contains(0.735));
        assert!(!i.contains(1.6));
        let i = stated_interval(2.0, 1.0, Some(HedgeKind::Nearly), &w());
        assert!(!i.contains(0.735));
    }

    #[test]
    fn more_than_is_open_above() {
        let i = stated_interval(3.0, 1.0, Some(HedgeKind::MoreThan), &w());
        assert!(i.contains(3.65));
        assert!(i.contains(1e9));
        assert!(!i.contains(2.0));
    }

    #[test]
    fn open_intervals_do_not_swallow_everything() {
        let more_than_double = Interval::new(2.0, f64::INFINITY);
        assert!(!more_than_double.intersects(&Interval::new(1.5, 1.6)));
        assert!(more_than_double.intersects(&Interval::new(1.9, 2.1)));
        let up_to = Interval::new(f64::NEG_INFINITY, 25.0);
        assert!(!up_to.intersects(&Interval::new(26.0, 30.0)));
    }

    #[test]
    fn miss_is_measured_in_half_widths() {
        let i = Interval::new(14.5, 15.5);
        assert_eq!(i.miss(15.0), 0.0);
        assert!((i.miss(24.85) - 18.7).abs() < 1e-9);
        assert!((i.miss(15.75) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn ratio_of_intervals() {
        let a = Interval::new(72.5, 73.5);
        let b = Interval::new(19.5, 20.5);
        let r = a.div(&b).unwrap();
        assert!(r.contains(3.65));
        assert!((r.lo - 72.5 / 20.5).abs() < 1e-12);
    }

    #[test]
    fn round_like_keeps_two_significant_figures() {
        assert_eq!(round_like(24.85484, 1.0, 2), 25.0);
        assert_eq!(round_like(559.2, 10.0, 2), 560.0);
        assert!((round_like(1.8288, 0.1, 2) - 1.8).abs() < 1e-12);
        assert_eq!(round_like(3728.2, 1000.0, 2), 3700.0);
    }
}
