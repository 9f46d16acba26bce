//! Signature checks: what `x509` prepared, verified by WebCrypto.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::CryptoKey;

use super::{CryptoError, call, params, sign_params, subtle, usages};
use crate::x509::{ChainReport, CheckPlan, Csr, SignatureCheck, SignatureScheme};

/// The outcome of one signature check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// The signature is wrong; the string says how.
    Invalid(String),
    /// The browser cannot check this algorithm (or this key): not a failure.
    NotChecked(String),
}

impl Verdict {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Valid => "Signature valid",
            Self::Invalid(_) => "Signature invalid",
            Self::NotChecked(_) => "Signature not checked",
        }
    }
}

/// The verdict on `ChainReport::certificates[subject]` as signed by `[issuer]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkVerdict {
    pub subject: usize,
    pub issuer: usize,
    pub verdict: Verdict,
}

/// Algorithm parameters for importing a key (and, for RSA, binding its hash).
fn key_params(scheme: &SignatureScheme) -> Object {
    match scheme {
        SignatureScheme::RsaPkcs1 { hash } => params(&[
            ("name", "RSASSA-PKCS1-v1_5".into()),
            ("hash", hash.name().into()),
        ]),
        SignatureScheme::Ecdsa { curve, .. } => params(&[
            ("name", "ECDSA".into()),
            ("namedCurve", curve.name().into()),
        ]),
    }
}

/// Verifies `signature` (WebCrypto's form) over `data` with an SPKI.
pub async fn verify_signature(
    scheme: &SignatureScheme,
    spki_der: &[u8],
    signature: &[u8],
    data: &[u8],
) -> Result<bool, CryptoError> {
    let subtle = subtle()?;
    let key = call(
        "read the signer's public key",
        subtle.import_key_with_object(
            "spki",
            &Uint8Array::from(spki_der),
            &key_params(scheme),
            false,
            &usages(&["verify"]),
        ),
    )
    .await?
    .unchecked_into::<CryptoKey>();
    let valid = call(
        "check the signature",
        subtle.verify_with_object_and_buffer_source_and_buffer_source(
            &sign_params(scheme),
            &key,
            &Uint8Array::from(signature),
            &Uint8Array::from(data),
        ),
    )
    .await?;
    Ok(valid.as_bool().unwrap_or(false))
}

/// Checks one signature as `x509` planned it: WebCrypto where it can,
/// "not checked" for algorithms it cannot, "invalid" for malformed ones.
pub async fn check_signature(check: &SignatureCheck) -> Verdict {
    match &check.plan {
        CheckPlan::NotCheckable(why) => Verdict::NotChecked(why.clone()),
        CheckPlan::Invalid(why) => Verdict::Invalid(why.clone()),
        CheckPlan::WebCrypto { scheme, signature } => {
            match verify_signature(scheme, &check.signer_spki, signature, &check.signed_data).await {
                Ok(true) => Verdict::Valid,
                Ok(false) => Verdict::Invalid(
                    "The signature does not match: it was not made by this key, or the data was changed after signing."
                        .into(),
                ),
                Err(e) => Verdict::NotChecked(e.to_string()),
            }
        }
    }
}

/// Checks every link of a chain, in the report's order.
pub async fn verify_links(report: &ChainReport) -> Vec<LinkVerdict> {
    let mut out = Vec::with_capacity(report.links.len());
    for link in &report.links {
        out.push(LinkVerdict {
            subject: link.subject,
            issuer: link.issuer,
            verdict: check_signature(&link.check).await,
        });
    }
    out
}

/// Checks a CSR's self-signature (that the requester holds the private key).
pub async fn verify_csr(csr: &Csr) -> Verdict {
    check_signature(&csr.signature_check()).await
}
