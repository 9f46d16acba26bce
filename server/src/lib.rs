//! certdesk-server: Certdesk's reference REST backend (`/v1`, the contract
//! of certdesk-api). The lifecycle is certdesk-engine's, the same the
//! in-browser sandbox runs; this crate adds what a server has: SQLite
//! storage (one row per record, nothing acknowledged only in memory),
//! accounts and tokens, idempotent POSTs, versions and `If-Match`, a change
//! feed with long polls, a clock and its scheduler, and a sandbox CA whose
//! keys are kept in the database.

pub mod accounts;
pub mod answer;
pub mod auth;
pub mod ca;
pub mod change;
pub mod clock;
pub mod db;
pub mod feed;
pub mod idempotency;
pub mod problem;
mod routes;
pub mod scheduler;
pub mod state;
pub mod store;
pub mod web;

use std::path::Path;
use std::sync::Arc;

pub use clock::{Clock, SystemClock, TestClock};
pub use state::AppState;
pub use web::WebConfig;

/// Opens the database at `path` (migrating it, making the CA once) and
/// gives the shared state; `test_clock` enables `PUT /v1/test/clock`.
pub async fn open(
    path: &Path,
    clock: Arc<dyn Clock>,
    test_clock: bool,
) -> Result<AppState, String> {
    let pool = db::open(path).await?;
    let ca = ca::SandboxCa::load_or_create(&pool).await?;
    Ok(AppState::new(pool, clock, ca, test_clock))
}
