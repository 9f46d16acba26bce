//! When each reminder event is active for a certificate, judged from its
//! current state (see docs/rules.md, "Reminders and calendar (issue 13)").

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::policy::ReminderEvent;
use crate::activation::{Activation, activation, predecessor_with};
use crate::dates::add_days;
use crate::dcv::{fresh_validation_need, planned_issuances, validation_clock};
use crate::model::{
    Certificate, CertificateKind, DomainValidation, LifecycleState, TaskStatus, VerificationMethod,
};
use crate::review::review_schedule;
use crate::status::service_end;

/// The days an event is active: `start` through `end` (inclusive; `None` =
/// until handled), with the sentence that tells the user what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub event: ReminderEvent,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub message: String,
}

impl Window {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
    }
}

/// Facts about the whole inventory, computed once: lookups, which records
/// are replaced by another, the Not Activated certificates following each
/// one, and the newest validation of each domain in the account.
pub struct Inputs<'a> {
    by_id: HashMap<&'a str, &'a Certificate>,
    by_order: HashMap<(&'a str, u8), &'a Certificate>,
    replaced: HashSet<&'a str>,
    successors: HashMap<&'a str, Vec<&'a Certificate>>,
    known: HashMap<String, DomainValidation>,
}

impl<'a> Inputs<'a> {
    pub fn new(certificates: &'a [Certificate]) -> Self {
        let mut inputs = Inputs {
            by_id: certificates.iter().map(|c| (c.id.as_str(), c)).collect(),
            by_order: certificates
                .iter()
                .filter_map(|c| {
                    let a = c.association.as_ref()?;
                    Some(((a.order.as_str(), a.position), c))
                })
                .collect(),
            replaced: HashSet::new(),
            successors: HashMap::new(),
            known: HashMap::new(),
        };
        for cert in certificates {
            for v in &cert.validations {
                let newest = inputs.known.entry(v.domain.to_ascii_lowercase());
                newest
                    .and_modify(|old| {
                        if v.validated_on > old.validated_on {
                            *old = v.clone();
                        }
                    })
                    .or_insert_with(|| v.clone());
            }
            if cert.state == LifecycleState::Cancelled {
                continue;
            }
            if let Some(a) = &cert.association {
                inputs.replaced.insert(a.original.as_str());
            }
            if let Some(prev) = inputs.predecessor(cert).filter(|p| p.id != cert.id) {
                inputs.replaced.insert(prev.id.as_str());
                if cert.state == LifecycleState::NotActivated {
                    inputs
                        .successors
                        .entry(prev.id.as_str())
                        .or_default()
                        .push(cert);
                }
            }
        }
        inputs
    }

