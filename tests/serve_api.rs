//! `numlint serve` end to end: the real binary on a free loopback port, spoken to over plain
//! TCP so every status, header and closed connection is seen as a client sees it.

mod common;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::Duration;

/// A running `numlint serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_numlint"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("numlint serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the address line");
        let port = line
            .trim()
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server { child, port }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        // A hung server fails the test instead of hanging it.
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        s
    }

    fn get(&self, path: &str) -> Response {
        self.send("GET", path, &[], b"")
    }

    fn post_json(&self, path: &str, body: &Value) -> Response {
        let b = serde_json::to_vec(body).unwrap();
        self.send("POST", path, &[("Content-Type", "application/json")], &b)
    }

    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut s = self.connect();
        write_head(&mut s, method, path, headers, Some(body.len()));
        s.write_all(body).expect("write body");
        read_response(&mut s)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn write_head(
    s: &mut TcpStream,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    len: Option<usize>,
) {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(n) = len {
        head.push_str(&format!("Content-Length: {n}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).expect("write head");
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// An error answer must be JSON naming its own status and a message.
    fn assert_error(&self, status: u16, code: &str) -> String {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(self.header("content-type"), Some("application/json"));
        let v = self.json();
        assert_eq!(v["error"]["status"], status);
        assert_eq!(v["error"]["code"], code);
        let msg = v["error"]["message"].as_str().expect("message").to_string();
        assert!(!msg.is_empty());
        msg
    }
}

/// Reads one whole response; the server closes the connection after it (Connection: close),
/// so reaching EOF cleanly also shows the connection was not reset.
fn read_response(s: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)
        .expect("read the response to the end");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let body = raw[split + 4..].to_vec();
    let r = Response {
        status,
        headers,
        body,
    };
    if let Some(n) = r.header("content-length") {
        assert_eq!(
            n.parse::<usize>().ok(),
            Some(r.body.len()),
            "truncated body"
        );
    }
    r
}

fn article() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/article.md"))
        .expect("sample article")
}

/// Removes the fields only the server adds, to compare with the CLI's JSON.
fn strip_utf16(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.remove("utf16_start");
            o.remove("utf16_end");
            o.values_mut().for_each(strip_utf16);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_utf16),
        _ => {}
    }
}

fn cli_json(args: &[&str]) -> Value {
    let (code, out, err) = common::run(args, "");
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    serde_json::from_str(&out).expect("CLI JSON")
}

