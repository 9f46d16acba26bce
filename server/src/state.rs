//! What every handler shares: the database, the clock, the CA, the writer
//! lock, the long-poll wake-ups, idempotency keys in flight and the
//! failed-token limiter.

use std::collections::{HashMap, HashSet};
use std::ops::Deref;
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::watch;

use crate::auth::FailureLimiter;
use crate::ca::SandboxCa;
use crate::clock::Clock;
use crate::db::{Db, Dialect};

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub ca: Arc<SandboxCa>,
    /// `PUT /v1/test/clock` exists (the server was started with `--test-clock`).
    pub test_clock: bool,
    /// On SQLite, one writer of this process at a time (the file allows
    /// one anyway: they queue here rather than on its busy timeout). On
    /// PostgreSQL writers serialise per account, on the account's row.
    pub writer: tokio::sync::Mutex<()>,
    watchers: Mutex<HashMap<String, watch::Sender<u64>>>,
    in_flight: Mutex<HashSet<(String, String)>>,
    pub limiter: FailureLimiter,
    /// Dropped with the state: ends its background tasks (wake.rs).
    alive: watch::Sender<()>,
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
    pub fn new(db: Db, clock: Arc<dyn Clock>, ca: Arc<SandboxCa>, test_clock: bool) -> Self {
        AppState(Arc::new(Inner {
            db,
            clock,
            ca,
            test_clock,
            writer: tokio::sync::Mutex::new(()),
            watchers: Mutex::new(HashMap::new()),
            in_flight: Mutex::new(HashSet::new()),
            limiter: FailureLimiter::default(),
            alive: watch::channel(()).0,
        }))
    }

    pub fn from_inner(inner: Arc<Inner>) -> Self {
        AppState(inner)
    }

    /// Starts what runs beside the handlers: on PostgreSQL, the listener
    /// that wakes this replica's long polls for other replicas' changes.
    pub fn start_background(&self) {
        if self.db.dialect == Dialect::Postgres {
            tokio::spawn(crate::wake::listen(
                Arc::downgrade(&self.0),
                self.alive.subscribe(),
                self.db.url.clone(),
            ));
        }
    }

    /// Wakes every long poll (changes may have been missed).
    pub fn notify_all(&self) {
        for sender in lock(&self.watchers).values() {
            sender.send_modify(|n| *n = n.wrapping_add(1));
        }
    }

    pub fn dialect(&self) -> Dialect {
        self.db.dialect
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
