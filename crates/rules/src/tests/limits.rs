//! Lists and names too long to be a certificate's are refused early, by
//! their size, with a message that says what to change (issue 14: no input
//! freezes the page). Fixed inputs; the speed is `make bench`'s to show.

use crate::domain::{MAX_LISTED_NAMES, check_count, normalize_domains};
use crate::*;

fn numbered(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("h{i}.example.com")).collect()
}

#[test]
fn a_name_longer_than_any_certificate_holds_is_refused_before_punycode() {
    // 300 ideographs: the label would be converted to punycode first before.
    let ideographs: String = (0..300u32)
        .filter_map(|i| char::from_u32(0x4E00 + i))
        .collect();
    let name = format!("{ideographs}.example");
    let error = normalize_domain(&name).unwrap_err();
    assert_eq!(error, DomainError::TooLong { len: 308 });
    assert_eq!(
        error.to_string(),
        "The name is 308 characters long; at most 253 are allowed"
    );
    // A long IDN label within the name limit still names the label at fault.
    let label: String = (0..70u32)
        .filter_map(|i| char::from_u32(0x4E00 + i))
        .collect();
    assert!(matches!(
        normalize_domain(&format!("{label}.example")),
        Err(DomainError::LabelTooLong { .. })
    ));
}

#[test]
fn a_huge_list_is_refused_by_its_count_unread() {
    let mut list = numbered(64_000);
    list[0] = "bad_name.com".into();
    let refusal = DomainError::TooManyNames { count: 64_000 };
    assert_eq!(normalize_domains(&list), Err(refusal.clone()));
    assert_eq!(domain_type_of(&list), Err(refusal.clone()));
    assert_eq!(
        refusal.to_string(),
        "A Multi-domain certificate protects at most 5 names; this list has 64000"
    );
    assert_eq!(
        check_count(MAX_LISTED_NAMES + 1),
        Err(DomainError::TooManyNames {
            count: MAX_LISTED_NAMES + 1
        })
    );
    assert_eq!(check_count(MAX_LISTED_NAMES), Ok(()));
}

#[test]
fn up_to_the_listed_limit_the_entry_at_fault_is_named_first() {
    let mut list = numbered(MAX_LISTED_NAMES);
    list[50] = "bad_name.com".into();
    assert_eq!(
        domain_type_of(&list),
        Err(DomainError::InvalidCharacter { ch: '_' })
    );
    let mut list = numbered(MAX_LISTED_NAMES);
    list[99] = "H3.Example.com.".into();
    assert_eq!(
        normalize_domains(&list),
        Err(DomainError::Duplicate {
            name: "h3.example.com".into()
        })
    );
    assert_eq!(
        domain_type_of(&numbered(MAX_LISTED_NAMES)),
        Err(DomainError::TooManyNames {
            count: MAX_LISTED_NAMES
        })
    );
}
