//! Hand-built inventories for the tests of `persist`, `import` and `csv`
//! (the date and specification builders are the rules tests' own).

pub use crate::rules::testing::{d, dv_single};
use crate::rules::*;
use crate::store::{Inventory, Order};

/// An issued Official DV single-domain certificate. Built from JSON so that
/// fields the model gains later (with serde defaults) need no change here.
pub fn official(id: &str, domain: &str, not_before: &str, not_after: &str) -> Certificate {
    let json = serde_json::json!({
        "id": id,
        "name": domain,
        "kind": "Official",
        "spec": dv_single(),
        "key_algorithm": "Rsa2048",
        "domains": [domain],
        "state": "Issued",
        "not_before": not_before,
        "not_after": not_after,
        "verification": "ManualDns",
        "contact": {
            "name": "Li Wei",
            "email": "li.wei@example.com",
            "phone": "+86 138 0013 8000",
        },
        "csr_mode": "Automatic",
    });
    match serde_json::from_value(json) {
        Ok(cert) => cert,
        Err(error) => panic!("fixture does not match the model: {error}"),
    }
}

pub fn uploaded(id: &str, domain: &str, not_before: &str, not_after: &str) -> Certificate {
    Certificate {
        kind: CertificateKind::Uploaded,
        csr_mode: None,
        ..official(id, domain, not_before, not_after)
    }
}

/// The certificate at `position` of `of` created by `order` under `original`.
pub fn associated(original: &Certificate, order: &str, position: u8, of: u8) -> Certificate {
    Certificate {
        id: format!("{}-{position}", original.id),
        state: if position == 1 {
            LifecycleState::PendingApplication
        } else {
            LifecycleState::NotActivated
        },
        not_before: None,
        not_after: None,
        association: Some(Association {
            original: original.id.clone(),
            order: order.into(),
            position,
            of,
            renewal: true,
        }),
        ..original.clone()
    }
}

pub fn order(id: &str, original: &str, certificates: &[&str]) -> Order {
    Order {
        id: id.into(),
        placed_on: d("2026-11-01"),
        kind: OrderKind::Renewal,
        original: Some(original.into()),
        years: certificates.len() as u8,
        certificates: certificates.iter().map(|c| c.to_string()).collect(),
        payment: Payment {
            spec: dv_single(),
            units_needed: 1,
            units_from_quota: 1,
            units_to_pay: 0,
            managed_service_needed: 0,
            managed_service_from_quota: 0,
            managed_service_to_pay: 0,
            amount_cents: Some(0),
            currency: "USD".into(),
        },
    }
}

pub fn prices() -> PriceTable {
    PriceTable {
        currency: "USD".into(),
        unit_prices: vec![(dv_single(), 9_900)],
        managed_service: 1_500,
    }
}

/// Two Official certificates (one renewed into a chain of two), one Uploaded,
/// quotas, prices and the renewal order.
pub fn inventory() -> Inventory {
    let www = official("cas-www", "www.example.com", "2026-01-01", "2026-12-20");
    let api = official("cas-api", "api.example.com", "2025-06-01", "2026-05-31");
    let shop = uploaded("up-shop", "shop.example.org", "2026-03-01", "2027-03-01");
    let first = associated(&www, "ord-1", 1, 2);
    let second = associated(&www, "ord-1", 2, 2);
    Inventory {
        certificates: vec![second, www, api, shop, first],
        quotas: Quotas {
            units: vec![(dv_single(), 3)],
            managed_service: 2,
        },
        prices: prices(),
        orders: vec![order("ord-1", "cas-www", &["cas-www-1", "cas-www-2"])],
        sandbox: Default::default(),
        policies: Vec::new(),
    }
}
