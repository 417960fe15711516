//! Markdown: prose from paragraphs, headings, list items, quotes and table cells. Code, link
//! URLs, HTML and front matter are not prose. Offsets come from pulldown-cmark's offset iterator.

use super::{Document, Metadata, Paragraph, suppress};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn parse(source: &str) -> Document {
    let mut doc = Document::default();
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut current = Paragraph::default();
    let mut skip_depth = 0usize; // inside code blocks and metadata
    let mut in_metadata = false;
    let flush = |current: &mut Paragraph, doc: &mut Document| {
        if !current.text.trim().is_empty() {
            doc.paragraphs.push(std::mem::take(current));
        } else {
            *current = Paragraph::default();
        }
    };
    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                match tag {
                    Tag::CodeBlock(_) => skip_depth += 1,
                    Tag::MetadataBlock(_) => {
                        skip_depth += 1;
                        in_metadata = true;
                    }
                    Tag::HtmlBlock => skip_depth += 1,
                    _ => {}
                }
                if is_block(&tag) {
                    flush(&mut current, &mut doc);
                }
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                        skip_depth = skip_depth.saturating_sub(1)
                    }
                    TagEnd::MetadataBlock(_) => {
                        skip_depth = skip_depth.saturating_sub(1);
                        in_metadata = false;
                    }
                    _ => {}
                }
                if is_block_end(&tag) {
                    flush(&mut current, &mut doc);
                }
            }
            Event::Text(t) => {
                if in_metadata {
                    read_metadata(&t, &mut doc.metadata);
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                let raw = &source[range.clone()];
                if raw == t.as_ref() {
                    current.push_verbatim(&t, range.start);
                } else if let Some(off) = raw.find(t.as_ref()) {
                    current.push_verbatim(&t, range.start + off);
                } else {
                    current.push_decoded(&t, range.start, range.len());
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                current.push_gap(" ", range.start);
            }
            Event::SoftBreak | Event::HardBreak => current.push_gap(" ", range.start),
            Event::Html(h) | Event::InlineHtml(h) => {
                if let Some(s) = suppress::parse_comment(&h, range.start) {
                    doc.suppressions.push(s);
                }
                if skip_depth == 0 {
                    current.push_gap(" ", range.start);
                }
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
        }
    }
    flush(&mut current, &mut doc);
    doc
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

/// Reads `date:` from YAML or TOML front matter.
fn read_metadata(text: &str, meta: &mut Metadata) {
    for line in text.lines() {
        let line = line.trim();
        for key in ["date:", "date =", "published:", "published_at:", "pubDate:"] {
            if let Some(rest) = line.strip_prefix(key) {
                let v = rest.trim().trim_matches(|c| c == '"' || c == '\'');
                if !v.is_empty() && meta.date.is_none() {
                    meta.date = Some(v.to_string());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_urls_comments_and_front_matter_are_not_prose() {
        let src = "---\ntitle: X\ndate: 2024-01-05\n---\n\n# Range 900 km\n\nIt flew `42 km` to [the base](http://x.com/55) <!-- 77 -->\n\n```\n99 miles\n```\n";
        let d = parse(src);
        let all: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0], "Range 900 km");
        assert!(all[1].starts_with("It flew   to the base"), "{:?}", all[1]);
        assert!(
            !all.iter().any(|t| t.contains("42")
                || t.contains("55")
                || t.contains("99")
                || t.contains("77"))
        );
        assert_eq!(d.metadata.date.as_deref(), Some("2024-01-05"));
    }

    #[test]
    fn offsets_point_into_the_source() {
        let src = "Intro.\n\nThe **900 km** (550 miles) trip.\n";
        let d = parse(src);
        let p = &d.paragraphs[1];
        assert_eq!(p.text, "The 900 km (550 miles) trip.");
        let prose = p.text.find("550").unwrap();
        assert_eq!(p.to_source(prose, false), src.find("550").unwrap());
        let prose = p.text.find("900").unwrap();
        assert_eq!(p.to_source(prose, false), src.find("900").unwrap());
    }

    #[test]
    fn escapes_are_decoded_and_mapped() {
        let src = "Costs fell 5\\% to \\$4.\n";
        let d = parse(src);
        let p = &d.paragraphs[0];
        assert_eq!(p.text, "Costs fell 5% to $4.");
        let four = p.text.find('4').unwrap();
        assert_eq!(p.to_source(four, false), src.find('4').unwrap());
    }
}
