//! Signing for the builder: the caller brings the key. In the browser it is
//! WebCrypto (`platform::crypto::KeyPair`), on a server a native key; both
//! go through the same [`sign_certificate`] and [`sign_csr`]: build the
//! unsigned part, `sign` it (async: WebCrypto answers with a promise), then
//! assemble (x509-cert's `AsyncBuilder` shape).

use std::fmt;

use super::build::{
    BuildError, NameSpec, assemble_certificate, assemble_csr, certification_request_info,
};
use super::issue::{CertificateSpec, tbs_certificate};
use super::names::SubjectAltName;
use super::signature::SignatureScheme;

/// A private key that signs, and the public key that goes with it.
#[allow(async_fn_in_trait)] // Implemented by the caller, used generically, never as `dyn`.
pub trait AsyncSigner {
    /// What went wrong in the signer (WebCrypto's or a native library's error).
    type Error: fmt::Display;

    /// The scheme this key signs with (written into what it signs).
    fn scheme(&self) -> &SignatureScheme;

    /// The public key as SubjectPublicKeyInfo DER.
    async fn public_key_spki(&self) -> Result<Vec<u8>, Self::Error>;

    /// A signature over `data` in X.509's form (ECDSA as a DER SEQUENCE).
    async fn sign(&self, data: &[u8]) -> Result<Vec<u8>, Self::Error>;
}

/// Why a certificate or CSR could not be signed.
#[derive(Debug, PartialEq, Eq)]
pub enum SignError<E> {
    /// The input could not be encoded.
    Build(BuildError),
    /// The signer failed.
    Signer(E),
    /// The spec names another scheme than the signer's key has.
    SchemeMismatch,
}

impl<E: fmt::Display> fmt::Display for SignError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::Build(e) => write!(f, "{e}"),
            SignError::Signer(e) => write!(f, "the key could not sign: {e}"),
            SignError::SchemeMismatch => {
                write!(
                    f,
                    "the certificate names another signature scheme than the issuer's key"
                )
            }
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for SignError<E> {}

impl<E> From<BuildError> for SignError<E> {
    fn from(e: BuildError) -> Self {
        SignError::Build(e)
    }
}

/// The certificate (DER) `spec` describes, signed by `issuer`, whose scheme
/// must be `spec.scheme`.
pub async fn sign_certificate<S: AsyncSigner>(
    spec: &CertificateSpec,
    issuer: &S,
) -> Result<Vec<u8>, SignError<S::Error>> {
    if &spec.scheme != issuer.scheme() {
        return Err(SignError::SchemeMismatch);
    }
    let tbs = tbs_certificate(spec)?;
    let signature = issuer.sign(&tbs).await.map_err(SignError::Signer)?;
    Ok(assemble_certificate(&tbs, &spec.scheme, &signature)?)
}

/// A CSR (DER) for `subject` and `names` with `key`'s public key, signed by `key`.
pub async fn sign_csr<S: AsyncSigner>(
    subject: &NameSpec,
    names: &[SubjectAltName],
    key: &S,
) -> Result<Vec<u8>, SignError<S::Error>> {
    let spki = key.public_key_spki().await.map_err(SignError::Signer)?;
    let info = certification_request_info(subject, names, &spki)?;
    let signature = key.sign(&info).await.map_err(SignError::Signer)?;
    Ok(assemble_csr(&info, key.scheme(), &signature)?)
}
