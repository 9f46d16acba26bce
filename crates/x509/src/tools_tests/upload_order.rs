//! Uploads tell the truth about order: the order of a file as given is
//! reported, the record keeps the chain sorted; a leaf and a root without
//! the intermediate report the missing intermediate, not a stray root.

use super::fixtures::{cert, certs, fixtures, now, unique, write};
use crate::tests::openssl_ca::{CA_CONFIG, issue};
use crate::{ChainProblem, UploadPlan, plan_upload, plan_upload_input, read_sources};

/// A root of another CA ("Other Trust Root"), made by `openssl ca` with
/// fixed dates in a directory of its own.
fn other_root() -> String {
    let dir = fixtures().dir.join(unique("other-root"));
    std::fs::create_dir_all(dir.join("newcerts")).expect("temp dir");
    write(&dir, "index.txt", "");
    write(&dir, "serial", "3000\n");
    write(&dir, "ca.cnf", CA_CONFIG);
    let ext = "basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
";
    issue(
        &dir,
        "root",
        "p256",
        "/O=Other Trust/CN=Other Trust Root",
        None,
        ext,
        ("20200101000000Z", "20400101000000Z"),
        "sha256",
    )
}

fn wrong_order(plan: &UploadPlan) -> Vec<bool> {
    plan.candidates
        .iter()
        .map(|c| c.chain.problems.contains(&ChainProblem::WrongOrder))
        .collect()
}

