use crate::testing::*;
use crate::*;

fn prices() -> PriceTable {
    PriceTable {
        currency: "USD".into(),
        unit_prices: vec![(dv_single(), 5_000)],
        managed_service: 1_000,
    }
}

#[test]
fn managed_service_uses_table() {
    // (kind, years, days left, total, early)
    let cases = [
        (OrderKind::Renewal, 1, Some(30), 0, 0),
        (OrderKind::Renewal, 1, Some(31), 1, 1),
        (OrderKind::Renewal, 2, Some(20), 1, 0),
        (OrderKind::Renewal, 3, Some(45), 3, 1),
        (OrderKind::Renewal, 3, Some(-5), 2, 0),
        (OrderKind::Purchase, 1, Some(200), 0, 0),
        (OrderKind::Purchase, 3, None, 2, 0),
    ];
    for (kind, years, left, total, early) in cases {
        let uses = managed_service_uses(kind, years, left);
        assert_eq!(
            (uses.total, uses.for_early_renewal),
            (total, early),
            "{kind:?} {years} {left:?}"
        );
        assert_eq!(uses.fee_note.is_some(), early == 1);
    }
}

#[test]
fn quota_first_then_shortfall() {
    // (units quota, ms quota, units, ms) -> (units paid, ms paid, amount)
    let cases = [
        (0, 0, 1, 0, 1, 0, Some(5_000)),
        (3, 2, 3, 2, 0, 0, Some(0)),
        (1, 0, 3, 2, 2, 2, Some(12_000)),
        (5, 5, 2, 1, 0, 0, Some(0)),
    ];
    for (uq, mq, units, ms, upay, mpay, amount) in cases {
        let quotas = Quotas {
            units: vec![(dv_single(), uq)],
            managed_service: mq,
        };
        let p = payment(dv_single(), units, ms, &quotas, &prices());
        assert_eq!(
            (p.units_to_pay, p.managed_service_to_pay, p.amount_cents),
            (upay, mpay, amount)
        );
        assert_eq!(p.units_from_quota + p.units_to_pay, units);
        assert_eq!(p.managed_service_from_quota + p.managed_service_to_pay, ms);
        assert_eq!(p.currency, "USD");
        let after = quotas_after(&quotas, &p);
        assert_eq!(
            remaining_units(&after, &dv_single()),
            uq - p.units_from_quota
        );
        assert_eq!(after.managed_service, mq - p.managed_service_from_quota);
    }
    // Quota of another specification does not count; a missing price gives no amount.
    let ov = spec(Brand::DigiCert, ValidationType::Ov, DomainType::Single);
    let quotas = Quotas {
        units: vec![(dv_single(), 9), (ov, 1), (ov, 1)],
        managed_service: 0,
    };
    assert_eq!(remaining_units(&quotas, &ov), 2);
    let p = payment(ov, 3, 0, &quotas, &prices());
    assert_eq!((p.units_to_pay, p.amount_cents), (1, None));
    let p = payment(ov, 2, 0, &quotas, &prices());
    assert_eq!(p.amount_cents, Some(0), "nothing to pay needs no price");
    let huge = PriceTable {
        unit_prices: vec![(dv_single(), u64::MAX)],
        ..prices()
    };
    assert_eq!(
        payment(dv_single(), 3, 0, &Quotas::default(), &huge).amount_cents,
        None
    );
}

#[test]
fn cancel_returns_quota_only_for_not_activated() {
    let cases = [
        (LifecycleState::NotActivated, 1, 1),
        (LifecycleState::PendingApplication, 0, 0),
        (LifecycleState::ValidationFailed, 0, 0),
        (LifecycleState::Issued, 0, 0),
    ];
    for (state, units, ms) in cases {
        let r = cancel_return(&in_state(state));
        assert_eq!((r.units, r.managed_service), (units, ms), "{state:?}");
    }
    let r = cancel_return(&in_state(LifecycleState::NotActivated));
    let back = quotas_with_return(&Quotas::default(), &r);
    assert_eq!(
        (remaining_units(&back, &dv_single()), back.managed_service),
        (1, 1)
    );
    let again = quotas_with_return(&back, &r);
    assert_eq!(
        (again.units.len(), remaining_units(&again, &dv_single())),
        (1, 2)
    );
}
