//! The REST contract between Certdesk and a certificate service, version 1.
//!
//! `docs/api/openapi.yaml` describes the same contract for hosts that
//! implement it in another language; `docs/api.md` explains it with examples.
//! The app's HTTP backend (`src/backend/http`) sends these types and the
//! reference server (`server/`) answers with them, so both sides compile
//! against one definition. Bodies are JSON; the records are those of
//! `certdesk-rules` (serde), unchanged.
//!
//! Conventions every route follows:
//! - `Authorization: Bearer <token>` on every request under `/v1`.
//! - `Idempotency-Key: <1..=255 visible ASCII>` on every `POST`: the same
//!   key with the same body gives the stored answer again (the order is placed
//!   once, header `Idempotency-Replayed: true`); with another body, 422.
//! - Each certificate has a `version`; its `ETag` is `"<version>"`. Every
//!   change of one certificate (submit, cancel, delete, PCA sync,
//!   verification) needs `If-Match: "<version>"` (428 without it, 412 with
//!   a stale one, the problem then carrying the current record).
//! - Errors are RFC 9457 `application/problem+json` ([`Problem`]), their
//!   `detail` says what is wrong and what to do.

use certdesk_engine::Order;
use certdesk_rules::{
    Certificate, NotificationPolicy, OrderPlan, OrderRequest, PriceTable, QuotaReturn, Quotas,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The path prefix of this version of the contract.
pub const PREFIX: &str = "/v1";

/// Header names the contract uses besides the standard ones.
pub mod headers {
    pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
    pub const IDEMPOTENCY_REPLAYED: &str = "idempotency-replayed";
}

/// The media type of errors.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The longest list page a client may ask for (`limit`).
pub const MAX_PAGE: usize = 500;
/// The list page size when `limit` is not given.
pub const DEFAULT_PAGE: usize = 100;
/// The longest a change-feed request waits for a change (`wait`, seconds).
pub const MAX_WAIT_SECONDS: u64 = 30;

/// `ETag` / `If-Match` value of a version: `"7"`.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version an `If-Match` value names (`"7"` or `W/"7"`), if it is one.
pub fn parse_etag(value: &str) -> Option<i64> {
    let v = value.trim();
    let v = v.strip_prefix("W/").unwrap_or(v);
    v.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
}

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything of its account; every change is 403.
    Viewer,
    /// Reads and changes everything of its account.
    Admin,
}

/// `GET /v1/account`: who the token belongs to and what the account holds
/// besides its certificates, with the change feed's position at that moment
/// (read the certificates after this, then follow `/v1/changes?since=cursor`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// The server's date (UTC): the day it acts on.
    pub today: NaiveDate,
    pub quotas: Quotas,
    pub prices: PriceTable,
    pub orders: Vec<Order>,
    pub policies: Vec<NotificationPolicy>,
    pub cursor: i64,
}

/// A certificate with its version (its `ETag` is `"<version>"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub version: i64,
    pub certificate: Certificate,
}

/// `GET /v1/certificates`: one page, `next` is the cursor of the next page
/// (absent on the last). Ordered by certificate ID.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub items: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Query of `GET /v1/certificates`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListQuery {
    /// `official` or `uploaded`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tab: Option<String>,
    /// A stored lifecycle state (`Issued`, `NotActivated`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Part of a name, ID or domain (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// `POST /v1/orders`: "Renewal immediately" / "Buy Now". The server plans
/// the order again with `certdesk-rules` against its own records (the
/// `original` sent is replaced by the stored one with its ID).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceOrder {
    pub request: OrderRequest,
    /// A CSR the user pasted (PEM); its key algorithm must match the request's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csr_pem: Option<String>,
}

/// The answer to `POST /v1/orders` (201).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    pub order: Order,
    pub certificates: Vec<Entry>,
    pub quotas: Quotas,
    pub plan: OrderPlan,
}

/// The answer to `POST /v1/certificates/{id}/cancel`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cancelled {
    pub certificate: Entry,
    pub quotas: Quotas,
    pub returned: QuotaReturn,
}

/// One file of `POST /v1/uploads`: PEM text, PKCS#7 (PEM), or DER in base64.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UploadFile {
    /// The file's name, quoted in messages.
    pub name: String,
    /// PEM or PKCS#7 PEM text, or (with `base64`) the DER bytes in standard base64.
    pub content: String,
    #[serde(default)]
    pub base64: bool,
}

