//! `platform::storage` in a real browser (IndexedDB): the save/load round
//! trip, blobs that cannot be used kept aside (and the main key left alone),
//! an inventory moved from localStorage (its old key kept until IndexedDB
//! reads it back), a failed write kept in memory with a Retry, and another
//! tab's change heard through the `BroadcastChannel`. Every test uses its own
//! keys and removes them.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use certdesk::platform::storage::{
    self, LoadNotice, LoadOutcome, SetAside, StorageError, fail_writes_for_tests, kept_keys, load,
    read, save, write,
};
use certdesk::rules::*;
use certdesk::store::Inventory;
use common::{click, forget, query, query_all, settle, storage as local, text, wait_for};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn prices() -> PriceTable {
    PriceTable {
        currency: "USD".into(),
        unit_prices: Vec::new(),
        managed_service: 1_500,
    }
}

/// Built from JSON so that fields the model gains later (with serde
/// defaults) do not break this file.
fn inventory() -> Inventory {
    let spec = Specification {
        brand: Brand::GlobalSign,
        validation: ValidationType::Ov,
        domain_type: DomainType::Wildcard,
    };
    let certificate: Certificate = serde_json::from_value(serde_json::json!({
        "id": "cas-1",
        "name": "wildcard",
        "kind": "Official",
        "spec": spec,
        "key_algorithm": "EcdsaP256",
        "domains": ["*.example.com"],
        "state": "Issued",
        "not_before": "2026-01-01",
        "not_after": "2026-12-31",
        "verification": "CaContact",
    }))
    .unwrap();
    Inventory {
        certificates: vec![certificate],
        quotas: Quotas {
            units: vec![(spec, 2)],
            managed_service: 1,
        },
        prices: prices(),
        orders: Vec::new(),
        sandbox: Default::default(),
        policies: Vec::new(),
    }
}

