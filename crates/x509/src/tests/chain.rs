//! Chain order, every chain problem, and the signature data of each link.

use super::fixtures::{cert, fixtures, now, verify_natively};
use crate::{
    Certificate, ChainProblem, CheckPlan, Curve, Hash, Severity, SignatureScheme, analyze_chain,
};

fn subjects(certs: &[Certificate]) -> Vec<&str> {
    certs
        .iter()
        .map(|c| c.common_name().unwrap_or("-"))
        .collect()
}

fn problem_names(problems: &[ChainProblem]) -> Vec<&'static str> {
    problems
        .iter()
        .map(|p| match p {
            ChainProblem::Empty => "Empty",
            ChainProblem::WrongOrder => "WrongOrder",
            ChainProblem::MissingIssuer { .. } => "MissingIssuer",
            ChainProblem::RootIncluded { .. } => "RootIncluded",
            ChainProblem::SelfSignedLeaf { .. } => "SelfSignedLeaf",
            ChainProblem::LeafIsCa { .. } => "LeafIsCa",
            ChainProblem::IssuerNotCa { .. } => "IssuerNotCa",
            ChainProblem::Expired { .. } => "Expired",
            ChainProblem::NotYetValid { .. } => "NotYetValid",
            ChainProblem::Duplicate { .. } => "Duplicate",
            ChainProblem::Unrelated { .. } => "Unrelated",
        })
        .collect()
}

#[test]
fn served_chain_is_complete_and_anchored() {
    let f = fixtures();
    let [leaf, inter, _] = f.rsa.certs();
    let report = analyze_chain(&[leaf, inter], now());
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.is_complete());
    assert_eq!(report.worst(), None);
    assert_eq!(
        report.anchor.as_deref(),
        Some("C=US, O=Certdesk Test, CN=Certdesk Test Root rsa")
    );
    assert_eq!(report.input_positions, [0, 1]);
    assert_eq!(report.links.len(), 1);
    assert_eq!((report.links[0].subject, report.links[0].issuer), (0, 1));
    assert_eq!(
        report.leaf().and_then(Certificate::common_name),
        Some("www.example.com")
    );
}

#[test]
fn full_chain_reports_the_root_as_a_note() {
    let f = fixtures();
    let report = analyze_chain(&f.rsa.certs(), now());
    assert_eq!(problem_names(&report.problems), ["RootIncluded"]);
    assert_eq!(report.worst(), Some(Severity::Note));
    assert_eq!(
        report.problems[0].message(),
        "The chain includes the root \"Certdesk Test Root rsa\". This is usually unnecessary: browsers already have their roots."
    );
    assert_eq!(report.anchor, None);
    // Leaf by intermediate, intermediate by root, root by itself.
    let pairs: Vec<(usize, usize)> = report.links.iter().map(|l| (l.subject, l.issuer)).collect();
    assert_eq!(pairs, [(0, 1), (1, 2), (2, 2)]);
}

#[test]
fn out_of_order_input_is_reordered_and_reported() {
    let f = fixtures();
    let [leaf, inter, root] = f.ec.certs();
    let report = analyze_chain(&[root, leaf, inter], now());
    assert_eq!(
        subjects(&report.certificates),
        [
            "*.example.org",
            "Certdesk Test CA ec",
            "Certdesk Test Root ec"
        ]
    );
    assert_eq!(report.input_positions, [1, 2, 0]);
    assert_eq!(
        problem_names(&report.problems),
        ["WrongOrder", "RootIncluded"]
    );
    assert!(
        report.problems[0]
            .message()
            .starts_with("The certificates are in the wrong order")
    );
}

#[test]
fn leaf_alone_is_missing_its_intermediate() {
    let f = fixtures();
    let [leaf, _, root] = f.rsa.certs();
    let report = analyze_chain(std::slice::from_ref(&leaf), now());
    assert_eq!(problem_names(&report.problems), ["MissingIssuer"]);
    assert!(!report.is_complete());
    assert_eq!(report.worst(), Some(Severity::Error));
    assert_eq!(
        report.problems[0].message(),
        "The issuer of \"www.example.com\" (\"C=US, O=Certdesk Test, CN=Certdesk Test CA rsa\") is missing: the chain is incomplete. Add the intermediate certificate your CA provided after it."
    );
    // With the root but not the intermediate: the root is a stray.
    let report = analyze_chain(&[leaf, root], now());
    assert_eq!(
        problem_names(&report.problems),
        ["MissingIssuer", "Unrelated"]
    );
    assert_eq!(report.unrelated.len(), 1);
}

#[test]
fn same_name_other_key_is_a_near_miss() {
    let f = fixtures();
    let [leaf, ..] = f.rsa.certs();
    let rekeyed = cert(&f.rekeyed_intermediate);
    assert_eq!(rekeyed.subject().der(), leaf.issuer().der());
    let report = analyze_chain(&[leaf.clone(), rekeyed.clone()], now());
    assert_eq!(
        problem_names(&report.problems),
        ["MissingIssuer", "Unrelated"]
    );
    let ChainProblem::MissingIssuer {
        near_miss,
        authority_key_id,
        ..
    } = &report.problems[0]
    else {
        panic!("missing issuer");
    };
    assert_eq!(near_miss.as_deref(), Some("Certdesk Test CA rsa"));
    assert_eq!(authority_key_id, &leaf.authority_key_id_hex());
    assert!(
        report.problems[0]
            .message()
            .contains("has the right name but another key")
    );
}

