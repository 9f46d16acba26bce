//! The sandbox's transitions, walked as the scenarios.

use chrono::NaiveDate;

use super::{SANDBOX_DV_REVIEW_MS, Sandbox};
use crate::demo::demo_inventory;
use crate::inventory::Inventory;
use crate::rules::{
    CertificateStatus, LifecycleState, OrderKind, OrderRequest, TaskStatus, remaining_units,
    status_at,
};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

const NOW: i64 = 1_800_000_000_000;

fn renewal(inv: &Inventory, id: &str, years: u8) -> OrderRequest {
    let mut request = OrderRequest::renewal_of(inv.find(id).expect("demo certificate"));
    request.years = years;
    request
}

fn state(inv: &Inventory, id: &str) -> LifecycleState {
    inv.find(id).expect("certificate").state
}

/// Moves time to `day` (at `NOW` wall-clock), returning the inventory after.
fn at(inv: &Inventory, day: &str) -> Inventory {
    Sandbox
        .advance(inv, d(day), NOW + 10 * SANDBOX_DV_REVIEW_MS)
        .map_or_else(|| inv.clone(), |a| a.inventory)
}

/// A 1-year renewal of `original` placed and its request submitted on `today`:
/// the inventory after, and the new certificate's ID.
fn renewed_and_submitted(inv: &Inventory, original: &str, today: NaiveDate) -> (Inventory, String) {
    let placed = Sandbox
        .submit_order(inv, &renewal(inv, original, 1), None, today)
        .expect("the renewal is placed");
    let id = placed.order.certificates[0].clone();
    let submitted = Sandbox
        .submit_application(&placed.inventory, &id, today, NOW)
        .expect("the request is submitted");
    (submitted, id)
}

#[test]
fn a_renewal_takes_quota_and_creates_its_certificates() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let spec = inv.find("cas-3c4d55").unwrap().spec; // DigiCert EV Single: no quota left
    let placed = Sandbox.submit_order(&inv, &renewal(&inv, "cas-9a0b31", 3), None, today);
    let placed = placed.expect("a 3-year renewal of a Pending Expiration certificate is placed");
    assert_eq!(placed.order.kind, OrderKind::Renewal);
    let ids = &placed.order.certificates;
    assert_eq!(ids.len(), 3);
    let states: Vec<_> = ids.iter().map(|id| state(&placed.inventory, id)).collect();
    assert_eq!(
        states,
        [
            LifecycleState::PendingApplication,
            LifecycleState::NotActivated,
            LifecycleState::NotActivated
        ]
    );
    for (n, id) in ids.iter().enumerate() {
        let a = placed
            .inventory
            .find(id)
            .unwrap()
            .association
            .clone()
            .unwrap();
        assert_eq!(
            (a.original.as_str(), a.position, a.of, a.renewal),
            ("cas-9a0b31", n as u8 + 1, 3, true)
        );
    }
    // No EV quota: everything is paid; two Managed Service uses come from the quota of 2.
    assert_eq!(remaining_units(&placed.inventory.quotas, &spec), 0);
    assert_eq!(placed.plan.payment.units_to_pay, 3);
    assert_eq!(
        placed.inventory.quotas.managed_service,
        inv.quotas.managed_service - 2
    );
    assert!(placed.plan.payment.amount_cents.is_some_and(|c| c > 0));
}

#[test]
fn an_ineligible_order_is_refused_with_the_rules_reason() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let refused = Sandbox.submit_order(&inv, &renewal(&inv, "cas-5e0f12", 1), None, today);
    assert!(refused.unwrap_err().to_string().contains("Multi-domain"));
    let refused = Sandbox.submit_order(&inv, &renewal(&inv, "cas-61aa90", 1), None, today);
    assert!(refused.unwrap_err().to_string().starts_with("Expired"));
}

