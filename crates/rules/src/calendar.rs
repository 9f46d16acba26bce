//! The inventory's dates as an RFC 5545 calendar (issue 13, "Calendar
//! export"): expiries, term ends, Managed Service starts, in-term reissues,
//! CA review deadlines and validation-reuse deadlines, each with alarms from
//! the lead times of the policies covering the certificate.
//!
//! Every event is an all-day date (`DTSTART;VALUE=DATE`): the rules count
//! calendar days in UTC, so no time zone (VTIMEZONE) is needed and the day is
//! the same in every client. DTSTAMP is the `stamp` passed in, in UTC.

use chrono::{NaiveDate, NaiveDateTime};

use crate::activation::{Activation, activation};
use crate::dates::{add_days, ics_utc, yyyymmdd};
use crate::dcv::{PlannedKind, fresh_validation_need, planned_issuances, validation_clock};
use crate::model::{Certificate, LifecycleState};
use crate::reminders::schedule::lead_times;
use crate::reminders::{Inputs, NotificationPolicy};
use crate::review::review_schedule;
use crate::sort;
use crate::status::service_end;

pub const PRODID: &str = "-//Certdesk//SSL Certificate Management//EN";
/// RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
const FOLD_OCTETS: usize = 75;

/// One all-day event of the calendar.
struct Event {
    day: NaiveDate,
    certificate_id: String,
    kind: &'static str,
    /// Kinds that happen once per certificate keep one UID whatever their
    /// date, so a moved date updates the event; the others add the date.
    dated_uid: bool,
    summary: String,
    description: String,
    leads: Vec<i64>,
}

impl Event {
    fn uid(&self) -> String {
        if self.dated_uid {
            format!(
                "{}-{}-{}@certdesk",
                self.certificate_id,
                self.kind,
                yyyymmdd(self.day)
            )
        } else {
            format!("{}-{}@certdesk", self.certificate_id, self.kind)
        }
    }
}

