//! The sandbox CA: a root and an intermediate made with WebCrypto once per
//! page load and kept in memory only (never stored), which issue real X.509
//! certificates for the renewal flow's sandbox. Their names say what they
//! are: no browser trusts them.
//!
//! Decisions:
//! - A leaf is valid from `not_before` 00:00:00 UTC to `not_after` 23:59:59
//!   UTC, so x509 reads back exactly those two dates (`not_before_date`,
//!   `not_after_date`): the days the rules computed, both included.
//! - The CA covers 1990-01-01 to 2099-12-31, so any As of date the console
//!   can be viewed at gets a chain whose members are all in date.
//! - Root ECDSA P-384 (SHA-384), intermediate ECDSA P-256 (SHA-256): fast to
//!   make, and checked by every browser.
//! - With a CSR, the leaf carries the CSR's public key once its
//!   self-signature verifies; without one, a fresh key pair of the record's
//!   algorithm is made and its private key dropped (the sandbox stands for
//!   a CA whose customer keeps the key).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chrono::NaiveDate;

use crate::platform::crypto::{
    KeyPair, Verdict, generate_key_pair, issue_certificate, random_serial, verify_csr,
};
use crate::rules::model::{Certificate as Record, KeyAlgorithm};
use crate::x509::{
    Certificate, EncodedName, KeyKind, LeafIssuer, key_identifier, read_csr, sandbox_ca_name,
    sandbox_ca_spec, sandbox_leaf_spec,
};

pub use crate::x509::{
    SANDBOX_INTERMEDIATE_NAME as INTERMEDIATE_NAME, SANDBOX_ROOT_NAME as ROOT_NAME,
};

struct SandboxCa {
    intermediate_key: KeyPair,
    intermediate_name: EncodedName,
    intermediate_ski: Vec<u8>,
    intermediate: Certificate,
    root: Certificate,
}

enum CaState {
    None,
    Making,
    Ready(Rc<SandboxCa>),
}

thread_local! {
    static CA: RefCell<CaState> = const { RefCell::new(CaState::None) };
}

fn ca_name(common_name: &str) -> Result<EncodedName, String> {
    sandbox_ca_name(common_name)
}

async fn make_ca() -> Result<SandboxCa, String> {
    let root_key = generate_key_pair(KeyAlgorithm::EcdsaP384)
        .await
        .map_err(|e| e.to_string())?;
    let intermediate_key = generate_key_pair(KeyAlgorithm::EcdsaP256)
        .await
        .map_err(|e| e.to_string())?;
    let (root_name, intermediate_name) = (ca_name(ROOT_NAME)?, ca_name(INTERMEDIATE_NAME)?);
    let root_spki = root_key
        .public_key_spki()
        .await
        .map_err(|e| e.to_string())?;
    let root_ski = key_identifier(&root_spki).map_err(|e| e.to_string())?;
    let serial = || random_serial().map_err(|e| e.to_string());
    let scheme = root_key.scheme().clone();
    let spec = sandbox_ca_spec(&scheme, &root_name, &root_name, root_spki, None, serial()?)?;
    let root = issue_certificate(&root_key, &spec)
        .await
        .map_err(|e| e.to_string())?;
    let intermediate_spki = intermediate_key
        .public_key_spki()
        .await
        .map_err(|e| e.to_string())?;
    let intermediate_ski = key_identifier(&intermediate_spki).map_err(|e| e.to_string())?;
    let spec = sandbox_ca_spec(
        &scheme,
        &root_name,
        &intermediate_name,
        intermediate_spki,
        Some(root_ski),
        serial()?,
    )?;
    let intermediate = issue_certificate(&root_key, &spec)
        .await
        .map_err(|e| e.to_string())?;
    Ok(SandboxCa {
        intermediate_key,
        intermediate_name,
        intermediate_ski,
        intermediate,
        root,
    })
}

