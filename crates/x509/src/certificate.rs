//! One X.509 certificate, read once into owned values.

use chrono::{NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

use super::check::SignatureCheck;
use super::domain;
use super::extensions::{ExtendedKeyUsage, Extensions, KeyUsage, key_id_text};
use super::key::PublicKeyInfo;
use super::names::{DistinguishedName, SubjectAltName};
use super::signature::SignatureAlgorithm;
use super::time::{Validity, ValidityState};
use super::{pem, text};
use certdesk_rules::model::{DomainType, KeyAlgorithm};

/// A parsed certificate. Every accessor is infallible: what could fail
/// failed in [`Certificate::from_der`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    version: u32,
    serial: Vec<u8>,
    subject: DistinguishedName,
    issuer: DistinguishedName,
    validity: Validity,
    key: PublicKeyInfo,
    signature_algorithm: SignatureAlgorithm,
    extensions: Extensions,
    fingerprint: [u8; 32],
    tbs: Vec<u8>,
    signature: Vec<u8>,
}

/// Why bytes are not a certificate (the detail of x509-parser's error).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotACertificate(pub String);

impl Certificate {
    /// Parses one DER certificate. Bytes after it are ignored (they are
    /// trust settings in openssl's TRUSTED CERTIFICATE blocks).
    pub fn from_der(der: &[u8]) -> Result<Self, NotACertificate> {
        let (rest, cert) =
            X509Certificate::from_der(der).map_err(|e| NotACertificate(e.to_string()))?;
        let der = &der[..der.len() - rest.len()];
        let tbs = &cert.tbs_certificate;
        let validity = Validity::from_parsed(&tbs.validity)
            .ok_or_else(|| NotACertificate("its dates are out of range".into()))?;
        Ok(Self {
            der: der.to_vec(),
            version: tbs.version.0.saturating_add(1),
            serial: tbs.raw_serial().to_vec(),
            subject: DistinguishedName::from_parsed(&tbs.subject),
            issuer: DistinguishedName::from_parsed(&tbs.issuer),
            validity,
            key: PublicKeyInfo::from_parsed(&tbs.subject_pki),
            signature_algorithm: SignatureAlgorithm::from_parsed(&cert.signature_algorithm),
            extensions: Extensions::read(tbs.extensions()),
            fingerprint: Sha256::digest(der).into(),
            tbs: tbs.as_ref().to_vec(),
            signature: cert.signature_value.data.to_vec(),
        })
    }

