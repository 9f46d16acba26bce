//! Native tests of the state of an instance on a server: the first load,
//! the connection, the server's date and a change feed applied whole.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use super::demo::demo_inventory;
use super::{Action, AppState, Connection};
use crate::backend::{CertificateBackend, Changes, SandboxBackend};
use crate::rules::testing::ready;
use crate::rules::{LifecycleState, OrderRequest};

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn loaded() -> Rc<AppState> {
    let s = Rc::new(AppState::remote("/v1", date("2026-11-23"), None));
    s.reduce(Action::Loaded {
        inventory: demo_inventory(date("2026-11-23")),
        server_today: date("2026-11-23"),
    })
}

#[test]
fn a_remote_instance_starts_empty_loading_and_never_saves() {
    let s = AppState::remote("/v1", date("2026-11-23"), None);
    let remote = s.remote.as_ref().unwrap();
    assert_eq!(remote.connection, Connection::Loading);
    assert!(!remote.loaded());
    assert!(s.inventory.certificates.is_empty());
    assert!(!s.needs_save(), "the server holds the inventory");
}

#[test]
fn the_load_brings_the_inventory_online_and_nothing_is_saved() {
    let s = loaded();
    let remote = s.remote.as_ref().unwrap();
    assert_eq!(remote.connection, Connection::Online);
    assert_eq!(remote.server_today, Some(date("2026-11-23")));
    assert!(!s.inventory.certificates.is_empty());
    assert!(!s.needs_save());
}

#[test]
fn offline_keeps_what_was_shown_and_the_same_state_is_not_a_change() {
    let s = loaded();
    let shown = s.inventory.clone();
    let off = s.reduce(Action::Connection(Connection::Offline("down".into())));
    assert_eq!(off.inventory, shown);
    assert!(off.remote.as_ref().unwrap().loaded());
    let again = off
        .clone()
        .reduce(Action::Connection(Connection::Offline("down".into())));
    assert!(Rc::ptr_eq(&off, &again), "no re-render for the same state");
}

#[test]
fn the_server_date_follows_the_feed_only_after_the_load() {
    let s = Rc::new(AppState::remote("/v1", date("2026-11-23"), None));
    let same = s.clone().reduce(Action::ServerToday(date("2026-11-28")));
    assert!(Rc::ptr_eq(&s, &same), "no date before the load");
    let moved = loaded().reduce(Action::ServerToday(date("2026-11-28")));
    assert_eq!(
        moved.remote.as_ref().unwrap().server_today,
        Some(date("2026-11-28"))
    );
}

#[test]
fn a_change_feed_deletes_updates_and_replaces_quotas_orders_and_policies() {
    let s = loaded();
    let gone = s.inventory.certificates[0].id.clone();
    let mut changed = s.inventory.certificates[1].clone();
    changed.state = LifecycleState::Cancelled;
    let mut quotas = s.inventory.quotas.clone();
    quotas.managed_service += 5;
    let next = s.reduce(Action::Advanced(Changes {
        certificates: vec![changed.clone()],
        deleted: vec![gone.clone()],
        quotas: Some(quotas.clone()),
        ..Changes::default()
    }));
    assert!(next.inventory.find(&gone).is_none());
    assert_eq!(next.inventory.find(&changed.id), Some(&changed));
    assert_eq!(next.inventory.quotas, quotas);
}

#[test]
fn an_order_placed_on_a_server_does_not_speak_of_the_sandbox() {
    let s = loaded();
    let original = s.inventory.find("cas-7f3a21").unwrap().clone();
    let request = OrderRequest::renewal_of(&original);
    let placed =
        ready(SandboxBackend.place_order(&s.inventory, &request, None, s.today())).unwrap();
    let local = Rc::new(AppState::new(
        s.inventory.as_ref().clone(),
        s.today(),
        None,
        false,
    ));
    let text = |s: Rc<AppState>| {
        let s = s.reduce(Action::OrderPlaced(Box::new(placed.clone())));
        s.notices.last().unwrap().text.clone()
    };
    assert!(!text(s).contains("sandbox"));
    assert!(text(local).contains("sandbox payment"));
}
