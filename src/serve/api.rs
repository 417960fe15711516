//! The JSON API: `POST /v1/check`, `POST /v1/extract`, `GET /v1/rules`, `GET /healthz`; and
//! `POST /v1/report`, the `check --format html` report of a text, for the page's download.
//!
//! Responses are built by the same functions as `check --format json` and
//! `extract --format json` ([`crate::report::json`], [`crate::report::extract`]), so a content
//! system and a CI job read one schema; the server only adds UTF-16 offsets for browsers.
//! Every error is JSON: `{"error": {"status", "code", "message"}}`.

use super::AppState;
use super::limits::{self, Slot};
use super::utf16;
use crate::checks;
use crate::config::{Config, HouseStyle};
use crate::diagnostic::Severity;
use crate::extract::Locale;
use crate::report::extract::ExtractedFile;
use crate::report::json::{finding_value, passed_value};
use crate::report::{CheckedFile, SourceFile, Summary};
use crate::source::InputFormat;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

type AppRouter = Router<Arc<AppState>>;

/// Routes that run checks: they take a concurrency slot and are bounded in time.
pub fn heavy_routes() -> AppRouter {
    Router::new()
        .route("/v1/check", post(check).fallback(method_not_allowed))
        .route("/v1/extract", post(extract).fallback(method_not_allowed))
        .route("/v1/report", post(report).fallback(method_not_allowed))
}

/// Cheap routes, never refused for load: health checks must answer while checks are busy.
pub fn light_routes() -> AppRouter {
    Router::new()
        .route("/v1/rules", get(rules).fallback(method_not_allowed))
        .route("/healthz", get(healthz).fallback(method_not_allowed))
        .route(
            "/v1/openapi.json",
            get(openapi).fallback(method_not_allowed),
        )
}

/// An API error: status, a stable code for scripts, and a message for people.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn too_large(max: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is over the limit of {max} bytes (numlint serve --max-body)"),
        )
    }

    pub fn overloaded(max: usize) -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                format!(
                    "the server is already running {max} checks (numlint serve \
                     --max-concurrency); retry shortly"
                ),
            )
        }
    }

    pub fn timeout(t: Duration) -> ApiError {
        ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            format!(
                "the request took longer than {} ms (numlint serve --timeout)",
                t.as_millis()
            ),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
        }});
        let mut res = json_response(self.status, &body);
        if let Some(s) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        res
    }
}

/// A compact JSON response that no cache keeps.
pub fn json_response(status: StatusCode, v: &Value) -> Response {
    let body = serde_json::to_vec(v).unwrap_or_else(|_| b"{}".to_vec());
    let mut res = (status, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

pub async fn not_found(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!(
            "no such endpoint: {} {} (see GET /v1/openapi.json)",
            req.method(),
            req.uri().path()
        ),
    )
}

async fn method_not_allowed(req: Request) -> Response {
    let path = req.uri().path();
    let allow = if matches!(path, "/v1/check" | "/v1/extract" | "/v1/report") {
        "POST"
    } else {
        "GET, HEAD"
    };
    let mut res = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{path} does not accept {}; use {allow}", req.method()),
    )
    .into_response();
    res.headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allow));
    res
}

/// Rule settings a request may give; the same knobs as the `check` flags.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    pub select: Option<Vec<String>>,
    #[serde(default, alias = "extend-select")]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(alias = "fail-on")]
    pub fail_on: Option<String>,
    /// Per-rule severity overrides: {"conversion-overprecise": "warning"}.
    #[serde(default)]
    pub severities: HashMap<String, String>,
    pub locale: Option<String>,
    pub date: Option<String>,
    /// Report the claims that hold (default true: the page paints them green).
    #[serde(alias = "show-passed")]
    pub show_passed: Option<bool>,
    #[serde(alias = "house-style")]
    pub house_style: Option<ApiHouseStyle>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiHouseStyle {
    #[serde(alias = "primary-system")]
    pub primary_system: Option<String>,
    #[serde(alias = "conversion-dimensions")]
    pub conversion_dimensions: Option<Vec<String>>,
}

