//! The built-in demo inventory, generated relative to a date so that on any
//! day it shows every tab, status, specification and domain type, associated
//! chains of 2 and 3, PCA and plain uploaded certificates, certificates
//! expiring within 15 and 30 days, expired ones, and quotas with some
//! specifications at zero. The first Official certificate reproduces the
//! documents' worked example when generated for 2025-09-10 (valid 2024-10-01
//! to 2025-09-30).

use chrono::NaiveDate;

use super::inventory::{Inventory, Order};
use crate::rules::{
    Association, Brand::*, Certificate, CertificateKind, Channel, CloudProduct, CloudResource,
    Contact, CsrMode, DomainType::*, KeyAlgorithm, LifecycleState::*, NotificationPolicy,
    OrderKind, PolicyContact, PriceTable, Quotas, Specification, ValidationType::*, ValidityBasis,
    payment, validity_on,
};

mod official;
mod uploaded;

pub use super::demo_scale::generated_inventory;

/// `t + days`, or `t` itself at the ends of the calendar.
pub(super) fn shift(t: NaiveDate, days: i64) -> NaiveDate {
    t.checked_add_signed(chrono::Duration::days(days))
        .unwrap_or(t)
}

pub(super) fn spec(
    brand: crate::rules::Brand,
    validation: crate::rules::ValidationType,
    domain_type: crate::rules::DomainType,
) -> Specification {
    Specification {
        brand,
        validation,
        domain_type,
    }
}

/// A certificate with the defaults of a plain record; callers adjust the rest.
pub(super) fn record(
    id: &str,
    kind: CertificateKind,
    spec: Specification,
    key: KeyAlgorithm,
    domains: &[&str],
) -> Certificate {
    Certificate {
        state: Issued,
        contact: Contact {
            name: "Alex Chen".into(),
            email: "alex.chen@example.com".into(),
            phone: "+1 415 555 0134".into(),
        },
        csr_mode: Some(CsrMode::Automatic),
        ..Certificate::new(
            id,
            kind,
            spec,
            key,
            domains.iter().map(|d| d.to_string()).collect(),
        )
    }
}

/// Sets the validity of a certificate valid from `t + from` to `t + to`.
pub(super) fn valid(mut cert: Certificate, t: NaiveDate, from: i64, to: i64) -> Certificate {
    cert.not_before = Some(shift(t, from));
    cert.not_after = Some(shift(t, to));
    if cert.kind == CertificateKind::Official {
        cert.term_start = cert.not_before;
        cert.term_end = cert.not_after;
    }
    cert
}

/// An Official certificate issued on `t + issued`, as the rules would issue a
/// purchase on that day: its term, and the certificate of the SC-081 chain
/// that is current on `t`.
pub(super) fn issued(
    mut cert: Certificate,
    t: NaiveDate,
    issued: i64,
    basis: ValidityBasis,
) -> Certificate {
    let on = shift(t, issued);
    if let Ok(validity) = validity_on(basis, on) {
        let current = validity
            .chain
            .iter()
            .rev()
            .find(|i| i.from <= t)
            .or(validity.chain.first());
        cert.term_start = Some(validity.term.start);
        cert.term_end = Some(validity.term.end);
        cert.not_before = current.map(|i| i.from);
        cert.not_after = current.map(|i| i.to);
    }
    cert.state = Issued;
    cert
}

fn child(
    mut cert: Certificate,
    original: &str,
    order: &str,
    position: u8,
    of: u8,
    renewal: bool,
) -> Certificate {
    cert.association = Some(Association {
        original: original.to_string(),
        order: order.to_string(),
        position,
        of,
        renewal,
    });
    cert.state = if position == 1 {
        PendingApplication
    } else {
        NotActivated
    };
    cert.id = format!("{}-{}", cert.id, position);
    cert
}

/// The `of` certificates an order created below `original` (ids `{base_id}-1`, ...):
/// the first Pending Application, the others Not Activated.
fn children(
    original: &Certificate,
    base_id: &str,
    order: &str,
    of: u8,
    renewal: bool,
) -> Vec<Certificate> {
    let domains: Vec<&str> = original.domains.iter().map(String::as_str).collect();
    (1..=of)
        .map(|position| {
            let cert = record(
                base_id,
                original.kind,
                original.spec,
                original.key_algorithm,
                &domains,
            );
            child(cert, &original.id, order, position, of, renewal)
        })
        .collect()
}

