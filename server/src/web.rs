//! Everything around the routes: body limits, CORS for the configured
//! origins only, security headers on every answer, panics as 500 problems,
//! unknown paths as 404 problems, and the built app (`--dist`) on the same
//! origin as the API.

use std::any::Any;
use std::path::PathBuf;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header::{
    AUTHORIZATION, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_MATCH, REFERRER_POLICY,
    RETRY_AFTER, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::problem::ApiError;
use crate::routes;
use crate::state::AppState;

/// The largest JSON body (every route but uploads).
pub const JSON_LIMIT: usize = 1024 * 1024;
/// The largest upload body (certificate files, base64 included).
pub const UPLOAD_LIMIT: usize = 8 * 1024 * 1024;

/// The policy the app runs under (no inline script, wasm allowed).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'";

/// How the HTTP side is set up.
#[derive(Clone, Debug, Default)]
pub struct WebConfig {
    /// The built app to serve next to the API.
    pub dist: Option<PathBuf>,
    /// Origins allowed to call the API from a browser (none: same origin only).
    pub cors_origins: Vec<String>,
}

fn panic_answer(_: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::internal("a handler panicked").into_response()
}

async fn api_not_found() -> ApiError {
    ApiError::new(
        certdesk_api::problems::NOT_FOUND,
        "Not found",
        StatusCode::NOT_FOUND,
        "There is no such route in /v1: see docs/api.md for the routes.",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        certdesk_api::problems::BAD_REQUEST,
        "Method not allowed",
        StatusCode::METHOD_NOT_ALLOWED,
        "This route does not take this method: see docs/api.md.",
    )
}

fn cors(origins: &[String]) -> Result<Option<CorsLayer>, String> {
    if origins.is_empty() {
        return Ok(None);
    }
    let list = origins
        .iter()
        .map(|o| HeaderValue::from_str(o).map_err(|_| format!("{o} is not an origin")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(list))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([
                AUTHORIZATION,
                CONTENT_TYPE,
                IF_MATCH,
                HeaderName::from_static(certdesk_api::headers::IDEMPOTENCY_KEY),
            ])
            .expose_headers([
                ETAG,
                HeaderName::from_static(certdesk_api::headers::IDEMPOTENCY_REPLAYED),
                RETRY_AFTER,
            ]),
    ))
}

/// Runs each API request to its end in its own task, even when the client
/// goes away (a timeout, a closed tab, a retry): dropped halfway, a change
/// could leave its transaction open on a pooled connection (`make soak`
/// found SQLite then locked for good when `BEGIN IMMEDIATE` was cancelled)
/// and would not store its idempotent answer for the retry.
async fn run_to_completion(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(e) => ApiError::internal(format!("the request's task ended: {e}")).into_response(),
    }
}

/// The whole HTTP application.
pub fn router(state: AppState, config: &WebConfig) -> Result<Router, String> {
    let api = routes::v1(&state)
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn(run_to_completion));
    let mut app = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest("/v1", api);
    app = match &config.dist {
        Some(dist) => {
            let index = ServeFile::new(dist.join("index.html"))
                .precompressed_br()
                .precompressed_gzip();
            app.fallback_service(
                ServeDir::new(dist)
                    .precompressed_br()
                    .precompressed_gzip()
                    .not_found_service(index),
            )
        }
        None => app.fallback(api_not_found),
    };
    let mut app = app
        .layer(DefaultBodyLimit::max(JSON_LIMIT))
        .layer(CatchPanicLayer::custom(panic_answer))
        .layer(SetResponseHeaderLayer::overriding(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ));
    if let Some(cors) = cors(&config.cors_origins)? {
        app = app.layer(cors);
    }
    Ok(app.with_state(state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_answers_a_500_problem() {
        async fn boom() -> &'static str {
            panic!("a bug")
        }
        let app = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(panic_answer));
        let request = Request::builder().uri("/boom").body(Body::empty());
        let response = app
            .oneshot(request.expect("request"))
            .await
            .expect("answered");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers().get(CONTENT_TYPE).map(|v| v.as_bytes()),
            Some(certdesk_api::PROBLEM_JSON.as_bytes())
        );
    }
}