impl ApiConfig {
    /// The library configuration: `base` (the server's `--config`) with this request's
    /// settings on top (`select` replaces, `ignore` and `extend_select` add), or a 400 naming
    /// the bad option.
    pub fn to_config(&self, base: &Config) -> Result<Config, ApiError> {
        let bad = |m: String| ApiError::bad_request(format!("config: {m}"));
        let mut c = base.clone();
        if let Some(l) = &self.locale {
            c.locale = Locale::parse(l)
                .ok_or_else(|| bad(format!("unknown locale `{l}` (use en-GB or en-US)")))?;
        }
        if let Some(sel) = &self.select {
            checks::validate_names(sel).map_err(bad)?;
            c.rules.select = Some(sel.clone());
        }
        checks::validate_names(&self.extend_select).map_err(bad)?;
        checks::validate_names(&self.ignore).map_err(bad)?;
        c.rules
            .extend_select
            .extend(self.extend_select.iter().cloned());
        c.rules.ignore.extend(self.ignore.iter().cloned());
        if let Some(f) = &self.fail_on {
            if f.eq_ignore_ascii_case("never") {
                c.never_fail = true;
            } else {
                c.fail_on = Severity::parse(f).ok_or_else(|| {
                    bad(format!("fail_on `{f}`: use info, warning, error or never"))
                })?;
                c.never_fail = false;
            }
        }
        for (rule, sev) in &self.severities {
            if checks::find(rule).is_none() {
                return Err(bad(format!("severities: unknown rule `{rule}`")));
            }
            let s = Severity::parse(sev).ok_or_else(|| {
                bad(format!(
                    "severities: `{sev}` for `{rule}`: use info, warning or error"
                ))
            })?;
            c.severities.insert(rule.clone(), s);
        }
        if let Some(d) = &self.date {
            if !is_iso_date(d) {
                return Err(bad(format!("date `{d}`: use YYYY-MM-DD")));
            }
            c.date = Some(d.clone());
        }
        c.show_passed = self.show_passed.unwrap_or(true);
        if let Some(h) = &self.house_style {
            let d = HouseStyle::default();
            let primary = h.primary_system.clone().unwrap_or(d.primary_system);
            if primary != "metric" && primary != "imperial" {
                return Err(bad(format!(
                    "house_style.primary_system `{primary}`: use metric or imperial"
                )));
            }
            c.house_style = HouseStyle {
                primary_system: primary,
                conversion_dimensions: h
                    .conversion_dimensions
                    .clone()
                    .unwrap_or(d.conversion_dimensions),
            };
        }
        Ok(c)
    }
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The body of `POST /v1/check` and `POST /v1/extract`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocRequest {
    pub text: String,
    /// "text", "markdown" or "html"; guessed from `path` when absent, else text.
    pub input_format: Option<String>,
    /// The name reported as `path` (default "-", as for stdin).
    pub path: Option<String>,
    #[serde(default)]
    pub config: ApiConfig,
    /// `extract` only: also list dates and times.
    #[serde(default)]
    pub dates: bool,
}

impl DocRequest {
    fn format(&self) -> Result<InputFormat, ApiError> {
        match (&self.input_format, &self.path) {
            (Some(f), _) => InputFormat::parse(f).ok_or_else(|| {
                ApiError::bad_request(format!("input_format `{f}`: use text, markdown or html"))
            }),
            (None, Some(p)) => Ok(InputFormat::from_path(Path::new(p))),
            (None, None) => Ok(InputFormat::Text),
        }
    }
}

/// Reads and parses a JSON request body, in the order a client can fix things: size, type,
/// syntax.
async fn read_request(state: &AppState, req: Request) -> Result<DocRequest, ApiError> {
    let (parts, body) = req.into_parts();
    // The body is read (bounded) before the type is judged, so no refusal leaves unread bytes
    // on the socket.
    let bytes: Bytes = limits::read_body(&parts.headers, body, state.limits.max_body).await?;
    if !is_json(&parts.headers) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the request as JSON with `Content-Type: application/json`",
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ApiError::bad_request(
            "empty body: send {\"text\": \"...\", \"input_format\": \"markdown\"}",
        ));
    }
    serde_json::from_slice(&bytes).map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))
}

