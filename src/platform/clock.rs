//! The browser's clock. `rules/` and `x509/` never read it: callers pass "today" in.
//! (`x509_parser::time::ASN1Time::now()` traps on wasm32, so this is the only clock.)

use chrono::{DateTime, NaiveDate, Utc};

/// Milliseconds since the Unix epoch, from `Date.now()`.
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The current instant in UTC.
pub fn now() -> DateTime<Utc> {
    // Date.now() is a finite f64 of whole milliseconds; out-of-range values fall back to the epoch.
    DateTime::from_timestamp_millis(now_millis() as i64).unwrap_or_default()
}

/// Today's calendar date in UTC, the date certificates' validity is counted in.
pub fn today() -> NaiveDate {
    now().date_naive()
}
