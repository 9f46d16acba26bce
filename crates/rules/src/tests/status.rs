use crate::testing::*;
use crate::*;

#[test]
fn status_is_derived_only_for_issued_certificates() {
    let cert = official("2024-10-01", "2025-09-30");
    let cases = [
        ("2025-07-31", CertificateStatus::Issued), // 61 days left
        ("2025-08-01", CertificateStatus::PendingExpiration), // exactly 60
        ("2025-09-30", CertificateStatus::PendingExpiration), // last day, 0 left
        ("2025-10-01", CertificateStatus::Expired),
    ];
    for (today, expected) in cases {
        assert_eq!(status_at(&cert, d(today)), expected, "{today}");
    }
    for state in LifecycleState::ALL {
        if state != LifecycleState::Issued {
            let cert = Certificate {
                state,
                ..official("2020-01-01", "2020-02-01")
            };
            assert_eq!(
                status_at(&cert, d("2030-01-01")),
                CertificateStatus::from(state)
            );
        }
    }
    assert_eq!(
        status_at(&in_state(LifecycleState::Issued), d("2030-01-01")),
        CertificateStatus::Issued
    );
}

#[test]
fn leap_day_expiry() {
    let cert = official("2023-03-01", "2024-02-29");
    assert_eq!(
        status_at(&cert, d("2024-02-29")),
        CertificateStatus::PendingExpiration
    );
    assert_eq!(
        status_at(&cert, d("2024-03-01")),
        CertificateStatus::Expired
    );
    assert_eq!(days_left(&cert, d("2024-02-01")), Some(28));
    assert_eq!(days_left(&cert, d("2024-03-02")), Some(-2));
}

#[test]
fn pending_expiration_follows_the_term_not_an_in_term_certificate() {
    // SC-081: the current certificate ends long before the paid term does.
    let cert = Certificate {
        term_start: Some(d("2026-11-01")),
        term_end: Some(d("2027-11-21")),
        ..official("2026-11-01", "2027-05-20")
    };
    assert_eq!(status_at(&cert, d("2027-05-01")), CertificateStatus::Issued);
    assert_eq!(days_left(&cert, d("2027-05-01")), Some(19));
    assert_eq!(service_days_left(&cert, d("2027-05-01")), Some(204));
    assert_eq!(
        status_at(&cert, d("2027-05-21")),
        CertificateStatus::Expired
    );
}

#[test]
fn days_left_counts_as_the_documents_do() {
    assert_eq!(
        days_left(&official("2024-10-01", "2025-09-30"), d("2025-09-10")),
        Some(20)
    );
    assert_eq!(
        days_left(&in_state(LifecycleState::NotActivated), d("2025-09-10")),
        None
    );
}

#[test]
fn labels_use_the_documents_words() {
    let statuses: Vec<&str> = CertificateStatus::ALL.iter().map(|s| s.label()).collect();
    assert_eq!(
        statuses,
        [
            "Not Activated",
            "Pending Application",
            "Validating Application",
            "Validation Failed",
            "Issued",
            "Pending Expiration",
            "Expired",
            "Cancelled",
            "Revoked"
        ]
    );
    let brands: Vec<&str> = Brand::ALL.iter().map(|b| b.label()).collect();
    assert_eq!(brands, ["Alibaba Cloud", "DigiCert", "GlobalSign"]);
    let types: Vec<&str> = DomainType::ALL.iter().map(|t| t.label()).collect();
    assert_eq!(types, ["Single Domain", "Wildcard Domain", "Multi-domain"]);
    assert_eq!(KeyAlgorithm::EcdsaP256.label(), "ECDSA P-256");
    assert_eq!(KeyAlgorithm::Sm2.label(), "SM2");
    assert_eq!(CertificateKind::Official.label(), "Official Certificate");
    assert_eq!(CertificateKind::Uploaded.label(), "Uploaded");
    assert_eq!(CsrMode::OriginalKey.label(), "Update with Original Key");
    assert_eq!(
        VerificationMethod::ManualDns.label(),
        "Manual DNS Verification"
    );
    assert_eq!(ValidationType::Ov.label(), "OV");
    assert_eq!(
        spec(Brand::GlobalSign, ValidationType::Ev, DomainType::Wildcard).label(),
        "GlobalSign EV Wildcard Domain"
    );
    assert_eq!(Specification::all().len(), 27);
    assert_eq!(
        LifecycleState::PendingApplication.label(),
        "Pending Application"
    );
}
