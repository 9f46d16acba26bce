//! The Actions column: which actions a certificate shows, each allowed or
//! disabled with the reason shown on the button.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activation::trigger_days;
use super::eligibility::{renewal_eligibility, update_eligibility};
use super::model::{Certificate, CertificateKind, CertificateStatus, CsrMode};
use super::status::status_at;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertAction {
    RenewalPurchase,
    /// Buy a new certificate in place of an Official one (Expired, multi-domain, changed specification).
    Purchase,
    Update,
    SubmitRequest,
    ViewProgress,
    Cancel,
    Download,
    Delete,
    ReissueAndSync,
    Deploy,
    Verify,
    /// The FAQ's emergency procedure for an expired certificate.
    EmergencySteps,
}

impl CertAction {
    pub const ALL: [CertAction; 12] = [
        CertAction::RenewalPurchase,
        CertAction::Purchase,
        CertAction::Update,
        CertAction::SubmitRequest,
        CertAction::ViewProgress,
        CertAction::Cancel,
        CertAction::Download,
        CertAction::Delete,
        CertAction::ReissueAndSync,
        CertAction::Deploy,
        CertAction::Verify,
        CertAction::EmergencySteps,
    ];

    pub fn label(&self) -> &'static str {
        match self {
            CertAction::RenewalPurchase => "Renewal purchase",
            CertAction::Purchase => "Purchase",
            CertAction::Update => "Update",
            CertAction::SubmitRequest => "Submit request",
            CertAction::ViewProgress => "View progress",
            CertAction::Cancel => "Cancel",
            CertAction::Download => "Download",
            CertAction::Delete => "Delete",
            CertAction::ReissueAndSync => "Reissue and Sync",
            CertAction::Deploy => "Deploy",
            CertAction::Verify => "Verify",
            CertAction::EmergencySteps => "Emergency steps",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionState {
    pub action: CertAction,
    /// `Err` holds the reason shown on the disabled button.
    pub allowed: Result<(), String>,
}

/// Bought through this console: an Official certificate, or one an order
/// created below an Uploaded one. The CA issued it here and keeps its file.
pub fn ordered_here(cert: &Certificate) -> bool {
    cert.kind == CertificateKind::Official || cert.association.is_some()
}

/// The actions relevant for the certificate's kind, in `CertAction::ALL` order.
///
/// Official certificates renew ("in the Actions column, click Renewal
/// purchase"); Uploaded ones update ("In the Actions column, click Update");
/// PCA ones "reissue the PCA certificate and then Sync to SSL Certificate".
/// The application actions (submit, progress, cancel) belong to certificates
/// bought here: Official ones and those an order created below an Uploaded one.
pub fn available_actions(cert: &Certificate, today: NaiveDate) -> Vec<ActionState> {
    let status = status_at(cert, today);
    let ordered_here = ordered_here(cert);
    CertAction::ALL
        .into_iter()
        .filter(|action| match action {
            CertAction::RenewalPurchase => cert.kind == CertificateKind::Official,
            CertAction::Purchase => {
                cert.kind == CertificateKind::Official && cert.association.is_none()
            }
            CertAction::EmergencySteps => status == CertificateStatus::Expired && !cert.pca,
            CertAction::Update => cert.kind == CertificateKind::Uploaded && !cert.pca,
            CertAction::ReissueAndSync => cert.kind == CertificateKind::Uploaded && cert.pca,
            CertAction::SubmitRequest | CertAction::ViewProgress | CertAction::Cancel => {
                ordered_here
            }
            CertAction::Download | CertAction::Delete | CertAction::Deploy | CertAction::Verify => {
                true
            }
        })
        .map(|action| ActionState {
            action,
            allowed: allowed(action, cert, status, today),
        })
        .collect()
}

fn issued_only(status: CertificateStatus) -> Result<(), String> {
    Err(format!(
        "Available once the certificate is issued (now {})",
        status.label()
    ))
}

fn allowed(
    action: CertAction,
    cert: &Certificate,
    status: CertificateStatus,
    today: NaiveDate,
) -> Result<(), String> {
    use CertificateStatus::*;
    match action {
        CertAction::RenewalPurchase => renewal_eligibility(cert, today).map_err(|e| e.to_string()),
        CertAction::Update => update_eligibility(cert, today).map_err(|e| e.to_string()),
        // "If your certificate is Expired, is a multi-domain certificate, or requires a
        // specification change, you need to purchase a new certificate". Nothing carries over.
        CertAction::Purchase => match status {
            NotActivated | PendingApplication | ValidatingApplication | ValidationFailed => {
                Err("Its application is still open: submit or cancel it first".to_string())
            }
            _ => Ok(()),
        },
        // "My certificate has expired, causing a service interruption. What are the emergency steps"
        CertAction::EmergencySteps => Ok(()),
        CertAction::SubmitRequest => match status {
            PendingApplication | ValidationFailed => Ok(()),
            NotActivated => Err(format!(
                "Starts automatically when the certificate before it has {} days or less left",
                trigger_days(cert.kind)
            )),
            ValidatingApplication => Err("Already submitted: the CA is reviewing it".to_string()),
            other => Err(format!("Only a Pending Application certificate can be submitted (now {})", other.label())),
        },
        CertAction::ViewProgress => match status {
            ValidatingApplication | ValidationFailed => Ok(()),
            _ => Err("No application is with the CA".to_string()),
        },
        CertAction::Cancel => match status {
            NotActivated | PendingApplication | ValidationFailed => Ok(()),
            ValidatingApplication => Err("The CA is reviewing the application: wait for its result".to_string()),
            other => Err(format!("A certificate that is {} cannot be cancelled", other.label())),
        },
        CertAction::Download => match status {
            // The CA keeps the file of what was bought through this console; an
            // uploaded certificate's file exists only where it was uploaded.
            Issued | PendingExpiration | Expired if cert.pem.is_some() || ordered_here(cert) =>
            {
                Ok(())
            }
            Issued | PendingExpiration | Expired => Err(
                "No certificate file is kept in this browser for it: download it where it was issued".to_string(),
            ),
            Revoked => Err("A revoked certificate cannot be downloaded".to_string()),
            other => issued_only(other),
        },
        CertAction::Delete => match status {
            Expired | Cancelled | Revoked => Ok(()),
            Issued | PendingExpiration if cert.kind == CertificateKind::Uploaded => Ok(()),
            Issued | PendingExpiration => {
                Err("An Official certificate in its validity period cannot be deleted: it may be deployed".to_string())
            }
            ValidatingApplication => Err("The CA is reviewing the application: wait for its result".to_string()),
            NotActivated => Err("Cancel it instead: cancelling returns its quota".to_string()),
            PendingApplication | ValidationFailed => Err("Cancel the application first".to_string()),
        },
        CertAction::ReissueAndSync => match status {
            Revoked => Err("A revoked certificate cannot be reissued".to_string()),
            _ => Ok(()),
        },
        CertAction::Deploy => match status {
            Issued | PendingExpiration
                if cert.kind == CertificateKind::Official && cert.csr_mode == Some(CsrMode::Manual) =>
            {
                Err("Issued from a manually entered CSR: deploy it on your server yourself".to_string())
            }
            Issued | PendingExpiration => Ok(()),
            Expired => Err("An expired certificate cannot be deployed: renew or purchase one".to_string()),
            other => issued_only(other),
        },
        CertAction::Verify => match status {
            Issued | PendingExpiration => Ok(()),
            Expired => Err("The certificate has expired".to_string()),
            other => issued_only(other),
        },
    }
}
