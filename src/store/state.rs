//! `AppState`: the inventory, the date the console is viewed at, and the
//! notices shown to the user. A yew `Reducible` with no DOM code, so every
//! action is tested natively.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use super::demo::demo_inventory;
use super::inventory::Inventory;
use super::inventory::SandboxSettings;
use super::notice::{Notice, NoticeKind};
use super::state_ops::submitted_text;
use crate::backend::{Cancelled, Changes, OrderPlaced};
use crate::rules::{Certificate, NotificationPolicy};

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub inventory: Rc<Inventory>,
    /// Bumped on every change of the inventory (what the save effect watches).
    pub rev: u64,
    /// The `rev` of an inventory that came from storage (another tab): not saved back.
    pub external_rev: u64,
    /// The "As of" date; `None` = the browser's today.
    pub as_of: Option<NaiveDate>,
    /// The browser's date (UTC) when the state was made.
    pub real_today: NaiveDate,
    /// False when nothing may be written (a generated inventory, or storage
    /// that holds a blob we could not keep aside).
    pub persist: bool,
    pub notices: Vec<Notice>,
    next_notice: u64,
    /// The wall clock at the last tick (ms): a DV review takes a minute.
    pub now_ms: i64,
    /// The server this instance works against, and how the connection is;
    /// `None` for the in-browser sandbox.
    pub remote: Option<Remote>,
    /// The saved inventory is being read (an in-browser instance, on start):
    /// nothing is shown as the inventory, and nothing is saved, until it arrives.
    pub loading: bool,
}

/// What reading the browser's storage on start came to (see `Action::StoredLoaded`).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredLoaded {
    /// The stored inventory, or the demo (or an empty one, or a generated one).
    pub inventory: Inventory,
    /// It is not what storage holds yet (a new demo, a generated inventory): save it.
    pub save: bool,
    /// This tab may write its key (false: a newer version's data, storage refused).
    pub persist: bool,
    pub notices: Vec<Notice>,
}

/// The server of an instance mounted with an HTTP backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remote {
    /// The api address, as shown to the user.
    pub api: String,
    /// The server's date at the last load: the day it acts on.
    pub server_today: Option<NaiveDate>,
    pub connection: Connection,
}

/// How the connection to the server is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Connection {
    /// The first load has not answered yet.
    Loading,
    Online,
    /// The server cannot be reached (or failed); retried on every tick.
    Offline(String),
    /// The server refused the sign-in (401/403): nothing loads until the host signs in again.
    Denied(String),
}

impl Remote {
    /// The inventory came from the server (an offline server keeps what was shown).
    pub fn loaded(&self) -> bool {
        self.server_today.is_some()
    }
}

/// What the reducer applies. Results of the backend (`crate::backend`) come
/// in whole; the reducer never asks the backend anything.
pub enum Action {
    /// The server's inventory arrived (first load, or a reload).
    Loaded {
        inventory: Inventory,
        server_today: NaiveDate,
    },
    /// The saved inventory was read (or the demo made) on start.
    StoredLoaded(Box<StoredLoaded>),
    /// The connection to the server changed.
    Connection(Connection),
    /// The server's date moved (its clock, not the As of date).
    ServerToday(NaiveDate),
    /// Views the console on another day (`None`: today).
    SetAsOf(Option<NaiveDate>),
    /// The wall clock moved (ms since the epoch): the date may roll over.
    Tick(i64),
    /// An order was placed: its certificates, the quotas after, the order.
    OrderPlaced(Box<OrderPlaced>),
    /// A request went to the CA: the certificate, now Validating Application.
    ApplicationSubmitted(Box<Certificate>),
    /// Time moved on: the certificates that changed and what happened.
    Advanced(Changes),
    /// A certificate was cancelled (with the quota it returned).
    Cancelled(Box<Cancelled>),
    /// A certificate was deleted.
    Deleted(String),
    /// A PCA certificate reissued in the PCA product and synced.
    PcaSynced(Box<Certificate>),
    /// Uploaded certificates the backend added, out of `offered`.
    Uploaded {
        added: Vec<Certificate>,
        offered: usize,
    },
    /// The verification walkthrough's verdict, kept on the certificate.
    Verified(Box<Certificate>),
    /// A notification policy was saved (replaces the one with its ID).
    PolicySaved(Box<NotificationPolicy>),
    PolicyDeleted(String),
    /// Restores the built-in demo inventory, dated from the As of date.
    ResetDemo,
    /// Replaces the inventory (an import merged by `store::import`), with a notice.
    Replace(Inventory, Notice),
    /// Stores the certificate file (PEM chain) of a certificate; with `for_validity`,
    /// only if the record still has that validity (it was not reissued meanwhile).
    AttachFile {
        id: String,
        pem: String,
        for_validity: Option<(NaiveDate, NaiveDate)>,
    },
    SetSandbox(SandboxSettings),
    /// Saving failed earlier: save the current inventory again.
    RetrySave,
    /// Another tab saved a new inventory.
    FromOtherTab(Inventory),
    /// Storage now holds something this tab must not overwrite: keep working in memory only.
    StopSaving(Notice),
    Notify(Notice),
    Dismiss(u64),
}

