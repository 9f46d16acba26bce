//! Rule 1: who may renew (Official) or update (Uploaded), with the reason why not.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::dates::add_days;
use super::model::{Certificate, CertificateKind, CertificateStatus, DomainType, Specification};
use super::status::{PENDING_EXPIRATION_DAYS, service_days_left, service_end, status_at};

/// Why a renewal, an update or a purchase cannot be ordered.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum Ineligible {
    #[error("Expired: purchase a new certificate")]
    Expired,
    #[error("Multi-domain certificates cannot be renewed: purchase a new one")]
    MultiDomain,
    #[error("Changing the {changed} needs a new purchase, not a renewal")]
    SpecificationChange { changed: String },
    #[error("PCA certificates are reissued in the PCA product, then synced")]
    Pca,
    #[error("Uploaded certificates are not renewed: use Update to purchase a new one")]
    UploadedNotRenewable,
    #[error("Official certificates are renewed, not updated: use Renewal purchase")]
    OfficialNotUpdatable,
    #[error("Renewal opens at Pending Expiration, on {opens_on} ({days_left} days left now)")]
    RenewalNotOpenYet { opens_on: NaiveDate, days_left: i64 },
    #[error("Update opens at Pending Expiration, on {opens_on} ({days_left} days left now)")]
    UpdateNotOpenYet { opens_on: NaiveDate, days_left: i64 },
    #[error("A {status} certificate cannot be {action}")]
    WrongStatus { status: String, action: String },
    #[error("Choose the certificate to renew")]
    NoOriginal,
}

fn wrong_status(status: CertificateStatus, action: &str) -> Ineligible {
    Ineligible::WrongStatus {
        status: status.label().to_string(),
        action: action.to_string(),
    }
}

/// The day the service of `cert` reaches Pending Expiration, and the days left on `today`.
fn opens(cert: &Certificate, today: NaiveDate) -> (NaiveDate, i64) {
    let opens_on = service_end(cert)
        .and_then(|end| add_days(end, -PENDING_EXPIRATION_DAYS))
        .unwrap_or(today);
    (opens_on, service_days_left(cert, today).unwrap_or(0))
}

/// May this Official certificate be renewed on `today`?
///
/// Source: "Prerequisites — Certificate Status: Pending Expiration. Certificate
/// type: Not a multi-domain certificate. Specification changes: No changes to
/// certificate specifications (such as brand or type) are needed. If your
/// certificate is Expired, is a multi-domain certificate, or requires a
/// specification change, you need to purchase a new certificate".
/// The specification is checked separately by [`spec_change`].
pub fn renewal_eligibility(cert: &Certificate, today: NaiveDate) -> Result<(), Ineligible> {
    if cert.kind == CertificateKind::Uploaded {
        return Err(if cert.pca {
            Ineligible::Pca
        } else {
            Ineligible::UploadedNotRenewable
        });
    }
    if cert.spec.domain_type == DomainType::MultiDomain {
        return Err(Ineligible::MultiDomain);
    }
    match status_at(cert, today) {
        CertificateStatus::PendingExpiration => Ok(()),
        CertificateStatus::Expired => Err(Ineligible::Expired),
        CertificateStatus::Issued => {
            let (opens_on, days_left) = opens(cert, today);
            Err(Ineligible::RenewalNotOpenYet {
                opens_on,
                days_left,
            })
        }
        other => Err(wrong_status(other, "renewed")),
    }
}

/// May this Uploaded certificate be updated (replaced by a purchase) on `today`?
///
/// Source: "Uploaded: See Renewal for "Uploaded Certificate", which applies
/// when the status is Pending Expiration ... or Expired" and "If the Status is
/// PCA (an SSL certificate created by the PCA product), reissue the PCA
/// certificate and then Sync to SSL Certificate."
pub fn update_eligibility(cert: &Certificate, today: NaiveDate) -> Result<(), Ineligible> {
    if cert.kind == CertificateKind::Official {
        return Err(Ineligible::OfficialNotUpdatable);
    }
    if cert.pca {
        return Err(Ineligible::Pca);
    }
    match status_at(cert, today) {
        CertificateStatus::PendingExpiration | CertificateStatus::Expired => Ok(()),
        CertificateStatus::Issued => {
            let (opens_on, days_left) = opens(cert, today);
            Err(Ineligible::UpdateNotOpenYet {
                opens_on,
                days_left,
            })
        }
        other => Err(wrong_status(other, "updated")),
    }
}

/// A renewal keeps the specification: "Carryover applies only when: The
/// associated certificate has the same specifications as the hosted
/// certificate: domain name type, certificate type, and certificate brand."
/// The error names what changed.
pub fn spec_change(original: &Specification, requested: &Specification) -> Result<(), Ineligible> {
    let mut changed = Vec::new();
    if original.brand != requested.brand {
        changed.push("brand");
    }
    if original.validation != requested.validation {
        changed.push("validation type");
    }
    if original.domain_type != requested.domain_type {
        changed.push("domain type");
    }
    if changed.is_empty() {
        Ok(())
    } else {
        Err(Ineligible::SpecificationChange {
            changed: changed.join(" and "),
        })
    }
}
