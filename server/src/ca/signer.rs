//! Native keys for the sandbox CA (RustCrypto ECDSA), behind certdesk-x509's
//! `AsyncSigner`: the same builder the browser drives with WebCrypto.

use certdesk_rules::KeyAlgorithm;
use certdesk_x509::{AsyncSigner, Hash, SignatureScheme};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey};
use rand_core::OsRng;

/// A CA key: P-384 (the root) or P-256 (the intermediate).
pub enum NativeKey {
    P256(p256::ecdsa::SigningKey, SignatureScheme),
    P384(p384::ecdsa::SigningKey, SignatureScheme),
}

fn scheme(algorithm: KeyAlgorithm) -> SignatureScheme {
    SignatureScheme::for_key(algorithm).unwrap_or(SignatureScheme::Ecdsa {
        hash: Hash::Sha256,
        curve: certdesk_x509::Curve::P256,
    })
}

impl NativeKey {
    pub fn generate_p256() -> Self {
        NativeKey::P256(
            p256::ecdsa::SigningKey::random(&mut OsRng),
            scheme(KeyAlgorithm::EcdsaP256),
        )
    }

    pub fn generate_p384() -> Self {
        NativeKey::P384(
            p384::ecdsa::SigningKey::random(&mut OsRng),
            scheme(KeyAlgorithm::EcdsaP384),
        )
    }

    /// PKCS#8 DER of the private key (kept in the database's `ca` table).
    pub fn to_pkcs8(&self) -> Result<Vec<u8>, String> {
        match self {
            NativeKey::P256(k, _) => k.to_pkcs8_der().map(|d| d.as_bytes().to_vec()),
            NativeKey::P384(k, _) => k.to_pkcs8_der().map(|d| d.as_bytes().to_vec()),
        }
        .map_err(|e| format!("cannot encode the CA key: {e}"))
    }

    /// A P-256 or P-384 key from PKCS#8 DER.
    pub fn from_pkcs8(der: &[u8]) -> Result<Self, String> {
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Ok(NativeKey::P256(k, scheme(KeyAlgorithm::EcdsaP256)));
        }
        p384::ecdsa::SigningKey::from_pkcs8_der(der)
            .map(|k| NativeKey::P384(k, scheme(KeyAlgorithm::EcdsaP384)))
            .map_err(|e| format!("the stored CA key cannot be read: {e}"))
    }

    pub fn spki(&self) -> Result<Vec<u8>, String> {
        match self {
            NativeKey::P256(k, _) => k.verifying_key().to_public_key_der(),
            NativeKey::P384(k, _) => k.verifying_key().to_public_key_der(),
        }
        .map(|d| d.into_vec())
        .map_err(|e| format!("cannot encode the public key: {e}"))
    }
}

impl AsyncSigner for NativeKey {
    type Error = String;

    fn scheme(&self) -> &SignatureScheme {
        match self {
            NativeKey::P256(_, s) | NativeKey::P384(_, s) => s,
        }
    }

    async fn public_key_spki(&self) -> Result<Vec<u8>, String> {
        self.spki()
    }

    async fn sign(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        use p256::ecdsa::signature::Signer;
        Ok(match self {
            NativeKey::P256(k, _) => {
                let s: p256::ecdsa::Signature = k.sign(data);
                s.to_der().as_bytes().to_vec()
            }
            NativeKey::P384(k, _) => {
                let s: p384::ecdsa::Signature = k.sign(data);
                s.to_der().as_bytes().to_vec()
            }
        })
    }
}

/// The public key (SPKI DER) of a fresh key pair of `algorithm`; the private
/// key is dropped here: the sandbox stands for a CA whose customer keeps it.
/// RSA is slow to generate: call this off the async runtime.
pub fn fresh_public_key(algorithm: KeyAlgorithm) -> Result<Vec<u8>, String> {
    let bits = match algorithm {
        KeyAlgorithm::EcdsaP256 => return NativeKey::generate_p256().spki(),
        KeyAlgorithm::EcdsaP384 => return NativeKey::generate_p384().spki(),
        KeyAlgorithm::Rsa2048 => 2048,
        KeyAlgorithm::Rsa3072 => 3072,
        KeyAlgorithm::Rsa4096 => 4096,
        KeyAlgorithm::Sm2 => {
            return Err(
                "SM2 is not available: the sandbox CA has no SM2 (paste a CSR made with an SM2 key)"
                    .into(),
            );
        }
    };
    let key = rsa::RsaPrivateKey::new(&mut OsRng, bits)
        .map_err(|e| format!("cannot make an RSA key: {e}"))?;
    rsa::pkcs8::EncodePublicKey::to_public_key_der(&key.to_public_key())
        .map(|d| d.into_vec())
        .map_err(|e| format!("cannot encode the RSA key: {e}"))
}

/// 16 random bytes, positive: a certificate serial.
pub fn random_serial() -> Vec<u8> {
    use rand_core::RngCore;
    let mut serial = vec![0u8; 16];
    OsRng.fill_bytes(&mut serial);
    serial[0] = (serial[0] & 0x7f) | 0x01;
    serial
}
