//! HTML: text nodes only. Script, style, code, pre and the head are skipped; entities are
//! decoded with their offsets kept; block elements end paragraphs, inline ones join their text
//! ("<b>900 km</b> (550 miles)" is one run of prose).

use super::{Document, Paragraph, suppress};

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "script", "style", "code", "pre", "head", "noscript", "template", "svg", "math", "textarea",
    "select", "kbd", "samp", "var", "iframe", "object",
];

/// Elements that start or end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "body",
    "html",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "caption",
    "address",
    "title",
    "option",
];

pub fn parse(source: &str) -> Document {
    let mut doc = Document::default();
    let mut current = Paragraph::default();
    let mut skip: Vec<String> = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let flush = |current: &mut Paragraph, doc: &mut Document| {
        if !current.text.trim().is_empty() {
            doc.paragraphs.push(std::mem::take(current));
        } else {
            *current = Paragraph::default();
        }
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // Text before this '<'.
        if skip.is_empty() {
            push_text(&mut current, source, text_start, i);
        }
        if source[i..].starts_with("<!--") {
            let end = source[i + 4..]
                .find("-->")
                .map_or(source.len(), |e| i + 4 + e + 3);
            // Inside <script> or <pre> a comment is not the author's note to numlint.
            if skip.is_empty()
                && let Some(s) = suppress::parse_comment(&source[i..end], i)
            {
                doc.suppressions.push(s);
            }
            i = end;
            text_start = i;
            continue;
        }
        if source[i..].starts_with("<![CDATA[") {
            let end = source[i..].find("]]>").map_or(source.len(), |e| i + e + 3);
            i = end;
            text_start = i;
            continue;
        }
        let Some((tag, end)) = read_tag(source, i) else {
            // A lone '<' is text.
            i += 1;
            continue;
        };
        let name = tag.name.to_ascii_lowercase();
        if name == "meta" {
            let prop = tag
                .attr("property")
                .or_else(|| tag.attr("name"))
                .unwrap_or_default();
            if matches!(
                prop.as_str(),
                "article:published_time" | "date" | "pubdate" | "publish-date" | "dc.date"
            ) && doc.metadata.date.is_none()
            {
                doc.metadata.date = tag.attr("content");
            }
        }
        if name == "time" && !tag.closing && doc.metadata.date.is_none() {
            doc.metadata.date = tag.attr("datetime");
        }
        if let Some(open) = skip.last() {
            if tag.closing && name == *open {
                skip.pop();
            }
            i = end;
            text_start = i;
            continue;
        }
        if !tag.closing && SKIPPED.contains(&name.as_str()) && !tag.self_closing {
            // "head" still holds the metadata we want.
            skip.push(name.clone());
        }
        if name == "br" {
            current.push_gap(" ", i);
        } else if BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut doc);
        }
        i = end;
        text_start = i;
    }
    if skip.is_empty() {
        push_text(&mut current, source, text_start, source.len());
    }
    flush(&mut current, &mut doc);
    doc
}

/// Appends the text `source[start..end]`, decoding entities.
fn push_text(p: &mut Paragraph, source: &str, start: usize, end: usize) {
    let text = &source[start..end];
    let mut last = 0;
    let mut k = 0;
    let b = text.as_bytes();
    while k < b.len() {
        if b[k] == b'&'
            && let Some((decoded, len)) = decode_entity(&text[k..])
        {
            p.push_verbatim(&text[last..k], start + last);
            p.push_decoded(&decoded, start + k, len);
            k += len;
            last = k;
            continue;
        }
        k += 1;
    }
    p.push_verbatim(&text[last..], start + last);
}

struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

impl Tag<'_> {
    fn attr(&self, key: &str) -> Option<String> {
        let lower = self.attrs.to_ascii_lowercase();
        let mut search = 0;
        while let Some(at) = lower[search..].find(key) {
            let at = search + at;
            search = at + key.len();
            let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
            let rest = self.attrs[at + key.len()..].trim_start();
            if !before_ok || !rest.starts_with('=') {
                continue;
            }
            let v = rest[1..].trim_start();
            let value = if let Some(q) = v.strip_prefix('"') {
                q.split('"').next().unwrap_or("")
            } else if let Some(q) = v.strip_prefix('\'') {
                q.split('\'').next().unwrap_or("")
            } else {
                v.split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or("")
            };
            return Some(value.to_string());
        }
        None
    }
}