    pub(crate) fn predecessor(&self, cert: &Certificate) -> Option<&'a Certificate> {
        predecessor_with(
            cert,
            |order, position| self.by_order.get(&(order, position)).copied(),
            |id| self.by_id.get(id).copied(),
        )
    }

    /// The Not Activated certificates that follow `cert` (their Managed
    /// Service starts are its planned issuances).
    pub(crate) fn successors_of(&self, cert: &Certificate) -> Vec<&'a Certificate> {
        self.successors
            .get(cert.id.as_str())
            .cloned()
            .unwrap_or_default()
    }

    /// The newest validation recorded anywhere in the account for each of
    /// `cert`'s domains (a validation is the account's, not one record's).
    pub(crate) fn known_for(&self, cert: &Certificate) -> Vec<DomainValidation> {
        cert.domains
            .iter()
            .filter_map(|d| self.known.get(&d.to_ascii_lowercase()).cloned())
            .collect()
    }

    /// Handled for `event`: Cancelled or Revoked (every event); for the two
    /// expiry events also replaced by another certificate that is not
    /// cancelled (a renewal or purchase placed on it, or the next certificate
    /// of its order, which the Managed Service starts). The failure events
    /// and a needed validation are handled when their state changes: the
    /// windows are computed from the current state, so they close by themselves.
    pub fn handled(&self, cert: &Certificate, event: ReminderEvent) -> bool {
        let replaced_handles = matches!(
            event,
            ReminderEvent::ApproachingExpiry | ReminderEvent::ExpiredNotRenewed
        );
        matches!(
            cert.state,
            LifecycleState::Cancelled | LifecycleState::Revoked
        ) || (replaced_handles && self.replaced.contains(cert.id.as_str()))
    }

    /// Every window of `cert` as of `today` (the first day the schedule
    /// looks at), with `lead_days` for the two events a policy's lead time
    /// moves (approaching expiry, validation needed).
    pub fn windows(&self, cert: &Certificate, lead_days: i64, today: NaiveDate) -> Vec<Window> {
        if matches!(
            cert.state,
            LifecycleState::Cancelled | LifecycleState::Revoked
        ) {
            return Vec::new();
        }
        let subject = subject(cert);
        let mut out = Vec::new();
        if cert.state == LifecycleState::Issued {
            self.expiry(cert, &subject, lead_days, today, &mut out);
            self.validation(cert, &subject, lead_days, today, &mut out);
        }
        self.managed_start(cert, &subject, today, &mut out);
        review_failed(cert, &subject, today, &mut out);
        deployment_failed(cert, &subject, today, &mut out);
        out.retain(|w| !self.handled(cert, w.event));
        out
    }

    /// Approaching expiry: `service_end - lead` through `service_end` (the
    /// term's end: in-term reissues are automatic, the user acts on the
    /// term). Expired and not renewed: from the day after `not_after` when
    /// that is before `today` (it has expired), else from the day after the
    /// service end (a chained certificate is reissued before it expires).
    fn expiry(
        &self,
        cert: &Certificate,
        subject: &str,
        lead: i64,
        today: NaiveDate,
        out: &mut Vec<Window>,
    ) {
        let (Some(not_after), Some(end)) = (cert.not_after, service_end(cert)) else {
            return;
        };
        let expired_after = if not_after < today { not_after } else { end };
        let action = action(cert);
        if let Some(start) = add_days(end, -lead) {
            out.push(Window {
                event: ReminderEvent::ApproachingExpiry,
                start,
                end: Some(end.min(expired_after)),
                message: format!(
                    "{subject} expires on {end} and is not renewed: {action} or it stops being trusted."
                ),
            });
        }
        if let Some(start) = add_days(expired_after, 1) {
            out.push(Window {
                event: ReminderEvent::ExpiredNotRenewed,
                start,
                end: None,
                message: format!(
                    "{subject} expired on {expired_after} and is not renewed: {} to restore trust.",
                    match cert.kind {
                        CertificateKind::Official =>
                            "purchase a new certificate (Purchase, or the emergency steps)",
                        CertificateKind::Uploaded => action,
                    }
                ),
            });
        }
    }

    /// Validation needed: the dcv clock's first planned issuance needing a
    /// fresh validation, from `lead` days before it to its day. None when
    /// validation is automatic DNS (nothing for the user to do).
    fn validation(
        &self,
        cert: &Certificate,
        subject: &str,
        lead: i64,
        today: NaiveDate,
        out: &mut Vec<Window>,
    ) {
        if cert.verification == VerificationMethod::AutomaticDns {
            return;
        }
        let planned = planned_issuances(cert, &self.successors_of(cert), today);
        let clocks = validation_clock(cert, &planned, &self.known_for(cert));
        let Some(first) = clocks
            .iter()
            .filter_map(|c| c.needs_fresh_for.as_ref())
            .min_by_key(|p| p.on)
        else {
            return;
        };
        let domains: Vec<&str> = clocks
            .iter()
            .filter(|c| c.due_on() == Some(first.on))
            .map(|c| c.domain.as_str())
            .collect();
        let Some(start) = add_days(first.on, -lead) else {
            return;
        };
        out.push(Window {
            event: ReminderEvent::ValidationNeeded,
            start,
            end: Some(first.on),
            message: format!(
                "{subject}: {} of {} needs {} for {}: validate before then or it is not issued.",
                first.kind.label(),
                first.on,
                fresh_validation_need(cert.verification),
                domains.join(", ")
            ),
        });
    }

    /// A Managed Service start that needs the user: a Not Activated
    /// certificate whose activation is ManualNeeded (or NotYet with a
    /// manual reason), from its trigger day; a Pending Application at
    /// position > 1 of its order (the start fell back to the user), from `today`.
    fn managed_start(
        &self,
        cert: &Certificate,
        subject: &str,
        today: NaiveDate,
        out: &mut Vec<Window>,
    ) {
        let found = match cert.state {
            LifecycleState::NotActivated => {
                let Some(prev) = self.predecessor(cert) else {
                    return;
                };
                match activation(prev, cert, today) {
                    Activation::ManualNeeded {
                        trigger_on, reason, ..
                    } => Some((trigger_on, reason)),
                    Activation::NotYet {
                        trigger_on,
                        manual_reason: Some(reason),
                        ..
                    } => Some((trigger_on, reason)),
                    _ => None,
                }
            }
            LifecycleState::PendingApplication
                if cert.association.as_ref().is_some_and(|a| a.position > 1) =>
            {
                let reason = cert.note.clone().unwrap_or_else(|| {
                    "Manual submission needed: the Managed Service could not start it".to_string()
                });
                Some((today, reason))
            }
            _ => None,
        };
        if let Some((start, reason)) = found {
            out.push(Window {
                event: ReminderEvent::ManagedStartNeedsYou,
                start,
                end: None,
                message: format!(
                    "{subject} is not started automatically on {start} ({}): submit its request yourself (Submit request).",
                    reason.trim_end_matches('.')
                ),
            });
        }
    }
}