/// `POST /v1/uploads`: certificates and chains to list on the Uploaded tab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    pub files: Vec<UploadFile>,
}

/// What the server made of an upload: each leaf with its chain becomes one
/// record; one already listed is skipped; what could not be read says why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Uploaded {
    pub added: Vec<Entry>,
    #[serde(default)]
    pub skipped: Vec<String>,
    #[serde(default)]
    pub refused: Vec<Refusal>,
}

/// A file or certificate of an upload that was not added, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    pub name: String,
    pub reason: String,
}

/// `GET /v1/changes?since=<cursor>&wait=<seconds>`: what changed after
/// `since`, each record whole as it is now. An empty answer after `wait`
/// seconds keeps the cursor. A cursor the server no longer holds is 410:
/// reload `/v1/account` and the list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeFeed {
    pub cursor: i64,
    /// The server's date (UTC) when it answered: the day it acts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<NaiveDate>,
    #[serde(default)]
    pub certificates: Vec<Entry>,
    /// IDs of certificates deleted.
    #[serde(default)]
    pub deleted: Vec<String>,
    /// The quotas, when they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotas: Option<Quotas>,
    #[serde(default)]
    pub orders: Vec<Order>,
    #[serde(default)]
    pub policies: Vec<NotificationPolicy>,
    #[serde(default)]
    pub deleted_policies: Vec<String>,
    /// What happened, one sentence each ("shop.example.com was issued").
    #[serde(default)]
    pub events: Vec<String>,
    /// What failed and the user must be told (a deployment task).
    #[serde(default)]
    pub failures: Vec<String>,
}

/// A field of a request that is wrong, and what to put there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// An RFC 9457 problem (`application/problem+json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI naming the kind of problem (`https://certdesk.dev/problems/<slug>`).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What is wrong and what to do, for the user.
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// The fields to correct (400, 422).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The record as it is now (412: someone changed it first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Entry>,
}

/// The problem types, one per way a request fails.
pub mod problems {
    pub const BASE: &str = "https://certdesk.dev/problems/";
    pub const BAD_REQUEST: &str = "bad-request";
    pub const UNAUTHORIZED: &str = "unauthorized";
    pub const FORBIDDEN: &str = "forbidden";
    pub const NOT_FOUND: &str = "not-found";
    pub const REFUSED: &str = "refused";
    pub const STALE: &str = "stale";
    pub const PRECONDITION_REQUIRED: &str = "precondition-required";
    pub const TOO_LARGE: &str = "too-large";
    pub const IDEMPOTENCY_MISMATCH: &str = "idempotency-key-reused";
    pub const IN_PROGRESS: &str = "in-progress";
    pub const CURSOR_GONE: &str = "cursor-gone";
    pub const RATE_LIMITED: &str = "rate-limited";
    pub const CA: &str = "ca-failed";
    pub const INTERNAL: &str = "internal";
}

impl Problem {
    pub fn new(slug: &str, title: &str, status: u16, detail: impl Into<String>) -> Self {
        Problem {
            kind: format!("{}{slug}", problems::BASE),
            title: title.into(),
            status,
            detail: detail.into(),
            instance: None,
            errors: Vec::new(),
            current: None,
        }
    }

    /// The slug of `kind` (`stale`, `refused`…).
    pub fn slug(&self) -> &str {
        self.kind.strip_prefix(problems::BASE).unwrap_or(&self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_round_trip_and_weak_ones_are_read() {
        assert_eq!(parse_etag(&etag(7)), Some(7));
        assert_eq!(parse_etag("W/\"12\""), Some(12));
        assert_eq!(parse_etag("12"), None);
        assert_eq!(parse_etag("\"x\""), None);
    }

    #[test]
    fn a_problem_is_rfc9457_json() {
        let p = Problem::new(problems::STALE, "Changed by someone else", 412, "Reload.");
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["type"], "https://certdesk.dev/problems/stale");
        assert_eq!(json["status"], 412);
        assert!(json.get("errors").is_none());
        let back: Problem = serde_json::from_value(json).unwrap();
        assert_eq!(back.slug(), "stale");
    }
}
