//! Reads one number at a token: digits with separators, decimals, signs, fractions, scale words,
//! number words ("two hundred and five"), phrases ("a couple of") and vague amounts ("dozens").
//!
//! The result keeps what was written (its precision) as well as its value: "550" is 550 read
//! to the nearest ten, "1.5 million" is 1,500,000 read to the nearest hundred thousand.

use super::para::Para;
use crate::interval::Precision;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumeralKind {
    Digits,
    Words,
    /// A fraction with no whole part ("a third", "two-thirds", "½"): a quantity only with a unit.
    Fraction,
    /// "dozens", "tens of thousands": a bounded amount with no single value.
    Vague {
        low: f64,
        high: f64,
    },
}

/// A number read at some tokens.
#[derive(Debug, Clone)]
pub struct Numeral {
    pub first: usize,
    /// Last token, inclusive.
    pub last: usize,
    pub value: f64,
    pub precision: Precision,
    pub kind: NumeralKind,
    /// The scale word applied (1 when none): "million" = 1e6.
    pub scale: f64,
    /// Token of the scale word, if any.
    pub scale_tok: Option<usize>,
    /// Digits written with thousands separators ("1,000").
    pub grouped: bool,
    /// Digits with a decimal part.
    pub decimal: bool,
    /// Integer digits as written, for year and identifier tests ("2024", "007").
    pub int_digits: usize,
    pub leading_zero: bool,
    /// The whole numeral is the single word "one" (often a pronoun: "one of them").
    pub bare_one: bool,
    /// Written with a sign or "minus".
    pub signed: bool,
}

impl Numeral {
    /// Four plain digits that could be a year ("2030"), not "2,030" or "2030.5".
    pub fn is_year_like(&self) -> bool {
        self.int_digits == 4
            && !self.grouped
            && !self.decimal
            && (1000.0..=2200.0).contains(&self.value)
    }

    pub fn is_integer(&self) -> bool {
        !self.decimal && self.value.fract() == 0.0
    }
}

/// Reads a number starting at token `i`, if there is one.
pub fn parse_at(p: &Para, i: usize) -> Option<Numeral> {
    let tok = p.tok(i)?;
    let mut n = if tok.is_digits() {
        parse_digits(p, i)?
    } else if tok.is_word() {
        parse_words(p, i)?
    } else if let Some(v) = glyph_value(p, i) {
        Numeral {
            first: i,
            last: i,
            value: v,
            precision: Precision::exact(0.5),
            kind: NumeralKind::Fraction,
            scale: 1.0,
            scale_tok: None,
            grouped: false,
            decimal: true,
            int_digits: 0,
            leading_zero: false,
            bare_one: false,
            signed: false,
        }
    } else if p.is_punct(i, ".") && p.is_digits(i + 1) && p.attached(i + 1) && !p.attached(i) {
        // ".5"
        let frac = p.t(i + 1);
        let value: f64 = format!("0.{frac}").parse().ok()?;
        Numeral {
            first: i,
            last: i + 1,
            value,
            precision: Precision::of_digits("0", frac, 1.0),
            kind: NumeralKind::Digits,
            scale: 1.0,
            scale_tok: None,
            grouped: false,
            decimal: true,
            int_digits: 0,
            leading_zero: false,
            bare_one: false,
            signed: false,
        }
    } else {
        return None;
    };
    apply_sign(p, &mut n);
    Some(n)
}

