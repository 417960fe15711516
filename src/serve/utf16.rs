//! Byte offsets to UTF-16 offsets: JavaScript strings index by UTF-16 code units, so a browser
//! that splices a fix into its textarea needs them ("é" is 2 bytes but 1 unit; an emoji is 4
//! bytes but 2 units).

use serde_json::Value;

/// Adds `utf16_start`/`utf16_end` beside every `byte_start`/`byte_end` pair in `v`, at any
/// depth (findings, suggestions, related spans, passed claims, quantities).
pub fn annotate(text: &str, v: &mut Value) {
    let mut offsets = Vec::new();
    collect(v, &mut offsets);
    offsets.sort_unstable();
    offsets.dedup();
    let table = convert(text, &offsets);
    apply(v, &offsets, &table);
}

fn collect(v: &Value, out: &mut Vec<usize>) {
    match v {
        Value::Object(o) => {
            for key in ["byte_start", "byte_end"] {
                if let Some(n) = o.get(key).and_then(Value::as_u64) {
                    out.push(n as usize);
                }
            }
            o.values().for_each(|x| collect(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}

fn apply(v: &mut Value, offsets: &[usize], table: &[usize]) {
    match v {
        Value::Object(o) => {
            for (from, to) in [("byte_start", "utf16_start"), ("byte_end", "utf16_end")] {
                if let Some(n) = o.get(from).and_then(Value::as_u64)
                    && let Ok(i) = offsets.binary_search(&(n as usize))
                {
                    o.insert(to.into(), Value::from(table[i]));
                }
            }
            o.values_mut().for_each(|x| apply(x, offsets, table));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| apply(x, offsets, table)),
        _ => {}
    }
}

/// UTF-16 offsets of sorted byte offsets, in one pass. An offset inside a character counts
/// the units before that character; one past the end counts the whole text.
pub fn convert(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut units = 0usize;
    let mut chars = text.char_indices().peekable();
    for &b in sorted {
        while let Some(&(i, c)) = chars.peek() {
            if i + c.len_utf8() > b {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out.push(units);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_code_units_not_bytes() {
        let t = "é 😀 x";
        // é = 2 bytes / 1 unit, space, 😀 = 4 bytes / 2 units, space, x.
        assert_eq!(convert(t, &[0, 2, 3, 7, 8, 9]), vec![0, 1, 2, 4, 5, 6]);
    }

    #[test]
    fn annotates_nested_spans() {
        let t = "£5 (€6)";
        let mut v = json!({"findings": [{"byte_start": 0, "byte_end": 3,
            "suggestion": {"byte_start": 8, "byte_end": 9}}]});
        annotate(t, &mut v);
        let f = &v["findings"][0];
        assert_eq!(
            (f["utf16_start"].as_u64(), f["utf16_end"].as_u64()),
            (Some(0), Some(2))
        );
        let s = &f["suggestion"];
        assert_eq!(
            (s["utf16_start"].as_u64(), s["utf16_end"].as_u64()),
            (Some(5), Some(6))
        );
    }
}
