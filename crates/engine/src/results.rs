//! What a backend answers: results (never a whole inventory) and errors
//! that say what is wrong and what to do next.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::inventory::Order;
use crate::rules::{Certificate, NotificationPolicy, OrderPlan, QuotaReturn, Quotas};

/// Why the backend did not do what was asked. Every message says what is
/// wrong and what to do next.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BackendError {
    /// The rules refuse it now; the reason says why and what would allow it.
    #[error("{0}")]
    Refused(String),
    /// The certificate is gone (deleted here or in another tab).
    #[error("certificate {0} is no longer in the inventory: reload the list and try again")]
    NotFound(String),
    /// The CA could not make a certificate file.
    #[error("the CA could not make the certificate file: {0}")]
    Ca(String),
    /// The backend cannot be reached or failed; nothing was changed.
    #[error("the service is unavailable ({0}); nothing was changed: try again in a moment")]
    Unavailable(String),
    /// Someone else changed it first (another user or tab): nothing was
    /// changed here; the message says what changed.
    #[error("{0}")]
    Conflict(String),
    /// The server refused the credentials or the permission (401/403/413…):
    /// the message says what to do.
    #[error("{0}")]
    Denied(String),
}

/// An order that was placed: the order, the certificates it created (to be
/// listed below their original) and the quotas after payment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderPlaced {
    pub order: Order,
    pub certificates: Vec<Certificate>,
    pub quotas: Quotas,
    pub plan: OrderPlan,
}

/// What moved when time moved on (or, from a server, what other users and
/// the server's scheduler changed): the certificates that changed (each
/// whole, replacing the one with its ID), one sentence per event, and
/// failures the user must be told of as errors. The sandbox fills only the
/// first three; a server's change feed may fill the rest.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    pub certificates: Vec<Certificate>,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub failures: Vec<String>,
    /// IDs of certificates deleted elsewhere.
    #[serde(default)]
    pub deleted: Vec<String>,
    /// The quotas, when they changed.
    #[serde(default)]
    pub quotas: Option<Quotas>,
    /// Orders placed elsewhere (or changed).
    #[serde(default)]
    pub orders: Vec<Order>,
    /// Notification policies saved elsewhere, and IDs of those deleted.
    #[serde(default)]
    pub policies: Vec<NotificationPolicy>,
    #[serde(default)]
    pub deleted_policies: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty()
            && self.events.is_empty()
            && self.failures.is_empty()
            && self.deleted.is_empty()
            && self.quotas.is_none()
            && self.orders.is_empty()
            && self.policies.is_empty()
            && self.deleted_policies.is_empty()
    }
}

/// A cancelled certificate, the quotas after, and what was given back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cancelled {
    pub certificate: Certificate,
    pub quotas: Quotas,
    pub returned: QuotaReturn,
}
