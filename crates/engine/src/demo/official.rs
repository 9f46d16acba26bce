//! The demo's Official certificates: the documents' example, every status,
//! and renewal orders of 1, 2 and 3 years.

use chrono::NaiveDate;

use super::{children, issued, order, record, shift, spec, valid};
use crate::inventory::Order;
use crate::rules::{
    Brand::*, Certificate, CertificateKind::Official, DomainType::*, KeyAlgorithm::*,
    LifecycleState::*, OrderKind, PriceTable, ValidationType::*, ValidityBasis, VerificationMethod,
};

pub(super) fn official(t: NaiveDate, prices: &PriceTable) -> (Vec<Certificate>, Vec<Order>) {
    let prices = prices.clone();
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
    let portal_children = children(&portal, "cas-3c4d56", "ord-1001", 2, true);
    let portal_order = order(
        "ord-1001",
        t,
        -2,
        OrderKind::Renewal,
        &portal,
        &portal_children,
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
    let mut pay_children = children(&pay, "cas-9a0b32", "ord-1002", 3, true);
    pay_children[0].state = ValidatingApplication;
    pay_children[0].applied_on = Some(shift(t, -1));
    let pay_order = order(
        "ord-1002",
        t,
        -6,
        OrderKind::Renewal,
        &pay,
        &pay_children,
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
    let mut www_children = children(&www, "cas-2a7c91", "ord-0998", 1, true);
    let previous_end = www.not_after.unwrap_or(t);
    www_children[0] = issued(
        www_children[0].clone(),
        t,
        -30,
        ValidityBasis::CarryOver { previous_end },
    );
    let www_order = order(
        "ord-0998",
        t,
        -31,
        OrderKind::Renewal,
        &www,
        &www_children,
        &prices,
    );
    certs.push(portal);
    certs.extend(portal_children);
    certs.push(pay);
    certs.extend(pay_children);
    certs.push(www);
    certs.extend(www_children);

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

    (certs, vec![www_order, portal_order, pay_order])
}
