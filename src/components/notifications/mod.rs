//! Notifications (issue 13): the bell with what is due, the notification
//! centre (due now, browser notifications, policies, the sandbox outbox, the
//! calendar), and the policy editor with its preview.

pub mod bell;
pub mod centre;
pub mod policy_editor;
mod policy_fields;

use chrono::NaiveDate;

use crate::platform::download::download;
use crate::rules::{
    Alert, Certificate, CertificateStatus, Reminder, calendar, open_alerts, reminder_schedule,
    status_at,
};
use crate::store::Inventory;
use crate::store::actions::primary_action;

use super::dialogs::Dialog;
use crate::rules::sort;

/// What is due as of `today`, most pressing kinds first.
pub fn due(inventory: &Inventory, today: NaiveDate) -> Vec<Alert> {
    let mut alerts = open_alerts(&inventory.policies, &inventory.certificates, today);
    sort::sort_by(&mut alerts, |a, b| {
        (a.event, &a.certificate_id).cmp(&(b.event, &b.certificate_id))
    });
    alerts
}

/// The sandbox outbox: what the policies would have sent in the 30 days up to `today`, newest first.
pub fn outbox(inventory: &Inventory, today: NaiveDate) -> Vec<Reminder> {
    let from = today - chrono::Days::new(30);
    let mut sent = reminder_schedule(&inventory.policies, &inventory.certificates, from, today);
    sent.reverse();
    sent
}

/// `DTSTAMP` of a calendar: the page's wall clock at its last tick (never read here).
fn stamp(now_ms: i64, today: NaiveDate) -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(now_ms)
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| today.and_hms_opt(0, 0, 0).unwrap_or_default())
}

/// Downloads the calendar (.ics) of `certificates`, named `file`.
pub fn download_calendar(
    inventory: &Inventory,
    certificates: &[Certificate],
    today: NaiveDate,
    now_ms: i64,
    file: &str,
) -> Result<(), String> {
    let text = calendar(
        certificates,
        &inventory.policies,
        today,
        stamp(now_ms, today),
    );
    download(file, "text/calendar", &text)
}

/// One certificate and the rest of its order (its original, the certificates
/// created under it, those of the same order): what its calendar needs, so a
/// Managed Service start is in it.
pub fn with_its_order(inventory: &Inventory, id: &str) -> Vec<Certificate> {
    let Some(cert) = inventory.find(id) else {
        return Vec::new();
    };
    let order = cert
        .association
        .as_ref()
        .map(|a| (a.order.clone(), a.original.clone()));
    inventory
        .certificates
        .iter()
        .filter(|c| {
            c.id == id
                || c.association.as_ref().is_some_and(|a| {
                    a.original == id || order.as_ref().is_some_and(|(o, _)| a.order == *o)
                })
                || order
                    .as_ref()
                    .is_some_and(|(_, original)| c.id == *original)
        })
        .cloned()
        .collect()
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