/// A number written in digits, with its separators, decimals, fraction and scale word.
fn parse_digits(p: &Para, i: usize) -> Option<Numeral> {
    let first = p.t(i);
    let mut int = Digits::default();
    int.push_str(first);
    let mut frac = Digits::default();
    let mut last = i;
    let mut grouped = false;
    // 1,000,000
    if first.len() <= 3 {
        let mut j = i;
        // Indian grouping: 12,34,567 (groups of two, then three).
        let mut k = i;
        let mut twos = 0;
        while p.is_punct(k + 1, ",")
            && p.attached(k + 1)
            && p.is_digits(k + 2)
            && p.attached(k + 2)
            && p.t(k + 2).len() == 2
        {
            k += 2;
            twos += 1;
        }
        if twos > 0
            && first.len() <= 2
            && p.is_punct(k + 1, ",")
            && p.attached(k + 1)
            && p.is_digits(k + 2)
            && p.attached(k + 2)
            && p.t(k + 2).len() == 3
        {
            let mut q = i;
            while q < k + 2 {
                int.push_str(p.t(q + 2));
                q += 2;
            }
            j = k + 2;
            grouped = true;
        }
        while !grouped
            && p.is_punct(j + 1, ",")
            && p.attached(j + 1)
            && p.is_digits(j + 2)
            && p.attached(j + 2)
            && p.t(j + 2).len() == 3
        {
            int.push_str(p.t(j + 2));
            j += 2;
            grouped = true;
            while p.is_punct(j + 1, ",")
                && p.attached(j + 1)
                && p.is_digits(j + 2)
                && p.attached(j + 2)
                && p.t(j + 2).len() == 3
            {
                int.push_str(p.t(j + 2));
                j += 2;
            }
        }
        // 2.000.000 (or 440.000 in a paragraph that writes thousands with dots)
        if !grouped {
            while p.is_punct(j + 1, ".")
                && p.attached(j + 1)
                && p.is_digits(j + 2)
                && p.attached(j + 2)
                && p.t(j + 2).len() == 3
                && (p.dot_thousands || (p.is_punct(j + 3, ".") && p.is_digits(j + 4)))
            {
                int.push_str(p.t(j + 2));
                j += 2;
                grouped = true;
            }
        }
        // 1 000 (space, no-break space or thin space)
        if !grouped {
            while is_group_space(p.gap(j + 1))
                && p.is_digits(j + 1)
                && p.t(j + 1).len() == 3
                && !(p.is_punct(j + 2, "/") && p.attached(j + 2))
            {
                int.push_str(p.t(j + 1));
                j += 1;
                grouped = true;
            }
        }
        last = j;
    }
    let mut decimal = false;
    if p.is_punct(last + 1, ".")
        && p.attached(last + 1)
        && p.is_digits(last + 2)
        && p.attached(last + 2)
    {
        // 2.3.1 is a version, not a number.
        if p.is_punct(last + 3, ".")
            && p.attached(last + 3)
            && p.is_digits(last + 4)
            && p.attached(last + 4)
        {
            return None;
        }
        frac.push_str(p.t(last + 2));
        last += 2;
        decimal = true;
    }
    let int_digits = int.len();
    let leading_zero = int.len() > 1 && int.as_str().starts_with('0') && !decimal;
    let mut value = int.value_with(frac.as_str())?;
    let mut precision = Precision::of_digits(int.as_str(), frac.as_str(), 1.0);
    let mut kind = NumeralKind::Digits;

    // "2.48×10−5", "3 x 10^8": a power of ten written out.
    if (p.is_punct(last + 1, "×") || (p.tl(last + 1) == "x" && p.is_word(last + 1)))
        && p.t(last + 2) == "10"
        && p.is_digits(last + 2)
    {
        let mut k = last + 3;
        if p.is_punct(k, "^") && p.attached(k) {
            k += 1;
        }
        let neg = p.is_punct_any(k, &["-", "−"]) && p.attached(k);
        if neg {
            k += 1;
        }
        if p.is_digits(k) && p.attached(k) && p.t(k).len() <= 3 {
            let e: i32 = p.t(k).parse().unwrap_or(0);
            let e = if neg { -e } else { e };
            value *= 10f64.powi(e);
            precision = precision.scaled(10f64.powi(e));
            last = k;
        }
    }
    // Scientific notation: 1.5e6, 1e400, 10^6.
    if p.is_word(last + 1) && p.attached(last + 1) && matches!(p.t(last + 1), "e" | "E") {
        let (neg, k) = if p.is_punct_any(last + 2, &["-", "+", "−"]) && p.attached(last + 2) {
            (p.t(last + 2) != "+", last + 3)
        } else {
            (false, last + 2)
        };
        if p.is_digits(k) && p.attached(k) {
            let e: i32 = p.t(k).parse().unwrap_or(i32::MAX);
            let e = if neg { -e } else { e };
            value *= 10f64.powi(e);
            precision = precision.scaled(10f64.powi(e));
            last = k;
        }
    } else if p.is_punct(last + 1, "^")
        && p.attached(last + 1)
        && p.is_digits(last + 2)
        && p.attached(last + 2)
    {
        let e: i32 = p.t(last + 2).parse().unwrap_or(i32::MAX);
        value = value.powi(e);
        precision = Precision::exact(value.abs().max(1.0));
        last += 2;
    }

    // Fractions: 1/4, 3/4 mile; and the whole part of 2 1/2 or 2½.
    if !decimal && !grouped {
        if let Some((v, end, den)) = digit_fraction(p, i) {
            value = v;
            last = end;
            kind = NumeralKind::Fraction;
            precision = Precision::exact(1.0 / den);
        } else if let Some((v, end, den)) = mixed_fraction_after(p, last) {
            value += v;
            last = end;
            precision = Precision::exact(1.0 / den);
            decimal = true;
        }
    }

    // A figure so small it underflows ("0.000…0001" with hundreds of zeros, "1e-400") cannot
    // be reasoned about as 0: it is left unread rather than checked as nothing.
    if value == 0.0
        && int
            .as_str()
            .bytes()
            .chain(frac.as_str().bytes())
            .any(|b| b > b'0')
    {
        return None;
    }
    let mut n = Numeral {
        first: i,
        last,
        value,
        precision,
        kind,
        scale: 1.0,
        scale_tok: None,
        grouped,
        decimal,
        int_digits,
        leading_zero,
        bare_one: false,
        signed: false,
    };
    apply_scale(p, &mut n);
    Some(n)
}

