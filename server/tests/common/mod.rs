//! A real server over a real database, called through
//! `tower::ServiceExt::oneshot`, with a settable clock: a SQLite file in a
//! temp dir, or with `CERTDESK_TEST_DB=postgres` (the Makefile's second run
//! of this suite) a new database in a throwaway PostgreSQL cluster started
//! once per test binary (and stopped when it ends, see throwaway_pg).

#![allow(dead_code)] // each test file uses its own part of the kit

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use certdesk_api::Role;
use certdesk_engine::Inventory;
use certdesk_engine::demo::demo_inventory;
use certdesk_server::throwaway_pg::ThrowawayPg;
use certdesk_server::{AppState, TestClock, WebConfig, accounts, web};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub const START: &str = "2026-11-28T09:00:00Z";

/// The suite runs on PostgreSQL (`CERTDESK_TEST_DB=postgres`), else SQLite.
pub fn on_postgres() -> bool {
    std::env::var("CERTDESK_TEST_DB").is_ok_and(|v| v == "postgres")
}

/// This test binary's cluster (the tests make one database each in it).
pub fn shared_cluster() -> &'static ThrowawayPg {
    static CLUSTER: OnceLock<ThrowawayPg> = OnceLock::new();
    CLUSTER.get_or_init(|| ThrowawayPg::start("-c fsync=off").expect("a throwaway PostgreSQL"))
}

/// A new empty database for one test: a SQLite file in `dir`, or a
/// PostgreSQL database; as `--db` takes it.
pub async fn new_database(dir: &tempfile::TempDir) -> String {
    if !on_postgres() {
        return Server::db_path(dir).to_string_lossy().into_owned();
    }
    let name = format!(
        "t_{}",
        certdesk_server::auth::new_token().get(..16).unwrap_or("x")
    );
    shared_cluster()
        .create_database(&name)
        .await
        .expect("a test database")
}

pub struct Server {
    pub dir: tempfile::TempDir,
    /// The database, as `--db` takes it.
    pub db: String,
    pub state: AppState,
    pub app: Router,
    pub clock: Arc<TestClock>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "{} is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// The problem's slug (`stale`, `not-found`…), checking its media type.
    pub fn slug(&self) -> String {
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "{}: {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        let kind = self.json()["type"].as_str().unwrap_or_default().to_string();
        kind.trim_start_matches("https://certdesk.dev/problems/")
            .to_string()
    }
}

pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a test time")
}

impl Server {
    pub async fn new() -> Self {
        Self::open(
            tempfile::tempdir().expect("temp dir"),
            at(START),
            WebConfig::default(),
        )
        .await
    }

    pub async fn with_config(config: WebConfig) -> Self {
        Self::open(tempfile::tempdir().expect("temp dir"), at(START), config).await
    }

    pub fn db_path(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("certdesk.db")
    }

    pub async fn open(dir: tempfile::TempDir, now: DateTime<Utc>, config: WebConfig) -> Self {
        let db = new_database(&dir).await;
        Self::reopen(dir, db, now, config).await
    }

    pub async fn reopen(
        dir: tempfile::TempDir,
        db: String,
        now: DateTime<Utc>,
        config: WebConfig,
    ) -> Self {
        let clock = Arc::new(TestClock::new(now));
        let state = certdesk_server::open(&db, clock.clone(), true)
            .await
            .expect("the server opens");
        let app = web::router(state.clone(), &config).expect("router");
        Server {
            dir,
            db,
            state,
            app,
            clock,
        }
    }

    /// Closes the database and opens the same one again (a restart).
    pub async fn restart(self) -> Self {
        let now = certdesk_server::Clock::now(self.clock.as_ref());
        self.state.db.pool.close().await;
        let (dir, db) = (self.dir, self.db);
        drop(self.app);
        drop(self.state);
        Self::reopen(dir, db, now, WebConfig::default()).await
    }

    pub fn today(&self) -> chrono::NaiveDate {
        certdesk_server::Clock::today(self.clock.as_ref())
    }

    /// A new account with the demo inventory; its admin token.
    pub async fn demo_account(&self, name: &str) -> String {
        let today = self.today();
        self.account(name, Role::Admin, move || demo_inventory(today))
            .await
    }

    pub async fn account(
        &self,
        name: &str,
        role: Role,
        inventory: impl FnOnce() -> Inventory,
    ) -> String {
        accounts::add(&self.state.db, None, name, role, None, inventory)
            .await
            .expect("account")
            .1
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.expect("answered");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = match body {
            Some(v) => {
                request = request.header("content-type", "application/json");
                Body::from(serde_json::to_vec(v).expect("json"))
            }
            None => Body::empty(),
        };
        self.send(request.body(body).expect("request")).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.call(Method::GET, path, Some(token), &[], None).await
    }

    /// A POST with a fresh Idempotency-Key (and If-Match when given).
    pub async fn post(
        &self,
        path: &str,
        token: &str,
        if_match: Option<i64>,
        body: Option<&Value>,
    ) -> Reply {
        let key = format!("k-{}", certdesk_server::auth::new_token());
        let etag = if_match.map(certdesk_api::etag);
        let mut headers = vec![("idempotency-key", key.as_str())];
        if let Some(e) = &etag {
            headers.push(("if-match", e.as_str()));
        }
        self.call(Method::POST, path, Some(token), &headers, body)
            .await
    }

    /// `DELETE /v1/certificates/{id}` with `If-Match` of `version`.
    pub async fn delete_certificate(&self, id: &str, token: &str, version: i64) -> Reply {
        let etag = certdesk_api::etag(version);
        self.call(
            Method::DELETE,
            &format!("/v1/certificates/{id}"),
            Some(token),
            &[("if-match", etag.as_str())],
            None,
        )
        .await
    }

    /// The certificate's current version.
    pub async fn version(&self, id: &str, token: &str) -> i64 {
        let reply = self.get(&format!("/v1/certificates/{id}"), token).await;
        assert_eq!(reply.status, StatusCode::OK, "{id}");
        reply.json()["version"].as_i64().expect("version")
    }

    /// Sets the clock and moves every account on (the test route).
    pub async fn set_clock(&self, now: &str, token: &str) {
        let reply = self
            .call(
                Method::PUT,
                "/v1/test/clock",
                Some(token),
                &[],
                Some(&serde_json::json!({ "now": now })),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
    }

    /// All certificates of the token's account (every page).
    pub async fn all(&self, token: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut path = "/v1/certificates?limit=500".to_string();
        loop {
            let page = self.get(&path, token).await.json();
            out.extend(page["items"].as_array().cloned().unwrap_or_default());
            match page["next"].as_str() {
                Some(next) => path = format!("/v1/certificates?limit=500&cursor={next}"),
                None => return out,
            }
        }
    }

    /// The first certificate (id, version) in `state`.
    pub async fn first_in(&self, token: &str, state: &str) -> (String, i64) {
        let page = self
            .get(&format!("/v1/certificates?state={state}"), token)
            .await
            .json();
        let e = &page["items"][0];
        (
            e["certificate"]["id"].as_str().expect("an id").to_string(),
            e["version"].as_i64().expect("version"),
        )
    }
}

/// A 1-year new purchase of an Alibaba Cloud DV single-domain certificate.
pub fn dv_purchase(domain: &str) -> Value {
    serde_json::json!({ "request": certdesk_rules::testing::dv_purchase(domain) })
}
