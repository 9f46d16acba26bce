//! Everything WebCrypto needs to check one signature, prepared in pure Rust.

use super::ecdsa::ecdsa_der_to_raw;
use super::key::{Curve, KeyKind, PublicKeyInfo};
use super::signature::{SignatureAlgorithm, SignatureScheme};

/// What to do with one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckPlan {
    /// Ask WebCrypto: verify `signature` (already in WebCrypto's form) over
    /// the signed data with the signer's SPKI, using `scheme`.
    WebCrypto {
        scheme: SignatureScheme,
        signature: Vec<u8>,
    },
    /// WebCrypto cannot check this algorithm (SM2, RSA-PSS, Ed25519, MD5...):
    /// report "not checked", never "failed". The string says why.
    NotCheckable(String),
    /// Wrong without any cryptography: a malformed ECDSA value, or a
    /// signature algorithm that does not fit the signer's key. The string says why.
    Invalid(String),
}

/// The data needed to check one signature: what was signed (TBSCertificate
/// or CertificationRequestInfo DER), the signature as found in X.509, the
/// algorithm, the signer's SPKI, and the plan for WebCrypto.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCheck {
    pub signed_data: Vec<u8>,
    pub signature: Vec<u8>,
    pub algorithm: SignatureAlgorithm,
    pub signer_spki: Vec<u8>,
    pub plan: CheckPlan,
}

impl SignatureCheck {
    pub(crate) fn new(
        signed_data: &[u8],
        signature: &[u8],
        algorithm: &SignatureAlgorithm,
        signer: &PublicKeyInfo,
    ) -> Self {
        let plan = plan(signature, algorithm, signer);
        Self {
            signed_data: signed_data.to_vec(),
            signature: signature.to_vec(),
            algorithm: algorithm.clone(),
            signer_spki: signer.spki_der().to_vec(),
            plan,
        }
    }
}

fn plan(signature: &[u8], algorithm: &SignatureAlgorithm, signer: &PublicKeyInfo) -> CheckPlan {
    let not_checkable = |why: String| CheckPlan::NotCheckable(why);
    match (algorithm, signer.kind()) {
        (SignatureAlgorithm::RsaPkcs1(hash), KeyKind::Rsa { .. }) if hash.webcrypto_supported() => {
            CheckPlan::WebCrypto {
                scheme: SignatureScheme::RsaPkcs1 { hash: *hash },
                signature: signature.to_vec(),
            }
        }
        (SignatureAlgorithm::Ecdsa(hash), KeyKind::Ec { curve, .. })
            if hash.webcrypto_supported()
                && matches!(curve, Curve::P256 | Curve::P384 | Curve::P521) =>
        {
            let field = curve.field_bytes().unwrap_or(0);
            match ecdsa_der_to_raw(signature, field) {
                Ok(raw) => CheckPlan::WebCrypto {
                    scheme: SignatureScheme::Ecdsa {
                        hash: *hash,
                        curve: curve.clone(),
                    },
                    signature: raw,
                },
                Err(e) => CheckPlan::Invalid(e.to_string()),
            }
        }
        (SignatureAlgorithm::RsaPkcs1(h) | SignatureAlgorithm::Ecdsa(h), _)
            if !h.webcrypto_supported() =>
        {
            not_checkable(format!(
                "{algorithm} cannot be checked in the browser ({} is not available in WebCrypto).",
                h.name()
            ))
        }
        (SignatureAlgorithm::RsaPkcs1(_), _) => CheckPlan::Invalid(format!(
            "The signature algorithm is {algorithm}, but the signer's key is {signer}."
        )),
        (SignatureAlgorithm::Ecdsa(_), KeyKind::Ec { .. }) => not_checkable(format!(
            "{algorithm} on the curve {} cannot be checked in the browser.",
            signer.curve().map(Curve::name).unwrap_or_default()
        )),
        (SignatureAlgorithm::Ecdsa(_), _) => CheckPlan::Invalid(format!(
            "The signature algorithm is {algorithm}, but the signer's key is {signer}."
        )),
        _ => not_checkable(format!(
            "{algorithm} signatures cannot be checked in the browser."
        )),
    }
}
