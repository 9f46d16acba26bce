//! The inventory: everything Certdesk keeps for an account. This is what is
//! persisted (inside the versioned envelope of `persist`) and exported.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rules::{Certificate, OrderKind, Payment, PriceTable, Quotas};

/// A placed order: a renewal or purchase and the certificates it created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub placed_on: NaiveDate,
    pub kind: OrderKind,
    /// The certificate the order was placed on (None for a new purchase).
    pub original: Option<String>,
    pub years: u8,
    /// Ids of the certificates the order created, in position order.
    pub certificates: Vec<String>,
    /// What was taken from the quotas and what was paid.
    pub payment: Payment,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inventory {
    pub certificates: Vec<Certificate>,
    #[serde(default)]
    pub quotas: Quotas,
    #[serde(default)]
    pub prices: PriceTable,
    #[serde(default)]
    pub orders: Vec<Order>,
}

impl Inventory {
    pub fn find(&self, id: &str) -> Option<&Certificate> {
        self.certificates.iter().find(|c| c.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.certificates.iter().position(|c| c.id == id)
    }

    /// The certificates created under `id` by its orders, in position order.
    pub fn associated(&self, id: &str) -> Vec<&Certificate> {
        let mut children: Vec<&Certificate> = self
            .certificates
            .iter()
            .filter(|c| c.association.as_ref().is_some_and(|a| a.original == id))
            .collect();
        children.sort_by_key(|c| {
            c.association
                .as_ref()
                .map(|a| (a.order.clone(), a.position))
        });
        children
    }
}

impl Inventory {
    /// The certificate a Not Activated one follows: the nearest earlier
    /// certificate of its order that was not cancelled, else its original.
    pub fn predecessor(&self, cert: &Certificate) -> Option<&Certificate> {
        let assoc = cert.association.as_ref()?;
        self.certificates
            .iter()
            .filter(|c| {
                c.association
                    .as_ref()
                    .is_some_and(|a| a.order == assoc.order && a.position < assoc.position)
                    && c.state != crate::rules::LifecycleState::Cancelled
            })
            .max_by_key(|c| c.association.as_ref().map(|a| a.position))
            .or_else(|| self.find(&assoc.original))
    }
}
