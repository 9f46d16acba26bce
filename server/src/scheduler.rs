//! The clock's tick: every few seconds each account is moved on to now, so
//! DV reviews, Managed Service starts, in-term reissues and deployment
//! tasks happen on the server's clock even when nobody asks. Every replica
//! ticks; each account's advance happens once, under its lock (change.rs).

use std::time::Duration;

use crate::change::advance_all;
use crate::idempotency;
use crate::state::AppState;

/// Runs forever (spawn it).
pub async fn run(state: AppState, every: Duration) {
    let mut ticks = tokio::time::interval(every.max(Duration::from_millis(100)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(e) = advance_all(&state, true).await {
            eprintln!(
                "certdesk-server: the clock tick failed: {}",
                e.problem.detail
            );
        }
        if let Err(e) = idempotency::expire(&state).await {
            eprintln!(
                "certdesk-server: expiring idempotency keys failed: {}",
                e.problem.detail
            );
        }
    }
}
