#![cfg(target_arch = "wasm32")]
//! WebCrypto in a real browser: key generation in every algorithm, CSRs built
//! in Rust and signed by WebCrypto then read back and verified, tampering
//! detected, the sandbox CA's chain, and openssl-made chains checked link by link.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test webcrypto`

use certdesk::platform::crypto::{
    CryptoError, KeyPair, Verdict, check_signature, create_csr, generate_key_pair,
    issue_certificate, random_serial, verify_csr, verify_links,
};
use certdesk::rules::model::KeyAlgorithm;
use certdesk::x509::{
    Certificate, CertificateSpec, CheckPlan, Csr, EncodedName, ExtendedKeyUsage, Item, KeyUsage,
    NameSpec, ProblemKind, SubjectAltName, analyze_chain, key_identifier, read_input,
};
use chrono::{NaiveDate, NaiveDateTime};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const RSA_CHAIN: &str = include_str!("fixtures/x509/rsa-chain.pem");
const EC_CHAIN: &str = include_str!("fixtures/x509/ec-chain.pem");
const SM2: &str = include_str!("fixtures/x509/sm2.pem");
const RSA_PSS: &str = include_str!("fixtures/x509/rsa-pss.pem");
const EC_CSR: &str = include_str!("fixtures/x509/ec-csr.pem");

const ALGORITHMS: [KeyAlgorithm; 5] = [
    KeyAlgorithm::EcdsaP256,
    KeyAlgorithm::EcdsaP384,
    KeyAlgorithm::Rsa2048,
    KeyAlgorithm::Rsa3072,
    KeyAlgorithm::Rsa4096,
];

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("date")
}

fn certs(pem: &str) -> Vec<Certificate> {
    let result = read_input(pem.as_bytes());
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    result.into_certificates()
}

fn subject() -> NameSpec {
    NameSpec {
        common_name: "shop.example.com".into(),
        organization: Some("Example Ltd".into()),
        country: Some("CN".into()),
    }
}

fn names() -> Vec<SubjectAltName> {
    ["shop.example.com", "www.shop.example.com", "192.0.2.7"]
        .iter()
        .map(|n| SubjectAltName::parse(n))
        .collect()
}

/// Flips one letter of the CN inside the DER: still a CSR, no longer the signed one.
fn tamper(csr: &Csr) -> Csr {
    let mut der = csr.der().to_vec();
    let at = der
        .windows(4)
        .position(|w| w == b"shop")
        .expect("CN in the DER");
    der[at] = b'S';
    Csr::from_der(&der).expect("still parses")
}

#[wasm_bindgen_test]
async fn csr_in_every_algorithm_verifies_and_tampering_fails() {
    for algorithm in ALGORITHMS {
        let key = generate_key_pair(algorithm).await.expect("key pair");
        assert_eq!(key.algorithm(), algorithm);
        let csr = create_csr(&key, &subject(), &names()).await.expect("CSR");
        assert_eq!(csr.key_algorithm(), Some(algorithm), "{algorithm:?}");
        assert_eq!(
            csr.subject().to_string(),
            "C=CN, O=Example Ltd, CN=shop.example.com"
        );
        assert_eq!(csr.subject_alt_names(), names());
        assert_eq!(verify_csr(&csr).await, Verdict::Valid, "{algorithm:?}");

        // The PEM the user downloads reads back as the same CSR.
        let again = read_input(csr.to_pem().as_bytes());
        assert_eq!(again.items, vec![Item::Csr(csr.clone())]);

        let tampered = tamper(&csr);
        assert_eq!(tampered.common_name(), Some("Shop.example.com"));
        assert!(
            matches!(verify_csr(&tampered).await, Verdict::Invalid(_)),
            "{algorithm:?}"
        );

        let pkcs8 = key.private_key_pkcs8().await.expect("pkcs8");
        assert_eq!(pkcs8.first(), Some(&0x30));
        let pem = key.private_key_pem().await.expect("pem");
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        // Certdesk itself refuses to read a private key.
        let refused = read_input(pem.as_bytes());
        assert_eq!(refused.problems[0].kind, ProblemKind::PrivateKey);
    }
}

#[wasm_bindgen_test]
async fn sm2_keys_are_refused_with_a_reason() {
    let error = generate_key_pair(KeyAlgorithm::Sm2)
        .await
        .map(|_| ())
        .expect_err("no SM2");
    assert_eq!(error, CryptoError::Unsupported { algorithm: "SM2" });
    assert!(error.to_string().contains("choose ECDSA or RSA"));
}

async fn issue(
    key: &KeyPair,
    issuer: Option<(&EncodedName, &KeyPair, Vec<u8>)>,
    subject: &EncodedName,
    ca: bool,
    dates: (NaiveDateTime, NaiveDateTime),
) -> Certificate {
    let spki = key.public_key_spki().await.expect("spki");
    let (issuer_name, signer, aki) = match &issuer {
        Some((name, signer, aki)) => ((*name).clone(), *signer, Some(aki.clone())),
        None => (subject.clone(), key, None),
    };
    let spec = CertificateSpec {
        serial: random_serial().expect("serial"),
        scheme: signer.scheme().clone(),
        issuer: issuer_name,
        subject: subject.clone(),
        not_before: dates.0,
        not_after: dates.1,
        spki_der: spki,
        alt_names: if ca { vec![] } else { names() },
        ca: ca.then_some(if issuer.is_some() { Some(0) } else { None }),
        key_usage: if ca {
            vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign]
        } else {
            vec![KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment]
        },
        extended_key_usage: if ca {
            vec![]
        } else {
            vec![ExtendedKeyUsage::ServerAuth]
        },
        authority_key_id: aki,
    };
    issue_certificate(signer, &spec).await.expect("issued")
}

