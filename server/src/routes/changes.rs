//! `GET /v1/changes?since=&wait=`: what changed after a cursor; with
//! `wait`, held open until the account changes or the wait is over.

use std::time::Duration;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use certdesk_api::{ChangeFeed, MAX_WAIT_SECONDS};
use serde::Deserialize;

use crate::auth::Caller;
use crate::feed;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct ChangesQuery {
    since: Option<i64>,
    #[serde(default)]
    wait: u64,
}

async fn read(state: &AppState, account: &str, since: i64) -> ApiResult<ChangeFeed> {
    let mut tx = state.db.begin_read().await?;
    let mut out = feed::since(&mut tx, account, since).await?;
    tx.commit().await?;
    out.today = Some(state.clock.today());
    Ok(out)
}

pub async fn changes(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<ChangesQuery>, QueryRejection>,
) -> ApiResult<Json<ChangeFeed>> {
    let Query(query) = query.map_err(|e| {
        ApiError::bad_request(
            format!("The query is not valid: {}", e.body_text()),
            Vec::new(),
        )
    })?;
    let since = query.since.filter(|s| *s >= 0).ok_or_else(|| {
        ApiError::field("since", "the cursor of /v1/account or of the last answer")
    })?;
    if query.wait > MAX_WAIT_SECONDS {
        return Err(ApiError::field(
            "wait",
            format!("0 to {MAX_WAIT_SECONDS} seconds"),
        ));
    }
    // Subscribed before reading: a change committed in between still wakes us.
    let mut woken = state.subscribe(&caller.account);
    let out = read(&state, &caller.account, since).await?;
    if out.cursor != since || query.wait == 0 {
        return Ok(Json(out));
    }
    let _ = tokio::time::timeout(Duration::from_secs(query.wait), woken.changed()).await;
    Ok(Json(read(&state, &caller.account, since).await?))
}
