//! The server's clock: the real UTC clock in production, a settable one
//! under `--test-clock` (and in tests), so the lifecycle (DV reviews after a
//! minute, Managed Service starts, in-term reissues) can be walked to any day.

use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, Utc};

/// Where the server reads "now".
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The day the server acts on (UTC).
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// Milliseconds since the epoch (the engine's `now_ms`).
    fn now_ms(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// Sets the time; `false` when this clock cannot be set (the real one).
    fn set(&self, _now: DateTime<Utc>) -> bool {
        false
    }
}

/// The real UTC clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until it is set (`PUT /v1/test/clock`).
#[derive(Debug)]
pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    pub fn new(now: DateTime<Utc>) -> Self {
        TestClock(Mutex::new(now))
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        // A poisoned lock still holds a valid time.
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set(&self, now: DateTime<Utc>) -> bool {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = now;
        true
    }
}
