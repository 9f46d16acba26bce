//! The status shown at a date: the stored state plus the two derived ones.

use chrono::NaiveDate;

use super::dates::days_between;
use super::model::{Certificate, CertificateStatus, LifecycleState};

/// Policy constant: an issued certificate whose service ends within this many
/// days shows as Pending Expiration, the state in which renewal opens.
///
/// The documents name the state ("renew official certificates with a status of
/// Pending Expiration") but not its width; 60 days is this console's policy,
/// wide enough to hold the "more than 30 days" early renewal of the FAQ.
pub const PENDING_EXPIRATION_DAYS: i64 = 60;

/// The day the paid service of a record ends: the end of its term when it has
/// one (an Official certificate under SC-081 may be covered by several issued
/// certificates in turn), else the expiry of the certificate itself.
pub fn service_end(cert: &Certificate) -> Option<NaiveDate> {
    match (cert.term_end, cert.not_after) {
        (Some(term_end), Some(not_after)) => Some(term_end.max(not_after)),
        (term_end, not_after) => term_end.or(not_after),
    }
}

/// The status shown for `cert` on `today`.
///
/// Only an Issued certificate derives the two date states: Expired once
/// `today` is past `not_after` ("If a certificate is Expired, you must
/// repurchase"), Pending Expiration when its service ends within
/// [`PENDING_EXPIRATION_DAYS`] ("renew official certificates with a status of
/// Pending Expiration"). The last day of validity (`today == not_after`) is
/// still in date. Every other stored state is shown as stored.
pub fn status_at(cert: &Certificate, today: NaiveDate) -> CertificateStatus {
    if cert.state != LifecycleState::Issued {
        return cert.state.into();
    }
    let Some(not_after) = cert.not_after else {
        return CertificateStatus::Issued;
    };
    if today > not_after {
        return CertificateStatus::Expired;
    }
    match service_end(cert) {
        Some(end) if days_between(today, end) <= PENDING_EXPIRATION_DAYS => {
            CertificateStatus::PendingExpiration
        }
        _ => CertificateStatus::Issued,
    }
}

/// Days from `today` to the expiry (`not_after`) of the certificate currently
/// issued: 0 on its last day, negative once expired (days since expiry), `None`
/// when nothing is issued yet. Counted as the documents do: "valid from
/// 2024-10-01 to 2025-09-30 ... on 2025-09-10 ... 20 days (remaining validity
/// of old certificate)".
pub fn days_left(cert: &Certificate, today: NaiveDate) -> Option<i64> {
    cert.not_after
        .map(|not_after| days_between(today, not_after))
}

/// Days from `today` to the end of the paid service ([`service_end`]): what a
/// renewal carries over and what the activation triggers look at.
pub fn service_days_left(cert: &Certificate, today: NaiveDate) -> Option<i64> {
    service_end(cert).map(|end| days_between(today, end))
}

/// The status is one in which a certificate exists and is in date.
pub fn is_in_date(status: CertificateStatus) -> bool {
    matches!(
        status,
        CertificateStatus::Issued | CertificateStatus::PendingExpiration
    )
}
