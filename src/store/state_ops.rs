//! What the reducer's actions do to the state: the operations behind
//! `AppState::reduce`, each refusing (with a notice) what the rules refuse.

use super::inventory::Inventory;
use super::notice::{Notice, NoticeKind};
use super::sandbox::{CertificateBackend, Sandbox};
use super::state::AppState;
use crate::rules::{
    CertAction, Certificate, LifecycleState, OrderRequest, available_actions, cancel_return,
    quotas_with_return,
};

impl AppState {
    /// Why `action` is not allowed on `id` today, if it is not.
    pub(super) fn refusal(&self, id: &str, action: CertAction) -> Option<String> {
        let Some(cert) = self.inventory.find(id) else {
            return Some(format!("Certificate {id} is no longer in the inventory"));
        };
        match available_actions(cert, self.today())
            .into_iter()
            .find(|a| a.action == action)
        {
            Some(state) => state.allowed.err(),
            None => Some(format!(
                "{} is not available for {}",
                action.label(),
                cert.name
            )),
        }
    }

    pub(super) fn cancel(&mut self, id: &str) {
        if let Some(reason) = self.refusal(id, CertAction::Cancel) {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Not cancelled: {reason}"),
            ));
        }
        let mut inventory = (*self.inventory).clone();
        let Some(cert) = inventory.certificates.iter_mut().find(|c| c.id == id) else {
            return;
        };
        let returned = cancel_return(cert);
        cert.state = LifecycleState::Cancelled;
        let name = cert.name.clone();
        inventory.quotas = quotas_with_return(&inventory.quotas, &returned);
        let text = if returned.units > 0 || returned.managed_service > 0 {
            format!(
                "Cancelled {name} ({id}). Returned to your quota: {} certificate unit of {} and {} Managed Service use.",
                returned.units,
                returned.spec.label(),
                returned.managed_service
            )
        } else {
            format!(
                "Cancelled {name} ({id}). Only Not Activated certificates return quota; for a refund, contact your account manager."
            )
        };
        self.set_inventory(inventory);
        self.notify(Notice::new(NoticeKind::Success, text));
    }

    /// Lets the sandbox act up to the As of date; says what happened.
    pub(super) fn advance(&mut self) {
        let Some(done) = Sandbox.advance(&self.inventory, self.today(), self.now_ms) else {
            return;
        };
        self.set_inventory(done.inventory);
        if !done.events.is_empty() {
            let shown: Vec<&str> = done.events.iter().take(3).map(String::as_str).collect();
            let more = done.events.len().saturating_sub(shown.len());
            let tail = if more > 0 {
                format!(" And {more} more.")
            } else {
                String::new()
            };
            self.notify(Notice::new(
                NoticeKind::Info,
                format!("{}{tail}", shown.join(" ")),
            ));
        }
        for failure in done.failures {
            self.notify(Notice::new(NoticeKind::Error, failure));
        }
    }

    pub(super) fn place_order(&mut self, request: &OrderRequest, csr_pem: Option<String>) {
        match Sandbox.submit_order(&self.inventory, request, csr_pem, self.today()) {
            Ok(placed) => {
                let n = placed.order.certificates.len();
                let paid = placed.plan.payment.amount_cents.unwrap_or(0);
                let text = format!(
                    "Order {} placed (sandbox payment: nothing is charged): {n} new certificate{} {}. {}",
                    placed.order.id,
                    if n == 1 { "" } else { "s" },
                    match &request.original {
                        Some(o) => format!("below {}", o.name),
                        None => "on the Official Certificate tab".to_string(),
                    },
                    if paid > 0 {
                        format!(
                            "{} paid for the shortfall.",
                            super::money::format_amount(paid, &placed.plan.payment.currency)
                        )
                    } else {
                        "Covered by your quota.".to_string()
                    }
                );
                self.last_order = Some(placed.order.id.clone());
                self.set_inventory(placed.inventory);
                self.notify(Notice::new(NoticeKind::Success, text));
            }
            Err(e) => self.notify(Notice::new(
                NoticeKind::Error,
                format!("Order not placed: {e}"),
            )),
        }
    }

    pub(super) fn add(&mut self, certs: Vec<Certificate>) {
        let mut inventory = (*self.inventory).clone();
        let (mut added, mut skipped) = (Vec::new(), 0);
        for cert in certs {
            if inventory.find(&cert.id).is_some() {
                skipped += 1;
            } else {
                added.push(cert.name.clone());
                inventory.certificates.push(cert);
            }
        }
        let text = match (added.len(), skipped) {
            (0, _) => {
                "Nothing was added: every certificate is already in the inventory.".to_string()
            }
            (1, 0) => format!("Added {}.", added[0]),
            (n, 0) => format!("Added {n} certificates."),
            (n, s) => format!("Added {n} certificates; {s} already in the inventory were skipped."),
        };
        if !added.is_empty() {
            self.set_inventory(inventory);
        }
        self.notify(Notice::new(NoticeKind::Success, text));
    }

    /// Changes one certificate; an unknown ID changes nothing.
    pub(super) fn update(&mut self, id: &str, change: impl FnOnce(&mut Certificate)) {
        let Some(index) = self.inventory.position(id) else {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Certificate {id} is no longer in the inventory"),
            ));
        };
        let mut inventory = (*self.inventory).clone();
        change(&mut inventory.certificates[index]);
        self.set_inventory(inventory);
    }

    pub(super) fn delete(&mut self, id: &str) {
        if let Some(reason) = self.refusal(id, CertAction::Delete) {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Not deleted: {reason}"),
            ));
        }
        if let Some(reason) = super::actions::delete_blocker(&self.inventory, id) {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Not deleted: {reason}"),
            ));
        }
        let mut inventory = (*self.inventory).clone();
        let name = inventory
            .find(id)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        inventory.certificates.retain(|c| c.id != id);
        self.set_inventory(inventory);
        self.notify(Notice::new(
            NoticeKind::Success,
            format!("Deleted {name} ({id})."),
        ));
    }
}

/// What the user is told when a request goes to the CA.
pub(super) fn submitted_text(inventory: &Inventory, id: &str) -> String {
    let Some(cert) = inventory.find(id) else {
        return format!("Submitted {id} to the CA.");
    };
    let wait = match cert.spec.validation {
        crate::rules::ValidationType::Dv => {
            "The sandbox CA issues DV certificates about a minute after submission"
        }
        _ => {
            "The sandbox CA completes OV and EV reviews after 5 calendar days: move the As of date to see it"
        }
    };
    format!(
        "Submitted {} ({id}) to the CA: Validating Application. {wait}.",
        cert.name
    )
}
