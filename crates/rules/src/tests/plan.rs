use crate::testing::*;
use crate::*;

fn quotas() -> Quotas {
    Quotas {
        units: vec![(dv_single(), 1)],
        managed_service: 0,
    }
}

fn prices() -> PriceTable {
    PriceTable {
        currency: "USD".into(),
        unit_prices: vec![(dv_single(), 5_000)],
        managed_service: 1_000,
    }
}

fn kinds(plan: &OrderPlan) -> Vec<WarningKind> {
    plan.warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn worked_example_through_the_entry_point() {
    let original = official("2024-10-01", "2025-09-30");
    let plan = plan_order(
        &OrderRequest::renewal_of(&original),
        &quotas(),
        &prices(),
        d("2025-09-10"),
    );
    assert_eq!(plan.eligibility, Ok(()));
    assert!(plan.can_submit, "{:?}", plan.warnings);
    assert_eq!(plan.certificates.len(), 1);
    let first = &plan.certificates[0];
    assert_eq!(first.status, LifecycleState::PendingApplication);
    assert_eq!(
        (first.term.start, first.term.end, first.term.days()),
        (d("2025-09-10"), d("2026-09-30"), 385)
    );
    assert_eq!(first.term.carried_over_days, 20);
    assert_eq!(first.chain.len(), 1);
    assert_eq!(plan.managed_service.total, 0);
    assert_eq!(
        (
            plan.payment.units_from_quota,
            plan.payment.units_to_pay,
            plan.payment.amount_cents
        ),
        (1, 0, Some(0))
    );
    assert_eq!(plan.verification, Some(VerificationMethod::ManualDns));
    assert_eq!(
        plan.review.as_ref().map(|r| r.expected_issue_on),
        Some(d("2025-09-10"))
    );
}

#[test]
fn three_year_renewal_plans_not_activated_successors() {
    let original = official("2024-10-01", "2025-09-30");
    let mut req = OrderRequest::renewal_of(&original);
    req.years = 3;
    req.dns_in_same_account = true;
    let plan = plan_order(&req, &quotas(), &prices(), d("2025-09-10"));
    let c = &plan.certificates;
    assert_eq!(c.len(), 3);
    assert_eq!(
        c.iter().map(|p| p.status).collect::<Vec<_>>(),
        [
            LifecycleState::PendingApplication,
            LifecycleState::NotActivated,
            LifecycleState::NotActivated
        ]
    );
    assert_eq!(c[1].trigger_on, Some(d("2026-08-31")));
    assert_eq!(
        (c[1].term.carried_over_days, c[1].term.end),
        (30, d("2027-09-30"))
    );
    assert_eq!(c[2].trigger_on, Some(d("2027-08-31")));
    assert_eq!(c[2].term.end, d("2028-09-29"));
    assert!(c[1].estimated && !c[0].estimated);
    assert_eq!(c[1].auto_start, Some(Ok(())));
    assert_eq!(plan.managed_service.total, 2);
    let p = &plan.payment;
    assert_eq!(
        (p.units_needed, p.units_from_quota, p.units_to_pay),
        (3, 1, 2)
    );
    assert_eq!(
        (
            p.managed_service_needed,
            p.managed_service_to_pay,
            p.amount_cents
        ),
        (2, 2, Some(12_000))
    );
    // SC-081: the third term starts after 2027-03-15, so it is chained.
    assert!(c[2].chain.len() > 1);
    assert!(kinds(&plan).contains(&WarningKind::ChainedIssuance));
}

#[test]
fn early_renewal_adds_a_managed_service_use() {
    let original = official("2024-10-01", "2025-09-30");
    let plan = plan_order(
        &OrderRequest::renewal_of(&original),
        &quotas(),
        &prices(),
        d("2025-08-15"),
    );
    assert_eq!(plan.managed_service.for_early_renewal, 1);
    assert!(kinds(&plan).contains(&WarningKind::EarlyRenewalFee));
    assert!(kinds(&plan).contains(&WarningKind::CarryOverLost));
    assert_eq!(plan.certificates[0].term.carried_over_days, 30);
    assert!(plan.can_submit);
}

#[test]
fn uploaded_update_is_a_purchase_with_15_day_triggers() {
    let original = uploaded("2024-10-01", "2025-09-30");
    let mut req = OrderRequest::purchase_for(&original);
    req.years = 2;
    let plan = plan_order(&req, &quotas(), &prices(), d("2025-09-10"));
    assert_eq!(plan.eligibility, Ok(()));
    let c = &plan.certificates;
    assert_eq!(
        (c[0].term.end, c[0].term.carried_over_days),
        (d("2026-09-10"), 0)
    );
    assert_eq!(
        (c[1].kind, c[1].trigger_days),
        (CertificateKind::Uploaded, Some(15))
    );
    assert_eq!(c[1].trigger_on, Some(d("2026-08-26")));
    assert!(kinds(&plan).contains(&WarningKind::NoCarryOver));
    assert!(kinds(&plan).contains(&WarningKind::ManualSubmissionNeeded));
}

#[test]
fn blocking_choices() {
    let original = official("2024-10-01", "2025-09-30");
    let today = d("2025-09-10");
    let block = |req: OrderRequest, kind: WarningKind| {
        let plan = plan_order(&req, &quotas(), &prices(), today);
        assert!(
            kinds(&plan).contains(&kind),
            "{kind:?}: {:?}",
            plan.warnings
        );
        assert!(!plan.can_submit, "{kind:?}");
    };
    let mut r = OrderRequest::renewal_of(&original);
    r.csr_mode = CsrMode::Manual;
    r.manual_csr_key_algorithm = Some(KeyAlgorithm::EcdsaP256);
    block(r, WarningKind::ManualCsrKeyMismatch);
    let mut r = OrderRequest::renewal_of(&original);
    r.verification = Some(VerificationMethod::AutomaticDns);
    block(r, WarningKind::VerificationNotOffered);
    let mut r = OrderRequest::renewal_of(&original);
    r.domains = vec!["other.example.com".into()];
    block(r, WarningKind::DomainsChanged);
    let mut r = OrderRequest::renewal_of(&original);
    r.years = 4;
    block(r, WarningKind::PeriodInvalid);
    let mut r = OrderRequest::new_purchase(
        spec(Brand::DigiCert, ValidationType::Ov, DomainType::Single),
        vec!["a.com".into()],
    );
    r.contact = Contact::default();
    block(r, WarningKind::ContactInvalid);
    let r = OrderRequest::new_purchase(dv_single(), vec!["*.a.com".into()]);
    block(r, WarningKind::DomainTypeMismatch);
    let r = OrderRequest::new_purchase(dv_single(), vec!["bad_name".into()]);
    block(r, WarningKind::DomainsInvalid);
    let r = OrderRequest::new_purchase(
        spec(Brand::GlobalSign, ValidationType::Dv, DomainType::Single),
        vec!["a.com".into()],
    );
    block(r, WarningKind::PriceMissing);
}

#[test]
fn ineligible_orders_still_plan_but_cannot_submit() {
    let original = official("2024-10-01", "2025-09-30");
    let plan = plan_order(
        &OrderRequest::renewal_of(&original),
        &quotas(),
        &prices(),
        d("2025-10-02"),
    );
    assert_eq!(plan.eligibility, Err(Ineligible::Expired));
    assert!(!plan.can_submit);
    let mut req = OrderRequest::renewal_of(&original);
    req.spec.brand = Brand::GlobalSign;
    let plan = plan_order(&req, &quotas(), &prices(), d("2025-09-10"));
    assert!(matches!(
        plan.eligibility,
        Err(Ineligible::SpecificationChange { .. })
    ));
    let mut req = OrderRequest::new_purchase(dv_single(), vec!["a.com".into()]);
    req.kind = OrderKind::Renewal;
    let plan = plan_order(&req, &quotas(), &prices(), d("2025-09-10"));
    assert_eq!(plan.eligibility, Err(Ineligible::NoOriginal));
}

#[test]
fn today_plans_are_chained_and_serializable() {
    // Today (2026-11-23): the 200-day cap applies.
    let original = Certificate {
        term_end: Some(d("2026-12-13")),
        ..official("2026-06-01", "2026-12-13")
    };
    let plan = plan_order(
        &OrderRequest::renewal_of(&original),
        &quotas(),
        &prices(),
        d("2026-11-23"),
    );
    let first = &plan.certificates[0];
    assert_eq!(
        (first.term.end, first.term.carried_over_days),
        (d("2027-12-13"), 20)
    );
    assert_eq!(first.chain[0].cap.max_days, 200);
    assert_eq!(first.chain[0].to, d("2027-06-09")); // 199 days inclusive
    assert_eq!(first.chain[0].days, 199);
    assert_eq!(first.chain.last().map(|i| i.to), Some(d("2027-12-13")));
    let json = serde_json::to_string(&plan).unwrap_or_default();
    let back: OrderPlan = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(back, plan);
}
