//! The panels' state, natively: each choice and what the preview and the errors become.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use super::demo::demo_inventory;
use super::order_form::{FormChange, ManualCsr, OrderForm};
use crate::rules::{
    CsrMode, DomainType, KeyAlgorithm, LifecycleState, ValidationType, VerificationMethod,
};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn change(form: OrderForm, changes: Vec<FormChange>) -> OrderForm {
    let mut form = Rc::new(form);
    for c in changes {
        form = form.reduce(c);
    }
    Rc::unwrap_or_clone(form)
}

#[test]
fn renewing_on_the_documents_day_previews_385_days() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let form = OrderForm::renewal(inv.find("cas-7f3a21").unwrap());
    let plan = form.plan(&inv, today);
    let first = &plan.certificates[0];
    assert_eq!(
        (first.term.start, first.term.end, first.term.days()),
        (today, d("2026-09-30"), 385)
    );
    assert_eq!(first.term.carried_over_days, 20);
    assert_eq!(
        first.chain.len(),
        1,
        "before 2026-03-15 one certificate covers the term"
    );
    assert_eq!(plan.managed_service.total, 0);
    assert_eq!(
        (plan.payment.units_from_quota, plan.payment.units_to_pay),
        (1, 0)
    );
    assert!(form.errors(&plan).is_empty(), "{:?}", form.errors(&plan));
}

#[test]
fn renewing_today_covers_the_term_with_an_sc081_chain() {
    let today = d("2026-11-23");
    let inv = demo_inventory(today);
    let plan = OrderForm::renewal(inv.find("cas-7f3a21").unwrap()).plan(&inv, today);
    let first = &plan.certificates[0];
    assert_eq!(first.term.days(), 385);
    assert!(first.chain.len() >= 2, "{:?}", first.chain);
    assert_eq!(first.chain[0].cap.max_days, 200);
    assert_eq!(
        first.chain[0].days, 199,
        "one day under the cap, counted inclusively"
    );
    assert_eq!(first.chain.last().unwrap().to, first.term.end);
}

#[test]
fn three_years_plan_three_certificates_and_two_managed_service_uses() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let form = change(
        OrderForm::renewal(inv.find("cas-7f3a21").unwrap()),
        vec![FormChange::Years(3)],
    );
    let plan = form.plan(&inv, today);
    let states: Vec<_> = plan.certificates.iter().map(|c| c.status).collect();
    assert_eq!(
        states,
        [
            LifecycleState::PendingApplication,
            LifecycleState::NotActivated,
            LifecycleState::NotActivated
        ]
    );
    assert_eq!(plan.managed_service.total, 2);
    assert!(plan.certificates[1].trigger_on.is_some());
    // Years outside 1..=3 are brought back into range.
    assert_eq!(change(form, vec![FormChange::Years(9)]).years, 3);
}

#[test]
fn manual_entry_needs_a_csr_with_the_original_key_algorithm() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let form = change(
        OrderForm::renewal(inv.find("cas-7f3a21").unwrap()),
        vec![FormChange::CsrMode(CsrMode::Manual)],
    );
    let errors = form.errors(&form.plan(&inv, today));
    assert!(
        errors
            .csr
            .as_deref()
            .unwrap_or("")
            .contains("Paste the CSR")
    );
    let refused = change(
        form.clone(),
        vec![FormChange::ManualCsr(Some(Err(
            "This is a private key".into()
        )))],
    );
    assert_eq!(
        refused.errors(&refused.plan(&inv, today)).csr.as_deref(),
        Some("This is a private key")
    );
    let wrong_key = Some(Ok(ManualCsr {
        pem: "csr".into(),
        key_algorithm: KeyAlgorithm::EcdsaP256,
    }));
    let mismatch = change(form.clone(), vec![FormChange::ManualCsr(wrong_key)]);
    let errors = mismatch.errors(&mismatch.plan(&inv, today));
    assert!(errors.csr.is_none());
    assert!(
        errors.order.iter().any(|e| e.contains("RSA 2048")),
        "{:?}",
        errors.order
    );
    let right_key = Some(Ok(ManualCsr {
        pem: "csr".into(),
        key_algorithm: KeyAlgorithm::Rsa2048,
    }));
    let ok = change(form, vec![FormChange::ManualCsr(right_key)]);
    let plan = ok.plan(&inv, today);
    assert!(ok.errors(&plan).is_empty(), "{:?}", ok.errors(&plan));
    assert!(
        !plan.cloud_deployable,
        "manual-CSR certificates cannot be deployed to cloud products"
    );
}

