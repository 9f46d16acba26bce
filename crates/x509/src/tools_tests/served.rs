//! The verification verdict: the right chain, the old certificate, a chain
//! missing its intermediate, a date that matches or not, another domain.

use super::fixtures::{cert, day, fixtures, now};
use crate::{Cause, Expected, Outcome, Previous, Served, judge, read_served};

fn expected(previous: bool) -> Expected {
    let f = fixtures();
    let old = cert(&f.old_leaf);
    Expected {
        leaf: Some(cert(&f.new_leaf)),
        not_after: day(2027, 11, 30),
        host: "www.shop.example.com".into(),
        previous: previous.then(|| Previous {
            not_after: old.not_after_date(),
            fingerprint: Some(*old.fingerprint_bytes()),
        }),
    }
}

fn served(text: &str) -> Served {
    read_served(text).expect("readable")
}

#[test]
fn the_right_chain_passes() {
    let f = fixtures();
    let v = judge(
        &expected(true),
        &served(&format!("{}{}", f.new_leaf, f.inter)),
        now(),
    );
    assert!(v.passed, "{v:?}");
    assert!(
        v.headline.contains("serves the new certificate"),
        "{}",
        v.headline
    );
    assert!(v.causes.is_empty());
    assert!(
        v.checks.iter().all(|c| c.outcome == Outcome::Pass),
        "{:?}",
        v.checks
    );
    assert!(v.checks[0].detail.contains("fingerprint"));
    // Also as the whole s_client output, root included.
    let output = format!(
        "CONNECTED(00000003)\ndepth=2 O = Example Trust, CN = Example Trust Root\n---\nCertificate chain\n 0 s:CN = shop.example.com\n{} 1 s:O = Example Trust, CN = Example Trust CA\n{}---\nServer certificate\nsubject=CN = shop.example.com\n---\nDONE\n",
        f.new_leaf, f.inter
    );
    let v = judge(&expected(false), &served(&output), now());
    assert!(v.passed, "{v:?}");
}

#[test]
fn the_old_certificate_names_the_documents_causes() {
    let f = fixtures();
    let pasted = format!("{}{}", f.old_leaf, f.inter);
    let v = judge(&expected(true), &served(&pasted), now());
    assert!(!v.passed);
    assert!(
        v.headline.contains("still serves the old certificate"),
        "{}",
        v.headline
    );
    assert!(v.headline.contains("2026-12-01"), "{}", v.headline);
    assert_eq!(
        v.causes,
        [
            Cause::OldFile,
            Cause::NotReloaded,
            Cause::BrowserCache,
            Cause::IntermediateService
        ]
    );
    assert_eq!(v.checks[0].outcome, Outcome::Fail);
    assert_eq!(v.checks[1].outcome, Outcome::Pass, "it covers the host");
    // Without knowing the original: an older certificate; s_client output rules out the cache.
    let output = format!("CONNECTED(00000003)\nCertificate chain\n{pasted}");
    let v = judge(&expected(false), &served(&output), now());
    assert!(
        v.headline.contains("an older certificate"),
        "{}",
        v.headline
    );
    assert_eq!(
        v.causes,
        [
            Cause::OldFile,
            Cause::NotReloaded,
            Cause::IntermediateService
        ]
    );
    for cause in v.causes {
        assert!(!cause.fix().is_empty() && !cause.title().is_empty());
    }
}

#[test]
fn a_chain_missing_its_intermediate_is_incomplete() {
    let f = fixtures();
    let v = judge(&expected(true), &served(&f.new_leaf), now());
    assert!(!v.passed);
    assert!(v.headline.contains("chain is incomplete"), "{}", v.headline);
    assert_eq!(v.causes, [Cause::IncompleteChain]);
    let chain = v
        .checks
        .iter()
        .find(|c| c.label == "Complete chain")
        .expect("check");
    assert_eq!(chain.outcome, Outcome::Fail);
    assert!(
        chain.detail.contains("Example Trust CA"),
        "{}",
        chain.detail
    );
    assert!(Cause::IncompleteChain.fix().contains("intermediate"));
}

#[test]
fn a_certificate_for_another_domain() {
    let f = fixtures();
    let v = judge(
        &expected(true),
        &served(&format!("{}{}", f.other_leaf, f.inter)),
        now(),
    );
    assert!(!v.passed);
    assert!(v.headline.contains("other.example.net"), "{}", v.headline);
    assert!(v.headline.contains("not for www.shop.example.com"));
    assert_eq!(v.causes, [Cause::OtherSite, Cause::IntermediateService]);
    assert_eq!(v.checks[1].outcome, Outcome::Fail);
}

#[test]
fn the_expiry_date_alone() {
    let with_previous = expected(true);
    for text in [
        "2027-11-30",
        "Expires On: Wednesday, December 1, 2027 at 7:59:59 AM",
        "Nov 29 2027",
    ] {
        let v = judge(&with_previous, &served(text), now());
        assert!(v.passed, "{text}: {v:?}");
        assert_eq!(v.checks[1].outcome, Outcome::Unknown);
    }
    let v = judge(&with_previous, &served("December 1, 2026"), now());
    assert!(!v.passed);
    assert!(v.headline.contains("old certificate"), "{}", v.headline);
    assert!(v.causes.contains(&Cause::BrowserCache));
    let v = judge(&expected(false), &served("2027-03-01"), now());
    assert!(v.headline.contains("older certificate"), "{}", v.headline);
    let v = judge(&expected(false), &served("2028-03-01"), now());
    assert!(
        v.headline.contains("different certificate"),
        "{}",
        v.headline
    );
    assert_eq!(v.causes, [Cause::OldFile, Cause::IntermediateService]);
    // No file kept: the served chain's expiry is compared with the record's.
    let mut no_file = expected(false);
    no_file.leaf = None;
    let f = fixtures();
    let v = judge(
        &no_file,
        &served(&format!("{}{}", f.new_leaf, f.inter)),
        now(),
    );
    assert!(v.passed, "{v:?}");
    assert!(v.checks[0].detail.contains("no file is kept"));
}
