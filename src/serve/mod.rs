//! `numlint serve`: an HTTP API for content systems and a web page for editors, from the same
//! binary and the same library calls as `numlint check`.
//!
//! The concerns live apart: [`limits`] (body size, timeout, concurrency), [`api`] (the JSON
//! endpoints), [`assets`] (the embedded web page), [`utf16`] (offsets for browsers).
//! Everything runs on a small tokio runtime; the checks themselves are CPU-bound and run on
//! tokio's blocking pool so a slow document never stalls the accept loop or `/healthz`.

pub mod api;
pub mod assets;
pub mod limits;
pub mod utf16;

use crate::app::ExitStatus;
use axum::Router;
use clap::Args;
use limits::Limits;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use tokio::sync::Semaphore;

/// Options of `numlint serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default: anything else must be asked for, since the
    /// server has no authentication. Port 0 picks a free port (printed on stdout).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: SocketAddr,

    /// Largest request body accepted, e.g. 5MB, 512KB or a number of bytes.
    #[arg(long, default_value = "5MB", value_name = "SIZE", value_parser = limits::parse_size)]
    pub max_body: usize,

    /// Longest a check may take, body upload included (e.g. 30s, 500ms); 504 after that.
    #[arg(long, default_value = "30s", value_name = "DURATION", value_parser = limits::parse_duration)]
    pub timeout: std::time::Duration,

    /// Checks handled at once; requests beyond it get 503 with Retry-After straight away.
    #[arg(long, default_value_t = 64, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_concurrency: u32,

    /// Allow browsers on this origin to call the API (CORS); repeatable, or "*" for any.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Vec<String>,

    /// Settings for every request, from a numlint.toml (house style, locale, rules, extra
    /// vocabulary); a request's own `config` is applied on top. No file is discovered: a
    /// server's settings should not depend on the directory it was started in.
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

/// What every handler shares.
pub struct AppState {
    pub limits: Limits,
    /// One permit per check in flight.
    pub slots: Arc<Semaphore>,
    /// Checks in flight, for `/healthz` (a test waits on it instead of sleeping).
    pub in_flight: AtomicUsize,
    pub cors_origins: Vec<String>,
    /// The configuration requests start from (`--config`, else the defaults).
    pub base: crate::config::Config,
}

impl AppState {
    pub fn new(
        limits: Limits,
        cors_origins: Vec<String>,
        base: crate::config::Config,
    ) -> Arc<AppState> {
        Arc::new(AppState {
            slots: Arc::new(Semaphore::new(limits.max_concurrency)),
            limits,
            in_flight: AtomicUsize::new(0),
            cors_origins,
            base,
        })
    }
}

/// The whole application: API, page and fallbacks.
pub fn router(state: Arc<AppState>) -> Router {
    let heavy = api::heavy_routes().route_layer(axum::middleware::from_fn_with_state(
        state.clone(),
        limits::guard,
    ));
    Router::new()
        .merge(heavy)
        .merge(api::light_routes())
        .merge(assets::routes())
        .fallback(api::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::common_headers,
        ))
        .with_state(state)
}

/// Runs the server until Ctrl-C or SIGTERM; in-flight requests are allowed to finish.
pub fn run(a: ServeArgs) -> Result<ExitStatus, String> {
    let limits = Limits {
        max_body: a.max_body,
        timeout: a.timeout,
        max_concurrency: a.max_concurrency as usize,
    };
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        // Every admitted check may need a blocking thread; more would only queue.
        .max_blocking_threads(limits.max_concurrency.max(1))
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    let mut base = crate::config::Config::default();
    if let Some(path) = &a.config {
        crate::config_file::load(path)
            .map_err(|e| e.to_string())?
            .apply(&mut base);
    }
    let state = AppState::new(limits, a.cors_origin.clone(), base);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(a.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", a.addr))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("cannot read the bound address: {e}"))?;
        if !local.ip().is_loopback() {
            eprintln!(
                "numlint: warning: listening on {local}, which is not loopback: anyone who can \
                 reach this address can use the server (it has no authentication)"
            );
        }
        // Scripts and tests read this line to learn the port when --addr ends in :0.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "numlint serve: listening on http://{local}/");
        let _ = out.flush();
        drop(out);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| format!("server error: {e}"))
    })?;
    Ok(ExitStatus::Success)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
