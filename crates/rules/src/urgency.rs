//! Renewal urgency scaled to a certificate's lifetime.
//!
//! The documents' statuses stay as they are (Pending Expiration is 60 days
//! before the end of the term). A fixed number of days stops meaning anything
//! once certificates get short: a 47-day certificate would be "expiring" the
//! day it is issued. So beside the status, Certdesk shows how much of the
//! certificate's own lifetime is left: due at one third, urgent under one
//! sixth, as ACME Renewal Information (RFC 9773) and Let's Encrypt advise
//! renewing at two thirds of the lifetime. Floors in days keep time for a CA
//! review (OV/EV take 5 calendar days) when lifetimes are very short.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::caps::validity_days;
use super::dates::days_between;

/// Renewal is due at the latest this many days before the end, however short the certificate.
pub const DUE_FLOOR_DAYS: i64 = 7;
/// Renewal is urgent at the latest this many days before the end.
pub const URGENT_FLOOR_DAYS: i64 = 3;

/// How pressing the renewal of the certificate in service is; ordered from
/// least to most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UrgencyLevel {
    /// More than a third of its lifetime left.
    Comfortable,
    /// A third or less left (or `DUE_FLOOR_DAYS`).
    Due,
    /// Less than a sixth left (or `URGENT_FLOOR_DAYS`).
    Urgent,
    /// Past its last day.
    Expired,
}

impl UrgencyLevel {
    pub fn label(self) -> &'static str {
        match self {
            UrgencyLevel::Comfortable => "In good time",
            UrgencyLevel::Due => "Renewal due",
            UrgencyLevel::Urgent => "Renew now",
            UrgencyLevel::Expired => "Expired",
        }
    }
}

/// The urgency of a certificate valid `not_before` through `not_after`, on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Urgency {
    pub level: UrgencyLevel,
    /// Days left, `not_after - today` as `status::days_left` counts them (0 on
    /// the last day and once expired).
    pub days_left: i64,
    /// The lifetime in days, notBefore through notAfter inclusive.
    pub lifetime_days: i64,
    /// Per mille of the lifetime left (0..=1000), for sorting and display.
    pub left_per_mille: i64,
}

impl Urgency {
    /// "Renew now · 9% left" (short enough for a narrow Validity column).
    pub fn describe(&self) -> String {
        match self.level {
            UrgencyLevel::Expired => "Expired".to_string(),
            level => format!("{} · {}% left", level.label(), self.percent_left()),
        }
    }

    /// Percent of the lifetime left, rounded.
    pub fn percent_left(&self) -> i64 {
        (self.left_per_mille + 5) / 10
    }

    /// Sort key, most urgent first: level descending, then the smaller share left.
    pub fn sort_key(&self) -> (std::cmp::Reverse<UrgencyLevel>, i64) {
        (std::cmp::Reverse(self.level), self.left_per_mille)
    }
}

/// The renewal urgency of a certificate valid `not_before` through `not_after`
/// (inclusive), on `today`. `None` when the dates are reversed.
///
/// Due when the days left are at most max(lifetime / 3, 7); urgent when they
/// are under max(lifetime / 6, 3), i.e. at most the floor or below a sixth.
pub fn renewal_urgency(
    not_before: NaiveDate,
    not_after: NaiveDate,
    today: NaiveDate,
) -> Option<Urgency> {
    let lifetime_days = validity_days(not_before, not_after);
    if lifetime_days <= 0 {
        return None;
    }
    let days_left = days_between(today, not_after).clamp(0, lifetime_days);
    let left_per_mille = days_left * 1000 / lifetime_days;
    let level = if today > not_after {
        UrgencyLevel::Expired
    } else if days_left * 6 < lifetime_days || days_left <= URGENT_FLOOR_DAYS {
        UrgencyLevel::Urgent
    } else if days_left * 3 <= lifetime_days || days_left <= DUE_FLOOR_DAYS {
        UrgencyLevel::Due
    } else {
        UrgencyLevel::Comfortable
    };
    Some(Urgency {
        level,
        days_left,
        lifetime_days,
        left_per_mille,
    })
}
