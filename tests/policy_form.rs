//! Browser tests of the notification policy form: each wrong input is
//! refused with its message beside the field and nothing is saved; a valid
//! policy is saved with the inventory.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "certdesk.test.policies";

async fn open_editor() -> yew::AppHandle<certdesk::App> {
    let app = mount_fresh(KEY, "policies").await;
    wait_for("the bell", || query("button.bell").is_some()).await;
    click(&query("button.bell").unwrap());
    wait_for("the notification centre", || {
        query("#notification-centre button.add-policy").is_some()
    })
    .await;
    click(&query("#notification-centre button.add-policy").unwrap());
    wait_for("the policy editor", || {
        query("#policy-editor #policy-name").is_some()
    })
    .await;
    app
}

fn field_error(id: &str) -> String {
    text(&format!("#{id}-error"))
}

#[wasm_bindgen_test]
async fn each_wrong_input_is_refused_with_its_reason_and_nothing_is_saved() {
    let app = open_editor().await;
    let policies_before = stored(KEY).await.matches("\"send_at\"").count();
    click(&query("#policy-save").unwrap());
    wait_for("the errors", || !field_error("policy-name").is_empty()).await;
    assert!(field_error("policy-name").contains("Give the policy a name"));
    assert!(field_error("contact-0-name").contains("Enter the contact's name"));

    type_text(&query("#contact-0-email").unwrap(), "not-an-email");
    settle().await;
    assert!(
        !field_error("contact-0-email").is_empty(),
        "a bad email is named"
    );

    // A webhook channel needs an https URL.
    let dingtalk = query_all("#policy-editor [data-contact=\"0\"] .channels label")
        .into_iter()
        .find(|l| l.text_content().unwrap_or_default().contains("DingTalk"))
        .and_then(|l| l.query_selector("input").ok().flatten())
        .unwrap();
    click(&dingtalk);
    wait_for("the webhook field", || {
        query("#contact-0-dingtalk").is_some()
    })
    .await;
    type_text(
        &query("#contact-0-dingtalk").unwrap(),
        "http://oapi.dingtalk.com/robot/send",
    );
    settle().await;
    assert!(
        field_error("contact-0-dingtalk").contains("https://"),
        "{}",
        field_error("contact-0-dingtalk")
    );

    // The 11th contact cannot be added, and the form says why.
    for _ in 0..12 {
        click(&query("#policy-editor button.add-contact").unwrap());
        settle().await;
    }
    assert_eq!(query_all("#policy-editor .policy-contact").len(), 10);
    assert!(
        query("#policy-editor button.add-contact")
            .unwrap()
            .has_attribute("disabled")
    );
    assert!(text("#contacts-full").contains("at most 10 contacts"));

    click(&query("#policy-save").unwrap());
    settle().await;
    assert!(
        query("#policy-editor").is_some(),
        "the editor stays open with everything typed"
    );
    assert_eq!(
        stored(KEY).await.matches("\"send_at\"").count(),
        policies_before,
        "nothing saved"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_valid_policy_is_saved_with_the_inventory() {
    let app = open_editor().await;
    type_text(&query("#policy-name").unwrap(), "Ops on-call");
    type_text(&query("#contact-0-name").unwrap(), "Ops team");
    type_text(&query("#contact-0-email").unwrap(), "ops@example.com");
    settle().await;
    click(&query("#policy-save").unwrap());
    wait_for("the centre again", || {
        query("#notification-centre .policy-item[data-policy=\"policy-1\"]").is_some()
    })
    .await;
    wait_for_stored("the saved policy", KEY, |s| s.contains("Ops on-call")).await;
    assert!(stored(KEY).await.contains("ops@example.com"));
    app.destroy();
}
