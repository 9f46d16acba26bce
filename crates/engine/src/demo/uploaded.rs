//! The demo's Uploaded certificates: plain ones in each state, PCA ones,
//! and one updated with a 2-year purchase.

use chrono::NaiveDate;

use super::{children, order, record, spec, valid};
use crate::inventory::Order;
use crate::rules::{
    Brand::*, Certificate, CertificateKind::Uploaded, DomainType::*, KeyAlgorithm::*, OrderKind,
    PriceTable, ValidationType::*,
};

pub(super) fn uploaded(t: NaiveDate, prices: &PriceTable) -> (Vec<Certificate>, Vec<Order>) {
    let prices = prices.clone();
    // Uploaded: plain ones in each state, PCA ones, and one updated (2-year purchase).
    let mut certs = vec![valid(
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
    )];
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
    let cdn_children = children(&cdn, "up-7a20", "ord-1003", 2, false);
    let cdn_order = order(
        "ord-1003",
        t,
        -1,
        OrderKind::Purchase,
        &cdn,
        &cdn_children,
        &prices,
    );
    certs.push(cdn);
    certs.extend(cdn_children);

    (certs, vec![cdn_order])
}
