use crate::testing::*;
use crate::*;

fn state_of(cert: &Certificate, today: &str) -> Vec<(CertAction, bool)> {
    available_actions(cert, d(today))
        .into_iter()
        .map(|a| (a.action, a.allowed.is_ok()))
        .collect()
}

fn allowed(cert: &Certificate, today: &str, action: CertAction) -> Result<(), String> {
    available_actions(cert, d(today))
        .into_iter()
        .find(|a| a.action == action)
        .map_or(Err("not listed".into()), |a| a.allowed)
}

#[test]
fn official_issued_in_date() {
    use CertAction::*;
    let cert = official("2024-10-01", "2025-09-30");
    assert_eq!(
        allowed(&cert, "2025-09-10", Download),
        Ok(()),
        "the CA keeps the file of an Official certificate, kept here or not"
    );
    assert_eq!(
        state_of(&cert, "2025-09-10"),
        vec![
            (RenewalPurchase, true),
            (Purchase, true),
            (SubmitRequest, false),
            (ViewProgress, false),
            (Cancel, false),
            (Download, true),
            (Delete, false),
            (Deploy, true),
            (Verify, true),
        ]
    );
    assert!(
        allowed(&cert, "2025-06-01", RenewalPurchase)
            .unwrap_err()
            .starts_with("Renewal opens")
    );
    assert_eq!(
        allowed(&cert, "2025-10-01", RenewalPurchase),
        Err("Expired: purchase a new certificate".into())
    );
    assert_eq!(allowed(&cert, "2025-10-01", Delete), Ok(()));
    assert_eq!(allowed(&cert, "2025-10-01", Download), Ok(()));
    assert!(allowed(&cert, "2025-10-01", Deploy).is_err());
}

#[test]
fn uploaded_and_pca_show_their_own_actions() {
    use CertAction::*;
    let cert = uploaded("2024-10-01", "2025-09-30");
    let listed: Vec<CertAction> = state_of(&cert, "2025-09-10")
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert_eq!(listed, vec![Update, Download, Delete, Deploy, Verify]);
    assert_eq!(allowed(&cert, "2025-09-10", Update), Ok(()));
    assert_eq!(allowed(&cert, "2025-09-10", Delete), Ok(()));
    assert!(
        allowed(&cert, "2025-09-10", Download)
            .unwrap_err()
            .contains("No certificate file"),
        "an uploaded certificate without its file cannot be downloaded"
    );
    let with_file = Certificate {
        pem: Some("-----BEGIN CERTIFICATE-----".into()),
        ..cert.clone()
    };
    assert_eq!(allowed(&with_file, "2025-09-10", Download), Ok(()));
    let pca = Certificate { pca: true, ..cert };
    let listed: Vec<CertAction> = state_of(&pca, "2025-09-10")
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert_eq!(
        listed,
        vec![Download, Delete, ReissueAndSync, Deploy, Verify]
    );
}

#[test]
fn lifecycle_table() {
    use CertAction::*;
    use LifecycleState::*;
    // (state, submit, progress, cancel, download, delete)
    let cases = [
        (NotActivated, false, false, true, false, false),
        (PendingApplication, true, false, true, false, false),
        (ValidatingApplication, false, true, false, false, false),
        (ValidationFailed, true, true, true, false, false),
        (Cancelled, false, false, false, false, true),
        (Revoked, false, false, false, false, true),
    ];
    for (state, submit, progress, cancel, download, delete) in cases {
        let cert = in_state(state);
        let got = [SubmitRequest, ViewProgress, Cancel, Download, Delete]
            .map(|a| allowed(&cert, "2025-09-10", a).is_ok());
        assert_eq!(
            got,
            [submit, progress, cancel, download, delete],
            "{state:?}"
        );
    }
    let waiting = allowed(&in_state(NotActivated), "2025-09-10", SubmitRequest).unwrap_err();
    assert!(waiting.contains("30 days"));
    let uploaded_order = Certificate {
        kind: CertificateKind::Uploaded,
        association: Some(Association {
            original: "up-1".into(),
            order: "o-1".into(),
            position: 2,
            of: 2,
            renewal: false,
        }),
        ..in_state(NotActivated)
    };
    assert!(
        allowed(&uploaded_order, "2025-09-10", SubmitRequest)
            .unwrap_err()
            .contains("15 days")
    );
}

#[test]
fn manual_csr_certificates_are_not_deployed_from_the_console() {
    let cert = Certificate {
        csr_mode: Some(CsrMode::Manual),
        ..official("2024-10-01", "2025-09-30")
    };
    assert!(
        allowed(&cert, "2025-09-10", CertAction::Deploy)
            .unwrap_err()
            .contains("manually entered CSR")
    );
    assert_eq!(CertAction::RenewalPurchase.label(), "Renewal purchase");
}

#[test]
fn expired_certificates_offer_purchase_and_the_emergency_steps() {
    use CertAction::*;
    let cert = official("2024-10-01", "2025-09-30");
    assert!(
        allowed(&cert, "2025-10-05", RenewalPurchase)
            .unwrap_err()
            .starts_with("Expired")
    );
    assert_eq!(allowed(&cert, "2025-10-05", Purchase), Ok(()));
    assert_eq!(allowed(&cert, "2025-10-05", EmergencySteps), Ok(()));
    // In date: no emergency; a purchase is still possible (a specification change).
    assert_eq!(
        allowed(&cert, "2025-09-10", EmergencySteps),
        Err("not listed".into())
    );
    assert_eq!(allowed(&cert, "2025-09-10", Purchase), Ok(()));
    let pending = Certificate {
        state: LifecycleState::PendingApplication,
        ..cert
    };
    assert!(
        allowed(&pending, "2025-09-10", Purchase)
            .unwrap_err()
            .contains("still open")
    );
}
