//! WebCrypto: key pairs for CSRs and the sandbox CA, signing, exporting, and
//! the signature checks that `x509` prepares (chain links, CSR self-signatures).
//!
//! Keys never leave this module except as the PKCS#8 export the user
//! downloads; nothing here writes to storage. Every failure is a
//! [`CryptoError`] with a sentence, never a panic.
//!
//! - [`generate_key_pair`], [`KeyPair`] (export SPKI / PKCS#8, sign),
//!   [`create_csr`], [`issue_certificate`], [`random_serial`] in `keys`;
//! - [`verify_signature`], [`check_signature`], [`verify_links`],
//!   [`verify_csr`] and their [`Verdict`]s in `verify`.

mod keys;
mod verify;

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::SubtleCrypto;

use crate::x509::{BuildError, SignatureScheme};

pub use keys::{KeyPair, create_csr, generate_key_pair, issue_certificate, random_serial};
pub use verify::{
    LinkVerdict, Verdict, check_signature, verify_csr, verify_links, verify_signature,
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

/// Algorithm parameters for sign and verify.
fn sign_params(scheme: &SignatureScheme) -> Object {
    match scheme {
        SignatureScheme::RsaPkcs1 { .. } => params(&[("name", "RSASSA-PKCS1-v1_5".into())]),
        SignatureScheme::Ecdsa { hash, .. } => {
            params(&[("name", "ECDSA".into()), ("hash", hash.name().into())])
        }
    }
}
