//! Certificate signing requests (PKCS#10), read once into owned values.

use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::cri_attributes::ParsedCriAttribute;
use x509_parser::prelude::FromDer;

use super::check::SignatureCheck;
use super::domain;
use super::extensions::Extensions;
use super::key::PublicKeyInfo;
use super::names::{DistinguishedName, SubjectAltName};
use super::pem;
use super::signature::SignatureAlgorithm;
use certdesk_rules::model::{DomainType, KeyAlgorithm};

/// A parsed CSR. Whether the algorithm is acceptable is the caller's rule;
/// this exposes it ([`Csr::key_algorithm`], [`Csr::public_key`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Csr {
    der: Vec<u8>,
    subject: DistinguishedName,
    key: PublicKeyInfo,
    signature_algorithm: SignatureAlgorithm,
    extensions: Extensions,
    info: Vec<u8>,
    signature: Vec<u8>,
}

/// Why bytes are not a CSR (the detail of x509-parser's error).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotACsr(pub String);

impl Csr {
    pub fn from_der(der: &[u8]) -> Result<Self, NotACsr> {
        let (rest, csr) =
            X509CertificationRequest::from_der(der).map_err(|e| NotACsr(e.to_string()))?;
        let der = &der[..der.len() - rest.len()];
        let info = &csr.certification_request_info;
        let requested = info
            .iter_attributes()
            .find_map(|a| match a.parsed_attribute() {
                ParsedCriAttribute::ExtensionRequest(req) => {
                    Some(Extensions::read(&req.extensions))
                }
                _ => None,
            });
        Ok(Self {
            der: der.to_vec(),
            subject: DistinguishedName::from_parsed(&info.subject),
            key: PublicKeyInfo::from_parsed(&info.subject_pki),
            signature_algorithm: SignatureAlgorithm::from_parsed(&csr.signature_algorithm),
            extensions: requested.unwrap_or_default(),
            info: info.raw.to_vec(),
            signature: csr.signature_value.data.to_vec(),
        })
    }

    pub fn der(&self) -> &[u8] {
        &self.der
    }

    pub fn to_pem(&self) -> String {
        pem::encode("CERTIFICATE REQUEST", &self.der)
    }

    pub fn subject(&self) -> &DistinguishedName {
        &self.subject
    }

    pub fn common_name(&self) -> Option<&str> {
        self.subject.common_name()
    }

    /// The subjectAltNames requested in the extensionRequest attribute.
    pub fn subject_alt_names(&self) -> &[SubjectAltName] {
        &self.extensions.alt_names
    }

    /// DNS and IP names requested, or the CN when there are none.
    pub fn names(&self) -> Vec<String> {
        domain::bound_names(&self.extensions.alt_names, self.common_name())
    }

    pub fn domain_type(&self) -> DomainType {
        domain::domain_type_of(&self.names())
    }

    pub fn public_key(&self) -> &PublicKeyInfo {
        &self.key
    }

    pub fn key_algorithm(&self) -> Option<KeyAlgorithm> {
        self.key.algorithm()
    }

    pub fn signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.signature_algorithm
    }

    /// Requested extensions that are unreadable or repeated, as sentences.
    pub fn warnings(&self) -> &[String] {
        &self.extensions.warnings
    }

    /// The data to check the CSR's self-signature (with its own key), which
    /// proves the requester holds the private key.
    pub fn signature_check(&self) -> SignatureCheck {
        SignatureCheck::new(
            &self.info,
            &self.signature,
            &self.signature_algorithm,
            &self.key,
        )
    }

    /// The CertificationRequestInfo DER: the bytes that were signed.
    pub fn info_der(&self) -> &[u8] {
        &self.info
    }
}