/// The page's sandbox CA, made on first use. Calls that arrive while it is
/// being made wait for it rather than make a second one.
async fn sandbox_ca() -> Result<Rc<SandboxCa>, String> {
    loop {
        let ready = CA.with(|ca| match &*ca.borrow() {
            CaState::Ready(ca) => Some(Some(Rc::clone(ca))),
            CaState::Making => Some(None),
            CaState::None => None,
        });
        match ready {
            Some(Some(ca)) => return Ok(ca),
            Some(None) => yew::platform::time::sleep(Duration::from_millis(20)).await,
            None => break,
        }
    }
    CA.with(|ca| *ca.borrow_mut() = CaState::Making);
    let made = make_ca().await.map(Rc::new);
    CA.with(|ca| {
        *ca.borrow_mut() = match &made {
            Ok(ca) => CaState::Ready(Rc::clone(ca)),
            Err(_) => CaState::None,
        }
    });
    made.map_err(|e| format!("The sandbox CA could not be set up: {e}"))
}

/// The sandbox root and intermediate certificates (PEM), made if needed.
pub async fn ca_certificates() -> Result<(String, String), String> {
    let ca = sandbox_ca().await?;
    Ok((ca.root.to_pem(), ca.intermediate.to_pem()))
}

/// The leaf's public key (SPKI DER, and whether it is RSA): the CSR's after
/// its signature verifies, else a new key's.
async fn leaf_key(record: &Record, csr_pem: Option<&str>) -> Result<(Vec<u8>, bool), String> {
    let Some(text) = csr_pem else {
        let key = generate_key_pair(record.key_algorithm)
            .await
            .map_err(|e| e.to_string())?;
        let rsa = matches!(
            record.key_algorithm,
            KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 | KeyAlgorithm::Rsa4096
        );
        return Ok((key.public_key_spki().await.map_err(|e| e.to_string())?, rsa));
    };
    let csr = read_csr(text.as_bytes()).map_err(|p| format!("The CSR cannot be used: {p}"))?;
    match verify_csr(&csr).await {
        Verdict::Valid => Ok((
            csr.public_key().spki_der().to_vec(),
            matches!(csr.public_key().kind(), KeyKind::Rsa { .. }),
        )),
        Verdict::Invalid(why) => Err(format!("The CSR's signature is invalid: {why}")),
        Verdict::NotChecked(why) => Err(format!(
            "The CSR's signature cannot be checked in the browser, so the sandbox CA does not issue for it: {why}"
        )),
    }
}

/// Issues a sandbox certificate for `record`'s names, valid from
/// `not_before` 00:00:00 UTC to `not_after` 23:59:59 UTC, with the public
/// key of `csr_pem` (checked first) or of a fresh key pair. Returns the PEM
/// chain: leaf, intermediate, root.
pub async fn issue(
    record: &Record,
    not_before: NaiveDate,
    not_after: NaiveDate,
    csr_pem: Option<&str>,
) -> Result<String, String> {
    if not_after < not_before {
        return Err(format!(
            "The validity ends ({not_after}) before it starts ({not_before})."
        ));
    }
    if record.key_algorithm == KeyAlgorithm::Sm2 && csr_pem.is_none() {
        return Err(
            "SM2 is not available: the sandbox CA runs on WebCrypto, which has no SM2".to_string(),
        );
    }
    if record.domains.iter().all(|d| d.trim().is_empty()) {
        return Err(format!(
            "{} has no domain name to put in a certificate.",
            record.name
        ));
    }
    let (spki, rsa) = leaf_key(record, csr_pem).await?;
    let ca = sandbox_ca().await?;
    let spec = sandbox_leaf_spec(
        record,
        not_before,
        not_after,
        spki,
        rsa,
        random_serial().map_err(|e| e.to_string())?,
        LeafIssuer {
            name: &ca.intermediate_name,
            key_id: &ca.intermediate_ski,
            scheme: ca.intermediate_key.scheme(),
        },
    )?;
    let leaf = issue_certificate(&ca.intermediate_key, &spec)
        .await
        .map_err(|e| format!("The sandbox CA could not issue the certificate: {e}"))?;
    Ok(format!(
        "{}{}{}",
        leaf.to_pem(),
        ca.intermediate.to_pem(),
        ca.root.to_pem()
    ))
}
