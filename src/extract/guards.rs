//! What is not a quantity: dates, times, years, ordinals, coordinates, versions, phone numbers,
//! ratios, scores and identifiers ("COVID-19", "F-16", "G7", "Section 427", "No. 10").
//!
//! Dates are not thrown away: they are returned as [`DateMention`]s for the date checks.

use super::para::Para;
use super::{DateMention, Span};

/// What a guard decided about the figure at a token.
#[derive(Debug, Clone, PartialEq)]
pub enum Guarded {
    /// A date or time: skip to `last` and keep the mention.
    Date { last: usize, mention: DateMention },
    /// Not a quantity and not a date: skip to `last`.
    Skip { last: usize },
}

impl Guarded {
    pub fn last(&self) -> usize {
        match self {
            Guarded::Date { last, .. } | Guarded::Skip { last } => *last,
        }
    }
}

fn digits_value(p: &Para, i: usize) -> Option<u32> {
    if p.is_digits(i) && p.t(i).len() <= 9 {
        p.t(i).parse().ok()
    } else {
        None
    }
}

fn month_at(p: &Para, i: usize) -> Option<(u8, usize)> {
    if !p.is_word(i) {
        return None;
    }
    if !p.has(i, crate::vocab::classes::MONTH) {
        return None;
    }
    let w = p.tl(i);
    let m = *p.vocab.guards.months.get(w)?;
    // "may" and "mar" are words too: a month only when capitalised.
    if matches!(w, "may" | "mar" | "jan" | "sun" | "sat" | "wed") && !p.is_capitalized(i) {
        return None;
    }
    let last = if p.is_punct(i + 1, ".") && p.attached(i + 1) && w.len() <= 4 {
        i + 1
    } else {
        i
    };
    Some((m, last))
}

fn weekday_at(p: &Para, i: usize) -> Option<u8> {
    if !p.is_word(i) || !p.is_capitalized(i) {
        return None;
    }
    if !p.has(i, crate::vocab::classes::WEEKDAY) {
        return None;
    }
    p.vocab.guards.weekdays.get(p.tl(i)).copied()
}

fn year_after(p: &Para, j: usize) -> Option<(i32, usize)> {
    // ", 2024" or " 2024"
    let k = if p.is_punct(j, ",") { j + 1 } else { j };
    if p.is_digits(k)
        && p.t(k).len() == 4
        && !(p.is_punct(k + 1, ",") && p.is_digits(k + 2) && p.attached(k + 2))
    {
        let y: i32 = p.t(k).parse().ok()?;
        if (1000..=2200).contains(&y) {
            return Some((y, k));
        }
    }
    None
}

fn ordinal_suffix_at(p: &Para, i: usize) -> bool {
    p.is_word(i)
        && p.attached(i)
        && p.vocab.guards.ordinal_suffixes.contains(p.t(i))
        && suffix_fits(p.t(i - 1), p.tl(i))
}

/// Does an English ordinal suffix fit the figure: "1st", "22nd", "13th", but not "8st" or
/// "14st" (stones: "8st 4lb")? Suffixes this does not know are let through.
fn suffix_fits(digits: &str, suffix: &str) -> bool {
    let b = digits.as_bytes();
    let (Some(&last), tens) = (b.last(), b.len() >= 2 && b[b.len() - 2] == b'1') else {
        return true;
    };
    match suffix {
        "st" => last == b'1' && !tens,
        "nd" => last == b'2' && !tens,
        "rd" => last == b'3' && !tens,
        "th" => tens || !matches!(last, b'1' | b'2' | b'3'),
        _ => true,
    }
}

fn mention(p: &Para, first: usize, last: usize) -> DateMention {
    DateMention {
        span: Span::new(p.start(first), p.end(last)),
        year: None,
        month: None,
        day: None,
        weekday: None,
        hour: None,
        minute: None,
    }
}

