//! Public keys: which algorithm, how big, and whether it is one Certdesk issues.

use std::fmt;

use x509_parser::x509::SubjectPublicKeyInfo;

use super::{der, oids};
use certdesk_rules::model::KeyAlgorithm;

/// Elliptic curves by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Curve {
    P256,
    P384,
    P521,
    Secp256k1,
    Sm2,
    /// A named curve we have no name for (dotted OID), or explicit parameters.
    Other(String),
}

impl Curve {
    fn from_oid(oid: &[u8]) -> Self {
        match oid {
            oids::CURVE_P256 => Self::P256,
            oids::CURVE_P384 => Self::P384,
            oids::CURVE_P521 => Self::P521,
            oids::CURVE_SECP256K1 => Self::Secp256k1,
            oids::CURVE_SM2 => Self::Sm2,
            other => Self::Other(oids::dotted(other)),
        }
    }

    /// "P-256", as WebCrypto and the documents name it.
    pub fn name(&self) -> String {
        match self {
            Self::P256 => "P-256".into(),
            Self::P384 => "P-384".into(),
            Self::P521 => "P-521".into(),
            Self::Secp256k1 => "secp256k1".into(),
            Self::Sm2 => "SM2".into(),
            Self::Other(s) => s.clone(),
        }
    }

    /// Nominal size in bits.
    pub fn bits(&self) -> Option<u32> {
        match self {
            Self::P256 | Self::Secp256k1 | Self::Sm2 => Some(256),
            Self::P384 => Some(384),
            Self::P521 => Some(521),
            Self::Other(_) => None,
        }
    }

    /// Field size in bytes: the length of r and of s in a raw ECDSA signature.
    pub fn field_bytes(&self) -> Option<usize> {
        match self {
            Self::P256 | Self::Secp256k1 | Self::Sm2 => Some(32),
            Self::P384 => Some(48),
            Self::P521 => Some(66),
            Self::Other(_) => None,
        }
    }
}

/// The kind of a public key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum KeyKind {
    Rsa {
        bits: u32,
    },
    Ec {
        curve: Curve,
        bits: u32,
    },
    Ed25519,
    Ed448,
    Dsa,
    /// An algorithm we have no name for (dotted OID).
    Other(String),
}

/// A subject public key: its kind and its SubjectPublicKeyInfo DER (which is
/// what WebCrypto imports as "spki").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKeyInfo {
    kind: KeyKind,
    spki_der: Vec<u8>,
}

impl PublicKeyInfo {
    pub(crate) fn from_parsed(spki: &SubjectPublicKeyInfo<'_>) -> Self {
        let alg = spki.algorithm.algorithm.as_bytes();
        let params = spki.algorithm.parameters.as_ref();
        let key_bytes: &[u8] = &spki.subject_public_key.data;
        let kind = match alg {
            oids::RSA_ENCRYPTION | oids::RSASSA_PSS => KeyKind::Rsa {
                bits: rsa_modulus_bits(key_bytes),
            },
            oids::EC_PUBLIC_KEY => {
                let curve = match params {
                    Some(p) if p.tag().0 == u32::from(der::tag::OID) => Curve::from_oid(p.data),
                    _ => Curve::Other("explicit curve parameters".into()),
                };
                let bits = curve.bits().unwrap_or_else(|| ec_point_bits(key_bytes));
                KeyKind::Ec { curve, bits }
            }
            oids::ED25519 => KeyKind::Ed25519,
            oids::ED448 => KeyKind::Ed448,
            oids::DSA => KeyKind::Dsa,
            other => KeyKind::Other(oids::dotted(other)),
        };
        Self {
            kind,
            spki_der: spki.raw.to_vec(),
        }
    }

    pub fn kind(&self) -> &KeyKind {
        &self.kind
    }

