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
    Association, Brand::*, Certificate, CertificateKind, CloudProduct, CloudResource, Contact,
    CsrMode, DomainType::*, KeyAlgorithm, KeyAlgorithm::*, LifecycleState::*, OrderKind,
    PriceTable, Quotas, Specification, ValidationType::*, ValidityBasis, VerificationMethod,
    payment, validity_on,
};

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
    children: &[&Certificate],
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

/// The demo inventory as it looks on `t`.
pub fn demo_inventory(t: NaiveDate) -> Inventory {
    use CertificateKind::{Official, Uploaded};
    let prices = default_prices();
    let purchase = ValidityBasis::Purchase;
    let mut certs = Vec::new();

    // Official: the documents' example (20 days left on 2025-09-10), and the other statuses.
    certs.push(valid(
        record(
            "cas-7f3a21",
            Official,
            spec(DigiCert, Ov, Single),
            Rsa2048,
            &["shop.example.com"],
        ),
        t,
        -344,
        20,
    ));
    let mut wildcard = valid(
        record(
            "cas-8b1c04",
            Official,
            spec(GlobalSign, Dv, Wildcard),
            EcdsaP256,
            &["*.example.com"],
        ),
        t,
        -353,
        12,
    );
    wildcard.name = "Wildcard example.com".into();
    certs.push(wildcard);
    let mut api = issued(
        record(
            "cas-2d9e77",
            Official,
            spec(AlibabaCloud, Dv, Single),
            EcdsaP256,
            &["api.example.com"],
        ),
        t,
        -40,
        purchase,
    );
    api.dns_in_same_account = true;
    api.verification = VerificationMethod::AutomaticDns;
    certs.push(api);
    let mut multi = valid(
        record(
            "cas-5e0f12",
            Official,
            spec(DigiCert, Ov, MultiDomain),
            Rsa2048,
            &["www.example.org", "example.org", "mail.example.org"],
        ),
        t,
        -320,
        45,
    );
    multi.name = "example.org sites".into();
    certs.push(multi);
    certs.push(valid(
        record(
            "cas-61aa90",
            Official,
            spec(AlibabaCloud, Dv, Single),
            Rsa2048,
            &["legacy.example.net"],
        ),
        t,
        -375,
        -10,
    ));

    // A 2-year renewal order: Pending Application, then Not Activated.
    let portal = valid(
        record(
            "cas-3c4d55",
            Official,
            spec(DigiCert, Ev, Single),
            Rsa3072,
            &["portal.example.com"],
        ),
        t,
        -340,
        25,
    );
    let p1 = child(
        record(
            "cas-3c4d56",
            Official,
            portal.spec,
            Rsa3072,
            &["portal.example.com"],
        ),
        &portal.id,
        "ord-1001",
        1,
        2,
        true,
    );
    let p2 = child(
        record(
            "cas-3c4d56",
            Official,
            portal.spec,
            Rsa3072,
            &["portal.example.com"],
        ),
        &portal.id,
        "ord-1001",
        2,
        2,
        true,
    );
    let portal_order = order(
        "ord-1001",
        t,
        -2,
        OrderKind::Renewal,
        &portal,
        &[&p1, &p2],
        &prices,
    );

    // A 3-year renewal order whose first certificate is with the CA.
    let pay = valid(
        record(
            "cas-9a0b31",
            Official,
            spec(DigiCert, Ev, Single),
            EcdsaP384,
            &["pay.example.com"],
        ),
        t,
        -337,
        28,
    );
    let mut y1 = child(
        record(
            "cas-9a0b32",
            Official,
            pay.spec,
            EcdsaP384,
            &["pay.example.com"],
        ),
        &pay.id,
        "ord-1002",
        1,
        3,
        true,
    );
    y1.state = ValidatingApplication;
    y1.applied_on = Some(shift(t, -1));
    let y2 = child(
        record(
            "cas-9a0b32",
            Official,
            pay.spec,
            EcdsaP384,
            &["pay.example.com"],
        ),
        &pay.id,
        "ord-1002",
        2,
        3,
        true,
    );
    let y3 = child(
        record(
            "cas-9a0b32",
            Official,
            pay.spec,
            EcdsaP384,
            &["pay.example.com"],
        ),
        &pay.id,
        "ord-1002",
        3,
        3,
        true,
    );
    let pay_order = order(
        "ord-1002",
        t,
        -6,
        OrderKind::Renewal,
        &pay,
        &[&y1, &y2, &y3],
        &prices,
    );

    // An expired original already renewed: its associated certificate is issued.
    let www = valid(
        record(
            "cas-2a7c90",
            Official,
            spec(DigiCert, Dv, Single),
            Rsa2048,
            &["www.example.com"],
        ),
        t,
        -380,
        -15,
    );
    let mut www1 = child(
        record(
            "cas-2a7c91",
            Official,
            www.spec,
            Rsa2048,
            &["www.example.com"],
        ),
        &www.id,
        "ord-0998",
        1,
        1,
        true,
    );
    let previous_end = www.not_after.unwrap_or(t);
    www1 = issued(www1, t, -30, ValidityBasis::CarryOver { previous_end });
    let www_order = order(
        "ord-0998",
        t,
        -31,
        OrderKind::Renewal,
        &www,
        &[&www1],
        &prices,
    );
    certs.extend([portal, p1, p2, pay, y1, y2, y3, www, www1]);

    let mut failed = record(
        "cas-4f7e02",
        Official,
        spec(AlibabaCloud, Dv, Single),
        EcdsaP256,
        &["beta.example.com"],
    );
    failed.state = ValidationFailed;
    failed.applied_on = Some(shift(t, -4));
    failed.failure_reason = Some(
        "The TXT record _dnsauth.beta.example.com was not found when the CA checked it".into(),
    );
    certs.push(failed);
    let mut pending = record(
        "cas-5c1b27",
        Official,
        spec(AlibabaCloud, Dv, Wildcard),
        EcdsaP256,
        &["*.dev.example.com"],
    );
    pending.state = PendingApplication;
    pending.name = "Wildcard dev.example.com".into();
    certs.push(pending);
    let mut cancelled = record(
        "cas-0c8d19",
        Official,
        spec(GlobalSign, Ov, Single),
        Rsa2048,
        &["old-shop.example.com"],
    );
    cancelled.state = Cancelled;
    certs.push(cancelled);
    let mut revoked = valid(
        record(
            "cas-7b2e64",
            Official,
            spec(GlobalSign, Ov, Single),
            Rsa2048,
            &["vpn.example.com"],
        ),
        t,
        -100,
        265,
    );
    revoked.state = Revoked;
    certs.push(revoked);
    certs.push(issued(
        record(
            "cas-1e5f83",
            Official,
            spec(AlibabaCloud, Dv, Single),
            EcdsaP256,
            &["203.0.113.10"],
        ),
        t,
        -100,
        purchase,
    ));
    certs.push(issued(
        record(
            "cas-6d3a48",
            Official,
            spec(GlobalSign, Ov, Single),
            Sm2,
            &["gov.example.cn"],
        ),
        t,
        -200,
        purchase,
    ));
    certs.push(issued(
        record(
            "cas-8e4f61",
            Official,
            spec(GlobalSign, Dv, Single),
            Rsa2048,
            &["mail.example.com"],
        ),
        t,
        -280,
        purchase,
    ));

    // Uploaded: plain ones in each state, PCA ones, and one updated (2-year purchase).
    certs.push(valid(
        record(
            "up-4e21",
            Uploaded,
            spec(GlobalSign, Dv, Single),
            EcdsaP256,
            &["blog.example.com"],
        ),
        t,
        -335,
        30,
    ));
    certs.push(valid(
        record(
            "up-9c03",
            Uploaded,
            spec(DigiCert, Dv, Single),
            Rsa2048,
            &["static.example.com"],
        ),
        t,
        -355,
        10,
    ));
    certs.push(valid(
        record(
            "up-1f77",
            Uploaded,
            spec(DigiCert, Ov, Single),
            Rsa2048,
            &["old-api.example.com"],
        ),
        t,
        -370,
        -5,
    ));
    certs.push(valid(
        record(
            "up-3e65",
            Uploaded,
            spec(GlobalSign, Ov, Single),
            Rsa4096,
            &["media.example.com"],
        ),
        t,
        -115,
        250,
    ));
    let mut pca = valid(
        record(
            "up-5b42",
            Uploaded,
            spec(AlibabaCloud, Ov, Single),
            EcdsaP256,
            &["internal.corp.example"],
        ),
        t,
        -200,
        165,
    );
    pca.pca = true;
    certs.push(pca);
    let mut pca_expiring = valid(
        record(
            "up-2d88",
            Uploaded,
            spec(AlibabaCloud, Ov, Single),
            EcdsaP256,
            &["git.corp.example"],
        ),
        t,
        -358,
        7,
    );
    pca_expiring.pca = true;
    certs.push(pca_expiring);
    let mut cdn = valid(
        record(
            "up-7a19",
            Uploaded,
            spec(GlobalSign, Dv, Wildcard),
            EcdsaP256,
            &["*.cdn.example.com"],
        ),
        t,
        -351,
        14,
    );
    cdn.name = "Wildcard cdn.example.com".into();
    let c1 = child(
        record(
            "up-7a20",
            Uploaded,
            cdn.spec,
            EcdsaP256,
            &["*.cdn.example.com"],
        ),
        &cdn.id,
        "ord-1003",
        1,
        2,
        false,
    );
    let c2 = child(
        record(
            "up-7a20",
            Uploaded,
            cdn.spec,
            EcdsaP256,
            &["*.cdn.example.com"],
        ),
        &cdn.id,
        "ord-1003",
        2,
        2,
        false,
    );
    let cdn_order = order(
        "ord-1003",
        t,
        -1,
        OrderKind::Purchase,
        &cdn,
        &[&c1, &c2],
        &prices,
    );
    certs.extend([cdn, c1, c2]);

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
        orders: vec![www_order, portal_order, pay_order, cdn_order],
        sandbox: Default::default(),
    }
}
