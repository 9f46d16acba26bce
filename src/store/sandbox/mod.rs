//! The CA and payment behind the console. The standalone app uses a local
//! sandbox ([`Sandbox`]), labelled as such wherever it acts, and driven by the
//! As of date: an order takes quota and creates its certificates, a submitted
//! request is reviewed (DV the same day after a minute, OV/EV after 5 days),
//! Not Activated certificates start on their trigger date, SC-081 reissues
//! happen inside a paid term, and managed deployment tasks run the next day.
//!
//! Everything goes through [`CertificateBackend`], so a real backend can
//! take its place: each operation takes the inventory and returns the new one
//! (or why not), which a real implementation would get from its API.

mod advance;
mod order;

use chrono::NaiveDate;

use super::inventory::{Inventory, Order};
use crate::rules::{LifecycleState, OrderPlan, OrderRequest};

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

pub trait CertificateBackend {
    /// "Renewal immediately" / "Buy Now": pays (quota first, then the
    /// shortfall) and creates the order's certificates under the original.
    fn submit_order(
        &self,
        inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        today: NaiveDate,
    ) -> Result<Placed, String>;

    /// "Submit request": sends a Pending Application (or a failed one, fixed) to the CA.
    fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Inventory, String>;

    /// Brings every certificate's lifecycle up to `today` (review outcomes,
    /// Managed Service starts, in-term reissues, deployment tasks).
    fn advance(&self, inventory: &Inventory, today: NaiveDate, now_ms: i64) -> Option<Advanced>;

    /// "Reissue the PCA certificate and then Sync to SSL Certificate".
    fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Inventory, String>;
}

fn index_of(inventory: &Inventory, id: &str) -> Result<usize, String> {
    inventory
        .position(id)
        .ok_or_else(|| format!("Certificate {id} is no longer in the inventory"))
}

/// The local sandbox: no network, no money, nothing trusted by browsers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sandbox;

impl CertificateBackend for Sandbox {
    fn submit_order(
        &self,
        inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        today: NaiveDate,
    ) -> Result<Placed, String> {
        order::submit_order(inventory, request, csr_pem, today)
    }

    fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Inventory, String> {
        let index = index_of(inventory, id)?;
        let cert = &inventory.certificates[index];
        if !matches!(
            cert.state,
            LifecycleState::PendingApplication | LifecycleState::ValidationFailed
        ) {
            return Err(format!(
                "{} is {}: only a Pending Application (or Validation Failed) certificate is submitted",
                cert.name,
                cert.state.label()
            ));
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

    fn advance(&self, inventory: &Inventory, today: NaiveDate, now_ms: i64) -> Option<Advanced> {
        advance::advance(inventory, today, now_ms)
    }

    fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Inventory, String> {
        let index = index_of(inventory, id)?;
        let cert = &inventory.certificates[index];
        if !cert.pca {
            return Err(format!("{} is not a PCA certificate", cert.name));
        }
        // The PCA product reissues with the same validity period as before.
        let days = match (cert.not_before, cert.not_after) {
            (Some(from), Some(to)) => (to - from).num_days().clamp(1, 3650),
            _ => 365,
        };
        let not_after = today
            .checked_add_days(chrono::Days::new(days.unsigned_abs()))
            .ok_or("The new validity is outside the calendar")?;
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
}

#[cfg(test)]
mod tests;
