//! Today's validity caps: CA/Browser Forum ballot SC-081.
//!
//! The documents still speak of "a maximum validity period ... of 397 days";
//! ballot SC-081 (adopted 2025) lowers the cap in steps. The documents' period
//! (365 days + carry-over) stays the paid service term; these caps only limit
//! each certificate issued to cover it (see `validity`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{days_between, ymd};

/// One step of the SC-081 schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ValidityCap {
    /// Longest validity of a certificate issued in this step, in days (`not_after - not_before`).
    pub max_days: i64,
    /// How long a domain validation may be reused for an issuance in this step, in days.
    pub dcv_reuse_days: i64,
    /// First issue date of this step; `None` for the step in force before SC-081's first date.
    pub since: Option<NaiveDate>,
}

/// The SC-081 schedule, oldest first: "a certificate issued before 2026-03-15
/// may be valid at most 398 days, from 2026-03-15 200, from 2027-03-15 100,
/// from 2029-03-15 47; domain validation may be reused for 398, 200, 100, then
/// 10 days on the same dates" (issue 3, rule 10).
pub const SC081_SCHEDULE: [ValidityCap; 4] = [
    ValidityCap {
        max_days: 398,
        dcv_reuse_days: 398,
        since: None,
    },
    ValidityCap {
        max_days: 200,
        dcv_reuse_days: 200,
        since: Some(ymd(2026, 3, 15)),
    },
    ValidityCap {
        max_days: 100,
        dcv_reuse_days: 100,
        since: Some(ymd(2027, 3, 15)),
    },
    ValidityCap {
        max_days: 47,
        dcv_reuse_days: 10,
        since: Some(ymd(2029, 3, 15)),
    },
];

/// Lead time of an in-term reissue is at most this many days.
pub const MAX_REISSUE_LEAD_DAYS: i64 = 30;

/// The cap in force for a certificate issued on `issued_on`.
pub fn cap_on(issued_on: NaiveDate) -> ValidityCap {
    let mut cap = SC081_SCHEDULE[0];
    for step in SC081_SCHEDULE {
        if step.since.is_none_or(|since| issued_on >= since) {
            cap = step;
        }
    }
    cap
}

impl ValidityCap {
    /// How many days before a certificate of this cap ends its successor is
    /// issued: min(30, cap / 3). 30 for the 398-, 200- and 100-day caps, 15 for 47.
    pub fn reissue_lead_days(&self) -> i64 {
        (self.max_days / 3).min(MAX_REISSUE_LEAD_DAYS)
    }

    /// E.g. "398 days (before 2026-03-15)", "200 days (from 2026-03-15)".
    pub fn label(&self) -> String {
        match self.since {
            Some(since) => format!("{} days (from {since})", self.max_days),
            None => match SC081_SCHEDULE[1].since {
                Some(first) => format!("{} days (before {first})", self.max_days),
                None => format!("{} days", self.max_days),
            },
        }
    }
}

/// A domain validated on `validated_on` must be validated again for an
/// issuance on `reissue_on` when it is older than the reuse period in force on
/// that day (398, 200, 100, then 10 days).
pub fn needs_fresh_validation(validated_on: NaiveDate, reissue_on: NaiveDate) -> bool {
    days_between(validated_on, reissue_on) > cap_on(reissue_on).dcv_reuse_days
}
