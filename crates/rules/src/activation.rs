//! Rule 4: when a Not Activated certificate of a multi-year order starts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::contact::validate_contact;
use super::dates::{add_days, days_between};
use super::model::{Certificate, CertificateKind, Contact, LifecycleState, ValidationType};
use super::status::service_end;
use super::validity::{Validity, ValidityBasis, validity_on};

/// "When the first certificate has 30 days or less of remaining validity, one
/// use of the Managed Service is automatically consumed to start the
/// application process for the second certificate." (Official renewal)
pub const OFFICIAL_TRIGGER_DAYS: i64 = 30;
/// "When the first certificate has 15 days or less of remaining validity ..."
/// (Uploaded purchase) and "If you enable hosting for an uploaded certificate,
/// Alibaba Cloud submits the renewal application up to 15 calendar days before
/// expiration (not 30)". The first document's Step 2 says 30 for the Uploaded
/// tab too; the more specific statements win (seeds README).
pub const UPLOADED_TRIGGER_DAYS: i64 = 15;

/// Days left on the previous certificate at which the next one starts, by the
/// tab the order's certificates live on (an order's certificates live below
/// their original, so an Uploaded "Update" creates Uploaded-tab records).
pub fn trigger_days(kind: CertificateKind) -> i64 {
    match kind {
        CertificateKind::Official => OFFICIAL_TRIGGER_DAYS,
        CertificateKind::Uploaded => UPLOADED_TRIGGER_DAYS,
    }
}

/// Can the Managed Service start the application by itself?
///
/// Source: "For a DV certificate, the Alibaba Cloud account that uses Alibaba
/// Cloud DNS for the domain name must be the same as the account that
/// purchased the certificate, or the domain name must have validation-free
/// authorization completed. The certificate application information and
/// materials are valid, as determined by the CA." For OV and EV the CA reaches
/// the contact, so the materials we can check are the contact's details.
pub fn auto_start_check(
    validation: ValidationType,
    dns_in_same_account: bool,
    validation_free: bool,
    contact: &Contact,
) -> Result<(), String> {
    match validation {
        ValidationType::Dv if dns_in_same_account || validation_free => Ok(()),
        ValidationType::Dv => Err(
            "Manual submission needed: the domain's DNS is not in this account \
             and the domain has no validation-free authorization"
                .to_string(),
        ),
        ValidationType::Ov | ValidationType::Ev => validate_contact(contact).map_err(|errors| {
            format!("Manual submission needed: the contact the CA calls is incomplete ({errors})")
        }),
    }
}

/// What a Not Activated certificate does on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Activation {
    /// The certificate is not Not Activated: nothing to start.
    NotApplicable { reason: String },
    /// The certificate before it is not issued yet (or has no dates): no trigger date yet.
    Waiting { reason: String },
    /// Starts on `trigger_on`; `manual_reason` says ahead of time that it will
    /// then need manual submission.
    NotYet {
        trigger_on: NaiveDate,
        days_left: i64,
        manual_reason: Option<String>,
    },
    /// Starts now, automatically, carrying over the previous certificate's remaining days.
    Due {
        trigger_on: NaiveDate,
        carried_over_days: i64,
        validity: Validity,
    },
    /// Due, but the automatic start's conditions fail: it becomes Pending
    /// Application and the user submits it.
    ManualNeeded {
        trigger_on: NaiveDate,
        carried_over_days: i64,
        reason: String,
    },
}

/// The activation of `next` (Not Activated) after `prev`, the certificate
/// before it in the order, on `today`.
///
/// Source: "Not Activated: When the current certificate expires in 30 days or
/// less, the managed service automatically initiates the certificate
/// application process." and the Managed Service "includes automatic
/// certificate requests before expiration, carrying over the remaining
/// validity period (up to 30 days)". The trigger is 30 days for Official
/// records, 15 for Uploaded ones ([`trigger_days`]).
pub fn activation(prev: &Certificate, next: &Certificate, today: NaiveDate) -> Activation {
    if next.state != LifecycleState::NotActivated {
        return Activation::NotApplicable {
            reason: format!(
                "The certificate is {}, not Not Activated",
                next.state.label()
            ),
        };
    }
    match prev.state {
        LifecycleState::Issued => {}
        LifecycleState::Cancelled | LifecycleState::Revoked => {
            return Activation::ManualNeeded {
                trigger_on: today,
                carried_over_days: 0,
                reason: format!(
                    "Manual submission needed: the certificate before it was {}",
                    prev.state.label()
                ),
            };
        }
        other => {
            return Activation::Waiting {
                reason: format!(
                    "Waits until the certificate before it is issued (now {})",
                    other.label()
                ),
            };
        }
    }
    let Some(previous_end) = service_end(prev) else {
        return Activation::Waiting {
            reason: "The certificate before it has no expiry date".to_string(),
        };
    };
    let lead = trigger_days(next.kind);
    let Some(trigger_on) = add_days(previous_end, -lead) else {
        return Activation::Waiting {
            reason: "The trigger date is outside the calendar".to_string(),
        };
    };
    let manual = auto_start_check(
        next.spec.validation,
        next.dns_in_same_account,
        next.validation_free,
        &next.contact,
    );
    if today < trigger_on {
        return Activation::NotYet {
            trigger_on,
            days_left: days_between(today, previous_end),
            manual_reason: manual.err(),
        };
    }
    let carried_over_days = days_between(today, previous_end).clamp(0, lead);
    if let Err(reason) = manual {
        return Activation::ManualNeeded {
            trigger_on,
            carried_over_days,
            reason,
        };
    }
    match validity_on(ValidityBasis::CarryOver { previous_end }, today) {
        Ok(validity) => Activation::Due {
            trigger_on,
            carried_over_days,
            validity,
        },
        Err(error) => Activation::Waiting {
            reason: error.to_string(),
        },
    }
}

/// The certificate a Not Activated one follows: the nearest earlier
/// certificate of its order that is not cancelled, else its original.
///
/// The documents say the next certificate starts "when the previous
/// certificate has 30 days or less of remaining validity"; which one is
/// "previous" once a certificate of the order was cancelled they leave silent
/// (docs/rules.md, decisions). `in_order(order, position)` and `by_id(id)`
/// look certificates up, so a caller with its own index asks in O(1).
pub fn predecessor_with<'a>(
    cert: &Certificate,
    in_order: impl Fn(&str, u8) -> Option<&'a Certificate>,
    by_id: impl Fn(&str) -> Option<&'a Certificate>,
) -> Option<&'a Certificate> {
    let assoc = cert.association.as_ref()?;
    (1..assoc.position)
        .rev()
        .filter_map(|p| in_order(&assoc.order, p))
        .find(|c| c.state != LifecycleState::Cancelled)
        .or_else(|| by_id(&assoc.original))
}

/// [`predecessor_with`] over a list of certificates (linear lookups).
pub fn predecessor<'a>(
    certificates: &'a [Certificate],
    cert: &Certificate,
) -> Option<&'a Certificate> {
    predecessor_with(
        cert,
        |order, position| {
            certificates.iter().find(|c| {
                c.association
                    .as_ref()
                    .is_some_and(|a| a.order == order && a.position == position)
            })
        },
        |id| certificates.iter().find(|c| c.id == id),
    )
}
