//! The order a screen asks about, and the plan the rules answer with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::contact::ContactErrors;
use super::eligibility::Ineligible;
use super::model::{
    Certificate, CertificateKind, Contact, CsrMode, KeyAlgorithm, LifecycleState, Specification,
    VerificationMethod,
};
use super::payment::{ManagedServiceUses, Payment};
use super::review::ReviewSchedule;
use super::validity::{Issuance, Term};
use super::verification::MethodOption;
use super::warnings::Warning;

/// "Renewal purchase" (Official: carries over) or a purchase (Uploaded
/// "Update", an Expired or changed certificate, a new certificate: carries nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderKind {
    Renewal,
    Purchase,
}

impl OrderKind {
    pub fn label(&self) -> &'static str {
        match self {
            OrderKind::Renewal => "Renewal purchase",
            OrderKind::Purchase => "Purchase",
        }
    }
}

/// The user's choices on the renewal panel or the purchase page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRequest {
    pub kind: OrderKind,
    /// The certificate the order is placed on; `None` for a new purchase.
    pub original: Option<Certificate>,
    /// "Renewal Period" / "Service Duration": 1, 2 or 3 years.
    pub years: u8,
    pub csr_mode: CsrMode,
    /// Key algorithm of the pasted CSR (parsed by `x509`), for `CsrMode::Manual`.
    pub manual_csr_key_algorithm: Option<KeyAlgorithm>,
    /// Key algorithm for an automatic CSR of a purchase; a renewal always uses the original's.
    pub key_algorithm: KeyAlgorithm,
    /// `None` = the default (the original's method when still offered).
    pub verification: Option<VerificationMethod>,
    pub spec: Specification,
    pub domains: Vec<String>,
    pub contact: Contact,
    pub dns_in_same_account: bool,
    pub validation_free: bool,
}

impl OrderRequest {
    fn from_original(kind: OrderKind, cert: &Certificate) -> Self {
        OrderRequest {
            kind,
            original: Some(cert.clone()),
            years: 1,
            csr_mode: CsrMode::Automatic,
            manual_csr_key_algorithm: None,
            key_algorithm: cert.key_algorithm,
            verification: None,
            spec: cert.spec,
            domains: cert.domains.clone(),
            contact: cert.contact.clone(),
            dns_in_same_account: cert.dns_in_same_account,
            validation_free: cert.validation_free,
        }
    }

    /// The renewal panel's defaults: 1 year, Automatic CSR, the original's
    /// specification, domains, contact and (by default) verification method.
    pub fn renewal_of(cert: &Certificate) -> Self {
        Self::from_original(OrderKind::Renewal, cert)
    }

    /// A purchase replacing `cert` (Uploaded "Update", or buying anew for an
    /// Official one), pre-filled from it.
    pub fn purchase_for(cert: &Certificate) -> Self {
        Self::from_original(OrderKind::Purchase, cert)
    }

    /// A new purchase with nothing to replace.
    pub fn new_purchase(spec: Specification, domains: Vec<String>) -> Self {
        OrderRequest {
            kind: OrderKind::Purchase,
            original: None,
            years: 1,
            csr_mode: CsrMode::Automatic,
            manual_csr_key_algorithm: None,
            key_algorithm: KeyAlgorithm::Rsa2048,
            verification: None,
            spec,
            domains,
            contact: Contact::default(),
            dns_in_same_account: false,
            validation_free: false,
        }
    }
}

/// One certificate (one paid unit, one term) the order creates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedCertificate {
    /// 1-based position in the order.
    pub position: u8,
    pub of: u8,
    /// The tab it lives on: its original's (it is generated below it), Official for a new purchase.
    pub kind: CertificateKind,
    /// Pending Application for the first, Not Activated for the others.
    pub status: LifecycleState,
    /// Day its first certificate is issued: the order day for the first (as
    /// the documents' example assumes), the trigger day for the others.
    pub issued_on: NaiveDate,
    /// `issued_on` is an estimate (a later certificate of the order).
    pub estimated: bool,
    pub term: Term,
    /// The certificates covering the term under SC-081 (one before 2026-03-15).
    pub chain: Vec<Issuance>,
    /// Days left on the previous certificate at which it starts (Not Activated only).
    pub trigger_days: Option<i64>,
    /// The day it starts (Not Activated only).
    pub trigger_on: Option<NaiveDate>,
    /// Whether the Managed Service can start it by itself (Not Activated only);
    /// `Err` = why manual submission will be needed.
    pub auto_start: Option<Result<(), String>>,
}

/// Everything a screen shows about an order before it is placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPlan {
    pub kind: OrderKind,
    pub eligibility: Result<(), Ineligible>,
    /// The period planned (the request's, brought into 1..=3).
    pub years: u8,
    pub spec: Specification,
    /// The domains in canonical form (as entered when they are invalid).
    pub domains: Vec<String>,
    /// Key algorithm of the new certificates (`None` while a manual CSR is missing).
    pub key_algorithm: Option<KeyAlgorithm>,
    /// The new certificates can be deployed to cloud products from the console.
    pub cloud_deployable: bool,
    /// The method that will be used: the request's, else the default.
    pub verification: Option<VerificationMethod>,
    pub verification_options: Vec<MethodOption>,
    pub contact: Result<(), ContactErrors>,
    pub certificates: Vec<PlannedCertificate>,
    pub managed_service: ManagedServiceUses,
    pub payment: Payment,
    /// The CA review of the first certificate if submitted on the order day.
    pub review: Option<ReviewSchedule>,
    pub warnings: Vec<Warning>,
    /// Eligible and no blocking warning.
    pub can_submit: bool,
}
