//! Browser tests of the app shell: the ARIA tabs pattern, keyboard, and the URL hash.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn selected_tab() -> String {
    query("[role=tab][aria-selected=true]")
        .map(|el| el.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn tabs_follow_the_aria_pattern_and_keep_the_hash() {
    set_hash("#/official");
    let app = certdesk::mount(fresh_root("shell"), certdesk::MountOptions::default());
    wait_for("the tab list", || query("[role=tablist]").is_some()).await;

    assert_eq!(text("h1"), "SSL Certificate Management");
    let tablist = query("[role=tablist]").unwrap();
    assert_eq!(attr(&tablist, "aria-label"), "Certificate type");
    let tabs = query_all("[role=tab]");
    let labels: Vec<_> = tabs.iter().map(|t| t.text_content().unwrap()).collect();
    assert_eq!(labels, ["Official Certificate", "Uploaded"]);

    // One tab stop: the selected tab; each tab controls a labelled panel.
    assert_eq!(selected_tab(), "tab-official");
    assert_eq!(attr(&tabs[0], "tabindex"), "0");
    assert_eq!(attr(&tabs[1], "tabindex"), "-1");
    for tab in &tabs {
        let panel = query(&format!("#{}", attr(tab, "aria-controls"))).expect("controlled panel");
        assert_eq!(attr(&panel, "role"), "tabpanel");
        assert_eq!(attr(&panel, "aria-labelledby"), tab.id());
    }
    assert!(!query("#panel-official").unwrap().has_attribute("hidden"));
    assert!(query("#panel-uploaded").unwrap().has_attribute("hidden"));

    // ArrowRight selects and focuses the next tab and writes the hash.
    key(&tabs[0], "ArrowRight");
    wait_for("Uploaded selected", || selected_tab() == "tab-uploaded").await;
    assert_eq!(hash(), "#/uploaded");
    assert_eq!(active_id(), "tab-uploaded");
    assert!(query("#panel-official").unwrap().has_attribute("hidden"));
    assert!(!query("#panel-uploaded").unwrap().has_attribute("hidden"));

    // Wraps around, and Home/End jump to the ends.
    key(&query("#tab-uploaded").unwrap(), "ArrowRight");
    wait_for("wrap to Official", || selected_tab() == "tab-official").await;
    key(&query("#tab-official").unwrap(), "End");
    wait_for("End selects the last tab", || {
        selected_tab() == "tab-uploaded"
    })
    .await;
    key(&query("#tab-uploaded").unwrap(), "Home");
    wait_for("Home selects the first tab", || {
        selected_tab() == "tab-official"
    })
    .await;
    assert_eq!(active_id(), "tab-official");

    // Other keys do nothing; a click selects.
    key(&query("#tab-official").unwrap(), "a");
    settle().await;
    assert_eq!(selected_tab(), "tab-official");
    click(&query("#tab-uploaded").unwrap());
    wait_for("click selects", || selected_tab() == "tab-uploaded").await;

    // The back button returns to the previous tab.
    gloo::utils::window().history().unwrap().back().unwrap();
    wait_for("back returns to Official", || {
        selected_tab() == "tab-official"
    })
    .await;
    assert_eq!(hash(), "#/official");

    app.destroy();
}

#[wasm_bindgen_test]
async fn an_unknown_hash_falls_back_to_the_official_tab() {
    set_hash("#/no-such-page");
    let app = certdesk::mount(
        fresh_root("shell-unknown"),
        certdesk::MountOptions::default(),
    );
    wait_for("the tab list", || query("[role=tablist]").is_some()).await;
    assert_eq!(selected_tab(), "tab-official");
    assert_eq!(hash(), "#/official");
    app.destroy();
}
