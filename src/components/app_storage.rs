//! Keeps the state in the browser's storage (IndexedDB): reads it on start
//! (telling the user what happened to a blob that could not be used), saves
//! each change, and takes changes made in other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::platform::storage::{self, LoadNotice};
use crate::store::demo::{default_prices, demo_inventory, generated_inventory};
use crate::store::notice::{Attachment, NoticeAction};
use crate::store::persist::{self, Loaded};
use crate::store::{Action, AppState, Inventory, Notice, NoticeKind, StoredLoaded};

/// What an in-browser instance starts from when storage has nothing to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The built-in demo (else an empty inventory).
    pub demo: bool,
    /// `?generate=N`: that many generated certificates, whatever is stored
    /// (`Err`: the parameter was not a number).
    pub generate: Option<Result<usize, ()>>,
}

fn download(label: &str, raw: &str) -> NoticeAction {
    NoticeAction::Download(Attachment {
        label: label.into(),
        filename: "certdesk-kept-inventory.json".into(),
        contents: raw.to_string(),
    })
}

/// Reads `key` and decides what the tab shows and whether it may save.
pub async fn load_inventory(key: &str, start: Start, day: NaiveDate) -> StoredLoaded {
    let mut notices = Vec::new();
    let outcome = storage::load(key, &default_prices()).await;
    let mut persist = !outcome.read_only;
    if let Some(found) = &outcome.notice {
        let kind = match found {
            LoadNotice::Migrated { .. } => NoticeKind::Info,
            LoadNotice::Unavailable(_) => {
                persist = false;
                NoticeKind::Warning
            }
            _ => NoticeKind::Warning,
        };
        let mut notice = Notice::new(kind, found.message());
        if let Some(raw) = found.raw() {
            notice = notice.with_action(download("Download the kept inventory", raw));
        }
        notices.push(notice);
    }
    match start.generate {
        Some(Ok(n)) => {
            let generated = generated_inventory(day, n);
            let mut text = format!(
                "Showing {n} generated certificates (?generate={n}), saved in this browser in place of the stored inventory."
            );
            // What was stored is not lost: it is kept aside first.
            if let Some(stored) = outcome.inventory.filter(|s| *s != generated)
                && persist
            {
                let kept = match persist::codec().await {
                    Ok(codec) => {
                        let raw = (codec.encode)(&stored);
                        storage::keep_aside(key, &raw)
                            .await
                            .map(|kept_key| (kept_key, raw))
                    }
                    Err(e) => Err(storage::StorageError::Other {
                        detail: e.to_string(),
                    }),
                };
                match kept {
                    Ok((kept_key, raw)) => {
                        text.push_str(&format!(
                            " The inventory stored before was kept aside under \"{kept_key}\": download it to keep a copy."
                        ));
                        notices.push(
                            Notice::new(NoticeKind::Info, text)
                                .with_action(download("Download the previous inventory", &raw)),
                        );
                    }
                    Err(error) => {
                        persist = false;
                        notices.push(Notice::new(
                            NoticeKind::Warning,
                            format!(
                                "Showing {n} generated certificates (?generate={n}). They are not saved: the inventory \
                                 stored before could not be kept aside ({}), so it stays as it is.",
                                error.short()
                            ),
                        ));
                    }
                }
            } else {
                if !persist {
                    text = format!(
                        "Showing {n} generated certificates (?generate={n}). They are not saved (see the other message)."
                    );
                }
                notices.push(Notice::new(NoticeKind::Info, text));
            }
            return StoredLoaded {
                inventory: generated,
                save: true,
                persist,
                notices,
            };
        }
        Some(Err(())) => notices.push(Notice::new(
            NoticeKind::Warning,
            "?generate= needs a number of certificates, e.g. ?generate=10000; it was ignored.",
        )),
        None => {}
    }
    match outcome.inventory {
        Some(inventory) => StoredLoaded {
            inventory,
            save: false,
            persist,
            notices,
        },
        // A new demo is saved at once, so a reload (even on another As of date) shows the same one.
        None => StoredLoaded {
            inventory: if start.demo {
                demo_inventory(day)
            } else {
                Inventory {
                    prices: default_prices(),
                    ..Default::default()
                }
            },
            save: true,
            persist,
            notices,
        },
    }
}