#[test]
fn a_dv_request_is_issued_a_minute_after_submission_with_the_carry_over() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    // *.example.com: GlobalSign DV Wildcard, 12 days left.
    let (submitted, id) = renewed_and_submitted(&inv, "cas-8b1c04", today);
    assert_eq!(
        state(&submitted, &id),
        LifecycleState::ValidatingApplication
    );
    assert!(
        Sandbox.advance(&submitted, today, NOW + 1_000).is_none(),
        "not within the minute"
    );
    let done = Sandbox
        .advance(&submitted, today, NOW + SANDBOX_DV_REVIEW_MS)
        .unwrap();
    let cert = done.inventory.find(&id).unwrap();
    assert_eq!(cert.state, LifecycleState::Issued);
    let original_end = inv.find("cas-8b1c04").unwrap().not_after.unwrap();
    assert_eq!(
        cert.term_end,
        original_end.checked_add_days(chrono::Days::new(365))
    );
    assert_eq!(cert.not_before, Some(today));
    assert!(done.events.iter().any(|e| e.contains("Sandbox CA issued")));
    // Its deployment tasks (the original is on a CDN and Anti-DDoS) run the next day.
    assert_eq!(cert.deployments.len(), 2);
    assert!(
        cert.deployments
            .iter()
            .all(|t| t.status == TaskStatus::Pending)
    );
    let next_day = at(&done.inventory, "2025-09-11");
    assert!(
        next_day
            .find(&id)
            .unwrap()
            .deployments
            .iter()
            .all(|t| t.status == TaskStatus::Succeeded)
    );
}

#[test]
fn ov_and_ev_reviews_take_five_days() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let (submitted, id) = renewed_and_submitted(&inv, "cas-7f3a21", today);
    assert_eq!(
        state(&at(&submitted, "2025-09-14"), &id),
        LifecycleState::ValidatingApplication
    );
    let issued = at(&submitted, "2025-09-15");
    let cert = issued.find(&id).unwrap();
    assert_eq!(cert.state, LifecycleState::Issued);
    // Issued 2025-09-15 with 15 days left on the original: its expiry stays original + 365.
    assert_eq!(
        (cert.not_before, cert.term_end),
        (Some(d("2025-09-15")), Some(d("2026-09-30")))
    );
}

#[test]
fn the_next_review_can_be_made_to_fail_and_the_request_resubmitted() {
    let today = d("2025-09-10");
    let mut inv = demo_inventory(today);
    inv.sandbox.fail_next_review = true;
    let (submitted, id) = renewed_and_submitted(&inv, "cas-8b1c04", today);
    let failed = at(&submitted, "2025-09-11");
    assert_eq!(state(&failed, &id), LifecycleState::ValidationFailed);
    assert!(
        failed
            .find(&id)
            .unwrap()
            .failure_reason
            .as_deref()
            .unwrap_or("")
            .contains("Fix")
    );
    assert!(
        !failed.sandbox.fail_next_review,
        "only the next review fails"
    );
    let again = Sandbox
        .submit_application(&failed, &id, d("2025-09-11"), NOW)
        .unwrap();
    assert_eq!(
        state(&at(&again, "2025-09-12"), &id),
        LifecycleState::Issued
    );
    assert!(
        Sandbox
            .submit_application(&again, "no-such", today, NOW)
            .is_err()
    );
}

#[test]
fn not_activated_certificates_start_on_their_trigger_date() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    // The Uploaded-tab 2-year purchase under *.cdn.example.com (GlobalSign DV, no DNS here).
    let mut inv = Sandbox
        .submit_application(&inv, "up-7a20-1", today, NOW)
        .unwrap();
    inv = at(&inv, "2025-09-11");
    let first = inv.find("up-7a20-1").unwrap().clone();
    assert_eq!(first.state, LifecycleState::Issued);
    let end = first.term_end.unwrap();
    // 15 days before the end of the first certificate's term it starts; DV without DNS here needs manual submission.
    let before = at(&inv, &(end - chrono::Days::new(16)).to_string());
    assert_eq!(state(&before, "up-7a20-2"), LifecycleState::NotActivated);
    let on = at(&inv, &(end - chrono::Days::new(15)).to_string());
    let second = on.find("up-7a20-2").unwrap();
    assert_eq!(second.state, LifecycleState::PendingApplication);
    assert!(
        second
            .note
            .as_deref()
            .unwrap_or("")
            .contains("Manual submission needed"),
        "{:?}",
        second.note
    );

    // With DNS in the same account the Managed Service submits it and the CA issues it.
    let mut auto = inv.clone();
    if let Some(c) = auto.certificates.iter_mut().find(|c| c.id == "up-7a20-2") {
        c.dns_in_same_account = true;
    }
    let started = at(&auto, &(end - chrono::Days::new(15)).to_string());
    let second = started.find("up-7a20-2").unwrap();
    assert_eq!(
        second.state,
        LifecycleState::Issued,
        "DV, started on the trigger date and issued a day later at most"
    );
    assert_eq!(
        second.term_end,
        end.checked_add_days(chrono::Days::new(365))
    );
}

