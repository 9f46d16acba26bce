//! CSR requests from the form, built and signed as the app does (here with
//! openssl as the signer) and judged by `openssl req -verify`; pasted CSRs
//! checked against the certificate they renew.

use std::path::Path;
use std::process::Command;

use super::fixtures::{fixtures, openssl, unique, write};
use crate::{
    SignatureScheme, assemble_csr, certification_request_info, check_manual_csr, csr_request,
    pem_encode, split_names,
};
use certdesk_rules::model::{DomainType, KeyAlgorithm};

/// `openssl req -verify`: 3.0 exits 0 when the signature fails, so read stderr.
fn req_verifies(dir: &Path, file: &str) -> bool {
    Command::new("openssl")
        .args(["req", "-in", file, "-verify", "-noout"])
        .current_dir(dir)
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stderr).contains("verify OK"))
        .unwrap_or(false)
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A CSR as the generator makes it, signed by openssl with a new key.
fn built_csr(dir: &Path, curve_or_bits: &str, algorithm: KeyAlgorithm, domains: &[&str]) -> String {
    let key = format!("{}.key", unique("csrkey"));
    let spec: Vec<&str> = if curve_or_bits.starts_with("P-") {
        vec!["-algorithm", "EC", "-pkeyopt"]
    } else {
        vec!["-algorithm", "RSA", "-pkeyopt"]
    };
    let opt = if curve_or_bits.starts_with("P-") {
        format!("ec_paramgen_curve:{curve_or_bits}")
    } else {
        format!("rsa_keygen_bits:{curve_or_bits}")
    };
    let mut args = vec!["genpkey"];
    args.extend(spec);
    args.extend([opt.as_str(), "-out", key.as_str()]);
    openssl(dir, &args);
    let spki = openssl(dir, &["pkey", "-in", &key, "-pubout", "-outform", "DER"]);
    let request = csr_request(&names(domains), "Example Ltd", "cn", algorithm).expect("valid");
    let info =
        certification_request_info(&request.subject, &request.alt_names, &spki).expect("info");
    let scheme = SignatureScheme::for_key(algorithm).expect("scheme");
    let data = unique("info");
    write(dir, &data, &info);
    let digest = format!("-{}", scheme.hash().name().replace('-', "").to_lowercase());
    let signature = openssl(dir, &["dgst", &digest, "-sign", &key, &data]);
    let der = assemble_csr(&info, &scheme, &signature).expect("csr");
    pem_encode("CERTIFICATE REQUEST", &der)
}

#[test]
fn generated_requests_verify_with_openssl() {
    let dir = &fixtures().dir;
    for (kind, algorithm) in [
        ("P-256", KeyAlgorithm::EcdsaP256),
        ("P-384", KeyAlgorithm::EcdsaP384),
        ("2048", KeyAlgorithm::Rsa2048),
    ] {
        let pem = built_csr(
            dir,
            kind,
            algorithm,
            &["Shop.Example.com", "api.example.com", "192.0.2.7"],
        );
        let file = format!("{}.csr", unique("gen"));
        write(dir, &file, &pem);
        assert!(req_verifies(dir, &file), "{kind}");
        let text = String::from_utf8(openssl(dir, &["req", "-in", &file, "-noout", "-text"]))
            .expect("utf8");
        assert!(
            text.contains("DNS:shop.example.com, DNS:api.example.com, IP Address:192.0.2.7"),
            "{text}"
        );
        assert!(text.contains("CN = shop.example.com"), "{text}");
        assert!(text.contains("C = CN, O = Example Ltd"), "{text}");
        // A changed byte: openssl refuses it (and exits 0, which is why stderr is read).
        let mut der = crate::read_csr(pem.as_bytes()).expect("csr").der().to_vec();
        let at = der.len() / 3;
        der[at] ^= 1;
        let bad = format!("{}.csr", unique("bad"));
        write(dir, &bad, pem_encode("CERTIFICATE REQUEST", &der));
        assert!(!req_verifies(dir, &bad), "{kind} tampered");
    }
}

