//! DER builders for what Certdesk signs: CSRs here, certificates (the
//! sandbox CA) in `issue`. Pure: the signature comes from the caller
//! (WebCrypto in the app, openssl in the tests).
//!
//! Flow: build the to-be-signed part, sign its bytes with the key, then
//! assemble. For ECDSA, the signature passed to `assemble_*` is the DER form
//! (convert WebCrypto's raw output with [`super::ecdsa_raw_to_der`]).

use x509_parser::prelude::FromDer;
use x509_parser::x509::SubjectPublicKeyInfo;

use super::der::{self, tag};
use super::names::SubjectAltName;
use super::oids;
use super::signature::SignatureScheme;

/// Why something cannot be built; each message names the field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("The common name is empty.")]
    EmptyCommonName,
    #[error("{field} is longer than 64 characters.")]
    TooLong { field: &'static str },
    #[error("The country must be a two-letter code such as US or CN.")]
    BadCountry,
    #[error(
        "\"{0}\" is not a valid DNS name (letters, digits, hyphens and dots; IDN as punycode; a wildcard only as \"*.\" at the start)."
    )]
    BadDnsName(String),
    #[error("Only DNS names and IP addresses can be requested, not \"{0}\".")]
    UnsupportedAltName(String),
    #[error("The public key is not a valid SubjectPublicKeyInfo.")]
    BadPublicKey,
    #[error("The serial number must be 1 to 20 bytes and not zero.")]
    BadSerial,
    #[error("The validity ends before it starts.")]
    ReversedValidity,
    #[error("Dates must be in the years 0000 to 9999.")]
    DateOutOfRange,
    #[error("The extended key usage {0} has no identifier to write.")]
    UnknownExtendedKeyUsage(String),
    #[error("The signature algorithm cannot be written in X.509.")]
    UnsupportedScheme,
    #[error("The issuer or subject name is not a valid DER Name.")]
    BadName,
}

/// The subject of a CSR or certificate: CN with optional O and C.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameSpec {
    pub common_name: String,
    pub organization: Option<String>,
    /// ISO 3166 two-letter code.
    pub country: Option<String>,
}

impl NameSpec {
    pub fn new(common_name: impl Into<String>) -> Self {
        Self {
            common_name: common_name.into(),
            ..Self::default()
        }
    }

    /// The Name DER: C, O, CN in that order (the usual order, most general first).
    pub fn encode(&self) -> Result<EncodedName, BuildError> {
        let cn = self.common_name.trim();
        if cn.is_empty() {
            return Err(BuildError::EmptyCommonName);
        }
        let mut rdns = Vec::new();
        if let Some(c) = self
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(BuildError::BadCountry);
            }
            let value = der::tlv(tag::PRINTABLE_STRING, c.to_ascii_uppercase().as_bytes());
            rdns.push(rdn(oids::COUNTRY, &value));
        }
        if let Some(o) = self
            .organization
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            rdns.push(rdn(oids::ORGANIZATION, &utf8(o, "The organization")?));
        }
        rdns.push(rdn(oids::COMMON_NAME, &utf8(cn, "The common name")?));
        let parts: Vec<&[u8]> = rdns.iter().map(Vec::as_slice).collect();
        Ok(EncodedName(der::sequence(&parts)))
    }
}

fn utf8(value: &str, field: &'static str) -> Result<Vec<u8>, BuildError> {
    if value.chars().count() > 64 {
        return Err(BuildError::TooLong { field });
    }
    Ok(der::tlv(tag::UTF8_STRING, value.as_bytes()))
}

fn rdn(oid: &[u8], value: &[u8]) -> Vec<u8> {
    der::constructed(tag::SET, &[&der::sequence(&[&der::oid(oid), value])])
}

/// A Name, DER-encoded: from [`NameSpec::encode`], or taken byte for byte
/// from an issuing certificate's subject so issuer and subject match exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodedName(Vec<u8>);

impl EncodedName {
    pub fn from_der(der: &[u8]) -> Result<Self, BuildError> {
        match der::read(der) {
            Ok((name, [])) if name.tag == tag::SEQUENCE => Ok(Self(der.to_vec())),
            _ => Err(BuildError::BadName),
        }
    }

