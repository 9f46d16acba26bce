//! Browser tests of the renewal and purchase forms: every invalid input is
//! refused with its message beside the field, and nothing is submitted.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "certdesk.test.forms";

async fn stored_orders() -> usize {
    stored(KEY).await.matches("\"placed_on\"").count()
}

async fn open_purchase() -> yew::AppHandle<certdesk::App> {
    let app = mount_fresh(KEY, "forms").await;
    wait_for("the console", || {
        query("#panel-official .cert-table").is_some()
    })
    .await;
    let buy = query_all("#panel-official button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Purchase certificate")
        .unwrap();
    click(&buy);
    wait_for("the purchase panel", || {
        query("#order-panel #purchase-domains").is_some()
    })
    .await;
    app
}

async fn submit_refused(what: &str) {
    let before = stored_orders().await;
    click(&query("#order-submit").unwrap());
    settle().await;
    wait_for(what, || query("#order-placed").is_none()).await;
    assert!(
        query("#order-placed").is_none(),
        "{what}: nothing is placed"
    );
    assert_eq!(stored_orders().await, before, "{what}: no order stored");
}

fn error_of(id: &str) -> String {
    text(&format!("#{id}-error"))
}

#[wasm_bindgen_test]
async fn domains_are_checked_against_the_certificate_type() {
    let app = open_purchase().await;
    // Nothing entered.
    submit_refused("empty domain").await;
    wait_for("the domain error", || {
        !error_of("purchase-domains").is_empty()
    })
    .await;
    assert!(error_of("purchase-domains").contains("Enter the domain name"));
    assert_eq!(
        attr(&query("#purchase-domains").unwrap(), "aria-invalid"),
        "true"
    );

    // A malformed name.
    type_text(&query("#purchase-domains").unwrap(), "shop..example.com");
    wait_for("the malformed-name error", || {
        error_of("purchase-domains").starts_with("shop..example.com")
    })
    .await;
    submit_refused("malformed domain").await;

    // A wildcard name in a Single Domain order.
    type_text(&query("#purchase-domains").unwrap(), "*.example.net");
    settle().await;
    submit_refused("wildcard in single").await;
    wait_for("the order errors", || {
        query("#order-panel .order-errors").is_some()
    })
    .await;
    assert!(
        text("#order-panel .order-errors")
            .to_lowercase()
            .contains("wildcard"),
        "{}",
        text("#order-panel .order-errors")
    );

    // Multi-domain: no wildcards, at most five names.
    click(&query("#domain-type-multi").unwrap());
    type_text(
        &query("#purchase-domains").unwrap(),
        "a.example.net\n*.example.net",
    );
    settle().await;
    submit_refused("wildcard in multi-domain").await;
    type_text(
        &query("#purchase-domains").unwrap(),
        "a.example.net b.example.net c.example.net d.example.net e.example.net f.example.net",
    );
    settle().await;
    submit_refused("six names").await;
    assert!(
        text("#order-panel .order-errors").contains("at most 5 names"),
        "{}",
        text("#order-panel .order-errors")
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_ov_order_needs_a_valid_contact() {
    let app = open_purchase().await;
    type_text(&query("#purchase-domains").unwrap(), "www.example.net");
    click(&query("#validation-ov").unwrap());
    settle().await;
    submit_refused("empty contact").await;
    wait_for("the contact errors", || {
        !error_of("contact-email").is_empty()
    })
    .await;
    for id in ["contact-name", "contact-email", "contact-phone"] {
        assert!(!error_of(id).is_empty(), "{id} says what is wrong");
        assert_eq!(
            attr(&query(&format!("#{id}")).unwrap(), "aria-invalid"),
            "true"
        );
    }
    type_text(&query("#contact-name").unwrap(), "Alex Chen");
    type_text(&query("#contact-email").unwrap(), "alex@@example");
    type_text(&query("#contact-phone").unwrap(), "12");
    settle().await;
    submit_refused("bad email and phone").await;
    assert!(!error_of("contact-email").is_empty() && !error_of("contact-phone").is_empty());
    assert!(
        error_of("contact-name").is_empty(),
        "a valid name has no error"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_sm2_key_cannot_be_made_in_the_browser() {
    let app = open_purchase().await;
    type_text(&query("#purchase-domains").unwrap(), "gov.example.net");
    let select = query("#purchase-key").unwrap();
    let el: &web_sys::HtmlSelectElement = wasm_bindgen::JsCast::dyn_ref(&select).unwrap();
    el.set_value("SM2");
    change(&select);
    settle().await;
    submit_refused("SM2 key").await;
    wait_for("the SM2 refusal", || {
        text("#order-panel .order-errors").contains("SM2")
    })
    .await;
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_valid_purchase_is_placed() {
    let app = open_purchase().await;
    let before = stored_orders().await;
    type_text(&query("#purchase-domains").unwrap(), "www.example.net");
    settle().await;
    click(&query("#order-submit").unwrap());
    wait_for("the order placed", || query("#order-placed").is_some()).await;
    assert!(text("#order-placed").contains("Order ord-2001 placed"));
    wait_for_stored("the order saved", KEY, |s| {
        s.matches("\"placed_on\"").count() == before + 1
    })
    .await;
    app.destroy();
}
