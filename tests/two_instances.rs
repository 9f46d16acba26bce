//! Two Certdesk instances on one page (prefixes "" and "cd2-", their own
//! storage): with the renewal panel open in both, no element id occurs twice
//! and every label and ARIA reference resolves inside its own instance.
#![cfg(target_arch = "wasm32")]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

/// The attributes whose value names other elements by id.
const REFERENCES: [&str; 4] = [
    "for",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
];

fn all_in(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
        .collect()
}

fn ids_in(root: &Element) -> BTreeSet<String> {
    all_in(root, "[id]").iter().map(Element::id).collect()
}

/// `attribute=value` of every reference in `root` naming no element of `root`.
fn dangling(root: &Element) -> Vec<String> {
    let ids = ids_in(root);
    let mut missing = Vec::new();
    for name in REFERENCES {
        for el in all_in(root, &format!("[{name}]")) {
            for id in attr(&el, name).split_whitespace() {
                if !ids.contains(id) {
                    missing.push(format!("{name}={id}"));
                }
            }
        }
    }
    missing
}

async fn mount(
    root: &str,
    key: &'static str,
    prefix: &'static str,
) -> yew::AppHandle<certdesk::App> {
    forget(key).await;
    let options = certdesk::MountOptions {
        storage_key: AttrValue::Static(key),
        id_prefix: AttrValue::Static(prefix),
        ..Default::default()
    };
    let app = certdesk::mount(fresh_root(root), options);
    wait_for("the certificate table", || {
        query(&format!("#{root} #{prefix}panel-official .cert-table")).is_some()
    })
    .await;
    app
}

#[wasm_bindgen_test]
async fn two_instances_share_no_id_and_keep_their_references_inside() {
    set_hash("#/official");
    let first = mount("instance-1", "certdesk.test.two.first", "").await;
    let second = mount("instance-2", "certdesk.test.two.second", "cd2-").await;
    for (root, prefix) in [("instance-1", ""), ("instance-2", "cd2-")] {
        let renew = format!("#{root} tr[data-id='cas-7f3a21'] button.action-renewal-purchase");
        click(&query(&renew).expect("a Pending Expiration certificate can be renewed"));
        let panel = format!("#{root} #{prefix}order-panel #{prefix}period-1");
        wait_for("the renewal panel", || query(&panel).is_some()).await;
    }
    // Each instance's renewal form is its own: its radio group names are prefixed too.
    assert_eq!(query_all("input[type=radio][name=period]").len(), 3);
    assert_eq!(query_all("input[type=radio][name=cd2-period]").len(), 3);

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for el in query_all("[id]") {
        *seen.entry(el.id()).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "ids used more than once: {twice:?}");

    let roots = [query("#instance-1").unwrap(), query("#instance-2").unwrap()];
    for root in &roots {
        let missing = dangling(root);
        assert!(
            missing.is_empty(),
            "#{}: references to no element of the instance: {missing:?}",
            root.id()
        );
    }
    // The second instance's ids are the first's behind its prefix.
    let (one, two) = (ids_in(&roots[0]), ids_in(&roots[1]));
    assert!(
        one.len() > 50,
        "the renewal panel and the console have ids: {one:?}"
    );
    let unprefixed: BTreeSet<String> = two
        .iter()
        .map(|id| {
            id.strip_prefix("cd2-")
                .expect("every id of the second is prefixed")
                .to_string()
        })
        .collect();
    assert_eq!(unprefixed, one);
    first.destroy();
    second.destroy();
}

/// Escape closes one dialog: the one the key was pressed in, else the latest
/// opened on the page. The other instance's panel stays open with its choices.
#[wasm_bindgen_test]
async fn escape_closes_the_dialog_it_was_pressed_in_not_the_other_instances() {
    set_hash("#/official");
    let first = mount("instance-1", "certdesk.test.esc.first", "").await;
    let second = mount("instance-2", "certdesk.test.esc.second", "cd2-").await;
    let panel = |root: &str, prefix: &str| format!("#{root} #{prefix}order-panel");
    for (root, prefix) in [("instance-1", ""), ("instance-2", "cd2-")] {
        let renew = format!("#{root} tr[data-id='cas-7f3a21'] button.action-renewal-purchase");
        click(&query(&renew).expect("a Pending Expiration certificate can be renewed"));
        let period = format!("{} #{prefix}period-1", panel(root, prefix));
        wait_for("the renewal panel", || query(&period).is_some()).await;
    }
    // Pressed inside the second instance's panel: only it closes, though the
    // first instance's listener was added first (it used to take the key).
    let inside_second = query(&format!("{} #cd2-period-1", panel("instance-2", "cd2-"))).unwrap();
    key(&inside_second, "Escape");
    wait_for("the second panel closed", || {
        query(&panel("instance-2", "cd2-")).is_none()
    })
    .await;
    settle().await;
    assert!(
        query(&panel("instance-1", "")).is_some(),
        "the first instance's panel is still open"
    );
    // Pressed on the page body: the one dialog still open closes.
    key(&document().body().unwrap(), "Escape");
    wait_for("the first panel closed", || {
        query(&panel("instance-1", "")).is_none()
    })
    .await;
    first.destroy();
    second.destroy();
}