fn cns(plan: &UploadPlan, candidate: usize) -> Vec<String> {
    plan.candidates[candidate]
        .chain
        .certificates
        .iter()
        .map(|c| c.common_name().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn every_order_of_a_chain_plans_the_same_record_and_only_chain_order_is_right() {
    let f = fixtures();
    let (leaf, inter, root) = (&f.new_leaf, &f.inter, &f.root);
    let sorted = plan_upload(&certs(&format!("{leaf}{inter}{root}")), now());
    assert_eq!(wrong_order(&sorted), [false]);
    assert_eq!(
        sorted.candidates[0]
            .chain
            .problems
            .iter()
            .map(ChainProblem::message)
            .collect::<Vec<_>>(),
        [
            "The chain includes the root \"Example Trust Root\". This is usually unnecessary: browsers already have their roots."
        ]
    );
    let record = &sorted.candidates[0].record;
    let pem = record.pem.as_deref().expect("pem");
    assert_eq!(
        certs(pem),
        certs(&format!("{leaf}{inter}{root}")),
        "leaf first"
    );
    for (text, positions) in [
        (format!("{leaf}{root}{inter}"), [0, 2, 1]),
        (format!("{inter}{leaf}{root}"), [1, 0, 2]),
        (format!("{inter}{root}{leaf}"), [2, 0, 1]),
        (format!("{root}{leaf}{inter}"), [1, 2, 0]),
        (format!("{root}{inter}{leaf}"), [2, 1, 0]),
    ] {
        let plan = plan_upload(&certs(&text), now());
        assert_eq!(wrong_order(&plan), [true], "{positions:?}");
        assert_eq!(
            plan.candidates[0].chain.problems[0],
            ChainProblem::WrongOrder
        );
        assert_eq!(plan.candidates[0].chain.input_positions, positions);
        assert_eq!(&plan.candidates[0].record, record, "{positions:?}");
        assert_eq!(
            cns(&plan, 0),
            ["shop.example.com", "Example Trust CA", "Example Trust Root"]
        );
        assert!(plan.refused.is_empty());
    }
}

#[test]
fn an_intermediate_first_is_reported_with_what_to_do() {
    let f = fixtures();
    let right = plan_upload(&certs(&format!("{}{}", f.new_leaf, f.inter)), now());
    assert!(right.candidates[0].chain.problems.is_empty());
    let plan = plan_upload(&certs(&format!("{}{}", f.inter, f.new_leaf)), now());
    let chain = &plan.candidates[0].chain;
    assert_eq!(chain.problems, [ChainProblem::WrongOrder]);
    assert_eq!(
        chain.problems[0].message(),
        "The certificates are in the wrong order: a server sends them in the order of its file, and clients expect the server certificate first, then its issuer, then that issuer's issuer. Put them in that order in the file you install; they are shown here in the right order."
    );
    assert_eq!(cns(&plan, 0), ["shop.example.com", "Example Trust CA"]);
    assert_eq!(plan.candidates[0].record, right.candidates[0].record);
    let kept = certs(plan.candidates[0].record.pem.as_deref().expect("pem"));
    assert_eq!(kept, [cert(&f.new_leaf), cert(&f.inter)]);
}

#[test]
fn order_is_judged_within_each_file_not_between_files() {
    let f = fixtures();
    let bundle = format!("{}{}", f.inter, f.root);
    let reversed = format!("{}{}", f.root, f.inter);
    // The chain file chosen before the certificate file: both files are right.
    let input = read_sources([
        ("ca-bundle.crt", Ok(bundle.as_bytes())),
        ("shop.crt", Ok(f.new_leaf.as_bytes())),
    ]);
    assert_eq!(input.source_of, [0, 0, 1]);
    let plan = plan_upload_input(&input, now());
    assert_eq!(wrong_order(&plan), [false]);
    assert_eq!(plan.candidates[0].chain.input_positions, [2, 0, 1]);
    // A chain file in the wrong order is wrong whichever file comes first.
    for input in [
        read_sources([
            ("shop.crt", Ok(f.new_leaf.as_bytes())),
            ("ca-bundle.crt", Ok(reversed.as_bytes())),
        ]),
        read_sources([
            ("ca-bundle.crt", Ok(reversed.as_bytes())),
            ("shop.crt", Ok(f.new_leaf.as_bytes())),
        ]),
    ] {
        let plan = plan_upload_input(&input, now());
        assert_eq!(wrong_order(&plan), [true]);
        assert_eq!(
            cns(&plan, 0),
            ["shop.example.com", "Example Trust CA", "Example Trust Root"]
        );
    }
    // The same certificates as one paste: the paste's order counts.
    let one = plan_upload(&input.certificates, now());
    assert_eq!(wrong_order(&one), [true]);
}

#[test]
fn full_chains_pasted_one_after_another_are_each_in_order() {
    let f = fixtures();
    let text = format!("{}{}{}{}", f.new_leaf, f.inter, f.other_leaf, f.inter);
    let plan = plan_upload(&certs(&text), now());
    assert_eq!(wrong_order(&plan), [false, false]);
    assert_eq!(plan.candidates[1].chain.input_positions, [2, 3]);
    // Each leaf before the shared intermediate: both in order too.
    let text = format!("{}{}{}", f.new_leaf, f.other_leaf, f.inter);
    assert_eq!(
        wrong_order(&plan_upload(&certs(&text), now())),
        [false, false]
    );
}

#[test]
fn leaf_and_root_report_the_missing_intermediate_and_no_stray_root() {
    let f = fixtures();
    for text in [
        format!("{}{}", f.new_leaf, f.root),
        format!("{}{}", f.root, f.new_leaf),
    ] {
        let plan = plan_upload(&certs(&text), now());
        assert_eq!(plan.candidates.len(), 1);
        let chain = &plan.candidates[0].chain;
        let [
            ChainProblem::MissingIssuer {
                subject, issuer, ..
            },
        ] = chain.problems.as_slice()
        else {
            panic!("only the missing intermediate: {:?}", chain.problems);
        };
        assert_eq!(subject, "shop.example.com");
        assert_eq!(issuer, "O=Example Trust, CN=Example Trust CA");
        assert!(chain.unrelated.is_empty());
        assert!(!chain.is_complete());
        assert!(
            chain.problems[0]
                .message()
                .contains("(\"O=Example Trust, CN=Example Trust CA\") is missing"),
            "{}",
            chain.problems[0].message()
        );
        // The record keeps what chains to the leaf: the leaf alone.
        let kept = certs(plan.candidates[0].record.pem.as_deref().expect("pem"));
        assert_eq!(kept, [cert(&f.new_leaf)]);
        // The root is not kept, and not called a stray.
        assert_eq!(plan.refused.len(), 1);
        let root = &plan.refused[0];
        assert_eq!(root.label, "Example Trust Root");
        assert_eq!(
            root.reason,
            "This root came with a server certificate whose intermediate is missing (\"shop.example.com\" needs its issuer \"Example Trust CA\"); a root cannot take the intermediate's place. Browsers already hold their roots, so it is not kept: upload the intermediate certificate your CA provided together with the server certificate."
        );
        assert!(!root.reason.contains("issued none"));
    }
    // With a complete chain, a root that issues none of it is still a stray.
    let text = format!("{}{}{}", f.new_leaf, f.inter, other_root());
    let complete = plan_upload(&certs(&text), now());
    assert_eq!(complete.refused.len(), 1);
    assert_eq!(complete.refused[0].label, "Other Trust Root");
    assert!(complete.refused[0].reason.contains("issued none"));
    let alone = plan_upload(&certs(&format!("{}{}", f.inter, f.root)), now());
    assert!(
        alone
            .refused
            .iter()
            .all(|r| r.reason.contains("issued none"))
    );
}
