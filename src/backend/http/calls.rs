//! One method per operation of the contract (`docs/api.md`), and the
//! snapshot a page loads first.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use certdesk_api::{self as api, Account, ChangeFeed, Entry, Page, PlaceOrder};
use chrono::NaiveDate;

use super::{Call, HttpBackend, encode};
use crate::backend::{
    BackendError, Cancelled, CertificateBackend, Changes, OrderPlaced, SandboxBackend,
};
use crate::lazy_chunk;
use crate::rules::{Certificate, NotificationPolicy, OrderRequest, VerificationRecord};
use crate::store::inventory::{Inventory, SandboxSettings};

fn cert_path(id: &str) -> String {
    format!("/certificates/{}", encode(id))
}

impl HttpBackend {
    /// Everything the account holds: the account, then every page of certificates.
    pub async fn load(&self) -> Result<(Inventory, NaiveDate), BackendError> {
        let account: Account = self.get("/account").await?;
        let mut certificates = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                None => format!("/certificates?limit={}", api::MAX_PAGE),
                Some(c) => format!("/certificates?limit={}&cursor={}", api::MAX_PAGE, encode(c)),
            };
            let page: Page = self.get(&path).await?;
            for entry in page.items {
                self.remember(&entry);
                certificates.push(entry.certificate);
            }
            match page.next {
                Some(next) if cursor.as_ref() != Some(&next) => cursor = Some(next),
                _ => break,
            }
        }
        self.inner.cursor.set(account.cursor);
        self.inner.server_today.set(Some(account.today));
        let inventory = Inventory {
            certificates,
            quotas: account.quotas,
            prices: account.prices,
            orders: account.orders,
            sandbox: SandboxSettings::default(),
            policies: account.policies,
        };
        Ok((inventory, account.today))
    }

    fn entries(&self, entries: Vec<Entry>) -> Vec<Certificate> {
        entries
            .into_iter()
            .map(|e| {
                self.remember(&e);
                e.certificate
            })
            .collect()
    }

    /// The whole account again, as the changes from what this page shows.
    async fn reload_as_changes(&self, shown: &Inventory) -> Result<Changes, BackendError> {
        let (loaded, _) = self.load().await?;
        let kept: HashSet<&str> = loaded.certificates.iter().map(|c| c.id.as_str()).collect();
        let policies: HashSet<&str> = loaded.policies.iter().map(|p| p.id.as_str()).collect();
        Ok(Changes {
            deleted: shown
                .certificates
                .iter()
                .filter(|c| !kept.contains(c.id.as_str()))
                .map(|c| c.id.clone())
                .collect(),
            deleted_policies: shown
                .policies
                .iter()
                .filter(|p| !policies.contains(p.id.as_str()))
                .map(|p| p.id.clone())
                .collect(),
            quotas: Some(loaded.quotas.clone()),
            certificates: loaded
                .certificates
                .into_iter()
                .filter(|c| shown.find(&c.id) != Some(c))
                .collect(),
            orders: loaded.orders,
            policies: loaded.policies,
            ..Changes::default()
        })
    }
}

impl CertificateBackend for HttpBackend {
    async fn place_order(
        &self,
        _inventory: &Inventory,
        request: &OrderRequest,
        csr_pem: Option<String>,
        _today: NaiveDate,
    ) -> Result<OrderPlaced, BackendError> {
        let body = PlaceOrder {
            request: request.clone(),
            csr_pem,
        };
        let placed: api::Placed = self.post("/orders", &body, None).await?;
        Ok(OrderPlaced {
            certificates: self.entries(placed.certificates),
            order: placed.order,
            quotas: placed.quotas,
            plan: placed.plan,
        })
    }

    async fn submit_application(
        &self,
        _inventory: &Inventory,
        id: &str,
        _today: NaiveDate,
        _now_ms: i64,
    ) -> Result<Certificate, BackendError> {
        let version = self.if_match(id).await?;
        let path = format!("{}/application", cert_path(id));
        let entry: Entry = self
            .post(&path, &serde_json::json!({}), Some(version))
            .await?;
        Ok(self.entries(vec![entry]).remove(0))
    }