fn is_json(h: &HeaderMap) -> bool {
    h.get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let mime = v
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false)
}

/// Runs CPU-bound work on the blocking pool, holding the request's slot until it ends.
async fn blocking<T: Send + 'static>(
    slot: Option<Slot>,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        f()
    })
    .await
    .map_err(|_| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the check failed unexpectedly; please report the text that caused it",
        )
    })
}

async fn check(State(state): State<Arc<AppState>>, req: Request) -> Result<Response, ApiError> {
    let slot = req.extensions().get::<Slot>().cloned();
    let r = read_request(&state, req).await?;
    let format = r.format()?;
    let config = r.config.to_config(&state.base)?;
    let v = blocking(slot, move || check_json(r, format, &config)).await??;
    Ok(json_response(StatusCode::OK, &v))
}

/// The `check --format json` document for one text, with UTF-16 offsets and `failed`.
pub fn check_json(r: DocRequest, format: InputFormat, config: &Config) -> Result<Value, ApiError> {
    let report = crate::check_source(&r.text, format, config).map_err(ApiError::bad_request)?;
    let checked = CheckedFile {
        file: SourceFile::new(r.path.unwrap_or_else(|| "-".into()), r.text),
        findings: report.findings,
        passed: report.passed,
    };
    let findings: Vec<Value> = checked
        .findings
        .iter()
        .map(|x| finding_value(&checked, x))
        .collect();
    let failed = !config.never_fail
        && checked
            .findings
            .iter()
            .any(|x| x.severity >= config.fail_on);
    let mut doc = json!({
        "version": 1,
        "findings": findings,
        "summary": Summary::of(std::slice::from_ref(&checked)),
        "failed": failed,
    });
    if config.show_passed {
        let passed: Vec<Value> = checked
            .passed
            .iter()
            .map(|p| passed_value(&checked, p))
            .collect();
        doc["passed"] = Value::Array(passed);
    }
    utf16::annotate(&checked.file.text, &mut doc);
    Ok(doc)
}

async fn report(State(state): State<Arc<AppState>>, req: Request) -> Result<Response, ApiError> {
    let slot = req.extensions().get::<Slot>().cloned();
    let r = read_request(&state, req).await?;
    let format = r.format()?;
    let mut config = r.config.to_config(&state.base)?;
    // The report paints the claims that hold green, as `check --format html` does.
    config.show_passed = r.config.show_passed.unwrap_or(true);
    let html = blocking(slot, move || report_html(r, format, &config)).await??;
    let mut res = (StatusCode::OK, html).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A file to save and send, not a page of this origin (it carries its own inline script).
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"numlint-report.html\""),
    );
    Ok(res)
}

/// The `check --format html` report of one text.
pub fn report_html(
    r: DocRequest,
    format: InputFormat,
    config: &Config,
) -> Result<String, ApiError> {
    let report = crate::check_source(&r.text, format, config).map_err(ApiError::bad_request)?;
    let checked = CheckedFile {
        file: SourceFile::new(r.path.unwrap_or_else(|| "-".into()), r.text),
        findings: report.findings,
        passed: report.passed,
    };
    Ok(crate::report::html::render(
        std::slice::from_ref(&checked),
        &crate::report::ReportOptions::default(),
    ))
}

async fn extract(State(state): State<Arc<AppState>>, req: Request) -> Result<Response, ApiError> {
    let slot = req.extensions().get::<Slot>().cloned();
    let r = read_request(&state, req).await?;
    let format = r.format()?;
    let config = r.config.to_config(&state.base)?;
    let v = blocking(slot, move || extract_json(r, format, &config)).await??;
    Ok(json_response(StatusCode::OK, &v))
}

/// The `extract --format json` document for one text, with UTF-16 offsets.
pub fn extract_json(
    r: DocRequest,
    format: InputFormat,
    config: &Config,
) -> Result<Value, ApiError> {
    let report = crate::extract_source(&r.text, format, config);
    let files = [ExtractedFile {
        file: SourceFile::new(r.path.unwrap_or_else(|| "-".into()), r.text),
        report,
    }];
    let mut buf = Vec::new();
    crate::report::extract::write_json(&files, config.vocab(), r.dates, &mut buf)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let mut doc: Value =
        serde_json::from_slice(&buf).map_err(|e| ApiError::bad_request(e.to_string()))?;
    utf16::annotate(&files[0].file.text, &mut doc);
    Ok(doc)
}

