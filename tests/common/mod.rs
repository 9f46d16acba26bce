//! Helpers shared by the browser tests: mount into the runner's page, query
//! the DOM, send keys, and wait for the app (never with long fixed sleeps).
#![allow(dead_code)]

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

pub fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// A fresh, empty element in the page to mount one app instance into.
pub fn fresh_root(id: &str) -> Element {
    let document = document();
    if let Some(old) = document.get_element_by_id(id) {
        old.remove();
    }
    let root = document.create_element("div").unwrap();
    root.set_id(id);
    let host = document
        .get_element_by_id("output")
        .map(|el| el.parent_element().unwrap_or(el))
        .or_else(|| document.body().map(Into::into))
        .unwrap();
    host.append_child(&root).unwrap();
    root
}

/// The test page's localStorage (where Certdesk kept the inventory before IndexedDB).
pub fn storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

/// What the browser's storage (IndexedDB) holds under `key` ("" when nothing).
pub async fn stored(key: &str) -> String {
    certdesk::platform::storage::read(key)
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Every value in the browser's storage (IndexedDB and localStorage), concatenated.
pub async fn stored_everywhere() -> String {
    let mut all = String::new();
    for key in certdesk::platform::storage::keys().await.unwrap() {
        all.push_str(&stored(&key).await);
    }
    let local = storage();
    for i in 0..local.length().unwrap() {
        let key = local.key(i).unwrap().unwrap_or_default();
        all.push_str(&local.get_item(&key).unwrap().unwrap_or_default());
    }
    all
}

/// Polls what is stored under `key` (rendering between polls) for up to 3 seconds.
pub async fn wait_for_stored(what: &str, key: &str, condition: impl Fn(&str) -> bool) {
    for _ in 0..300 {
        settle().await;
        if condition(&stored(key).await) {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for the stored inventory: {what}");
}

/// Removes `key`, every copy of it kept aside, and its localStorage value.
pub async fn forget(key: &str) {
    use certdesk::platform::storage;
    for kept in storage::kept_keys(key).await.unwrap_or_default() {
        let _ = storage::remove(&kept).await;
    }
    let _ = storage::remove(key).await;
    let _ = storage().remove_item(key);
}

/// Mounts a fresh app (nothing stored under `key`, the Official tab) into a
/// new element `root`, and waits until its demo inventory is saved.
pub async fn mount_fresh(key: &'static str, root: &str) -> yew::AppHandle<certdesk::App> {
    forget(key).await;
    set_hash("#/official");
    let options = certdesk::MountOptions {
        storage_key: yew::AttrValue::Static(key),
        ..Default::default()
    };
    let app = certdesk::mount(fresh_root(root), options);
    wait_for_stored("the demo saved", key, |s| !s.is_empty()).await;
    app
}

pub fn query(selector: &str) -> Option<Element> {
    document().query_selector(selector).unwrap()
}

pub fn query_all(selector: &str) -> Vec<Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

pub fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

pub fn text(selector: &str) -> String {
    query(selector)
        .and_then(|el| el.text_content())
        .unwrap_or_default()
}

pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap()
}

pub fn set_hash(hash: &str) {
    let history = gloo::utils::window().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        .unwrap();
}

pub fn active_id() -> String {
    document()
        .active_element()
        .map(|el| el.id())
        .unwrap_or_default()
}

pub fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

/// Sends a keydown that bubbles, as a keyboard would.
pub fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

/// Lets pending renders run.
pub async fn settle() {
    yew::scheduler::flush().await;
    yew::platform::time::sleep(Duration::ZERO).await;
    yew::scheduler::flush().await;
}

/// Polls `condition` (rendering between polls) for up to 3 seconds; panics with `what` on timeout.
pub async fn wait_for(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        settle().await;
        if condition() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Sets an input's (or text area's) value and sends a bubbling `input` event, as typing does.
pub fn type_text(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        panic!(
            "type_text: <{}> is not an input or a text area",
            el.tag_name()
        );
    }
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

/// Sends a bubbling `change` event (selects, date inputs, file inputs).
pub fn change(el: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}