    /// The model's algorithm when this key is one of them; `None` for others
    /// (RSA 1024, P-521, Ed25519...), which `description` still names.
    pub fn algorithm(&self) -> Option<KeyAlgorithm> {
        match &self.kind {
            KeyKind::Rsa { bits: 2048 } => Some(KeyAlgorithm::Rsa2048),
            KeyKind::Rsa { bits: 3072 } => Some(KeyAlgorithm::Rsa3072),
            KeyKind::Rsa { bits: 4096 } => Some(KeyAlgorithm::Rsa4096),
            KeyKind::Ec {
                curve: Curve::P256, ..
            } => Some(KeyAlgorithm::EcdsaP256),
            KeyKind::Ec {
                curve: Curve::P384, ..
            } => Some(KeyAlgorithm::EcdsaP384),
            KeyKind::Ec {
                curve: Curve::Sm2, ..
            } => Some(KeyAlgorithm::Sm2),
            _ => None,
        }
    }

    /// Key size in bits (modulus for RSA, field for EC), when known.
    pub fn bits(&self) -> Option<u32> {
        match &self.kind {
            KeyKind::Rsa { bits } | KeyKind::Ec { bits, .. } if *bits > 0 => Some(*bits),
            KeyKind::Ed25519 => Some(256),
            KeyKind::Ed448 => Some(456),
            _ => None,
        }
    }

    pub fn curve(&self) -> Option<&Curve> {
        match &self.kind {
            KeyKind::Ec { curve, .. } => Some(curve),
            _ => None,
        }
    }

    /// SubjectPublicKeyInfo DER.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }
}

/// "RSA 2048 bits", "ECDSA P-256", "SM2", "Ed25519".
impl fmt::Display for PublicKeyInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            KeyKind::Rsa { bits: 0 } => f.write_str("RSA (invalid modulus)"),
            KeyKind::Rsa { bits } => write!(f, "RSA {bits} bits"),
            KeyKind::Ec {
                curve: Curve::Sm2, ..
            } => f.write_str("SM2"),
            KeyKind::Ec { curve, .. } => write!(f, "ECDSA {}", curve.name()),
            KeyKind::Ed25519 => f.write_str("Ed25519"),
            KeyKind::Ed448 => f.write_str("Ed448"),
            KeyKind::Dsa => f.write_str("DSA"),
            KeyKind::Other(oid) => write!(f, "Unknown key algorithm ({oid})"),
        }
    }
}

/// Bits of the modulus of an RSAPublicKey (SEQUENCE { modulus, exponent }),
/// counted from its highest set bit; 0 if it does not parse.
fn rsa_modulus_bits(key: &[u8]) -> u32 {
    let Some((seq, _)) = der::expect(key, der::tag::SEQUENCE) else {
        return 0;
    };
    let Some((modulus, _)) = der::expect(seq.content, der::tag::INTEGER) else {
        return 0;
    };
    let digits = &modulus.content[modulus.content.iter().take_while(|b| **b == 0).count()..];
    match digits.first() {
        Some(first) => (digits.len() as u32 - 1) * 8 + (8 - first.leading_zeros()),
        None => 0,
    }
}

/// Field size of an EC point on a curve we do not know: uncompressed
/// 04||X||Y or compressed 02/03||X, rounded to whole bytes.
fn ec_point_bits(point: &[u8]) -> u32 {
    match point {
        [4, rest @ ..] if !rest.is_empty() && rest.len() % 2 == 0 => rest.len() as u32 * 4,
        [2 | 3, rest @ ..] if !rest.is_empty() => rest.len() as u32 * 8,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulus_bits_count_from_the_top_bit() {
        let key = der::sequence(&[
            &der::unsigned_integer(&[0x01, 0, 0]),
            &der::small_integer(3),
        ]);
        assert_eq!(rsa_modulus_bits(&key), 17);
        let key = der::sequence(&[&der::unsigned_integer(&[0xff; 256]), &der::small_integer(3)]);
        assert_eq!(rsa_modulus_bits(&key), 2048);
        assert_eq!(rsa_modulus_bits(&[0x30, 0x00]), 0);
        assert_eq!(rsa_modulus_bits(&[]), 0);
    }

    #[test]
    fn point_sizes() {
        assert_eq!(ec_point_bits(&[4; 65]), 256);
        assert_eq!(ec_point_bits(&[2; 33]), 256);
        assert_eq!(ec_point_bits(&[4]), 0);
        assert_eq!(ec_point_bits(&[]), 0);
    }
}
