//! The in-browser sandbox: the CA, payment and Managed Service of a real
//! console, labelled as a sandbox wherever it acts, and driven by the As of
//! date: an order takes quota and creates its certificates, a submitted
//! request is reviewed (DV the same day after a minute, OV/EV after 5 days),
//! Not Activated certificates start on their trigger date, SC-081 reissues
//! happen inside a paid term, managed deployment tasks run the next day, and
//! the sandbox CA ([`ca`], WebCrypto) signs the real X.509 file of each
//! certificate it issues.
//!
//! [`Sandbox`] is the engine: pure functions from an inventory to the next
//! one (tested natively). The browser's `SandboxBackend` and the server both
//! run it and return only what changed; the CA that signs the files is
//! theirs (WebCrypto in the browser, RustCrypto on the server).

mod advance;
mod order;

use chrono::NaiveDate;

use crate::BackendError;
use crate::inventory::delete_blocker;
use crate::inventory::{Inventory, Order};
use crate::rules::{
    CertAction, Certificate, LifecycleState, OrderPlan, OrderRequest, QuotaReturn,
    available_actions, cancel_return, quotas_with_return,
};

pub use advance::SANDBOX_DV_REVIEW_MS;

/// An order that was placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub inventory: Inventory,
    pub order: Order,
    pub plan: OrderPlan,
}

/// The inventory after time moved on, and what happened, one sentence each.
#[derive(Clone, Debug, PartialEq)]
pub struct Advanced {
    pub inventory: Inventory,
    pub events: Vec<String>,
    /// Deployment failures: the user is notified of these as errors.
    pub failures: Vec<String>,
}

fn index_of(inventory: &Inventory, id: &str) -> Result<usize, BackendError> {
    inventory
        .position(id)
        .ok_or_else(|| BackendError::NotFound(id.to_string()))
}

/// Why `action` is not allowed on `id` today, if it is not (the rules' reason).
fn refusal(
    inventory: &Inventory,
    id: &str,
    action: CertAction,
    today: NaiveDate,
) -> Result<(), BackendError> {
    let cert = &inventory.certificates[index_of(inventory, id)?];
    match available_actions(cert, today)
        .into_iter()
        .find(|a| a.action == action)
    {
        Some(state) => state.allowed.map_err(BackendError::Refused),
        None => Err(BackendError::Refused(format!(
            "{} is not available for {}",
            action.label(),
            cert.name
        ))),
    }
}

/// The local sandbox: no network, no money, nothing trusted by browsers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sandbox;

impl Sandbox {
    pub fn submit_order(
        &self,
        inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        today: NaiveDate,
    ) -> Result<Placed, BackendError> {
        order::submit_order(inventory, request, csr_pem, today).map_err(BackendError::Refused)
    }

    pub fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Inventory, BackendError> {
        let index = index_of(inventory, id)?;
        let cert = &inventory.certificates[index];
        if !matches!(
            cert.state,
            LifecycleState::PendingApplication | LifecycleState::ValidationFailed
        ) {
            return Err(BackendError::Refused(format!(
                "{} is {}: only a Pending Application (or Validation Failed) certificate is submitted",
                cert.name,
                cert.state.label()
            )));
        }
        let mut next = inventory.clone();
        let cert = &mut next.certificates[index];
        cert.state = LifecycleState::ValidatingApplication;
        cert.applied_on = Some(today);
        cert.applied_at_ms = Some(now_ms);
        cert.failure_reason = None;
        cert.note = None;
        Ok(next)
    }

    /// `None` when nothing is on its way (a clock tick then does no work).
    pub fn advance(
        &self,
        inventory: &Inventory,
        today: NaiveDate,
        now_ms: i64,
    ) -> Option<Advanced> {
        advance::advance(inventory, today, now_ms)
    }

    pub fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Inventory, BackendError> {
        let index = index_of(inventory, id)?;
        let cert = &inventory.certificates[index];
        if !cert.pca {
            return Err(BackendError::Refused(format!(
                "{} is not a PCA certificate",
                cert.name
            )));
        }
        // The PCA product reissues with the same validity period as before.
        let days = match (cert.not_before, cert.not_after) {
            (Some(from), Some(to)) => (to - from).num_days().clamp(1, 3650),
            _ => 365,
        };
        let not_after = today
            .checked_add_days(chrono::Days::new(days.unsigned_abs()))
            .ok_or_else(|| {
                BackendError::Refused("The new validity is outside the calendar".into())
            })?;
        let mut next = inventory.clone();
        let cert = &mut next.certificates[index];
        cert.state = LifecycleState::Issued;
        cert.not_before = Some(today);
        cert.not_after = Some(not_after);
        cert.pem = None;
        cert.verified = None;
        cert.note = Some(format!(
            "Reissued in the PCA product and synced on {today} (sandbox): valid {today} to {not_after}. Deploy the new certificate."
        ));
        Ok(next)
    }

    /// Cancels a certificate: a Not Activated one gives its unit and Managed
    /// Service use back ("If you cancel a Not Activated certificate, your
    /// certificate and managed service quotas are restored").
    pub fn cancel(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<(Inventory, QuotaReturn), BackendError> {
        refusal(inventory, id, CertAction::Cancel, today)?;
        let index = index_of(inventory, id)?;
        let mut next = inventory.clone();
        let cert = &mut next.certificates[index];
        let returned = cancel_return(cert);
        cert.state = LifecycleState::Cancelled;
        next.quotas = quotas_with_return(&next.quotas, &returned);
        Ok((next, returned))
    }

    /// Deletes a certificate the rules allow deleting, unless certificates its
    /// orders created still refer to it.
    pub fn delete(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Certificate, BackendError> {
        refusal(inventory, id, CertAction::Delete, today)?;
        if let Some(reason) = delete_blocker(inventory, id) {
            return Err(BackendError::Refused(reason));
        }
        Ok(inventory.certificates[index_of(inventory, id)?].clone())
    }
}

#[cfg(test)]
mod tests;
