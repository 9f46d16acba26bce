//! PKCS#7 / CMS bundles (`.p7b`, `.p7c`): the certificates of a SignedData.
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
//! SignedData  ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
//!                            certificates [0] IMPLICIT SET OF Certificate OPTIONAL,
//!                            crls [1] OPTIONAL, signerInfos SET }
//! ```

use super::der::{self, tag};
use super::oids;

/// What a ContentInfo turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Bundle<'a> {
    /// A SignedData; its certificates' DER in bundle order (may be empty).
    Certificates(Vec<&'a [u8]>),
    /// A ContentInfo of another type (enveloped, plain data...).
    OtherContent(String),
    /// Starts like a ContentInfo but its SignedData is damaged.
    Damaged,
}

/// `None` when `input` does not even start like a PKCS#7 ContentInfo.
pub(crate) fn read(input: &[u8]) -> Option<Bundle<'_>> {
    let (info, _) = der::expect(input, tag::SEQUENCE)?;
    let (content_type, rest) = der::expect(info.content, tag::OID)?;
    if !is_pkcs7_type(content_type.content) {
        return None;
    }
    if content_type.content != oids::PKCS7_SIGNED_DATA {
        return Some(Bundle::OtherContent(oids::dotted(content_type.content)));
    }
    Some(signed_data_certificates(rest).map_or(Bundle::Damaged, Bundle::Certificates))
}

/// 1.2.840.113549.1.7.x: the PKCS#7 content types.
fn is_pkcs7_type(oid: &[u8]) -> bool {
    oid.len() == oids::PKCS7_DATA.len() && oid.starts_with(&oids::PKCS7_DATA[..oid.len() - 1])
}

fn signed_data_certificates(content: &[u8]) -> Option<Vec<&[u8]>> {
    let (explicit, _) = der::expect(content, tag::context_constructed(0))?;
    let (signed, _) = der::expect(explicit.content, tag::SEQUENCE)?;
    let (_version, rest) = der::expect(signed.content, tag::INTEGER)?;
    let (_digests, rest) = der::expect(rest, tag::SET)?;
    let (_encap, rest) = der::expect(rest, tag::SEQUENCE)?;
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let (certs, _) = der::read(rest).ok()?;
    if certs.tag != tag::context_constructed(0) {
        // No certificates field: a signature-only message.
        return Some(Vec::new());
    }
    Some(
        der::children(certs.content)?
            .into_iter()
            // Other CertificateChoices (attribute certificates, [0]-[3]) are skipped.
            .filter(|c| c.tag == tag::SEQUENCE)
            .map(|c| c.raw)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::{constructed, oid, sequence, small_integer, tlv};

    fn signed_data(certs: &[&[u8]]) -> Vec<u8> {
        let set = constructed(tag::context_constructed(0), certs);
        let signed = sequence(&[
            &small_integer(1),
            &tlv(tag::SET, &[]),
            &sequence(&[&oid(oids::PKCS7_DATA)]),
            &set,
            &tlv(tag::SET, &[]),
        ]);
        sequence(&[
            &oid(oids::PKCS7_SIGNED_DATA),
            &tlv(tag::context_constructed(0), &signed),
        ])
    }

    #[test]
    fn lists_certificates_in_order() {
        let a = sequence(&[&small_integer(1)]);
        let b = sequence(&[&small_integer(2)]);
        let bundle = signed_data(&[&a, &b]);
        assert_eq!(
            read(&bundle),
            Some(Bundle::Certificates(vec![a.as_slice(), b.as_slice()]))
        );
    }

    #[test]
    fn tells_other_content_and_damage_apart() {
        let data = sequence(&[&oid(oids::PKCS7_DATA), &tlv(0xa0, &[4, 0])]);
        assert_eq!(
            read(&data),
            Some(Bundle::OtherContent("1.2.840.113549.1.7.1".into()))
        );
        let damaged = sequence(&[&oid(oids::PKCS7_SIGNED_DATA), &tlv(0xa0, &[0x30, 0x01])]);
        assert_eq!(read(&damaged), Some(Bundle::Damaged));
        assert_eq!(read(&sequence(&[&oid(oids::RSA_ENCRYPTION)])), None);
        assert_eq!(read(&[0x30]), None);
    }
}
