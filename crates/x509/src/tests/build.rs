//! The DER builders, signed with real keys and judged by openssl.

use std::path::Path;

use super::fixtures::{at, fixtures, now, openssl, openssl_ok, req_verifies, write};
use crate::{
    Certificate, CertificateSpec, Csr, EncodedName, ExtendedKeyUsage, KeyUsage, NameSpec,
    SignatureScheme, SubjectAltName, ValidityState, assemble_certificate, assemble_csr,
    certification_request_info, key_identifier, pem_encode, tbs_certificate,
};
use certdesk_rules::model::KeyAlgorithm;

pub(super) fn spki(dir: &Path, key: &str) -> Vec<u8> {
    openssl(dir, &["pkey", "-in", key, "-pubout", "-outform", "DER"])
}

/// Signs `data` with openssl: PKCS#1 v1.5 for RSA, DER ECDSA for EC keys.
fn sign(dir: &Path, key: &str, scheme: &SignatureScheme, data: &[u8]) -> Vec<u8> {
    let name = super::fixtures::unique("tbs");
    write(dir, &name, data);
    let digest = format!("-{}", scheme.hash().name().replace('-', "").to_lowercase());
    openssl(dir, &["dgst", &digest, "-sign", key, &name])
}

fn alt(names: &[&str]) -> Vec<SubjectAltName> {
    names.iter().map(|n| SubjectAltName::parse(n)).collect()
}

#[test]
fn built_csrs_verify_with_openssl() {
    let f = fixtures();
    let d = &f.dir;
    for (key, algorithm) in [
        ("csr-rsa2048.key", KeyAlgorithm::Rsa2048),
        ("csr-rsa3072.key", KeyAlgorithm::Rsa3072),
        ("csr-p256.key", KeyAlgorithm::EcdsaP256),
        ("csr-p384.key", KeyAlgorithm::EcdsaP384),
    ] {
        let scheme = SignatureScheme::for_key(algorithm).expect("supported");
        let subject = NameSpec {
            common_name: "shop.example.com".into(),
            organization: Some("Example Ltd".into()),
            country: Some("cn".into()),
        };
        let names = alt(&[
            "shop.example.com",
            "*.shop.example.com",
            "192.0.2.7",
            "2001:db8::7",
        ]);
        let info = certification_request_info(&subject, &names, &spki(d, key)).expect("info");
        let signature = sign(d, key, &scheme, &info);
        let der = assemble_csr(&info, &scheme, &signature).expect("csr");
        let file = format!("built-{key}.csr");
        write(d, &file, pem_encode("CERTIFICATE REQUEST", &der));
        assert!(req_verifies(d, &file), "{key}");
        let csr = Csr::from_der(&der).expect("parses");
        assert_eq!(
            csr.subject().to_string(),
            "C=CN, O=Example Ltd, CN=shop.example.com"
        );
        assert_eq!(csr.subject_alt_names(), names);
        assert_eq!(csr.key_algorithm(), Some(algorithm));
        assert!(super::fixtures::verify_natively(&csr.signature_check()));
        let text =
            String::from_utf8(openssl(d, &["req", "-in", &file, "-noout", "-text"])).expect("utf8");
        assert!(
            text.contains(
                "DNS:*.shop.example.com, IP Address:192.0.2.7, IP Address:2001:DB8:0:0:0:0:0:7"
            ),
            "{text}"
        );
    }
    // No names: an empty attribute set, still valid.
    let info = certification_request_info(
        &NameSpec::new("plain.example.com"),
        &[],
        &spki(d, "csr-p256.key"),
    )
    .expect("info");
    let scheme = SignatureScheme::for_key(KeyAlgorithm::EcdsaP256).expect("p256");
    let der = assemble_csr(&info, &scheme, &sign(d, "csr-p256.key", &scheme, &info)).expect("csr");
    write(
        d,
        "built-plain.csr",
        pem_encode("CERTIFICATE REQUEST", &der),
    );
    assert!(req_verifies(d, "built-plain.csr"));
}

struct Issued {
    der: Vec<u8>,
    ski: Vec<u8>,
}

#[allow(clippy::too_many_arguments)]
fn issue(
    d: &Path,
    key: &str,
    issuer_key: &str,
    issuer_algorithm: KeyAlgorithm,
    issuer: Option<(&EncodedName, &Issued)>,
    subject: &EncodedName,
    ca: Option<Option<u32>>,
    names: &[&str],
    dates: (&str, &str),
) -> Issued {
    let scheme = SignatureScheme::for_key(issuer_algorithm).expect("supported");
    let spki_der = spki(d, key);
    let spec = CertificateSpec {
        serial: vec![0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        scheme: scheme.clone(),
        issuer: issuer.map_or_else(|| subject.clone(), |(n, _)| n.clone()),
        subject: subject.clone(),
        not_before: at(dates.0),
        not_after: at(dates.1),
        spki_der: spki_der.clone(),
        alt_names: alt(names),
        ca,
        key_usage: if ca.is_some() {
            vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign]
        } else {
            vec![KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment]
        },
        extended_key_usage: if ca.is_some() {
            vec![]
        } else {
            vec![ExtendedKeyUsage::ServerAuth]
        },
        authority_key_id: issuer.map(|(_, i)| i.ski.clone()),
    };
    let tbs = tbs_certificate(&spec).expect("tbs");
    let der =
        assemble_certificate(&tbs, &scheme, &sign(d, issuer_key, &scheme, &tbs)).expect("cert");
    Issued {
        der,
        ski: key_identifier(&spki_der).expect("ski"),
    }
}

