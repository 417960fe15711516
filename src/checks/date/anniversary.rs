//! Anniversaries read by `duration-mismatch`: "completed in 1311, the cathedral celebrated its
//! 700th anniversary in 2011" holds; "its 600th anniversary in 2011" does not. The number of
//! years is an ordinal before an `anniversary` word of `rules/dates.toml` ("700th", "50th-
//! anniversary gala") or an `anniversary_names` word ("centenary"); the founding (or birth)
//! year is the sentence's one year after a `birth` word, the anniversary's year the one
//! right after the anniversary ("in 2011").

use crate::checks::DocParagraph;
use crate::dates::words::DateWords;
use crate::diagnostic::{Expected, Finding, Severity};
use crate::extract::{DateMention, Para, Span};

/// Reports the anniversaries of a paragraph that do not fit their years.
pub(super) fn anniversaries(para: &DocParagraph, id: &'static str, out: &mut Vec<Finding>) {
    let (p, facts) = (para.para, para.facts);
    let words = DateWords::builtin();
    // Only sentences with two years are read: most have none, and their tokens are not looked at.
    let years: Vec<&DateMention> = facts.dates.iter().filter(|m| m.year.is_some()).collect();
    for i in 1..years.len() {
        let (a, b) = (years[i - 1], years[i]);
        let sentence = super::sentence_at(facts, a.span.start);
        let Some(&(s0, s1)) = facts.sentences.get(sentence) else {
            continue;
        };
        // The sentence's only two years (they are in text order).
        let in_sentence = |m: &DateMention| m.span.start >= s0 && m.span.start < s1;
        if !in_sentence(b)
            || (i >= 2 && in_sentence(years[i - 2]))
            || years.get(i + 1).is_some_and(|m| in_sentence(m))
        {
            continue;
        }
        let (ta, tb) = (p.tok_at(a.span.end), p.tok_at(b.span.start));
        let Some((k, (stated, first))) =
            (ta..tb).find_map(|k| stated_years(p, k, words).map(|x| (k, x)))
        else {
            continue;
        };
        let founded = words.birth.before(p, p.tok_at(a.span.start)).is_some();
        let bt = p.tok_at(b.span.start);
        // The anniversary's year: "anniversary in 2011", "anniversary gala in 2011".
        let dated = bt > k && bt - k <= 4 && p.tl(bt - 1) == "in";
        let (Some(y1), Some(y2)) = (a.year, b.year) else {
            continue;
        };
        if !founded || !dated || y2 <= y1 || stated == y2 - y1 {
            continue;
        }
        let span = Span::new(p.start(first), p.end(k));
        let span = para.to_source(span.cover(&a.span).cover(&b.span));
        let mut f = Finding::new(
            id,
            Severity::Error,
            span,
            format!(
                "from {y1} to {y2} is {} years, not the {} the anniversary says",
                y2 - y1,
                stated
            ),
        );
        f.expected = Some(Expected {
            text: format!("{} years", y2 - y1),
            value: f64::from(y2 - y1),
            unit: Some("year".into()),
        });
        out.push(f);
    }
}

/// The years an anniversary at token `k` counts, and its first token: "600th anniversary",
/// "50th-anniversary", "centenary".
fn stated_years(p: &Para, k: usize, words: &DateWords) -> Option<(i32, usize)> {
    if !p.is_word(k) {
        return None;
    }
    if let Some(&n) = words.anniversary_names.get(p.tl(k)) {
        return Some((n, k));
    }
    if !words.anniversary.has_word(p.tl(k)) || k == 0 {
        return None;
    }
    let j = if p.is_punct(k - 1, "-") && k >= 2 {
        k - 2
    } else {
        k - 1
    };
    // "600th" is read as "600" and "th", or as one token.
    let suffix = |t: &str| matches!(t, "th" | "st" | "nd" | "rd");
    let (digits, first) = if suffix(p.tl(j)) && j >= 1 && p.is_digits(j - 1) && p.attached(j) {
        (p.tl(j - 1), j - 1)
    } else {
        let t = p.tl(j);
        let d = ["th", "st", "nd", "rd"]
            .iter()
            .find_map(|x| t.strip_suffix(x))?;
        (d, j)
    };
    let n: i32 = digits.parse().ok()?;
    (n > 0).then_some((n, first))
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::check_rule;

    const ID: &str = "duration-mismatch";

    #[test]
    fn an_anniversary_counts_the_years_since_the_founding() {
        // 1885 to 1985 is 100 years.
        assert!(
            check_rule(
                ID,
                "Opened in 1885, the library held its 100th-anniversary fair in 1985."
            )
            .is_empty()
        );
        let f = check_rule(
            ID,
            "Opened in 1885, the library held its 125th-anniversary fair in 1985.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "from 1885 to 1985 is 100 years, not the 125 the anniversary says"
        );
        assert!(
            check_rule(ID, "Founded in 1911, the club marks its centenary in 2011.").is_empty()
        );
        assert_eq!(
            check_rule(ID, "Founded in 1911, the club marks its centenary in 2021.").len(),
            1
        );
        // No founding word before the first year: two unrelated years.
        assert!(
            check_rule(
                ID,
                "In 1990 the firm marked its 50th anniversary, and in 2000 it was sold."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_duration_later_then_its_year() {
        // 1947 to 1969 is 21 to 23 years.
        assert!(
            check_rule(
                ID,
                "She left Vienna in 1947 and returned 22 years later, in 1969."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                ID,
                "She left Vienna in 1947 and returned 12 years later, in 1969."
            )
            .len(),
            1
        );
    }
}
