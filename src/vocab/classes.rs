//! Word classes: every word the vocabulary knows, with what it can be, in one map. A paragraph
//! looks each word up once; the readers then test bits instead of probing a dozen word lists.

use rustc_hash::FxHashMap;

/// Starts a number written in words ("seventy", "a", "half", "dozens").
pub const NUMBER_START: u32 = 1 << 0;
/// A multiplier ("twice", "doubled").
pub const MULTIPLIER: u32 = 1 << 1;
/// Starts a unit spelling ("km", "square", "degrees", "%").
pub const UNIT_START: u32 = 1 << 2;
/// Starts a currency written after a figure ("dollars", "mln"... no: "canadian", "p", "EUR").
pub const CURRENCY_START: u32 = 1 << 3;
/// Ends a hedge written before a figure ("about", "than", "to").
pub const HEDGE_END: u32 = 1 << 4;
/// Starts a hedge written after a figure ("or", "at", "plus").
pub const HEDGE_AFTER_START: u32 = 1 << 5;
/// A change word up ("rose") or down ("fell").
pub const CHANGE_UP: u32 = 1 << 6;
pub const CHANGE_DOWN: u32 = 1 << 7;
/// A month or a weekday name.
pub const MONTH: u32 = 1 << 8;
pub const WEEKDAY: u32 = 1 << 9;
/// A word that cannot be a counted noun ("the", "were", "in").
pub const NOT_NOUN: u32 = 1 << 10;

/// The class map: lower-case word -> class bits.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    map: FxHashMap<String, u32>,
}

impl WordClasses {
    pub fn add<'a>(&mut self, words: impl IntoIterator<Item = &'a str>, class: u32) {
        for w in words {
            *self.map.entry(w.to_lowercase()).or_default() |= class;
        }
    }

    /// The classes of a lower-case word (0 when the vocabulary does not know it).
    pub fn of(&self, lower: &str) -> u32 {
        self.map.get(lower).copied().unwrap_or(0)
    }
}
