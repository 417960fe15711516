//! End-to-end tests of the date and consistency rules: each rule on a case that holds, one
//! that does not and a near miss that must stay quiet, run through the binary as a user would.

mod common;

use common::{findings_with, run};
use serde_json::Value;

/// Findings of one rule on `text`, the document dated by `--date`.
fn dated(text: &str, id: &str, date: &str) -> Vec<Value> {
    findings_with(text, &["--select", id, "--date", date])
}

/// Findings of one rule on `text`, with no date for the document.
fn undated(text: &str, id: &str) -> Vec<Value> {
    findings_with(text, &["--select", id])
}

/// The findings of a Markdown document given on stdin.
fn markdown(text: &str, id: &str) -> Vec<Value> {
    findings_with(text, &["--select", id, "--stdin-filename", "story.md"])
}

fn messages(f: &[Value]) -> Vec<String> {
    f.iter()
        .map(|x| x["message"].as_str().unwrap_or("").to_string())
        .collect()
}

// weekday-mismatch

#[test]
fn weekday_that_matches_its_date_holds() {
    let text = "The summit opened on Friday 5 January 2024 in Geneva.";
    assert!(undated(text, "weekday-mismatch").is_empty());
}

#[test]
fn weekday_that_does_not_match_is_an_error_with_a_suggestion() {
    let text = "The summit opened on Tuesday 5 January 2024 in Geneva.";
    let f = undated(text, "weekday-mismatch");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(f[0]["message"], "5 January 2024 is a Friday, not a Tuesday");
    assert_eq!(f[0]["text"], "Tuesday 5 January 2024");
    // Not applied by --fix: the date may be what is wrong.
    assert_eq!(f[0]["suggestion"]["replacement"], "Friday");
    assert_eq!(f[0]["suggestion"]["safe"], false);
}

#[test]
fn weekday_without_a_year_takes_the_documents_year() {
    let text = "Ministers met on Thursday, 4 January, and again on Monday, 8 January.";
    assert!(dated(text, "weekday-mismatch", "2024-01-05").is_empty());
    let wrong = "Ministers met on Thursday, 4 January, and again on Tuesday, 8 January.";
    let f = dated(wrong, "weekday-mismatch", "2024-01-05");
    assert_eq!(messages(&f), ["8 January 2024 is a Monday, not a Tuesday"]);
    // Near miss: without a date for the document the year is unknown, so nothing is said.
    assert!(undated(wrong, "weekday-mismatch").is_empty());
}

// relative-date-mismatch

#[test]
fn relative_date_that_agrees_holds() {
    let text = "Drone footage from 2 January shows the breach. \
                Engineers studying the footage from last week said it had widened.";
    assert!(dated(text, "relative-date-mismatch", "2024-01-05").is_empty());
    assert!(
        dated(
            "Yesterday (4 January) the dam held.",
            "relative-date-mismatch",
            "2024-01-05"
        )
        .is_empty()
    );
}

#[test]
fn stale_last_week_is_reported_at_the_later_mention() {
    let text = "Drone footage from 5 October shows the breach.\n\n\
                Engineers studying the footage from last week said it had widened.";
    let f = dated(text, "relative-date-mismatch", "2024-01-05");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(f[0]["text"], "last week");
    assert_eq!(f[0]["line"], 3);
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("\"last week\" cannot be 5 October (2023)"),
        "{f:?}"
    );
    // The first mention is where the footage was dated.
    assert_eq!(f[0]["related"][0]["line"], 1, "{f:?}");
}

#[test]
fn relative_date_near_misses_stay_quiet() {
    // Other footage: "new" sets it against the old.
    let text = "Drone footage from 5 October shows the breach. \
                The new footage from last week shows it has widened.";
    assert!(dated(text, "relative-date-mismatch", "2024-01-05").is_empty());
    // Released last week, filmed in October: two events.
    let text = "The footage, released last week, was filmed on 5 October.";
    assert!(dated(text, "relative-date-mismatch", "2024-01-05").is_empty());
    // No date for the document: nothing to count from.
    let text = "Drone footage from 5 October shows the breach. \
                Engineers studying the footage from last week said it had widened.";
    assert!(undated(text, "relative-date-mismatch").is_empty());
}

// age-mismatch

#[test]
fn ages_either_side_of_a_birthday_hold() {
    for age in ["66", "67"] {
        let text = format!("Born in 1957, the {age}-year-old conductor retires this spring.");
        assert!(
            dated(&text, "age-mismatch", "2024-01-05").is_empty(),
            "{text}"
        );
    }
}

