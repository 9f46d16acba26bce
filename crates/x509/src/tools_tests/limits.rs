//! Text too long for what it stands for is refused early, with a message
//! that says what to paste or type instead (issue 14: no input freezes the
//! page); the fast paths give the answers the slow ones gave. Fixed inputs;
//! the speed is `make bench`'s to show.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use crate::{MAX_SERVED_BYTES, csr_request, domain_type_of, name_covers, parse_date, read_served};
use certdesk_rules::model::{DomainType, KeyAlgorithm};

const TOO_LONG: &str = "The pasted text is 1025 KiB; paste at most 1 MiB: the certificate chain, openssl s_client output or the expiry date.";

#[test]
fn pasted_text_over_one_mib_is_refused_unread() {
    let digits = "7".repeat(MAX_SERVED_BYTES + 1);
    assert_eq!(read_served(&digits), Err(TOO_LONG.to_string()));
    assert_eq!(parse_date(&digits), Err(TOO_LONG.to_string()));
    let chain = format!(
        "-----BEGIN CERTIFICATE-----\n{}",
        "A".repeat(MAX_SERVED_BYTES)
    );
    assert_eq!(read_served(&chain), Err(TOO_LONG.to_string()));
    // At the cap the text is read: digits alone are not a date.
    let at_cap = "7".repeat(MAX_SERVED_BYTES);
    assert_eq!(parse_date(&at_cap), Ok(None));
    assert!(
        read_served(&at_cap)
            .unwrap_err()
            .starts_with("Neither a certificate nor a date")
    );
}

#[test]
fn a_long_digit_run_before_a_time_keeps_its_date() {
    let text = format!("{} 2027-06-01 23:59:59", "1".repeat(100_000));
    assert_eq!(
        parse_date(&text),
        Ok(chrono::NaiveDate::from_ymd_opt(2027, 6, 1))
    );
    // Only the last two digits of a run can be an hour ("123:45" is 1 and a time).
    assert_eq!(
        parse_date("2027-06-123:45"),
        Ok(chrono::NaiveDate::from_ymd_opt(2027, 6, 1))
    );
}

#[test]
fn a_pasted_list_of_thousands_of_names_is_refused_by_its_count() {
    let mut names: Vec<String> = (0..64_000).map(|i| format!("h{i}.example.com")).collect();
    names[0] = "bad_name.com".into();
    let errors = csr_request(&names, "", "", KeyAlgorithm::EcdsaP256).unwrap_err();
    assert_eq!(
        errors.names.as_deref(),
        Some("A Multi-domain certificate protects at most 5 names; this list has 64000.")
    );
    let names: Vec<String> = (0..6).map(|i| format!("h{i}.example.com")).collect();
    let errors = csr_request(&names, "", "", KeyAlgorithm::EcdsaP256).unwrap_err();
    assert_eq!(
        errors.names.as_deref(),
        Some("A Multi-domain certificate protects at most 5 names; this list has 6.")
    );
}

/// The domain type as it was computed before: every pair of names compared.
fn domain_type_pairwise(names: &[String]) -> DomainType {
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let companion_of = |name: &str, other: &str| {
        other
            .strip_prefix("www.")
            .or_else(|| other.strip_prefix("*."))
            .is_some_and(|base| base == name)
    };
    let covered = |name: &str, other: &str| other.starts_with("*.") && name_covers(other, name);
    let primary: Vec<&String> = lower
        .iter()
        .filter(|n| {
            !lower
                .iter()
                .any(|o| o != *n && (companion_of(n, o) || covered(n, o)))
        })
        .collect();
    match primary.as_slice() {
        [] => DomainType::Single,
        [one] if one.starts_with("*.") => DomainType::Wildcard,
        [_] => DomainType::Single,
        _ => DomainType::MultiDomain,
    }
}

/// Found by the property below: "*." is a plain name "*" to `name_covers`
/// (it covers "*" and nothing else), so it must not take the place of a real
/// wildcard of the same parent.
#[test]
fn a_bare_star_dot_is_not_a_wildcard_of_star() {
    for names in [
        vec!["*.", "*.*.", "*.*"],
        vec!["*.*.", "*.", "*.*"],
        vec!["*.*", "*.*.", "*."],
        vec!["*.", "*"],
        vec!["*", "*."],
    ] {
        let names: Vec<String> = names.into_iter().map(String::from).collect();
        assert_eq!(
            domain_type_of(&names),
            domain_type_pairwise(&names),
            "{names:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    })]

    #[test]
    fn domain_type_by_lookup_is_the_pairwise_one(
        names in proptest::collection::vec("(\\*\\.|www\\.|W\\.)?([ab]\\.)?(a|b|\\*)(\\.c)?\\.?", 0..6)
    ) {
        prop_assert_eq!(domain_type_of(&names), domain_type_pairwise(&names), "{:?}", names);
    }
}
