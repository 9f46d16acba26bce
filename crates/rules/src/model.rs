//! The certificate model the rules reason about.
//!
//! These types are shared by the rules, the store and the UI. They are plain
//! data with serde so the inventory can be persisted and exported as JSON.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::deployment::{
    CloudProduct, CloudResource, DeploymentTask, TaskStatus, VerificationRecord,
};

/// Which tab a certificate lives on.
///
/// Source: "Select the tab for your certificate type (Official Certificate, or Uploaded)".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CertificateKind {
    /// Bought here ("Official Certificate").
    Official,
    /// Brought in by the user ("Uploaded"); may come from the private CA (see `Certificate::pca`).
    Uploaded,
}

/// Certificate brand.
///
/// Source: "Supported brands include Alibaba Cloud, DigiCert, and GlobalSign."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Brand {
    AlibabaCloud,
    DigiCert,
    GlobalSign,
    /// Another CA's certificate, brought in on the Uploaded tab (its issuer
    /// is in `Certificate::issuer`). Never bought here: not in `Brand::ALL`.
    Other,
}

/// Validation type ("Certificate Specifications": DV, OV, EV).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ValidationType {
    Dv,
    Ov,
    Ev,
}

/// Domain type ("Certificate Type": Single Domain, Wildcard Domain, Multi-domain).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DomainType {
    Single,
    Wildcard,
    MultiDomain,
}

/// A certificate specification: what a unit of quota is counted in.
///
/// Source: "The associated certificate has the same specifications as the hosted
/// certificate: domain name type, certificate type, and certificate brand."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Specification {
    pub brand: Brand,
    pub validation: ValidationType,
    pub domain_type: DomainType,
}

/// Key algorithm of a certificate or CSR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum KeyAlgorithm {
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcdsaP256,
    EcdsaP384,
    Sm2,
}

/// The lifecycle state that is stored. Pending Expiration and Expired are not
/// stored: they are derived from the dates (see `CertificateStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LifecycleState {
    NotActivated,
    PendingApplication,
    ValidatingApplication,
    ValidationFailed,
    Issued,
    Cancelled,
    Revoked,
}

/// The status shown to the user at a given date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CertificateStatus {
    NotActivated,
    PendingApplication,
    ValidatingApplication,
    ValidationFailed,
    Issued,
    PendingExpiration,
    Expired,
    Cancelled,
    Revoked,
}

/// How domain ownership is verified ("Domain Verification Method").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VerificationMethod {
    /// DNS of the domain in the same account: the system adds the record itself.
    AutomaticDns,
    /// The user adds a TXT record (recommended when DNS is elsewhere).
    ManualDns,
    /// The user uploads a validation file to the web server (not for wildcards).
    File,
    /// OV/EV: the CA contacts the named contact by email or phone.
    CaContact,
}

/// How the CSR of a renewal is produced ("CSR Generation").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CsrMode {
    Automatic,
    Manual,
    OriginalKey,
}

/// The person the CA contacts ("Contact").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// A new certificate created by a renewal or purchase, under its original.
///
/// Source: "A new certificate is generated below the original certificate. It is
/// associated with the original certificate".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Association {
    /// Id of the original certificate the order was placed on.
    pub original: String,
    /// Id of the order that created this certificate.
    pub order: String,
    /// 1-based position in the order (1 = Pending Application, 2.. = Not Activated).
    pub position: u8,
    /// Number of certificates the order created (the period in years).
    pub of: u8,
    /// True when this certificate came from a renewal (carry-over applies),
    /// false when it came from a purchase (Uploaded "Update", new purchase).
    pub renewal: bool,
}

