//! Bearer tokens: 32 random bytes given to the holder once, stored only as
//! their SHA-256. Every request under /v1 names its account by its token;
//! too many wrong tokens from one address are refused for a while.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{AUTHORIZATION, RETRY_AFTER};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use certdesk_api::{Role, problems};
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

/// Failed tokens one address may send per [`WINDOW`].
pub const MAX_FAILURES: usize = 10;
pub const WINDOW: Duration = Duration::from_secs(60);

/// The SHA-256 (hex) a token is stored as.
pub fn token_hash(token: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(token.as_bytes()))
}

/// A new token: 32 random bytes, hex.
pub fn new_token() -> String {
    use rand_core::RngCore;
    let mut bytes = [0u8; 32];
    rand_core::OsRng.fill_bytes(&mut bytes);
    data_encoding::HEXLOWER.encode(&bytes)
}

/// Recent failed tokens per client address.
#[derive(Default)]
pub struct FailureLimiter(Mutex<HashMap<String, VecDeque<Instant>>>);

impl FailureLimiter {
    /// Seconds to wait when `client` sent too many wrong tokens lately.
    fn blocked_for(&self, client: &str) -> Option<u64> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let times = map.get_mut(client)?;
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() < MAX_FAILURES {
            return None;
        }
        let oldest = *times.front()?;
        Some((WINDOW - now.duration_since(oldest)).as_secs().max(1))
    }

    fn fail(&self, client: &str) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            map.clear(); // bounded memory under a flood of addresses
        }
        map.entry(client.to_string())
            .or_default()
            .push_back(Instant::now());
    }
}

/// Who is asking: the token's account and role.
#[derive(Clone, Debug)]
pub struct Caller {
    pub account: String,
    pub role: Role,
}

impl Caller {
    /// 403 for a viewer token.
    pub fn admin(&self) -> ApiResult<()> {
        match self.role {
            Role::Admin => Ok(()),
            Role::Viewer => Err(ApiError::forbidden()),
        }
    }
}

fn client_of(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "local".into())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let client = client_of(parts);
        if let Some(wait) = state.limiter.blocked_for(&client) {
            return Err(ApiError::new(
                problems::RATE_LIMITED,
                "Too many failed sign-ins",
                StatusCode::TOO_MANY_REQUESTS,
                format!("Too many requests with a wrong token from this address: wait {wait} s and check the token."),
            )
            .with_header(RETRY_AFTER, HeaderValue::from(wait)));
        }
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|t| !t.is_empty());
        let Some(token) = token else {
            state.limiter.fail(&client);
            return Err(ApiError::unauthorized(
                "Send Authorization: Bearer <token> (the token of your account).",
            ));
        };
        let row = sqlx::query("SELECT account_id, role FROM tokens WHERE hash = $1")
            .bind(token_hash(token))
            .fetch_optional(&state.db.pool)
            .await?;
        let Some(row) = row else {
            state.limiter.fail(&client);
            return Err(ApiError::unauthorized(
                "This token is not valid (mistyped, or revoked): check it or ask for a new one.",
            ));
        };
        let role = match row.get::<String, _>("role").as_str() {
            "admin" => Role::Admin,
            _ => Role::Viewer,
        };
        Ok(Caller {
            account: row.get("account_id"),
            role,
        })
    }
}

/// A caller whose token may change things (403 for a viewer), checked
/// before the body is read.
pub struct Admin(pub Caller);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let caller = Caller::from_request_parts(parts, state).await?;
        caller.admin()?;
        Ok(Admin(caller))
    }
}
