//! The server's limits: body size, request timeout and checks in flight.
//!
//! A newsroom server must stay responsive when a script floods it or a client stalls: a request
//! over the concurrency limit is refused at once (503 with Retry-After) rather than queued, a
//! request that takes too long (upload included) gets 504, and a body over the limit gets 413
//! without being buffered.

use super::AppState;
use super::api::ApiError;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;

/// The limits `numlint serve` runs with.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_body: usize,
    pub timeout: Duration,
    pub max_concurrency: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 5 * 1000 * 1000,
            timeout: Duration::from_secs(30),
            max_concurrency: 64,
        }
    }
}

/// A held concurrency slot. The handler moves a clone into the blocking check, so a check that
/// outlives its request's timeout still counts until it really ends.
#[derive(Clone)]
pub struct Slot(#[allow(dead_code)] Arc<SlotInner>);

struct SlotInner {
    _permit: OwnedSemaphorePermit,
    state: Arc<AppState>,
}

impl Drop for SlotInner {
    fn drop(&mut self) {
        self.state.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Middleware for the check endpoints: take a slot or refuse, then bound the time.
pub async fn guard(State(state): State<Arc<AppState>>, mut req: Request, next: Next) -> Response {
    let permit = match state.slots.clone().try_acquire_owned() {
        Ok(p) => p,
        Err(_) => {
            return ApiError::overloaded(state.limits.max_concurrency).into_response();
        }
    };
    state.in_flight.fetch_add(1, Ordering::SeqCst);
    let slot = Slot(Arc::new(SlotInner {
        _permit: permit,
        state: state.clone(),
    }));
    req.extensions_mut().insert(slot.clone());
    let timeout = state.limits.timeout;
    let res = tokio::time::timeout(timeout, next.run(req)).await;
    drop(slot);
    match res {
        Ok(r) => r,
        Err(_) => ApiError::timeout(timeout).into_response(),
    }
}

/// Reads a request body of at most `max` bytes.
///
/// A body announced (Content-Length) or found to be larger is refused with 413. Unless the
/// client asked `Expect: 100-continue` (then it has sent nothing yet), a moderately oversized
/// body is read and discarded first: closing a socket with unread data resets the connection,
/// and a browser would then show "connection reset" instead of our message.
pub async fn read_body(headers: &HeaderMap, body: Body, max: usize) -> Result<Bytes, ApiError> {
    let drain_cap = max.saturating_mul(4).max(max.saturating_add(1 << 20));
    let expects_continue = headers
        .get(header::EXPECT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(n) = declared
        && n > max as u64
    {
        if !expects_continue && n <= drain_cap as u64 {
            drain(body, drain_cap).await;
        }
        return Err(ApiError::too_large(max));
    }
    let mut body = body;
    let mut buf: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| ApiError::bad_request(format!("cannot read body: {e}")))?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > max {
                drain(body, drain_cap.saturating_sub(buf.len() + data.len())).await;
                return Err(ApiError::too_large(max));
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(Bytes::from(buf))
}

/// Reads and drops up to `cap` more bytes of a body.
async fn drain(mut body: Body, cap: usize) {
    let mut seen = 0usize;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            seen += data.len();
            if seen > cap {
                return;
            }
        }
    }
}

/// Parses a size: "5MB", "512KB", "1MiB", "100000".
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 5MB, 512KB, 100000)"))?;
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        u => {
            return Err(format!(
                "unknown size unit `{u}` in `{s}` (use B, KB, MB, KiB, MiB)"
            ));
        }
    };
    let v = n * mult;
    if !v.is_finite() || v < 1.0 || v > usize::MAX as f64 {
        return Err(format!("`{s}` is not a usable size"));
    }
    Ok(v as usize)
}

/// Parses a duration: "30s", "500ms", "2m", or a number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a duration (e.g. 30s, 500ms, 2m)"))?;
    let secs = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "s" | "sec" | "secs" => n,
        "ms" => n / 1000.0,
        "m" | "min" => n * 60.0,
        u => {
            return Err(format!(
                "unknown duration unit `{u}` in `{s}` (use ms, s or m)"
            ));
        }
    };
    if !secs.is_finite() || secs <= 0.0 || secs > 86_400.0 {
        return Err(format!(
            "`{s}` is not a usable timeout (more than 0, at most a day)"
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_flags() {
        assert_eq!(parse_size("5MB"), Ok(5_000_000));
        assert_eq!(parse_size("512kb"), Ok(512_000));
        assert_eq!(parse_size("1MiB"), Ok(1_048_576));
        assert_eq!(parse_size("100000"), Ok(100_000));
        assert!(parse_size("five").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("5XB").is_err());
    }

    #[test]
    fn durations_read_like_flags() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert!(parse_duration("0").is_err());
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("3h").is_err());
    }
}
