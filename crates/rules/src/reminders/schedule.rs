//! The exact reminders a set of policies gives over a date range, and the
//! alerts open on a day (the notification bell). Pure: today comes in.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::events::{Inputs, Window};
use super::policy::{Channel, NotificationPolicy, ReminderEvent};
use crate::dates::add_days;
use crate::model::Certificate;
use crate::sort;

/// The lead time used for a certificate no policy covers: the default
/// policy's "one reminder 30 days before expiry".
pub const DEFAULT_LEAD_DAYS: i64 = 30;

/// The lead times (days) of the policies covering certificate `id`, shortest
/// first, each once; `[DEFAULT_LEAD_DAYS]` when no policy covers it.
pub fn lead_times(policies: &[NotificationPolicy], id: &str) -> Vec<i64> {
    let mut leads: Vec<i64> = policies
        .iter()
        .filter(|p| p.scope.covers(id))
        .map(|p| p.lead.days())
        .collect();
    if leads.is_empty() {
        leads.push(DEFAULT_LEAD_DAYS);
    }
    sort::sort(&mut leads);
    leads.dedup();
    leads
}

/// One reminder to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub on: NaiveDate,
    pub at: NaiveTime,
    pub policy_id: String,
    pub certificate_id: String,
    pub event: ReminderEvent,
    /// The contact's name.
    pub contact: String,
    pub channel: Channel,
    /// The email address, the webhook URL, or "in-site message to NAME".
    pub target: String,
    /// One sentence a person can act on: the certificate, its domains, the date.
    pub message: String,
}

/// An event active and unhandled on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub certificate_id: String,
    pub event: ReminderEvent,
    /// The first day the event is active.
    pub since: NaiveDate,
    pub message: String,
}

/// The days of `window` a reminder goes out inside `[from, to]`: the first
/// active day in the range, then every `step` days while still active
/// (`None` = the first day only). The first day is the first one *in the
/// range*: the schedule does not know what was sent before `from`, and a
/// policy saved today must tell about a certificate already in its window.
fn reminder_days(
    window: &Window,
    step: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    let first = window.start.max(from);
    let last = window.end.map_or(to, |end| end.min(to));
    let mut days = Vec::new();
    let mut day = first;
    while day <= last {
        days.push(day);
        let Some(next) = step.and_then(|s| add_days(day, s)) else {
            break;
        };
        day = next;
    }
    days
}

/// Every reminder `policies` give for `certificates` from `from` through
/// `to`, judged from the certificates' current state (`from` is "today").
///
/// For each policy, each certificate in its scope, each active event (see
/// docs/rules.md): the first active day in the range, then every `repeat`
/// days while it stays active and unhandled; one reminder per contact per
/// channel that has a target, at the policy's delivery time. Sorted by
/// (on, at, certificate, event, contact, channel). A contact reached twice
/// at the same target for the same certificate, event and day (two policies
/// naming them) gets one reminder, the earliest in the day.
pub fn reminder_schedule(
    policies: &[NotificationPolicy],
    certificates: &[Certificate],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Reminder> {
    let inputs = Inputs::new(certificates);
    let mut out = Vec::new();
    for policy in policies {
        let at = policy.delivery_time();
        let step = policy.repeat.step_days();
        for cert in certificates.iter().filter(|c| policy.scope.covers(&c.id)) {
            for window in inputs.windows(cert, policy.lead.days(), from) {
                for on in reminder_days(&window, step, from, to) {
                    for contact in &policy.contacts {
                        for &channel in &contact.channels {
                            let Some(target) = contact.target(channel) else {
                                continue;
                            };
                            out.push(Reminder {
                                on,
                                at,
                                policy_id: policy.id.clone(),
                                certificate_id: cert.id.clone(),
                                event: window.event,
                                contact: contact.name.trim().to_string(),
                                channel,
                                target,
                                message: window.message.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    sort::sort_by(&mut out, |a, b| {
        (
            a.on,
            a.at,
            &a.certificate_id,
            a.event,
            &a.contact,
            a.channel,
            &a.target,
            &a.policy_id,
        )
            .cmp(&(
                b.on,
                b.at,
                &b.certificate_id,
                b.event,
                &b.contact,
                b.channel,
                &b.target,
                &b.policy_id,
            ))
    });
    let mut seen = HashSet::new();
    out.retain(|r| {
        seen.insert((
            r.on,
            r.certificate_id.clone(),
            r.event,
            r.channel,
            r.target.to_lowercase(),
        ))
    });
    out
}

/// Every event active and unhandled on `today`, for the lead times of the
/// policies covering each certificate (30 days for a certificate no policy
/// covers, so the bell never hides an expiry). One alert per certificate and
/// event, `since` its first day (longest lead); sorted by (since, certificate, event).
pub fn open_alerts(
    policies: &[NotificationPolicy],
    certificates: &[Certificate],
    today: NaiveDate,
) -> Vec<Alert> {
    let inputs = Inputs::new(certificates);
    let mut alerts: Vec<Alert> = Vec::new();
    for cert in certificates {
        // The longest lead opens each window first and covers the shorter ones.
        let lead = lead_times(policies, &cert.id)
            .into_iter()
            .max()
            .unwrap_or(DEFAULT_LEAD_DAYS);
        for window in inputs.windows(cert, lead, today) {
            if !window.contains(today) {
                continue;
            }
            // `windows` gives at most one window per event.
            alerts.push(Alert {
                certificate_id: cert.id.clone(),
                event: window.event,
                since: window.start,
                message: window.message,
            });
        }
    }
    sort::sort_by(&mut alerts, |a, b| {
        (a.since, &a.certificate_id, a.event).cmp(&(b.since, &b.certificate_id, b.event))
    });
    alerts
}
