use crate::testing::*;
use crate::*;

fn kinds(check: &CsrCheck) -> Vec<WarningKind> {
    check.warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn csr_rules() {
    use KeyAlgorithm::*;
    use WarningKind::*;
    let auto = check_csr(CsrMode::Automatic, EcdsaP256, true, Some(EcdsaP256), None);
    assert_eq!(
        (auto.key_algorithm, auto.cloud_deployable, kinds(&auto)),
        (Some(EcdsaP256), true, vec![])
    );
    let manual = check_csr(CsrMode::Manual, Rsa2048, true, Some(Rsa2048), Some(Rsa2048));
    assert_eq!(manual.key_algorithm, Some(Rsa2048));
    assert!(!manual.cloud_deployable);
    assert_eq!(
        kinds(&manual),
        vec![ManualCsrNotDeployable, ManualCsrKeyCustody]
    );
    let mismatch = check_csr(
        CsrMode::Manual,
        Rsa2048,
        true,
        Some(Rsa2048),
        Some(EcdsaP256),
    );
    assert!(
        mismatch
            .warnings
            .iter()
            .any(|w| w.kind == ManualCsrKeyMismatch && w.blocks_submission())
    );
    let purchase = check_csr(CsrMode::Manual, Rsa2048, false, None, Some(EcdsaP256));
    assert_eq!(purchase.key_algorithm, Some(EcdsaP256));
    assert!(!purchase.warnings.iter().any(Warning::blocks_submission));
    let missing = check_csr(CsrMode::Manual, Rsa2048, true, Some(Rsa2048), None);
    assert!(kinds(&missing).contains(&ManualCsrMissing));
    let original = check_csr(CsrMode::OriginalKey, Rsa4096, true, Some(Rsa4096), None);
    assert_eq!(kinds(&original), vec![OriginalKeyCompliance]);
    assert!(!original.warnings[0].blocks_submission());
    let none = check_csr(CsrMode::OriginalKey, Rsa4096, false, None, None);
    assert_eq!(kinds(&none), vec![NoOriginalKey]);
}

fn offered(options: &[MethodOption]) -> Vec<VerificationMethod> {
    options
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(m, _)| *m)
        .collect()
}

#[test]
fn verification_methods_table() {
    use VerificationMethod::*;
    let wild = spec(Brand::DigiCert, ValidationType::Dv, DomainType::Wildcard);
    let ov = spec(Brand::DigiCert, ValidationType::Ov, DomainType::Single);
    let one = vec!["a.com".to_string()];
    let star = vec!["*.a.com".to_string()];
    let ip = vec!["192.0.2.1".to_string()];
    let cases = [
        (dv_single(), &one, true, vec![AutomaticDns]),
        (dv_single(), &one, false, vec![ManualDns, File]),
        (wild, &star, false, vec![ManualDns]),
        (wild, &star, true, vec![AutomaticDns]),
        (dv_single(), &ip, false, vec![File]),
        (dv_single(), &ip, true, vec![File]),
        (ov, &one, true, vec![CaContact]),
    ];
    for (s, domains, same, expected) in cases {
        let options = verification_methods(&s, domains, same);
        assert_eq!(
            options.len(),
            4,
            "every method listed, with a reason when not offered"
        );
        assert_eq!(offered(&options), expected, "{s:?} {domains:?} {same}");
    }
    let options = verification_methods(&wild, &star, false);
    let file = options
        .iter()
        .find(|(m, _)| *m == File)
        .map(|(_, r)| r.clone());
    assert_eq!(
        file,
        Some(Err(
            "Wildcard domain names do not support file validation".to_string()
        ))
    );
}

#[test]
fn default_method_is_the_originals_when_offered() {
    use VerificationMethod::*;
    let options = verification_methods(&dv_single(), &["a.com".to_string()], false);
    assert_eq!(default_verification(Some(File), &options), Some(File));
    assert_eq!(
        default_verification(Some(AutomaticDns), &options),
        Some(ManualDns)
    );
    assert_eq!(default_verification(None, &options), Some(ManualDns));
}

#[test]
fn contact_per_field_errors() {
    assert_eq!(validate_contact(&contact()), Ok(()));
    let cases = [
        (
            Contact {
                name: " ".into(),
                ..contact()
            },
            (true, false, false),
        ),
        (
            Contact {
                email: "li.example.com".into(),
                ..contact()
            },
            (false, true, false),
        ),
        (
            Contact {
                email: "li@".into(),
                ..contact()
            },
            (false, true, false),
        ),
        (
            Contact {
                email: "l i@example.com".into(),
                ..contact()
            },
            (false, true, false),
        ),
        (
            Contact {
                email: "li@*.example.com".into(),
                ..contact()
            },
            (false, true, false),
        ),
        (
            Contact {
                phone: "12ab".into(),
                ..contact()
            },
            (false, false, true),
        ),
        (
            Contact {
                phone: "1234".into(),
                ..contact()
            },
            (false, false, true),
        ),
        (
            Contact {
                phone: "+1234567890123456".into(),
                ..contact()
            },
            (false, false, true),
        ),
        (Contact::default(), (true, true, true)),
    ];
    for (c, (name, email, phone)) in cases {
        let e = validate_contact(&c).unwrap_err();
        assert_eq!(
            (e.name.is_some(), e.email.is_some(), e.phone.is_some()),
            (name, email, phone),
            "{c:?}"
        );
    }
    assert_eq!(
        validate_contact(&Contact {
            phone: "(010) 5555-0100".into(),
            ..contact()
        }),
        Ok(())
    );
    let e = validate_contact(&Contact {
        email: "li.example.com".into(),
        ..contact()
    })
    .unwrap_err();
    assert_eq!(
        e.email.as_deref(),
        Some("The email address needs an @: write it as name@example.com")
    );
}

#[test]
fn review_schedule_table() {
    // (type, submitted, expected issue, fails on)
    let cases = [
        (ValidationType::Dv, "2026-11-23", "2026-11-23", "2026-11-25"),
        (ValidationType::Ov, "2026-11-23", "2026-11-28", "2026-12-23"),
        (ValidationType::Ev, "2024-02-28", "2024-03-04", "2024-03-29"),
    ];
    for (v, on, issue, fails) in cases {
        let s = review_schedule(v, d(on)).unwrap();
        assert_eq!(
            (s.expected_issue_on, s.fails_on),
            (d(issue), d(fails)),
            "{v:?}"
        );
    }
    assert_eq!(
        review_schedule(ValidationType::Dv, d("2026-11-23"))
            .unwrap()
            .expected_label,
        "1 to 15 minutes"
    );
    assert_eq!(
        review_schedule(ValidationType::Ov, chrono::NaiveDate::MAX),
        None
    );
    let validating = Certificate {
        applied_on: Some(d("2026-11-21")),
        ..in_state(LifecycleState::ValidatingApplication)
    };
    assert!(!review_overdue(&validating, d("2026-11-22")));
    assert!(review_overdue(&validating, d("2026-11-23")));
}