    /// Reads what changed on the server since this page last looked; never
    /// makes the server act (the As of date is a what-if view).
    async fn advance(
        &self,
        inventory: &Inventory,
        _today: NaiveDate,
        _now_ms: i64,
    ) -> Result<Changes, BackendError> {
        let path = format!("/changes?since={}", self.inner.cursor.get());
        let call = Call {
            gone_is_an_answer: true,
            ..Call::default()
        };
        let answer = self.send("GET", &path, &call).await?;
        // 410: the server no longer holds this page's cursor; read everything again.
        if answer.status == 410 {
            return self.reload_as_changes(inventory).await;
        }
        let feed: ChangeFeed = self.read(&answer)?;
        self.inner.cursor.set(feed.cursor);
        if feed.today.is_some() {
            self.inner.server_today.set(feed.today);
        }
        for id in &feed.deleted {
            self.forget(id);
        }
        Ok(Changes {
            certificates: self
                .entries(feed.certificates)
                .into_iter()
                .filter(|c| inventory.find(&c.id) != Some(c))
                .collect(),
            events: feed.events,
            failures: feed.failures,
            deleted: feed
                .deleted
                .into_iter()
                .filter(|id| inventory.find(id).is_some())
                .collect(),
            quotas: feed.quotas.filter(|q| *q != inventory.quotas),
            orders: feed
                .orders
                .into_iter()
                .filter(|o| !inventory.orders.contains(o))
                .collect(),
            policies: feed
                .policies
                .into_iter()
                .filter(|p| !inventory.policies.contains(p))
                .collect(),
            deleted_policies: feed
                .deleted_policies
                .into_iter()
                .filter(|id| inventory.policies.iter().any(|p| &p.id == id))
                .collect(),
        })
    }

    async fn cancel(
        &self,
        _inventory: &Inventory,
        id: &str,
        _today: NaiveDate,
    ) -> Result<Cancelled, BackendError> {
        let version = self.if_match(id).await?;
        let path = format!("{}/cancel", cert_path(id));
        let done: api::Cancelled = self
            .post(&path, &serde_json::json!({}), Some(version))
            .await?;
        Ok(Cancelled {
            certificate: self.entries(vec![done.certificate]).remove(0),
            quotas: done.quotas,
            returned: done.returned,
        })
    }

    async fn delete(
        &self,
        _inventory: &Inventory,
        id: &str,
        _today: NaiveDate,
    ) -> Result<String, BackendError> {
        let call = Call {
            if_match: Some(self.if_match(id).await?),
            ..Call::default()
        };
        self.send("DELETE", &cert_path(id), &call).await?;
        self.forget(id);
        Ok(id.to_string())
    }

    async fn sync_pca(
        &self,
        _inventory: &Inventory,
        id: &str,
        _today: NaiveDate,
    ) -> Result<Certificate, BackendError> {
        let version = self.if_match(id).await?;
        let path = format!("{}/pca-sync", cert_path(id));
        let entry: Entry = self
            .post(&path, &serde_json::json!({}), Some(version))
            .await?;
        Ok(self.entries(vec![entry]).remove(0))
    }

    async fn certificate_file(&self, cert: &Certificate) -> Result<String, BackendError> {
        if let Some(pem) = &cert.pem {
            return Ok(pem.clone());
        }
        let path = format!("{}/file", cert_path(&cert.id));
        Ok(self.send("GET", &path, &Call::default()).await?.body)
    }

    async fn add_uploads(
        &self,
        _inventory: &Inventory,
        certificates: Vec<Certificate>,
    ) -> Result<Vec<Certificate>, BackendError> {
        let files: Vec<api::UploadFile> = certificates
            .iter()
            .filter_map(|c| {
                c.pem.as_ref().map(|pem| api::UploadFile {
                    name: c.name.clone(),
                    content: pem.clone(),
                    base64: false,
                })
            })
            .collect();
        if files.is_empty() {
            return Err(BackendError::Refused(
                "there is no certificate file to send to the server".into(),
            ));
        }
        let done: api::Uploaded = self.post("/uploads", &api::Upload { files }, None).await?;
        if done.added.is_empty() && !done.refused.is_empty() {
            let reasons: Vec<String> = done
                .refused
                .iter()
                .map(|r| format!("{}: {}", r.name, r.reason))
                .collect();
            return Err(BackendError::Refused(format!(
                "the server refused it ({})",
                reasons.join("; ")
            )));
        }
        Ok(self.entries(done.added))
    }

