//! The actions a row offers: the rules' answer, plus what only the inventory
//! knows (other certificates that depend on this one).

use chrono::NaiveDate;

use super::inventory::Inventory;
use crate::rules::{ActionState, CertAction, Certificate, CertificateStatus, available_actions};

/// Why `id` cannot be deleted because of its associated certificates, if so.
/// An original stays while a certificate its order created is still on its
/// way or in use: that one is listed under it and refers to it.
pub fn delete_blocker(inventory: &Inventory, id: &str) -> Option<String> {
    let _ = inventory.find(id)?;
    let blocking = inventory.associated(id).into_iter().any(|c| {
        !matches!(
            c.state,
            crate::rules::LifecycleState::Cancelled | crate::rules::LifecycleState::Revoked
        )
    });
    blocking.then(|| {
        "Its associated (renewed) certificates are listed under it: cancel or delete them first"
            .to_string()
    })
}

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
