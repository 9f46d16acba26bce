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
pub mod http;
pub mod sandbox;

use chrono::NaiveDate;

use crate::rules::{Certificate, NotificationPolicy, OrderRequest, VerificationRecord};
use crate::store::inventory::Inventory;

pub use http::{HttpBackend, HttpConfig};
pub use sandbox::SandboxBackend;

pub use certdesk_engine::{BackendError, Cancelled, Changes, OrderPlaced};

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
    /// A server that implements the REST contract (`docs/api.md`).
    Http(HttpBackend),
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

    /// The server, when this instance works against one.
    pub fn http(&self) -> Option<&HttpBackend> {
        match self {
            Backend::Http(http) => Some(http),
            Backend::Sandbox(_) => None,
        }
    }

    /// Everything the server holds for the account (the first load).
    pub async fn load_remote(http: &HttpBackend) -> Result<(Inventory, NaiveDate), BackendError> {
        (http_calls().await?.load)(http).await
    }
}

/// The server's calls, loaded with the first one: a page on the in-browser
/// sandbox never downloads the REST client.
async fn http_calls() -> Result<http::HttpCalls, BackendError> {
    http::CALLS
        .get()
        .await
        .map_err(|e| BackendError::Unavailable(e.to_string()))
}

macro_rules! delegate {
    ($self:ident, $method:ident($($arg:expr),*)) => {
        match $self {
            Backend::Sandbox(b) => b.$method($($arg),*).await,
            Backend::Http(b) => (http_calls().await?.$method)(b, $($arg),*).await,
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
        delegate!(self, place_order(inventory, request, csr_pem, today))
    }

    async fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Certificate, BackendError> {
        delegate!(self, submit_application(inventory, id, today, now_ms))
    }

    async fn advance(
        &self,
        inventory: &Inventory,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Changes, BackendError> {
        delegate!(self, advance(inventory, today, now_ms))
    }

    async fn cancel(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Cancelled, BackendError> {
        delegate!(self, cancel(inventory, id, today))
    }

    async fn delete(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<String, BackendError> {
        delegate!(self, delete(inventory, id, today))
    }

    async fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Certificate, BackendError> {
        delegate!(self, sync_pca(inventory, id, today))
    }

    async fn certificate_file(&self, cert: &Certificate) -> Result<String, BackendError> {
        delegate!(self, certificate_file(cert))
    }

    async fn add_uploads(
        &self,
        inventory: &Inventory,
        certificates: Vec<Certificate>,
    ) -> Result<Vec<Certificate>, BackendError> {
        delegate!(self, add_uploads(inventory, certificates))
    }

    async fn record_verification(
        &self,
        inventory: &Inventory,
        id: &str,
        record: VerificationRecord,
    ) -> Result<Certificate, BackendError> {
        delegate!(self, record_verification(inventory, id, record))
    }

    async fn save_policy(
        &self,
        inventory: &Inventory,
        policy: NotificationPolicy,
    ) -> Result<NotificationPolicy, BackendError> {
        delegate!(self, save_policy(inventory, policy))
    }

    async fn delete_policy(&self, inventory: &Inventory, id: &str) -> Result<String, BackendError> {
        delegate!(self, delete_policy(inventory, id))
    }
}
