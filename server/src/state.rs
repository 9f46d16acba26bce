//! What every handler shares: the database, the clock, the CA, the writer
//! lock, the long-poll wake-ups, idempotency keys in flight and the
//! failed-token limiter.

use std::collections::{HashMap, HashSet};
use std::ops::Deref;
use std::sync::{Arc, Mutex, MutexGuard};

use sqlx::SqlitePool;
use tokio::sync::watch;

use crate::auth::FailureLimiter;
use crate::ca::SandboxCa;
use crate::clock::Clock;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub pool: SqlitePool,
    pub clock: Arc<dyn Clock>,
    pub ca: Arc<SandboxCa>,
    /// `PUT /v1/test/clock` exists (the server was started with `--test-clock`).
    pub test_clock: bool,
    /// One writer at a time, so each change sees the one before it (quotas
    /// are read and paid in the same transaction, never twice at once).
    pub writer: tokio::sync::Mutex<()>,
    watchers: Mutex<HashMap<String, watch::Sender<u64>>>,
    in_flight: Mutex<HashSet<(String, String)>>,
    pub limiter: FailureLimiter,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing in these maps can be left half-changed by a panic.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    pub fn new(
        pool: SqlitePool,
        clock: Arc<dyn Clock>,
        ca: Arc<SandboxCa>,
        test_clock: bool,
    ) -> Self {
        AppState(Arc::new(Inner {
            pool,
            clock,
            ca,
            test_clock,
            writer: tokio::sync::Mutex::new(()),
            watchers: Mutex::new(HashMap::new()),
            in_flight: Mutex::new(HashSet::new()),
            limiter: FailureLimiter::default(),
        }))
    }

    /// A receiver woken at the account's next change.
    pub fn subscribe(&self, account: &str) -> watch::Receiver<u64> {
        lock(&self.watchers)
            .entry(account.to_string())
            .or_insert_with(|| watch::channel(0).0)
            .subscribe()
    }

    /// Wakes the account's long polls.
    pub fn notify(&self, account: &str) {
        if let Some(sender) = lock(&self.watchers).get(account) {
            sender.send_modify(|n| *n = n.wrapping_add(1));
        }
    }

    /// Marks an idempotency key in flight; `None` when it already is.
    pub fn start_key(&self, account: &str, key: &str) -> Option<KeyInFlight> {
        let entry = (account.to_string(), key.to_string());
        lock(&self.in_flight)
            .insert(entry.clone())
            .then(|| KeyInFlight {
                state: self.clone(),
                entry,
            })
    }
}

/// An idempotency key being answered; released when dropped (after commit).
pub struct KeyInFlight {
    state: AppState,
    entry: (String, String),
}

impl Drop for KeyInFlight {
    fn drop(&mut self) {
        lock(&self.state.in_flight).remove(&self.entry);
    }
}
