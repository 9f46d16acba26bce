use crate::testing::*;
use crate::*;

fn not_activated(kind: CertificateKind) -> Certificate {
    Certificate {
        kind,
        ..in_state(LifecycleState::NotActivated)
    }
}

#[test]
fn trigger_boundaries() {
    let prev = official("2024-10-01", "2025-09-30");
    // (kind, today, due?)
    let cases = [
        (CertificateKind::Official, "2025-08-31", true), // exactly 30 days left
        (CertificateKind::Official, "2025-08-30", false), // 31 days left
        (CertificateKind::Uploaded, "2025-09-15", true), // exactly 15
        (CertificateKind::Uploaded, "2025-09-14", false), // 16
    ];
    for (kind, today, due) in cases {
        let mut next = not_activated(kind);
        next.dns_in_same_account = true;
        let result = activation(&prev, &next, d(today));
        match (&result, due) {
            (
                Activation::Due {
                    carried_over_days,
                    validity,
                    ..
                },
                true,
            ) => {
                assert_eq!(*carried_over_days, trigger_days(kind));
                assert_eq!(
                    validity.term.end,
                    d("2026-09-30"),
                    "carried over: original + 365"
                );
            }
            (Activation::NotYet { trigger_on, .. }, false) => {
                let expected = if kind == CertificateKind::Official {
                    "2025-08-31"
                } else {
                    "2025-09-15"
                };
                assert_eq!(*trigger_on, d(expected));
            }
            _ => panic!("{kind:?} {today}: {result:?}"),
        }
    }
}

#[test]
fn manual_submission_when_conditions_fail() {
    let prev = official("2024-10-01", "2025-09-30");
    let next = not_activated(CertificateKind::Official); // DV, DNS elsewhere, no validation-free
    match activation(&prev, &next, d("2025-09-10")) {
        Activation::ManualNeeded {
            carried_over_days: 20,
            reason,
            ..
        } => assert!(reason.contains("DNS")),
        other => panic!("{other:?}"),
    }
    match activation(&prev, &next, d("2025-06-01")) {
        Activation::NotYet {
            manual_reason: Some(_),
            days_left: 121,
            ..
        } => {}
        other => panic!("{other:?}"),
    }
    let free = Certificate {
        validation_free: true,
        ..next.clone()
    };
    assert!(matches!(
        activation(&prev, &free, d("2025-09-10")),
        Activation::Due { .. }
    ));
    let ov = Certificate {
        spec: spec(Brand::DigiCert, ValidationType::Ov, DomainType::Single),
        contact: Contact::default(),
        ..next.clone()
    };
    assert!(matches!(
        activation(&prev, &ov, d("2025-09-10")),
        Activation::ManualNeeded { .. }
    ));
    let ov_ok = Certificate {
        contact: contact(),
        ..ov
    };
    assert!(matches!(
        activation(&prev, &ov_ok, d("2025-09-10")),
        Activation::Due { .. }
    ));
}

#[test]
fn auto_start_conditions() {
    let c = contact();
    let cases = [
        (ValidationType::Dv, true, false, true),
        (ValidationType::Dv, false, true, true),
        (ValidationType::Dv, false, false, false),
        (ValidationType::Ov, false, false, true),
        (ValidationType::Ev, false, false, true),
    ];
    for (v, dns, free, ok) in cases {
        assert_eq!(
            auto_start_check(v, dns, free, &c).is_ok(),
            ok,
            "{v:?} {dns} {free}"
        );
    }
}

#[test]
fn waiting_and_not_applicable() {
    let prev = in_state(LifecycleState::PendingApplication);
    let next = not_activated(CertificateKind::Official);
    assert!(matches!(
        activation(&prev, &next, d("2025-09-10")),
        Activation::Waiting { .. }
    ));
    let issued_next = official("2025-01-01", "2026-01-01");
    assert!(matches!(
        activation(&prev, &issued_next, d("2025-09-10")),
        Activation::NotApplicable { .. }
    ));
    let cancelled = in_state(LifecycleState::Cancelled);
    assert!(matches!(
        activation(&cancelled, &next, d("2025-09-10")),
        Activation::ManualNeeded { .. }
    ));
    // Previous already expired: due, nothing left to carry.
    let mut next = next;
    next.dns_in_same_account = true;
    match activation(
        &official("2024-10-01", "2025-09-30"),
        &next,
        d("2025-10-05"),
    ) {
        Activation::Due {
            carried_over_days: 0,
            validity,
            ..
        } => assert_eq!(validity.term.end, d("2026-10-05")),
        other => panic!("{other:?}"),
    }
}
