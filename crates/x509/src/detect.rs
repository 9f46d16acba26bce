//! Recognising what a user gave instead of a certificate: by PEM label, or
//! by the shape of a DER structure (private keys, PKCS#12, public keys, CRLs).

use super::der::{self, Tlv, tag};

/// What a PEM label or a DER structure turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Certificate,
    Csr,
    Pkcs7,
    PrivateKey(String),
    PublicKey(String),
    Pkcs12,
    Crl(String),
    SshKey,
    /// Blocks that travel with others and say nothing alone (EC PARAMETERS).
    Ignored,
    Other(String),
    Unknown,
}

impl Found {
    pub(crate) fn from_label(label: &str) -> Self {
        match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Self::Certificate,
            "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Self::Csr,
            "PKCS7" | "PKCS #7 SIGNED DATA" | "CMS" => Self::Pkcs7,
            "X509 CRL" => Self::Crl(format!("{label} block")),
            "PKCS12" => Self::Pkcs12,
            "EC PARAMETERS" | "DH PARAMETERS" => Self::Ignored,
            l if l.ends_with("PRIVATE KEY") => Self::PrivateKey(format!("{l} block")),
            l if l.ends_with("PUBLIC KEY") => Self::PublicKey(format!("{l} block")),
            l => Self::Other(l.to_string()),
        }
    }

    /// Recognises the DER structures people upload by mistake.
    pub(crate) fn from_der(element: &[u8]) -> Self {
        let Some(items) =
            der::expect(element, tag::SEQUENCE).and_then(|(s, _)| der::children(s.content))
        else {
            return Self::Unknown;
        };
        let tags: Vec<u8> = items.iter().map(|t| t.tag).collect();
        let int = |t: &Tlv<'_>| t.tag == tag::INTEGER && t.content.len() == 1;
        match (tags.as_slice(), items.first()) {
            // PKCS#12: version 3, authSafe ContentInfo, macData.
            ([tag::INTEGER, tag::SEQUENCE, ..], Some(v)) if int(v) && v.content == [3] => {
                Self::Pkcs12
            }
            // PKCS#8 PrivateKeyInfo (v1/v2).
            ([tag::INTEGER, tag::SEQUENCE, tag::OCTET_STRING, ..], Some(v)) if int(v) => {
                Self::PrivateKey("PKCS#8 private key, DER".into())
            }
            // RSAPrivateKey (PKCS#1): version, n, e, d, p, q...
            ([tag::INTEGER, tag::INTEGER, tag::INTEGER, tag::INTEGER, ..], Some(v)) if int(v) => {
                Self::PrivateKey("RSA private key, DER".into())
            }
            // ECPrivateKey (RFC 5915): version 1, privateKey OCTET STRING.
            ([tag::INTEGER, tag::OCTET_STRING, ..], Some(v)) if int(v) => {
                Self::PrivateKey("EC private key, DER".into())
            }
            // EncryptedPrivateKeyInfo: algorithm, encrypted data.
            ([tag::SEQUENCE, tag::OCTET_STRING], _) => {
                Self::PrivateKey("encrypted private key, DER".into())
            }
            ([tag::SEQUENCE, tag::BIT_STRING], _) => Self::PublicKey("public key, DER".into()),
            ([tag::SEQUENCE, tag::SEQUENCE, tag::BIT_STRING], Some(tbs))
                if is_tbs_cert_list(tbs) =>
            {
                Self::Crl("certificate revocation list, DER".into())
            }
            _ => Self::Unknown,
        }
    }
}

/// TBSCertList has a bare Time (thisUpdate) right after the issuer Name;
/// TBSCertificate keeps its times inside a Validity SEQUENCE.
fn is_tbs_cert_list(tbs: &Tlv<'_>) -> bool {
    der::children(tbs.content).is_some_and(|items| {
        items
            .iter()
            .take(4)
            .any(|t| t.tag == tag::UTC_TIME || t.tag == tag::GENERALIZED_TIME)
    })
}
