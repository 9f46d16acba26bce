//! Signature algorithms, and everything WebCrypto needs to check one signature.
//!
//! X.509 and WebCrypto disagree on one thing: an ECDSA signature in X.509 is
//! DER (`SEQUENCE { r INTEGER, s INTEGER }`), WebCrypto wants raw `r || s`
//! with each half padded to the curve's field size. `ecdsa_der_to_raw` and
//! `ecdsa_raw_to_der` convert; `SignatureCheck` carries the converted form.

use std::fmt;

use x509_parser::x509::AlgorithmIdentifier;

use super::key::{Curve, KeyKind, PublicKeyInfo};
use super::{der, oids};
use crate::rules::model::KeyAlgorithm;

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

/// Why an ECDSA signature value could not be converted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EcdsaFormatError {
    #[error("The ECDSA signature is not a DER SEQUENCE of two INTEGERs.")]
    NotDer,
    #[error("The ECDSA signature has a value longer than the curve allows.")]
    TooLong,
    #[error("The ECDSA signature has a zero or negative value.")]
    OutOfRange,
    #[error("A raw ECDSA signature must be two halves of equal length.")]
    OddRawLength,
    #[error("The curve of the signing key is not known.")]
    UnknownCurve,
}

/// DER `SEQUENCE { r, s }` to WebCrypto's raw `r || s`, each `field_bytes` long.
pub fn ecdsa_der_to_raw(der_sig: &[u8], field_bytes: usize) -> Result<Vec<u8>, EcdsaFormatError> {
    if field_bytes == 0 {
        return Err(EcdsaFormatError::UnknownCurve);
    }
    let (seq, rest) = der::expect(der_sig, der::tag::SEQUENCE).ok_or(EcdsaFormatError::NotDer)?;
    let (r, after_r) =
        der::expect(seq.content, der::tag::INTEGER).ok_or(EcdsaFormatError::NotDer)?;
    let (s, after_s) = der::expect(after_r, der::tag::INTEGER).ok_or(EcdsaFormatError::NotDer)?;
    if !rest.is_empty() || !after_s.is_empty() {
        return Err(EcdsaFormatError::NotDer);
    }
    let mut raw = vec![0u8; field_bytes * 2];
    for (half, int) in [(0, r.content), (1, s.content)] {
        if int.first().is_none_or(|b| b & 0x80 != 0) {
            return Err(EcdsaFormatError::OutOfRange);
        }
        let digits = &int[int.iter().take_while(|b| **b == 0).count()..];
        if digits.is_empty() {
            return Err(EcdsaFormatError::OutOfRange);
        }
        if digits.len() > field_bytes {
            return Err(EcdsaFormatError::TooLong);
        }
        let end = (half + 1) * field_bytes;
        raw[end - digits.len()..end].copy_from_slice(digits);
    }
    Ok(raw)
}

/// WebCrypto's raw `r || s` to the DER form X.509 stores.
pub fn ecdsa_raw_to_der(raw: &[u8]) -> Result<Vec<u8>, EcdsaFormatError> {
    if raw.is_empty() || raw.len() % 2 != 0 {
        return Err(EcdsaFormatError::OddRawLength);
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    Ok(der::sequence(&[
        &der::unsigned_integer(r),
        &der::unsigned_integer(s),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecdsa_forms_round_trip() {
        let mut raw = vec![0u8; 64];
        raw[0] = 0x80; // r needs a sign byte in DER
        raw[31] = 1;
        raw[63] = 7; // s is tiny: 31 leading zeros
        let der_sig = ecdsa_raw_to_der(&raw).expect("der");
        assert_eq!(&der_sig[..4], &[0x30, 0x26, 0x02, 0x21]);
        assert_eq!(&der_sig[der_sig.len() - 3..], &[0x02, 0x01, 0x07]);
        assert_eq!(ecdsa_der_to_raw(&der_sig, 32), Ok(raw));
    }

    #[test]
    fn ecdsa_conversion_refuses_bad_values() {
        assert_eq!(
            ecdsa_raw_to_der(&[1, 2, 3]),
            Err(EcdsaFormatError::OddRawLength)
        );
        assert_eq!(ecdsa_raw_to_der(&[]), Err(EcdsaFormatError::OddRawLength));
        assert_eq!(
            ecdsa_der_to_raw(&[0x30, 0], 32),
            Err(EcdsaFormatError::NotDer)
        );
        let long = ecdsa_raw_to_der(&[0x11; 66]).expect("der");
        assert_eq!(ecdsa_der_to_raw(&long, 32), Err(EcdsaFormatError::TooLong));
        let zero = der::sequence(&[&der::small_integer(0), &der::small_integer(1)]);
        assert_eq!(
            ecdsa_der_to_raw(&zero, 32),
            Err(EcdsaFormatError::OutOfRange)
        );
        let negative = der::sequence(&[&der::tlv(2, &[0xff]), &der::small_integer(1)]);
        assert_eq!(
            ecdsa_der_to_raw(&negative, 32),
            Err(EcdsaFormatError::OutOfRange)
        );
        let mut trailing = ecdsa_raw_to_der(&[1; 64]).expect("der");
        trailing.push(0);
        assert_eq!(
            ecdsa_der_to_raw(&trailing, 32),
            Err(EcdsaFormatError::NotDer)
        );
        assert_eq!(
            ecdsa_der_to_raw(&trailing, 0),
            Err(EcdsaFormatError::UnknownCurve)
        );
    }

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