/// Unit prices in cents: a base per validation and domain type, scaled by brand.
pub fn default_prices() -> PriceTable {
    let unit_prices = Specification::all()
        .into_iter()
        .map(|s| {
            let base: u64 = match (s.validation, s.domain_type) {
                (Dv, Single) => 5_900,
                (Dv, Wildcard) => 29_900,
                (Dv, MultiDomain) => 19_900,
                (Ov, Single) => 24_900,
                (Ov, Wildcard) => 69_900,
                (Ov, MultiDomain) => 49_900,
                (Ev, Single) => 59_900,
                (Ev, Wildcard) => 99_900,
                (Ev, MultiDomain) => 119_900,
            };
            let percent: u64 = match s.brand {
                AlibabaCloud => 100,
                GlobalSign => 130,
                DigiCert => 160,
                Other => 100,
            };
            (s, base * percent / 100)
        })
        .collect();
    PriceTable {
        currency: "USD".to_string(),
        unit_prices,
        managed_service: 1_900,
    }
}

fn demo_quotas() -> Quotas {
    Quotas {
        units: vec![
            (spec(AlibabaCloud, Dv, Single), 5),
            (spec(AlibabaCloud, Dv, Wildcard), 1),
            (spec(DigiCert, Ov, Single), 2),
            (spec(DigiCert, Ov, MultiDomain), 1),
            (spec(DigiCert, Ev, Single), 0),
            (spec(GlobalSign, Dv, Wildcard), 0),
            (spec(GlobalSign, Ov, Single), 3),
        ],
        managed_service: 2,
    }
}

/// An order placed on `t + placed` for `years` certificates under `original`.
fn order(
    id: &str,
    t: NaiveDate,
    placed: i64,
    kind: OrderKind,
    original: &Certificate,
    children: &[Certificate],
    prices: &PriceTable,
) -> Order {
    let years = children.len() as u32;
    Order {
        id: id.to_string(),
        placed_on: shift(t, placed),
        kind,
        original: Some(original.id.clone()),
        years: children.len() as u8,
        certificates: children.iter().map(|c| c.id.clone()).collect(),
        payment: payment(
            original.spec,
            years,
            years.saturating_sub(1),
            &Quotas::default(),
            prices,
        ),
    }
}

/// The demo inventory as it looks on `t`./// The demo inventory as it looks on `t`.
/// The default policy: one reminder 30 days before expiry, to the demo's contact.
fn demo_policy() -> NotificationPolicy {
    NotificationPolicy::default_for(PolicyContact {
        name: "Alex Chen".to_string(),
        email: "alex.chen@example.com".to_string(),
        channels: vec![Channel::Email, Channel::InSite],
        ..Default::default()
    })
}

pub fn demo_inventory(t: NaiveDate) -> Inventory {
    let prices = default_prices();
    let (mut certs, mut orders) = official::official(t, &prices);
    let (uploaded, uploaded_orders) = uploaded::uploaded(t, &prices);
    certs.extend(uploaded);
    orders.extend(uploaded_orders);

    // Where certificates are deployed: a renewal creates managed deployment tasks for these.
    for (id, product, name) in [
        ("cas-7f3a21", CloudProduct::Alb, "alb-shop-prod"),
        ("cas-7f3a21", CloudProduct::Cdn, "shop.example.com"),
        ("cas-8b1c04", CloudProduct::Cdn, "static.example.com"),
        ("cas-8b1c04", CloudProduct::Ddos, "ddos-edge-01"),
        ("cas-3c4d55", CloudProduct::Waf, "waf-portal"),
        ("cas-9a0b31", CloudProduct::Slb, "slb-pay-1"),
        ("cas-2d9e77", CloudProduct::Alb, "alb-api"),
    ] {
        if let Some(cert) = certs.iter_mut().find(|c| c.id == id) {
            cert.resources.push(CloudResource {
                product,
                name: name.to_string(),
            });
        }
    }

    Inventory {
        certificates: certs,
        quotas: demo_quotas(),
        prices,
        orders,
        sandbox: Default::default(),
        policies: vec![demo_policy()],
    }
}