    pub fn der(&self) -> &[u8] {
        &self.0
    }
}

/// The subjectAltName extension value, or `None` for no names.
pub(crate) fn alt_names(names: &[SubjectAltName]) -> Result<Option<Vec<u8>>, BuildError> {
    if names.is_empty() {
        return Ok(None);
    }
    let mut entries = Vec::new();
    for name in names {
        match name {
            SubjectAltName::Dns(d) => {
                let d = d.trim();
                if !valid_dns_name(d) {
                    return Err(BuildError::BadDnsName(d.to_string()));
                }
                der::write_tlv(&mut entries, tag::context_primitive(2), d.as_bytes());
            }
            SubjectAltName::Ip(ip) => {
                let bytes = match ip {
                    std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
                    std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
                };
                der::write_tlv(&mut entries, tag::context_primitive(7), &bytes);
            }
            other => return Err(BuildError::UnsupportedAltName(other.to_string())),
        }
    }
    Ok(Some(der::tlv(tag::SEQUENCE, &entries)))
}

/// LDH labels of 1-63 characters, at most 253 in all, at least two labels;
/// `*` only as the whole first label.
fn valid_dns_name(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    let labels: Vec<&str> = name.split('.').collect();
    name.len() <= 253
        && labels.len() >= 2
        && labels.iter().enumerate().all(|(i, l)| {
            (i == 0 && *l == "*")
                || (!l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        })
}

/// One Extension: SEQUENCE { extnID, critical (only when TRUE), extnValue }.
pub(crate) fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical {
        der::boolean(true)
    } else {
        Vec::new()
    };
    der::sequence(&[&der::oid(oid), &crit, &der::octet_string(value)])
}

pub(crate) fn checked_spki(spki_der: &[u8]) -> Result<SubjectPublicKeyInfo<'_>, BuildError> {
    match SubjectPublicKeyInfo::from_der(spki_der) {
        Ok(([], spki)) => Ok(spki),
        _ => Err(BuildError::BadPublicKey),
    }
}

/// The CertificationRequestInfo DER for a subject, requested names (written
/// as an extensionRequest with a subjectAltName) and public key.
pub fn certification_request_info(
    subject: &NameSpec,
    names: &[SubjectAltName],
    spki_der: &[u8],
) -> Result<Vec<u8>, BuildError> {
    checked_spki(spki_der)?;
    let name = subject.encode()?;
    let attributes = match alt_names(names)? {
        None => Vec::new(),
        Some(san) => {
            let extensions = der::sequence(&[&extension(oids::SUBJECT_ALT_NAME, false, &san)]);
            let values = der::tlv(tag::SET, &extensions);
            der::sequence(&[&der::oid(oids::EXTENSION_REQUEST), &values])
        }
    };
    Ok(der::sequence(&[
        &der::small_integer(0),
        name.der(),
        spki_der,
        &der::tlv(tag::context_constructed(0), &attributes),
    ]))
}

/// A signed structure: SEQUENCE { tbs, algorithm, BIT STRING signature }.
fn signed(tbs: &[u8], scheme: &SignatureScheme, signature: &[u8]) -> Result<Vec<u8>, BuildError> {
    let algorithm = scheme
        .algorithm_identifier()
        .ok_or(BuildError::UnsupportedScheme)?;
    Ok(der::sequence(&[
        tbs,
        &algorithm,
        &der::bit_string(signature),
    ]))
}

/// The CSR DER from its info, the scheme it was signed with and the signature.
pub fn assemble_csr(
    info_der: &[u8],
    scheme: &SignatureScheme,
    signature: &[u8],
) -> Result<Vec<u8>, BuildError> {
    signed(info_der, scheme, signature)
}

/// The certificate DER from its TBSCertificate, scheme and signature.
pub fn assemble_certificate(
    tbs_der: &[u8],
    scheme: &SignatureScheme,
    signature: &[u8],
) -> Result<Vec<u8>, BuildError> {
    signed(tbs_der, scheme, signature)
}
