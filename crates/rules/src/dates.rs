//! Calendar-day arithmetic that never panics.
//!
//! Every date of the rules is a `NaiveDate` (a UTC calendar day). Adding days
//! goes through `checked_*` so that dates near `NaiveDate::MIN`/`MAX`, which
//! storage or a proptest may hand us, give `None` instead of a panic.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

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

// Written by hand, not with chrono's `format`: its strftime machinery weighs
// more in the wasm bundle than these few lines.

/// "09:30".
pub fn hhmm(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// "09:30" (as an `<input type=time>` gives it, seconds allowed) to a time.
pub fn parse_hhmm(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let s: u32 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    NaiveTime::from_hms_opt(h, m, s)
}

/// "20261213" (iCalendar DATE).
pub fn yyyymmdd(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// "20261123T093000Z" (iCalendar UTC DATE-TIME).
pub fn ics_utc(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        yyyymmdd(at.date()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_formats_match_chrono() {
        let at = NaiveDate::from_ymd_opt(2026, 3, 5)
            .and_then(|d| d.and_hms_opt(9, 7, 3))
            .unwrap_or_default();
        assert_eq!(hhmm(at.time()), at.format("%H:%M").to_string());
        assert_eq!(yyyymmdd(at.date()), at.format("%Y%m%d").to_string());
        assert_eq!(ics_utc(at), at.format("%Y%m%dT%H%M%SZ").to_string());
        assert_eq!(parse_hhmm("09:07"), NaiveTime::from_hms_opt(9, 7, 0));
        assert_eq!(parse_hhmm("23:59:30"), NaiveTime::from_hms_opt(23, 59, 30));
        assert_eq!(parse_hhmm("24:00"), None);
        assert_eq!(parse_hhmm("nine"), None);
    }
}
