//! Key pairs, and what is made with them: CSRs, sandbox certificates, serials.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CryptoKey;

use super::{CryptoError, bytes_of, call, describe, params, sign_params, subtle, usages};
use crate::rules::model::KeyAlgorithm;
use crate::x509::{
    AsyncSigner, Certificate, CertificateSpec, Csr, NameSpec, SignError, SignatureScheme,
    SubjectAltName, ecdsa_raw_to_der, pem_encode, sign_certificate, sign_csr,
};

/// A key pair made by WebCrypto. The private key is extractable only so
/// the user can download it (PKCS#8); Certdesk does not keep it.
#[derive(Clone, Debug)]
pub struct KeyPair {
    algorithm: KeyAlgorithm,
    scheme: SignatureScheme,
    private_key: CryptoKey,
    public_key: CryptoKey,
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

/// WebCrypto signs for the X.509 builder (`certdesk-x509`'s `AsyncSigner`).
impl AsyncSigner for KeyPair {
    type Error = CryptoError;

    fn scheme(&self) -> &SignatureScheme {
        &self.scheme
    }

    async fn public_key_spki(&self) -> Result<Vec<u8>, CryptoError> {
        KeyPair::public_key_spki(self).await
    }

    async fn sign(&self, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
        KeyPair::sign(self, data).await
    }
}

fn unsigned(e: SignError<CryptoError>) -> CryptoError {
    match e {
        SignError::Build(e) => CryptoError::Build(e),
        SignError::Signer(e) => e,
        SignError::SchemeMismatch => CryptoError::Failed {
            operation: "sign",
            detail: "the key's scheme is not the one the certificate names".into(),
        },
    }
}

/// Builds a CSR for `subject` and `names` with `key`'s public key, signed by `key`.
pub async fn create_csr(
    key: &KeyPair,
    subject: &NameSpec,
    names: &[SubjectAltName],
) -> Result<Csr, CryptoError> {
    let der = sign_csr(subject, names, key).await.map_err(unsigned)?;
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
    let der = sign_certificate(spec, issuer).await.map_err(|e| match e {
        SignError::SchemeMismatch => CryptoError::SchemeMismatch {
            key: format!("{:?}", issuer.algorithm()),
            scheme: format!("{:?}", spec.scheme),
        },
        other => unsigned(other),
    })?;
    Certificate::from_der(&der).map_err(|e| CryptoError::Failed {
        operation: "read back the certificate it made",
        detail: e.0,
    })
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
