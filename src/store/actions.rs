//! The actions a row offers: the rules' answer, plus what only the inventory
//! knows (other certificates that depend on this one).

use chrono::NaiveDate;

use super::inventory::Inventory;
pub use super::inventory::delete_blocker;
use crate::rules::{ActionState, CertAction, Certificate, CertificateStatus, available_actions};

/// The actions of `cert` on `today`, each allowed or disabled with its reason.
pub fn row_actions(
    inventory: &Inventory,
    cert: &Certificate,
    today: NaiveDate,
) -> Vec<ActionState> {
    let mut actions = available_actions(cert, today);
    for state in &mut actions {
        if state.action == CertAction::Delete
            && state.allowed.is_ok()
            && let Some(reason) = delete_blocker(inventory, &cert.id)
        {
            state.allowed = Err(reason);
        }
    }
    actions
}

/// The action shown first in a row: the one the documents put in the Actions
/// column for this status (renewal, update, submit, progress...).
pub fn primary_action(status: CertificateStatus) -> &'static [CertAction] {
    use CertificateStatus::*;
    match status {
        PendingExpiration => &[
            CertAction::RenewalPurchase,
            CertAction::Update,
            CertAction::ReissueAndSync,
        ],
        Expired => &[
            CertAction::Purchase,
            CertAction::Update,
            CertAction::EmergencySteps,
            CertAction::ReissueAndSync,
        ],
        PendingApplication | ValidationFailed => &[CertAction::SubmitRequest],
        ValidatingApplication => &[CertAction::ViewProgress],
        NotActivated => &[CertAction::Cancel],
        Issued => &[
            CertAction::Deploy,
            CertAction::Verify,
            CertAction::ReissueAndSync,
        ],
        Cancelled | Revoked => &[CertAction::Delete],
    }
}