/// The calendar of `certificates` (Cancelled and Revoked ones have no
/// dates left to keep) as of `today`, stamped with `stamp` (UTC; never the
/// clock, so the same input gives the same bytes). Managed Service starts and
/// validation deadlines look for a certificate's predecessor and successors
/// in `certificates`: export one certificate with the rest of its order.
pub fn calendar(
    certificates: &[Certificate],
    policies: &[NotificationPolicy],
    today: NaiveDate,
    stamp: NaiveDateTime,
) -> String {
    let inputs = Inputs::new(certificates);
    let mut events = Vec::new();
    for cert in certificates {
        if matches!(
            cert.state,
            LifecycleState::Cancelled | LifecycleState::Revoked
        ) {
            continue;
        }
        events_of(
            cert,
            &inputs,
            today,
            &lead_times(policies, &cert.id),
            &mut events,
        );
    }
    sort::sort_by(&mut events, |a, b| {
        (a.day, &a.certificate_id, a.kind).cmp(&(b.day, &b.certificate_id, b.kind))
    });
    let stamp = ics_utc(stamp);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "X-WR-CALNAME:Certdesk certificates".to_string(),
    ];
    for event in &events {
        lines.push("BEGIN:VEVENT".to_string());
        lines.push(format!("UID:{}", escape(&event.uid())));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", yyyymmdd(event.day)));
        if let Some(next) = add_days(event.day, 1) {
            lines.push(format!("DTEND;VALUE=DATE:{}", yyyymmdd(next)));
        }
        lines.push(format!("SUMMARY:{}", escape(&event.summary)));
        lines.push(format!("DESCRIPTION:{}", escape(&event.description)));
        lines.push("TRANSP:TRANSPARENT".to_string());
        for lead in &event.leads {
            lines.push("BEGIN:VALARM".to_string());
            lines.push("ACTION:DISPLAY".to_string());
            lines.push(format!("TRIGGER:-P{lead}D"));
            lines.push(format!(
                "DESCRIPTION:{}",
                escape(&format!("In {lead} days: {}", event.summary))
            ));
            lines.push("END:VALARM".to_string());
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    out
}

/// The dated events of one certificate.
fn events_of(
    cert: &Certificate,
    inputs: &Inputs,
    today: NaiveDate,
    leads: &[i64],
    out: &mut Vec<Event>,
) {
    let name = crate::reminders::events::subject(cert);
    let mut push = |day: NaiveDate,
                    kind: &'static str,
                    dated_uid: bool,
                    summary: String,
                    description: String| {
        out.push(Event {
            day,
            certificate_id: cert.id.clone(),
            kind,
            dated_uid,
            summary,
            description,
            leads: leads.to_vec(),
        });
    };
    if let Some(not_after) = cert.not_after {
        push(
            not_after,
            "expiry",
            false,
            format!("Expires: {name}"),
            format!(
                "{name}: the certificate currently issued is valid until {not_after} inclusive."
            ),
        );
        if let Some(end) = service_end(cert).filter(|end| *end != not_after) {
            push(
                end,
                "term-end",
                false,
                format!("Service term ends: {name}"),
                format!(
                    "{name}: the paid service term ends on {end}; renew before then to carry days over."
                ),
            );
        }
    }
    if cert.state == LifecycleState::NotActivated
        && let Some(prev) = inputs.predecessor(cert)
    {
        let start = match activation(prev, cert, today) {
            Activation::NotYet {
                trigger_on,
                manual_reason,
                ..
            } => Some((trigger_on, manual_reason)),
            Activation::Due { trigger_on, .. } => Some((trigger_on, None)),
            Activation::ManualNeeded {
                trigger_on, reason, ..
            } => Some((trigger_on, Some(reason))),
            Activation::NotApplicable { .. } | Activation::Waiting { .. } => None,
        };
        if let Some((day, manual)) = start {
            push(
                day,
                "managed-start",
                false,
                format!("Managed Service start: {name}"),
                match manual {
                    Some(reason) => format!(
                        "{name} follows {} and does not start by itself: {reason}",
                        prev.id
                    ),
                    None => format!(
                        "{name} follows {}: the Managed Service submits its request on {day}.",
                        prev.id
                    ),
                },
            );
        }
    }
    if cert.state == LifecycleState::ValidatingApplication
        && let Some(schedule) = cert
            .applied_on
            .and_then(|on| review_schedule(cert.spec.validation, on))
    {
        push(
            schedule.fails_on,
            "review-deadline",
            false,
            format!("CA review deadline: {name}"),
            format!(
                "{name} was submitted on {}; an application still unvalidated fails on {}.",
                schedule.submitted_on, schedule.fails_on
            ),
        );
    }
    if cert.state != LifecycleState::Issued {
        return;
    }
    let next = inputs.successors_of(cert);
    let planned = planned_issuances(cert, &next, today);
    for p in planned
        .iter()
        .filter(|p| p.kind == PlannedKind::InTermReissue)
    {
        push(
            p.on,
            "reissue",
            true,
            format!("In-term reissue: {name}"),
            format!(
                "{name} is reissued within its term on {}: deploy the new certificate when it is issued.",
                p.on
            ),
        );
    }
    let clocks = validation_clock(cert, &planned, &inputs.known_for(cert));
    let mut deadlines: Vec<(NaiveDate, NaiveDate, PlannedKind)> = clocks
        .iter()
        .filter_map(|c| Some((c.reuse_until?, c.needs_fresh_for.as_ref()?)))
        .map(|(until, p)| (until, p.on, p.kind))
        .collect();
    sort::sort_by_key(&mut deadlines, |d| (d.0, d.1));
    deadlines.dedup_by_key(|d| d.0);
    for (until, due, kind) in deadlines {
        let domains: Vec<&str> = clocks
            .iter()
            .filter(|c| c.reuse_until == Some(until) && c.needs_fresh_for.is_some())
            .map(|c| c.domain.as_str())
            .collect();
        push(
            until,
            "validation-reuse",
            true,
            format!("Validation reuse ends: {name}"),
            format!(
                "Validation for {} can be reused until {until}; {} of {due} needs {}.",
                domains.join(", "),
                kind.label(),
                fresh_validation_need(cert.verification)
            ),
        );
    }
}

/// TEXT escaping, RFC 5545 §3.3.11: backslash, semicolon, comma, newline.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
/// character; continuation lines start with one space. CRLF endings.
pub(crate) fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > FOLD_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}
