//! DER builders for what Certdesk signs: CSRs (CSR generation) and
//! certificates (the sandbox CA). Pure: the signature comes from the caller
//! (WebCrypto in the app, openssl in the tests).
//!
//! Flow: build the to-be-signed part, sign its bytes with the key, then
//! assemble. For ECDSA, the signature passed to `assemble_*` is the DER form
//! (convert WebCrypto's raw output with [`super::ecdsa_raw_to_der`]).

use chrono::{Datelike, NaiveDateTime};
use sha2::{Digest, Sha256};
use x509_parser::prelude::FromDer;
use x509_parser::x509::SubjectPublicKeyInfo;

use super::der::{self, tag};
use super::extensions::{ExtendedKeyUsage, KeyUsage};
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
fn alt_names(names: &[SubjectAltName]) -> Result<Option<Vec<u8>>, BuildError> {
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
fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical {
        der::boolean(true)
    } else {
        Vec::new()
    };
    der::sequence(&[&der::oid(oid), &crit, &der::octet_string(value)])
}

fn checked_spki(spki_der: &[u8]) -> Result<SubjectPublicKeyInfo<'_>, BuildError> {
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

/// A key identifier for an SPKI: the leftmost 160 bits of the SHA-256 of
/// the subjectPublicKey bits (RFC 7093 section 2, method 1).
pub fn key_identifier(spki_der: &[u8]) -> Result<Vec<u8>, BuildError> {
    let spki = checked_spki(spki_der)?;
    let digest = Sha256::digest(&spki.subject_public_key.data);
    Ok(digest[..20].to_vec())
}

/// Everything a certificate says, for [`tbs_certificate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateSpec {
    /// Positive serial, big-endian, 1 to 20 bytes (e.g. 16 random bytes).
    pub serial: Vec<u8>,
    /// The scheme the issuer will sign with (written inside the TBS too).
    pub scheme: SignatureScheme,
    pub issuer: EncodedName,
    pub subject: EncodedName,
    pub not_before: NaiveDateTime,
    pub not_after: NaiveDateTime,
    pub spki_der: Vec<u8>,
    pub alt_names: Vec<SubjectAltName>,
    /// basicConstraints: `Some(path_len)` for a CA (`Some(None)`: no limit),
    /// `None` for an end-entity certificate.
    pub ca: Option<Option<u32>>,
    pub key_usage: Vec<KeyUsage>,
    pub extended_key_usage: Vec<ExtendedKeyUsage>,
    /// The issuer's key identifier (its SKI), written as the AKI.
    pub authority_key_id: Option<Vec<u8>>,
}

/// The TBSCertificate DER (v3), with the subject key identifier computed
/// from the SPKI by [`key_identifier`].
pub fn tbs_certificate(spec: &CertificateSpec) -> Result<Vec<u8>, BuildError> {
    let serial = &spec.serial[spec.serial.iter().take_while(|b| **b == 0).count()..];
    if serial.is_empty() || serial.len() > 20 || (serial.len() == 20 && serial[0] & 0x80 != 0) {
        return Err(BuildError::BadSerial);
    }
    if spec.not_after < spec.not_before {
        return Err(BuildError::ReversedValidity);
    }
    EncodedName::from_der(spec.issuer.der())?;
    let algorithm = spec
        .scheme
        .algorithm_identifier()
        .ok_or(BuildError::UnsupportedScheme)?;
    let validity = der::sequence(&[&time(spec.not_before)?, &time(spec.not_after)?]);
    let ski = key_identifier(&spec.spki_der)?;

    let mut extensions: Vec<Vec<u8>> = Vec::new();
    let basic = match spec.ca {
        Some(path_len) => {
            let len = path_len.map(der::small_integer).unwrap_or_default();
            der::sequence(&[&der::boolean(true), &len])
        }
        None => der::sequence(&[]),
    };
    extensions.push(extension(oids::BASIC_CONSTRAINTS, true, &basic));
    if !spec.key_usage.is_empty() {
        let bits: Vec<u8> = spec.key_usage.iter().map(|u| u.bit()).collect();
        extensions.push(extension(oids::KEY_USAGE, true, &der::named_bits(&bits)));
    }
    if !spec.extended_key_usage.is_empty() {
        let mut purposes = Vec::new();
        for eku in &spec.extended_key_usage {
            let oid = eku
                .oid()
                .ok_or_else(|| BuildError::UnknownExtendedKeyUsage(eku.name()))?;
            purposes.extend(der::oid(oid));
        }
        let value = der::tlv(tag::SEQUENCE, &purposes);
        extensions.push(extension(oids::EXT_KEY_USAGE, false, &value));
    }
    if let Some(san) = alt_names(&spec.alt_names)? {
        extensions.push(extension(oids::SUBJECT_ALT_NAME, false, &san));
    }
    extensions.push(extension(
        oids::SUBJECT_KEY_ID,
        false,
        &der::octet_string(&ski),
    ));
    if let Some(aki) = &spec.authority_key_id {
        let value = der::sequence(&[&der::tlv(tag::context_primitive(0), aki)]);
        extensions.push(extension(oids::AUTHORITY_KEY_ID, false, &value));
    }
    let ext_parts: Vec<&[u8]> = extensions.iter().map(Vec::as_slice).collect();
    let extensions = der::tlv(tag::context_constructed(3), &der::sequence(&ext_parts));

    Ok(der::sequence(&[
        &der::tlv(tag::context_constructed(0), &der::small_integer(2)),
        &der::unsigned_integer(serial),
        &algorithm,
        spec.issuer.der(),
        &validity,
        spec.subject.der(),
        &spec.spki_der,
        &extensions,
    ]))
}

/// UTCTime for 1950-2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5).
fn time(t: NaiveDateTime) -> Result<Vec<u8>, BuildError> {
    let year = t.year();
    if !(0..=9999).contains(&year) {
        return Err(BuildError::DateOutOfRange);
    }
    Ok(if (1950..2050).contains(&year) {
        der::tlv(
            tag::UTC_TIME,
            t.format("%y%m%d%H%M%SZ").to_string().as_bytes(),
        )
    } else {
        let text = format!("{year:04}{}", t.format("%m%d%H%M%SZ"));
        der::tlv(tag::GENERALIZED_TIME, text.as_bytes())
    })
}
