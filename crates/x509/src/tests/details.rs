//! Every certificate field, checked against what openssl itself prints.

use std::net::IpAddr;

use super::fixtures::{at, cert, fixtures, now, openssl, write};
use crate::{
    Curve, ExtendedKeyUsage, Hash, KeyKind, KeyUsage, SignatureAlgorithm, SubjectAltName,
    ValidityState,
};
use certdesk_rules::model::{DomainType, KeyAlgorithm};

/// `openssl x509 -noout <flag>` on a certificate's PEM, without the "name=" prefix.
fn openssl_says(pem: &str, flag: &str) -> String {
    let dir = &fixtures().dir;
    let file = super::fixtures::unique("says");
    write(dir, &file, pem);
    let out = openssl(dir, &["x509", "-noout", "-in", &file, flag]);
    let text = String::from_utf8(out).expect("utf8");
    text.trim()
        .split_once('=')
        .map(|(_, v)| v.to_string())
        .unwrap_or(text)
}

#[test]
fn rsa_leaf_fields() {
    let f = fixtures();
    let c = cert(&f.rsa.leaf);
    assert_eq!(c.version(), 3);
    assert_eq!(c.subject().to_string(), "CN=www.example.com");
    assert_eq!(c.common_name(), Some("www.example.com"));
    assert_eq!(
        c.issuer().to_string(),
        "C=US, O=Certdesk Test, CN=Certdesk Test CA rsa"
    );
    assert_eq!(c.issuer().organization(), Some("Certdesk Test"));
    assert_eq!(
        c.serial_hex().replace(':', ""),
        openssl_says(&f.rsa.leaf, "-serial")
    );
    assert_eq!(c.not_before(), at("2026-06-01 00:00:00"));
    assert_eq!(c.not_after(), at("2027-06-01 00:00:00"));
    assert_eq!(c.not_after_date().to_string(), "2027-06-01");
    assert_eq!(c.not_before_date().to_string(), "2026-06-01");
    assert_eq!(c.validity_at(now()), ValidityState::Valid);
    assert_eq!(c.validity().days_until_expiry(now().date()), 190);
    assert_eq!(c.validity().period_days(), 365);
    assert_eq!(c.dns_names(), ["example.com", "www.example.com"]);
    assert_eq!(c.domain_type(), DomainType::Single);
    assert_eq!(c.key_algorithm(), Some(KeyAlgorithm::Rsa2048));
    assert_eq!(c.public_key().kind(), &KeyKind::Rsa { bits: 2048 });
    assert_eq!(c.public_key().to_string(), "RSA 2048 bits");
    assert_eq!(c.public_key().bits(), Some(2048));
    assert_eq!(
        c.signature_algorithm(),
        &SignatureAlgorithm::RsaPkcs1(Hash::Sha256)
    );
    assert_eq!(c.signature_algorithm().to_string(), "SHA-256 with RSA");
    let sha256 = {
        let dir = &f.dir;
        String::from_utf8(openssl(
            dir,
            &[
                "x509",
                "-noout",
                "-fingerprint",
                "-sha256",
                "-in",
                "rsa-leaf.pem",
            ],
        ))
        .expect("utf8")
    };
    assert_eq!(
        sha256.trim(),
        format!("sha256 Fingerprint={}", c.fingerprint_sha256())
    );
    assert!(!c.is_ca());
    assert_eq!(
        c.key_usage(),
        [KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment]
    );
    assert_eq!(
        c.extended_key_usage(),
        [ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth]
    );
    assert_eq!(
        c.extended_key_usage()[0].name(),
        "TLS Web Server Authentication"
    );
    assert_eq!(c.key_usage()[0].name(), "Digital Signature");
    assert!(
        c.covers("www.example.com") && c.covers("EXAMPLE.com") && !c.covers("mail.example.com")
    );
    assert!(c.warnings().is_empty());
    assert_eq!(c.to_pem(), f.rsa.leaf);
}

#[test]
fn key_identifiers_link_the_chain() {
    let f = fixtures();
    let [leaf, inter, root] = f.rsa.certs();
    let text = String::from_utf8(openssl(
        &f.dir,
        &["x509", "-noout", "-text", "-in", "rsa-inter.pem"],
    ))
    .expect("utf8");
    let ski = inter.subject_key_id_hex().expect("ski");
    assert!(text.contains(&ski), "openssl prints the SKI as {ski}");
    assert_eq!(leaf.authority_key_id_hex(), Some(ski));
    assert_eq!(inter.authority_key_id(), root.subject_key_id());
    assert!(inter.is_ca() && root.is_ca());
    assert_eq!(inter.path_len_constraint(), Some(0));
    assert_eq!(root.path_len_constraint(), None);
    assert!(root.is_self_signed() && !inter.is_self_signed());
    assert!(leaf.is_issued_by(&inter) && inter.is_issued_by(&root) && !leaf.is_issued_by(&root));
    assert_eq!(root.key_usage(), [KeyUsage::KeyCertSign, KeyUsage::CrlSign]);
    // 2060 is past 2049: a GeneralizedTime.
    assert_eq!(root.not_after(), at("2060-01-01 00:00:00"));
}