impl AppState {
    pub fn new(
        inventory: Inventory,
        real_today: NaiveDate,
        as_of: Option<NaiveDate>,
        persist: bool,
    ) -> Self {
        AppState {
            inventory: Rc::new(inventory),
            rev: 0,
            external_rev: 0,
            as_of: as_of.filter(|d| *d != real_today),
            real_today,
            persist,
            notices: Vec::new(),
            next_notice: 1,
            now_ms: 0,
            remote: None,
            loading: false,
        }
    }

    /// A state for an instance that loads its inventory from the server at `api`.
    pub fn remote(api: &str, real_today: NaiveDate, as_of: Option<NaiveDate>) -> Self {
        let mut state = AppState::new(Inventory::default(), real_today, as_of, false);
        state.remote = Some(Remote {
            api: api.to_string(),
            server_today: None,
            connection: Connection::Loading,
        });
        state
    }

    /// A state for an in-browser instance whose saved inventory is still
    /// being read: empty, saving nothing, until `Action::StoredLoaded`.
    pub fn loading(real_today: NaiveDate, as_of: Option<NaiveDate>) -> Self {
        let mut state = AppState::new(Inventory::default(), real_today, as_of, false);
        state.loading = true;
        state
    }

    /// The date statuses, days left and triggers are computed for.
    pub fn today(&self) -> NaiveDate {
        self.as_of.unwrap_or(self.real_today)
    }

    /// Makes the current inventory one to save (a demo made on first run).
    pub fn mark_unsaved(&mut self) {
        self.rev += 1;
    }

    /// The inventory changed here and must be saved.
    pub fn needs_save(&self) -> bool {
        self.persist && self.rev != self.external_rev
    }

    /// Adds a notice (the same text twice in a row shows once; at most 5 are kept).
    pub fn notify(&mut self, mut notice: Notice) {
        notice.id = self.next_notice;
        self.next_notice += 1;
        // The same message twice in a row is shown once.
        self.notices.retain(|n| n.text != notice.text);
        self.notices.push(notice);
        if self.notices.len() > 5 {
            self.notices.remove(0);
        }
    }

