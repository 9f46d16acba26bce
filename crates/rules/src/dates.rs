//! Calendar-day arithmetic that never panics.
//!
//! Every date of the rules is a `NaiveDate` (a UTC calendar day). Adding days
//! goes through `checked_*` so that dates near `NaiveDate::MIN`/`MAX`, which
//! storage or a proptest may hand us, give `None` instead of a panic.

use chrono::{NaiveDate, TimeDelta};

/// `date + days` (days may be negative), `None` when outside chrono's range.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(TimeDelta::try_days(days)?)
}

/// Days from `from` to `to`, as the documents count them: 2025-09-10 to
/// 2025-09-30 is 20 days. Never overflows: chrono's whole range is ~2^28 days.
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// A fixed calendar date for a constant; `NaiveDate::MIN` if it were invalid.
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}
