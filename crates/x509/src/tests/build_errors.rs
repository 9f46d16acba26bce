//! What the builders refuse, field by field.

use super::build::spki;
use super::fixtures::{at, fixtures};
use crate::{
    BuildError, CertificateSpec, EncodedName, ExtendedKeyUsage, NameSpec, SignatureScheme,
    SubjectAltName, certification_request_info, tbs_certificate,
};
use certdesk_rules::model::KeyAlgorithm;

#[test]
fn builder_refuses_bad_fields() {
    let f = fixtures();
    let key = spki(&f.dir, "csr-p256.key");
    let build = |subject: NameSpec, names: &[SubjectAltName], spki: &[u8]| {
        certification_request_info(&subject, names, spki).map(|_| ())
    };
    assert_eq!(
        build(NameSpec::new(" "), &[], &key),
        Err(BuildError::EmptyCommonName)
    );
    assert_eq!(
        build(NameSpec::new("x".repeat(65)), &[], &key),
        Err(BuildError::TooLong {
            field: "The common name"
        })
    );
    let bad_country = NameSpec {
        country: Some("USA".into()),
        ..NameSpec::new("a.com")
    };
    assert_eq!(build(bad_country, &[], &key), Err(BuildError::BadCountry));
    for bad in ["exa mple.com", "a.*.com", "-a.com", "é.com", "com", ""] {
        let names = [SubjectAltName::Dns(bad.into())];
        assert!(
            matches!(
                build(NameSpec::new("a.com"), &names, &key),
                Err(BuildError::BadDnsName(_))
            ),
            "{bad}"
        );
    }
    let email = [SubjectAltName::Email("a@b.com".into())];
    assert!(matches!(
        build(NameSpec::new("a.com"), &email, &key),
        Err(BuildError::UnsupportedAltName(_))
    ));
    assert_eq!(
        build(NameSpec::new("a.com"), &[], &[0x30, 0]),
        Err(BuildError::BadPublicKey)
    );
    let e = BuildError::BadDnsName("x y".into()).to_string();
    assert!(e.starts_with("\"x y\" is not a valid DNS name"), "{e}");

    let name = NameSpec::new("a.com").encode().expect("name");
    let base = CertificateSpec {
        serial: vec![1],
        scheme: SignatureScheme::for_key(KeyAlgorithm::EcdsaP256).expect("p256"),
        issuer: name.clone(),
        subject: name,
        not_before: at("2026-01-01 00:00:00"),
        not_after: at("2027-01-01 00:00:00"),
        spki_der: key,
        alt_names: vec![],
        ca: None,
        key_usage: vec![],
        extended_key_usage: vec![],
        authority_key_id: None,
    };
    assert!(tbs_certificate(&base).is_ok());
    let with = |edit: fn(&mut CertificateSpec)| {
        let mut spec = base.clone();
        edit(&mut spec);
        tbs_certificate(&spec).map(|_| ())
    };
    assert_eq!(with(|s| s.serial = vec![0, 0]), Err(BuildError::BadSerial));
    assert_eq!(
        with(|s| s.serial = vec![0x80; 20]),
        Err(BuildError::BadSerial)
    );
    assert_eq!(with(|s| s.serial = vec![0x7f; 20]), Ok(()));
    assert_eq!(
        with(|s| std::mem::swap(&mut s.not_before, &mut s.not_after)),
        Err(BuildError::ReversedValidity)
    );
    assert_eq!(
        with(|s| s.not_after = at("2026-01-01 00:00:00").with_year_or(10000)),
        Err(BuildError::DateOutOfRange)
    );
    assert_eq!(
        with(|s| s.extended_key_usage = vec![ExtendedKeyUsage::Other("1.2.3".into())]),
        Err(BuildError::UnknownExtendedKeyUsage("1.2.3".into()))
    );
    assert_eq!(EncodedName::from_der(&[0x31, 0]), Err(BuildError::BadName));
}

trait WithYear {
    fn with_year_or(self, year: i32) -> Self;
}

impl WithYear for chrono::NaiveDateTime {
    fn with_year_or(self, year: i32) -> Self {
        use chrono::Datelike;
        self.with_year(year).expect("representable")
    }
}