#[test]
fn an_age_that_cannot_follow_from_the_birth_year_is_an_error() {
    let text = "Born in 1957, the 69-year-old conductor retires this spring.";
    let f = dated(text, "age-mismatch", "2024-01-05");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(
        f[0]["message"],
        "someone born in 1957 is 66 or 67 on 5 January 2024, not 69"
    );
    let text = "Founded in 1990, the 30-year-old charity runs 12 shelters.";
    let f = dated(text, "age-mismatch", "2024-01-05");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn age_near_misses_stay_quiet() {
    // An age at another time.
    let text = "Born in 1957, the conductor was 30 when he first led the orchestra.";
    assert!(dated(text, "age-mismatch", "2024-01-05").is_empty());
    // He turns 68 a week after the story's date: close enough to be its timing, so only a
    // warning.
    let text = "The conductor, Petrov, 68, was born on 12 January 1956.";
    let f = dated(text, "age-mismatch", "2024-01-05");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["severity"], "warning");
}

// duration-mismatch

#[test]
fn durations_that_fit_their_years_hold() {
    let text = "Between 2019 and 2023, a four-year period, exports doubled.";
    assert!(undated(text, "duration-mismatch").is_empty());
    let text = "In the four years since 2020, exports have doubled.";
    assert!(dated(text, "duration-mismatch", "2024-06-01").is_empty());
}

#[test]
fn durations_that_do_not_fit_are_errors() {
    let text = "In the five years since 2020, exports have doubled.";
    let f = dated(text, "duration-mismatch", "2024-01-05");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["severity"], "error");
    let text = "Between 2019 and 2023, a seven-year period, exports doubled.";
    let f = undated(text, "duration-mismatch");
    assert_eq!(
        messages(&f),
        ["from 2019 to 2023 is 3.0 to 5.0 years, not 7 years"]
    );
}

#[test]
fn duration_near_misses_stay_quiet() {
    // The years and the duration are not tied together.
    let text = "Exports doubled in 2019 and 2023, and the plant shut for two years.";
    assert!(undated(text, "duration-mismatch").is_empty());
    // "The five years since 2020" with no date for the document: nothing to count to.
    let text = "In the five years since 2020, exports have doubled.";
    assert!(undated(text, "duration-mismatch").is_empty());
}

// restated-figure

#[test]
fn a_figure_restated_the_same_holds() {
    let text = "The new pipeline has a capacity of 40,000 barrels.\n\n\
                Engineers confirmed a capacity of about 40,000 barrels.";
    assert!(undated(text, "restated-figure").is_empty());
}

#[test]
fn a_figure_restated_differently_is_reported_at_the_second_place() {
    let text = "The pipeline has a length of 320 km, the operator said.\n\n\
                Welders finished the last section on Monday.\n\n\
                Engineers said the pipeline's length of 230 km made it the longest in the region.";
    let f = undated(text, "restated-figure");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(
        f[0]["message"],
        "the length is 230 km here but 320 km earlier"
    );
    assert_eq!(f[0]["line"], 5);
    assert_eq!(f[0]["related"][0]["line"], 1, "{f:?}");
}

#[test]
fn restated_figure_near_misses_stay_quiet() {
    for text in [
        // The same unit, different things.
        "The pipeline has a length of 320 km. The tunnel has a depth of 230 m.",
        // Two figures compared in one sentence.
        "The pipeline has a length of 320 km, while the old one had a length of 230 km.",
        // A change, not a restatement.
        "The crew counted 14 leaks. By Friday, welders had cut that to 9 leaks.",
        // Two days' counts.
        "Inspectors found 14 leaks on Monday. On Tuesday they found 9 leaks.",
    ] {
        assert!(undated(text, "restated-figure").is_empty(), "{text}");
    }
}

// The document's date: metadata, dateline, --date; silence without one.

#[test]
fn front_matter_dates_the_document() {
    let text = "---\ndate: 2024-01-05\n---\n\nBorn in 1957, the 69-year-old conductor retires.\n";
    assert_eq!(markdown(text, "age-mismatch").len(), 1);
}

