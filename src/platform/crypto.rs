//! WebCrypto: key pairs for CSRs and the sandbox CA, signing, exporting, and
//! the signature checks that `x509` prepares (chain links, CSR self-signatures).
//!
//! Keys never leave this module except as the PKCS#8 export the user
//! downloads; nothing here writes to storage. Every failure is a
//! [`CryptoError`] with a sentence, never a panic.

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::rules::model::KeyAlgorithm;
use crate::x509::{
    BuildError, Certificate, CertificateSpec, ChainReport, CheckPlan, Csr, NameSpec,
    SignatureCheck, SignatureScheme, SubjectAltName, assemble_certificate, assemble_csr,
    certification_request_info, ecdsa_raw_to_der, pem_encode, tbs_certificate,
};

/// Why a WebCrypto operation could not be done.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CryptoError {
    #[error(
        "This browser does not offer WebCrypto here (it needs a secure page: https or localhost): {detail}"
    )]
    Unavailable { detail: String },
    #[error(
        "{algorithm} keys cannot be made in the browser (WebCrypto has no {algorithm}): choose ECDSA or RSA."
    )]
    Unsupported { algorithm: &'static str },
    #[error("The browser could not {operation}: {detail}")]
    Failed {
        operation: &'static str,
        detail: String,
    },
    #[error("The signing key is {key}, but the certificate says it is signed with {scheme}.")]
    SchemeMismatch { key: String, scheme: String },
    #[error(transparent)]
    Build(#[from] BuildError),
}

/// A key pair made by WebCrypto. The private key is extractable only so
/// the user can download it (PKCS#8); Certdesk does not keep it.
#[derive(Clone, Debug)]
pub struct KeyPair {
    algorithm: KeyAlgorithm,
    scheme: SignatureScheme,
    private_key: CryptoKey,
    public_key: CryptoKey,
}

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

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let unavailable = |detail: &str| CryptoError::Unavailable {
        detail: detail.to_string(),
    };
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .filter(|c| c.is_object())
        .ok_or_else(|| unavailable("there is no crypto object"))?;
    Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| s.is_object())
        .map(JsCast::unchecked_into::<SubtleCrypto>)
        .ok_or_else(|| unavailable("crypto.subtle is missing"))
}

