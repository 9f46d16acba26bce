//! CSRs made by openssl: every field, the self-signature, tampering.

use std::net::IpAddr;

use super::fixtures::{fixtures, openssl, read, req_verifies, verify_natively, write};
use crate::{CheckPlan, Csr, Hash, SignatureAlgorithm, SubjectAltName, read_csr};
use certdesk_rules::model::{DomainType, KeyAlgorithm};

fn csr(pem: &str) -> Csr {
    read_csr(pem.as_bytes()).expect("a CSR")
}

#[test]
fn every_csr_field() {
    let f = fixtures();
    let ip: IpAddr = "192.0.2.7".parse().expect("ip");
    for (alg, pem) in &f.csrs {
        let c = csr(pem);
        assert_eq!(
            c.subject().to_string(),
            "C=CN, O=Example Ltd, CN=shop.example.com",
            "{alg}"
        );
        assert_eq!(c.common_name(), Some("shop.example.com"));
        assert_eq!(
            c.subject_alt_names(),
            [
                SubjectAltName::Dns("shop.example.com".into()),
                SubjectAltName::Dns("www.shop.example.com".into()),
                SubjectAltName::Ip(ip),
            ]
        );
        assert_eq!(
            c.names(),
            ["shop.example.com", "www.shop.example.com", "192.0.2.7"]
        );
        assert_eq!(c.domain_type(), DomainType::MultiDomain);
        let expected = match *alg {
            "rsa2048" => KeyAlgorithm::Rsa2048,
            "rsa3072" => KeyAlgorithm::Rsa3072,
            "rsa4096" => KeyAlgorithm::Rsa4096,
            "p256" => KeyAlgorithm::EcdsaP256,
            _ => KeyAlgorithm::EcdsaP384,
        };
        assert_eq!(c.key_algorithm(), Some(expected));
        let sig = if alg.starts_with("rsa") {
            SignatureAlgorithm::RsaPkcs1(Hash::Sha256)
        } else {
            SignatureAlgorithm::Ecdsa(Hash::Sha256)
        };
        assert_eq!(c.signature_algorithm(), &sig);
        assert!(
            verify_natively(&c.signature_check()),
            "{alg} self-signature"
        );
        assert!(c.warnings().is_empty());
        assert_eq!(c.to_pem(), *pem);
    }
}

#[test]
fn bare_csr_falls_back_to_cn() {
    let c = csr(&fixtures().bare_csr);
    assert!(c.subject_alt_names().is_empty());
    assert_eq!(c.names(), ["bare.example.com"]);
    assert_eq!(c.domain_type(), DomainType::Single);
}

#[test]
fn tampered_csr_parses_but_its_signature_fails() {
    let f = fixtures();
    let original = csr(&f.csrs[0].1);
    let mut der = original.der().to_vec();
    let at = der
        .windows(4)
        .position(|w| w == b"shop")
        .expect("CN in the DER");
    der[at + 3] = b'q';
    let tampered = Csr::from_der(&der).expect("still a CSR");
    assert_eq!(tampered.common_name(), Some("shoq.example.com"));
    assert!(matches!(
        tampered.signature_check().plan,
        CheckPlan::WebCrypto { .. }
    ));
    assert!(!verify_natively(&tampered.signature_check()));
    // openssl agrees.
    write(&f.dir, "tampered.csr", tampered.to_pem());
    assert!(!req_verifies(&f.dir, "tampered.csr"));
    assert!(req_verifies(&f.dir, "csr-rsa2048.csr"));
}

#[test]
fn ecdsa_csr_signature_is_converted_for_webcrypto() {
    let f = fixtures();
    let (_, pem) = f.csrs.iter().find(|(a, _)| *a == "p384").expect("p384");
    let c = csr(pem);
    let CheckPlan::WebCrypto { signature, .. } = c.signature_check().plan else {
        panic!("checkable");
    };
    assert_eq!(signature.len(), 96);
}

#[test]
fn sm2_csr_exposes_its_algorithm_and_is_not_checked() {
    let f = fixtures();
    openssl(
        &f.dir,
        &[
            "req",
            "-new",
            "-key",
            "sm2.key",
            "-sm3",
            "-sigopt",
            "distid:1234567812345678",
            "-subj",
            "/CN=sm2.example.cn",
            "-out",
            "sm2.csr",
        ],
    );
    let c = csr(&read(&f.dir, "sm2.csr"));
    assert_eq!(c.key_algorithm(), Some(KeyAlgorithm::Sm2));
    assert_eq!(c.signature_algorithm(), &SignatureAlgorithm::Sm2WithSm3);
    let CheckPlan::NotCheckable(why) = c.signature_check().plan else {
        panic!("SM2 is not WebCrypto's");
    };
    assert_eq!(
        why,
        "SM2 with SM3 signatures cannot be checked in the browser."
    );
}