#[test]
fn expired_and_not_yet_valid_members() {
    let f = fixtures();
    let [_, inter, _] = f.rsa.certs();
    let expired = analyze_chain(&[cert(&f.expired_leaf), inter.clone()], now());
    assert_eq!(problem_names(&expired.problems), ["Expired"]);
    assert_eq!(
        expired.problems[0].message(),
        "\"old.example.com\" expired on 2025-01-01 00:00:00 UTC."
    );
    let future = analyze_chain(&[cert(&f.future_leaf), inter], now());
    assert_eq!(problem_names(&future.problems), ["NotYetValid"]);
    assert_eq!(
        future.problems[0].message(),
        "\"next.example.com\" is not valid yet: it starts on 2027-06-01 00:00:00 UTC."
    );
}

#[test]
fn duplicates_strays_self_signed_and_empty() {
    let f = fixtures();
    let [leaf, inter, _] = f.rsa.certs();
    let ec_leaf = cert(&f.ec.leaf);
    let report = analyze_chain(&[leaf.clone(), inter.clone(), leaf, ec_leaf], now());
    assert_eq!(problem_names(&report.problems), ["Duplicate", "Unrelated"]);
    assert_eq!(report.problems[0].severity(), Severity::Warning);
    assert!(
        report.problems[0]
            .message()
            .starts_with("Certificate 3 (\"www.example.com\") appears more than once")
    );
    assert!(
        report.problems[1]
            .message()
            .starts_with("Certificate 4 (\"*.example.org\") is not part of this chain")
    );

    let self_signed = analyze_chain(&[cert(&f.rsa1024)], now());
    assert_eq!(
        problem_names(&self_signed.problems),
        ["SelfSignedLeaf", "LeafIsCa"]
    );
    assert_eq!(
        self_signed.links.len(),
        1,
        "its own signature is still checked"
    );

    let empty = analyze_chain(&[], now());
    assert_eq!(problem_names(&empty.problems), ["Empty"]);
    assert!(!empty.is_complete());
}

#[test]
fn an_end_entity_issuer_is_not_a_ca() {
    let f = fixtures();
    let [leaf, inter, _] = f.rsa.certs();
    let report = analyze_chain(&[cert(&f.issued_by_leaf), leaf, inter], now());
    assert_eq!(problem_names(&report.problems), ["IssuerNotCa"]);
    assert_eq!(
        report.problems[0].message(),
        "\"www.example.com\" issues another certificate of the chain but is not a CA certificate: clients will reject the chain."
    );
    // Only the intermediate alone: a CA first, and its issuer absent.
    let alone = analyze_chain(&[cert(&f.rsa.intermediate)], now());
    assert_eq!(
        problem_names(&alone.problems),
        ["MissingIssuer", "LeafIsCa"]
    );
}

#[test]
fn every_link_verifies_with_the_prepared_data() {
    let f = fixtures();
    for chain in [&f.rsa, &f.ec] {
        let report = analyze_chain(&chain.certs(), now());
        for link in &report.links {
            assert!(
                verify_natively(&link.check),
                "{} link {}->{}",
                chain.prefix,
                link.subject,
                link.issuer
            );
        }
    }
    let ec = analyze_chain(&f.ec.certs(), now());
    let CheckPlan::WebCrypto { scheme, signature } = &ec.links[0].check.plan else {
        panic!("checkable");
    };
    assert_eq!(
        scheme,
        &SignatureScheme::Ecdsa {
            hash: Hash::Sha384,
            curve: Curve::P384
        }
    );
    assert_eq!(signature.len(), 96, "raw r||s for P-384");
}

#[test]
fn a_wrong_issuer_fails_and_odd_algorithms_are_not_checked() {
    let f = fixtures();
    let [leaf, ..] = f.rsa.certs();
    let rekeyed = cert(&f.rekeyed_intermediate);
    assert!(!verify_natively(&leaf.signature_check(&rekeyed)));
    let ec_inter = cert(&f.ec.intermediate);
    assert!(matches!(
        leaf.signature_check(&ec_inter).plan,
        CheckPlan::Invalid(_)
    ));
    for pem in [&f.sm2, &f.rsa_pss, &f.ed25519] {
        let c = cert(pem);
        let report = analyze_chain(std::slice::from_ref(&c), now());
        let plan = &report.links[0].check.plan;
        assert!(matches!(plan, CheckPlan::NotCheckable(_)), "{plan:?}");
    }
    let p521 = cert(&f.p521);
    assert!(verify_natively(&p521.signature_check(&p521)));
    let mut damaged = leaf.signature_check(&cert(&f.rsa.intermediate));
    damaged.signed_data[40] ^= 1;
    assert!(!verify_natively(&damaged));
}
