//! Two counts of the same thing set side by side, with no relation stated: "73 railcars were
//! delivered, whereas about 20 railcars were planned". The reader will compare them, so they
//! are recomputed for `--show-passed`.

use super::sentence::Sentence;
use crate::claims::{Claim, ComparisonClaim};
use crate::units::Dimension;

/// Two counts of the same thing set side by side ("73 railcars ... whereas ... about 20
/// railcars"): a comparison the reader will make, recomputed for `--show-passed`.
pub(super) fn contrasts(s: &Sentence, claimed: &[usize], out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
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
