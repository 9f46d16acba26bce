//! Keeps the state in localStorage: loads it on start (telling the user what
//! happened to a blob that could not be used), saves each change, and takes
//! changes made in other tabs.

use yew::prelude::*;

use crate::platform::storage::{self, LoadNotice};
use crate::store::demo::default_prices;
use crate::store::notice::{Attachment, NoticeAction};
use crate::store::persist::{self, Loaded};
use crate::store::{Action, AppState, Inventory, Notice, NoticeKind};

/// The stored inventory (`None` when there is none to use) and whether this tab may save.
pub fn load_inventory(key: &str, notices: &mut Vec<Notice>) -> (Option<Inventory>, bool) {
    let outcome = storage::load(key, &default_prices());
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
            notice = notice.with_action(NoticeAction::Download(Attachment {
                label: "Download the kept inventory".into(),
                filename: "certdesk-kept-inventory.json".into(),
                contents: raw.to_string(),
            }));
        }
        notices.push(notice);
    }
    (outcome.inventory, persist)
}

/// Saves every change made here; shows other tabs' changes.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, key: &AttrValue) {
    {
        let (state, key) = (state.clone(), key.clone());
        use_effect_with(state.rev, move |_| {
            if state.needs_save()
                && let Err(error) = storage::save(&key, &state.inventory)
            {
                state.dispatch(Action::Notify(
                    Notice::new(NoticeKind::Error, error.to_string())
                        .with_action(NoticeAction::RetrySave),
                ));
            }
        });
    }
    {
        let (state, key) = (state.clone(), key.clone());
        let remote = state.remote.is_some();
        use_effect_with((), move |_| {
            // An instance on a server hears of other users' changes from the server, not from storage.
            let listener = (!remote).then(|| storage::listen(&key, move |raw| {
                let warn = |text: String| {
                    state.dispatch(Action::Notify(Notice::new(NoticeKind::Warning, text)))
                };
                match raw.map(|raw| persist::decode(&raw, &default_prices())) {
                    Some(Loaded::Ok { inventory, .. }) => state.dispatch(Action::FromOtherTab(inventory)),
                    // Never overwrite what this version cannot read: stop saving here.
                    Some(Loaded::Newer { schema }) => state.dispatch(Action::StopSaving(Notice::new(
                        NoticeKind::Warning,
                        format!(
                            "Another tab saved the inventory with a newer version of Certdesk (schema {schema}). \
                             This tab no longer saves, so it cannot overwrite it: export what you changed here \
                             (Export JSON), then reload to use the newer version."
                        ),
                    ))),
                    Some(Loaded::Unreadable { reason }) => state.dispatch(Action::StopSaving(Notice::new(
                        NoticeKind::Warning,
                        format!(
                            "Another tab saved an inventory this tab cannot read ({reason}). This tab no longer \
                             saves, so nothing is overwritten: export what you changed here (Export JSON) and reload."
                        ),
                    ))),
                    None => warn(
                        "The saved inventory was removed in another tab. This tab keeps its copy and saves it on the next change."
                            .into(),
                    ),
                }
            }));
            move || drop(listener)
        });
    }
}