/// Saves one inventory at a time, the latest: changes made during a slow
/// write (a 10,000-certificate inventory) are saved together after it.
#[derive(Default)]
struct Saver {
    busy: bool,
    pending: Option<Rc<Inventory>>,
}

async fn save_latest(saver: Rc<RefCell<Saver>>, key: AttrValue, state: UseReducerHandle<AppState>) {
    loop {
        let Some(inventory) = saver.borrow_mut().pending.take() else {
            saver.borrow_mut().busy = false;
            return;
        };
        if let Err(error) = storage::save(&key, &inventory).await {
            state.dispatch(Action::Notify(
                Notice::new(NoticeKind::Error, error.to_string())
                    .with_action(NoticeAction::RetrySave),
            ));
        }
    }
}

/// Reads storage on start (`start`: `None` for an instance on a server, which
/// stores nothing), saves every change made here, shows other tabs' changes.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, key: &AttrValue, start: Option<Start>) {
    {
        let (state, key) = (state.clone(), key.clone());
        use_effect_with((), move |_| {
            if let Some(start) = start.filter(|_| state.loading) {
                let day = state.today();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = load_inventory(&key, start, day).await;
                    state.dispatch(Action::StoredLoaded(Box::new(loaded)));
                });
            }
        });
    }
    {
        let (state, key) = (state.clone(), key.clone());
        let saver = use_mut_ref(Saver::default);
        use_effect_with(state.rev, move |_| {
            if state.needs_save() {
                let mut queue = saver.borrow_mut();
                queue.pending = Some(state.inventory.clone());
                if !std::mem::replace(&mut queue.busy, true) {
                    drop(queue);
                    wasm_bindgen_futures::spawn_local(save_latest(
                        saver.clone(),
                        key,
                        state.clone(),
                    ));
                }
            }
        });
    }
    {
        let (state, key) = (state.clone(), key.clone());
        let remote = state.remote.is_some();
        use_effect_with((), move |_| {
            // An instance on a server hears of other users' changes from the server, not from storage.
            let listener = (!remote).then(|| {
                storage::listen(&key, move |raw| {
                    spawn_local(take_other_tab(state.clone(), raw))
                })
            });
            move || drop(listener)
        });
    }
}

/// What another tab saved under this tab's key (`None`: it removed it),
/// taken into this tab; what cannot be read here stops this tab's saving,
/// so it is never overwritten.
async fn take_other_tab(state: UseReducerHandle<AppState>, raw: Option<String>) {
    let stop_saving =
        |text: String| state.dispatch(Action::StopSaving(Notice::new(NoticeKind::Warning, text)));
    let codec = match persist::codec().await {
        Ok(codec) => codec,
        Err(e) => {
            return stop_saving(format!(
                "Another tab saved the inventory, and this tab could not read it: {e} This tab no \
                 longer saves, so nothing is overwritten: export what you changed here (Export JSON) and reload."
            ));
        }
    };
    match raw.map(|raw| (codec.decode)(&raw, &default_prices())) {
        Some(Loaded::Ok { inventory, .. }) => state.dispatch(Action::FromOtherTab(inventory)),
        Some(Loaded::Newer { schema }) => stop_saving(format!(
            "Another tab saved the inventory with a newer version of Certdesk (schema {schema}). \
             This tab no longer saves, so it cannot overwrite it: export what you changed here \
             (Export JSON), then reload to use the newer version."
        )),
        Some(Loaded::Unreadable { reason }) => stop_saving(format!(
            "Another tab saved an inventory this tab cannot read ({reason}). This tab no longer \
             saves, so nothing is overwritten: export what you changed here (Export JSON) and reload."
        )),
        None => state.dispatch(Action::Notify(Notice::new(
            NoticeKind::Warning,
            "The saved inventory was removed in another tab. This tab keeps its copy and saves it on the next change.",
        ))),
    }
}
