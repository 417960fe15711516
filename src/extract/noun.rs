//! The thing counted after a bare figure: "73 railcars", "4.464 million people".

use super::para::Para;
use serde::Serialize;

/// A counted noun: as written, and its lemma (singular, lower case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Noun {
    pub text: String,
    pub lemma: String,
    #[serde(skip)]
    pub tok: usize,
}

/// The counted noun after token `j - 1`, looking at up to three words ("73 new railcars").
pub fn noun_after(p: &Para, j: usize, value_is_one: bool) -> Option<Noun> {
    let mut k = j;
    let mut first_ok: Option<usize> = None;
    while k < j + 3 && k < p.len() {
        if !p.is_word(k) {
            break;
        }
        if k > j && !p.toks[k].space_before {
            break;
        }
        let w = p.tl(k);
        if w.len() < 2 && w != "x" {
            break;
        }
        // "270 new homes": a modifier is read past, though it names nothing itself.
        if k == j && !value_is_one && p.vocab.nouns.modifiers.contains(w) {
            k += 1;
            continue;
        }
        use crate::vocab::classes::{MONTH, NOT_NOUN, WEEKDAY};
        if p.has(k, NOT_NOUN | MONTH | WEEKDAY) || p.vocab.numbers.simple(w).is_some() {
            break;
        }
        // Capitalised words are names ("in 1986 CRD's"), unless a plural ("15,873 Jeeps").
        let cap = p.is_capitalized(k);
        // "one costs": after one, a plural is a verb.
        if value_is_one && is_plural(p, w) && !p.vocab.nouns.irregular.contains_key(w) {
            return None;
        }
        if is_plural(p, w) {
            if cap && k > j {
                break;
            }
            return Some(Noun {
                text: p.t(k).to_string(),
                lemma: lemma(p, w),
                tok: k,
            });
        }
        if cap {
            break;
        }
        if first_ok.is_none() {
            first_ok = Some(k);
        }
        k += 1;
    }
    if value_is_one {
        let k = first_ok?;
        return Some(Noun {
            text: p.t(k).to_string(),
            lemma: lemma(p, p.tl(k)),
            tok: k,
        });
    }
    None
}

/// Looks plural: "railcars", "people", "children"; not "glass", "bus", "analysis".
pub fn is_plural(p: &Para, w: &str) -> bool {
    if let Some(s) = p.vocab.nouns.irregular.get(w) {
        return s != w
            || w == "people"
            || w == "data"
            || w == "police"
            || w == "cattle"
            || w == "staff";
    }
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
}

/// Singular, lower case: "railcars" -> "railcar", "batteries" -> "battery".
pub fn lemma(p: &Para, w: &str) -> String {
    let w = w.to_lowercase();
    if let Some(s) = p.vocab.nouns.irregular.get(&w) {
        return s.clone();
    }
    if !is_plural(p, &w) {
        return w;
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for suf in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    w[..w.len() - 1].to_string()
}
