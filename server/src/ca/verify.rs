//! Native signature checks (RustCrypto) of what certdesk-x509 prepares for
//! WebCrypto in the browser: a CSR's self-signature before the sandbox CA
//! issues for its key, and the links of a chain in tests.

use certdesk_x509::{Hash, SignatureAlgorithm, SignatureCheck};
use sha2::Digest;

/// The digest of `data` with `hash`, or why it is not one checked here.
fn digest(hash: Hash, data: &[u8]) -> Result<Vec<u8>, String> {
    Ok(match hash {
        Hash::Sha256 => sha2::Sha256::digest(data).to_vec(),
        Hash::Sha384 => sha2::Sha384::digest(data).to_vec(),
        Hash::Sha512 => sha2::Sha512::digest(data).to_vec(),
        other => {
            return Err(format!(
                "{} signatures are not accepted: use SHA-256 or stronger",
                other.name()
            ));
        }
    })
}

/// `Ok` when the signature verifies; else why not (invalid, or an
/// algorithm this server does not check).
pub fn check_signature(check: &SignatureCheck) -> Result<(), String> {
    let invalid = || "the signature does not verify".to_string();
    match &check.algorithm {
        SignatureAlgorithm::Ecdsa(hash) => {
            let hashed = digest(*hash, &check.signed_data)?;
            ecdsa(&check.signer_spki, &hashed, &check.signature).map_err(|_| invalid())
        }
        SignatureAlgorithm::RsaPkcs1(hash) => {
            use rsa::pkcs8::DecodePublicKey;
            let hashed = digest(*hash, &check.signed_data)?;
            let key = rsa::RsaPublicKey::from_public_key_der(&check.signer_spki)
                .map_err(|e| format!("the signer's RSA key cannot be read: {e}"))?;
            let scheme = match hash {
                Hash::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                Hash::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                _ => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
            };
            key.verify(scheme, &hashed, &check.signature)
                .map_err(|_| invalid())
        }
        other => Err(format!("{other} signatures are not checked by this server")),
    }
}

/// ECDSA over P-256 or P-384 with a prehashed message (any SHA-2 digest).
fn ecdsa(spki: &[u8], hashed: &[u8], signature: &[u8]) -> Result<(), String> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    use p256::pkcs8::DecodePublicKey;
    if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(spki) {
        let sig = p256::ecdsa::Signature::from_der(signature).map_err(|e| e.to_string())?;
        return key.verify_prehash(hashed, &sig).map_err(|e| e.to_string());
    }
    if let Ok(key) = p384::ecdsa::VerifyingKey::from_public_key_der(spki) {
        let sig = p384::ecdsa::Signature::from_der(signature).map_err(|e| e.to_string())?;
        return key.verify_prehash(hashed, &sig).map_err(|e| e.to_string());
    }
    Err("only P-256 and P-384 ECDSA keys are checked by this server".into())
}
