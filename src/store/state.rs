//! `AppState`: the inventory, the date the console is viewed at, and the
//! notices shown to the user. A yew `Reducible` with no DOM code, so every
//! action is tested natively.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use super::demo::demo_inventory;
use super::inventory::Inventory;
use super::notice::{Notice, NoticeKind};
use crate::rules::{
    CertAction, Certificate, LifecycleState, VerificationRecord, available_actions, cancel_return,
    quotas_with_return,
};

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
}

pub enum Action {
    /// Views the console on another day (`None`: today).
    SetAsOf(Option<NaiveDate>),
    /// Cancels a certificate (Not Activated ones give their quota back).
    Cancel(String),
    /// Deletes a certificate the rules allow deleting.
    Delete(String),
    /// Restores the built-in demo inventory, dated from the As of date.
    ResetDemo,
    /// Replaces the inventory (an import merged by `store::import`), with a notice.
    Replace(Inventory, Notice),
    /// Adds certificates (uploads); one whose ID is already listed is skipped.
    AddCertificates(Vec<Certificate>),
    /// Stores the certificate file (PEM chain) of a certificate.
    AttachFile {
        id: String,
        pem: String,
    },
    /// Keeps the result of the verification walkthrough on the certificate.
    RecordVerification {
        id: String,
        record: VerificationRecord,
    },
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
        }
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

    fn set_inventory(&mut self, inventory: Inventory) {
        self.inventory = Rc::new(inventory);
        self.rev += 1;
    }

    /// Why `action` is not allowed on `id` today, if it is not.
    fn refusal(&self, id: &str, action: CertAction) -> Option<String> {
        let Some(cert) = self.inventory.find(id) else {
            return Some(format!("Certificate {id} is no longer in the inventory"));
        };
        match available_actions(cert, self.today())
            .into_iter()
            .find(|a| a.action == action)
        {
            Some(state) => state.allowed.err(),
            None => Some(format!(
                "{} is not available for {}",
                action.label(),
                cert.name
            )),
        }
    }

    fn cancel(&mut self, id: &str) {
        if let Some(reason) = self.refusal(id, CertAction::Cancel) {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Not cancelled: {reason}"),
            ));
        }
        let mut inventory = (*self.inventory).clone();
        let Some(cert) = inventory.certificates.iter_mut().find(|c| c.id == id) else {
            return;
        };
        let returned = cancel_return(cert);
        cert.state = LifecycleState::Cancelled;
        let name = cert.name.clone();
        inventory.quotas = quotas_with_return(&inventory.quotas, &returned);
        let text = if returned.units > 0 || returned.managed_service > 0 {
            format!(
                "Cancelled {name} ({id}). Returned to your quota: {} certificate unit of {} and {} Managed Service use.",
                returned.units,
                returned.spec.label(),
                returned.managed_service
            )
        } else {
            format!(
                "Cancelled {name} ({id}). Only Not Activated certificates return quota; for a refund, contact your account manager."
            )
        };
        self.set_inventory(inventory);
        self.notify(Notice::new(NoticeKind::Success, text));
    }

    fn add(&mut self, certs: Vec<Certificate>) {
        let mut inventory = (*self.inventory).clone();
        let (mut added, mut skipped) = (Vec::new(), 0);
        for cert in certs {
            if inventory.find(&cert.id).is_some() {
                skipped += 1;
            } else {
                added.push(cert.name.clone());
                inventory.certificates.push(cert);
            }
        }
        let text = match (added.len(), skipped) {
            (0, _) => {
                "Nothing was added: every certificate is already in the inventory.".to_string()
            }
            (1, 0) => format!("Added {}.", added[0]),
            (n, 0) => format!("Added {n} certificates."),
            (n, s) => format!("Added {n} certificates; {s} already in the inventory were skipped."),
        };
        if !added.is_empty() {
            self.set_inventory(inventory);
        }
        self.notify(Notice::new(NoticeKind::Success, text));
    }

    /// Changes one certificate; an unknown ID changes nothing.
    fn update(&mut self, id: &str, change: impl FnOnce(&mut Certificate)) {
        let Some(index) = self.inventory.position(id) else {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Certificate {id} is no longer in the inventory"),
            ));
        };
        let mut inventory = (*self.inventory).clone();
        change(&mut inventory.certificates[index]);
        self.set_inventory(inventory);
    }

    fn delete(&mut self, id: &str) {
        if let Some(reason) = self.refusal(id, CertAction::Delete) {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Not deleted: {reason}"),
            ));
        }
        if let Some(reason) = super::actions::delete_blocker(&self.inventory, id) {
            return self.notify(Notice::new(
                NoticeKind::Error,
                format!("Not deleted: {reason}"),
            ));
        }
        let mut inventory = (*self.inventory).clone();
        let name = inventory
            .find(id)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        inventory.certificates.retain(|c| c.id != id);
        self.set_inventory(inventory);
        self.notify(Notice::new(
            NoticeKind::Success,
            format!("Deleted {name} ({id})."),
        ));
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetAsOf(date) => next.as_of = date.filter(|d| *d != next.real_today),
            Action::Cancel(id) => next.cancel(&id),
            Action::Delete(id) => next.delete(&id),
            Action::ResetDemo => {
                next.set_inventory(demo_inventory(next.today()));
                next.notify(Notice::new(
                    NoticeKind::Success,
                    format!("Demo data restored, dated from {}.", next.today()),
                ));
            }
            Action::AddCertificates(certs) => next.add(certs),
            Action::AttachFile { id, pem } => next.update(&id, |c| c.pem = Some(pem)),
            Action::RecordVerification { id, record } => {
                next.update(&id, |c| c.verified = Some(record))
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
