//! Uploaded records: what a server certificate and its chain become
//! (which certificates make one record: [`super::plan_upload`]).
//!
//! The record's ID is `up-` and the first 12 hex digits of the leaf's
//! SHA-256 fingerprint, so the same certificate uploaded twice has the same
//! ID (and `AddCertificates` skips it).

use x509_parser::asn1_rs::oid;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;

use super::certificate::Certificate;
use super::names::DistinguishedName;
use super::text;
use super::upload_plan::UploadCandidate;
use certdesk_rules::model::Certificate as Record;
use certdesk_rules::model::{
    Brand, CertificateKind, LifecycleState, Specification, ValidationType, VerificationMethod,
};

/// CA/Browser Forum reserved policy identifiers (Baseline Requirements
/// 7.1.6.1). DV (2.23.140.1.2.1) needs no constant: it is the default.
const POLICY_OV: &[u8] = &oid!(raw 2.23.140.1.2.2);
/// Individual-validated: an organization-grade check of a person; counted as OV.
const POLICY_IV: &[u8] = &oid!(raw 2.23.140.1.2.3);
const POLICY_EV: &[u8] = &oid!(raw 2.23.140.1.1);

/// How a certificate is named: its CN, else its whole subject.
pub fn label(c: &Certificate) -> String {
    c.common_name()
        .filter(|cn| !cn.trim().is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| c.subject().to_string())
}

/// `up-` and the first 12 hex digits (lowercase) of the SHA-256 fingerprint.
pub fn record_id(cert: &Certificate) -> String {
    format!(
        "up-{}",
        text::hex(&cert.fingerprint_bytes()[..6], "").to_ascii_lowercase()
    )
}

/// The Uploaded record of `leaf`, its file holding the leaf and then
/// `chain` (the rest of the chain, each certificate followed by its issuer). Refused, with the reason, when
/// the certificate names no domain or has a key Certdesk does not manage.
pub fn record_for(leaf: &Certificate, chain: &[Certificate]) -> Result<Record, String> {
    let domains = leaf.names();
    if domains.is_empty() {
        return Err("It names no domain (no subjectAltName and no common name): Certdesk tracks certificates by the domains they protect.".into());
    }
    let key_algorithm = leaf.key_algorithm().ok_or_else(|| {
        format!(
            "Its key ({}) is not one Certdesk manages: RSA 2048, 3072 or 4096 bits, ECDSA P-256 or P-384, or SM2.",
            leaf.public_key()
        )
    })?;
    let validation = validation_type(leaf);
    let pem: String = std::iter::once(leaf)
        .chain(chain)
        .map(Certificate::to_pem)
        .collect();
    let spec = Specification {
        brand: brand_of(leaf.issuer()),
        validation,
        domain_type: leaf.domain_type(),
    };
    let verification = match validation {
        ValidationType::Dv => VerificationMethod::ManualDns,
        ValidationType::Ov | ValidationType::Ev => VerificationMethod::CaContact,
    };
    let mut record = Record::new(
        record_id(leaf),
        CertificateKind::Uploaded,
        spec,
        key_algorithm,
        domains,
    );
    record.name = label(leaf);
    record.state = LifecycleState::Issued;
    record.not_before = Some(leaf.not_before_date());
    record.not_after = Some(leaf.not_after_date());
    record.verification = verification;
    record.pem = Some(pem);
    record.issuer = Some(issuer_name(leaf.issuer()));
    Ok(record)
}

/// The issuing CA as people name it: the issuer's CN, else its O, else the whole name.
pub fn issuer_name(issuer: &DistinguishedName) -> String {
    issuer
        .common_name()
        .or_else(|| issuer.organization())
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| issuer.to_string())
}

/// The brand from the issuer's organization (or CN when it has no O):
/// DigiCert, GlobalSign, Alibaba (Alibaba Cloud); any other CA is `Other`.
pub fn brand_of(issuer: &DistinguishedName) -> Brand {
    let name = issuer
        .organization()
        .or_else(|| issuer.common_name())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if name.contains("digicert") {
        Brand::DigiCert
    } else if name.contains("globalsign") {
        Brand::GlobalSign
    } else if name.contains("alibaba") {
        Brand::AlibabaCloud
    } else {
        Brand::Other
    }
}

/// The validation type from the CA/Browser Forum policy identifiers in
/// certificatePolicies: EV (2.23.140.1.1), OV (2.23.140.1.2.2, and IV
/// 2.23.140.1.2.3), DV (2.23.140.1.2.1). Without any of them: DV, the
/// type that asserts nothing about an organization.
pub fn validation_type(cert: &Certificate) -> ValidationType {
    let policies = policy_ids(cert.der());
    let has = |oid: &[u8]| policies.iter().any(|p| p == oid);
    if has(POLICY_EV) {
        ValidationType::Ev
    } else if has(POLICY_OV) || has(POLICY_IV) {
        ValidationType::Ov
    } else {
        ValidationType::Dv
    }
}

/// The policy OIDs (encoded) of a certificate's certificatePolicies.
fn policy_ids(der: &[u8]) -> Vec<Vec<u8>> {
    let Ok((_, cert)) = X509Certificate::from_der(der) else {
        return Vec::new();
    };
    cert.tbs_certificate
        .extensions()
        .iter()
        .filter_map(|ext| match ext.parsed_extension() {
            ParsedExtension::CertificatePolicies(list) => Some(
                list.iter()
                    .map(|p| p.policy_id.as_bytes().to_vec())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The fingerprint of the first certificate of each record's file, with
/// the record's index: computed once per inventory for [`duplicate_of`].
pub fn file_fingerprints(inventory: &[Record]) -> Vec<([u8; 32], usize)> {
    inventory
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let pem = r.pem.as_deref()?;
            let read = super::read_input(pem.as_bytes());
            read.certificates()
                .first()
                .map(|c| (*c.fingerprint_bytes(), i))
        })
        .collect()
}

/// The inventory record that already holds this certificate: the same ID,
/// or a file whose first certificate has the same fingerprint.
pub fn duplicate_of<'a>(
    candidate: &UploadCandidate,
    inventory: &'a [Record],
    fingerprints: &[([u8; 32], usize)],
) -> Option<&'a Record> {
    let fingerprint = candidate.leaf.fingerprint_bytes();
    inventory
        .iter()
        .find(|r| r.id == candidate.record.id)
        .or_else(|| {
            fingerprints
                .iter()
                .find(|(f, _)| f == fingerprint)
                .and_then(|(_, i)| inventory.get(*i))
        })
}
