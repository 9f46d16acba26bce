//! Object identifiers Certdesk reads and writes, as encoded content octets.
//!
//! Comparing encoded bytes avoids allocating for every lookup, and the same
//! constants feed the DER writer, so reading and writing cannot disagree.

use x509_parser::asn1_rs::oid;

// Public key algorithms.
pub(crate) const RSA_ENCRYPTION: &[u8] = &oid!(raw 1.2.840.113549.1.1.1);
pub(crate) const EC_PUBLIC_KEY: &[u8] = &oid!(raw 1.2.840.10045.2.1);
pub(crate) const DSA: &[u8] = &oid!(raw 1.2.840.10040.4.1);
pub(crate) const ED25519: &[u8] = &oid!(raw 1.3.101.112);
pub(crate) const ED448: &[u8] = &oid!(raw 1.3.101.113);
pub(crate) const RSASSA_PSS: &[u8] = &oid!(raw 1.2.840.113549.1.1.10);

// Named curves.
pub(crate) const CURVE_P256: &[u8] = &oid!(raw 1.2.840.10045.3.1.7);
pub(crate) const CURVE_P384: &[u8] = &oid!(raw 1.3.132.0.34);
pub(crate) const CURVE_P521: &[u8] = &oid!(raw 1.3.132.0.35);
pub(crate) const CURVE_SECP256K1: &[u8] = &oid!(raw 1.3.132.0.10);
pub(crate) const CURVE_SM2: &[u8] = &oid!(raw 1.2.156.10197.1.301);

// Signature algorithms.
pub(crate) const MD5_WITH_RSA: &[u8] = &oid!(raw 1.2.840.113549.1.1.4);
pub(crate) const SHA1_WITH_RSA: &[u8] = &oid!(raw 1.2.840.113549.1.1.5);
pub(crate) const SHA256_WITH_RSA: &[u8] = &oid!(raw 1.2.840.113549.1.1.11);
pub(crate) const SHA384_WITH_RSA: &[u8] = &oid!(raw 1.2.840.113549.1.1.12);
pub(crate) const SHA512_WITH_RSA: &[u8] = &oid!(raw 1.2.840.113549.1.1.13);
pub(crate) const SHA224_WITH_RSA: &[u8] = &oid!(raw 1.2.840.113549.1.1.14);
pub(crate) const ECDSA_WITH_SHA1: &[u8] = &oid!(raw 1.2.840.10045.4.1);
pub(crate) const ECDSA_WITH_SHA224: &[u8] = &oid!(raw 1.2.840.10045.4.3.1);
pub(crate) const ECDSA_WITH_SHA256: &[u8] = &oid!(raw 1.2.840.10045.4.3.2);
pub(crate) const ECDSA_WITH_SHA384: &[u8] = &oid!(raw 1.2.840.10045.4.3.3);
pub(crate) const ECDSA_WITH_SHA512: &[u8] = &oid!(raw 1.2.840.10045.4.3.4);
pub(crate) const SM2_WITH_SM3: &[u8] = &oid!(raw 1.2.156.10197.1.501);
pub(crate) const DSA_WITH_SHA1: &[u8] = &oid!(raw 1.2.840.10040.4.3);
pub(crate) const DSA_WITH_SHA256: &[u8] = &oid!(raw 2.16.840.1.101.3.4.3.2);

// Name attributes.
pub(crate) const COMMON_NAME: &[u8] = &oid!(raw 2.5.4.3);
pub(crate) const COUNTRY: &[u8] = &oid!(raw 2.5.4.6);
pub(crate) const ORGANIZATION: &[u8] = &oid!(raw 2.5.4.10);