/// "OperationError: ..." from whatever a promise rejected with.
fn describe(error: &JsValue) -> String {
    let text = |name: &str| {
        Reflect::get(error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match (text("name"), text("message")) {
        (n, m) if n.is_empty() && m.is_empty() => {
            error.as_string().unwrap_or_else(|| "unknown error".into())
        }
        (n, m) if m.is_empty() => n,
        (n, m) if n.is_empty() => m,
        (n, m) => format!("{n}: {m}"),
    }
}

/// Runs one WebCrypto call (which may throw or reject) to completion.
async fn call(
    operation: &'static str,
    promise: Result<Promise, JsValue>,
) -> Result<JsValue, CryptoError> {
    let failed = |e: JsValue| CryptoError::Failed {
        operation,
        detail: describe(&e),
    };
    JsFuture::from(promise.map_err(failed)?)
        .await
        .map_err(failed)
}

fn bytes_of(value: JsValue, operation: &'static str) -> Result<Vec<u8>, CryptoError> {
    value
        .dyn_into::<ArrayBuffer>()
        .map(|b| Uint8Array::new(&b).to_vec())
        .map_err(|_| CryptoError::Failed {
            operation,
            detail: "the result was not bytes".into(),
        })
}

/// A plain JS object from (key, value) pairs, as WebCrypto's algorithm parameters.
fn params(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
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

/// Algorithm parameters for sign and verify.
fn sign_params(scheme: &SignatureScheme) -> Object {
    match scheme {
        SignatureScheme::RsaPkcs1 { .. } => params(&[("name", "RSASSA-PKCS1-v1_5".into())]),
        SignatureScheme::Ecdsa { hash, .. } => {
            params(&[("name", "ECDSA".into()), ("hash", hash.name().into())])
        }
    }
}

/// Makes a key pair of `algorithm` (ECDSA P-256/P-384, RSA 2048/3072/4096
/// with SHA-256). SM2 is refused: WebCrypto does not have it.
pub async fn generate_key_pair(algorithm: KeyAlgorithm) -> Result<KeyPair, CryptoError> {
    let scheme =
        SignatureScheme::for_key(algorithm).ok_or(CryptoError::Unsupported { algorithm: "SM2" })?;
    let spec = match (&scheme, algorithm) {
        (SignatureScheme::Ecdsa { curve, .. }, _) => params(&[
            ("name", "ECDSA".into()),
            ("namedCurve", curve.name().into()),
        ]),
        (SignatureScheme::RsaPkcs1 { hash }, alg) => {
            let bits: u32 = match alg {
                KeyAlgorithm::Rsa3072 => 3072,
                KeyAlgorithm::Rsa4096 => 4096,
                _ => 2048,
            };
            params(&[
                ("name", "RSASSA-PKCS1-v1_5".into()),
                ("modulusLength", bits.into()),
                ("publicExponent", Uint8Array::from(&[1u8, 0, 1][..]).into()),
                ("hash", hash.name().into()),
            ])
        }
    };
    let subtle = subtle()?;
    let pair = call(
        "make a key pair",
        subtle.generate_key_with_object(&spec, true, &usages(&["sign", "verify"])),
    )
    .await?;
    let key = |name: &str| {
        Reflect::get(&pair, &JsValue::from_str(name))
            .ok()
            .and_then(|k| k.dyn_into::<CryptoKey>().ok())
            .ok_or_else(|| CryptoError::Failed {
                operation: "make a key pair",
                detail: format!("no {name} in the result"),
            })
    };
    Ok(KeyPair {
        algorithm,
        private_key: key("privateKey")?,
        public_key: key("publicKey")?,
        scheme,
    })
}

impl KeyPair {
    pub fn algorithm(&self) -> KeyAlgorithm {
        self.algorithm
    }

    /// How this key signs (RSA and P-256 with SHA-256, P-384 with SHA-384).
    pub fn scheme(&self) -> &SignatureScheme {
        &self.scheme
    }

    /// The public key as SubjectPublicKeyInfo DER.
    pub async fn public_key_spki(&self) -> Result<Vec<u8>, CryptoError> {
        let subtle = subtle()?;
        let op = "export the public key";
        bytes_of(
            call(op, subtle.export_key("spki", &self.public_key)).await?,
            op,
        )
    }

    /// The private key as PKCS#8 DER, for the user to download.
    pub async fn private_key_pkcs8(&self) -> Result<Vec<u8>, CryptoError> {
        let subtle = subtle()?;
        let op = "export the private key";
        bytes_of(
            call(op, subtle.export_key("pkcs8", &self.private_key)).await?,
            op,
        )
    }

    /// The private key as a PEM "PRIVATE KEY" block (PKCS#8), what servers load.
    pub async fn private_key_pem(&self) -> Result<String, CryptoError> {
        Ok(pem_encode("PRIVATE KEY", &self.private_key_pkcs8().await?))
    }

    /// Signs `data`, returning the signature in X.509's form (ECDSA as DER).
    pub async fn sign(&self, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let subtle = subtle()?;
        let op = "sign";
        let promise = subtle.sign_with_object_and_buffer_source(
            &sign_params(&self.scheme),
            &self.private_key,
            &Uint8Array::from(data),
        );
        let signature = bytes_of(call(op, promise).await?, op)?;
        match self.scheme {
            SignatureScheme::Ecdsa { .. } => {
                ecdsa_raw_to_der(&signature).map_err(|e| CryptoError::Failed {
                    operation: op,
                    detail: e.to_string(),
                })
            }
            SignatureScheme::RsaPkcs1 { .. } => Ok(signature),
        }
    }
}

/// Builds a CSR for `subject` and `names` with `key`'s public key, signed by `key`.
pub async fn create_csr(
    key: &KeyPair,
    subject: &NameSpec,
    names: &[SubjectAltName],
) -> Result<Csr, CryptoError> {
    let info = certification_request_info(subject, names, &key.public_key_spki().await?)?;
    let signature = key.sign(&info).await?;
    let der = assemble_csr(&info, key.scheme(), &signature)?;
    Csr::from_der(&der).map_err(|e| CryptoError::Failed {
        operation: "read back the CSR it made",
        detail: e.0,
    })
}

/// Issues a certificate from `spec`, signed by `issuer` (the sandbox CA).
/// `spec.scheme` must be the issuer key's scheme.
pub async fn issue_certificate(
    issuer: &KeyPair,
    spec: &CertificateSpec,
) -> Result<Certificate, CryptoError> {
    if &spec.scheme != issuer.scheme() {
        return Err(CryptoError::SchemeMismatch {
            key: format!("{:?}", issuer.algorithm()),
            scheme: format!("{:?}", spec.scheme),
        });
    }
    let tbs = tbs_certificate(spec)?;
    let signature = issuer.sign(&tbs).await?;
    let der = assemble_certificate(&tbs, &spec.scheme, &signature)?;
    Certificate::from_der(&der).map_err(|e| CryptoError::Failed {
        operation: "read back the certificate it made",
        detail: e.0,
    })
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

/// A random positive 16-byte serial number (RFC 5280 asks for at most 20
/// bytes; CA/B Forum for 64 random bits or more), from `crypto.getRandomValues`.
pub fn random_serial() -> Result<Vec<u8>, CryptoError> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .filter(|c| c.is_object())
        .map(JsCast::unchecked_into::<web_sys::Crypto>)
        .ok_or_else(|| CryptoError::Unavailable {
            detail: "there is no crypto object".into(),
        })?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| CryptoError::Failed {
            operation: "make random numbers",
            detail: describe(&e),
        })?;
    // Positive, and exactly 16 bytes long: the top bit clear, the next set.
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    Ok(bytes.to_vec())
}