async fn rules(State(state): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, &rules_json(&state.base))
}

/// Every rule with its documentation, for the page's explanations and for scripts; `enabled`
/// as the server's configuration has it.
pub fn rules_json(config: &Config) -> Value {
    let rules: Vec<Value> = checks::all_infos()
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "family": i.family,
                "severity": i.default_severity.as_str(),
                "enabled": checks::is_enabled(config, i),
                "summary": i.summary,
                "doc": i.doc.trim(),
            })
        })
        .collect();
    json!({"version": 1, "rules": rules})
}

async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let l = &state.limits;
    json_response(
        StatusCode::OK,
        &json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "in_flight": state.in_flight.load(Ordering::SeqCst),
            "limits": {
                "max_body_bytes": l.max_body,
                "timeout_ms": l.timeout.as_millis() as u64,
                "max_concurrency": l.max_concurrency,
            },
        }),
    )
}

async fn openapi() -> Response {
    let mut res = super::assets::OPENAPI.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// Headers for every response, and CORS for the origins given with `--cors-origin`.
pub async fn common_headers(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|o| {
            state
                .cors_origins
                .iter()
                .any(|allowed| allowed == "*" || allowed == o)
        })
        .map(str::to_owned);
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight && origin.is_some() {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, OPTIONS"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        r
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Some(o) = origin
        && let Ok(v) = HeaderValue::from_str(&o)
    {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(json: &str) -> DocRequest {
        serde_json::from_str(json).expect("valid request")
    }

    #[test]
    fn config_maps_every_option() {
        let r = req(
            r#"{"text": "x", "config": {"select": ["conversion"], "ignore":
            ["conversion-overprecise"], "fail_on": "warning", "locale": "en-GB",
            "severities": {"conversion-ambiguous-unit": "error"}, "date": "2024-01-05",
            "show_passed": false, "house_style": {"primary_system": "imperial"}}}"#,
        );
        let c = r
            .config
            .to_config(&Config::default())
            .expect("valid config");
        assert_eq!(c.rules.select, Some(vec!["conversion".to_string()]));
        assert_eq!(c.fail_on, Severity::Warning);
        assert_eq!(c.locale, Locale::EnGb);
        assert_eq!(
            c.severities.get("conversion-ambiguous-unit"),
            Some(&Severity::Error)
        );
        assert!(!c.show_passed);
        assert_eq!(c.house_style.primary_system, "imperial");
    }

    #[test]
    fn bad_options_name_themselves() {
        for (json, needle) in [
            (r#"{"text": "x", "config": {"select": ["nope"]}}"#, "nope"),
            (r#"{"text": "x", "config": {"locale": "fr"}}"#, "fr"),
            (r#"{"text": "x", "config": {"fail_on": "meh"}}"#, "meh"),
            (r#"{"text": "x", "config": {"date": "5 Jan"}}"#, "5 Jan"),
            (
                r#"{"text": "x", "config": {"severities": {"x-rule": "error"}}}"#,
                "x-rule",
            ),
        ] {
            let e = req(json)
                .config
                .to_config(&Config::default())
                .expect_err(json);
            assert_eq!(e.status, StatusCode::BAD_REQUEST);
            assert!(e.message.contains(needle), "{}", e.message);
        }
    }

    #[test]
    fn format_comes_from_the_field_then_the_path() {
        let f = |j: &str| req(j).format();
        assert_eq!(
            f(r#"{"text": "", "input_format": "html"}"#),
            Ok(InputFormat::Html)
        );
        assert_eq!(
            f(r#"{"text": "", "path": "a.md"}"#),
            Ok(InputFormat::Markdown)
        );
        assert_eq!(f(r#"{"text": ""}"#), Ok(InputFormat::Text));
        assert!(f(r#"{"text": "", "input_format": "docx"}"#).is_err());
    }
}