#[wasm_bindgen_test]
async fn sandbox_ca_chain_verifies_link_by_link() {
    let root_key = generate_key_pair(KeyAlgorithm::EcdsaP384)
        .await
        .expect("root key");
    let inter_key = generate_key_pair(KeyAlgorithm::Rsa2048)
        .await
        .expect("inter key");
    let leaf_key = generate_key_pair(KeyAlgorithm::EcdsaP256)
        .await
        .expect("leaf key");
    let name = |cn: &str| {
        NameSpec {
            common_name: cn.into(),
            organization: Some("Certdesk Sandbox".into()),
            country: None,
        }
        .encode()
        .expect("name")
    };
    let (root_name, inter_name) = (name("Sandbox Root"), name("Sandbox CA"));
    let leaf_name = NameSpec::new("shop.example.com").encode().expect("name");
    let long = (at(2026, 1, 1), at(2036, 1, 1));
    let root = issue(&root_key, None, &root_name, true, long).await;
    let root_ski = key_identifier(&root_key.public_key_spki().await.expect("spki")).expect("ski");
    let inter = issue(
        &inter_key,
        Some((&root_name, &root_key, root_ski)),
        &inter_name,
        true,
        long,
    )
    .await;
    let inter_ski = key_identifier(&inter_key.public_key_spki().await.expect("spki")).expect("ski");
    let leaf = issue(
        &leaf_key,
        Some((&inter_name, &inter_key, inter_ski)),
        &leaf_name,
        false,
        (at(2026, 11, 23), at(2027, 2, 21)),
    )
    .await;
    assert_eq!(
        leaf.not_after_date(),
        NaiveDate::from_ymd_opt(2027, 2, 21).expect("date")
    );
    assert_eq!(leaf.serial_bytes().len(), 16);

    let report = analyze_chain(
        &[leaf.clone(), inter.clone(), root.clone()],
        at(2026, 11, 23),
    );
    assert_eq!(
        report.problems.len(),
        1,
        "only the root note: {:?}",
        report.problems
    );
    let verdicts = verify_links(&report).await;
    assert_eq!(verdicts.len(), 3);
    for v in &verdicts {
        assert_eq!(v.verdict, Verdict::Valid, "{} by {}", v.subject, v.issuer);
    }
    // Signed by the root directly? No: the signature does not match.
    assert!(matches!(
        check_signature(&leaf.signature_check(&root)).await,
        Verdict::Invalid(_)
    ));
}

#[wasm_bindgen_test]
async fn openssl_chains_verify_in_the_browser() {
    for pem in [RSA_CHAIN, EC_CHAIN] {
        let chain = certs(pem);
        let report = analyze_chain(&chain, at(2026, 11, 23));
        let verdicts = verify_links(&report).await;
        assert_eq!(verdicts.len(), 3);
        assert!(
            verdicts.iter().all(|v| v.verdict == Verdict::Valid),
            "{verdicts:?}"
        );
    }
    // The RSA leaf checked against the EC intermediate: refused before any crypto.
    let (rsa, ec) = (certs(RSA_CHAIN), certs(EC_CHAIN));
    assert!(matches!(
        check_signature(&rsa[0].signature_check(&ec[1])).await,
        Verdict::Invalid(_)
    ));
    // The EC leaf checked against the EC root: right key type, wrong key.
    assert!(matches!(
        check_signature(&ec[0].signature_check(&ec[2])).await,
        Verdict::Invalid(_)
    ));
}

#[wasm_bindgen_test]
async fn algorithms_webcrypto_lacks_are_not_checked() {
    for pem in [SM2, RSA_PSS] {
        let cert = certs(pem).remove(0);
        let report = analyze_chain(std::slice::from_ref(&cert), at(2026, 11, 23));
        let verdicts = verify_links(&report).await;
        assert!(
            matches!(verdicts[0].verdict, Verdict::NotChecked(_)),
            "{verdicts:?}"
        );
        assert!(matches!(
            report.links[0].check.plan,
            CheckPlan::NotCheckable(_)
        ));
    }
}

#[wasm_bindgen_test]
async fn an_openssl_csr_verifies() {
    let result = read_input(EC_CSR.as_bytes());
    let [Item::Csr(csr)] = result.items.as_slice() else {
        panic!("one CSR: {:?}", result.problems);
    };
    assert_eq!(verify_csr(csr).await, Verdict::Valid);
    assert!(matches!(
        verify_csr(&tamper_ec(csr)).await,
        Verdict::Invalid(_)
    ));
}

fn tamper_ec(csr: &Csr) -> Csr {
    let mut der = csr.der().to_vec();
    let at = der.windows(3).position(|w| w == b"www").expect("CN");
    der[at] = b'v';
    Csr::from_der(&der).expect("still parses")
}
