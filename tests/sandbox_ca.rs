#![cfg(target_arch = "wasm32")]
//! The sandbox CA in a real browser: one root and intermediate per page,
//! leaves with the record's names and exactly the validity asked for, the
//! key of a CSR (checked first) or of a fresh key pair, and a chain whose
//! every signature verifies.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test sandbox_ca`

use certdesk::backend::sandbox::ca::{INTERMEDIATE_NAME, ROOT_NAME, ca_certificates, issue};
use certdesk::platform::crypto::{Verdict, create_csr, generate_key_pair, verify_links};
use certdesk::rules::model::{Certificate as Record, KeyAlgorithm};
use certdesk::x509::{
    Certificate, ChainProblem, Csr, ExtendedKeyUsage, NameSpec, SubjectAltName, analyze_chain,
    read_input,
};
use chrono::NaiveDate;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A record as the renewal flow holds it (built from JSON: the model's
/// defaulted fields need no mention).
fn record(domains: &[&str], key: KeyAlgorithm) -> Record {
    serde_json::from_value(serde_json::json!({
        "id": "cas-sandbox-1",
        "name": domains[0],
        "kind": "Official",
        "spec": { "brand": "DigiCert", "validation": "Dv", "domain_type": "MultiDomain" },
        "key_algorithm": key,
        "domains": domains,
        "state": "Issued",
        "not_before": null,
        "not_after": null,
        "verification": "ManualDns",
    }))
    .expect("record")
}

fn chain(pem: &str) -> Vec<Certificate> {
    let read = read_input(pem.as_bytes());
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    read.into_certificates()
}

#[wasm_bindgen_test]
async fn a_leaf_with_the_names_and_exactly_the_dates_and_a_chain_that_verifies() {
    let r = record(
        &["shop.example.com", "api.example.com", "192.0.2.7"],
        KeyAlgorithm::EcdsaP256,
    );
    let pem = issue(&r, day(2026, 11, 23), day(2027, 12, 22), None)
        .await
        .expect("issued");
    let certs = chain(&pem);
    assert_eq!(certs.len(), 3, "leaf, intermediate, root");
    let (leaf, inter, root) = (&certs[0], &certs[1], &certs[2]);
    assert_eq!(leaf.not_before_date(), day(2026, 11, 23));
    assert_eq!(leaf.not_after_date(), day(2027, 12, 22));
    assert_eq!(leaf.not_before().to_string(), "2026-11-23 00:00:00");
    assert_eq!(leaf.not_after().to_string(), "2027-12-22 23:59:59");
    assert_eq!(
        leaf.names(),
        ["shop.example.com", "api.example.com", "192.0.2.7"]
    );
    assert_eq!(leaf.common_name(), Some("shop.example.com"));
    assert!(!leaf.is_ca());
    assert_eq!(leaf.key_algorithm(), Some(KeyAlgorithm::EcdsaP256));
    assert!(
        leaf.extended_key_usage()
            .contains(&ExtendedKeyUsage::ServerAuth)
    );
    assert_eq!(inter.common_name(), Some(INTERMEDIATE_NAME));
    assert_eq!(root.common_name(), Some(ROOT_NAME));
    assert!(
        root.subject()
            .to_string()
            .contains("not trusted by any browser")
    );
    assert!(inter.is_ca() && root.is_ca() && root.is_self_signed());

    let now = day(2026, 11, 23).and_hms_opt(12, 0, 0).expect("time");
    let report = analyze_chain(&certs, now);
    assert!(report.is_complete());
    assert!(
        report
            .problems
            .iter()
            .all(|p| matches!(p, ChainProblem::RootIncluded { .. })),
        "{:?}",
        report.problems
    );
    let verdicts = verify_links(&report).await;
    assert_eq!(verdicts.len(), 3);
    assert!(
        verdicts.iter().all(|v| v.verdict == Verdict::Valid),
        "{verdicts:?}"
    );

    // Once per page: a second certificate comes from the same CA, even when
    // asked for at the same time; its dates may be far in the past.
    let other = record(&["*.example.org"], KeyAlgorithm::Rsa2048);
    let (a, b) = futures_join(
        issue(&other, day(2019, 1, 1), day(2019, 12, 31), None),
        ca_certificates(),
    )
    .await;
    let second = chain(&a.expect("issued"));
    assert_eq!(second[2].fingerprint_bytes(), root.fingerprint_bytes());
    assert_eq!(second[0].key_algorithm(), Some(KeyAlgorithm::Rsa2048));
    assert_eq!(second[0].names(), ["*.example.org"]);
    let (root_pem, inter_pem) = b.expect("ca");
    assert_eq!(root_pem, root.to_pem());
    assert_eq!(inter_pem, inter.to_pem());
    let old = analyze_chain(&second, day(2019, 6, 1).and_hms_opt(0, 0, 0).expect("t"));
    assert!(
        old.problems
            .iter()
            .all(|p| matches!(p, ChainProblem::RootIncluded { .. }))
    );
}

/// Runs two futures concurrently on the one browser thread.
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none()
            && let std::task::Poll::Ready(v) = a.as_mut().poll(cx)
        {
            ra = Some(v);
        }
        if rb.is_none()
            && let std::task::Poll::Ready(v) = b.as_mut().poll(cx)
        {
            rb = Some(v);
        }
        if ra.is_some() && rb.is_some() {
            std::task::Poll::Ready((ra.take().expect("a"), rb.take().expect("b")))
        } else {
            std::task::Poll::Pending
        }
    })
    .await
}

