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
use super::sandbox::{CertificateBackend, Sandbox};
use crate::rules::{
    CertAction, Certificate, LifecycleState, OrderRequest, VerificationRecord, available_actions,
    cancel_return, quotas_with_return,
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
    /// The wall clock at the last tick (ms): a DV review takes a minute.
    pub now_ms: i64,
    /// The order placed last in this tab (the panel shows what happens next).
    pub last_order: Option<String>,
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
    /// Stores the certificate file (PEM chain) of a certificate; with `for_validity`,
    /// only if the record still has that validity (it was not reissued meanwhile).
    AttachFile {
        id: String,
        pem: String,
        for_validity: Option<(NaiveDate, NaiveDate)>,
    },
    /// Keeps the result of the verification walkthrough on the certificate.
    RecordVerification {
        id: String,
        record: VerificationRecord,
    },
    /// "Renewal immediately" / "Buy Now" with the CSR made or pasted in the panel.
    PlaceOrder {
        request: Box<OrderRequest>,
        csr_pem: Option<String>,
    },
    /// "Submit request": to the CA.
    SubmitApplication(String),
    /// The wall clock moved (ms since the epoch): the sandbox acts, the date may roll over.
    Tick(i64),
    SetSandbox(SandboxSettings),
    /// A PCA certificate reissued in the PCA product and synced.
    SyncPca(String),
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
            last_order: None,
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

    /// Lets the sandbox act up to the As of date; says what happened.
    fn advance(&mut self) {
        let Some(done) = Sandbox.advance(&self.inventory, self.today(), self.now_ms) else {
            return;
        };
        self.set_inventory(done.inventory);
        if !done.events.is_empty() {
            let shown: Vec<&str> = done.events.iter().take(3).map(String::as_str).collect();
            let more = done.events.len().saturating_sub(shown.len());
            let tail = if more > 0 {
                format!(" And {more} more.")
            } else {
                String::new()
            };
            self.notify(Notice::new(
                NoticeKind::Info,
                format!("{}{tail}", shown.join(" ")),
            ));
        }
        for failure in done.failures {
            self.notify(Notice::new(NoticeKind::Error, failure));
        }
    }

    fn place_order(&mut self, request: &OrderRequest, csr_pem: Option<String>) {
        match Sandbox.submit_order(&self.inventory, request, csr_pem, self.today()) {
            Ok(placed) => {
                let n = placed.order.certificates.len();
                let paid = placed.plan.payment.amount_cents.unwrap_or(0);
                let text = format!(
                    "Order {} placed (sandbox payment: nothing is charged): {n} new certificate{} {}. {}",
                    placed.order.id,
                    if n == 1 { "" } else { "s" },
                    match &request.original {
                        Some(o) => format!("below {}", o.name),
                        None => "on the Official Certificate tab".to_string(),
                    },
                    if paid > 0 {
                        format!(
                            "{} paid for the shortfall.",
                            super::money::format_amount(paid, &placed.plan.payment.currency)
                        )
                    } else {
                        "Covered by your quota.".to_string()
                    }
                );
                self.last_order = Some(placed.order.id.clone());
                self.set_inventory(placed.inventory);
                self.notify(Notice::new(NoticeKind::Success, text));
            }
            Err(e) => self.notify(Notice::new(
                NoticeKind::Error,
                format!("Order not placed: {e}"),
            )),
        }
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
            Action::SetAsOf(date) => {
                next.as_of = date.filter(|d| *d != next.real_today);
                next.advance();
            }
            Action::PlaceOrder { request, csr_pem } => next.place_order(&request, csr_pem),
            Action::SubmitApplication(id) => {
                match Sandbox.submit_application(&next.inventory, &id, next.today(), next.now_ms) {
                    Ok(inventory) => {
                        next.set_inventory(inventory);
                        next.notify(Notice::new(
                            NoticeKind::Success,
                            submitted_text(&next.inventory, &id),
                        ));
                    }
                    Err(e) => next.notify(Notice::new(
                        NoticeKind::Error,
                        format!("Not submitted: {e}"),
                    )),
                }
            }
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
                next.advance();
            }
            Action::SetSandbox(settings) => {
                let mut inventory = (*next.inventory).clone();
                inventory.sandbox = settings;
                next.set_inventory(inventory);
            }
            Action::SyncPca(id) => match Sandbox.sync_pca(&next.inventory, &id, next.today()) {
                Ok(inventory) => {
                    next.set_inventory(inventory);
                    next.notify(Notice::new(NoticeKind::Success, format!("Synced {id} from the PCA product (sandbox): deploy the reissued certificate.")));
                }
                Err(e) => next.notify(Notice::new(NoticeKind::Error, format!("Not synced: {e}"))),
            },
            Action::RetrySave => {
                next.notices
                    .retain(|n| n.action != Some(super::notice::NoticeAction::RetrySave));
                next.mark_unsaved();
            }
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

/// What the user is told when a request goes to the CA.
fn submitted_text(inventory: &Inventory, id: &str) -> String {
    let Some(cert) = inventory.find(id) else {
        return format!("Submitted {id} to the CA.");
    };
    let wait = match cert.spec.validation {
        crate::rules::ValidationType::Dv => {
            "The sandbox CA issues DV certificates about a minute after submission"
        }
        _ => {
            "The sandbox CA completes OV and EV reviews after 5 calendar days: move the As of date to see it"
        }
    };
    format!(
        "Submitted {} ({id}) to the CA: Validating Application. {wait}.",
        cert.name
    )
}
