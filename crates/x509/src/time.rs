//! Certificate dates in chrono, and validity at a moment the caller gives.
//!
//! x509-parser's own "now" traps on wasm32, so nothing here reads a clock.

use chrono::{NaiveDate, NaiveDateTime};
use x509_parser::time::ASN1Time;

/// Where a moment falls in a certificate's validity period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValidityState {
    /// `not_before <= now <= not_after` (RFC 5280: both ends inclusive).
    Valid,
    /// `now > not_after`.
    Expired,
    /// `now < not_before`.
    NotYetValid,
}

impl ValidityState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Valid => "Valid",
            Self::Expired => "Expired",
            Self::NotYetValid => "Not yet valid",
        }
    }
}

/// A validity period, UTC, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Validity {
    pub not_before: NaiveDateTime,
    pub not_after: NaiveDateTime,
}

impl Validity {
    pub(crate) fn from_parsed(v: &x509_parser::certificate::Validity) -> Option<Self> {
        Some(Self {
            not_before: to_naive(v.not_before)?,
            not_after: to_naive(v.not_after)?,
        })
    }

    pub fn state_at(&self, now: NaiveDateTime) -> ValidityState {
        if now < self.not_before {
            ValidityState::NotYetValid
        } else if now > self.not_after {
            ValidityState::Expired
        } else {
            ValidityState::Valid
        }
    }

    /// Whole days from `today` to the expiry date (negative once expired):
    /// the count the console shows as "expires in N days".
    pub fn days_until_expiry(&self, today: NaiveDate) -> i64 {
        (self.not_after.date() - today).num_days()
    }

    /// Length of the validity period in whole days (negative when the dates
    /// are reversed, which some broken certificates have).
    pub fn period_days(&self) -> i64 {
        (self.not_after - self.not_before).num_days()
    }

    /// The validity period as the Baseline Requirements count it (§1.6.1,
    /// §6.3.2): notBefore through notAfter inclusive, a day being 86,400
    /// seconds and any part of one counting as a day. A certificate valid from
    /// 2026-01-01 00:00:00 to 2026-12-31 23:59:59 is 365 days. 0 or less when
    /// the dates are reversed.
    pub fn validity_days(&self) -> i64 {
        let seconds = (self.not_after - self.not_before)
            .num_seconds()
            .saturating_add(1);
        if seconds <= 0 {
            return seconds.div_euclid(86_400);
        }
        seconds.div_euclid(86_400) + i64::from(seconds.rem_euclid(86_400) != 0)
    }
}

/// ASN.1 time (UTCTime or GeneralizedTime, years 0000 to 9999) to chrono.
/// `None` only if chrono cannot hold it, which the ASN.1 range never reaches.
pub(crate) fn to_naive(t: ASN1Time) -> Option<NaiveDateTime> {
    let dt = t.to_datetime();
    let date = NaiveDate::from_yo_opt(dt.year(), u32::from(dt.ordinal()))?;
    date.and_hms_opt(
        u32::from(dt.hour()),
        u32::from(dt.minute()),
        u32::from(dt.second()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_parser::asn1_rs::{FromDer, GeneralizedTime};

    fn generalized(text: &str) -> Option<NaiveDateTime> {
        let der = super::super::der::tlv(0x18, text.as_bytes());
        let (_, t) = GeneralizedTime::from_der(&der).ok()?;
        to_naive(ASN1Time::new_generalized(t.utc_datetime().ok()?))
    }

    #[test]
    fn extremes_of_generalized_time_convert() {
        let lo = generalized("00000101000000Z").expect("year 0");
        assert_eq!(lo.to_string(), "0000-01-01 00:00:00");
        let hi = generalized("99991231235959Z").expect("year 9999");
        assert_eq!(hi.to_string(), "9999-12-31 23:59:59");
        let v = Validity {
            not_before: lo,
            not_after: hi,
        };
        assert_eq!(v.period_days(), 3_652_424);
        assert_eq!(v.state_at(hi), ValidityState::Valid);
        let reversed = Validity {
            not_before: hi,
            not_after: lo,
        };
        assert_eq!(reversed.state_at(lo), ValidityState::NotYetValid);
        assert!(reversed.period_days() < 0);
        assert!(reversed.validity_days() <= 0);
        assert!(v.validity_days() > 0);
        assert!(reversed.days_until_expiry(NaiveDate::MAX) < 0);
        assert!(v.days_until_expiry(NaiveDate::MIN) > 0);
    }

    #[test]
    fn states_at_the_edges_are_inclusive() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("date");
        let v = Validity {
            not_before: at("2026-01-01 00:00:00"),
            not_after: at("2026-12-31 23:59:59"),
        };
        assert_eq!(
            v.state_at(at("2025-12-31 23:59:59")),
            ValidityState::NotYetValid
        );
        assert_eq!(v.state_at(at("2026-01-01 00:00:00")), ValidityState::Valid);
        assert_eq!(v.state_at(at("2026-12-31 23:59:59")), ValidityState::Valid);
        assert_eq!(
            v.state_at(at("2027-01-01 00:00:00")),
            ValidityState::Expired
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(v.days_until_expiry(today), 38);
        assert_eq!(v.period_days(), 364);
        // The Baseline Requirements' count: notBefore through notAfter inclusive.
        assert_eq!(v.validity_days(), 365);
        let one_second_more = Validity {
            not_after: at("2027-01-01 00:00:00"),
            ..v
        };
        assert_eq!(
            one_second_more.validity_days(),
            366,
            "any part of a day is a day"
        );
    }
}
