//! Notifications (issue 13): the bell with what is due, the notification
//! centre (due now, browser notifications, policies, the sandbox outbox, the
//! calendar), and the policy editor with its preview.

pub mod bell;
pub mod centre;
pub mod policy_editor;
mod policy_fields;

use chrono::NaiveDate;

use crate::rules::{Alert, CertificateStatus, Reminder, open_alerts, reminder_schedule, status_at};
use crate::store::Inventory;
use crate::store::actions::primary_action;

use super::dialogs::Dialog;

/// What is due as of `today`, most pressing kinds first.
pub fn due(inventory: &Inventory, today: NaiveDate) -> Vec<Alert> {
    let mut alerts = open_alerts(&inventory.policies, &inventory.certificates, today);
    alerts.sort_by(|a, b| (a.event, &a.certificate_id).cmp(&(b.event, &b.certificate_id)));
    alerts
}

/// The sandbox outbox: what the policies would have sent in the 30 days up to `today`, newest first.
pub fn outbox(inventory: &Inventory, today: NaiveDate) -> Vec<Reminder> {
    let from = today - chrono::Days::new(30);
    let mut sent = reminder_schedule(&inventory.policies, &inventory.certificates, from, today);
    sent.reverse();
    sent
}

/// The dialog an alert's action opens: the row's first action for its status.
pub fn action_for(
    inventory: &Inventory,
    id: &str,
    today: NaiveDate,
) -> Option<(Dialog, &'static str)> {
    let cert = inventory.find(id)?;
    let status = status_at(cert, today);
    let action = *primary_action(status).first()?;
    let dialog = Dialog::for_action(id.to_string(), action)?;
    let label = match status {
        CertificateStatus::Expired => "Purchase",
        _ => action.label(),
    };
    Some((dialog, label))
}
