//! What components call: one method per user action. Each asks the backend,
//! dispatches the result for the reducer to apply, tells the host page
//! (`certdesk:…` events) and returns the result, so a panel can show what
//! happened next (no side channel through the state).

use serde_json::json;
use yew::UseReducerHandle;

use super::{Backend, BackendError, CertificateBackend, OrderPlaced};
use crate::platform::download::{download, file_stem};
use crate::platform::host::HostEvents;
use crate::rules::{Certificate, NotificationPolicy, OrderRequest, VerificationRecord};
use crate::store::{Action, AppState, Connection, Notice, NoticeKind};

/// The state, the backend chosen at mount and the host's event target.
#[derive(Clone)]
pub struct AppHandle {
    pub state: UseReducerHandle<AppState>,
    pub backend: Backend,
    pub host: HostEvents,
}

fn cert_detail(c: &Certificate) -> serde_json::Value {
    json!({
        "id": c.id,
        "name": c.name,
        "domains": c.domains,
        "kind": c.kind,
        "state": c.state,
        "notBefore": c.not_before,
        "notAfter": c.not_after,
    })
}

impl AppHandle {
    /// Tells the user and the host that `operation` failed.
    fn failed(&self, operation: &str, prefix: &str, error: &BackendError) {
        self.state.dispatch(Action::Notify(Notice::new(
            NoticeKind::Error,
            format!("{prefix}: {error}"),
        )));
        self.host.emit(
            "error",
            &json!({ "operation": operation, "message": format!("{prefix}: {error}") }),
        );
        // Someone else changed it first: show what the server holds now.
        if matches!(error, BackendError::Conflict(_) | BackendError::Refused(_))
            && self.backend.http().is_some()
        {
            let handle = self.clone();
            wasm_bindgen_futures::spawn_local(async move { handle.advance().await });
        }
    }

    /// The first load from the server (and the reload after it was unreachable).
    async fn load_remote(&self, http: &super::HttpBackend) {
        match Backend::load_remote(http).await {
            Ok((inventory, server_today)) => {
                self.host.emit(
                    "loaded",
                    &json!({ "api": http.api(), "certificates": inventory.certificates.len() }),
                );
                self.state.dispatch(Action::Loaded {
                    inventory,
                    server_today,
                });
            }
            Err(e) => self.connection_failed(&e),
        }
    }

    fn connection_failed(&self, error: &BackendError) {
        let connection = match error {
            BackendError::Denied(text) => Connection::Denied(text.clone()),
            BackendError::Unavailable(why) => Connection::Offline(why.clone()),
            other => Connection::Offline(other.to_string()),
        };
        self.state.dispatch(Action::Connection(connection));
    }

    /// "Renewal immediately" / "Buy Now".
    pub async fn place_order(
        &self,
        request: OrderRequest,
        csr_pem: Option<String>,
    ) -> Result<OrderPlaced, BackendError> {
        let (inventory, today) = (self.state.inventory.clone(), self.state.today());
        let result = self
            .backend
            .place_order(&inventory, &request, csr_pem, today)
            .await;
        match &result {
            Ok(placed) => {
                self.host.emit(
                    "order-placed",
                    &json!({
                        "orderId": placed.order.id,
                        "kind": placed.order.kind,
                        "original": placed.order.original,
                        "years": placed.order.years,
                        "certificates": placed.order.certificates,
                        "amountCents": placed.plan.payment.amount_cents,
                        "currency": placed.plan.payment.currency,
                    }),
                );
                self.state
                    .dispatch(Action::OrderPlaced(Box::new(placed.clone())));
            }
            Err(e) => self.failed("place-order", "Order not placed", e),
        }
        result
    }

    /// "Submit request": to the CA.
    pub async fn submit_application(&self, id: &str) -> Result<Certificate, BackendError> {
        let s = &self.state;
        let result = self
            .backend
            .submit_application(&s.inventory, id, s.today(), s.now_ms)
            .await;
        match &result {
            Ok(cert) => {
                self.host.emit("application-submitted", &cert_detail(cert));
                s.dispatch(Action::ApplicationSubmitted(Box::new(cert.clone())));
            }
            Err(e) => self.failed("submit-application", "Not submitted", e),
        }
        result
    }

    /// Lets the backend act up to the As of date and the wall clock (a
    /// server: reads what changed there).
    pub async fn advance(&self) {
        let s = &self.state;
        if let (Some(http), Some(remote)) = (self.backend.http(), &s.remote)
            && !remote.loaded()
        {
            return self.load_remote(http).await;
        }
        let result = self
            .backend
            .advance(&s.inventory, s.today(), s.now_ms)
            .await;
        if result.is_ok() && s.remote.is_some() {
            s.dispatch(Action::Connection(Connection::Online));
        }
        match result {
            Ok(changes) if changes.is_empty() => {}
            Ok(changes) => {
                for cert in &changes.certificates {
                    let before = s.inventory.find(&cert.id);
                    let newly = before.is_none_or(|b| {
                        b.not_before != cert.not_before
                            || b.state != crate::rules::LifecycleState::Issued
                    });
                    if cert.state == crate::rules::LifecycleState::Issued && newly {
                        self.host.emit("certificate-issued", &cert_detail(cert));
                    }
                }
                s.dispatch(Action::Advanced(changes));
            }
            Err(e) if s.remote.is_some() => self.connection_failed(&e),
            Err(e) => self.failed(
                "advance",
                "The lifecycle could not be brought up to date",
                &e,
            ),
        }
        if let Some(day) = self.backend.http().and_then(|h| h.server_today()) {
            s.dispatch(Action::ServerToday(day));
        }
    }

