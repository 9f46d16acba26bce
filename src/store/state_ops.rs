//! How the reducer applies what the backend returned (`crate::backend`):
//! each result replaces or adds whole certificates by ID and says what
//! happened in a notice. Nothing here decides; the backend did.

use std::collections::HashMap;

use super::inventory::Inventory;
use super::notice::{Notice, NoticeKind};
use super::state::AppState;
use crate::backend::{Cancelled, Changes, OrderPlaced};
use crate::rules::Certificate;

impl AppState {
    /// Replaces the certificates with the same IDs (and appends new ones).
    pub(super) fn put(&mut self, certificates: Vec<Certificate>) {
        if certificates.is_empty() {
            return;
        }
        let mut inventory = (*self.inventory).clone();
        merge(&mut inventory, certificates);
        self.set_inventory(inventory);
    }

    pub(super) fn apply_order(&mut self, placed: OrderPlaced) {
        let n = placed.certificates.len();
        let paid = placed.plan.payment.amount_cents.unwrap_or(0);
        let below = placed
            .order
            .original
            .as_deref()
            .and_then(|id| self.inventory.find(id))
            .map_or_else(
                || "on the Official Certificate tab".to_string(),
                |o| format!("below {}", o.name),
            );
        let payment = if self.remote.is_some() {
            ""
        } else {
            " (sandbox payment: nothing is charged)"
        };
        let text = format!(
            "Order {} placed{payment}: {n} new certificate{} {below}. {}",
            placed.order.id,
            if n == 1 { "" } else { "s" },
            if paid > 0 {
                format!(
                    "{} paid for the shortfall.",
                    super::money::format_amount(paid, &placed.plan.payment.currency)
                )
            } else {
                "Covered by your quota.".to_string()
            }
        );
        let mut inventory = (*self.inventory).clone();
        merge(&mut inventory, placed.certificates);
        inventory.quotas = placed.quotas;
        inventory.orders.push(placed.order);
        self.set_inventory(inventory);
        self.notify(Notice::new(NoticeKind::Success, text));
    }

    /// What happened when time moved on, at most three sentences in one notice.
    pub(super) fn apply_changes(&mut self, changes: Changes) {
        self.put(changes.certificates);
        if !changes.deleted.is_empty()
            || changes.quotas.is_some()
            || !changes.orders.is_empty()
            || !changes.policies.is_empty()
            || !changes.deleted_policies.is_empty()
        {
            let mut inventory = (*self.inventory).clone();
            inventory
                .certificates
                .retain(|c| !changes.deleted.contains(&c.id));
            if let Some(quotas) = changes.quotas {
                inventory.quotas = quotas;
            }
            for order in changes.orders {
                match inventory.orders.iter_mut().find(|o| o.id == order.id) {
                    Some(old) => *old = order,
                    None => inventory.orders.push(order),
                }
            }
            for policy in changes.policies {
                match inventory.policies.iter_mut().find(|p| p.id == policy.id) {
                    Some(old) => *old = policy,
                    None => inventory.policies.push(policy),
                }
            }
            inventory
                .policies
                .retain(|p| !changes.deleted_policies.contains(&p.id));
            self.set_inventory(inventory);
        }
        if !changes.events.is_empty() {
            let shown: Vec<&str> = changes.events.iter().take(3).map(String::as_str).collect();
            let more = changes.events.len().saturating_sub(shown.len());
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
        for failure in changes.failures {
            self.notify(Notice::new(NoticeKind::Error, failure));
        }
    }

    pub(super) fn apply_cancel(&mut self, cancelled: Cancelled) {
        let Cancelled {
            certificate,
            quotas,
            returned,
        } = cancelled;
        let (name, id) = (certificate.name.clone(), certificate.id.clone());
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
        let mut inventory = (*self.inventory).clone();
        merge(&mut inventory, vec![certificate]);
        inventory.quotas = quotas;
        self.set_inventory(inventory);
        self.notify(Notice::new(NoticeKind::Success, text));
    }

    pub(super) fn apply_delete(&mut self, id: &str) {
        let Some(name) = self.inventory.find(id).map(|c| c.name.clone()) else {
            return;
        };
        let mut inventory = (*self.inventory).clone();
        inventory.certificates.retain(|c| c.id != id);
        self.set_inventory(inventory);
        self.notify(Notice::new(
            NoticeKind::Success,
            format!("Deleted {name} ({id})."),
        ));
    }

    pub(super) fn apply_uploads(&mut self, added: Vec<Certificate>, offered: usize) {
        let skipped = offered.saturating_sub(added.len());
        let text = match (added.len(), skipped) {
            (0, _) => {
                "Nothing was added: every certificate is already in the inventory.".to_string()
            }
            (1, 0) => format!("Added {}.", added[0].name),
            (n, 0) => format!("Added {n} certificates."),
            (n, s) => format!("Added {n} certificates; {s} already in the inventory were skipped."),
        };
        self.put(added);
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
}

/// Puts each certificate in place of the one with its ID, or appends it.
fn merge(inventory: &mut Inventory, certificates: Vec<Certificate>) {
    let mut at: HashMap<String, usize> = inventory
        .certificates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for cert in certificates {
        match at.get(&cert.id) {
            Some(&i) => inventory.certificates[i] = cert,
            None => {
                at.insert(cert.id.clone(), inventory.certificates.len());
                inventory.certificates.push(cert);
            }
        }
    }
}

/// What the user is told when a request goes to the CA.
pub(super) fn submitted_text(inventory: &Inventory, id: &str, remote: bool) -> String {
    let Some(cert) = inventory.find(id) else {
        return format!("Submitted {id} to the CA.");
    };
    let wait = match cert.spec.validation {
        _ if remote => "The list updates by itself when the CA has reviewed it",
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