    async fn record_verification(
        &self,
        _inventory: &Inventory,
        id: &str,
        record: VerificationRecord,
    ) -> Result<Certificate, BackendError> {
        let call = Call {
            body: Some(self.write(&record)?),
            if_match: Some(self.if_match(id).await?),
            ..Call::default()
        };
        let answer = self
            .send("PUT", &format!("{}/verification", cert_path(id)), &call)
            .await?;
        let entry: Entry = self.read(&answer)?;
        Ok(self.entries(vec![entry]).remove(0))
    }

    async fn save_policy(
        &self,
        inventory: &Inventory,
        policy: NotificationPolicy,
    ) -> Result<NotificationPolicy, BackendError> {
        // The same checks as the form, before the round trip.
        SandboxBackend
            .save_policy(inventory, policy.clone())
            .await?;
        let call = Call {
            body: Some(self.write(&policy)?),
            ..Call::default()
        };
        let answer = self
            .send("PUT", &format!("/policies/{}", encode(&policy.id)), &call)
            .await?;
        self.read(&answer)
    }

    async fn delete_policy(
        &self,
        _inventory: &Inventory,
        id: &str,
    ) -> Result<String, BackendError> {
        self.send(
            "DELETE",
            &format!("/policies/{}", encode(id)),
            &Call::default(),
        )
        .await?;
        Ok(id.to_string())
    }
}

type Fut<'a, T> = Pin<Box<dyn Future<Output = Result<T, BackendError>> + 'a>>;

/// The REST client as a table of calls, so that it is a chunk of its own
/// (`crate::chunks`): `Backend` calls through it.
#[derive(Clone, Copy)]
pub struct HttpCalls {
    pub load: for<'a> fn(&'a HttpBackend) -> Fut<'a, (Inventory, NaiveDate)>,
    pub place_order: for<'a> fn(
        &'a HttpBackend,
        &'a Inventory,
        &'a OrderRequest,
        Option<String>,
        NaiveDate,
    ) -> Fut<'a, OrderPlaced>,
    pub submit_application:
        for<'a> fn(&'a HttpBackend, &'a Inventory, &'a str, NaiveDate, i64) -> Fut<'a, Certificate>,
    pub advance: for<'a> fn(&'a HttpBackend, &'a Inventory, NaiveDate, i64) -> Fut<'a, Changes>,
    pub cancel:
        for<'a> fn(&'a HttpBackend, &'a Inventory, &'a str, NaiveDate) -> Fut<'a, Cancelled>,
    pub delete: for<'a> fn(&'a HttpBackend, &'a Inventory, &'a str, NaiveDate) -> Fut<'a, String>,
    pub sync_pca:
        for<'a> fn(&'a HttpBackend, &'a Inventory, &'a str, NaiveDate) -> Fut<'a, Certificate>,
    pub certificate_file: for<'a> fn(&'a HttpBackend, &'a Certificate) -> Fut<'a, String>,
    pub add_uploads:
        for<'a> fn(&'a HttpBackend, &'a Inventory, Vec<Certificate>) -> Fut<'a, Vec<Certificate>>,
    pub record_verification: for<'a> fn(
        &'a HttpBackend,
        &'a Inventory,
        &'a str,
        VerificationRecord,
    ) -> Fut<'a, Certificate>,
    pub save_policy: for<'a> fn(
        &'a HttpBackend,
        &'a Inventory,
        NotificationPolicy,
    ) -> Fut<'a, NotificationPolicy>,
    pub delete_policy: for<'a> fn(&'a HttpBackend, &'a Inventory, &'a str) -> Fut<'a, String>,
}

lazy_chunk!(pub static CALLS: HttpCalls = http => HttpCalls {
    load: |b| Box::pin(b.load()),
    place_order: |b, i, r, c, t| Box::pin(b.place_order(i, r, c, t)),
    submit_application: |b, i, id, t, n| Box::pin(b.submit_application(i, id, t, n)),
    advance: |b, i, t, n| Box::pin(b.advance(i, t, n)),
    cancel: |b, i, id, t| Box::pin(b.cancel(i, id, t)),
    delete: |b, i, id, t| Box::pin(b.delete(i, id, t)),
    sync_pca: |b, i, id, t| Box::pin(b.sync_pca(i, id, t)),
    certificate_file: |b, c| Box::pin(b.certificate_file(c)),
    add_uploads: |b, i, c| Box::pin(b.add_uploads(i, c)),
    record_verification: |b, i, id, r| Box::pin(b.record_verification(i, id, r)),
    save_policy: |b, i, p| Box::pin(b.save_policy(i, p)),
    delete_policy: |b, i, id| Box::pin(b.delete_policy(i, id)),
});