/// One certificate record of the inventory.
///
/// A record is one paid unit: one certificate of one year of service ("the
/// term"). Under SC-081 a term may be covered by several issued certificates
/// in turn; `not_before`/`not_after` are those of the certificate currently
/// issued, `term_start`/`term_end` those of the service term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// Resource ID, unique in the inventory (shown in the Certificate column).
    pub id: String,
    /// Display name.
    pub name: String,
    pub kind: CertificateKind,
    /// Uploaded from the private CA product ("PCA"): reissued there, not renewed here.
    #[serde(default)]
    pub pca: bool,
    pub spec: Specification,
    pub key_algorithm: KeyAlgorithm,
    /// Bound domains: DNS names (IDN as punycode), `*.` wildcards, or IPv4 addresses.
    pub domains: Vec<String>,
    pub state: LifecycleState,
    /// Validity of the certificate currently issued (None before issuance).
    pub not_before: Option<NaiveDate>,
    pub not_after: Option<NaiveDate>,
    /// The paid service term (None for uploaded certificates and before issuance).
    #[serde(default)]
    pub term_start: Option<NaiveDate>,
    #[serde(default)]
    pub term_end: Option<NaiveDate>,
    pub verification: VerificationMethod,
    /// DNS of the domain is hosted in the account that bought the certificate.
    #[serde(default)]
    pub dns_in_same_account: bool,
    /// The domain has validation-free authorization completed.
    #[serde(default)]
    pub validation_free: bool,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    pub csr_mode: Option<CsrMode>,
    /// Set on certificates created by a renewal or purchase.
    #[serde(default)]
    pub association: Option<Association>,
    /// Day the request was submitted to the CA (Validating Application since).
    #[serde(default)]
    pub applied_on: Option<NaiveDate>,
    /// Why the last CA review failed (Validation Failed).
    #[serde(default)]
    pub failure_reason: Option<String>,
    /// The certificate file (PEM, leaf first, then its chain) when this
    /// browser holds it: uploaded certificates and those the CA issued here.
    #[serde(default)]
    pub pem: Option<String>,
    /// The issuing CA's name as the certificate states it (uploaded certificates).
    #[serde(default)]
    pub issuer: Option<String>,
    /// The last check of what the site serves (the verification walkthrough).
    #[serde(default)]
    pub verified: Option<VerificationRecord>,
    /// What the user should know about the current state ("Manual submission
    /// needed: ...", "Reissued within its term ...").
    #[serde(default)]
    pub note: Option<String>,
    /// The CSR (PEM) the certificate is requested with, when one was made or pasted.
    #[serde(default)]
    pub csr: Option<String>,
    /// When the request was submitted (ms since the epoch): a DV review takes minutes.
    #[serde(default)]
    pub applied_at_ms: Option<i64>,
    /// Cloud services this certificate is deployed to (ALB, WAF, CDN...).
    #[serde(default)]
    pub resources: Vec<CloudResource>,
    /// Managed deployment tasks created for this certificate when it was issued.
    #[serde(default)]
    pub deployments: Vec<DeploymentTask>,
    /// Domain validations recorded for this certificate's issuances, newest
    /// last (see `dcv`): when none is recorded for a domain, the current
    /// certificate's `not_before` stands in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validations: Vec<DomainValidation>,
}

impl Certificate {
    /// A record with what every certificate has. Everything else starts
    /// empty (no dates, order, file, contact or cloud resources), the state is
    /// Pending Application, the name is the first domain, and the verification
    /// method the usual one for the validation type.
    pub fn new(
        id: impl Into<String>,
        kind: CertificateKind,
        spec: Specification,
        key_algorithm: KeyAlgorithm,
        domains: Vec<String>,
    ) -> Self {
        let id = id.into();
        Certificate {
            name: domains.first().cloned().unwrap_or_else(|| id.clone()),
            id,
            kind,
            pca: false,
            spec,
            key_algorithm,
            domains,
            state: LifecycleState::PendingApplication,
            not_before: None,
            not_after: None,
            term_start: None,
            term_end: None,
            verification: match spec.validation {
                ValidationType::Dv => VerificationMethod::ManualDns,
                ValidationType::Ov | ValidationType::Ev => VerificationMethod::CaContact,
            },
            dns_in_same_account: false,
            validation_free: false,
            contact: Contact::default(),
            csr_mode: None,
            association: None,
            applied_on: None,
            failure_reason: None,
            pem: None,
            issuer: None,
            verified: None,
            note: None,
            csr: None,
            applied_at_ms: None,
            resources: Vec::new(),
            deployments: Vec::new(),
            validations: Vec::new(),
        }
    }
}

/// One domain validation (DCV) done for an issuance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainValidation {
    pub domain: String,
    pub validated_on: NaiveDate,
    pub method: VerificationMethod,
}

/// Remaining quota of an account.
///
/// Source: "The system first uses your remaining certificate quota for the same
/// specifications and your remaining Managed Service uses to offset the cost."
/// Stored as a list, not a map, so it round-trips through JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    /// Remaining certificate units per specification ("Number of certificates that can be requested").
    pub units: Vec<(Specification, u32)>,
    /// Remaining Managed Service uses ("Available Quota for Hosting Service").
    pub managed_service: u32,
}

/// Prices are data, not code: the inventory carries its own table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceTable {
    /// ISO 4217 code of every amount in the table, e.g. "USD".
    pub currency: String,
    /// Price of one certificate unit (one year) per specification, in cents.
    pub unit_prices: Vec<(Specification, u64)>,
    /// Price of one Managed Service use, in cents.
    pub managed_service: u64,
}
