use crate::testing::*;
use crate::*;

#[test]
fn renewal_eligibility_table() {
    let base = official("2024-10-01", "2025-09-30");
    let multi = Certificate {
        spec: spec(Brand::DigiCert, ValidationType::Dv, DomainType::MultiDomain),
        ..base.clone()
    };
    let uploaded_cert = uploaded("2024-10-01", "2025-09-30");
    let pca = Certificate {
        pca: true,
        ..uploaded_cert.clone()
    };
    let cases: Vec<(&Certificate, &str, Result<(), Ineligible>)> = vec![
        (&base, "2025-09-10", Ok(())),
        (&base, "2025-08-01", Ok(())), // exactly 60 days left
        (
            &base,
            "2025-07-31",
            Err(Ineligible::RenewalNotOpenYet {
                opens_on: d("2025-08-01"),
                days_left: 61,
            }),
        ),
        (&base, "2025-10-01", Err(Ineligible::Expired)),
        (&multi, "2025-09-10", Err(Ineligible::MultiDomain)),
        (
            &uploaded_cert,
            "2025-09-10",
            Err(Ineligible::UploadedNotRenewable),
        ),
        (&pca, "2025-09-10", Err(Ineligible::Pca)),
    ];
    for (cert, today, expected) in cases {
        assert_eq!(renewal_eligibility(cert, d(today)), expected, "{today}");
    }
    let pending = Certificate {
        state: LifecycleState::PendingApplication,
        ..base.clone()
    };
    let err = renewal_eligibility(&pending, d("2025-09-10")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "A Pending Application certificate cannot be renewed"
    );
    assert_eq!(
        Ineligible::Expired.to_string(),
        "Expired: purchase a new certificate"
    );
    assert_eq!(
        Ineligible::MultiDomain.to_string(),
        "Multi-domain certificates cannot be renewed: purchase a new one"
    );
    assert_eq!(
        Ineligible::Pca.to_string(),
        "PCA certificates are reissued in the PCA product, then synced"
    );
}

#[test]
fn update_eligibility_table() {
    let cert = uploaded("2024-10-01", "2025-09-30");
    let pca = Certificate {
        pca: true,
        ..cert.clone()
    };
    let revoked = Certificate {
        state: LifecycleState::Revoked,
        ..cert.clone()
    };
    let cases: Vec<(&Certificate, &str, Result<(), Ineligible>)> = vec![
        (&cert, "2025-09-10", Ok(())),
        (&cert, "2025-12-01", Ok(())), // Expired: Update still applies
        (
            &cert,
            "2025-06-01",
            Err(Ineligible::UpdateNotOpenYet {
                opens_on: d("2025-08-01"),
                days_left: 121,
            }),
        ),
        (&pca, "2025-09-10", Err(Ineligible::Pca)),
        (
            &revoked,
            "2025-09-10",
            Err(Ineligible::WrongStatus {
                status: "Revoked".into(),
                action: "updated".into(),
            }),
        ),
    ];
    for (c, today, expected) in cases {
        assert_eq!(update_eligibility(c, d(today)), expected, "{today}");
    }
    let official_cert = official("2024-10-01", "2025-09-30");
    assert_eq!(
        update_eligibility(&official_cert, d("2025-09-10")),
        Err(Ineligible::OfficialNotUpdatable)
    );
}

#[test]
fn spec_change_names_what_changed() {
    let a = dv_single();
    assert_eq!(spec_change(&a, &a), Ok(()));
    let b = spec(Brand::GlobalSign, ValidationType::Ov, DomainType::Single);
    let err = spec_change(&a, &b).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Changing the brand and validation type needs a new purchase, not a renewal"
    );
    let c = spec(Brand::DigiCert, ValidationType::Dv, DomainType::Wildcard);
    assert!(
        spec_change(&a, &c)
            .unwrap_err()
            .to_string()
            .contains("domain type")
    );
}
