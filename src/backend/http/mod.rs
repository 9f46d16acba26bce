//! The HTTP backend: [`CertificateBackend`](super::CertificateBackend) over
//! the REST contract (`certdesk-api`, `docs/api.md`).
//!
//! - Every request carries the host's bearer token; a 401 tells the host
//!   (`certdesk:token-expired`), asks its `getToken` callback for a fresh
//!   token when it gave one, and sends the request once more.
//! - Every `POST` carries an `Idempotency-Key` that stays the same across
//!   retries, so every request is safe to retry: network failures, timeouts
//!   (15 s, `AbortController`) and 502/503/504/429 are retried three times
//!   with a growing pause.
//! - Every change of one certificate sends `If-Match` with the version this
//!   page last saw, so a change someone else made first comes back as a
//!   conflict (`BackendError::Conflict`) instead of being overwritten.
//! - `advance` never makes the server act: it reads the change feed
//!   (`/v1/changes?since=`), so the As of date is a what-if view.

mod answer;
mod calls;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use certdesk_api::{Entry, etag, headers};
use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::BackendError;
use crate::platform::host::HostEvents;
use crate::platform::http::{self as net, HttpResponse, NetError};

pub use answer::{Failure, failure, problem, unauthorized};
pub use calls::{CALLS, HttpCalls};

/// The longest a request waits for an answer.
const TIMEOUT_MS: u32 = 15_000;
/// Tries of one request when the network or the server fails.
const ATTEMPTS: u32 = 3;

/// Where the server is and how to sign in to it, given at mount.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HttpConfig {
    /// The base URL of the contract, up to and including `/v1`.
    pub api: String,
    pub token: Option<String>,
    /// The host's callback that returns a fresh token (or a promise of one).
    pub token_source: Option<js_sys::Function>,
}

struct Inner {
    api: String,
    token: RefCell<Option<String>>,
    token_source: Option<js_sys::Function>,
    host: RefCell<HostEvents>,
    /// The version of each certificate this page last saw (its `If-Match`).
    versions: RefCell<HashMap<String, i64>>,
    /// The change feed's position this page is at.
    cursor: Cell<i64>,
    /// The server's date at the last load.
    server_today: Cell<Option<NaiveDate>>,
}

/// The REST backend of one mounted instance.
#[derive(Clone)]
pub struct HttpBackend {
    inner: Rc<Inner>,
}

impl PartialEq for HttpBackend {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl std::fmt::Debug for HttpBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpBackend")
            .field("api", &self.inner.api)
            .finish_non_exhaustive()
    }
}

/// What one request needs besides its method and path.
#[derive(Default)]
struct Call {
    body: Option<String>,
    if_match: Option<i64>,
    idempotency_key: Option<String>,
    /// 410 Gone is returned as an answer, not an error (the change feed's expired cursor).
    gone_is_an_answer: bool,
}

impl HttpBackend {
    pub fn new(config: HttpConfig) -> Self {
        HttpBackend {
            inner: Rc::new(Inner {
                api: config.api.trim_end_matches('/').to_string(),
                token: RefCell::new(config.token.filter(|t| !t.trim().is_empty())),
                token_source: config.token_source,
                host: RefCell::new(HostEvents::default()),
                versions: RefCell::new(HashMap::new()),
                cursor: Cell::new(0),
                server_today: Cell::new(None),
            }),
        }
    }

    /// Where `certdesk:token-expired` goes (the mounted element).
    pub fn set_host(&self, host: HostEvents) {
        *self.inner.host.borrow_mut() = host;
    }

    /// The base URL, as shown to the user.
    pub fn api(&self) -> &str {
        &self.inner.api
    }

    /// The server's date at the last load (the day it acts on).
    pub fn server_today(&self) -> Option<NaiveDate> {
        self.inner.server_today.get()
    }

    fn remember(&self, entry: &Entry) {
        self.inner
            .versions
            .borrow_mut()
            .insert(entry.certificate.id.clone(), entry.version);
    }

    fn version_of(&self, id: &str) -> Option<i64> {
        self.inner.versions.borrow().get(id).copied()
    }

    fn forget(&self, id: &str) {
        self.inner.versions.borrow_mut().remove(id);
    }

