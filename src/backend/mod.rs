//! The backend boundary: what a real console's server does (the CA, payment,
//! the Managed Service), behind one async trait.
//!
//! Every operation returns a result, never a whole inventory: placing an
//! order returns the order and its certificates, advancing returns the
//! certificates that changed. The reducer (`store::AppState`) only applies
//! those results; [`commands::AppHandle`] is what components call: it asks
//! the backend, dispatches the result and tells the host page
//! (`platform::host`). The backend is chosen once, at mount
//! (`components::context::use_backend`); the in-browser [`sandbox`] is the default.

pub mod commands;
pub mod sandbox;

use chrono::NaiveDate;
use thiserror::Error;

use crate::rules::{
    Certificate, NotificationPolicy, OrderPlan, OrderRequest, QuotaReturn, Quotas,
    VerificationRecord,
};
use crate::store::inventory::{Inventory, Order};

pub use sandbox::SandboxBackend;

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
}

/// An order that was placed: the order, the certificates it created (to be
/// listed below their original) and the quotas after payment.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderPlaced {
    pub order: Order,
    pub certificates: Vec<Certificate>,
    pub quotas: Quotas,
    pub plan: OrderPlan,
}

/// What moved when time moved on: the certificates that changed (each whole,
/// replacing the one with its ID), one sentence per event, and failures the
/// user must be told of as errors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub certificates: Vec<Certificate>,
    pub events: Vec<String>,
    pub failures: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty() && self.events.is_empty() && self.failures.is_empty()
    }
}

/// A cancelled certificate, the quotas after, and what was given back.
#[derive(Clone, Debug, PartialEq)]
pub struct Cancelled {
    pub certificate: Certificate,
    pub quotas: Quotas,
    pub returned: QuotaReturn,
}

/// The operations of a certificate console's server. `inventory` is what this
/// page shows (the sandbox works on it; a server has its own and may ignore it).
#[allow(async_fn_in_trait)] // Used through the `Backend` enum, never as `dyn`.
pub trait CertificateBackend {
    /// "Renewal immediately" / "Buy Now": pays (quota first, then the
    /// shortfall) and creates the order's certificates under the original.
    async fn place_order(
        &self,
        inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        today: NaiveDate,
    ) -> Result<OrderPlaced, BackendError>;

    /// "Submit request": a Pending Application (or a failed one, fixed) goes to the CA.
    async fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Certificate, BackendError>;

    /// Brings every lifecycle up to `today`: review outcomes, Managed Service
    /// starts, in-term reissues, deployment tasks, and the issued files.
    async fn advance(
        &self,
        inventory: &Inventory,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Changes, BackendError>;

    async fn cancel(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Cancelled, BackendError>;

    /// Deletes a certificate the rules allow deleting; returns its ID.
    async fn delete(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<String, BackendError>;

    /// "Reissue the PCA certificate and then Sync to SSL Certificate".
    async fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Certificate, BackendError>;

    /// The certificate file (leaf and chain, PEM) of a certificate issued here.
    async fn certificate_file(&self, cert: &Certificate) -> Result<String, BackendError>;

    /// Adds uploaded certificates; returns those added (one already listed is skipped).
    async fn add_uploads(
        &self,
        inventory: &Inventory,
        certificates: Vec<Certificate>,
    ) -> Result<Vec<Certificate>, BackendError>;

    /// Keeps the verification walkthrough's verdict on the certificate.
    async fn record_verification(
        &self,
        inventory: &Inventory,
        id: &str,
        record: VerificationRecord,
    ) -> Result<Certificate, BackendError>;

    /// Saves a notification policy (checked with the same rules as the form).
    async fn save_policy(
        &self,
        inventory: &Inventory,
        policy: NotificationPolicy,
    ) -> Result<NotificationPolicy, BackendError>;

    /// Deletes a notification policy; returns its ID.
    async fn delete_policy(&self, inventory: &Inventory, id: &str) -> Result<String, BackendError>;
}

/// The backend an instance was mounted with.
#[derive(Clone, Debug, PartialEq)]
pub enum Backend {
    /// The in-browser sandbox CA and payment (the default).
    Sandbox(SandboxBackend),
}

impl Default for Backend {
    fn default() -> Self {
        Backend::Sandbox(SandboxBackend)
    }
}

impl Backend {
    /// Shown next to what the backend does ("Sandbox CA", "Sandbox payment").
    pub fn is_sandbox(&self) -> bool {
        matches!(self, Backend::Sandbox(_))
    }
}

macro_rules! delegate {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            Backend::Sandbox($b) => $call,
        }
    };
}

impl CertificateBackend for Backend {
    async fn place_order(
        &self,
        inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        today: NaiveDate,
    ) -> Result<OrderPlaced, BackendError> {
        delegate!(self, b => b.place_order(inventory, request, csr_pem, today).await)
    }

    async fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Certificate, BackendError> {
        delegate!(self, b => b.submit_application(inventory, id, today, now_ms).await)
    }

    async fn advance(
        &self,
        inventory: &Inventory,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Changes, BackendError> {
        delegate!(self, b => b.advance(inventory, today, now_ms).await)
    }

    async fn cancel(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Cancelled, BackendError> {
        delegate!(self, b => b.cancel(inventory, id, today).await)
    }

    async fn delete(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<String, BackendError> {
        delegate!(self, b => b.delete(inventory, id, today).await)
    }

    async fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Certificate, BackendError> {
        delegate!(self, b => b.sync_pca(inventory, id, today).await)
    }

    async fn certificate_file(&self, cert: &Certificate) -> Result<String, BackendError> {
        delegate!(self, b => b.certificate_file(cert).await)
    }

    async fn add_uploads(
        &self,
        inventory: &Inventory,
        certificates: Vec<Certificate>,
    ) -> Result<Vec<Certificate>, BackendError> {
        delegate!(self, b => b.add_uploads(inventory, certificates).await)
    }

    async fn record_verification(
        &self,
        inventory: &Inventory,
        id: &str,
        record: VerificationRecord,
    ) -> Result<Certificate, BackendError> {
        delegate!(self, b => b.record_verification(inventory, id, record).await)
    }

    async fn save_policy(
        &self,
        inventory: &Inventory,
        policy: NotificationPolicy,
    ) -> Result<NotificationPolicy, BackendError> {
        delegate!(self, b => b.save_policy(inventory, policy).await)
    }

    async fn delete_policy(&self, inventory: &Inventory, id: &str) -> Result<String, BackendError> {
        delegate!(self, b => b.delete_policy(inventory, id).await)
    }
}