#[test]
fn built_chain_verifies_with_openssl() {
    let f = fixtures();
    let d = &f.dir;
    let name = |cn: &str| {
        NameSpec {
            common_name: cn.into(),
            organization: Some("Certdesk Sandbox".into()),
            country: Some("US".into()),
        }
        .encode()
        .expect("name")
    };
    let (root_name, inter_name) = (name("Sandbox Root"), name("Sandbox CA"));
    let leaf_name = NameSpec::new("shop.example.com").encode().expect("name");
    let root = issue(
        d,
        "ec-root.key",
        "ec-root.key",
        KeyAlgorithm::EcdsaP384,
        None,
        &root_name,
        Some(None),
        &[],
        ("2026-01-01 00:00:00", "2051-01-01 00:00:00"),
    );
    let inter = issue(
        d,
        "rsa-inter.key",
        "ec-root.key",
        KeyAlgorithm::EcdsaP384,
        Some((&root_name, &root)),
        &inter_name,
        Some(Some(0)),
        &[],
        ("2026-01-01 00:00:00", "2036-01-01 00:00:00"),
    );
    let leaf = issue(
        d,
        "csr-p256.key",
        "rsa-inter.key",
        KeyAlgorithm::Rsa2048,
        Some((&inter_name, &inter)),
        &leaf_name,
        None,
        &["shop.example.com", "www.shop.example.com", "192.0.2.7"],
        ("2026-11-23 00:00:00", "2027-02-20 23:59:59"),
    );
    for (file, der) in [
        ("b-root.pem", &root.der),
        ("b-inter.pem", &inter.der),
        ("b-leaf.pem", &leaf.der),
    ] {
        write(d, file, pem_encode("CERTIFICATE", der));
    }
    let when = now().and_utc().timestamp().to_string();
    assert!(openssl_ok(
        d,
        &[
            "verify",
            "-x509_strict",
            "-purpose",
            "sslserver",
            "-attime",
            &when,
            "-CAfile",
            "b-root.pem",
            "-untrusted",
            "b-inter.pem",
            "b-leaf.pem",
        ]
    ));
    // Without the intermediate it must fail: the check is real.
    assert!(!openssl_ok(
        d,
        &[
            "verify",
            "-attime",
            &when,
            "-CAfile",
            "b-root.pem",
            "b-leaf.pem"
        ]
    ));

    let parsed = Certificate::from_der(&leaf.der).expect("parses");
    assert_eq!(parsed.not_before(), at("2026-11-23 00:00:00"));
    assert_eq!(parsed.not_after(), at("2027-02-20 23:59:59"));
    assert_eq!(
        parsed.serial_hex(),
        "00:80:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F"
    );
    assert_eq!(parsed.subject_key_id(), Some(leaf.ski.as_slice()));
    assert_eq!(parsed.authority_key_id(), Some(inter.ski.as_slice()));
    assert_eq!(parsed.extended_key_usage(), [ExtendedKeyUsage::ServerAuth]);
    let root_parsed = Certificate::from_der(&root.der).expect("root");
    assert!(root_parsed.is_self_signed() && root_parsed.is_ca());
    assert_eq!(
        root_parsed.not_after(),
        at("2051-01-01 00:00:00"),
        "GeneralizedTime past 2049"
    );
    let report = crate::analyze_chain(
        &[
            parsed,
            Certificate::from_der(&inter.der).expect("inter"),
            root_parsed,
        ],
        now(),
    );
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    for link in &report.links {
        assert!(super::fixtures::verify_natively(&link.check));
    }
}

#[test]
fn extreme_dates_build_parse_and_compute() {
    let f = fixtures();
    let d = &f.dir;
    let name = NameSpec::new("ancient.example.com").encode().expect("name");
    let cert = issue(
        d,
        "csr-p256.key",
        "csr-p256.key",
        KeyAlgorithm::EcdsaP256,
        None,
        &name,
        None,
        &["ancient.example.com"],
        ("0000-01-01 00:00:00", "9999-12-31 23:59:59"),
    );
    let c = Certificate::from_der(&cert.der).expect("parses");
    assert_eq!(c.not_before().to_string(), "0000-01-01 00:00:00");
    assert_eq!(c.not_after().to_string(), "9999-12-31 23:59:59");
    assert_eq!(c.validity_at(now()), ValidityState::Valid);
    assert_eq!(c.validity().period_days(), 3_652_424);
    assert!(c.validity().days_until_expiry(now().date()) > 2_900_000);
}