/// Digits gathered from a figure's groups ("1", "000", "000") without a heap allocation for
/// the usual short figure; a figure of hundreds of digits spills to a `String`.
struct Digits {
    inline: [u8; 40],
    len: usize,
    spill: Option<String>,
}

impl Default for Digits {
    fn default() -> Self {
        Digits {
            inline: [0; 40],
            len: 0,
            spill: None,
        }
    }
}

impl Digits {
    fn push_str(&mut self, s: &str) {
        if let Some(v) = &mut self.spill {
            v.push_str(s);
        } else if self.len + s.len() <= self.inline.len() {
            self.inline[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
            self.len += s.len();
        } else {
            let mut v = String::from(self.as_str());
            v.push_str(s);
            self.spill = Some(v);
        }
    }

    fn as_str(&self) -> &str {
        match &self.spill {
            Some(v) => v,
            // Only ASCII digits are ever pushed.
            None => std::str::from_utf8(&self.inline[..self.len]).unwrap_or(""),
        }
    }

    fn len(&self) -> usize {
        self.as_str().len()
    }

    /// The value of "int.frac", parsed as Rust parses it (correctly rounded).
    fn value_with(&self, frac: &str) -> Option<f64> {
        let int = self.as_str();
        if frac.is_empty() {
            return int.parse().ok();
        }
        let mut buf = Digits::default();
        buf.push_str(int);
        buf.push_str(".");
        buf.push_str(frac);
        buf.as_str().parse().ok()
    }
}

fn is_group_space(gap: &str) -> bool {
    matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// `num/den` at token `i` with a small denominator, not part of a date ("5/10/2024").
fn digit_fraction(p: &Para, i: usize) -> Option<(f64, usize, f64)> {
    if !(p.is_punct(i + 1, "/") && p.attached(i + 1) && p.is_digits(i + 2) && p.attached(i + 2)) {
        return None;
    }
    if p.is_punct(i + 3, "/") && p.attached(i + 3) {
        return None;
    }
    let num: f64 = p.t(i).parse().ok()?;
    let den: f64 = p.t(i + 2).parse().ok()?;
    if !(2.0..=100.0).contains(&den) || num >= den || num == 0.0 {
        return None;
    }
    Some((num / den, i + 2, den))
}

/// A fraction after a whole number: "2 1/2", "2½", "2 ½".
fn mixed_fraction_after(p: &Para, last: usize) -> Option<(f64, usize, f64)> {
    let j = last + 1;
    if let Some(v) = glyph_value(p, j)
        && p.gap(j).len() <= 1
    {
        return Some((v, j, 8.0));
    }
    if p.is_digits(j) && p.gap(j) == " " {
        return digit_fraction(p, j);
    }
    None
}

fn glyph_value(p: &Para, i: usize) -> Option<f64> {
    let t = p.tok(i)?;
    if !t.is_punct() {
        return None;
    }
    let mut chars = p.t(i).chars();
    let c = chars.next()?;
    p.vocab.numbers.fraction_glyphs.get(&c).copied()
}

/// "1.5 million", "94.0 mln", "$5bn", "3 dozen": multiplies the value and its precision.
fn apply_scale(p: &Para, n: &mut Numeral) {
    let j = n.last + 1;
    if !p.is_word(j) {
        return;
    }
    let w = p.tl(j);
    let words = &p.vocab.numbers;
    let scale = words
        .scales
        .get(w)
        .or_else(|| words.scale_abbreviations.get(w))
        .or_else(|| words.counting_words.get(w))
        .copied();
    // One-letter abbreviations ("5k") only when written against the figure.
    if w.len() == 1 && !p.attached(j) {
        return;
    }
    if let Some(s) = scale {
        // "a 10 thousand-strong crowd" still scales; "5 hundred" is rare but fine.
        n.value *= s;
        n.precision = n.precision.scaled(s);
        n.scale *= s;
        n.scale_tok = Some(j);
        n.last = j;
        // "1.5 million" then "dlrs"/"people": handled by the caller.
        if n.kind == NumeralKind::Fraction {
            n.kind = NumeralKind::Digits;
        }
    }
}

/// A leading "-", "−", "+" or "minus" makes the number signed.
fn apply_sign(p: &Para, n: &mut Numeral) {
    if n.first == 0 {
        return;
    }
    let s = n.first - 1;
    if p.is_punct_any(s, &["-", "−", "–", "+"]) && p.attached(n.first) {
        // "10-15" and "F-16" are not signs: the sign must not follow a word or number.
        let before_ok = s == 0
            || !p.attached(s)
            || p.is_punct_any(s - 1, &["(", "[", "/", "\"", "“", "$", "£", "€", "¥"]);
        if before_ok {
            if p.t(s) != "+" {
                n.value = -n.value;
            }
            n.first = s;
            n.signed = true;
        }
    } else if p.tl(s) == "minus" && p.is_word(s) {
        n.value = -n.value;
        n.first = s;
        n.signed = true;
    }
}

/// Number words, phrases, vague amounts and word fractions at token `i`.
fn parse_words(p: &Para, i: usize) -> Option<Numeral> {
    let words = &p.vocab.numbers;
    let w = p.tl(i);
    if !p.has(i, crate::vocab::classes::NUMBER_START) {
        return None;
    }

    for (phrase, v) in &words.phrases {
        if !phrase.starts_with(w) {
            continue;
        }
        if let Some(last) = p.match_phrase(i, phrase) {
            let mut n = word_numeral(i, last, *v, NumeralKind::Words);
            apply_scale(p, &mut n);
            return Some(n);
        }
    }
    for (phrase, low, high) in &words.vague {
        if !phrase.starts_with(w) {
            continue;
        }
        if let Some(last) = p.match_phrase(i, phrase) {
            // "hundreds" alone is vague only before "of" or a plural noun; "dozens" always.
            let mut n = word_numeral(
                i,
                last,
                (low + high) / 2.0,
                NumeralKind::Vague {
                    low: *low,
                    high: *high,
                },
            );
            n.precision = Precision::exact(high - low);
            return Some(n);
        }
    }

    // "a hundred", "a thousand", "a million", "a dozen"; "a third", "a quarter", "a half".
    if (w == "a" || w == "an") && p.is_word(i + 1) {
        let next = p.tl(i + 1);
        if let Some(s) = words
            .scales
            .get(next)
            .or_else(|| words.counting_words.get(next))
        {
            let mut n = word_numeral(i, i + 1, *s, NumeralKind::Words);
            n.precision = Precision::exact(1.0).scaled(*s);
            // "a hundred and fifty"
            if let Some(rest) = cardinal_sequence(p, i)
                && rest.1 > i + 1
            {
                n.value = rest.0;
                n.last = rest.1;
                n.precision = precision_of_integer(rest.0);
            }
            return Some(n);
        }
        if let Some(f) = words.fractions.get(next)
            && matches!(
                next,
                "half" | "third" | "quarter" | "fifth" | "sixth" | "eighth" | "tenth" | "fourth"
            )
        {
            let mut n = word_numeral(i, i + 1, *f, NumeralKind::Fraction);
            n.precision = Precision::exact(f * 0.1);
            fraction_of_scale(p, &mut n);
            return Some(n);
        }
        return None;
    }

    // "half a million", "half a dozen", "half"
    if let Some(f) = words.fractions.get(w) {
        if matches!(w, "half" | "quarter") {
            let mut n = word_numeral(i, i, *f, NumeralKind::Fraction);
            n.precision = Precision::exact(f * 0.1);
            fraction_of_scale(p, &mut n);
            return Some(n);
        }
        return None;
    }

    // Cardinals: "seventy-three", "two hundred and five", "one and a half million".
    let (value, last) = cardinal_sequence(p, i)?;
    let mut n = word_numeral(i, last, value, NumeralKind::Words);
    n.precision = if value.fract() == 0.0 {
        precision_of_integer(value)
    } else {
        Precision::exact(0.5)
    };
    n.bare_one = last == i && w == "one";
    // "two-thirds", "three quarters", "one third"
    let j = last + 1;
    if value.fract() == 0.0
        && (1.0..=20.0).contains(&value)
        && p.is_word(j)
        && let Some(f) = words.fractions.get(p.tl(j))
        && ((p.attached(j) && p.is_punct(j - 1, "-")) || !p.attached(j))
    {
        let fw = p.tl(j);
        // "one half", "two thirds": the denominator word, not an ordinal "third".
        let plural_ok = value == 1.0 || fw.ends_with('s') || fw == "half";
        if plural_ok {
            n.value = value * f;
            n.last = j;
            n.kind = NumeralKind::Fraction;
            n.bare_one = false;
            n.precision = Precision::exact(f * 0.1);
            fraction_of_scale(p, &mut n);
            return Some(n);
        }
    }
    // "two-thirds" is tokenised "two" "-" "thirds".
    if value.fract() == 0.0
        && p.is_punct(j, "-")
        && p.attached(j)
        && p.is_word(j + 1)
        && p.attached(j + 1)
        && let Some(f) = words.fractions.get(p.tl(j + 1))
    {
        n.value = value * f;
        n.last = j + 1;
        n.kind = NumeralKind::Fraction;
        n.bare_one = false;
        n.precision = Precision::exact(f * 0.1);
        fraction_of_scale(p, &mut n);
        return Some(n);
    }
    apply_scale(p, &mut n);
    if n.scale != 1.0 {
        n.bare_one = false;
    }
    Some(n)
}

/// "half a million", "a quarter of a million", "three-quarters of a billion": the fraction
/// scales a following scale word.
fn fraction_of_scale(p: &Para, n: &mut Numeral) {
    let words = &p.vocab.numbers;
    let mut j = n.last + 1;
    // "half million", "three quarters billion"
    if let Some(s) = words.scales.get(p.tl(j)).filter(|s| **s >= 1000.0) {
        n.value *= s;
        n.last = j;
        n.kind = NumeralKind::Words;
        n.scale = *s;
        n.scale_tok = Some(j);
        n.precision = precision_of_integer(n.value);
        return;
    }
    if p.tl(j) == "of" {
        j += 1;
    }
    if matches!(p.tl(j), "a" | "an")
        && let Some(s) = words
            .scales
            .get(p.tl(j + 1))
            .or_else(|| words.counting_words.get(p.tl(j + 1)))
    {
        n.value *= s;
        n.last = j + 1;
        n.kind = NumeralKind::Words;
        n.scale = *s;
        n.scale_tok = Some(j + 1);
        n.precision = precision_of_integer(n.value);
    }
}

fn word_numeral(first: usize, last: usize, value: f64, kind: NumeralKind) -> Numeral {
    Numeral {
        first,
        last,
        value,
        precision: Precision::exact(1.0),
        kind,
        scale: 1.0,
        scale_tok: None,
        grouped: false,
        decimal: false,
        int_digits: 0,
        leading_zero: false,
        bare_one: false,
        signed: false,
    }
}

/// The precision of a whole number as if written in digits ("two hundred" -> step 100 leniently).
pub fn precision_of_integer(v: f64) -> Precision {
    if v.abs() >= 1e15 || v.fract() != 0.0 {
        return Precision::exact((v.abs() * 1e-3).max(1.0));
    }
    let s = format!("{}", v.abs() as u64);
    Precision::of_digits(&s, "", 1.0)
}

/// Reads cardinal words from token `i`: returns the value and the last token used.
fn cardinal_sequence(p: &Para, i: usize) -> Option<(f64, usize)> {
    let words = &p.vocab.numbers;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last: Option<usize> = None;
    let mut j = i;
    // What the previous word was, to keep "twenty three" but refuse "five six".
    #[derive(PartialEq, Clone, Copy)]
    enum Prev {
        None,
        Unit,
        Tens,
        Hundred,
        Scale,
        Half,
    }
    let mut prev = Prev::None;
    // "a hundred" starts with 1.
    if matches!(p.tl(j), "a" | "an") && p.is_word(j + 1) && words.scales.contains_key(p.tl(j + 1)) {
        current = 1.0;
        prev = Prev::Unit;
        j += 1;
    }
    loop {
        if !p.is_word(j) {
            break;
        }
        let w = p.tl(j);
        if let Some(v) = words.cardinals.get(w) {
            let ok = match prev {
                Prev::None | Prev::Hundred | Prev::Scale => true,
                Prev::Tens => *v < 10.0 && *v > 0.0,
                Prev::Unit | Prev::Half => false,
            };
            if !ok {
                break;
            }
            current += v;
            prev = Prev::Unit;
            last = Some(j);
            j += 1;
            continue;
        }
        if let Some(v) = words.tens.get(w) {
            if !matches!(prev, Prev::None | Prev::Hundred | Prev::Scale) {
                break;
            }
            current += v;
            prev = Prev::Tens;
            last = Some(j);
            // "seventy-three"
            if p.is_punct(j + 1, "-")
                && p.attached(j + 1)
                && p.attached(j + 2)
                && let Some(u) = words.cardinals.get(p.tl(j + 2))
                && *u > 0.0
                && *u < 10.0
            {
                current += u;
                prev = Prev::Unit;
                last = Some(j + 2);
                j += 3;
                continue;
            }
            j += 1;
            continue;
        }
        if w == "hundred"
            && matches!(prev, Prev::Unit | Prev::Tens)
            && current > 0.0
            && current < 100.0
        {
            current *= 100.0;
            prev = Prev::Hundred;
            last = Some(j);
            j += 1;
            continue;
        }
        if let Some(s) = words.scales.get(w) {
            if *s >= 1000.0
                && matches!(prev, Prev::Unit | Prev::Tens | Prev::Hundred | Prev::Half)
                && current > 0.0
            {
                total += current * s;
                current = 0.0;
                prev = Prev::Scale;
                last = Some(j);
                j += 1;
                continue;
            }
            break;
        }
        if w == "and" {
            // "two hundred and five", "one and a half"
            let next = p.tl(j + 1);
            if matches!(prev, Prev::Hundred | Prev::Scale)
                && (words.cardinals.contains_key(next) || words.tens.contains_key(next))
            {
                j += 1;
                continue;
            }
            if matches!(prev, Prev::Unit | Prev::Tens | Prev::Hundred)
                && next == "a"
                && p.tl(j + 2) == "half"
            {
                current += 0.5;
                prev = Prev::Half;
                last = Some(j + 2);
                j += 3;
                continue;
            }
            if matches!(prev, Prev::Unit | Prev::Tens) && next == "a" && p.tl(j + 2) == "quarter" {
                current += 0.25;
                prev = Prev::Half;
                last = Some(j + 2);
                j += 3;
                continue;
            }
            break;
        }
        break;
    }
    let last = last?;
    Some((total + current, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocabulary;

    fn read(s: &str) -> Option<(f64, String)> {
        let v = Vocabulary::builtin();
        let p = Para::new(s, v);
        let n = parse_at(&p, 0)?;
        Some((n.value, p.slice(n.first, n.last).to_string()))
    }

    fn val(s: &str) -> f64 {
        read(s).unwrap().0
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(val("1,000 people"), 1000.0);
        assert_eq!(val("10,000.75 dollars"), 10000.75);
        assert_eq!(val("1 000 tonnes"), 1000.0);
        assert_eq!(val("1\u{a0}000 tonnes"), 1000.0);
        assert_eq!(val("15,200km"), 15200.0);
    }

    #[test]
    fn dots_as_thousands_only_when_the_thousands_reading_is_the_only_one() {
        assert_eq!(val("2.000.000 liters"), 2_000_000.0);
        assert_eq!(val("3.5 miles"), 3.5);
        assert!(read("2.3.1 release").is_none());
    }

    #[test]
    fn scale_words_multiply() {
        assert_eq!(val("1.5 million"), 1_500_000.0);
        assert_eq!(val("48.2 million"), 48_200_000.0);
        assert_eq!(val("94.0 mln dlrs"), 94_000_000.0);
        assert_eq!(val("5bn"), 5e9);
        assert_eq!(val("half a million"), 500_000.0);
        assert_eq!(val("two and a half million"), 2_500_000.0);
    }

    #[test]
    fn number_words() {
        assert_eq!(val("seventy-three railcars"), 73.0);
        assert_eq!(val("two hundred and five"), 205.0);
        assert_eq!(val("a dozen eggs"), 12.0);
        assert_eq!(val("a couple of weeks"), 2.0);
        assert_eq!(val("two and a half miles"), 2.5);
        assert_eq!(val("twenty three"), 23.0);
        assert_eq!(read("five six").unwrap().1, "five");
        assert_eq!(val("three hundred thousand"), 300_000.0);
        assert_eq!(val("a hundred and fifty"), 150.0);
    }

    #[test]
    fn fractions() {
        assert_eq!(val("1/4 mile"), 0.25);
        assert_eq!(val("2 1/2 in"), 2.5);
        assert_eq!(val("2½ miles"), 2.5);
        assert!((val("two-thirds of") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(val("three quarters"), 0.75);
        assert!(read("24/7").is_some_and(|(v, _)| v == 24.0));
    }

    #[test]
    fn vague_amounts() {
        let v = Vocabulary::builtin();
        let p = Para::new("tens of thousands of people", v);
        let n = parse_at(&p, 0).unwrap();
        assert_eq!(
            n.kind,
            NumeralKind::Vague {
                low: 10_000.0,
                high: 99_999.0
            }
        );
        assert_eq!(p.slice(n.first, n.last), "tens of thousands");
    }

    #[test]
    fn signs() {
        let v = Vocabulary::builtin();
        let p = Para::new("at \u{2212}5 degrees", v);
        let n = parse_at(&p, 2).unwrap();
        assert_eq!(n.value, -5.0);
        let p = Para::new("minus 40", v);
        assert_eq!(parse_at(&p, 1).unwrap().value, -40.0);
        let p = Para::new("10-15", v);
        assert_eq!(parse_at(&p, 2).unwrap().value, 15.0);
    }

    #[test]
    fn huge_numbers_do_not_panic() {
        assert!(val("1e400").is_infinite());
        let long = "9".repeat(400);
        assert!(val(&long).is_infinite());
    }

    #[test]
    fn figures_that_underflow_are_not_read_as_zero() {
        let v = Vocabulary::builtin();
        let tiny = format!("0.{}1 metres", "0".repeat(400));
        assert!(parse_at(&Para::new(&tiny, v), 0).is_none());
        assert!(parse_at(&Para::new("1e-400 metres", v), 0).is_none());
        // A written zero is still zero, and a small figure that fits is kept.
        assert_eq!(val("0.000"), 0.0);
        assert!((val("1e-300") / 1e-300 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn precision_is_kept() {
        let v = Vocabulary::builtin();
        let p = Para::new("1.5 million", v);
        let n = parse_at(&p, 0).unwrap();
        assert!((n.precision.lenient_step - 100_000.0).abs() < 1e-6);
        let p = Para::new("two hundred", v);
        let n = parse_at(&p, 0).unwrap();
        assert_eq!(n.precision.lenient_step, 100.0);
    }
}
