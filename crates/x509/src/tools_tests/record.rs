//! Uploads: certificates to records, chains to one record, refusals.

use super::fixtures::{cert, certs, day, fixtures, now};
use crate::{duplicate_of, file_fingerprints, plan_upload, read_input, record_id};
use certdesk_rules::CertificateStatus;
use certdesk_rules::model::{
    Brand, CertificateKind, DomainType, KeyAlgorithm, LifecycleState, ValidationType,
};
use certdesk_rules::status_at;

#[test]
fn a_chain_uploaded_together_is_one_record_with_its_real_facts() {
    let f = fixtures();
    let text = format!("{}{}{}", f.new_leaf, f.inter, f.root);
    let plan = plan_upload(&certs(&text), now());
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.candidates.len(), 1);
    let c = &plan.candidates[0];
    let r = &c.record;
    let leaf = cert(&f.new_leaf);
    let hex = leaf
        .fingerprint_sha256()
        .replace(':', "")
        .to_ascii_lowercase();
    assert_eq!(r.id, format!("up-{}", &hex[..12]));
    assert_eq!(r.name, "shop.example.com");
    assert_eq!(r.kind, CertificateKind::Uploaded);
    assert_eq!(r.state, LifecycleState::Issued);
    assert_eq!(r.domains, ["shop.example.com", "www.shop.example.com"]);
    assert_eq!(r.not_before, Some(day(2026, 11, 1)));
    assert_eq!(r.not_after, Some(day(2027, 11, 30)));
    assert_eq!(r.key_algorithm, KeyAlgorithm::EcdsaP256);
    assert_eq!(r.spec.domain_type, DomainType::Single);
    assert_eq!(r.spec.validation, ValidationType::Dv);
    assert_eq!(r.spec.brand, Brand::Other);
    assert_eq!(r.issuer.as_deref(), Some("Example Trust CA"));
    assert_eq!(status_at(r, now().date()), CertificateStatus::Issued);
    // The file: the leaf, then the rest of the chain as given.
    let kept = read_input(r.pem.as_deref().expect("pem").as_bytes()).into_certificates();
    assert_eq!(kept, certs(&text));
    assert_eq!(c.chain.certificates.len(), 3);
    assert!(c.chain.is_complete());
    // Any order, in separate pieces: the same record.
    let shuffled = format!("{}{}{}", f.root, f.new_leaf, f.inter);
    let again = plan_upload(&certs(&shuffled), now());
    assert_eq!(again.candidates[0].record.id, r.id);
    assert_eq!(again.candidates[0].record.pem, r.pem, "kept in chain order");
}

#[test]
fn validation_types_come_from_the_policy_identifiers() {
    let f = fixtures();
    for (pem, want) in [
        (&f.new_leaf, ValidationType::Dv),
        (&f.ov_leaf, ValidationType::Ov),
        (&f.ev_leaf, ValidationType::Ev),
        (&f.iv_leaf, ValidationType::Ov),
        (&f.plain_leaf, ValidationType::Dv),
    ] {
        let plan = plan_upload(&certs(pem), now());
        assert_eq!(plan.candidates[0].record.spec.validation, want, "{pem}");
    }
    let ev = plan_upload(&certs(&f.ev_leaf), now());
    assert_eq!(
        ev.candidates[0].record.key_algorithm,
        KeyAlgorithm::EcdsaP384
    );
}

#[test]
fn brands_come_from_the_issuer() {
    let f = fixtures();
    for (pem, brand, issuer, domain_type) in [
        (
            &f.digicert_leaf,
            Brand::DigiCert,
            "DigiCert Test TLS CA",
            DomainType::Single,
        ),
        (
            &f.globalsign_leaf,
            Brand::GlobalSign,
            "GlobalSign Test CA",
            DomainType::Wildcard,
        ),
        (
            &f.alibaba_leaf,
            Brand::AlibabaCloud,
            "Test CA",
            DomainType::MultiDomain,
        ),
        (
            &f.new_leaf,
            Brand::Other,
            "Example Trust CA",
            DomainType::Single,
        ),
    ] {
        let r = &plan_upload(&certs(pem), now()).candidates[0].record;
        assert_eq!(r.spec.brand, brand, "{issuer}");
        assert_eq!(r.issuer.as_deref(), Some(issuer));
        assert_eq!(r.spec.domain_type, domain_type, "{issuer}");
    }
}