    pub(super) fn set_inventory(&mut self, inventory: Inventory) {
        self.inventory = Rc::new(inventory);
        self.rev += 1;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded {
                inventory,
                server_today,
            } => {
                next.set_inventory(inventory);
                if let Some(remote) = &mut next.remote {
                    remote.server_today = Some(server_today);
                    remote.connection = Connection::Online;
                }
            }
            Action::StoredLoaded(loaded) => {
                let StoredLoaded {
                    inventory,
                    save,
                    persist,
                    notices,
                } = *loaded;
                next.set_inventory(inventory);
                if !save {
                    next.external_rev = next.rev;
                }
                next.persist = persist;
                next.loading = false;
                notices.into_iter().for_each(|notice| next.notify(notice));
            }
            Action::Connection(connection) => match &mut next.remote {
                Some(remote) if remote.connection != connection => remote.connection = connection,
                _ => return self,
            },
            Action::ServerToday(day) => match &mut next.remote {
                Some(remote) if remote.server_today.is_some_and(|d| d != day) => {
                    remote.server_today = Some(day)
                }
                _ => return self,
            },
            Action::SetAsOf(date) => next.as_of = date.filter(|d| *d != next.real_today),
            Action::Tick(now_ms) => {
                if now_ms <= next.now_ms {
                    return self;
                }
                next.now_ms = now_ms;
                if let Some(day) =
                    chrono::DateTime::from_timestamp_millis(now_ms).map(|t| t.date_naive())
                {
                    next.real_today = day;
                    next.as_of = next.as_of.filter(|d| *d != day);
                }
            }
            Action::OrderPlaced(placed) => next.apply_order(*placed),
            Action::ApplicationSubmitted(cert) => {
                let id = cert.id.clone();
                next.put(vec![*cert]);
                next.notify(Notice::new(
                    NoticeKind::Success,
                    submitted_text(&next.inventory, &id, next.remote.is_some()),
                ));
            }
            Action::Advanced(changes) => {
                if changes.is_empty() {
                    return self;
                }
                next.apply_changes(changes);
            }
            Action::Cancelled(cancelled) => next.apply_cancel(*cancelled),
            Action::Deleted(id) => next.apply_delete(&id),
            Action::PcaSynced(cert) => {
                let id = cert.id.clone();
                next.put(vec![*cert]);
                next.notify(Notice::new(NoticeKind::Success, format!("Synced {id} from the PCA product (sandbox): deploy the reissued certificate.")));
            }
            Action::Uploaded { added, offered } => next.apply_uploads(added, offered),
            Action::Verified(cert) => next.put(vec![*cert]),
            Action::PolicySaved(policy) => {
                let mut inventory = (*next.inventory).clone();
                let name = policy.name.clone();
                match inventory.policies.iter_mut().find(|p| p.id == policy.id) {
                    Some(old) => *old = *policy,
                    None => inventory.policies.push(*policy),
                }
                next.set_inventory(inventory);
                next.notify(Notice::new(
                    NoticeKind::Success,
                    format!("Notification policy \"{name}\" saved."),
                ));
            }
            Action::PolicyDeleted(id) => {
                let mut inventory = (*next.inventory).clone();
                inventory.policies.retain(|p| p.id != id);
                next.set_inventory(inventory);
                next.notify(Notice::new(
                    NoticeKind::Success,
                    "Notification policy deleted.",
                ));
            }
            Action::SetSandbox(settings) => {
                let mut inventory = (*next.inventory).clone();
                inventory.sandbox = settings;
                next.set_inventory(inventory);
            }
            Action::RetrySave => {
                next.notices
                    .retain(|n| n.action != Some(super::notice::NoticeAction::RetrySave));
                next.mark_unsaved();
            }
            Action::ResetDemo => {
                next.set_inventory(demo_inventory(next.today()));
                next.notify(Notice::new(
                    NoticeKind::Success,
                    format!("Demo data restored, dated from {}.", next.today()),
                ));
            }
            Action::AttachFile {
                id,
                pem,
                for_validity,
            } => {
                let current = next
                    .inventory
                    .find(&id)
                    .and_then(|c| c.not_before.zip(c.not_after));
                if for_validity.is_none_or(|v| Some(v) == current) {
                    next.update(&id, |c| c.pem = Some(pem));
                }
            }
            Action::Replace(inventory, notice) => {
                next.set_inventory(inventory);
                next.notify(notice);
            }
            Action::FromOtherTab(inventory) => {
                if inventory == *next.inventory {
                    return self;
                }
                next.set_inventory(inventory);
                next.external_rev = next.rev;
                next.notify(Notice::new(
                    NoticeKind::Info,
                    "The inventory was changed in another tab; this page now shows that version.",
                ));
            }
            Action::StopSaving(notice) => {
                next.persist = false;
                next.notify(notice);
            }
            Action::Notify(notice) => next.notify(notice),
            Action::Dismiss(id) => next.notices.retain(|n| n.id != id),
        }
        Rc::new(next)
    }
}