/// Short names for the attribute types seen in real certificates (RFC 4514
/// plus the ones openssl prints), by encoded OID.
pub(crate) const NAME_ATTRIBUTES: &[(&[u8], &str)] = &[
    (COMMON_NAME, "CN"),
    (COUNTRY, "C"),
    (ORGANIZATION, "O"),
    (&oid!(raw 2.5.4.11), "OU"),
    (&oid!(raw 2.5.4.7), "L"),
    (&oid!(raw 2.5.4.8), "ST"),
    (&oid!(raw 2.5.4.9), "street"),
    (&oid!(raw 2.5.4.5), "serialNumber"),
    (&oid!(raw 2.5.4.4), "SN"),
    (&oid!(raw 2.5.4.42), "GN"),
    (&oid!(raw 2.5.4.12), "title"),
    (&oid!(raw 2.5.4.15), "businessCategory"),
    (&oid!(raw 2.5.4.17), "postalCode"),
    (&oid!(raw 2.5.4.97), "organizationIdentifier"),
    (&oid!(raw 1.2.840.113549.1.9.1), "emailAddress"),
    (&oid!(raw 0.9.2342.19200300.100.1.25), "DC"),
    (&oid!(raw 0.9.2342.19200300.100.1.1), "UID"),
    (&oid!(raw 1.3.6.1.4.1.311.60.2.1.3), "jurisdictionC"),
    (&oid!(raw 1.3.6.1.4.1.311.60.2.1.2), "jurisdictionST"),
    (&oid!(raw 1.3.6.1.4.1.311.60.2.1.1), "jurisdictionL"),
];

// Extensions.
pub(crate) const SUBJECT_KEY_ID: &[u8] = &oid!(raw 2.5.29.14);
pub(crate) const KEY_USAGE: &[u8] = &oid!(raw 2.5.29.15);
pub(crate) const SUBJECT_ALT_NAME: &[u8] = &oid!(raw 2.5.29.17);
pub(crate) const BASIC_CONSTRAINTS: &[u8] = &oid!(raw 2.5.29.19);
pub(crate) const AUTHORITY_KEY_ID: &[u8] = &oid!(raw 2.5.29.35);
pub(crate) const EXT_KEY_USAGE: &[u8] = &oid!(raw 2.5.29.37);

// Extended key usages.
pub(crate) const EKU_SERVER_AUTH: &[u8] = &oid!(raw 1.3.6.1.5.5.7.3.1);
pub(crate) const EKU_CLIENT_AUTH: &[u8] = &oid!(raw 1.3.6.1.5.5.7.3.2);
pub(crate) const EKU_CODE_SIGNING: &[u8] = &oid!(raw 1.3.6.1.5.5.7.3.3);
pub(crate) const EKU_EMAIL_PROTECTION: &[u8] = &oid!(raw 1.3.6.1.5.5.7.3.4);
pub(crate) const EKU_TIME_STAMPING: &[u8] = &oid!(raw 1.3.6.1.5.5.7.3.8);
pub(crate) const EKU_OCSP_SIGNING: &[u8] = &oid!(raw 1.3.6.1.5.5.7.3.9);
pub(crate) const EKU_ANY: &[u8] = &oid!(raw 2.5.29.37.0);

// Containers.
pub(crate) const PKCS7_SIGNED_DATA: &[u8] = &oid!(raw 1.2.840.113549.1.7.2);
pub(crate) const PKCS7_DATA: &[u8] = &oid!(raw 1.2.840.113549.1.7.1);
pub(crate) const EXTENSION_REQUEST: &[u8] = &oid!(raw 1.2.840.113549.1.9.14);

/// Dotted text of an encoded OID, for algorithms and attributes we have no name for.
pub(crate) fn dotted(content: &[u8]) -> String {
    let mut arcs: Vec<u128> = Vec::new();
    let mut acc: u128 = 0;
    for (i, b) in content.iter().enumerate() {
        if acc > u128::MAX >> 8 {
            return format!("(invalid OID {})", super::text::hex(content, ""));
        }
        acc = (acc << 7) | u128::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let (first, second) = match acc {
                    0..=39 => (0, acc),
                    40..=79 => (1, acc - 40),
                    _ => (2, acc - 80),
                };
                arcs.push(first);
                arcs.push(second);
            } else {
                arcs.push(acc);
            }
            acc = 0;
        } else if i + 1 == content.len() {
            return format!("(invalid OID {})", super::text::hex(content, ""));
        }
    }
    arcs.iter()
        .map(u128::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_form_round_trips_the_macro() {
        assert_eq!(dotted(SHA256_WITH_RSA), "1.2.840.113549.1.1.11");
        assert_eq!(dotted(EKU_ANY), "2.5.29.37.0");
        // 2.999.3: the first two arcs share one encoded number (2*40+999).
        assert_eq!(dotted(&[0x88, 0x37, 0x03]), "2.999.3");
        assert!(dotted(&[0x81]).starts_with("(invalid OID"));
        assert_eq!(dotted(&[]), "");
    }
}