fn kept(outcome: &LoadOutcome) -> (SetAside, String, String) {
    match &outcome.notice {
        Some(LoadNotice::KeptAside { why, kept_key, raw }) => {
            (why.clone(), kept_key.clone(), raw.clone())
        }
        other => panic!("expected a kept-aside notice, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn save_then_load_round_trip() {
    let key = "certdesk.test.round-trip";
    forget(key).await;
    let first_run = LoadOutcome {
        inventory: None,
        notice: None,
        read_only: false,
    };
    assert_eq!(load(key, &prices()).await, first_run);
    save(key, &inventory()).await.unwrap();
    let outcome = load(key, &prices()).await;
    forget(key).await;
    assert_eq!(outcome.inventory, Some(inventory()));
    assert_eq!(outcome.notice, None);
    assert!(!outcome.read_only);
}

#[wasm_bindgen_test]
async fn schema_1_is_migrated_on_load() {
    let key = "certdesk.test.schema-1";
    forget(key).await;
    let certificates = serde_json::to_value(inventory().certificates).unwrap();
    let v1 = serde_json::json!({ "schema": 1, "data": { "certificates": certificates } });
    write(key, &v1.to_string()).await.unwrap();
    let outcome = load(key, &prices()).await;
    forget(key).await;
    let expected = Inventory {
        quotas: Quotas::default(),
        ..inventory()
    };
    assert_eq!(outcome.inventory, Some(expected));
    assert_eq!(outcome.notice, Some(LoadNotice::Migrated { from: 1 }));
}

#[wasm_bindgen_test]
async fn a_corrupt_blob_is_kept_aside_and_left_in_place() {
    let key = "certdesk.test.corrupt";
    forget(key).await;
    let raw = r#"{"schema":2,"data":{"certificates":[{"id":"cas-1","#;
    write(key, raw).await.unwrap();

    let outcome = load(key, &prices()).await;
    let (why, kept_key, kept_raw) = kept(&outcome);
    assert!(matches!(why, SetAside::Unreadable { ref reason } if reason.contains("cut short")));
    assert!(
        kept_key.starts_with("certdesk.test.corrupt.kept-"),
        "{kept_key}"
    );
    assert_eq!(kept_raw, raw);
    assert_eq!(read(&kept_key).await.unwrap().as_deref(), Some(raw));
    assert_eq!(
        read(key).await.unwrap().as_deref(),
        Some(raw),
        "main key untouched"
    );
    assert_eq!(outcome.inventory, None);
    assert!(!outcome.read_only);
    let message = outcome.notice.as_ref().map(LoadNotice::message).unwrap();
    assert!(message.contains(&kept_key), "{message}");

    // Loading again (a reload before any save) reuses the copy.
    let again = load(key, &prices()).await;
    assert_eq!(kept(&again).1, kept_key);
    assert_eq!(kept_keys(key).await.unwrap(), vec![kept_key.clone()]);

    // The caller saves: the main key is replaced, the copy stays.
    save(key, &inventory()).await.unwrap();
    assert_eq!(load(key, &prices()).await.inventory, Some(inventory()));
    assert_eq!(read(&kept_key).await.unwrap().as_deref(), Some(raw));
    forget(key).await;
}

#[wasm_bindgen_test]
async fn a_newer_schema_is_kept_aside() {
    let key = "certdesk.test.newer";
    forget(key).await;
    let raw = r#"{"schema":3,"data":{"accounts":[]}}"#;
    write(key, raw).await.unwrap();
    let outcome = load(key, &prices()).await;
    let (why, kept_key, _) = kept(&outcome);
    let kept_value = read(&kept_key).await.unwrap();
    let main_value = read(key).await.unwrap();
    forget(key).await;
    assert_eq!(why, SetAside::Newer { schema: 3 });
    assert_eq!(kept_value.as_deref(), Some(raw));
    assert_eq!(main_value.as_deref(), Some(raw));
    assert_eq!(outcome.inventory, None);
    assert!(
        outcome.read_only,
        "a newer version's key is never written by this tab"
    );
}

#[wasm_bindgen_test]
async fn a_blob_that_cannot_be_kept_aside_stays_and_nothing_may_overwrite_it() {
    let key = "certdesk.test.not-kept";
    forget(key).await;
    let corrupt = "not json";
    write(key, corrupt).await.unwrap();
    fail_writes_for_tests(Some(StorageError::QuotaExceeded));
    let saved = save("certdesk.test.not-kept-save", &inventory()).await;
    let outcome = load(key, &prices()).await;
    fail_writes_for_tests(None);
    let main_after = read(key).await;
    forget(key).await;
    assert_eq!(saved, Err(StorageError::QuotaExceeded));
    assert!(outcome.read_only);
    assert_eq!(outcome.inventory, None);
    match &outcome.notice {
        Some(LoadNotice::NotKeptAside { error, raw, .. }) => {
            assert_eq!(*error, StorageError::QuotaExceeded);
            assert_eq!(raw, corrupt);
        }
        other => panic!("expected NotKeptAside, got {other:?}"),
    }
    assert_eq!(main_after, Ok(Some(corrupt.to_string())));
}

#[wasm_bindgen_test]
async fn a_localstorage_inventory_moves_to_indexeddb_and_its_old_key_goes_once_read_back() {
    let key = "certdesk.test.migrate";
    forget(key).await;
    let raw = persist_text(&inventory());
    let kept_copy = format!("{key}.kept-2026-01-01T00-00-00Z");
    local().set_item(key, &raw).unwrap();
    local().set_item(&kept_copy, "an old kept blob").unwrap();

    // IndexedDB refuses the write: the localStorage key stays, the inventory is still shown.
    fail_writes_for_tests(Some(StorageError::QuotaExceeded));
    let refused = load(key, &prices()).await;
    fail_writes_for_tests(None);
    assert_eq!(refused.inventory, Some(inventory()));
    assert_eq!(
        local().get_item(key).unwrap(),
        Some(raw.clone()),
        "kept until confirmed"
    );
    assert_eq!(read(key).await.unwrap(), None);

    let moved = load(key, &prices()).await;
    assert_eq!(moved.inventory, Some(inventory()));
    assert_eq!(moved.notice, None);
    assert!(!moved.read_only);
    assert_eq!(read(key).await.unwrap(), Some(raw));
    assert_eq!(
        local().get_item(key).unwrap(),
        None,
        "removed once read back"
    );
    assert_eq!(
        read(&kept_copy).await.unwrap().as_deref(),
        Some("an old kept blob")
    );
    assert_eq!(local().get_item(&kept_copy).unwrap(), None);
    forget(key).await;
}

#[wasm_bindgen_test]
async fn a_newer_localstorage_inventory_is_not_moved() {
    let key = "certdesk.test.migrate-newer";
    forget(key).await;
    let raw = r#"{"schema":3,"data":{}}"#;
    local().set_item(key, raw).unwrap();
    let outcome = load(key, &prices()).await;
    let (why, kept_key, _) = kept(&outcome);
    assert_eq!(why, SetAside::Newer { schema: 3 });
    assert!(outcome.read_only);
    assert_eq!(
        local().get_item(key).unwrap().as_deref(),
        Some(raw),
        "left where it was"
    );
    assert_eq!(
        read(key).await.unwrap(),
        None,
        "nothing written under the key"
    );
    assert_eq!(read(&kept_key).await.unwrap().as_deref(), Some(raw));
    forget(key).await;
}

fn persist_text(inventory: &Inventory) -> String {
    certdesk::store::persist::encode(inventory)
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_heard_through_the_broadcast_channel() {
    let key = "certdesk.test.listen";
    forget(key).await;
    let heard: Rc<RefCell<Vec<Option<String>>>> = Rc::default();
    let sink = heard.clone();
    let listener = storage::listen(key, move |value| sink.borrow_mut().push(value))
        .expect("a BroadcastChannel");
    // What another tab does: write, then announce on a channel of the same name.
    let other_tab = web_sys::BroadcastChannel::new(key).unwrap();
    let announced: Rc<RefCell<usize>> = Rc::default();
    let count = announced.clone();
    let _hear_saves =
        gloo::events::EventListener::new(&other_tab, "message", move |_| *count.borrow_mut() += 1);
    // This page's own save is announced to the others, not heard by itself.
    save(key, &inventory()).await.unwrap();
    wait_for("the save announced", || *announced.borrow() == 1).await;
    write(key, "from the other tab").await.unwrap();
    other_tab.post_message(&storage::SAVED.into()).unwrap();
    wait_for("the other tab's save", || !heard.borrow().is_empty()).await;
    forget(key).await;
    other_tab.post_message(&storage::SAVED.into()).unwrap();
    wait_for("the removal", || heard.borrow().len() >= 2).await;
    settle().await;
    drop(listener);
    other_tab.close();
    assert_eq!(
        *heard.borrow(),
        vec![Some("from the other tab".to_string()), None]
    );
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_change_and_offers_to_retry() {
    let key = "certdesk.test.retry";
    let app = common::mount_fresh(key, "retry").await;
    wait_for("the table", || {
        query("#panel-official .cert-table").is_some()
    })
    .await;
    let rows = || query_all("#panel-official tbody tr.cert-row").len();
    let before = rows();
    fail_writes_for_tests(Some(StorageError::QuotaExceeded));
    click(&query("tr[data-id='cas-3c4d56-2'] button.action-cancel").unwrap());
    wait_for("the confirm dialog", || query("#confirm-dialog").is_some()).await;
    let confirm = query_all("#confirm-dialog .modal-foot button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Cancel certificate")
        .unwrap();
    click(&confirm);
    wait_for("the error notice", || {
        text(".notices").contains("Browser storage is full")
    })
    .await;
    assert!(
        text("tr[data-id='cas-3c4d56-2'] .col-status").contains("Cancelled"),
        "kept in memory"
    );
    assert_eq!(rows(), before);
    assert_ne!(
        state_of(&common::stored(key).await, "cas-3c4d56-2"),
        "Cancelled",
        "not saved"
    );
    fail_writes_for_tests(None);
    let retry = query_all(".notices button")
        .into_iter()
        .find(|b| b.text_content().unwrap().contains("Try saving again"))
        .expect("a Retry button");
    click(&retry);
    common::wait_for_stored("the retried save", key, |s| {
        state_of(s, "cas-3c4d56-2") == "Cancelled"
    })
    .await;
    wait_for("the notice gone", || {
        !text(".notices").contains("Browser storage is full")
    })
    .await;
    app.destroy();
    forget(key).await;
}

/// The lifecycle state of certificate `id` in a stored inventory's text.
fn state_of(stored: &str, id: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(stored).unwrap_or_default();
    value["data"]["certificates"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["id"] == id))
        .and_then(|c| c["state"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[wasm_bindgen_test]
async fn the_console_says_it_is_loading_then_shows_the_stored_inventory_never_a_demo() {
    let key = "certdesk.test.loading";
    forget(key).await;
    let raw = certdesk::store::persist::encode(&inventory());
    write(key, &raw).await.unwrap();
    common::set_hash("#/official");
    let options = certdesk::MountOptions {
        storage_key: yew::AttrValue::Static(key),
        ..Default::default()
    };
    let app = certdesk::mount(common::fresh_root("loading"), options);
    yew::scheduler::flush().await;
    // The first render: the console, saying so, with no rows (IndexedDB answers later).
    assert!(text("#loading .banner-connection").contains("Loading your saved inventory"));
    assert_eq!(
        common::attr(&query("#loading main").unwrap(), "aria-busy"),
        "true"
    );
    assert!(query("#loading tr.cert-row").is_none(), "no demo flash");
    wait_for("the stored row", || {
        query("#loading tr[data-id='cas-1']").is_some()
    })
    .await;
    assert_eq!(
        query_all("#loading tr.cert-row").len(),
        1,
        "only what was stored"
    );
    assert!(query("#loading .banner-connection").is_none());
    settle().await;
    assert_eq!(read(key).await.unwrap(), Some(raw), "not overwritten");
    app.destroy();
    forget(key).await;
}
