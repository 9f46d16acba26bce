//! certdesk-server: Certdesk's reference REST backend (`/v1`, the contract
//! of certdesk-api). The lifecycle is certdesk-engine's, the same the
//! in-browser sandbox runs; this crate adds what a server has: SQLite or
//! PostgreSQL storage (one row per record, nothing acknowledged only in
//! memory; several replicas over one PostgreSQL),
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
pub mod throwaway_pg;
pub mod wake;
pub mod web;

use std::sync::Arc;

pub use clock::{Clock, SystemClock, TestClock};
pub use state::AppState;
pub use web::WebConfig;

/// Opens the database `db` (a SQLite path or `sqlite:PATH`, or a
/// `postgres://` URL; migrating it, making the CA once) and gives the
/// shared state; `test_clock` enables `PUT /v1/test/clock`. On PostgreSQL
/// it starts listening for other replicas' changes.
pub async fn open(db: &str, clock: Arc<dyn Clock>, test_clock: bool) -> Result<AppState, String> {
    let db = db::open(db).await?;
    let ca = ca::SandboxCa::load_or_create(&db.pool).await?;
    let state = AppState::new(db, clock, ca, test_clock);
    state.start_background();
    Ok(state)
}
