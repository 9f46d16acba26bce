//! Browser tests of the certificate console: the table, associated rows,
//! filters, search, disabled actions with their reasons, and a cancel that
//! returns quota.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn row_ids() -> Vec<String> {
    query_all("#panel-official tbody tr.cert-row")
        .iter()
        .map(|r| attr(r, "data-id"))
        .collect()
}

async fn mount_console(key: &'static str) -> yew::AppHandle<certdesk::App> {
    let app = mount_fresh(key, "console").await;
    wait_for("the certificate table", || {
        query("#panel-official .cert-table").is_some()
    })
    .await;
    app
}

#[wasm_bindgen_test]
async fn the_table_has_headers_and_associated_rows_under_their_original() {
    let app = mount_console("certdesk.test.table").await;
    let headers: Vec<_> = query_all("#panel-official .cert-table th[scope=col]")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(
        headers,
        [
            "Certificate",
            "Bound domains",
            "Specification",
            "Status",
            "Validity",
            "Actions"
        ]
    );
    let ids = row_ids();
    let pay = ids
        .iter()
        .position(|id| id == "cas-9a0b31")
        .expect("pay.example.com is listed");
    assert_eq!(
        &ids[pay + 1..pay + 4],
        ["cas-9a0b32-1", "cas-9a0b32-2", "cas-9a0b32-3"]
    );
    let child = query("tr[data-id='cas-9a0b32-2']").unwrap();
    assert!(child.class_name().contains("row-associated"));
    assert!(child.text_content().unwrap().contains("Not Activated"));
    assert!(text("tr[data-id='cas-9a0b32-1'] .col-status").contains("Validating Application"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn disabled_actions_say_why() {
    let app = mount_console("certdesk.test.disabled").await;
    // Multi-domain: renewal refused with the rule's reason.
    let renew = query("tr[data-id='cas-5e0f12'] button.action-renewal-purchase").unwrap();
    assert_eq!(attr(&renew, "aria-disabled"), "true");
    let reason = query(&format!("#{}", attr(&renew, "aria-describedby"))).unwrap();
    assert!(
        reason.text_content().unwrap().contains("Multi-domain"),
        "{:?}",
        reason.text_content()
    );
    // Expired official: renewal is gone, a purchase and the emergency steps are offered.
    let purchase = query("tr[data-id='cas-61aa90'] button.action-purchase").unwrap();
    assert!(!purchase.has_attribute("aria-disabled"));
    assert!(query("tr[data-id='cas-61aa90'] button.action-emergency-steps").is_some());
    click(&query("tr[data-id='cas-61aa90'] button.more").unwrap());
    wait_for("the More menu", || query("#more-cas-61aa90").is_some()).await;
    let renew = query("#more-cas-61aa90 button.action-renewal-purchase").unwrap();
    let reason = query(&format!("#{}", attr(&renew, "aria-describedby"))).unwrap();
    assert!(
        reason.text_content().unwrap().starts_with("Expired"),
        "{:?}",
        reason.text_content()
    );
    // Pending Expiration: allowed.
    let renew = query("tr[data-id='cas-7f3a21'] button.action-renewal-purchase").unwrap();
    assert!(!renew.has_attribute("aria-disabled"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn search_and_status_filters_with_counts() {
    let app = mount_console("certdesk.test.filters").await;
    let chip = query_all("#panel-official .chip")
        .into_iter()
        .find(|c| {
            c.text_content()
                .unwrap()
                .starts_with("Pending Expiration (")
        })
        .expect("a Pending Expiration filter with its count");
    let count: usize = chip
        .text_content()
        .unwrap()
        .trim_start_matches("Pending Expiration (")
        .trim_end_matches(')')
        .parse()
        .unwrap();
    click(&chip);
    wait_for("filtered rows", || attr(&chip, "aria-pressed") == "true").await;
    let shown: Vec<_> = query_all("#panel-official tr.cert-row:not(.row-context)");
    assert_eq!(shown.len(), count);
    assert!(
        shown
            .iter()
            .all(|r| r.text_content().unwrap().contains("Pending Expiration"))
    );

    // Search narrows within the filter; "All" clears the filter.
    let all = query_all("#panel-official .chip")
        .into_iter()
        .next()
        .unwrap();
    click(&all);
    let search = query("#search-official").unwrap();
    type_text(&search, "pay.example");
    wait_for("search results", || row_ids().len() == 4).await;
    assert_eq!(row_ids()[0], "cas-9a0b31");
    type_text(&search, "no-such-host.invalid");
    wait_for("empty state", || {
        query("#panel-official .empty-state").is_some()
    })
    .await;
    assert!(text("#panel-official .empty-state").contains("No certificates match"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn cancelling_a_not_activated_certificate_returns_quota() {
    let app = mount_console("certdesk.test.cancel").await;
    let before: u32 = text("#quota-managed-service").parse().unwrap();
    click(&query("tr[data-id='cas-3c4d56-2'] button.action-cancel").unwrap());
    wait_for("the confirm dialog", || query("#confirm-dialog").is_some()).await;
    assert!(text("#confirm-dialog").contains("Managed Service use"));
    let confirm = query_all("#confirm-dialog .modal-foot button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Cancel certificate")
        .unwrap();
    click(&confirm);
    wait_for("the quota back", || {
        text("#quota-managed-service") == (before + 1).to_string()
    })
    .await;
    assert!(text("tr[data-id='cas-3c4d56-2'] .col-status").contains("Cancelled"));
    assert!(query("#confirm-dialog").is_none());
    app.destroy();
}