    /// The certificate's DER, exactly as read.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    pub fn to_pem(&self) -> String {
        pem::encode("CERTIFICATE", &self.der)
    }

    /// X.509 version as people say it (1, 2 or 3).
    pub fn version(&self) -> u32 {
        self.version
    }

    pub fn subject(&self) -> &DistinguishedName {
        &self.subject
    }

    pub fn issuer(&self) -> &DistinguishedName {
        &self.issuer
    }

    pub fn common_name(&self) -> Option<&str> {
        self.subject.common_name()
    }

    /// Serial number as colon-separated uppercase hex of its DER content
    /// octets (a leading 00 included, as openssl -text and browsers show it).
    pub fn serial_hex(&self) -> String {
        text::colon_hex(&self.serial)
    }

    pub fn serial_bytes(&self) -> &[u8] {
        &self.serial
    }

    pub fn validity(&self) -> Validity {
        self.validity
    }

    pub fn not_before(&self) -> NaiveDateTime {
        self.validity.not_before
    }

    pub fn not_after(&self) -> NaiveDateTime {
        self.validity.not_after
    }

    pub fn not_before_date(&self) -> NaiveDate {
        self.validity.not_before.date()
    }

    pub fn not_after_date(&self) -> NaiveDate {
        self.validity.not_after.date()
    }

    pub fn validity_at(&self, now: NaiveDateTime) -> ValidityState {
        self.validity.state_at(now)
    }

    /// Every subjectAltName entry, in order.
    pub fn subject_alt_names(&self) -> &[SubjectAltName] {
        &self.extensions.alt_names
    }

    pub fn dns_names(&self) -> Vec<&str> {
        self.extensions
            .alt_names
            .iter()
            .filter_map(|n| match n {
                SubjectAltName::Dns(d) => Some(d.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn ip_addresses(&self) -> Vec<IpAddr> {
        self.extensions
            .alt_names
            .iter()
            .filter_map(|n| match n {
                SubjectAltName::Ip(ip) => Some(*ip),
                _ => None,
            })
            .collect()
    }

    /// The names the certificate is for: DNS and IP subjectAltNames, or the
    /// subject CN when there are none. Lowercase, deduplicated, in order.
    pub fn names(&self) -> Vec<String> {
        domain::bound_names(&self.extensions.alt_names, self.common_name())
    }

    /// The specification's domain type these names map to (see
    /// [`domain::domain_type_of`]).
    pub fn domain_type(&self) -> DomainType {
        domain::domain_type_of(&self.names())
    }

    /// Whether the certificate is valid for `host` (a DNS name or an IP).
    pub fn covers(&self, host: &str) -> bool {
        self.names().iter().any(|n| domain::name_covers(n, host))
    }

    pub fn public_key(&self) -> &PublicKeyInfo {
        &self.key
    }

    /// The model's key algorithm, when the key is one of those.
    pub fn key_algorithm(&self) -> Option<KeyAlgorithm> {
        self.key.algorithm()
    }

    pub fn signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.signature_algorithm
    }

    /// SHA-256 over the DER, colon hex (openssl x509 -fingerprint -sha256).
    pub fn fingerprint_sha256(&self) -> String {
        text::colon_hex(&self.fingerprint)
    }

    pub fn fingerprint_bytes(&self) -> &[u8; 32] {
        &self.fingerprint
    }

    pub fn subject_key_id(&self) -> Option<&[u8]> {
        self.extensions.subject_key_id.as_deref()
    }

    pub fn authority_key_id(&self) -> Option<&[u8]> {
        self.extensions.authority_key_id.as_deref()
    }

    /// Subject key identifier as colon hex.
    pub fn subject_key_id_hex(&self) -> Option<String> {
        self.subject_key_id().map(key_id_text)
    }

    /// Authority key identifier (its keyIdentifier) as colon hex.
    pub fn authority_key_id_hex(&self) -> Option<String> {
        self.authority_key_id().map(key_id_text)
    }

    /// basicConstraints cA. A v1 certificate with no extensions and a
    /// self-issued name is an old-style root and also counts as a CA.
    pub fn is_ca(&self) -> bool {
        match self.extensions.basic_constraints {
            Some((ca, _)) => ca,
            None => self.version == 1 && self.is_self_issued(),
        }
    }

    pub fn path_len_constraint(&self) -> Option<u32> {
        self.extensions.basic_constraints.and_then(|(_, len)| len)
    }

    pub fn key_usage(&self) -> &[KeyUsage] {
        &self.extensions.key_usage
    }

    pub fn extended_key_usage(&self) -> &[ExtendedKeyUsage] {
        &self.extensions.extended_key_usage
    }

    /// Extensions present but unreadable or repeated, as sentences.
    pub fn warnings(&self) -> &[String] {
        &self.extensions.warnings
    }

    /// Subject and issuer are the same name (a root, or a self-signed leaf).
    pub fn is_self_issued(&self) -> bool {
        self.subject.der() == self.issuer.der()
    }

    /// Self-issued, and (when both ids are present) its AKI is its own SKI.
    /// Whether the signature really verifies is WebCrypto's to say.
    pub fn is_self_signed(&self) -> bool {
        self.is_self_issued()
            && match (self.authority_key_id(), self.subject_key_id()) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            }
    }

    /// Whether `issuer` is a plausible issuer of this certificate: its subject
    /// is our issuer name and, when both are present, its SKI is our AKI.
    pub fn is_issued_by(&self, issuer: &Certificate) -> bool {
        self.issuer.der() == issuer.subject.der() && self.key_ids_match(issuer)
    }

    /// Our AKI equals `issuer`'s SKI, or one of them is absent.
    pub fn key_ids_match(&self, issuer: &Certificate) -> bool {
        match (self.authority_key_id(), issuer.subject_key_id()) {
            (Some(aki), Some(ski)) => aki == ski,
            _ => true,
        }
    }

    /// The data to check this certificate's signature with `issuer`'s key.
    pub fn signature_check(&self, issuer: &Certificate) -> SignatureCheck {
        SignatureCheck::new(
            &self.tbs,
            &self.signature,
            &self.signature_algorithm,
            &issuer.key,
        )
    }

    /// The TBSCertificate DER: the bytes the issuer signed.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs
    }

    /// The signature value as stored (DER for ECDSA).
    pub fn signature_value(&self) -> &[u8] {
        &self.signature
    }
}