async fn csr_for(names: &[&str], key: KeyAlgorithm) -> Csr {
    let pair = generate_key_pair(key).await.expect("key");
    let alt: Vec<SubjectAltName> = names.iter().map(|n| SubjectAltName::parse(n)).collect();
    create_csr(&pair, &NameSpec::new(names[0]), &alt)
        .await
        .expect("csr")
}

#[wasm_bindgen_test]
async fn a_csr_gives_its_key_after_its_signature_is_checked() {
    let r = record(&["shop.example.com"], KeyAlgorithm::EcdsaP384);
    let csr = csr_for(&["shop.example.com"], KeyAlgorithm::EcdsaP384).await;
    let pem = issue(&r, day(2026, 1, 1), day(2026, 12, 31), Some(&csr.to_pem()))
        .await
        .expect("issued");
    let leaf = chain(&pem).remove(0);
    assert_eq!(leaf.public_key().spki_der(), csr.public_key().spki_der());

    // A CSR changed after signing: refused, nothing issued.
    let mut der = csr.der().to_vec();
    let i = der.len() - 80;
    der[i] ^= 0x01;
    let tampered = certdesk::x509::pem_encode("CERTIFICATE REQUEST", &der);
    let error = issue(&r, day(2026, 1, 1), day(2026, 12, 31), Some(&tampered))
        .await
        .expect_err("refused");
    assert!(
        error.contains("signature") || error.contains("CSR"),
        "{error}"
    );
    // Not a CSR at all.
    let error = issue(&r, day(2026, 1, 1), day(2026, 12, 31), Some("hello"))
        .await
        .expect_err("refused");
    assert!(error.starts_with("The CSR cannot be used"), "{error}");
    // Reversed dates, no names, SM2 without a CSR.
    assert!(
        issue(&r, day(2026, 2, 1), day(2026, 1, 1), None)
            .await
            .is_err()
    );
    let nameless = record(&[""], KeyAlgorithm::EcdsaP256);
    assert!(
        issue(&nameless, day(2026, 1, 1), day(2026, 2, 1), None)
            .await
            .expect_err("no names")
            .contains("no domain")
    );
    let sm2 = record(&["sm2.example.com"], KeyAlgorithm::Sm2);
    let error = issue(&sm2, day(2026, 1, 1), day(2026, 2, 1), None)
        .await
        .expect_err("sm2");
    assert!(error.contains("SM2"), "{error}");
}
