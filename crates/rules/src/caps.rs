//! Today's validity caps: CA/Browser Forum ballot SC-081.
//!
//! The documents still speak of "a maximum validity period ... of 397 days";
//! ballot SC-081 (adopted 2025) lowers the cap in steps. The documents' period
//! (365 days + carry-over) stays the paid service term; these caps only limit
//! each certificate issued to cover it (see `validity`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{add_days, days_between, ymd};

/// One step of the SC-081 schedule.
///
/// Days of a certificate's validity are counted as the Baseline Requirements
/// count them: "Validity Period: ... the period of time from notBefore
/// through notAfter, inclusive", where any part of a day counts as a day (BR
/// v2.2, §1.6.1 Definitions and §6.3.2). A certificate valid from D 00:00:00
/// to E 23:59:59 is `E - D + 1` days ([`validity_days`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ValidityCap {
    /// The cap: longest validity of a certificate issued in this step, in days
    /// counted inclusively (398, 200, 100, 47).
    pub max_days: i64,
    /// The validity the CA issues at in this step, one day under the cap
    /// (397, 199, 99, 46), inclusive count, as CAs do to stay clear of it.
    pub issue_days: i64,
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
        issue_days: 397,
        dcv_reuse_days: 398,
        since: None,
    },
    ValidityCap {
        max_days: 200,
        issue_days: 199,
        dcv_reuse_days: 200,
        since: Some(ymd(2026, 3, 15)),
    },
    ValidityCap {
        max_days: 100,
        issue_days: 99,
        dcv_reuse_days: 100,
        since: Some(ymd(2027, 3, 15)),
    },
    ValidityCap {
        max_days: 47,
        issue_days: 46,
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

/// A certificate's validity in days as the Baseline Requirements count it:
/// `not_before` through `not_after` inclusive, so a certificate valid from
/// 2026-03-15 00:00:00 to 2026-09-29 23:59:59 is 199 days. (The documents'
/// service term, "2025-09-10 to 2026-09-30 = 385 days", is not a certificate
/// and keeps its own count, `to - from`.)
pub fn validity_days(not_before: NaiveDate, not_after: NaiveDate) -> i64 {
    days_between(not_before, not_after) + 1
}

/// The last day a certificate issued on `from` may end on: `issue_days`
/// counted inclusively from `from`.
pub(crate) fn last_issuable_day(from: NaiveDate) -> Option<NaiveDate> {
    add_days(from, cap_on(from).issue_days - 1)
}

/// A domain validated on `validated_on` must be validated again for an
/// issuance on `reissue_on` when it is older than the reuse period in force on
/// that day (398, 200, 100, then 10 days).
pub fn needs_fresh_validation(validated_on: NaiveDate, reissue_on: NaiveDate) -> bool {
    days_between(validated_on, reissue_on) > cap_on(reissue_on).dcv_reuse_days
}
