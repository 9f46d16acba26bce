//! Native tests of an in-browser instance's start: empty and saving nothing
//! while storage is read, then the stored inventory (not saved back) or a new
//! one (saved at once), and a store this tab must not write.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use super::demo::demo_inventory;
use super::{Action, AppState, Notice, NoticeKind, StoredLoaded};

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn loading() -> Rc<AppState> {
    Rc::new(AppState::loading(date("2026-11-23"), None))
}

fn loaded(save: bool, persist: bool) -> Rc<AppState> {
    loading().reduce(Action::StoredLoaded(Box::new(StoredLoaded {
        inventory: demo_inventory(date("2026-11-23")),
        save,
        persist,
        notices: vec![Notice::new(NoticeKind::Info, "read")],
    })))
}

#[test]
fn while_storage_is_read_nothing_is_shown_or_saved() {
    let s = loading();
    assert!(s.loading);
    assert!(s.remote.is_none());
    assert!(s.inventory.certificates.is_empty());
    assert!(
        !s.needs_save(),
        "an empty inventory must never replace the stored one"
    );
    // A change made meanwhile is not saved either.
    let s = s.reduce(Action::ResetDemo);
    assert!(!s.needs_save());
}

#[test]
fn a_stored_inventory_is_shown_and_not_saved_back() {
    let s = loaded(false, true);
    assert!(!s.loading);
    assert_eq!(*s.inventory, demo_inventory(date("2026-11-23")));
    assert!(!s.needs_save());
    assert_eq!(s.notices.last().unwrap().text, "read");
    // The next change is saved.
    let s = s.reduce(Action::ResetDemo);
    assert!(s.needs_save());
}

#[test]
fn a_new_demo_or_generated_inventory_is_saved_at_once() {
    assert!(loaded(true, true).needs_save());
}

#[test]
fn a_store_this_tab_must_not_write_stays_unwritten() {
    let s = loaded(true, false);
    assert!(!s.needs_save());
    assert!(!s.clone().reduce(Action::ResetDemo).needs_save());
    assert!(!s.reduce(Action::RetrySave).needs_save());
}

#[test]
fn the_server_path_never_loads_from_storage() {
    let s = AppState::remote("/v1", date("2026-11-23"), None);
    assert!(
        !s.loading,
        "a remote instance waits for the server, not for storage"
    );
}
