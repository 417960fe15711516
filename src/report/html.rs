//! `--format html`: one self-contained HTML file (no server, no external assets) with each
//! document shown as written and every checked figure highlighted: red errors, amber warnings,
//! blue notes, green claims that hold. A summary at the top counts findings per rule and
//! severity.
//!
//! The page of `numlint serve` draws the same view in the browser from the API's JSON; the two
//! share the stylesheet and the behaviour script (`web/numlint.css`, `web/marks.js`) and the
//! markup they expect, described in `web/marks.js`. The highlighted text and the explanations
//! are plain HTML here, so the report reads without JavaScript too (in a mail client, in
//! print); the script adds hover cards and keyboard navigation.
//!
//! Like every reporter it knows nothing of rules beyond their ids.

use super::{CheckedFile, ReportOptions, SourceFile, Summary};
use crate::diagnostic::{Finding, Passed, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The stylesheet the report and the served page share.
pub const CSS: &str = include_str!("../../web/numlint.css");
/// Hover cards, focus and keyboard navigation over highlighted marks; shared with the page.
pub const MARKS_JS: &str = include_str!("../../web/marks.js");

/// What one highlight stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Unique in the page: "0-f3" (file 0, finding 3) or "0-p1" (passed claim 1).
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// "error", "warning", "info" or "ok".
    pub class: &'static str,
}

fn rank(class: &str) -> u8 {
    match class {
        "error" => 3,
        "warning" => 2,
        "info" => 1,
        _ => 0,
    }
}

/// The CSS class of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    s.as_str()
}

