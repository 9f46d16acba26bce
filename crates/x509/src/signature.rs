//! Signature algorithms: what a certificate says it was signed with, and the
//! schemes WebCrypto can sign and verify.

use std::fmt;

use x509_parser::x509::AlgorithmIdentifier;

use super::key::Curve;
use super::{der, oids};
use certdesk_rules::model::KeyAlgorithm;

/// Digest algorithms that appear in certificate signatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hash {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sm3,
}

impl Hash {
    /// "SHA-256", as WebCrypto spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha1 => "SHA-1",
            Self::Sha224 => "SHA-224",
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
            Self::Sm3 => "SM3",
        }
    }

    /// WebCrypto digests are SHA-1 and SHA-2 (256/384/512) only.
    pub fn webcrypto_supported(self) -> bool {
        matches!(
            self,
            Self::Sha1 | Self::Sha256 | Self::Sha384 | Self::Sha512
        )
    }
}

/// What a certificate or CSR says it was signed with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SignatureAlgorithm {
    RsaPkcs1(Hash),
    Ecdsa(Hash),
    RsaPss,
    Ed25519,
    Ed448,
    Sm2WithSm3,
    Dsa(Hash),
    /// Not one we know (dotted OID).
    Other(String),
}

impl SignatureAlgorithm {
    pub(crate) fn from_parsed(alg: &AlgorithmIdentifier<'_>) -> Self {
        Self::from_oid(alg.algorithm.as_bytes())
    }

    pub(crate) fn from_oid(oid: &[u8]) -> Self {
        match oid {
            oids::MD5_WITH_RSA => Self::RsaPkcs1(Hash::Md5),
            oids::SHA1_WITH_RSA => Self::RsaPkcs1(Hash::Sha1),
            oids::SHA224_WITH_RSA => Self::RsaPkcs1(Hash::Sha224),
            oids::SHA256_WITH_RSA => Self::RsaPkcs1(Hash::Sha256),
            oids::SHA384_WITH_RSA => Self::RsaPkcs1(Hash::Sha384),
            oids::SHA512_WITH_RSA => Self::RsaPkcs1(Hash::Sha512),
            oids::ECDSA_WITH_SHA1 => Self::Ecdsa(Hash::Sha1),
            oids::ECDSA_WITH_SHA224 => Self::Ecdsa(Hash::Sha224),
            oids::ECDSA_WITH_SHA256 => Self::Ecdsa(Hash::Sha256),
            oids::ECDSA_WITH_SHA384 => Self::Ecdsa(Hash::Sha384),
            oids::ECDSA_WITH_SHA512 => Self::Ecdsa(Hash::Sha512),
            oids::RSASSA_PSS => Self::RsaPss,
            oids::ED25519 => Self::Ed25519,
            oids::ED448 => Self::Ed448,
            oids::SM2_WITH_SM3 => Self::Sm2WithSm3,
            oids::DSA_WITH_SHA1 => Self::Dsa(Hash::Sha1),
            oids::DSA_WITH_SHA256 => Self::Dsa(Hash::Sha256),
            other => Self::Other(oids::dotted(other)),
        }
    }
}

/// "SHA-256 with RSA", "ECDSA with SHA-384", "SM2 with SM3".
impl fmt::Display for SignatureAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RsaPkcs1(h) => write!(f, "{} with RSA", h.name()),
            Self::Ecdsa(h) => write!(f, "ECDSA with {}", h.name()),
            Self::RsaPss => f.write_str("RSA-PSS"),
            Self::Ed25519 => f.write_str("Ed25519"),
            Self::Ed448 => f.write_str("Ed448"),
            Self::Sm2WithSm3 => f.write_str("SM2 with SM3"),
            Self::Dsa(h) => write!(f, "DSA with {}", h.name()),
            Self::Other(oid) => write!(f, "Unknown signature algorithm ({oid})"),
        }
    }
}

/// A signature WebCrypto can check (or make), with every parameter it needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5.
    RsaPkcs1 { hash: Hash },
    /// ECDSA; `curve` is the signer's key curve (WebCrypto imports it by name).
    Ecdsa { hash: Hash, curve: Curve },
}

impl SignatureScheme {
    /// How Certdesk signs with a key of this algorithm: RSA and P-256 with
    /// SHA-256, P-384 with SHA-384 (the pairing CAs use). `None` for SM2,
    /// which WebCrypto cannot do.
    pub fn for_key(algorithm: KeyAlgorithm) -> Option<Self> {
        match algorithm {
            KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 | KeyAlgorithm::Rsa4096 => {
                Some(Self::RsaPkcs1 { hash: Hash::Sha256 })
            }
            KeyAlgorithm::EcdsaP256 => Some(Self::Ecdsa {
                hash: Hash::Sha256,
                curve: Curve::P256,
            }),
            KeyAlgorithm::EcdsaP384 => Some(Self::Ecdsa {
                hash: Hash::Sha384,
                curve: Curve::P384,
            }),
            KeyAlgorithm::Sm2 => None,
        }
    }

    pub fn hash(&self) -> Hash {
        match self {
            Self::RsaPkcs1 { hash } | Self::Ecdsa { hash, .. } => *hash,
        }
    }

    /// The AlgorithmIdentifier DER for this scheme (RSA carries NULL
    /// parameters, ECDSA none, per RFC 4055 and RFC 5758). `None` for a hash
    /// X.509 has no identifier for with this key type.
    pub fn algorithm_identifier(&self) -> Option<Vec<u8>> {
        let oid = match self {
            Self::RsaPkcs1 { hash } => match hash {
                Hash::Sha1 => oids::SHA1_WITH_RSA,
                Hash::Sha224 => oids::SHA224_WITH_RSA,
                Hash::Sha256 => oids::SHA256_WITH_RSA,
                Hash::Sha384 => oids::SHA384_WITH_RSA,
                Hash::Sha512 => oids::SHA512_WITH_RSA,
                Hash::Md5 | Hash::Sm3 => return None,
            },
            Self::Ecdsa { hash, .. } => match hash {
                Hash::Sha1 => oids::ECDSA_WITH_SHA1,
                Hash::Sha224 => oids::ECDSA_WITH_SHA224,
                Hash::Sha256 => oids::ECDSA_WITH_SHA256,
                Hash::Sha384 => oids::ECDSA_WITH_SHA384,
                Hash::Sha512 => oids::ECDSA_WITH_SHA512,
                Hash::Md5 | Hash::Sm3 => return None,
            },
        };
        Some(match self {
            Self::RsaPkcs1 { .. } => der::sequence(&[&der::oid(oid), &der::null()]),
            Self::Ecdsa { .. } => der::sequence(&[&der::oid(oid)]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_identifiers() {
        assert_eq!(
            SignatureAlgorithm::RsaPkcs1(Hash::Sha256).to_string(),
            "SHA-256 with RSA"
        );
        assert_eq!(
            SignatureAlgorithm::Ecdsa(Hash::Sha384).to_string(),
            "ECDSA with SHA-384"
        );
        let rsa = SignatureScheme::for_key(KeyAlgorithm::Rsa3072).expect("rsa");
        let id = rsa.algorithm_identifier().expect("id");
        assert_eq!(id.len(), 15, "SEQUENCE {{ OID(9), NULL }}");
        assert_eq!(SignatureScheme::for_key(KeyAlgorithm::Sm2), None);
        let ec = SignatureScheme::for_key(KeyAlgorithm::EcdsaP384).expect("ec");
        assert_eq!(ec.hash(), Hash::Sha384);
        assert_eq!(ec.algorithm_identifier().map(|i| i.len()), Some(12));
    }
}