#[test]
fn sc081_terms_are_reissued_inside_the_term() {
    let today = d("2026-11-23");
    let inv = demo_inventory(today);
    let (inv, id) = renewed_and_submitted(&inv, "cas-8b1c04", today);
    let inv = at(&inv, "2026-11-24");
    let cert = inv.find(&id).unwrap().clone();
    // 199 days counted inclusively (notBefore through notAfter), one under the cap of 200.
    assert_eq!(
        cert.not_before
            .zip(cert.not_after)
            .map(|(a, b)| crate::rules::validity_days(a, b)),
        Some(199)
    );
    // The CA's validation of the request is recorded, on the day it was submitted.
    assert!(
        cert.validations
            .iter()
            .any(|v| cert.domains.contains(&v.domain) && v.validated_on == today),
        "{:?}",
        cert.validations
    );
    assert!(cert.note.as_deref().unwrap_or("").contains("SC-081"));
    // Each next certificate comes 30 days before the current one ends (the cap
    // falls to 100 days on 2027-03-15), until one ends exactly on the term's end.
    let (mut inv, mut current) = (inv, cert.clone());
    let mut issued = 1;
    while current.not_after != cert.term_end {
        let day = current.not_after.unwrap() - chrono::Days::new(30);
        inv = at(&inv, &day.to_string());
        let next = inv.find(&id).unwrap().clone();
        assert_eq!(
            next.not_before,
            Some(day),
            "no gap, no overlap beyond the lead time"
        );
        // Counted as the Baseline Requirements count: notBefore through notAfter inclusive.
        let days = crate::rules::validity_days(day, next.not_after.unwrap());
        assert!(
            days < crate::rules::cap_on(day).max_days,
            "{days} days issued on {day}"
        );
        assert!(next.note.as_deref().unwrap_or("").contains("Reissued"));
        current = next;
        issued += 1;
        assert!(issued < 10, "the chain ends");
    }
    assert_eq!(
        issued, 4,
        "200 days, then 100-day certificates to the end of the term"
    );
    assert_eq!(
        status_at(&current, d("2027-11-01")),
        CertificateStatus::PendingExpiration
    );
}

#[test]
fn a_failed_deployment_is_reported() {
    let today = d("2025-09-10");
    let mut inv = demo_inventory(today);
    inv.sandbox.fail_next_deployment = true;
    let (inv, id) = renewed_and_submitted(&inv, "cas-8b1c04", today);
    let issued = at(&inv, "2025-09-10");
    let done = Sandbox.advance(&issued, d("2025-09-11"), NOW).unwrap();
    assert_eq!(
        done.failures.len(),
        1,
        "one task failed, the other succeeded"
    );
    assert!(done.failures[0].contains("notification was sent by email"));
    let tasks = &done.inventory.find(&id).unwrap().deployments;
    assert!(
        matches!(tasks[0].status, TaskStatus::Failed(_))
            && tasks[1].status == TaskStatus::Succeeded
    );
}

#[test]
fn nothing_moves_without_time_and_pca_certificates_sync() {
    let today = d("2026-11-23");
    let inv = demo_inventory(today);
    assert!(Sandbox.advance(&inv, today, NOW).is_none());
    let synced = Sandbox.sync_pca(&inv, "up-2d88", today).unwrap();
    let pca = synced.find("up-2d88").unwrap();
    assert_eq!(pca.not_before, Some(today));
    assert_eq!(status_at(pca, today), CertificateStatus::Issued);
    assert!(
        Sandbox
            .sync_pca(&inv, "up-3e65", today)
            .unwrap_err()
            .to_string()
            .contains("not a PCA")
    );
}
