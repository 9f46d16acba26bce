//! The inventory: everything Certdesk keeps for an account. The app persists
//! it (inside the versioned envelope of its `persist` module) and exports it;
//! the server keeps it in its database, one row per record.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rules::{Certificate, NotificationPolicy, OrderKind, Payment, PriceTable, Quotas};
use certdesk_rules::sort;

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
    #[serde(default)]
    pub sandbox: SandboxSettings,
    /// Notification policies (who is told what, when, how).
    #[serde(default)]
    pub policies: Vec<NotificationPolicy>,
}

/// Switches of the local sandbox CA, so every path can be walked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxSettings {
    /// The next CA review ends in Validation Failed.
    #[serde(default)]
    pub fail_next_review: bool,
    /// The next managed deployment task fails.
    #[serde(default)]
    pub fail_next_deployment: bool,
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
        sort::sort_by_key(&mut children, |c| {
            c.association
                .as_ref()
                .map(|a| (a.order.clone(), a.position))
        });
        children
    }
}

/// Lookups by ID and by (order, position), built once for many questions.
pub struct Links {
    pub by_id: HashMap<String, usize>,
    by_order: HashMap<(String, u8), usize>,
}

impl Inventory {
    pub fn links(&self) -> Links {
        let mut links = Links {
            by_id: HashMap::with_capacity(self.certificates.len()),
            by_order: HashMap::new(),
        };
        for (i, c) in self.certificates.iter().enumerate() {
            links.by_id.insert(c.id.clone(), i);
            if let Some(a) = &c.association {
                links.by_order.insert((a.order.clone(), a.position), i);
            }
        }
        links
    }

    /// The certificate a Not Activated one follows (the rule is
    /// `rules::predecessor_with`; `links` makes each lookup O(1)).
    pub fn predecessor_with<'a>(
        &'a self,
        links: &Links,
        cert: &Certificate,
    ) -> Option<&'a Certificate> {
        let get = |i: Option<&usize>| i.and_then(|&i| self.certificates.get(i));
        crate::rules::predecessor_with(
            cert,
            |order, position| get(links.by_order.get(&(order.to_string(), position))),
            |id| get(links.by_id.get(id)),
        )
    }

    /// [`Inventory::predecessor_with`] for a single question.
    pub fn predecessor(&self, cert: &Certificate) -> Option<&Certificate> {
        self.predecessor_with(&self.links(), cert)
    }

    /// The original a certificate was created under.
    pub fn original_with<'a>(
        &'a self,
        links: &Links,
        cert: &Certificate,
    ) -> Option<&'a Certificate> {
        let id = &cert.association.as_ref()?.original;
        links.by_id.get(id).and_then(|&i| self.certificates.get(i))
    }
}

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
