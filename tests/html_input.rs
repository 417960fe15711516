//! HTML input: text nodes only, entities decoded, scripts and styles ignored, and findings at
//! the exact line and column of the original page.

mod common;

use common::run_in;

const PAGE: &str = "\
<!DOCTYPE html>
<html lang=\"en\">
<head>
  <title>Missile test &ndash; 40 km (15 miles)</title>
  <style>p::after { content: \"10 km (3 miles)\"; }</style>
  <script>var range = 900; // 900 km (100 miles)</script>
</head>
<body>
  <article>
    <h1>Caf&eacute; owners&#8217; <em>launch</em> day</h1>
    <p>The missile flew <b>900 km</b> (650&nbsp;miles), officials said.</p>
    <script type=\"text/javascript\">
      const note = \"70 km (10 miles)\";
    </script>
    <div><p>It is <span>a <i>10&nbsp;km</i> walk</span> &mdash; about 6.2 miles &amp; no more.</p></div>
    <p>The <a href=\"https://example.com/40km-15miles\">trail</a> is 40 km
      (15 miles) long.</p>
  </article>
</body>
</html>
";

#[test]
fn html_page_findings_at_exact_positions() {
    let dir = common::tree(&[("page.html", PAGE)]);
    let (code, out, err) = run_in(dir.path(), &["check", "--format", "json", "page.html"], "");
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, u64, u64, u64, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["end_line"].as_u64().unwrap(),
                f["end_column"].as_u64().unwrap(),
                f["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Nothing from the head, the style or the scripts; the conversion split across <b> is
    // found, starting at "900" on line 11; the one broken across lines spans both.
    assert_eq!(
        found,
        [
            (
                "conversion-mismatch".to_string(),
                11,
                28,
                11,
                54,
                "900 km</b> (650&nbsp;miles".to_string()
            ),
            (
                "conversion-mismatch".to_string(),
                16,
                68,
                17,
                16,
                "40 km\n      (15 miles".to_string()
            ),
        ]
    );
    // The fix points at the figure in the source, not in the decoded text.
    let fix = &v["findings"][0]["suggestion"];
    let (a, b) = (
        fix["byte_start"].as_u64().unwrap() as usize,
        fix["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&PAGE[a..b], "650");
    assert_eq!(fix["replacement"], "560");
}

#[test]
fn entities_and_nested_tags_read_as_prose() {
    let dir = common::tree(&[("page.html", PAGE)]);
    let (_, out, _) = run_in(
        dir.path(),
        &["extract", "--format", "json", "page.html"],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let texts: Vec<&str> = v["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    // "10&nbsp;km" inside <i> inside <span> is one figure; "about 6.2 miles" after &mdash; is
    // read with its hedge.
    // No figure from the title, style or scripts (their 900, 100, 70 and 10 miles are absent).
    assert_eq!(
        texts,
        [
            "900 km",
            "650&nbsp;miles",
            "10&nbsp;km",
            "6.2 miles",
            "40 km",
            "15 miles"
        ]
    );
    let ten = v["quantities"][2].clone();
    assert_eq!(
        (ten["line"].as_u64(), ten["column"].as_u64()),
        (Some(15), Some(30))
    );
    assert_eq!(ten["unit"], "kilometer");
    assert_eq!(v["quantities"][3]["hedge"], "about");
}

#[test]
fn html_is_detected_by_extension_or_named() {
    let body = "<p>It is <b>40 km</b> (15 miles) away.</p>";
    let (_, out, _) = common::run(
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "x.htm",
            "-",
        ],
        body,
    );
    assert!(
        out.contains("x.htm:1:13: error[conversion-mismatch]"),
        "{out}"
    );
    let (_, out, _) = common::run(
        &[
            "check",
            "--format",
            "concise",
            "--input-format",
            "html",
            "-",
        ],
        body,
    );
    assert!(out.contains("-:1:13: error[conversion-mismatch]"), "{out}");
}
