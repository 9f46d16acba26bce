//! `PUT /v1/test/clock` (only under `--test-clock`): sets the server's
//! clock, then moves every account on to it at once. Any admin token may
//! (the clock is the whole server's: never enable it in production).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::answer::JsonBody;
use crate::auth::Admin;
use crate::change::advance_all;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

#[derive(Deserialize, Serialize)]
pub struct ClockBody {
    pub now: DateTime<Utc>,
}

pub async fn set(
    State(state): State<AppState>,
    _admin: Admin,
    body: JsonBody<ClockBody>,
) -> ApiResult<Json<ClockBody>> {
    if !state.test_clock || !state.clock.set(body.value.now) {
        return Err(ApiError::new(
            certdesk_api::problems::NOT_FOUND,
            "Not found",
            StatusCode::NOT_FOUND,
            "There is no test clock: start the server with --test-clock to set its time.",
        ));
    }
    advance_all(&state, false).await?;
    Ok(Json(ClockBody {
        now: state.clock.now(),
    }))
}
