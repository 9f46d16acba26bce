//! The domain-validation clock over the inventory: which Not Activated
//! certificates follow which (their Managed Service starts are planned
//! issuances of the one before), and the newest validation of each domain
//! anywhere in the account (a validation is the account's, not one record's).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::inventory::Inventory;
use crate::rules::{
    Certificate, DomainClock, DomainValidation, LifecycleState, planned_issuances,
    validation_clock, validation_due_within,
};

/// The list filter's window: "needs validation within 30 days".
pub const VALIDATION_DUE_WINDOW_DAYS: i64 = 30;

/// Facts shared by every certificate's clock, computed once per inventory.
pub struct ClockInputs<'a> {
    inventory: &'a Inventory,
    /// Index of a certificate -> the Not Activated ones that follow it.
    successors: HashMap<usize, Vec<usize>>,
    /// The newest recorded validation of each domain (lower case) in the account.
    known: HashMap<String, DomainValidation>,
}

impl<'a> ClockInputs<'a> {
    pub fn new(inventory: &'a Inventory) -> Self {
        let links = inventory.links();
        let mut successors: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut known: HashMap<String, DomainValidation> = HashMap::new();
        for (i, cert) in inventory.certificates.iter().enumerate() {
            if cert.state == LifecycleState::NotActivated
                && let Some(prev) = inventory.predecessor_with(&links, cert)
                && let Some(&p) = links.by_id.get(&prev.id)
            {
                successors.entry(p).or_default().push(i);
            }
            for v in &cert.validations {
                let entry = known.entry(v.domain.to_ascii_lowercase());
                entry
                    .and_modify(|old| {
                        if v.validated_on > old.validated_on {
                            *old = v.clone();
                        }
                    })
                    .or_insert_with(|| v.clone());
            }
        }
        ClockInputs {
            inventory,
            successors,
            known,
        }
    }

    /// The clock of each domain of the certificate at `index`.
    pub fn clocks(&self, index: usize, today: NaiveDate) -> Vec<DomainClock> {
        let certs = &self.inventory.certificates;
        let Some(cert) = certs.get(index) else {
            return Vec::new();
        };
        let next: Vec<&Certificate> = self
            .successors
            .get(&index)
            .into_iter()
            .flatten()
            .filter_map(|&i| certs.get(i))
            .collect();
        let planned = planned_issuances(cert, &next, today);
        let known: Vec<DomainValidation> = cert
            .domains
            .iter()
            .filter_map(|d| self.known.get(&d.to_ascii_lowercase()).cloned())
            .collect();
        validation_clock(cert, &planned, &known)
    }

    /// The day a fresh validation is needed by, when within the filter's window.
    pub fn due_within_window(&self, index: usize, today: NaiveDate) -> Option<NaiveDate> {
        // Only issued certificates have planned issuances to validate for.
        let cert = self.inventory.certificates.get(index)?;
        if cert.state != LifecycleState::Issued {
            return None;
        }
        validation_due_within(
            &self.clocks(index, today),
            today,
            VALIDATION_DUE_WINDOW_DAYS,
        )
    }
}

/// The clock of one certificate of `inventory` (certificate details).
pub fn clocks_of(inventory: &Inventory, id: &str, today: NaiveDate) -> Vec<DomainClock> {
    inventory
        .certificates
        .iter()
        .position(|c| c.id == id)
        .map(|i| ClockInputs::new(inventory).clocks(i, today))
        .unwrap_or_default()
}