#[test]
fn the_form_refuses_each_field_with_its_reason() {
    let e = csr_request(&[], "", "", KeyAlgorithm::EcdsaP256).expect_err("no names");
    assert!(
        e.names
            .as_deref()
            .unwrap_or_default()
            .contains("Add at least one"),
        "{e:?}"
    );
    let six = names(&["a.com", "b.com", "c.com", "d.com", "e.com", "f.com"]);
    let e = csr_request(&six, "", "", KeyAlgorithm::EcdsaP256).expect_err("six");
    assert!(
        e.names.as_deref().unwrap_or_default().contains("at most 5"),
        "{e:?}"
    );
    let e = csr_request(
        &names(&["*.a.com", "b.com"]),
        "",
        "",
        KeyAlgorithm::EcdsaP256,
    )
    .expect_err("wildcard");
    assert!(
        e.names.as_deref().unwrap_or_default().contains("Wildcard"),
        "{e:?}"
    );
    let e = csr_request(&names(&["a..com"]), "", "", KeyAlgorithm::EcdsaP256).expect_err("bad");
    assert!(
        e.names
            .as_deref()
            .unwrap_or_default()
            .starts_with("a..com:"),
        "{e:?}"
    );
    let e =
        csr_request(&names(&["a.com", "A.com"]), "", "", KeyAlgorithm::EcdsaP256).expect_err("dup");
    assert!(
        e.names.as_deref().unwrap_or_default().contains("twice"),
        "{e:?}"
    );
    let e = csr_request(
        &names(&["a.com"]),
        &"x".repeat(65),
        "USA",
        KeyAlgorithm::Sm2,
    )
    .expect_err("all");
    assert!(e.organization.is_some() && e.country.is_some());
    assert!(
        e.algorithm
            .as_deref()
            .unwrap_or_default()
            .contains("cannot make SM2")
    );
    let long = format!("{}.example.com", "a".repeat(60));
    let e = csr_request(&names(&[&long]), "", "", KeyAlgorithm::Rsa2048).expect_err("long cn");
    assert!(
        e.names.as_deref().unwrap_or_default().contains("64"),
        "{e:?}"
    );
    let ok = csr_request(
        &split_names("*.example.com\n"),
        "",
        "us",
        KeyAlgorithm::Rsa4096,
    )
    .expect("ok");
    assert_eq!(ok.domain_type, DomainType::Wildcard);
    assert_eq!(ok.subject.country.as_deref(), Some("US"));
    assert_eq!(ok.subject.organization, None);
    assert_eq!(
        split_names("a.com, b.com\nc.com;d.com  e.com"),
        names(&["a.com", "b.com", "c.com", "d.com", "e.com"])
    );
}

#[test]
fn manual_csrs_must_be_a_csr_with_the_same_key_and_names() {
    let f = fixtures();
    let dir = &f.dir;
    let shop = names(&["shop.example.com", "www.shop.example.com"]);
    let good = built_csr(
        dir,
        "P-256",
        KeyAlgorithm::EcdsaP256,
        &["shop.example.com", "www.shop.example.com"],
    );
    let csr = check_manual_csr(&good, KeyAlgorithm::EcdsaP256, &shop).expect("fits");
    assert_eq!(csr.key_algorithm(), Some(KeyAlgorithm::EcdsaP256));
    // Names in another order and case still match.
    let reordered = names(&["WWW.shop.example.com", "shop.example.com"]);
    assert!(check_manual_csr(&good, KeyAlgorithm::EcdsaP256, &reordered).is_ok());

    let refusal = |text: &str, key| check_manual_csr(text, key, &shop).expect_err("refused");
    let e = refusal(&good, KeyAlgorithm::Rsa2048);
    assert!(
        e.contains("(ECDSA P-256) differs from the original certificate's (RSA 2048)"),
        "{e}"
    );
    let e = refusal(&f.new_leaf, KeyAlgorithm::EcdsaP256);
    assert!(e.contains("This is a certificate"), "{e}");
    let key = std::fs::read_to_string(dir.join("new.key")).expect("key");
    let e = refusal(&key, KeyAlgorithm::EcdsaP256);
    assert!(e.starts_with("This is a private key, not a CSR"), "{e}");
    assert!(refusal("", KeyAlgorithm::EcdsaP256).contains("Paste the content"));
    assert!(refusal("hello", KeyAlgorithm::EcdsaP256).contains("No certificate signing request"));
    let truncated = &good[..good.len() / 2];
    assert!(refusal(truncated, KeyAlgorithm::EcdsaP256).contains("truncated"));
    let other = built_csr(
        dir,
        "P-256",
        KeyAlgorithm::EcdsaP256,
        &["shop.example.com", "api.example.com"],
    );
    let e = refusal(&other, KeyAlgorithm::EcdsaP256);
    assert!(
        e.contains("lacks www.shop.example.com") && e.contains("adds api.example.com"),
        "{e}"
    );
}