#[test]
fn the_ca_contact_of_an_ov_certificate_is_checked() {
    let today = d("2025-09-10");
    let inv = demo_inventory(today);
    let form = change(
        OrderForm::renewal(inv.find("cas-7f3a21").unwrap()),
        vec![
            FormChange::ContactEmail("alex@".into()),
            FormChange::ContactPhone("12".into()),
            FormChange::ContactName(" ".into()),
        ],
    );
    let errors = form.errors(&form.plan(&inv, today));
    assert!(
        errors.contact.email.is_some()
            && errors.contact.phone.is_some()
            && errors.contact.name.is_some()
    );
}

#[test]
fn a_purchase_checks_its_domains_against_the_certificate_type() {
    let today = d("2026-11-23");
    let inv = demo_inventory(today);
    let empty = OrderForm::purchase(None);
    assert!(
        empty
            .errors(&empty.plan(&inv, today))
            .domains
            .unwrap()
            .contains("Enter the domain")
    );
    let bad = change(
        empty.clone(),
        vec![FormChange::Domains("shop..example.com".into())],
    );
    assert!(
        bad.errors(&bad.plan(&inv, today))
            .domains
            .unwrap()
            .starts_with("shop..example.com")
    );
    let wildcard_as_single = change(
        empty.clone(),
        vec![FormChange::Domains("*.example.com".into())],
    );
    let plan = wildcard_as_single.plan(&inv, today);
    assert!(
        !wildcard_as_single.errors(&plan).order.is_empty(),
        "a wildcard name in a Single Domain order is refused"
    );
    let six = change(
        empty.clone(),
        vec![
            FormChange::DomainType(DomainType::MultiDomain),
            FormChange::Domains("a.com b.com c.com d.com e.com f.com".into()),
        ],
    );
    assert!(
        !six.errors(&six.plan(&inv, today)).order.is_empty(),
        "more than five names"
    );
    let good = change(
        empty,
        vec![
            FormChange::Domains("www.example.net".into()),
            FormChange::Years(2),
        ],
    );
    let plan = good.plan(&inv, today);
    assert!(good.errors(&plan).is_empty(), "{:?}", good.errors(&plan));
    assert_eq!(
        plan.certificates[0].term.carried_over_days, 0,
        "a purchase carries nothing over"
    );
    assert_eq!(plan.certificates[0].term.days(), 365);
}

#[test]
fn a_purchase_replacing_another_cas_certificate_offers_a_brand_sold_here() {
    let today = d("2026-11-23");
    let mut inv = demo_inventory(today);
    let mut other = inv.find("up-9c03").unwrap().clone();
    other.spec.brand = crate::rules::Brand::Other;
    other.key_algorithm = KeyAlgorithm::Sm2;
    inv.certificates.push(other.clone());
    let form = OrderForm::purchase(Some(&other));
    assert_eq!(form.spec.brand, crate::rules::Brand::AlibabaCloud);
    assert_eq!(form.key_algorithm, KeyAlgorithm::EcdsaP256);
    assert_eq!(form.domains_text, "static.example.com");
}

#[test]
fn the_verification_choice_follows_the_specification() {
    let today = d("2026-11-23");
    let inv = demo_inventory(today);
    let form = change(
        OrderForm::purchase(None),
        vec![
            FormChange::Domains("*.example.net".into()),
            FormChange::DomainType(DomainType::Wildcard),
        ],
    );
    let plan = form.plan(&inv, today);
    let file = plan
        .verification_options
        .iter()
        .find(|(m, _)| *m == VerificationMethod::File)
        .unwrap();
    assert!(
        file.1.as_ref().unwrap_err().contains("ildcard"),
        "{:?}",
        file.1
    );
    let dv = change(
        form,
        vec![FormChange::Verification(VerificationMethod::ManualDns)],
    );
    let ov = change(dv.clone(), vec![FormChange::Validation(ValidationType::Ov)]);
    assert_eq!(dv.verification, Some(VerificationMethod::ManualDns));
    assert_eq!(
        ov.verification, None,
        "a DV method is dropped when the specification becomes OV"
    );
    assert_eq!(
        ov.plan(&inv, today).verification,
        Some(VerificationMethod::CaContact)
    );
}
