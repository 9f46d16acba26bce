//! `Idempotency-Key` on every POST: the first answer is stored with the
//! change it made (same transaction); the same key with the same request
//! gets it again (`Idempotency-Replayed: true`), with another request 422,
//! and while the first is still being answered 409.
//!
//! "Still being answered" is known twice: in this process (the key held
//! from the first look to the answer), and, on PostgreSQL, in the database,
//! for requests another replica is answering: the change's transaction
//! takes a transaction-scoped advisory lock named after the account and key
//! ([`lock_id`]), which PostgreSQL releases at commit, rollback, or when the
//! replica's connection dies (a killed replica never leaves a key stuck).
//! Once it holds the key and its account, the change looks for a stored
//! answer again ([`in_change`]): a request that waited on another replica
//! is replayed, never run twice.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use certdesk_api::{headers, problems};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::answer::Answer;
use crate::db::Dialect;
use crate::problem::{ApiError, ApiResult};
use crate::state::{AppState, KeyInFlight};

/// A POST's key, its request's fingerprint, and the hold on the key.
pub struct Idempotent {
    pub key: String,
    pub fingerprint: String,
    _in_flight: KeyInFlight,
}

/// What to do with a POST: run it (holding its key), or answer it again.
pub enum Start {
    Run(Idempotent),
    Replay(Response),
}

fn key_of(headers: &HeaderMap) -> ApiResult<String> {
    let key = headers
        .get(headers::IDEMPOTENCY_KEY)
        .ok_or_else(|| {
            ApiError::field(
                "Idempotency-Key",
                "every POST needs an Idempotency-Key (a new random value per action, the same when retrying it)",
            )
        })?
        .to_str()
        .ok()
        .filter(|k| (1..=255).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| ApiError::field("Idempotency-Key", "1 to 255 visible ASCII characters"))?;
    Ok(key.to_string())
}

/// Checks the key of a POST to `path` with `body`.
pub async fn start(
    state: &AppState,
    account: &str,
    headers: &HeaderMap,
    path: &str,
    body: &[u8],
) -> ApiResult<Start> {
    let key = key_of(headers)?;
    let mut hash = Sha256::new();
    hash.update(b"POST\n");
    hash.update(path.as_bytes());
    hash.update(b"\n");
    hash.update(body);
    let fingerprint = data_encoding::HEXLOWER.encode(&hash.finalize());
    let Some(in_flight) = state.start_key(account, &key) else {
        return Err(in_progress());
    };
    let mut conn = state.db.pool.acquire().await?;
    match stored(&mut conn, account, &key, &fingerprint).await? {
        Some(answer) => Ok(Start::Replay(answer.into_response())),
        None => Ok(Start::Run(Idempotent {
            key,
            fingerprint,
            _in_flight: in_flight,
        })),
    }
}

fn in_progress() -> ApiError {
    ApiError::new(
        problems::IN_PROGRESS,
        "Already in progress",
        StatusCode::CONFLICT,
        "A request with this Idempotency-Key is still being answered: wait for it, then retry with the same key.",
    )
}

/// The stored answer to `key` (422 when it was for another request).
async fn stored(
    conn: &mut AnyConnection,
    account: &str,
    key: &str,
    fingerprint: &str,
) -> ApiResult<Option<Answer>> {
    let stored = sqlx::query(
        "SELECT fingerprint, status, body FROM idempotency WHERE account_id = $1 AND key = $2",
    )
    .bind(account)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = stored else {
        return Ok(None);
    };
    if row.get::<String, _>("fingerprint") != fingerprint {
        return Err(ApiError::new(
            problems::IDEMPOTENCY_MISMATCH,
            "Idempotency-Key already used",
            StatusCode::UNPROCESSABLE_ENTITY,
            "This Idempotency-Key was used for another request: use a new key for a new action.",
        ));
    }
    let status = StatusCode::from_u16(row.get::<i64, _>("status") as u16)
        .map_err(|e| ApiError::internal(format!("stored status: {e}")))?;
    let body: String = row.get("body");
    Ok(Some(Answer {
        status,
        body: (!body.is_empty()).then(|| body.into_bytes()),
        etag: None,
        replayed: true,
    }))
}

/// The advisory lock (PostgreSQL) that says `key` of `account` is being answered.
pub fn lock_id(account: &str, key: &str) -> i64 {
    let digest = Sha256::digest(format!("certdesk-idempotency\n{account}\n{key}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}

/// Inside a change's transaction: holds `idem`'s key in the database (409
/// when another replica holds it, PostgreSQL), before the account's lock.
pub async fn hold(
    conn: &mut AnyConnection,
    dialect: Dialect,
    account: &str,
    idem: &Idempotent,
) -> ApiResult<()> {
    if dialect == Dialect::Postgres {
        let held: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
            .bind(lock_id(account, &idem.key))
            .fetch_one(&mut *conn)
            .await?;
        if !held {
            return Err(in_progress());
        }
    }
    Ok(())
}

/// Inside a change's transaction, holding the key and the account: the
/// answer stored meanwhile (by another replica), if any.
pub async fn in_change(
    conn: &mut AnyConnection,
    account: &str,
    idem: &Idempotent,
) -> ApiResult<Option<Answer>> {
    stored(conn, account, &idem.key, &idem.fingerprint).await
}

/// Stores the answer to `idem` (inside the change's transaction).
pub async fn store(
    conn: &mut AnyConnection,
    account: &str,
    idem: &Idempotent,
    answer: &Answer,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let body = answer
        .body
        .as_deref()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    sqlx::query(
        "INSERT INTO idempotency (account_id, key, fingerprint, status, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account)
    .bind(&idem.key)
    .bind(&idem.fingerprint)
    .bind(i64::from(answer.status.as_u16()))
    .bind(body)
    .bind(now.to_rfc3339())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets answers older than a day (a retry comes within minutes).
pub async fn expire(state: &AppState) -> ApiResult<()> {
    let cutoff = state.clock.now() - chrono::Duration::days(1);
    sqlx::query("DELETE FROM idempotency WHERE created_at < $1")
        .bind(cutoff.to_rfc3339())
        .execute(&state.db.pool)
        .await?;
    Ok(())
}