/// Guards that need only the tokens at and around the digits at `i` (checked before reading
/// the number).
pub fn before_numeral(p: &Para, i: usize) -> Option<Guarded> {
    // Identifiers glued to letters: "G7", "A380", "MH17", "COVID-19", "F-16", "#1".
    if i > 0 && p.attached(i) {
        let prev_word = p.is_word(i - 1);
        let hyphen_word =
            p.is_punct_any(i - 1, &["-", "‑"]) && i >= 2 && p.is_word(i - 2) && p.attached(i - 1);
        let hash = p.is_punct_any(i - 1, &["#", "№"]);
        let is_currency_code = prev_word && p.vocab.units.currency_codes.contains_key(p.t(i - 1));
        let is_currency_prefix = prev_word
            && p.vocab
                .units
                .currency_prefixes
                .iter()
                .any(|(s, _)| s.as_str() == p.t(i - 1));
        let minus = hyphen_word && p.tl(i - 2) == "minus";
        // "5km-10km": the unit glued to the figure before is written again after this one.
        let unit_range = hyphen_word
            && i >= 3
            && p.is_digits(i - 3)
            && p.attached(i - 2)
            && p.attached(i + 1)
            && p.t(i + 1) == p.t(i - 2);
        if unit_range {
            return None;
        }
        if (prev_word && !is_currency_code && !is_currency_prefix && p.tl(i - 1) != "x")
            || (hyphen_word && !minus)
            || hash
        {
            let mut last = i;
            while p.attached(last + 1)
                && (p.is_word(last + 1)
                    || p.is_digits(last + 1)
                    || (p.is_punct_any(last + 1, &["-", "."])
                        && (p.is_digits(last + 2) || p.is_word(last + 2))
                        && p.attached(last + 2)))
            {
                last += 1;
            }
            // "mid-2020", "pre-1990": a year all the same.
            if hyphen_word
                && p.t(i).len() == 4
                && matches!(
                    p.tl(i - 2),
                    "mid" | "pre" | "post" | "early" | "late" | "end" | "since"
                )
            {
                let mut m = mention(p, i - 2, i);
                m.year = p.t(i).parse().ok();
                return Some(Guarded::Date { last, mention: m });
            }
            return Some(Guarded::Skip { last });
        }
    }
    // Exponents and catalogue suffixes: "m^2", "fb−1", "J1149.5+6663".
    if i >= 2
        && p.attached(i)
        && p.is_punct_any(i - 1, &["^", "+", "−"])
        && p.attached(i - 1)
        && (p.is_word(i - 2) || p.is_digits(i - 2))
    {
        let mut last = i;
        while p.attached(last + 1) && (p.is_word(last + 1) || p.is_digits(last + 1)) {
            last += 1;
        }
        return Some(Guarded::Skip { last });
    }
    // Square-bracket references: "[1]".
    if i > 0 && p.is_punct(i - 1, "[") && p.is_punct(i + 1, "]") {
        return Some(Guarded::Skip { last: i + 1 });
    }
    // Times and ratios: "06:15", "12:50 pm", "2:1", "1:30.5".
    if p.is_punct(i + 1, ":") && p.attached(i + 1) && p.is_digits(i + 2) && p.attached(i + 2) {
        let mut last = i + 2;
        while p.is_punct_any(last + 1, &[":", "."])
            && p.attached(last + 1)
            && p.is_digits(last + 2)
            && p.attached(last + 2)
        {
            last += 2;
        }
        let h = digits_value(p, i);
        let m = digits_value(p, i + 2);
        let is_time =
            p.t(i + 2).len() == 2 && h.is_some_and(|h| h <= 24) && m.is_some_and(|m| m < 60);
        if is_time {
            if let Some(e) = time_word_after(p, last + 1) {
                last = e;
            }
            let mut dm = mention(p, i, last);
            dm.hour = h.map(|h| h as u8);
            dm.minute = m.map(|m| m as u8);
            if p.tl(last).starts_with('p') && dm.hour.is_some_and(|h| h < 12) {
                dm.hour = dm.hour.map(|h| h + 12);
            }
            return Some(Guarded::Date { last, mention: dm });
        }
        return Some(Guarded::Skip { last });
    }
    // Versions: "2.3.1", "v10.2.0".
    if p.is_punct(i + 1, ".")
        && p.attached(i + 1)
        && p.is_digits(i + 2)
        && p.attached(i + 2)
        && p.is_punct(i + 3, ".")
        && p.attached(i + 3)
        && p.is_digits(i + 4)
        && p.attached(i + 4)
    {
        let thousands = p.t(i).len() <= 3 && p.t(i + 2).len() == 3 && p.t(i + 4).len() == 3;
        if !thousands {
            let mut last = i + 4;
            while p.is_punct(last + 1, ".")
                && p.attached(last + 1)
                && p.is_digits(last + 2)
                && p.attached(last + 2)
            {
                last += 2;
            }
            return Some(Guarded::Skip { last });
        }
    }
    // Seasons and year spans: "2013-14", "2019/20".
    if p.t(i).len() == 4
        && p.is_punct_any(i + 1, &["-", "/", "–"])
        && p.attached(i + 1)
        && p.is_digits(i + 2)
        && p.attached(i + 2)
        && p.t(i + 2).len() == 2
        && let Ok(y) = p.t(i).parse::<i32>()
        && (1000..=2200).contains(&y)
        && !(p.is_punct(i + 3, p.t(i + 1)) && p.is_digits(i + 4))
    {
        let mut dm = mention(p, i, i + 2);
        dm.year = Some(y);
        return Some(Guarded::Date {
            last: i + 2,
            mention: dm,
        });
    }
    // "24/7", "9/11", "1/0": slashed pairs that are not fractions.
    if p.is_punct(i + 1, "/")
        && p.attached(i + 1)
        && p.is_digits(i + 2)
        && p.attached(i + 2)
        && !(p.is_punct(i + 3, "/") && p.attached(i + 3))
    {
        let a: f64 = p.t(i).parse().unwrap_or(0.0);
        let b: f64 = p.t(i + 2).parse().unwrap_or(0.0);
        let fraction = (2.0..=100.0).contains(&b) && a > 0.0 && a < b;
        let mixed_whole = i > 0 && p.is_digits(i - 1) && p.gap(i) == " ";
        if !fraction && !mixed_whole {
            return Some(Guarded::Skip { last: i + 2 });
        }
    }
    // Dates with slashes or ISO dashes: "5/10/2024", "2024-01-05".
    if p.is_punct_any(i + 1, &["/", "-", "."])
        && p.attached(i + 1)
        && p.is_digits(i + 2)
        && p.attached(i + 2)
    {
        let sep = p.t(i + 1);
        if p.is_punct(i + 3, sep) && p.attached(i + 3) && p.is_digits(i + 4) && p.attached(i + 4) {
            let a = p.t(i);
            let c = p.t(i + 4);
            let looks_date = (a.len() == 4 && p.t(i + 2).len() <= 2 && c.len() <= 2)
                || (a.len() <= 2 && p.t(i + 2).len() <= 2 && (c.len() == 4 || c.len() == 2));
            if looks_date && !(sep == "." && a.len() <= 3 && p.t(i + 2).len() == 3) {
                let mut dm = mention(p, i, i + 4);
                if a.len() == 4 {
                    dm.year = a.parse().ok();
                    dm.month = p.t(i + 2).parse().ok();
                    dm.day = c.parse().ok();
                }
                return Some(Guarded::Date {
                    last: i + 4,
                    mention: dm,
                });
            }
            if sep == "-" {
                // "555-123-4567": a phone number.
                let mut last = i + 4;
                while p.is_punct(last + 1, "-")
                    && p.attached(last + 1)
                    && p.is_digits(last + 2)
                    && p.attached(last + 2)
                {
                    last += 2;
                }
                return Some(Guarded::Skip { last });
            }
        }
        // "555-1234": three digits then four; not "930-1240 miles", a range of a unit.
        if sep == "-"
            && p.t(i).len() == 3
            && p.t(i + 2).len() == 4
            && !p.has(i + 3, crate::vocab::classes::UNIT_START)
        {
            return Some(Guarded::Skip { last: i + 2 });
        }
    }
    // Phone numbers starting with "+": "+44 20 7946 0958".
    if i > 0
        && p.is_punct(i - 1, "+")
        && p.attached(i)
        && p.is_digits(i + 1)
        && !p.attached(i + 1)
        && p.t(i).len() <= 3
    {
        let mut last = i;
        while p.is_digits(last + 1) && p.gap(last + 1) == " " {
            last += 1;
        }
        if last > i {
            return Some(Guarded::Skip { last });
        }
    }
    // Decades: "1990s", "the '90s".
    if p.is_word(i + 1)
        && p.attached(i + 1)
        && p.t(i + 1) == "s"
        && (p.t(i).len() == 4 || (p.t(i).len() == 2 && i > 0 && p.is_punct_any(i - 1, &["'", "’"])))
        && p.t(i).ends_with('0')
    {
        return Some(Guarded::Skip { last: i + 1 });
    }
    // Ordinals: "1st", "22nd", "5th of October".
    if ordinal_suffix_at(p, i + 1) {
        let mut last = i + 1;
        let day = digits_value(p, i);
        let mut k = last + 1;
        if p.tl(k) == "of" {
            k += 1;
        }
        if let Some((m, ml)) = month_at(p, k) {
            last = ml;
            let mut dm = mention(p, i, last);
            dm.day = day.map(|d| d as u8);
            dm.month = Some(m);
            if let Some((y, yl)) = year_after(p, last + 1) {
                dm.year = Some(y);
                last = yl;
            }
            add_weekday_before(p, i, &mut dm);
            return Some(Guarded::Date { last, mention: dm });
        }
        // "March 1st": the month is before.
        if i > 0
            && let Some((m, _)) = month_at(p, i - 1)
        {
            let mut dm = mention(p, i - 1, last);
            dm.day = day.map(|d| d as u8);
            dm.month = Some(m);
            if let Some((y, yl)) = year_after(p, last + 1) {
                dm.year = Some(y);
                last = yl;
            }
            add_weekday_before(p, i - 1, &mut dm);
            dm.span.end = p.end(last);
            return Some(Guarded::Date { last, mention: dm });
        }
        return Some(Guarded::Skip { last });
    }
    // Day then month: "5 October", "05 January 2024", "30 December".
    if p.t(i).len() <= 2
        && let Some((m, ml)) = month_at(p, i + 1)
        && (!p.attached(i + 1) || p.is_word(i + 1))
    {
        let day = digits_value(p, i).unwrap_or(0);
        if (1..=31).contains(&day) {
            let mut last = ml;
            let mut dm = mention(p, i, last);
            dm.day = Some(day as u8);
            dm.month = Some(m);
            if let Some((y, yl)) = year_after(p, last + 1) {
                dm.year = Some(y);
                last = yl;
            }
            add_weekday_before(p, i, &mut dm);
            dm.span.end = p.end(last);
            return Some(Guarded::Date { last, mention: dm });
        }
    }
    // Month then day or year: "January 31", "October 5, 2024", "March 1-10", "October 2023".
    if i > 0 {
        let mut mi = i - 1;
        if p.is_punct(mi, ".") && mi > 0 {
            mi -= 1;
        }
        if let Some((m, _)) = month_at(p, mi) {
            let v = digits_value(p, i).unwrap_or(0);
            if p.t(i).len() <= 2 && (1..=31).contains(&v) {
                let mut last = i;
                // "March 1-10", "February 21 to 28"
                if (p.is_punct_any(i + 1, &["-", "–"])
                    && p.is_digits(i + 2)
                    && p.t(i + 2).len() <= 2)
                    || (p.tl(i + 1) == "to" && p.is_digits(i + 2) && p.t(i + 2).len() <= 2)
                {
                    last = i + 2;
                }
                let mut dm = mention(p, mi, last);
                dm.month = Some(m);
                dm.day = Some(v as u8);
                if ordinal_suffix_at(p, last + 1) {
                    last += 1;
                }
                if let Some((y, yl)) = year_after(p, last + 1) {
                    dm.year = Some(y);
                    last = yl;
                }
                add_weekday_before(p, mi, &mut dm);
                dm.span.end = p.end(last);
                return Some(Guarded::Date { last, mention: dm });
            }
            if p.t(i).len() == 4 && (1000..=2200).contains(&v) {
                let mut dm = mention(p, mi, i);
                dm.month = Some(m);
                dm.year = Some(v as i32);
                return Some(Guarded::Date {
                    last: i,
                    mention: dm,
                });
            }
        }
    }
    // Clock times: "5 pm", "10.30am", "1300 GMT".
    {
        let mut last = i;
        if p.is_punct_any(i + 1, &[".", ":"])
            && p.attached(i + 1)
            && p.is_digits(i + 2)
            && p.t(i + 2).len() == 2
        {
            last = i + 2;
        }
        if let Some(e) = time_word_after(p, last + 1) {
            let w = p.tl(last + 1);
            let clock_word = matches!(w, "am" | "pm" | "a" | "p");
            let v = digits_value(p, i).unwrap_or(99);
            let four = p.t(i).len() == 4 && v % 100 < 60 && v / 100 <= 24;
            let plausible = if clock_word {
                v <= 12 && p.t(i).len() <= 2
            } else if matches!(w, "hrs" | "hours gmt" | "local time" | "o'clock" | "oclock") {
                four || (w != "hrs" && v <= 24)
            } else {
                four || (v <= 24 && last > i)
            };
            if plausible {
                let mut dm = mention(p, i, e);
                if p.t(i).len() == 4 {
                    dm.hour = Some((v / 100) as u8);
                    dm.minute = Some((v % 100) as u8);
                } else {
                    dm.hour = Some(v as u8);
                    if last > i {
                        dm.minute = p.t(i + 2).parse().ok();
                    }
                    if w.starts_with('p') && v < 12 {
                        dm.hour = Some((v + 12) as u8);
                    }
                }
                return Some(Guarded::Date {
                    last: e,
                    mention: dm,
                });
            }
        }
    }
    // Coordinates: 34°09′22″N, 51.5° N.
    if let Some(last) = coordinate(p, i) {
        return Some(Guarded::Skip { last });
    }
    None
}