#[test]
fn ecdsa_wildcard_leaf() {
    let f = fixtures();
    let [leaf, inter, root] = f.ec.certs();
    assert_eq!(leaf.key_algorithm(), Some(KeyAlgorithm::EcdsaP256));
    assert_eq!(leaf.public_key().curve(), Some(&Curve::P256));
    assert_eq!(leaf.public_key().to_string(), "ECDSA P-256");
    assert_eq!(inter.key_algorithm(), Some(KeyAlgorithm::EcdsaP384));
    assert_eq!(root.public_key().bits(), Some(384));
    assert_eq!(leaf.signature_algorithm().to_string(), "ECDSA with SHA-384");
    assert_eq!(leaf.domain_type(), DomainType::Wildcard);
    assert_eq!(leaf.names(), ["*.example.org", "example.org"]);
    assert!(
        leaf.covers("shop.example.org")
            && leaf.covers("example.org")
            && !leaf.covers("a.b.example.org")
    );
}

#[test]
fn ip_addresses_and_multi_domain() {
    let c = cert(&fixtures().multi_leaf);
    let ips: Vec<IpAddr> = ["192.0.2.10", "2001:db8::10"]
        .iter()
        .map(|s| s.parse().expect("ip"))
        .collect();
    assert_eq!(c.ip_addresses(), ips);
    assert_eq!(c.subject_alt_names()[2], SubjectAltName::Ip(ips[0]));
    assert_eq!(
        c.subject_alt_names()[3].to_string(),
        "IP Address:2001:db8::10"
    );
    assert_eq!(
        c.names(),
        [
            "a.example.com",
            "b.example.net",
            "192.0.2.10",
            "2001:db8::10"
        ]
    );
    assert_eq!(c.domain_type(), DomainType::MultiDomain);
    assert!(c.covers("192.0.2.10") && c.covers("2001:db8:0::10") && !c.covers("192.0.2.11"));
}

#[test]
fn validity_states_at_now() {
    let f = fixtures();
    let expired = cert(&f.expired_leaf);
    assert_eq!(expired.validity_at(now()), ValidityState::Expired);
    assert_eq!(expired.validity().days_until_expiry(now().date()), -691);
    let future = cert(&f.future_leaf);
    assert_eq!(future.validity_at(now()), ValidityState::NotYetValid);
    assert_eq!(
        future.validity_at(at("2027-06-01 00:00:00")),
        ValidityState::Valid
    );
    assert_eq!(ValidityState::NotYetValid.label(), "Not yet valid");
}

#[test]
fn legacy_cn_only_and_markup_in_names() {
    let f = fixtures();
    let legacy = cert(&f.cn_only_leaf);
    assert!(legacy.subject_alt_names().is_empty());
    assert_eq!(legacy.names(), ["legacy.example.com"]);
    assert_eq!(legacy.domain_type(), DomainType::Single);
    let html = cert(&f.html_leaf);
    assert_eq!(html.common_name(), Some("<img src=x onerror=alert(1)>"));
    assert_eq!(
        html.subject().to_string(),
        "O=<b>bold</b>, CN=<img src=x onerror=alert(1)>"
    );
}

#[test]
fn other_algorithms_are_described_not_mapped() {
    let f = fixtures();
    let ed = cert(&f.ed25519);
    assert_eq!(ed.key_algorithm(), None);
    assert_eq!(ed.public_key().to_string(), "Ed25519");
    assert_eq!(ed.signature_algorithm(), &SignatureAlgorithm::Ed25519);
    let pss = cert(&f.rsa_pss);
    assert_eq!(pss.key_algorithm(), Some(KeyAlgorithm::Rsa2048));
    assert_eq!(pss.signature_algorithm().to_string(), "RSA-PSS");
    let small = cert(&f.rsa1024);
    assert_eq!(small.key_algorithm(), None);
    assert_eq!(small.public_key().to_string(), "RSA 1024 bits");
    let p521 = cert(&f.p521);
    assert_eq!(p521.key_algorithm(), None);
    assert_eq!(p521.public_key().to_string(), "ECDSA P-521");
    assert_eq!(p521.public_key().bits(), Some(521));
    assert_eq!(p521.signature_algorithm().to_string(), "ECDSA with SHA-512");
    let sm2 = cert(&f.sm2);
    assert_eq!(sm2.key_algorithm(), Some(KeyAlgorithm::Sm2));
    assert_eq!(sm2.public_key().to_string(), "SM2");
    assert_eq!(sm2.signature_algorithm().to_string(), "SM2 with SM3");
    // Made as `openssl req -x509` makes them: basicConstraints CA:TRUE.
    assert!(ed.is_ca());
}
