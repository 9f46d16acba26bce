//! The sandbox behind the async backend boundary: the engine's next
//! inventory turned into results (what was created, what changed), and the
//! sandbox CA's files for what it issued.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use chrono::NaiveDate;

use super::{Sandbox, ca};
use crate::backend::{BackendError, Cancelled, CertificateBackend, Changes, OrderPlaced};
use crate::lazy_chunk;
use crate::rules::{
    Certificate, KeyAlgorithm, LifecycleState, NotificationPolicy, OrderRequest,
    VerificationRecord, ordered_here, validate_policy,
};
use crate::store::inventory::Inventory;

type IssueFn =
    fn(Certificate, NaiveDate, NaiveDate) -> Pin<Box<dyn Future<Output = Result<String, String>>>>;

// The CA (WebCrypto keys, the certificate writer, CSR checks) comes with the
// first file it issues.
lazy_chunk!(static ISSUE: IssueFn = ca => (|cert, from, to| {
    Box::pin(async move { ca::issue(&cert, from, to, cert.csr.as_deref()).await })
}) as IssueFn);

type StepFn = fn(&Inventory, NaiveDate, i64) -> Option<super::Advanced>;

// The lifecycle engine's clock (reviews, Managed Service starts, reissues,
// deployment tasks) comes with the first tick, after the list is on screen.
lazy_chunk!(static STEP: StepFn = lifecycle => (|inventory, today, now_ms| {
    Sandbox.advance(inventory, today, now_ms)
}) as StepFn);

/// The in-browser sandbox: no network, no money, nothing trusted by browsers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SandboxBackend;

/// Issued by the sandbox CA's review (or reissued in its term) and still without its file.
fn needs_file(cert: &Certificate) -> bool {
    cert.state == LifecycleState::Issued
        && cert.pem.is_none()
        && cert.applied_on.is_some()
        && cert.not_before.is_some()
}

fn certificate(inventory: &Inventory, id: &str) -> Result<Certificate, BackendError> {
    inventory
        .find(id)
        .cloned()
        .ok_or_else(|| BackendError::NotFound(id.to_string()))
}

impl CertificateBackend for SandboxBackend {
    async fn place_order(
        &self,
        inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        today: NaiveDate,
    ) -> Result<OrderPlaced, BackendError> {
        let placed = Sandbox.submit_order(inventory, request, csr_pem, today)?;
        let certificates = placed
            .order
            .certificates
            .iter()
            .filter_map(|id| placed.inventory.find(id).cloned())
            .collect();
        Ok(OrderPlaced {
            certificates,
            quotas: placed.inventory.quotas.clone(),
            order: placed.order,
            plan: placed.plan,
        })
    }

    async fn submit_application(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Certificate, BackendError> {
        let next = Sandbox.submit_application(inventory, id, today, now_ms)?;
        certificate(&next, id)
    }

    async fn advance(
        &self,
        inventory: &Inventory,
        today: NaiveDate,
        now_ms: i64,
    ) -> Result<Changes, BackendError> {
        let step = STEP
            .get()
            .await
            .map_err(|e| BackendError::Unavailable(e.to_string()))?;
        let Some(done) = step(inventory, today, now_ms) else {
            return Ok(Changes::default());
        };
        let before: HashMap<&str, &Certificate> = inventory
            .certificates
            .iter()
            .map(|c| (c.id.as_str(), c))
            .collect();
        let mut changes = Changes {
            certificates: Vec::new(),
            events: done.events,
            failures: done.failures,
            ..Changes::default()
        };
        for cert in done.inventory.certificates {
            if before.get(cert.id.as_str()) == Some(&&cert) {
                continue;
            }
            let mut cert = cert;
            if needs_file(&cert) {
                // The real X.509 file, with exactly the validity the rules computed.
                match self.certificate_file(&cert).await {
                    Ok(pem) => cert.pem = Some(pem),
                    Err(e) => changes.failures.push(format!(
                        "The sandbox CA could not make the certificate file of {} ({}): {e}. Download it later from the certificate's menu.",
                        cert.name, cert.id
                    )),
                }
            }
            changes.certificates.push(cert);
        }
        Ok(changes)
    }

    async fn cancel(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Cancelled, BackendError> {
        let (next, returned) = Sandbox.cancel(inventory, id, today)?;
        Ok(Cancelled {
            certificate: certificate(&next, id)?,
            quotas: next.quotas,
            returned,
        })
    }

    async fn delete(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<String, BackendError> {
        Sandbox.delete(inventory, id, today).map(|c| c.id)
    }

    async fn sync_pca(
        &self,
        inventory: &Inventory,
        id: &str,
        today: NaiveDate,
    ) -> Result<Certificate, BackendError> {
        let next = Sandbox.sync_pca(inventory, id, today)?;
        certificate(&next, id)
    }

    async fn certificate_file(&self, cert: &Certificate) -> Result<String, BackendError> {
        if let Some(pem) = &cert.pem {
            return Ok(pem.clone());
        }
        let (Some(from), Some(to)) = (cert.not_before, cert.not_after) else {
            return Err(BackendError::Refused(
                "it has not been issued yet".to_string(),
            ));
        };
        if !ordered_here(cert) {
            return Err(BackendError::Refused(
                "no certificate file is kept in this browser for it".to_string(),
            ));
        }
        if cert.key_algorithm == KeyAlgorithm::Sm2 && cert.csr.is_none() {
            return Err(BackendError::Refused(
                "SM2 is not available: the sandbox CA runs on WebCrypto, which has no SM2"
                    .to_string(),
            ));
        }
        let issue = ISSUE
            .get()
            .await
            .map_err(|e| BackendError::Ca(e.to_string()))?;
        issue(cert.clone(), from, to)
            .await
            .map_err(BackendError::Ca)
    }

    async fn add_uploads(
        &self,
        inventory: &Inventory,
        certificates: Vec<Certificate>,
    ) -> Result<Vec<Certificate>, BackendError> {
        let mut seen: std::collections::HashSet<String> = inventory
            .certificates
            .iter()
            .map(|c| c.id.clone())
            .collect();
        Ok(certificates
            .into_iter()
            .filter(|c| seen.insert(c.id.clone()))
            .collect())
    }

    async fn record_verification(
        &self,
        inventory: &Inventory,
        id: &str,
        record: VerificationRecord,
    ) -> Result<Certificate, BackendError> {
        let mut cert = certificate(inventory, id)?;
        cert.verified = Some(record);
        Ok(cert)
    }

    async fn save_policy(
        &self,
        _inventory: &Inventory,
        policy: NotificationPolicy,
    ) -> Result<NotificationPolicy, BackendError> {
        validate_policy(&policy).map_err(|_| {
            BackendError::Refused(
                "the policy has fields to correct (they are marked in the form)".into(),
            )
        })?;
        Ok(policy)
    }

    async fn delete_policy(&self, inventory: &Inventory, id: &str) -> Result<String, BackendError> {
        inventory
            .policies
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.id.clone())
            .ok_or_else(|| BackendError::Refused(format!("the policy {id} is no longer there")))
    }
}
