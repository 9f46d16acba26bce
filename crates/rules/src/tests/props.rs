//! Properties over random dates and choices (native only: proptest).

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use crate::dates::days_between;
use crate::testing::*;
use crate::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let (lo, hi) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    prop_oneof![
        (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)),
        date_between("1990-01-01", "2040-12-31"),
        (lo..lo + 800)
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)),
        (hi - 800..=hi)
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MAX)),
    ]
}

fn date_between(a: &str, b: &str) -> impl Strategy<Value = NaiveDate> {
    let start = d(a);
    (0..=days_between(start, d(b))).prop_map(move |n| start + chrono::Days::new(n.unsigned_abs()))
}

fn choice<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

prop_compose! {
    fn any_cert()(
        kind in choice(&CertificateKind::ALL), pca in any::<bool>(),
        brand in choice(&Brand::ALL), validation in choice(&ValidationType::ALL),
        domain_type in choice(&DomainType::ALL), state in choice(&LifecycleState::ALL),
        key in choice(&KeyAlgorithm::ALL), verification in choice(&VerificationMethod::ALL),
        a in proptest::option::of(any_date()), b in proptest::option::of(any_date()),
        t in proptest::option::of(any_date()),
        dns in any::<bool>(), free in any::<bool>(),
        domains in proptest::collection::vec("[a-z*.0-9\u{e9}_-]{0,20}", 0..7),
    ) -> Certificate {
        Certificate {
            kind, pca, state, key_algorithm: key, verification, domains,
            spec: Specification { brand, validation, domain_type },
            not_before: a, not_after: b, term_start: a, term_end: t,
            dns_in_same_account: dns, validation_free: free, applied_on: a,
            ..official("2025-01-01", "2025-12-31")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn renewed_never_expires_before_the_original(
        issued in date_between("1990-01-01", "2040-12-31"), remaining in -1000i64..=395,
    ) {
        let previous_end = issued + chrono::TimeDelta::days(remaining);
        let v = validity_on(ValidityBasis::CarryOver { previous_end }, issued).unwrap();
        prop_assert!(v.term.end >= previous_end);
        prop_assert_eq!(v.chain.last().map(|i| i.to), Some(v.term.end));
    }

    #[test]
    fn before_sc081_a_renewal_lasts_365_to_395_days(
        issued in date_between("1990-01-01", "2026-03-14"), remaining in -400i64..=400,
    ) {
        let previous_end = issued + chrono::TimeDelta::days(remaining);
        let v = validity_on(ValidityBasis::CarryOver { previous_end }, issued).unwrap();
        prop_assert!((365..=395).contains(&v.term.days()));
        prop_assert_eq!(v.chain.len(), 1);
        // The one certificate ends with the term; counted inclusively it is one
        // day longer than the term and still under the 398-day cap.
        prop_assert_eq!(v.chain[0].days, v.term.days() + 1);
        prop_assert!(v.chain[0].days < 398);
    }

    #[test]
    fn chains_respect_caps_have_no_gap_and_end_on_the_term(
        issued in any_date(), remaining in -100i64..=100, purchase in any::<bool>(),
    ) {
        let basis = match issued.checked_add_signed(chrono::TimeDelta::days(remaining)) {
            Some(previous_end) if !purchase => ValidityBasis::CarryOver { previous_end },
            _ => ValidityBasis::Purchase,
        };
        if let Ok(v) = validity_on(basis, issued) {
            prop_assert_eq!(v.chain.first().map(|i| i.from), Some(v.term.start));
            prop_assert_eq!(v.chain.last().map(|i| i.to), Some(v.term.end));
            for i in &v.chain {
                // notBefore 00:00:00 through notAfter 23:59:59, inclusive (Baseline
                // Requirements): never over the cap of the issue day, and at most
                // the one-under-the-cap value the CA issues at.
                let inclusive = days_between(i.from, i.to) + 1;
                prop_assert_eq!(i.days, inclusive);
                prop_assert!(inclusive <= cap_on(i.from).max_days, "over the cap: {:?}", i);
                prop_assert!(inclusive <= cap_on(i.from).issue_days, "over the issued length: {:?}", i);
            }
            for pair in v.chain.windows(2) {
                // No gap: the next certificate starts no later than the day the one before ends.
                prop_assert!(pair[1].from > pair[0].from && pair[1].from <= pair[0].to, "gap in {:?}", v.chain);
            }
        }
    }

    #[test]
    fn quota_used_plus_shortfall_is_what_the_order_needs(
        years in 0u8..=5, unit_quota in 0u32..5, ms_quota in 0u32..5, days_left in -100i64..200,
        renewal in any::<bool>(), price in proptest::option::of(0u64..100_000),
    ) {
        let kind = if renewal { OrderKind::Renewal } else { OrderKind::Purchase };
        let quotas = Quotas { units: vec![(dv_single(), unit_quota)], managed_service: ms_quota };
        let prices = PriceTable {
            currency: "USD".into(),
            unit_prices: price.map(|p| (dv_single(), p)).into_iter().collect(),
            managed_service: 1_000,
        };
        let ms = managed_service_uses(kind, years, Some(days_left));
        let p = payment(dv_single(), u32::from(years), ms.total, &quotas, &prices);
        prop_assert_eq!(p.units_from_quota + p.units_to_pay, u32::from(years));
        prop_assert_eq!(p.managed_service_from_quota + p.managed_service_to_pay, ms.total);
        prop_assert!(p.units_from_quota <= unit_quota && p.managed_service_from_quota <= ms_quota);
    }

    #[test]
    fn the_entry_point_never_panics(
        cert in any_cert(), today in any_date(), years in 0u8..=4,
        csr in choice(&CsrMode::ALL), manual_key in proptest::option::of(choice(&KeyAlgorithm::ALL)),
        method in proptest::option::of(choice(&VerificationMethod::ALL)),
        renewal in any::<bool>(), has_original in any::<bool>(),
    ) {
        let mut req = if renewal { OrderRequest::renewal_of(&cert) } else { OrderRequest::purchase_for(&cert) };
        if !has_original {
            req.original = None;
        }
        req.years = years;
        req.csr_mode = csr;
        req.manual_csr_key_algorithm = manual_key;
        req.verification = method;
        let quotas = Quotas { units: vec![(cert.spec, 1)], managed_service: 1 };
        let plan = plan_order(&req, &quotas, &PriceTable::default(), today);
        prop_assert!((1..=3).contains(&plan.years));
        prop_assert!(plan.certificates.len() <= usize::from(plan.years));
        for c in &plan.certificates {
            for i in &c.chain {
                prop_assert!(i.days <= cap_on(i.from).max_days);
            }
        }
        let _ = status_at(&cert, today);
        let _ = days_left(&cert, today);
        let _ = available_actions(&cert, today);
        let _ = activation(&cert, &Certificate { state: LifecycleState::NotActivated, ..cert.clone() }, today);
        let _ = next_in_term_reissue(&cert, today);
        let _ = review_overdue(&cert, today);
        let _ = cancel_return(&cert);
        for domain in &cert.domains {
            let _ = covers(&cert.domains, domain);
        }
    }

    #[test]
    fn normalized_names_are_fixed_points(input in "\\PC{0,40}") {
        if let Ok(name) = normalize_domain(&input) {
            prop_assert!(name.len() <= 253 && name.is_ascii());
            prop_assert_eq!(normalize_domain(&name), Ok(name.clone()));
            prop_assert!(covers(std::slice::from_ref(&name), &name));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The reuse date is exactly the last issue day for which no fresh validation is needed.
    #[test]
    fn reuse_until_agrees_with_needs_fresh_validation(
        validated in date_between("2024-01-01", "2031-12-31"), after in 0i64..500,
    ) {
        let issue = validated + chrono::Days::new(after.unsigned_abs());
        let until = dcv_reuse_until(validated);
        prop_assert!(until.is_some());
        prop_assert_eq!(needs_fresh_validation(validated, issue), Some(issue) > until);
    }

    /// Urgency only grows as the days pass.
    #[test]
    fn urgency_never_decreases_over_time(
        nb in date_between("2024-01-01", "2031-12-31"), len in 0i64..400, t in -10i64..420,
    ) {
        let na = nb + chrono::Days::new(len.unsigned_abs());
        let day = |n: i64| nb.checked_add_signed(chrono::TimeDelta::days(n)).unwrap_or(nb);
        let (today, tomorrow) = (day(t), day(t + 1));
        let a = renewal_urgency(nb, na, today).map(|u| u.level);
        let b = renewal_urgency(nb, na, tomorrow).map(|u| u.level);
        prop_assert!(a <= b, "{:?} then {:?}", a, b);
    }
}