fn add_weekday_before(p: &Para, first: usize, dm: &mut DateMention) {
    let mut k = first;
    if k > 0 && p.is_punct(k - 1, ",") {
        k -= 1;
    }
    // "Wed. 3 Jan", "Wed., Jan. 3": an abbreviated weekday's full stop.
    if k > 1
        && p.is_punct(k - 1, ".")
        && p.attached(k - 1)
        && p.t(k - 2).len() <= 4
        && weekday_at(p, k - 2).is_some()
    {
        k -= 1;
    }
    // "The Sun 7 January edition" names a newspaper, not a Sunday.
    let named = k >= 2 && p.t(k - 1).len() <= 4 && p.tl(k - 2) == "the";
    if k > 0
        && !named
        && let Some(w) = weekday_at(p, k - 1)
    {
        dm.weekday = Some(w);
        dm.span.start = p.start(k - 1);
    }
}

/// "GMT", "a.m.", "pm" after a figure: the last token of the time word.
fn time_word_after(p: &Para, j: usize) -> Option<usize> {
    if !p.is_word(j) {
        return None;
    }
    let words = &p.vocab.guards.time_words;
    // "a.m." is a . m .
    if matches!(p.tl(j), "a" | "p")
        && p.is_punct(j + 1, ".")
        && p.attached(j + 1)
        && p.tl(j + 2) == "m"
        && p.attached(j + 2)
    {
        let last = if p.is_punct(j + 3, ".") && p.attached(j + 3) {
            j + 3
        } else {
            j + 2
        };
        return Some(last);
    }
    if words.contains(p.tl(j)) {
        // "5 ET" is a time, but "5 et al" is not.
        return Some(j);
    }
    None
}