#[test]
fn ca_certificates_alone_and_unmanaged_keys_are_refused_with_the_reason() {
    let f = fixtures();
    let plan = plan_upload(&certs(&format!("{}{}", f.inter, f.root)), now());
    assert!(plan.candidates.is_empty());
    assert_eq!(plan.refused.len(), 2);
    assert_eq!(plan.refused[0].label, "Example Trust CA");
    assert!(
        plan.refused[0].reason.contains("an intermediate"),
        "{}",
        plan.refused[0].reason
    );
    assert!(plan.refused[1].reason.contains("a root"));
    assert!(plan.refused[1].reason.contains("not a server certificate"));

    let plan = plan_upload(&certs(&f.p521_leaf), now());
    assert!(plan.candidates.is_empty());
    assert!(
        plan.refused[0].reason.contains("ECDSA P-521"),
        "{}",
        plan.refused[0].reason
    );

    // Two leaves and their shared intermediate: two records, nothing refused.
    let both = format!("{}{}{}", f.new_leaf, f.other_leaf, f.inter);
    let plan = plan_upload(&certs(&both), now());
    assert_eq!(plan.candidates.len(), 2);
    assert!(plan.refused.is_empty());
    assert!(
        plan.candidates
            .iter()
            .all(|c| c.chain.certificates.len() == 2)
    );
}

#[test]
fn duplicates_are_found_by_id_and_by_the_file_kept() {
    let f = fixtures();
    let plan = plan_upload(&certs(&format!("{}{}", f.new_leaf, f.new_leaf)), now());
    assert_eq!(
        plan.candidates.len(),
        1,
        "the same certificate twice is one"
    );
    let candidate = &plan.candidates[0];
    let mut inventory = vec![candidate.record.clone()];
    let prints = file_fingerprints(&inventory);
    assert_eq!(
        duplicate_of(candidate, &inventory, &prints).map(|r| r.id.as_str()),
        Some(candidate.record.id.as_str())
    );
    // Another record (an Official one, say) holding the same file.
    inventory[0].id = "cas-1".into();
    let prints = file_fingerprints(&inventory);
    assert_eq!(
        duplicate_of(candidate, &inventory, &prints).map(|r| r.id.as_str()),
        Some("cas-1")
    );
    inventory[0].pem = Some(f.old_leaf.clone());
    let prints = file_fingerprints(&inventory);
    assert!(duplicate_of(candidate, &inventory, &prints).is_none());
    assert_ne!(record_id(&cert(&f.old_leaf)), candidate.record.id);
}

#[test]
fn markup_in_a_subject_stays_text_in_the_record() {
    let r = &plan_upload(&certs(&fixtures().html_leaf), now()).candidates[0].record;
    assert_eq!(r.name, "<img src=x onerror=alert(1)>");
    assert_eq!(r.domains, ["xss.example.com"]);
}

#[test]
fn sources_are_read_in_order_with_their_problems_named() {
    let f = fixtures();
    let chain = format!("{}{}", f.new_leaf, f.inter);
    let csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBAA==\n-----END CERTIFICATE REQUEST-----\n";
    let mixed = format!("{}{csr}", f.root);
    let input = crate::read_sources([
        ("Pasted text", Ok(chain.as_bytes())),
        ("big.pem", Err("It is 2.1 MB")),
        ("empty.crt", Ok(&b""[..])),
        ("mixed.pem", Ok(mixed.as_bytes())),
    ]);
    assert_eq!(input.certificates.len(), 3);
    let counts: Vec<(usize, bool)> = input
        .per_source
        .iter()
        .map(|s| (s.certificates, s.problems))
        .collect();
    assert_eq!(counts, [(2, false), (0, true), (0, true), (1, true)]);
    let sources: Vec<&str> = input.problems.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(sources, ["big.pem", "empty.crt", "mixed.pem"]);
    assert!(input.problems[1].1.starts_with("Empty input"));
}
