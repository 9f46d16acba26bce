//! The lifecycle of one certificate as the status popover shows it: where it
//! is on the way from order to expiry, and the dates that matter now.

use chrono::NaiveDate;

use super::inventory::Inventory;
use crate::rules::{
    Activation, Certificate, CertificateStatus, activation, days_left, review_schedule, status_at,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Done,
    Current,
    Upcoming,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    pub status: CertificateStatus,
    pub steps: Vec<(CertificateStatus, Step)>,
    /// Label and value of the dates and facts that matter at this status.
    pub facts: Vec<(String, String)>,
}

const PATH: [CertificateStatus; 6] = [
    CertificateStatus::NotActivated,
    CertificateStatus::PendingApplication,
    CertificateStatus::ValidatingApplication,
    CertificateStatus::Issued,
    CertificateStatus::PendingExpiration,
    CertificateStatus::Expired,
];

pub fn lifecycle(inventory: &Inventory, cert: &Certificate, today: NaiveDate) -> Lifecycle {
    let status = status_at(cert, today);
    // Validation Failed sits where Validating Application is; Cancelled and Revoked end the path.
    let on_path = match status {
        CertificateStatus::ValidationFailed => CertificateStatus::ValidatingApplication,
        other => other,
    };
    let current = PATH.iter().position(|s| *s == on_path);
    let steps = PATH
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let step = match current {
                Some(c) if i < c => Step::Done,
                Some(c) if i == c => Step::Current,
                _ => Step::Upcoming,
            };
            (*s, step)
        })
        .collect();
    let mut facts: Vec<(String, String)> = Vec::new();
    let mut fact = |label: &str, value: String| facts.push((label.to_string(), value));
    if let Some(a) = &cert.association {
        fact(
            "Order",
            format!("{} (certificate {} of {})", a.order, a.position, a.of),
        );
    }
    if let Some(on) = cert.applied_on {
        fact("Submitted to the CA", on.to_string());
        if status == CertificateStatus::ValidatingApplication
            && let Some(review) = review_schedule(cert.spec.validation, on)
        {
            fact(
                "Expected issuance",
                format!("{} ({})", review.expected_issue_on, review.expected_label),
            );
            fact("Fails if not validated by", review.fails_on.to_string());
        }
    }
    if let Some(note) = &cert.note {
        fact("Note", note.clone());
    }
    if let Some(reason) = &cert.failure_reason {
        fact("Why it failed", reason.clone());
    }
    if let (Some(from), Some(to)) = (cert.not_before, cert.not_after) {
        fact("Valid", format!("{from} to {to}"));
        if let Some(d) = days_left(cert, today) {
            fact(
                "Days left",
                if d >= 0 {
                    d.to_string()
                } else {
                    format!("expired {} days ago", -d)
                },
            );
        }
    }
    if let (Some(start), Some(end)) = (cert.term_start, cert.term_end)
        && (Some(end) != cert.not_after || Some(start) != cert.not_before)
    {
        fact("Paid term", format!("{start} to {end}"));
    }
    if status == CertificateStatus::NotActivated {
        match inventory
            .predecessor(cert)
            .map(|prev| activation(prev, cert, today))
        {
            Some(Activation::NotYet {
                trigger_on,
                manual_reason,
                ..
            }) => {
                fact("Starts automatically on", trigger_on.to_string());
                if let Some(reason) = manual_reason {
                    fact("Then", reason);
                }
            }
            Some(Activation::Due { trigger_on, .. }) => {
                fact("Starts automatically on", trigger_on.to_string())
            }
            Some(Activation::ManualNeeded { reason, .. }) => fact("Start", reason),
            Some(Activation::Waiting { reason } | Activation::NotApplicable { reason }) => {
                fact("Start", reason)
            }
            None => fact(
                "Start",
                "The certificate it follows is no longer in the inventory".to_string(),
            ),
        }
    }
    Lifecycle {
        status,
        steps,
        facts,
    }
}