fn coordinate(p: &Para, i: usize) -> Option<usize> {
    let mut k = i;
    if p.is_punct(k + 1, ".") && p.attached(k + 1) && p.is_digits(k + 2) {
        k += 2;
    }
    if !p.is_punct_any(k + 1, &["°", "º", "˚"]) {
        return None;
    }
    k += 1;
    for _ in 0..8 {
        let j = k + 1;
        if j >= p.len() {
            return None;
        }
        if p.is_word(j) {
            return if matches!(p.t(j), "N" | "S" | "E" | "W") {
                Some(j)
            } else {
                None
            };
        }
        if p.is_digits(j) || p.is_punct_any(j, &["′", "'", "’", "″", "\"", "”", ".", "°"])
        {
            k = j;
            continue;
        }
        return None;
    }
    None
}

/// Is `w` (lower case) a word that, before a bare figure, makes it a label ("Section 427")?
pub fn is_label(p: &Para, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mut k = i - 1;
    if p.is_punct(k, ".") && k > 0 && p.attached(k) {
        let w = format!("{}.", p.tl(k - 1));
        if p.vocab.guards.labels.contains(&w) {
            return true;
        }
        k -= 1;
    }
    p.is_word(k) && p.vocab.guards.labels.contains(p.tl(k))
}

/// Words before a four-digit figure that make it a year: "in 1986", "since 2020".
pub fn year_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "from"
            | "until"
            | "till"
            | "of"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "around"
            | "circa"
            | "between"
            | "through"
            | "to"
            | "and"
            | "year"
            | "fiscal"
            | "fy"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "christmas"
            | "season"
            | "the"
            | "s"
            | "born"
            | "founded"
            | "established"
            | "built"
    )
}