    pub async fn cancel(&self, id: &str) -> Result<(), BackendError> {
        let s = &self.state;
        let result = self.backend.cancel(&s.inventory, id, s.today()).await;
        match result {
            Ok(cancelled) => {
                let mut detail = cert_detail(&cancelled.certificate);
                detail["returned"] = json!({
                    "units": cancelled.returned.units,
                    "managedService": cancelled.returned.managed_service,
                });
                self.host.emit("certificate-cancelled", &detail);
                s.dispatch(Action::Cancelled(Box::new(cancelled)));
                Ok(())
            }
            Err(e) => {
                self.failed("cancel", "Not cancelled", &e);
                Err(e)
            }
        }
    }

    pub async fn delete(&self, id: &str) -> Result<(), BackendError> {
        let s = &self.state;
        let detail = s.inventory.find(id).map(cert_detail);
        match self.backend.delete(&s.inventory, id, s.today()).await {
            Ok(id) => {
                self.host.emit(
                    "certificate-deleted",
                    &detail.unwrap_or(json!({ "id": id })),
                );
                s.dispatch(Action::Deleted(id));
                Ok(())
            }
            Err(e) => {
                self.failed("delete", "Not deleted", &e);
                Err(e)
            }
        }
    }

    pub async fn sync_pca(&self, id: &str) -> Result<(), BackendError> {
        let s = &self.state;
        match self.backend.sync_pca(&s.inventory, id, s.today()).await {
            Ok(cert) => {
                self.host.emit("certificate-issued", &cert_detail(&cert));
                s.dispatch(Action::PcaSynced(Box::new(cert)));
                Ok(())
            }
            Err(e) => {
                self.failed("sync-pca", "Not synced", &e);
                Err(e)
            }
        }
    }

    /// Downloads the certificate file (leaf and chain, PEM). One this browser
    /// does not hold yet comes from the backend's CA and is kept.
    pub async fn download_file(&self, id: &str) {
        let Some(cert) = self.state.inventory.find(id).cloned() else {
            return;
        };
        let held = cert.pem.is_some();
        let result = self.backend.certificate_file(&cert).await.and_then(|pem| {
            download(
                &format!("{}.pem", file_stem(&cert.name)),
                "application/x-pem-file",
                &pem,
            )
            .map_err(BackendError::Refused)
            .map(|()| pem)
        });
        match result {
            Ok(pem) if !held => self.state.dispatch(Action::AttachFile {
                id: cert.id.clone(),
                pem,
                for_validity: cert.not_before.zip(cert.not_after),
            }),
            Ok(_) => {}
            Err(e) => {
                let what = format!("{} was not downloaded", cert.name);
                let text = e.to_string();
                self.failed(
                    "download",
                    &what,
                    &BackendError::Refused(text.trim_end_matches('.').to_string()),
                );
            }
        }
    }

    /// Adds uploaded certificates (one already listed is skipped).
    pub async fn add_uploads(&self, certificates: Vec<Certificate>) -> Result<(), BackendError> {
        let offered = certificates.len();
        match self
            .backend
            .add_uploads(&self.state.inventory, certificates)
            .await
        {
            Ok(added) => {
                self.state.dispatch(Action::Uploaded { added, offered });
                Ok(())
            }
            Err(e) => {
                self.failed("upload", "Nothing was added", &e);
                Err(e)
            }
        }
    }

    /// Keeps the verification walkthrough's verdict on the certificate.
    pub async fn record_verification(&self, id: &str, record: VerificationRecord) {
        match self
            .backend
            .record_verification(&self.state.inventory, id, record.clone())
            .await
        {
            Ok(cert) => {
                self.host.emit(
                    "verified",
                    &json!({
                        "id": cert.id,
                        "name": cert.name,
                        "on": record.on,
                        "passed": record.passed,
                        "summary": record.summary,
                    }),
                );
                self.state.dispatch(Action::Verified(Box::new(cert)));
            }
            Err(e) => self.failed("verify", "The verdict was not kept", &e),
        }
    }

    /// Saves a notification policy (a new one, or one with the same ID).
    pub async fn save_policy(&self, policy: NotificationPolicy) -> Result<(), BackendError> {
        match self
            .backend
            .save_policy(&self.state.inventory, policy)
            .await
        {
            Ok(saved) => {
                self.state.dispatch(Action::PolicySaved(Box::new(saved)));
                Ok(())
            }
            Err(e) => {
                self.failed("save-policy", "The policy was not saved", &e);
                Err(e)
            }
        }
    }

    pub async fn delete_policy(&self, id: &str) -> Result<(), BackendError> {
        match self.backend.delete_policy(&self.state.inventory, id).await {
            Ok(id) => {
                self.state.dispatch(Action::PolicyDeleted(id));
                Ok(())
            }
            Err(e) => {
                self.failed("delete-policy", "The policy was not deleted", &e);
                Err(e)
            }
        }
    }
}
