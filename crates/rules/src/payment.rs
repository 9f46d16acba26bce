//! Rules 5 and 6: the Managed Service fee, quota and payment, and what a cancel gives back.

use serde::{Deserialize, Serialize};

use super::model::{Certificate, LifecycleState, PriceTable, Quotas, Specification};
use super::order::OrderKind;
use super::validity::MAX_CARRY_OVER_DAYS;

/// The Managed Service uses an order needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedServiceUses {
    /// (years - 1): one per certificate started by the Managed Service.
    pub for_periods: u32,
    /// 1 when renewing with more than 30 days left.
    pub for_early_renewal: u32,
    pub total: u32,
    /// Why the early-renewal use is there, shown next to the fee.
    pub fee_note: Option<String>,
}

/// Managed Service uses of an order of `years` years; `days_left` is the
/// original's remaining service on the order day (renewals only).
///
/// Sources: "2 Years — Includes: Two SSL certificates of the same
/// specifications ... and one use of the Managed Service", "3 Years ... two
/// uses of the Managed Service"; "If you "renew a certificate in advance" when
/// it has more than 30 days of remaining validity, the order automatically
/// includes a fee for the "Managed Service". ... If you do not need the
/// Managed Service, you can wait to renew the certificate until it has 30 days
/// or less of remaining validity. In this case, for a 1-year service period,
/// you are not charged the Managed Service fee."
pub fn managed_service_uses(
    kind: OrderKind,
    years: u8,
    days_left: Option<i64>,
) -> ManagedServiceUses {
    let for_periods = u32::from(years.saturating_sub(1));
    let early = kind == OrderKind::Renewal && days_left.is_some_and(|d| d > MAX_CARRY_OVER_DAYS);
    let for_early_renewal = u32::from(early);
    let fee_note = early.then(|| {
        format!(
            "Renewing with more than {MAX_CARRY_OVER_DAYS} days left adds one Managed Service use: it submits \
             the request automatically once {MAX_CARRY_OVER_DAYS} days or less are left. Renew at \
             {MAX_CARRY_OVER_DAYS} days or less to avoid this fee."
        )
    });
    ManagedServiceUses {
        for_periods,
        for_early_renewal,
        total: for_periods + for_early_renewal,
        fee_note,
    }
}

/// Remaining certificate units of `spec` (entries of the same specification add up).
pub fn remaining_units(quotas: &Quotas, spec: &Specification) -> u32 {
    quotas
        .units
        .iter()
        .filter(|(s, _)| s == spec)
        .fold(0u32, |sum, (_, n)| sum.saturating_add(*n))
}

/// Price of one unit of `spec` in cents, if the table has one.
pub fn unit_price(prices: &PriceTable, spec: &Specification) -> Option<u64> {
    prices
        .unit_prices
        .iter()
        .find(|(s, _)| s == spec)
        .map(|(_, p)| *p)
}

/// What an order takes from the quotas and what is paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub spec: Specification,
    pub units_needed: u32,
    pub units_from_quota: u32,
    pub units_to_pay: u32,
    pub managed_service_needed: u32,
    pub managed_service_from_quota: u32,
    pub managed_service_to_pay: u32,
    /// Amount to pay in cents; `None` when the price table lacks a price that is needed
    /// (or the sum overflows).
    pub amount_cents: Option<u64>,
    pub currency: String,
}

/// The payment of an order needing `units` certificates of `spec` and
/// `managed_service` uses.
///
/// Source: "Payment rule: The system first uses your remaining certificate
/// quota for the same specifications and your remaining Managed Service uses
/// to offset the cost. You must pay for any shortfall."
pub fn payment(
    spec: Specification,
    units: u32,
    managed_service: u32,
    quotas: &Quotas,
    prices: &PriceTable,
) -> Payment {
    let units_from_quota = units.min(remaining_units(quotas, &spec));
    let units_to_pay = units - units_from_quota;
    let ms_from_quota = managed_service.min(quotas.managed_service);
    let ms_to_pay = managed_service - ms_from_quota;
    let unit_cost = match units_to_pay {
        0 => Some(0),
        n => unit_price(prices, &spec).and_then(|p| p.checked_mul(u64::from(n))),
    };
    let ms_cost = prices.managed_service.checked_mul(u64::from(ms_to_pay));
    Payment {
        spec,
        units_needed: units,
        units_from_quota,
        units_to_pay,
        managed_service_needed: managed_service,
        managed_service_from_quota: ms_from_quota,
        managed_service_to_pay: ms_to_pay,
        amount_cents: unit_cost.zip(ms_cost).and_then(|(a, b)| a.checked_add(b)),
        currency: prices.currency.clone(),
    }
}

/// The quotas left once `payment` has been taken from them.
pub fn quotas_after(quotas: &Quotas, payment: &Payment) -> Quotas {
    let mut left = quotas.clone();
    let mut take = payment.units_from_quota;
    for (_, n) in left.units.iter_mut().filter(|(s, _)| *s == payment.spec) {
        let used = take.min(*n);
        *n -= used;
        take -= used;
    }
    left.managed_service = left
        .managed_service
        .saturating_sub(payment.managed_service_from_quota);
    left
}

/// What cancelling a certificate gives back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaReturn {
    pub spec: Specification,
    pub units: u32,
    pub managed_service: u32,
}

/// What a cancel of `cert` returns to the quotas.
///
/// Source: "If you cancel a Not Activated certificate, your certificate and
/// managed service quotas are restored." A Not Activated certificate gives
/// back 1 unit of its specification and 1 Managed Service use. The documents
/// promise nothing for any other state and add "Refunds for associated
/// certificates are not available in the Certificate Management Service
/// console", so a cancelled Pending Application (or Validation Failed) returns
/// nothing: the user is told to contact the account manager.
pub fn cancel_return(cert: &Certificate) -> QuotaReturn {
    let restored = cert.state == LifecycleState::NotActivated;
    QuotaReturn {
        spec: cert.spec,
        units: u32::from(restored),
        managed_service: u32::from(restored),
    }
}

/// The quotas once `returned` is added back.
pub fn quotas_with_return(quotas: &Quotas, returned: &QuotaReturn) -> Quotas {
    let mut out = quotas.clone();
    match out.units.iter_mut().find(|(s, _)| *s == returned.spec) {
        Some((_, n)) => *n = n.saturating_add(returned.units),
        None if returned.units > 0 => out.units.push((returned.spec, returned.units)),
        None => {}
    }
    out.managed_service = out.managed_service.saturating_add(returned.managed_service);
    out
}
