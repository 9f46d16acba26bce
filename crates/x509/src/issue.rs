//! The TBSCertificate builder, for the sandbox CA.

use chrono::{Datelike, NaiveDateTime, Timelike};
use sha2::{Digest, Sha256};

use super::build::{BuildError, EncodedName, alt_names, checked_spki, extension};
use super::der::{self, tag};
use super::extensions::{ExtendedKeyUsage, KeyUsage};
use super::names::SubjectAltName;
use super::oids;
use super::signature::SignatureScheme;

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
    let rest = format!(
        "{:02}{:02}{:02}{:02}{:02}Z",
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    Ok(if (1950..2050).contains(&year) {
        let text = format!("{:02}{rest}", year % 100);
        der::tlv(tag::UTC_TIME, text.as_bytes())
    } else {
        der::tlv(tag::GENERALIZED_TIME, format!("{year:04}{rest}").as_bytes())
    })
}
