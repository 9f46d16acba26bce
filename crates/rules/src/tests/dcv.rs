use crate::testing::*;
use crate::*;

#[test]
fn reuse_until_follows_the_period_in_force_on_the_issue_day() {
    // 398 days before 2026-03-15: validated 2025-01-01, reusable through 2026-02-03.
    assert_eq!(dcv_reuse_until(d("2025-01-01")), Some(d("2026-02-03")));
    // Validated 2026-01-01: up to 2026-03-14 the 398 days apply, from 2026-03-15
    // 200 days, which reach 2026-07-20; that is the later day.
    assert_eq!(dcv_reuse_until(d("2026-01-01")), Some(d("2026-07-20")));
    // 100 days end on 2029-03-14; from 2029-03-15 only 10 days: 2029-03-01 + 10 is too early.
    assert_eq!(dcv_reuse_until(d("2029-03-01")), Some(d("2029-03-14")));
    assert_eq!(dcv_reuse_until(d("2029-03-06")), Some(d("2029-03-16")));
    assert_eq!(dcv_reuse_until(d("2030-01-01")), Some(d("2030-01-11")));
}

fn in_term() -> Certificate {
    Certificate {
        id: "cas-1".into(),
        domains: vec!["shop.example.com".into()],
        term_start: Some(d("2026-11-23")),
        term_end: Some(d("2027-12-13")),
        ..official("2026-11-23", "2027-06-11")
    }
}

#[test]
fn the_reissues_of_a_term_are_planned_one_after_the_other() {
    let planned = planned_issuances(&in_term(), &[], d("2027-05-01"));
    let days: Vec<_> = planned.iter().map(|p| (p.on, p.kind)).collect();
    assert_eq!(
        days,
        [
            (d("2027-05-12"), PlannedKind::InTermReissue), // 30 days before 2027-06-11
            (d("2027-07-19"), PlannedKind::InTermReissue), // 30 before 2027-08-18 (99 days)
            (d("2027-09-25"), PlannedKind::InTermReissue), // its certificate reaches the term's end
        ]
    );
    assert!(planned_issuances(&in_term(), &[], d("2027-12-14")).is_empty());
}

#[test]
fn the_clock_names_the_reissue_that_needs_a_fresh_validation() {
    let cert = in_term();
    let planned = planned_issuances(&cert, &[], d("2027-05-01"));
    // Nothing recorded: taken as done on notBefore 2026-11-23, reusable until
    // 2027-03-14 (200 days reach past the 100-day step, which starts 2027-03-15).
    let clock = validation_clock(&cert, &planned, &[]);
    assert_eq!(clock.len(), 1);
    assert_eq!(clock[0].validated_by, ValidatedBy::AssumedAtIssuance);
    assert_eq!(clock[0].reuse_until, Some(d("2027-03-14")));
    assert_eq!(clock[0].due_on(), Some(d("2027-05-12")));

    // Validated again on 2027-05-01 (DNS TXT): 100 days reach 2027-08-09, so the
    // reissues of 05-12 and 07-19 reuse it and the one of 09-25 does not.
    let mut validated = cert.clone();
    validated.validations.push(DomainValidation {
        domain: "shop.example.com".into(),
        validated_on: d("2027-05-01"),
        method: VerificationMethod::ManualDns,
    });
    let clock = validation_clock(&validated, &planned, &[]);
    assert_eq!(clock[0].reuse_until, Some(d("2027-08-09")));
    assert_eq!(clock[0].due_on(), Some(d("2027-09-25")));
    assert_eq!(
        clock[0].sentence(VerificationMethod::ManualDns),
        "Validation for shop.example.com (done 2027-05-01) can be reused until 2027-08-09; the reissue of 2027-09-25 needs a new DNS TXT record."
    );
    // A validation recorded elsewhere in the account for the same domain counts too.
    let known = [DomainValidation {
        domain: "SHOP.example.com".into(),
        validated_on: d("2027-09-01"),
        method: VerificationMethod::File,
    }];
    let clock = validation_clock(&validated, &planned, &known);
    assert_eq!(
        clock[0].validated_by,
        ValidatedBy::Recorded(VerificationMethod::File)
    );
    assert_eq!(clock[0].due_on(), None);
    assert!(
        clock[0]
            .sentence(VerificationMethod::File)
            .ends_with("it covers every planned issuance.")
    );
}