/// Reads a tag at `i` (which holds '<'); returns it and the offset after '>'.
fn read_tag(source: &str, i: usize) -> Option<(Tag<'_>, usize)> {
    let rest = &source[i + 1..];
    let (closing, rest_name, off) = if let Some(r) = rest.strip_prefix('/') {
        (true, r, 2)
    } else {
        (false, rest, 1)
    };
    let name_len = rest_name
        .find(|c: char| {
            !(c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '!' || c == '?')
        })
        .unwrap_or(rest_name.len());
    if name_len == 0
        || !rest_name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!' || c == '?')
    {
        return None;
    }
    let name = &rest_name[..name_len];
    // Find the closing '>' outside quotes.
    let body_start = i + off + name_len;
    let mut quote: Option<u8> = None;
    let bytes = source.as_bytes();
    let mut k = body_start;
    while k < bytes.len() {
        let c = bytes[k];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        k += 1;
    }
    let attrs = &source[body_start..k.min(source.len())];
    let self_closing = attrs.trim_end().ends_with('/');
    Some((
        Tag {
            name,
            closing,
            self_closing,
            attrs,
        },
        (k + 1).min(source.len()),
    ))
}

/// Decodes the entity at the start of `s` ("&amp;", "&#8212;", "&#x2212;"): text and length.
pub fn decode_entity(s: &str) -> Option<(String, usize)> {
    let end = s[1..].find(';').map(|e| e + 1)?;
    if end > 32 {
        return None;
    }
    let body = &s[1..end];
    let len = end + 1;
    if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        let c = char::from_u32(code).unwrap_or('\u{fffd}');
        return Some((c.to_string(), len));
    }
    let c = match body {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "thinsp" => "\u{2009}",
        "ensp" | "emsp" => " ",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "deg" => "°",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "frac13" => "⅓",
        "frac23" => "⅔",
        "times" => "×",
        "pound" => "£",
        "euro" => "€",
        "cent" => "¢",
        "yen" => "¥",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "prime" => "′",
        "Prime" => "″",
        "permil" => "‰",
        "percnt" => "%",
        "dollar" => "$",
        "plusmn" => "±",
        "shy" => "",
        "zwj" | "zwnj" => "",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "sect" => "§",
        "para" => "¶",
        "middot" => "·",
        "bull" => "•",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "agrave" => "à",
        "oacute" => "ó",
        "uuml" => "ü",
        "ouml" => "ö",
        "auml" => "ä",
        "ccedil" => "ç",
        "ntilde" => "ñ",
        "szlig" => "ß",
        _ => return None,
    };
    Some((c.to_string(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags_join_and_offsets_stay_exact() {
        let src = "<html><head><title>T</title><script>var x = 900;</script></head>\n<body><p>It is <b>900 km</b> (550&nbsp;miles) away.</p></body></html>";
        let d = parse(src);
        assert_eq!(d.paragraphs.len(), 1, "{:?}", d.paragraphs);
        let p = &d.paragraphs[0];
        assert_eq!(p.text, "It is 900 km (550\u{a0}miles) away.");
        let at = p.text.find("550").unwrap();
        assert_eq!(p.to_source(at, false), src.find("550").unwrap());
        let nb = p.text.find('\u{a0}').unwrap();
        assert_eq!(
            p.span_to_source(nb, nb + 2),
            (src.find("&nbsp;").unwrap(), src.find("&nbsp;").unwrap() + 6)
        );
    }

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entity("&amp;x"), Some(("&".into(), 5)));
        assert_eq!(decode_entity("&#8722;5"), Some(("−".into(), 7)));
        assert_eq!(decode_entity("&#x2212;"), Some(("−".into(), 8)));
        assert_eq!(decode_entity("&bogus;"), None);
        assert_eq!(decode_entity("& no"), None);
    }

    #[test]
    fn metadata_date_from_meta_and_time() {
        let d = parse(
            "<meta property=\"article:published_time\" content=\"2024-01-05T06:15:00Z\"><p>x</p>",
        );
        assert_eq!(d.metadata.date.as_deref(), Some("2024-01-05T06:15:00Z"));
        let d = parse("<p><time datetime=\"2024-01-05\">Friday</time> it rained.</p>");
        assert_eq!(d.metadata.date.as_deref(), Some("2024-01-05"));
    }

    #[test]
    fn code_and_pre_are_skipped_and_blocks_split() {
        let d = parse("<p>One 5 km.</p><pre>7 km</pre><div>Two <code>9</code> miles</div>");
        let texts: Vec<_> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["One 5 km.", "Two  miles"]);
    }
}