/// Review failed: Validation Failed, from `today` (the day it failed is not
/// recorded), or a Validating Application past its failure day, from that day.
fn review_failed(cert: &Certificate, subject: &str, today: NaiveDate, out: &mut Vec<Window>) {
    let fails_on = cert
        .applied_on
        .and_then(|on| review_schedule(cert.spec.validation, on))
        .map(|s| s.fails_on);
    let start = match (cert.state, fails_on) {
        (LifecycleState::ValidationFailed, _) => today,
        (LifecycleState::ValidatingApplication, Some(day)) if day <= today => day,
        _ => return,
    };
    let reason = cert
        .failure_reason
        .as_deref()
        .unwrap_or("the domain was not validated in time");
    out.push(Window {
        event: ReminderEvent::ReviewFailed,
        start,
        end: None,
        message: format!(
            "{subject}: the CA review failed as of {start} ({}): fix it and submit the request again (Submit request).",
            reason.trim_end_matches('.')
        ),
    });
}

/// Deployment failed: a task with status Failed, from `today`.
fn deployment_failed(cert: &Certificate, subject: &str, today: NaiveDate, out: &mut Vec<Window>) {
    let failed: Vec<String> = cert
        .deployments
        .iter()
        .filter_map(|task| match &task.status {
            TaskStatus::Failed(reason) => Some(format!(
                "{} {} on {}: {}",
                task.resource.product.label(),
                task.resource.name,
                task.created_on,
                reason.trim_end_matches('.')
            )),
            _ => None,
        })
        .collect();
    if failed.is_empty() {
        return;
    }
    out.push(Window {
        event: ReminderEvent::DeploymentFailed,
        start: today,
        end: None,
        message: format!(
            "{subject}: deployment failed ({}): deploy it again (Deploy) so the site serves it.",
            failed.join("; ")
        ),
    });
}

/// "shop.example.com (cas-7f3a21)", or "Shop (cas-1: a.com, b.com)" when
/// the name is not its only domain.
pub(crate) fn subject(cert: &Certificate) -> String {
    let domains = cert.domains.join(", ");
    if domains.is_empty() || domains == cert.name {
        format!("{} ({})", cert.name, cert.id)
    } else {
        format!("{} ({}: {domains})", cert.name, cert.id)
    }
}

/// What renews it, by tab and origin.
fn action(cert: &Certificate) -> &'static str {
    match (cert.kind, cert.pca) {
        (_, true) => "reissue it in the PCA product and sync it",
        (CertificateKind::Official, false) => "renew it (Renewal purchase)",
        (CertificateKind::Uploaded, false) => "update it (Update)",
    }
}