#[test]
fn a_managed_service_start_is_a_planned_issuance_too() {
    let prev = Certificate {
        id: "cas-2".into(),
        domains: vec!["a.example.com".into()],
        ..official("2026-01-01", "2026-12-01")
    };
    let next = Certificate {
        id: "cas-2-2".into(),
        domains: prev.domains.clone(),
        ..in_state(LifecycleState::NotActivated)
    };
    let planned = planned_issuances(&prev, &[&next], d("2026-06-01"));
    assert_eq!(planned.len(), 1);
    assert_eq!(
        (
            planned[0].on,
            planned[0].kind,
            planned[0].record_id.as_str()
        ),
        (d("2026-11-01"), PlannedKind::ManagedServiceStart, "cas-2-2")
    );
    // Validated 2026-01-01 (notBefore): reusable until 2026-07-20, so the start
    // of 2026-11-01 needs a new validation; 27 days ahead on 2026-10-05.
    let clock = validation_clock(&prev, &planned, &[]);
    assert_eq!(clock[0].due_on(), Some(d("2026-11-01")));
    assert!(clock[0].sentence(VerificationMethod::CaContact).contains(
        "the Managed Service start of 2026-11-01 needs a new validation by the CA's contact"
    ));
    assert_eq!(
        validation_due_within(&clock, d("2026-10-05"), 30),
        Some(d("2026-11-01"))
    );
    assert_eq!(validation_due_within(&clock, d("2026-09-01"), 30), None);
    assert_eq!(
        validation_due_within(&clock, d("2026-11-20"), 30),
        Some(d("2026-11-01")),
        "overdue stays listed"
    );
}

#[test]
fn nothing_issued_has_no_clock() {
    let cert = in_state(LifecycleState::PendingApplication);
    assert!(validation_clock(&cert, &[], &[]).is_empty());
    assert!(planned_issuances(&cert, &[], d("2026-01-01")).is_empty());
}

#[test]
fn an_order_previews_which_planned_issuance_needs_validating_again() {
    // A renewal on 2026-03-15 (20 days left): 199 + 199 + 50 days. Validated for
    // the request on 2026-03-15, reusable 200 days (to 2026-10-01): the reissue of
    // 2026-08-30 reuses it, the one of 2027-02-14 needs a new TXT record.
    let original = Certificate {
        domains: vec!["shop.example.com".into()],
        term_end: Some(d("2026-04-04")),
        ..official("2025-04-04", "2026-04-04")
    };
    let plan = plan_order(
        &OrderRequest::renewal_of(&original),
        &Quotas::default(),
        &PriceTable::default(),
        d("2026-03-15"),
    );
    let clock = planned_order_clock(&plan.domains, &plan.certificates);
    assert_eq!(clock.len(), 1);
    assert_eq!(clock[0].reuse_until, Some(d("2026-10-01")));
    assert_eq!(
        clock[0].sentence(VerificationMethod::ManualDns),
        "Validation for shop.example.com (done for the request on 2026-03-15) can be reused until 2026-10-01; the reissue of 2027-02-14 needs a new DNS TXT record."
    );
    assert_eq!(
        clock[0].needs_fresh_for.as_ref().map(|p| (p.on, p.kind)),
        Some((d("2027-02-14"), PlannedKind::InTermReissue))
    );
    // Before SC-081 a 1-year order has nothing planned after its request.
    let plan = plan_order(
        &OrderRequest::renewal_of(&original),
        &Quotas::default(),
        &PriceTable::default(),
        d("2026-03-10"),
    );
    assert_eq!(
        planned_order_clock(&plan.domains, &plan.certificates)[0].needs_fresh_for,
        None
    );
}
