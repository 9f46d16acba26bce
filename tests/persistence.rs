//! `platform::storage` in a real browser: the save/load round trip, blobs
//! that cannot be used kept aside (and the main key left alone), a full
//! storage mapped to `QuotaExceeded`, and another tab's change seen through
//! the `storage` event. Every test uses its own keys and removes them.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use certdesk::platform::storage::{
    self, LoadNotice, LoadOutcome, SetAside, StorageError, kept_keys, load, read, remove, save,
    write,
};
use certdesk::rules::*;
use certdesk::store::Inventory;
use wasm_bindgen::{JsCast, JsValue};
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

/// Removes `key` and every copy of it kept aside.
fn clean(key: &str) {
    for kept in kept_keys(key).unwrap_or_default() {
        let _ = remove(&kept);
    }
    let _ = remove(key);
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
fn save_then_load_round_trip() {
    let key = "certdesk.test.round-trip";
    clean(key);
    let first_run = LoadOutcome {
        inventory: None,
        notice: None,
        read_only: false,
    };
    assert_eq!(load(key, &prices()), first_run);
    save(key, &inventory()).unwrap();
    let outcome = load(key, &prices());
    clean(key);
    assert_eq!(outcome.inventory, Some(inventory()));
    assert_eq!(outcome.notice, None);
    assert!(!outcome.read_only);
}

#[wasm_bindgen_test]
fn schema_1_is_migrated_on_load() {
    let key = "certdesk.test.schema-1";
    clean(key);
    let certificates = serde_json::to_value(inventory().certificates).unwrap();
    let v1 = serde_json::json!({ "schema": 1, "data": { "certificates": certificates } });
    write(key, &v1.to_string()).unwrap();
    let outcome = load(key, &prices());
    clean(key);
    let expected = Inventory {
        quotas: Quotas::default(),
        ..inventory()
    };
    assert_eq!(outcome.inventory, Some(expected));
    assert_eq!(outcome.notice, Some(LoadNotice::Migrated { from: 1 }));
}

#[wasm_bindgen_test]
fn a_corrupt_blob_is_kept_aside_and_left_in_place() {
    let key = "certdesk.test.corrupt";
    clean(key);
    let raw = r#"{"schema":2,"data":{"certificates":[{"id":"cas-1","#;
    write(key, raw).unwrap();

    let outcome = load(key, &prices());
    let (why, kept_key, kept_raw) = kept(&outcome);
    assert!(matches!(why, SetAside::Unreadable { ref reason } if reason.contains("cut short")));
    assert!(
        kept_key.starts_with("certdesk.test.corrupt.kept-"),
        "{kept_key}"
    );
    assert_eq!(kept_raw, raw);
    assert_eq!(read(&kept_key).unwrap().as_deref(), Some(raw));
    assert_eq!(
        read(key).unwrap().as_deref(),
        Some(raw),
        "main key untouched"
    );
    assert_eq!(outcome.inventory, None);
    assert!(!outcome.read_only);
    let message = outcome.notice.as_ref().map(LoadNotice::message).unwrap();
    assert!(message.contains(&kept_key), "{message}");

    // Loading again (a reload before any save) reuses the copy.
    let again = load(key, &prices());
    assert_eq!(kept(&again).1, kept_key);
    assert_eq!(kept_keys(key).unwrap(), vec![kept_key.clone()]);

    // The caller saves: the main key is replaced, the copy stays.
    save(key, &inventory()).unwrap();
    assert_eq!(load(key, &prices()).inventory, Some(inventory()));
    assert_eq!(read(&kept_key).unwrap().as_deref(), Some(raw));
    clean(key);
}

#[wasm_bindgen_test]
fn a_newer_schema_is_kept_aside() {
    let key = "certdesk.test.newer";
    clean(key);
    let raw = r#"{"schema":3,"data":{"accounts":[]}}"#;
    write(key, raw).unwrap();
    let outcome = load(key, &prices());
    let (why, kept_key, _) = kept(&outcome);
    let kept_value = read(&kept_key).unwrap();
    let main_value = read(key).unwrap();
    clean(key);
    assert_eq!(why, SetAside::Newer { schema: 3 });
    assert_eq!(kept_value.as_deref(), Some(raw));
    assert_eq!(main_value.as_deref(), Some(raw));
    assert_eq!(outcome.inventory, None);
    assert!(
        outcome.read_only,
        "a newer version's key is never written by this tab"
    );
}

/// Writes chunks under `prefix`-N, each size tried until it no longer fits,
/// and returns the keys written and the first error met.
fn fill(prefix: &str) -> (Vec<String>, Option<StorageError>) {
    let mut keys = Vec::new();
    let mut first_error = None;
    for size in [1 << 20, 1 << 16, 1 << 10, 1 << 4] {
        let chunk = "x".repeat(size);
        for _ in 0..200 {
            let key = format!("{prefix}-{}", keys.len());
            match write(&key, &chunk) {
                Ok(()) => keys.push(key),
                Err(error) => {
                    first_error.get_or_insert(error);
                    break;
                }
            }
        }
    }
    (keys, first_error)
}

#[wasm_bindgen_test]
fn a_full_storage_is_quota_exceeded() {
    let key = "certdesk.test.full";
    clean(key);
    // A blob too big to be copied aside once storage is full.
    let corrupt = format!("not json {}", "y".repeat(100_000));
    write(key, &corrupt).unwrap();
    let (filled, first_error) = fill("certdesk.test.fill");
    let saved = save("certdesk.test.full-save", &inventory());
    let outcome = load(key, &prices());
    let main_after = read(key);
    for k in &filled {
        let _ = remove(k);
    }
    let _ = remove("certdesk.test.full-save");
    clean(key);

    assert!(!filled.is_empty());
    assert_eq!(first_error, Some(StorageError::QuotaExceeded));
    assert_eq!(saved, Err(StorageError::QuotaExceeded));
    assert!(
        StorageError::QuotaExceeded.to_string().starts_with(
            "Browser storage is full: your changes are kept in this tab but not saved."
        )
    );
    // The bad blob could not be copied: it stays, and nothing may overwrite it.
    assert!(outcome.read_only);
    assert_eq!(outcome.inventory, None);
    match &outcome.notice {
        Some(LoadNotice::NotKeptAside { error, raw, .. }) => {
            assert_eq!(*error, StorageError::QuotaExceeded);
            assert_eq!(*raw, corrupt);
        }
        other => panic!("expected NotKeptAside, got {other:?}"),
    }
    assert_eq!(main_after, Ok(Some(corrupt)));
}

/// localStorage as seen from a same-origin frame: a change made there is
/// "another tab" for this page.
fn other_document_storage() -> (web_sys::Element, web_sys::Storage) {
    let frame = common::document().create_element("iframe").unwrap();
    common::document()
        .body()
        .unwrap()
        .append_child(&frame)
        .unwrap();
    let window = js_sys::Reflect::get(&frame, &JsValue::from_str("contentWindow")).unwrap();
    let storage = js_sys::Reflect::get(&window, &JsValue::from_str("localStorage")).unwrap();
    (frame, storage.unchecked_into())
}

#[wasm_bindgen_test]
async fn another_documents_change_is_heard() {
    let key = "certdesk.test.listen";
    clean(key);
    let heard: Rc<RefCell<Vec<Option<String>>>> = Rc::default();
    let sink = heard.clone();
    let listener = storage::listen(key, move |value| sink.borrow_mut().push(value));
    // This page's own writes never fire the event.
    write(key, "own").unwrap();
    let (frame, other) = other_document_storage();
    other
        .set_item("certdesk.test.listen-other", "ignored")
        .unwrap();
    other.set_item(key, "from the other tab").unwrap();
    other.remove_item(key).unwrap();
    common::wait_for("two storage events", || heard.borrow().len() >= 2).await;
    drop(listener);
    frame.remove();
    let _ = remove("certdesk.test.listen-other");
    clean(key);
    assert_eq!(
        *heard.borrow(),
        vec![Some("from the other tab".to_string()), None]
    );
}
