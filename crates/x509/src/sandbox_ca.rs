//! What the sandbox CA writes into its certificates, shared by the
//! browser's sandbox (WebCrypto keys) and the reference server (native
//! keys): the CA names and validity, and the leaf issued for an inventory
//! record. Signing stays with the caller ([`super::sign_certificate`]).
//!
//! Decisions:
//! - A leaf is valid from `not_before` 00:00:00 UTC to `not_after` 23:59:59
//!   UTC, so x509 reads back exactly those two dates: the days the rules
//!   computed, both included.
//! - The CA covers 1990-01-01 to 2099-12-31, so any As of date the console
//!   can be viewed at gets a chain whose members are all in date.
//! - The common name is the first domain that fits RFC 5280's 64
//!   characters; every domain is a subjectAltName.

use chrono::{NaiveDate, NaiveDateTime};

use super::build::{EncodedName, NameSpec};
use super::extensions::{ExtendedKeyUsage, KeyUsage};
use super::issue::CertificateSpec;
use super::names::SubjectAltName;
use super::signature::SignatureScheme;
use certdesk_rules::model::Certificate as Record;

pub const SANDBOX_ROOT_NAME: &str = "Certdesk Sandbox Root CA — not trusted by any browser";
pub const SANDBOX_INTERMEDIATE_NAME: &str =
    "Certdesk Sandbox Issuing CA — not trusted by any browser";
const ORGANIZATION: &str = "Certdesk Sandbox (not a real CA)";

/// The longest common name (RFC 5280 ub-common-name).
const MAX_CN: usize = 64;

fn at(date: NaiveDate, h: u32, m: u32, s: u32) -> Result<NaiveDateTime, String> {
    date.and_hms_opt(h, m, s)
        .ok_or_else(|| format!("{date} has no time {h:02}:{m:02}:{s:02}"))
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y}-{m}-{d} is not a date"))
}

/// The name of a sandbox CA certificate (its organization says it is none).
pub fn sandbox_ca_name(common_name: &str) -> Result<EncodedName, String> {
    NameSpec {
        common_name: common_name.into(),
        organization: Some(ORGANIZATION.into()),
        country: None,
    }
    .encode()
    .map_err(|e| e.to_string())
}

/// The sandbox CA certificates' validity: 1990-01-01 00:00:00 to 2099-12-31 23:59:59 UTC.
pub fn sandbox_ca_validity() -> Result<(NaiveDateTime, NaiveDateTime), String> {
    Ok((
        at(ymd(1990, 1, 1)?, 0, 0, 0)?,
        at(ymd(2099, 12, 31)?, 23, 59, 59)?,
    ))
}

/// One of the sandbox CA's own certificates, issued by the root (`issuer`,
/// signing with `scheme`): the self-signed root (`root_key_id` `None`, no
/// path length limit) or the issuing CA under it (the root's key identifier
/// as AKI, path length 0). Valid for [`sandbox_ca_validity`]; signs
/// certificates and CRLs only.
pub fn sandbox_ca_spec(
    scheme: &SignatureScheme,
    issuer: &EncodedName,
    subject: &EncodedName,
    spki_der: Vec<u8>,
    root_key_id: Option<Vec<u8>>,
    serial: Vec<u8>,
) -> Result<CertificateSpec, String> {
    let (not_before, not_after) = sandbox_ca_validity()?;
    let path_len = root_key_id.as_ref().map(|_| 0);
    Ok(CertificateSpec {
        serial,
        scheme: scheme.clone(),
        issuer: issuer.clone(),
        subject: subject.clone(),
        not_before,
        not_after,
        spki_der,
        alt_names: Vec::new(),
        ca: Some(path_len),
        key_usage: vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign],
        extended_key_usage: Vec::new(),
        authority_key_id: root_key_id,
    })
}

/// The issuing CA of a sandbox leaf, as the leaf names it.
#[derive(Clone, Copy, Debug)]
pub struct LeafIssuer<'a> {
    pub name: &'a EncodedName,
    /// The issuer's subject key identifier (written as the leaf's AKI).
    pub key_id: &'a [u8],
    /// The scheme the issuer's key signs with.
    pub scheme: &'a SignatureScheme,
}

/// The leaf the sandbox CA issues for `record`: its domains (the first that
/// fits as CN, all as subjectAltNames), valid from `not_before` 00:00:00 UTC
/// to `not_after` 23:59:59 UTC, for `spki_der` (`rsa_key`: key
/// encipherment too), server and client authentication.
pub fn sandbox_leaf_spec(
    record: &Record,
    not_before: NaiveDate,
    not_after: NaiveDate,
    spki_der: Vec<u8>,
    rsa_key: bool,
    serial: Vec<u8>,
    issuer: LeafIssuer<'_>,
) -> Result<CertificateSpec, String> {
    if not_after < not_before {
        return Err(format!(
            "The validity ends ({not_after}) before it starts ({not_before})."
        ));
    }
    let names: Vec<String> = record
        .domains
        .iter()
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .collect();
    let Some(first) = names.first() else {
        return Err(format!(
            "{} has no domain name to put in a certificate.",
            record.name
        ));
    };
    let common_name = names
        .iter()
        .find(|n| n.chars().count() <= MAX_CN)
        .unwrap_or(first);
    let subject = NameSpec::new(common_name.as_str())
        .encode()
        .map_err(|e| e.to_string())?;
    Ok(CertificateSpec {
        serial,
        scheme: issuer.scheme.clone(),
        issuer: issuer.name.clone(),
        subject,
        not_before: at(not_before, 0, 0, 0)?,
        not_after: at(not_after, 23, 59, 59)?,
        spki_der,
        alt_names: names.iter().map(|n| SubjectAltName::parse(n)).collect(),
        ca: None,
        key_usage: if rsa_key {
            vec![KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment]
        } else {
            vec![KeyUsage::DigitalSignature]
        },
        extended_key_usage: vec![ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth],
        authority_key_id: Some(issuer.key_id.to_vec()),
    })
}