    /// A fresh token after a 401: from the host's callback, if it gave one.
    async fn renew_token(&self, why: Option<&str>) -> Result<(), BackendError> {
        self.inner.host.borrow().emit(
            "token-expired",
            &serde_json::json!({ "api": self.inner.api }),
        );
        let Some(source) = &self.inner.token_source else {
            return Err(unauthorized(&self.inner.api, why));
        };
        let token = net::call_token_source(source)
            .await
            .map_err(|e| unauthorized(&self.inner.api, Some(&e)))?;
        *self.inner.token.borrow_mut() = Some(token);
        Ok(())
    }

    /// Sends one request, retrying what is safe to retry, renewing the token once.
    async fn send(
        &self,
        method: &str,
        path: &str,
        call: &Call,
    ) -> Result<HttpResponse, BackendError> {
        let url = format!("{}{path}", self.inner.api);
        let mut renewed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut sent: Vec<(&str, String)> = vec![("accept", "application/json".into())];
            if let Some(token) = self.inner.token.borrow().as_ref() {
                sent.push(("authorization", format!("Bearer {token}")));
            }
            if call.body.is_some() {
                sent.push(("content-type", "application/json".into()));
            }
            if let Some(version) = call.if_match {
                sent.push(("if-match", etag(version)));
            }
            if let Some(key) = &call.idempotency_key {
                sent.push((headers::IDEMPOTENCY_KEY, key.clone()));
            }
            let retry = match net::send(method, &url, &sent, call.body.as_deref(), TIMEOUT_MS).await
            {
                Ok(r) if (200..300).contains(&r.status) => return Ok(r),
                Ok(r) if r.status == 410 && call.gone_is_an_answer => return Ok(r),
                Ok(r) if r.status == 401 && !renewed => {
                    renewed = true;
                    let why = problem(401, &r.body).detail;
                    self.renew_token(Some(why.trim_end_matches('.'))).await?;
                    continue;
                }
                Ok(r) if r.status == 401 => {
                    let why = problem(401, &r.body).detail;
                    return Err(unauthorized(
                        &self.inner.api,
                        Some(why.trim_end_matches('.')),
                    ));
                }
                Ok(r) => {
                    match failure(r.status, &r.body, r.retry_after.as_deref(), &self.inner.api) {
                        Failure::Final(e) => return Err(e),
                        Failure::Retry { after_ms, error } => (after_ms, error),
                    }
                }
                Err(NetError::Request(why)) => {
                    return Err(BackendError::Refused(format!(
                        "The request to {url} could not be made ({why}): check the api address Certdesk was given"
                    )));
                }
                Err(e) => (
                    500 * 2u32.pow(attempt - 1),
                    BackendError::Unavailable(format!("{}: {e}", self.inner.api)),
                ),
            };
            if attempt >= ATTEMPTS {
                return Err(retry.1);
            }
            net::sleep(retry.0).await;
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, BackendError> {
        let answer = self.send("GET", path, &Call::default()).await?;
        self.read(&answer)
    }

    /// A `POST` with a fresh idempotency key (kept across its retries).
    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        if_match: Option<i64>,
    ) -> Result<T, BackendError> {
        let call = Call {
            body: Some(self.write(body)?),
            if_match,
            idempotency_key: Some(net::random_key()),
            ..Call::default()
        };
        let answer = self.send("POST", path, &call).await?;
        self.read(&answer)
    }

    fn write<B: Serialize>(&self, body: &B) -> Result<String, BackendError> {
        serde_json::to_string(body)
            .map_err(|e| BackendError::Refused(format!("the request could not be written ({e})")))
    }

    fn read<T: DeserializeOwned>(&self, answer: &HttpResponse) -> Result<T, BackendError> {
        serde_json::from_str(&answer.body).map_err(|e| {
            BackendError::Unavailable(format!(
                "the server at {} answered something Certdesk cannot read ({e}); is the api address right?",
                self.inner.api
            ))
        })
    }

    /// The `If-Match` of `id`: the version last seen, read from the server if none was.
    async fn if_match(&self, id: &str) -> Result<i64, BackendError> {
        if let Some(v) = self.version_of(id) {
            return Ok(v);
        }
        let entry: Entry = self.get(&format!("/certificates/{}", encode(id))).await?;
        self.remember(&entry);
        Ok(entry.version)
    }
}

/// A path segment, percent-encoded (IDs are plain, but nothing is assumed).
pub fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