/// Waits (bounded) until the server reports `n` checks in flight.
fn wait_in_flight(server: &Server, n: u64) {
    for _ in 0..500 {
        if server.get("/healthz").json()["in_flight"] == n {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the server never had {n} checks in flight");
}

#[test]
fn check_returns_what_the_cli_returns_plus_utf16_offsets() {
    let server = Server::start(&[]);
    let r = server.post_json(
        "/v1/check",
        &json!({"text": article(), "input_format": "markdown", "path": "examples/article.md"}),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let mut api = r.json();
    assert_eq!(api["failed"], true);
    // Every span carries UTF-16 offsets; the article is ASCII, so they equal the bytes.
    for f in api["findings"].as_array().unwrap() {
        assert_eq!(f["utf16_start"], f["byte_start"]);
        assert_eq!(f["utf16_end"], f["byte_end"]);
        if f.get("suggestion").is_some() {
            assert_eq!(
                f["suggestion"]["utf16_start"],
                f["suggestion"]["byte_start"]
            );
        }
    }
    assert!(!api["passed"].as_array().unwrap().is_empty());
    for p in api["passed"].as_array().unwrap() {
        assert!(p["utf16_start"].is_u64() && p["utf16_end"].is_u64());
    }
    strip_utf16(&mut api);
    let cli = cli_json(&[
        "check",
        "--format",
        "json",
        "--show-passed",
        "--isolated",
        "examples/article.md",
    ]);
    assert_eq!(api["findings"], cli["findings"]);
    assert_eq!(api["passed"], cli["passed"]);
    assert_eq!(api["summary"], cli["summary"]);
    assert_eq!(api["version"], cli["version"]);
}

#[test]
fn utf16_offsets_index_javascript_strings() {
    let server = Server::start(&[]);
    let text = "Café ☕ 😀 — a second launcher can reach 40 km (15 miles).";
    let r = server.post_json("/v1/check", &json!({"text": text}));
    assert_eq!(r.status, 200);
    let v = r.json();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "conversion-mismatch");
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: &Value, b: &Value| {
        String::from_utf16(&units[a.as_u64().unwrap() as usize..b.as_u64().unwrap() as usize])
            .unwrap()
    };
    assert_eq!(slice(&f["utf16_start"], &f["utf16_end"]), "40 km (15 miles");
    let s = &f["suggestion"];
    assert_eq!(slice(&s["utf16_start"], &s["utf16_end"]), "15");
    // Bytes and UTF-16 differ here: the byte offsets index the UTF-8 text.
    assert_ne!(f["utf16_start"], f["byte_start"]);
    let (a, b) = (
        f["byte_start"].as_u64().unwrap() as usize,
        f["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "40 km (15 miles");
}

#[test]
fn check_takes_the_rule_options_of_the_cli() {
    let server = Server::start(&[]);
    let gallons = "The tank holds 12 gallons (55 litres). A launcher reaches 40 km (15 miles).";
    let rules_of = |v: &Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    let all = server
        .post_json("/v1/check", &json!({"text": gallons}))
        .json();
    assert_eq!(
        rules_of(&all),
        ["conversion-ambiguous-unit", "conversion-mismatch"]
    );
    // en-GB settles the gallon: the warning goes.
    let gb = server
        .post_json(
            "/v1/check",
            &json!({"text": gallons, "config": {"locale": "en-GB"}}),
        )
        .json();
    assert_eq!(rules_of(&gb), ["conversion-mismatch"]);
    let ignored = server
        .post_json(
            "/v1/check",
            &json!({"text": gallons, "config": {"ignore": ["conversion-mismatch"]}}),
        )
        .json();
    assert_eq!(rules_of(&ignored), ["conversion-ambiguous-unit"]);
    // fail_on decides `failed`, as it decides the CLI's exit code.
    let warn_only = json!({"text": "The tank holds 12 gallons (55 litres)."});
    assert_eq!(
        server.post_json("/v1/check", &warn_only).json()["failed"],
        false
    );
    let strict =
        json!({"text": "The tank holds 12 gallons (55 litres).", "config": {"fail_on": "warning"}});
    assert_eq!(
        server.post_json("/v1/check", &strict).json()["failed"],
        true
    );
    let upgraded = json!({"text": "The tank holds 12 gallons (55 litres).",
        "config": {"severities": {"conversion-ambiguous-unit": "error"}}});
    let v = server.post_json("/v1/check", &upgraded).json();
    assert_eq!(v["findings"][0]["severity"], "error");
    // show_passed: false drops the claims that hold, like the CLI without --show-passed.
    let quiet = server
        .post_json(
            "/v1/check",
            &json!({"text": "It is 40 km (25 miles) away.", "config": {"show_passed": false}}),
        )
        .json();
    assert!(quiet.get("passed").is_none());
}

#[test]
fn extract_returns_what_the_cli_returns_plus_utf16_offsets() {
    let server = Server::start(&[]);
    let r = server.post_json(
        "/v1/extract",
        &json!({"text": article(), "path": "examples/article.md"}),
    );
    assert_eq!(r.status, 200);
    let mut api = r.json();
    let q = &api["quantities"][0];
    assert!(q["utf16_start"].is_u64(), "{q}");
    strip_utf16(&mut api);
    let cli = cli_json(&[
        "extract",
        "--format",
        "json",
        "--isolated",
        "examples/article.md",
    ]);
    assert_eq!(api, cli);
}

#[test]
fn rules_and_health() {
    let server = Server::start(&[
        "--max-body",
        "2MB",
        "--timeout",
        "9s",
        "--max-concurrency",
        "7",
    ]);
    let r = server.get("/v1/rules");
    assert_eq!(r.status, 200);
    let v = r.json();
    let cli = cli_json(&["rules", "--json"]);
    let api_ids: Vec<&Value> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["id"])
        .collect();
    let cli_ids: Vec<&Value> = cli.as_array().unwrap().iter().map(|r| &r["id"]).collect();
    assert_eq!(api_ids, cli_ids);
    let first = &v["rules"][0];
    assert!(first["doc"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(first["enabled"].is_boolean() && first["summary"].is_string());

    let h = server.get("/healthz");
    assert_eq!(h.status, 200);
    let v = h.json();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["in_flight"], 0);
    assert_eq!(v["limits"]["max_body_bytes"], 2_000_000);
    assert_eq!(v["limits"]["timeout_ms"], 9000);
    assert_eq!(v["limits"]["max_concurrency"], 7);

    let o = server.get("/v1/openapi.json");
    assert_eq!(o.status, 200);
    assert!(o.json()["paths"]["/v1/check"].is_object());
}

#[test]
fn the_page_and_its_assets_are_served_from_the_binary() {
    let server = Server::start(&[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = String::from_utf8_lossy(&page.body);
    // Nothing is fetched from anywhere but this server.
    assert!(!html.contains("http://") && !html.contains("https://"));
    for (path, kind) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/marks.js", "text/javascript"),
        ("/assets/numlint.css", "text/css"),
        ("/favicon.svg", "image/svg+xml"),
    ] {
        assert!(html.contains(path) || path == "/favicon.svg" || html.contains("favicon"));
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type").unwrap().starts_with(kind),
            "{path}"
        );
        assert!(!r.body.is_empty());
    }
}

#[test]
fn every_error_is_json_with_the_right_status() {
    let server = Server::start(&[]);
    let ct = [("Content-Type", "application/json")];
    let post = |body: &[u8]| server.send("POST", "/v1/check", &ct, body);

    let m = post(b"{\"text\": ").assert_error(400, "bad_request");
    assert!(m.contains("invalid JSON"), "{m}");
    let m = post(b"{}").assert_error(400, "bad_request");
    assert!(m.contains("text"), "{m}");
    let m = post(b"{\"txt\": \"a\"}").assert_error(400, "bad_request");
    assert!(m.contains("txt"), "{m}");
    post(b"").assert_error(400, "bad_request");
    post(b"[1, 2]").assert_error(400, "bad_request");
    post(b"{\"text\": \"\\ud800\"}").assert_error(400, "bad_request");
    let m = post(br#"{"text": "a", "input_format": "docx"}"#).assert_error(400, "bad_request");
    assert!(m.contains("docx"), "{m}");
    let m = post(br#"{"text": "a", "config": {"select": ["no-such-rule"]}}"#)
        .assert_error(400, "bad_request");
    assert!(m.contains("no-such-rule"), "{m}");
    let m =
        post(br#"{"text": "a", "config": {"locale": "fr-FR"}}"#).assert_error(400, "bad_request");
    assert!(m.contains("fr-FR"), "{m}");
    let m = post(br#"{"text": "a", "config": {"selct": []}}"#).assert_error(400, "bad_request");
    assert!(m.contains("selct"), "{m}");
    // Invalid UTF-8 inside the JSON.
    post(b"{\"text\": \"\xff\xfe\"}").assert_error(400, "bad_request");

    let body = br#"{"text": "40 km (15 miles)"}"#;
    server
        .send("POST", "/v1/check", &[], body)
        .assert_error(415, "unsupported_media_type");
    server
        .send("POST", "/v1/check", &[("Content-Type", "text/plain")], body)
        .assert_error(415, "unsupported_media_type");
    server
        .send(
            "POST",
            "/v1/extract",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body,
        )
        .assert_error(415, "unsupported_media_type");
    // A charset parameter is fine.
    let ok = server.send(
        "POST",
        "/v1/check",
        &[("Content-Type", "application/json; charset=utf-8")],
        body,
    );
    assert_eq!(ok.status, 200);

    server.get("/v1/nothing").assert_error(404, "not_found");
    let r = server.get("/v1/check");
    r.assert_error(405, "method_not_allowed");
    assert_eq!(r.header("allow"), Some("POST"));
    let r = server.send("POST", "/v1/rules", &ct, b"{}");
    r.assert_error(405, "method_not_allowed");
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
}

#[test]
fn a_body_over_the_limit_is_refused_with_413() {
    let server = Server::start(&["--max-body", "1KB"]);
    let ct = [("Content-Type", "application/json")];
    let big = serde_json::to_vec(&json!({"text": "40 km (15 miles). ".repeat(100)})).unwrap();
    assert!(big.len() > 1000);
    let m = server
        .send("POST", "/v1/check", &ct, &big)
        .assert_error(413, "body_too_large");
    assert!(m.contains("1000 bytes"), "{m}");
    // Just under the limit is fine.
    let small = serde_json::to_vec(&json!({"text": "40 km (15 miles). ".repeat(40)})).unwrap();
    assert!(small.len() < 1000);
    assert_eq!(server.send("POST", "/v1/check", &ct, &small).status, 200);

    // Chunked, with no length announced: refused once the limit is passed.
    let mut s = server.connect();
    write_head(
        &mut s,
        "POST",
        "/v1/extract",
        &[
            ("Content-Type", "application/json"),
            ("Transfer-Encoding", "chunked"),
        ],
        None,
    );
    for chunk in big.chunks(300) {
        write!(s, "{:x}\r\n", chunk.len()).unwrap();
        s.write_all(chunk).unwrap();
        s.write_all(b"\r\n").unwrap();
    }
    s.write_all(b"0\r\n\r\n").unwrap();
    read_response(&mut s).assert_error(413, "body_too_large");

    // A client that asks before sending (Expect: 100-continue) is answered before it sends.
    let mut s = server.connect();
    write_head(
        &mut s,
        "POST",
        "/v1/check",
        &[
            ("Content-Type", "application/json"),
            ("Expect", "100-continue"),
        ],
        Some(50_000_000),
    );
    read_response(&mut s).assert_error(413, "body_too_large");
}

#[test]
fn the_default_limit_is_5_mb() {
    let server = Server::start(&[]);
    let text = "a".repeat(5_000_000);
    let body = serde_json::to_vec(&json!({ "text": text })).unwrap();
    assert!(body.len() > 5_000_000);
    server
        .send(
            "POST",
            "/v1/check",
            &[("Content-Type", "application/json")],
            &body,
        )
        .assert_error(413, "body_too_large");
}

#[test]
fn two_hundred_concurrent_requests_within_the_limit_are_all_answered() {
    let server = Arc::new(Server::start(&["--max-concurrency", "256"]));
    let n = 200;
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let server = server.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                // Each request has its own figures, so a mixed-up answer would show.
                let km = 100 + i;
                let text = format!("The range is {km} km (5 miles).");
                let body = serde_json::to_vec(&json!({ "text": text })).unwrap();
                let mut s = server.connect();
                barrier.wait();
                write_head(
                    &mut s,
                    "POST",
                    "/v1/check",
                    &[("Content-Type", "application/json")],
                    Some(body.len()),
                );
                s.write_all(&body).unwrap();
                let r = read_response(&mut s);
                assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
                let v = r.json();
                let f = &v["findings"][0];
                assert_eq!(f["rule"], "conversion-mismatch");
                assert_eq!(f["text"], format!("{km} km (5 miles"));
                let expected = km as f64 / 1.609344;
                let got = f["expected"]["value"].as_f64().unwrap();
                assert!((got - expected).abs() < 1e-6, "{got} vs {expected}");
            })
        })
        .collect();
    for h in handles {
        h.join().expect("every request answered correctly");
    }
    assert_eq!(server.get("/healthz").json()["in_flight"], 0);
}

#[test]
fn requests_over_the_concurrency_limit_get_503_at_once() {
    let server = Server::start(&["--max-concurrency", "2", "--timeout", "120s"]);
    let body = serde_json::to_vec(&json!({"text": "It is 40 km (15 miles) away."})).unwrap();
    // Two clients start uploading and stall half-way: both slots are taken.
    let mut stalled: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut s = server.connect();
            write_head(
                &mut s,
                "POST",
                "/v1/check",
                &[("Content-Type", "application/json")],
                Some(body.len()),
            );
            s.write_all(&body[..10]).unwrap();
            s
        })
        .collect();
    wait_in_flight(&server, 2);
    // Everyone else is refused straight away, with a JSON answer on an intact connection.
    for _ in 0..5 {
        let r = server.post_json("/v1/check", &json!({"text": "40 km (25 miles)"}));
        let m = r.assert_error(503, "overloaded");
        assert!(m.contains("2 checks"), "{m}");
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    let r = server.post_json("/v1/extract", &json!({"text": "40 km"}));
    r.assert_error(503, "overloaded");
    // Health and rules never queue behind checks.
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(server.get("/v1/rules").status, 200);
    // The stalled clients finish and get their real answers.
    for s in &mut stalled {
        s.write_all(&body[10..]).unwrap();
    }
    for mut s in stalled {
        let r = read_response(&mut s);
        assert_eq!(r.status, 200);
        assert_eq!(r.json()["findings"][0]["rule"], "conversion-mismatch");
    }
    wait_in_flight(&server, 0);
    assert_eq!(
        server
            .post_json("/v1/check", &json!({"text": "40 km (25 miles)"}))
            .status,
        200
    );
}

#[test]
fn a_stalled_upload_times_out_with_504() {
    let server = Server::start(&["--timeout", "300ms"]);
    let mut s = server.connect();
    write_head(
        &mut s,
        "POST",
        "/v1/check",
        &[("Content-Type", "application/json")],
        Some(100),
    );
    s.write_all(b"{\"text\": \"").unwrap();
    let m = read_response(&mut s).assert_error(504, "timeout");
    assert!(m.contains("300 ms"), "{m}");
    wait_in_flight(&server, 0);
}

#[test]
fn a_check_longer_than_the_timeout_gets_504_and_frees_its_slot_when_done() {
    let server = Server::start(&["--timeout", "1ms", "--max-concurrency", "1"]);
    // About a megabyte of article: far more than a millisecond of work.
    let text = article().repeat(500);
    let r = server.post_json(
        "/v1/check",
        &json!({"text": text, "input_format": "markdown"}),
    );
    r.assert_error(504, "timeout");
    // The check still running counts against the limit until it ends, then the slot is free.
    wait_in_flight(&server, 0);
}

#[test]
fn cors_is_off_unless_an_origin_is_allowed() {
    let closed = Server::start(&[]);
    let r = closed.send(
        "POST",
        "/v1/check",
        &[
            ("Content-Type", "application/json"),
            ("Origin", "https://cms.example"),
        ],
        br#"{"text": "x"}"#,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), None);

    let open = Server::start(&["--cors-origin", "https://cms.example"]);
    let pre = open.send(
        "OPTIONS",
        "/v1/check",
        &[
            ("Origin", "https://cms.example"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        b"",
    );
    assert_eq!(pre.status, 204);
    assert_eq!(
        pre.header("access-control-allow-origin"),
        Some("https://cms.example")
    );
    assert!(
        pre.header("access-control-allow-methods")
            .unwrap()
            .contains("POST")
    );
    let other = open.send(
        "POST",
        "/v1/check",
        &[
            ("Content-Type", "application/json"),
            ("Origin", "https://elsewhere.example"),
        ],
        br#"{"text": "x"}"#,
    );
    assert_eq!(other.header("access-control-allow-origin"), None);
}

#[test]
fn serve_refuses_bad_flags_with_exit_2() {
    for args in [
        &["serve", "--max-body", "lots"][..],
        &["serve", "--timeout", "0s"],
        &["serve", "--max-concurrency", "0"],
        &["serve", "--addr", "not-an-address"],
    ] {
        let (code, _, err) = common::run(args, "");
        assert_eq!(code, 2, "{args:?}: {err}");
    }
}

#[test]
fn config_file_sets_the_defaults_and_requests_build_on_them() {
    let dir = std::env::temp_dir().join(format!("numlint-serve-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("numlint.toml");
    std::fs::write(
        &file,
        "locale = \"en-GB\"\nignore = [\"conversion-overprecise\"]\n\n[rules.conversion-mismatch]\nseverity = \"warning\"\n",
    )
    .unwrap();
    let server = Server::start(&["--config", file.to_str().unwrap()]);
    let text = "The tank holds 12 gallons (55 litres). A launcher reaches 40 km (15 miles).";
    let v = server
        .post_json("/v1/check", &json!({ "text": text }))
        .json();
    // en-GB from the file settles the gallon; the file's severity applies.
    let f = v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["rule"], "conversion-mismatch");
    assert_eq!(f[0]["severity"], "warning");
    assert_eq!(v["failed"], false);
    // A request adds to the file: its ignore joins the file's.
    let v = server
        .post_json(
            "/v1/check",
            &json!({"text": text, "config": {"ignore": ["conversion-mismatch"]}}),
        )
        .json();
    assert_eq!(v["findings"], json!([]));
    let rules = server.get("/v1/rules").json();
    let overprecise = rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "conversion-overprecise")
        .unwrap()
        .clone();
    assert_eq!(overprecise["enabled"], false);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);

    // A bad file stops the server from starting, with the file named.
    let bad = std::env::temp_dir().join(format!("numlint-serve-bad-{}.toml", std::process::id()));
    std::fs::write(&bad, "locale = \"en-AU\"\n").unwrap();
    let (code, _, err) = common::run(&["serve", "--config", bad.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("en-AU"), "{err}");
    let _ = std::fs::remove_file(&bad);
}

#[test]
fn report_returns_the_static_html_report_as_a_file() {
    let server = Server::start(&[]);
    let r = server.post_json(
        "/v1/report",
        &json!({"text": article(), "path": "examples/article.md"}),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(
        r.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment"))
    );
    let html = String::from_utf8(r.body.clone()).unwrap();
    // The same report as `check --format html` of the file.
    let (code, cli, _) = common::run(
        &[
            "check",
            "--format",
            "html",
            "--isolated",
            "examples/article.md",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(html, cli);
    assert!(html.contains(">40 km (15 miles</mark>"));
    server
        .send("POST", "/v1/report", &[], b"{}")
        .assert_error(415, "unsupported_media_type");
    let g = server.get("/v1/report");
    g.assert_error(405, "method_not_allowed");
    assert_eq!(g.header("allow"), Some("POST"));
}