#[test]
fn html_metadata_dates_the_document() {
    let html = "<html><head><meta property=\"article:published_time\" \
                content=\"2024-01-05T06:15:00Z\"></head><body>\
                <p>Born in 1957, the 69-year-old conductor retires.</p></body></html>";
    let f = findings_with(
        html,
        &["--select", "age-mismatch", "--stdin-filename", "story.html"],
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_dateline_dates_the_document_and_outranks_the_option() {
    let text = "Friday 05 January 2024 06:15 GMT\n\n\
                Born in 1957, the 69-year-old conductor retires.\n";
    assert_eq!(undated(text, "age-mismatch").len(), 1);
    // --date is for documents without a date of their own: here 69 would be right.
    assert_eq!(dated(text, "age-mismatch", "2026-06-01").len(), 1);
    let agency = "GENEVA, Jan 5, 2024 (Reuters) - Born in 1957, the 69-year-old conductor \
                  retires this spring.\n";
    assert_eq!(undated(agency, "age-mismatch").len(), 1);
}

#[test]
fn a_date_deep_in_the_story_is_not_a_dateline() {
    let mut text = String::new();
    for i in 0..6 {
        text.push_str(&format!(
            "Paragraph {i} of the story runs on about the orchestra and its long history.\n\n"
        ));
    }
    text.push_str("5 January 2024\n\nBorn in 1957, the 69-year-old conductor retires.\n");
    assert!(undated(&text, "age-mismatch").is_empty());
}

#[test]
fn date_rules_are_silent_without_a_document_date() {
    let text = "Drone footage from 5 October shows the breach. Engineers studying the footage \
                from last week said so. Born in 1957, the 69-year-old engineer agreed. In the \
                five years since 2020, the dam has leaked. Ministers met on Tuesday, 8 January.";
    let f = findings_with(text, &["--select", "date"]);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn document_rules_honour_suppression_comments() {
    let text = "The summit opened on Friday 5 January 2024.\n\n\
                <!-- numlint-disable-next-line weekday-mismatch -->\n\
                It closed on Monday 7 January 2024.\n";
    assert!(markdown(text, "weekday-mismatch").is_empty());
}

// extract --dates

#[test]
fn extract_lists_dates_in_the_quantities_shape() {
    let text = "Friday 05 January 2024 06:15 GMT. Talks began on 5 October and in 1986 the \
                range was 900 km.";
    let (code, out, err) = run(&["extract", "--dates", "--format", "json", "-"], text);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let q = v["quantities"][0].as_object().expect("a quantity").clone();
    let dates = v["dates"].as_array().expect("dates");
    let texts: Vec<&str> = dates
        .iter()
        .map(|d| d["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        texts,
        ["Friday 05 January 2024", "06:15 GMT", "5 October", "1986"]
    );
    for d in dates {
        assert_eq!(d["dimension"], "date");
        for key in q.keys() {
            assert!(d.get(key).is_some(), "date object lacks `{key}`: {d}");
        }
    }
    assert_eq!(dates[0]["iso"], "2024-01-05");
    assert_eq!(dates[0]["weekday"], 4);
    assert_eq!(dates[1]["iso"], "T06:15");
    assert_eq!(dates[2]["iso"], "--10-05");
    // Without --dates, no dates key.
    let (_, out, _) = run(&["extract", "--format", "json", "-"], text);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert!(v.get("dates").is_none());
}

// The sample article: a dateline, a wrong weekday, a stale "last week", a restated figure,
// and figures that hold. numlint reports exactly the wrong ones.

#[test]
fn dated_article_reports_exactly_the_wrong_ones() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/dated-article.md");
    let (code, out, err) = run(&["check", "--format", "json", path], "");
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let got: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap_or("").to_string(),
                f["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want = [
        ("weekday-mismatch", "error", "Monday 12 December 2023"),
        ("relative-date-mismatch", "error", "last week"),
        ("restated-figure", "error", "37 railcars"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn odd_inputs_do_not_crash_the_date_rules() {
    for text in [
        "",
        "Friday",
        "On Friday 31 February 2024 and Monday 0 January 2024.",
        "Born in 9999, the 0-year-old. Founded in 1000, the 150-year-old.",
        "Between 2200 and 1000, a -5-year period. The 99999 years since 1000.",
        "Yesterday (31 April) and last week, on 29 February 2023, two weeks ago.",
        "a range of 1e308 km. a range of -1e308 km. 73 railcars were visible. 0 railcars were visible.",
        "9999-12-31 and 0001-01-01 and 1000000 years ago.",
    ] {
        for date in ["2024-01-05", "0001-01-01", "9999-12-31", "nonsense"] {
            let (code, _, err) = run(&["check", "--date", date, "-"], text);
            assert!(
                code == 0 || code == 1,
                "{text} / {date}: exit {code}: {err}"
            );
        }
    }
}
