//! `Idempotency-Key` on every POST: the first answer is stored with the
//! change it made (same transaction); the same key with the same request
//! gets it again (`Idempotency-Replayed: true`), with another request 422,
//! and while the first is still being answered 409.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header::CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use certdesk_api::{headers, problems};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::{Row, SqliteConnection};

use crate::answer::Answer;
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
        return Err(ApiError::new(
            problems::IN_PROGRESS,
            "Already in progress",
            StatusCode::CONFLICT,
            "A request with this Idempotency-Key is still being answered: wait for it, then retry with the same key.",
        ));
    };
    let stored = sqlx::query(
        "SELECT fingerprint, status, body FROM idempotency WHERE account_id = ? AND key = ?",
    )
    .bind(account)
    .bind(&key)
    .fetch_optional(&state.pool)
    .await?;
    let Some(row) = stored else {
        return Ok(Start::Run(Idempotent {
            key,
            fingerprint,
            _in_flight: in_flight,
        }));
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
    let mut response = if body.is_empty() {
        status.into_response()
    } else {
        (status, [(CONTENT_TYPE, "application/json")], body).into_response()
    };
    response.headers_mut().insert(
        headers::IDEMPOTENCY_REPLAYED,
        HeaderValue::from_static("true"),
    );
    Ok(Start::Replay(response))
}

/// Stores the answer to `idem` (inside the change's transaction).
pub async fn store(
    conn: &mut SqliteConnection,
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
         VALUES (?, ?, ?, ?, ?, ?)",
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
    sqlx::query("DELETE FROM idempotency WHERE created_at < ?")
        .bind(cutoff.to_rfc3339())
        .execute(&state.pool)
        .await?;
    Ok(())
}