/// Writes `text` as HTML with every annotation highlighted.
///
/// Overlapping spans are cut at every boundary; each piece is one `<mark>` whose colour is the
/// worst annotation covering it and whose `data-refs` lists them all (worst first), so a card
/// can explain everything under the pointer. The first piece of each annotation carries its
/// anchor id and is in the tab order; the rest are reachable by pointer only.
pub fn render_marked(text: &str, anns: &[Annotation], titles: &BTreeMap<String, String>) -> String {
    let anns: Vec<&Annotation> = anns
        .iter()
        .filter(|a| {
            a.start < a.end
                && a.end <= text.len()
                && text.is_char_boundary(a.start)
                && text.is_char_boundary(a.end)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for a in &anns {
        cuts.push(a.start);
        cuts.push(a.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + anns.len() * 120);
    let mut anchored: Vec<bool> = vec![false; anns.len()];
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = &text[a..b];
        let mut cover: Vec<usize> = (0..anns.len())
            .filter(|&i| anns[i].start <= a && anns[i].end >= b)
            .collect();
        if cover.is_empty() {
            out.push_str(&escape(piece));
            continue;
        }
        cover.sort_by_key(|&i| (std::cmp::Reverse(rank(anns[i].class)), anns[i].start, i));
        let top = anns[cover[0]];
        let first = cover.iter().copied().find(|&i| !anchored[i]);
        let refs: Vec<&str> = cover.iter().map(|&i| anns[i].id.as_str()).collect();
        let _ = write!(
            out,
            "<mark class=\"nl-mark nl-{}\" data-refs=\"{}\"",
            top.class,
            escape(&refs.join(" "))
        );
        if let Some(i) = first {
            anchored[i] = true;
            let _ = write!(out, " id=\"nl-m-{}\" tabindex=\"0\"", escape(&anns[i].id));
        }
        let described: Vec<String> = refs.iter().map(|r| format!("nl-card-{r}")).collect();
        let _ = write!(
            out,
            " aria-describedby=\"{}\"",
            escape(&described.join(" "))
        );
        if let Some(t) = titles.get(&top.id) {
            let _ = write!(out, " title=\"{}\"", escape(t));
        }
        let _ = write!(out, ">{}</mark>", escape(piece));
    }
    // Every annotation piece is linear in the number covering it; fine for articles, and
    // documents with thousands of findings are not what anyone reads in a browser.
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn finding_card(file: &SourceFile, id: &str, x: &Finding) -> String {
    let loc = file.locate(x.span);
    let class = severity_class(x.severity);
    let mut s = String::new();
    let _ = write!(
        s,
        "<div class=\"nl-card nl-{class}\" id=\"nl-card-{id}\" data-ref=\"{id}\" role=\"tooltip\">\
         <div class=\"nl-card-head\"><span class=\"nl-badge nl-{class}\">{}</span> \
         <code class=\"nl-rule\">{}</code> <span class=\"nl-loc\">line {}, column {}</span></div>\
         <p class=\"nl-msg\">{}</p>",
        label(class),
        escape(x.rule),
        loc.line,
        loc.column,
        escape(&x.message)
    );
    if let Some(e) = &x.expected {
        let _ = write!(
            s,
            "<p class=\"nl-expected\">Expected: <strong>{}</strong></p>",
            escape(&e.text)
        );
    }
    if !x.notes.is_empty() {
        s.push_str("<ul class=\"nl-notes\">");
        for n in &x.notes {
            let _ = write!(s, "<li>{}</li>", escape(n));
        }
        s.push_str("</ul>");
    }
    if let Some(fix) = &x.suggestion {
        let old = file.slice(fix.span);
        let _ = write!(
            s,
            "<p class=\"nl-fix\">{}: replace <del>{}</del> with <ins>{}</ins></p>",
            if fix.safe { "Fix" } else { "Suggestion" },
            escape(old),
            escape(&fix.replacement)
        );
    }
    for r in &x.related {
        let l = file.locate(*r);
        let _ = write!(
            s,
            "<p class=\"nl-related\">Also involves line {}: <q>{}</q></p>",
            l.line,
            escape(file.slice(*r))
        );
    }
    s.push_str("</div>");
    s
}

fn passed_card(file: &SourceFile, id: &str, p: &Passed) -> String {
    let loc = file.locate(p.span);
    format!(
        "<div class=\"nl-card nl-ok\" id=\"nl-card-{id}\" data-ref=\"{id}\" role=\"tooltip\">\
         <div class=\"nl-card-head\"><span class=\"nl-badge nl-ok\">holds</span> \
         <code class=\"nl-rule\">{}</code> <span class=\"nl-loc\">line {}, column {}</span></div>\
         <p class=\"nl-msg\">{}</p><p class=\"nl-arith\">{}</p><p class=\"nl-verdict\">{}</p></div>",
        escape(p.kind),
        loc.line,
        loc.column,
        escape(&p.claim),
        escape(&p.arithmetic),
        escape(&p.verdict)
    )
}

/// A severity as a reader says it.
pub fn label(class: &str) -> &'static str {
    match class {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        _ => "holds",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes the report.
pub fn write(files: &[CheckedFile], opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(files, opts).as_bytes())
}

/// The whole report as one HTML string.
pub fn render(files: &[CheckedFile], _opts: &ReportOptions) -> String {
    let summary = Summary::of(files);
    let mut h = String::new();
    let title = match files {
        [one] => format!("numlint report: {}", one.file.path),
        _ => format!("numlint report: {}", plural(files.len(), "file", "files")),
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"numlint {}\">\n<title>{}</title>\n<style>\n{}\n</style>\n\
         </head>\n<body class=\"nl-report\">\n<a class=\"nl-skip\" href=\"#nl-files\">Skip to the documents</a>\n\
         <header class=\"nl-header\"><h1>{}</h1></header>\n<main>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title),
        CSS,
        escape(&title)
    );
    let all: Vec<&CheckedFile> = files.iter().collect();
    h.push_str(&summary_html(&summary, &all));
    h.push_str("<div id=\"nl-files\">\n");
    for (i, f) in files.iter().enumerate() {
        h.push_str(&file_html(i, f, files.len() > 1));
    }
    h.push_str("</div>\n</main>\n");
    h.push_str(
        "<footer class=\"nl-footer\"><p>Hover or focus a highlighted figure for its explanation; \
         <kbd>j</kbd>/<kbd>k</kbd> move between them. Made by numlint.</p></footer>\n",
    );
    let _ = write!(
        h,
        "<script>\n{}\nNumlintMarks.attach(document);\n</script>\n</body>\n</html>\n",
        MARKS_JS.replace("</script", "<\\/script")
    );
    h
}

fn summary_html(s: &Summary, files: &[&CheckedFile]) -> String {
    let mut h = String::from("<section class=\"nl-summary\" aria-labelledby=\"nl-summary-h\">\n");
    let _ = write!(
        h,
        "<h2 id=\"nl-summary-h\">Summary</h2>\n<p class=\"nl-counts\">\
         <span class=\"nl-chip nl-error\">{}</span> \
         <span class=\"nl-chip nl-warning\">{}</span> \
         <span class=\"nl-chip nl-info\">{}</span> \
         <span class=\"nl-chip nl-ok\">{}</span> in {}</p>\n",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "note", "notes"),
        plural(s.passed, "claim holds", "claims hold"),
        plural(s.files, "file", "files"),
    );
    if s.by_rule.is_empty() {
        h.push_str("<p>No findings.</p>\n");
    }
    h.push_str(&rule_table(files));
    h.push_str("</section>\n");
    h
}

/// Counts per rule and severity, for the summary table.
fn rule_table(files: &[&CheckedFile]) -> String {
    let mut by: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for f in files {
        for x in &f.findings {
            let e = by.entry(x.rule).or_default();
            e[match x.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
    }
    if by.is_empty() {
        return String::new();
    }
    let mut h = String::from(
        "<table class=\"nl-rules\"><caption>Findings per rule and severity</caption>\
         <thead><tr><th scope=\"col\">rule</th><th scope=\"col\">errors</th>\
         <th scope=\"col\">warnings</th><th scope=\"col\">notes</th><th scope=\"col\">total</th></tr></thead><tbody>",
    );
    for (rule, c) in &by {
        let _ = write!(
            h,
            "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(rule),
            c[0],
            c[1],
            c[2],
            c[0] + c[1] + c[2]
        );
    }
    h.push_str("</tbody></table>\n");
    h
}

fn file_html(i: usize, f: &CheckedFile, several: bool) -> String {
    let mut anns = Vec::new();
    let mut titles = BTreeMap::new();
    for (n, x) in f.findings.iter().enumerate() {
        let id = format!("{i}-f{n}");
        titles.insert(id.clone(), format!("{}: {}", x.rule, x.message));
        anns.push(Annotation {
            id,
            start: x.span.start,
            end: x.span.end,
            class: severity_class(x.severity),
        });
    }
    for (n, p) in f.passed.iter().enumerate() {
        let id = format!("{i}-p{n}");
        titles.insert(id.clone(), format!("holds: {}", p.verdict));
        anns.push(Annotation {
            id,
            start: p.span.start,
            end: p.span.end,
            class: "ok",
        });
    }
    let s = Summary::of(std::slice::from_ref(f));
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"nl-file\" aria-labelledby=\"nl-file-{i}\">\n<h2 id=\"nl-file-{i}\">{}</h2>\n\
         <p class=\"nl-counts\">{}, {}, {}; {}</p>\n",
        escape(&f.file.path),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "note", "notes"),
        plural(s.passed, "claim holds", "claims hold"),
    );
    if several {
        h.push_str(&rule_table(&[f]));
    }
    h.push_str("<div class=\"nl-layout\">\n");
    let _ = writeln!(
        h,
        "<div class=\"nl-doc\" data-nl-doc aria-label=\"{} with highlighted figures\">{}</div>",
        escape(&f.file.path),
        render_marked(&f.file.text, &anns, &titles)
    );
    h.push_str("<aside class=\"nl-panel\" aria-label=\"Findings\">\n");
    if f.findings.is_empty() {
        h.push_str("<p class=\"nl-none\">No findings.</p>\n");
    } else {
        h.push_str("<h3>Findings</h3>\n<ol class=\"nl-list\">\n");
        for (n, x) in f.findings.iter().enumerate() {
            let id = format!("{i}-f{n}");
            let loc = f.file.locate(x.span);
            let class = severity_class(x.severity);
            let _ = writeln!(
                h,
                "<li class=\"nl-item nl-{class}\"><a class=\"nl-goto\" href=\"#nl-m-{id}\" data-ref=\"{id}\">\
                 <span class=\"nl-badge nl-{class}\">{}</span> <span class=\"nl-loc\">{}:{}</span> \
                 <code class=\"nl-rule\">{}</code><span class=\"nl-item-msg\">{}</span></a></li>",
                label(class),
                loc.line,
                loc.column,
                escape(x.rule),
                escape(&x.message)
            );
        }
        h.push_str("</ol>\n");
    }
    if !f.passed.is_empty() {
        let _ = write!(
            h,
            "<details class=\"nl-passed\"><summary>{}</summary>\n<ol class=\"nl-list\">\n",
            plural(f.passed.len(), "claim holds", "claims hold")
        );
        for (n, p) in f.passed.iter().enumerate() {
            let id = format!("{i}-p{n}");
            let loc = f.file.locate(p.span);
            let _ = writeln!(
                h,
                "<li class=\"nl-item nl-ok\"><a class=\"nl-goto\" href=\"#nl-m-{id}\" data-ref=\"{id}\">\
                 <span class=\"nl-badge nl-ok\">holds</span> <span class=\"nl-loc\">{}:{}</span> \
                 <span class=\"nl-item-msg\">{}</span></a></li>",
                loc.line,
                loc.column,
                escape(&p.verdict)
            );
        }
        h.push_str("</ol>\n</details>\n");
    }
    h.push_str("</aside>\n</div>\n<div class=\"nl-cards\">\n");
    for (n, x) in f.findings.iter().enumerate() {
        h.push_str(&finding_card(&f.file, &format!("{i}-f{n}"), x));
        h.push('\n');
    }
    for (n, p) in f.passed.iter().enumerate() {
        h.push_str(&passed_card(&f.file, &format!("{i}-p{n}"), p));
        h.push('\n');
    }
    h.push_str("</div>\n</section>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(id: &str, start: usize, end: usize, class: &'static str) -> Annotation {
        Annotation {
            id: id.into(),
            start,
            end,
            class,
        }
    }

    #[test]
    fn plain_text_is_escaped_and_kept_whole() {
        let t = "a < b & \"c\"";
        assert_eq!(
            render_marked(t, &[], &BTreeMap::new()),
            "a &lt; b &amp; &quot;c&quot;"
        );
    }

    #[test]
    fn overlaps_split_and_take_the_worst_colour() {
        // "40 km (15 miles)": a passed claim over the whole, an error over "15 miles".
        let t = "40 km (15 miles)";
        let anns = [ann("p", 0, 16, "ok"), ann("e", 7, 15, "error")];
        let h = render_marked(t, &anns, &BTreeMap::new());
        assert!(
            h.starts_with(
                "<mark class=\"nl-mark nl-ok\" data-refs=\"p\" id=\"nl-m-p\" tabindex=\"0\""
            ),
            "{h}"
        );
        assert!(
            h.contains("<mark class=\"nl-mark nl-error\" data-refs=\"e p\" id=\"nl-m-e\" tabindex=\"0\" aria-describedby=\"nl-card-e nl-card-p\">15 miles</mark>"),
            "{h}"
        );
        // The tail of the passed claim is a third piece, not in the tab order.
        assert!(h.ends_with("<mark class=\"nl-mark nl-ok\" data-refs=\"p\" aria-describedby=\"nl-card-p\">)</mark>"), "{h}");
    }

    #[test]
    fn the_sample_article_reads_as_one_self_contained_page() {
        let text = include_str!("../../examples/article.md");
        let mut config = crate::Config::default();
        config.show_passed = true;
        let rep = crate::check_source(text, crate::InputFormat::Markdown, &config).unwrap();
        let (n_findings, n_passed) = (rep.findings.len(), rep.passed.len());
        let errors = rep
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let files = [CheckedFile {
            file: SourceFile::new("examples/article.md".into(), text.into()),
            findings: rep.findings,
            passed: rep.passed,
        }];
        let h = render(&files, &ReportOptions::default());
        // One anchored mark and one card per finding and per claim that holds.
        assert_eq!(h.matches("id=\"nl-m-0-f").count(), n_findings);
        assert_eq!(h.matches("id=\"nl-m-0-p").count(), n_passed);
        assert_eq!(h.matches("id=\"nl-card-0-").count(), n_findings + n_passed);
        assert!(h.contains(">40 km (15 miles</mark>"), "the error is marked");
        assert!(h.contains(&format!("{errors} errors")));
        assert!(
            h.contains("<tr><th scope=\"row\"><code>conversion-mismatch</code></th><td>3</td>")
        );
        // Self-contained: no external fetches, and the text outside marks is all there.
        assert!(!h.contains("src=\"http") && !h.contains("href=\"http"));
        assert!(h.contains("NumlintMarks.attach(document)"));
        assert!(h.contains("By a staff reporter"));
    }

    #[test]
    fn hostile_text_stays_text() {
        let text = "<script>alert(1)</script> 40 km (15 miles) \"</script>";
        let rep =
            crate::check_source(text, crate::InputFormat::Text, &crate::Config::default()).unwrap();
        let files = [CheckedFile {
            file: SourceFile::new("<x>.txt".into(), text.into()),
            findings: rep.findings,
            passed: rep.passed,
        }];
        let h = render(&files, &ReportOptions::default());
        assert!(!h.contains("<script>alert"));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("&lt;x&gt;.txt"));
        // Only our own script element.
        assert_eq!(h.matches("<script>").count(), 1);
    }

    #[test]
    fn spans_off_character_boundaries_are_dropped_not_panicked_on() {
        let t = "é5";
        let h = render_marked(
            t,
            &[ann("x", 1, 3, "error"), ann("y", 0, 9, "error")],
            &BTreeMap::new(),
        );
        assert_eq!(h, "é5");
    }
}
