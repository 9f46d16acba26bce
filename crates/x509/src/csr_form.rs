//! The CSR a user asks for (the "Create CSR" tool and the renewal panel's
//! Automatic mode), checked field by field before any key is made, and a
//! pasted CSR (Manual Entry) checked against the certificate it renews.

use super::build::NameSpec;
use super::csr::Csr;
use super::input::read_csr;
use super::names::SubjectAltName;
use super::problems::ProblemKind;
use std::collections::HashSet;

use certdesk_rules::domain::{DomainError, check_count, normalize_domain, type_of_names};
use certdesk_rules::model::{DomainType, KeyAlgorithm};

/// A valid request: the subject and names to put in the CSR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsrRequest {
    pub subject: NameSpec,
    /// Normalized, in the order entered; the first is the CN.
    pub names: Vec<String>,
    pub alt_names: Vec<SubjectAltName>,
    pub domain_type: DomainType,
    pub algorithm: KeyAlgorithm,
}

/// What is wrong, per field (the form shows each beside its input).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsrFormErrors {
    pub names: Option<String>,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub algorithm: Option<String>,
}

impl CsrFormErrors {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Longest CN and O (RFC 5280's ub-common-name and ub-organization-name).
const MAX_NAME_CHARS: usize = 64;

/// Why SM2 is offered but refused.
pub const SM2_REFUSAL: &str = "Browsers cannot make SM2 keys (WebCrypto has no SM2). Choose ECDSA or RSA here, or make the SM2 key and CSR with a tool that supports it (such as Tongsuo or GmSSL) and paste the CSR in Manual Entry.";

/// The names typed in a text area (one definition, shared with the order forms).
pub use certdesk_rules::domain::split_names;

/// Checks every field; a request only when all are right.
pub fn csr_request(
    names: &[String],
    organization: &str,
    country: &str,
    algorithm: KeyAlgorithm,
) -> Result<CsrRequest, CsrFormErrors> {
    let mut errors = CsrFormErrors::default();
    let mut normalized: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // A pasted list of thousands is refused by its count, unread.
    let listed = match check_count(names.len()) {
        Ok(()) => names,
        Err(e) => {
            errors.names = Some(format!("{e}."));
            &[]
        }
    };
    for name in listed {
        match normalize_domain(name) {
            Ok(n) if !seen.insert(n.clone()) => {
                errors.names = Some(DomainError::Duplicate { name: n }.to_string());
                break;
            }
            Ok(n) => normalized.push(n),
            Err(e) => {
                errors.names = Some(format!("{}: {e}.", name.trim()));
                break;
            }
        }
    }
    let domain_type = match type_of_names(&normalized) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.names.get_or_insert_with(|| format!("{e}."));
            None
        }
    };
    if errors.names.is_none()
        && normalized
            .first()
            .is_some_and(|n| n.chars().count() > MAX_NAME_CHARS)
    {
        errors.names = Some(format!(
            "The first name becomes the common name, which holds at most {MAX_NAME_CHARS} characters: put a shorter name first."
        ));
    }
    let organization = organization.trim();
    if organization.chars().count() > MAX_NAME_CHARS {
        errors.organization = Some(format!(
            "At most {MAX_NAME_CHARS} characters ({} now).",
            organization.chars().count()
        ));
    }
    let country = country.trim();
    if !country.is_empty()
        && (country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        errors.country =
            Some("Enter the two-letter country code, such as US or CN, or leave it empty.".into());
    }
    if algorithm == KeyAlgorithm::Sm2 {
        errors.algorithm = Some(SM2_REFUSAL.into());
    }
    match (errors.is_empty(), domain_type, normalized.first()) {
        (true, Some(domain_type), Some(first)) => Ok(CsrRequest {
            subject: NameSpec {
                common_name: first.clone(),
                organization: (!organization.is_empty()).then(|| organization.to_string()),
                country: (!country.is_empty()).then(|| country.to_ascii_uppercase()),
            },
            alt_names: normalized
                .iter()
                .map(|n| SubjectAltName::parse(n))
                .collect(),
            names: normalized,
            domain_type,
            algorithm,
        }),
        _ => Err(errors),
    }
}

/// A pasted CSR that fits the certificate it renews, before its signature
/// is checked (WebCrypto, in `platform`). The refusal says what was pasted
/// and what is needed: a CSR, with the original's key algorithm and exactly
/// the certificate's names.
pub fn check_manual_csr(
    text: &str,
    original_key: KeyAlgorithm,
    names: &[String],
) -> Result<Csr, String> {
    let csr = read_csr(text.as_bytes()).map_err(|p| match p.kind {
        ProblemKind::Empty => "Paste the content of your CSR file, from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----.".to_string(),
        ProblemKind::PrivateKey => "This is a private key, not a CSR. Never paste a private key here: paste the CSR (BEGIN CERTIFICATE REQUEST) made with it, and keep the key on your server.".to_string(),
        ProblemKind::PublicKey => "This is a public key, not a CSR: paste the CSR (BEGIN CERTIFICATE REQUEST).".to_string(),
        ProblemKind::NoCertificate | ProblemKind::BinaryData | ProblemKind::UnknownDer => "No certificate signing request found: paste the CSR, from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----.".to_string(),
        _ => p.message,
    })?;
    let key = csr.public_key();
    match csr.key_algorithm() {
        Some(found) if found == original_key => {}
        Some(found) => {
            return Err(format!(
                "The CSR's key algorithm ({}) differs from the original certificate's ({}): make the CSR with a new {} key.",
                found.label(),
                original_key.label(),
                original_key.label()
            ));
        }
        None => {
            return Err(format!(
                "The CSR's key ({key}) is not one a certificate can be issued for here; the original certificate uses {}: make the CSR with a {} key.",
                original_key.label(),
                original_key.label()
            ));
        }
    }
    check_csr_names(&csr, names)?;
    Ok(csr)
}

/// The CSR requests exactly `names` (compared normalised: case, trailing dot,
/// punycode), or what it lacks and adds. The app checks a pasted CSR with it
/// (in [`check_manual_csr`]) and the server checks every order's CSR.
pub fn check_csr_names(csr: &Csr, names: &[String]) -> Result<(), String> {
    let wanted: Vec<String> = names
        .iter()
        .map(|n| normalize_domain(n).unwrap_or_else(|_| n.trim().to_ascii_lowercase()))
        .collect();
    let found: Vec<String> = csr
        .names()
        .iter()
        .map(|n| normalize_domain(n).unwrap_or_else(|_| n.clone()))
        .collect();
    let (wanted_set, found_set): (HashSet<&String>, HashSet<&String>) =
        (wanted.iter().collect(), found.iter().collect());
    let missing: Vec<&String> = wanted.iter().filter(|n| !found_set.contains(n)).collect();
    let extra: Vec<&String> = found.iter().filter(|n| !wanted_set.contains(n)).collect();
    if !missing.is_empty() || !extra.is_empty() {
        let list = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("it lacks {}", list(&missing)));
        }
        if !extra.is_empty() {
            parts.push(format!("it adds {}", list(&extra)));
        }
        return Err(format!(
            "The CSR's names do not match the certificate's ({}): {}. Make the CSR with exactly these names.",
            wanted.join(", "),
            parts.join(" and ")
        ));
    }
    Ok(())
}
