//! The domain-validation clock: how long a domain validation (DCV) may be
//! reused, and which planned issuance will need a fresh one.
//!
//! Source (issue 10, from CA/Browser Forum ballot SC-081): "Domain validation
//! (DCV) may be reused only for a limited time before an issuance: 398 days
//! before 2026-03-15, 200 from then, 100 from 2027-03-15, 10 from 2029-03-15.
//! With in-term reissues every few months, users need to know when they must
//! validate again." The reuse period is the one in force on the day of the
//! issuance that reuses the validation ([`cap_on`]`(issue day).dcv_reuse_days`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activation::{Activation, activation};
use super::caps::{SC081_SCHEDULE, cap_on, last_issuable_day, needs_fresh_validation};
use super::dates::{add_days, days_between};
use super::model::{Certificate, LifecycleState, VerificationMethod};
use super::order::PlannedCertificate;
use crate::sort;

/// What a planned issuance is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlannedKind {
    /// The next certificate inside the record's paid term (SC-081 chain).
    InTermReissue,
    /// A Not Activated certificate started by the Managed Service.
    ManagedServiceStart,
}

impl PlannedKind {
    pub fn label(self) -> &'static str {
        match self {
            PlannedKind::InTermReissue => "the reissue",
            PlannedKind::ManagedServiceStart => "the Managed Service start",
        }
    }
}

/// An issuance that will happen without the user starting it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedIssuance {
    pub on: NaiveDate,
    pub kind: PlannedKind,
    /// The record that will be issued (the certificate itself for a reissue,
    /// the Not Activated one for a Managed Service start).
    pub record_id: String,
}

/// Where the date of the last validation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidatedBy {
    /// A validation recorded when the certificate was requested or reissued.
    Recorded(VerificationMethod),
    /// Nothing recorded: taken as done when the current certificate was issued
    /// (its `not_before`), the latest it can have been done.
    AssumedAtIssuance,
    /// An order not placed yet: its request will validate the domains on the
    /// first certificate's issue day.
    PlannedRequest,
}

/// The validation clock of one domain of a certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainClock {
    pub domain: String,
    pub validated_on: NaiveDate,
    pub validated_by: ValidatedBy,
    /// The last issue day that may still reuse this validation.
    pub reuse_until: Option<NaiveDate>,
    /// The first planned issuance after `reuse_until`: it needs a fresh validation.
    pub needs_fresh_for: Option<PlannedIssuance>,
}

impl DomainClock {
    /// The day a fresh validation is needed by (the planned issuance's day).
    pub fn due_on(&self) -> Option<NaiveDate> {
        self.needs_fresh_for.as_ref().map(|p| p.on)
    }

    /// "Validation for shop.example.com can be reused until 2027-06-10; the
    /// reissue of 2027-08-12 needs a new DNS TXT record."
    pub fn sentence(&self, method: VerificationMethod) -> String {
        let reuse = match self.reuse_until {
            Some(until) => format!(
                "Validation for {} ({} {}) can be reused until {until}",
                self.domain,
                match self.validated_by {
                    ValidatedBy::Recorded(_) => "done",
                    ValidatedBy::AssumedAtIssuance =>
                        "taken as done when the current certificate was issued,",
                    ValidatedBy::PlannedRequest => "done for the request on",
                },
                self.validated_on,
            ),
            None => format!("Validation for {} has no reuse date", self.domain),
        };
        match &self.needs_fresh_for {
            Some(p) => format!(
                "{reuse}; {} of {} needs {}.",
                p.kind.label(),
                p.on,
                fresh_validation_need(method)
            ),
            None => format!("{reuse}; it covers every planned issuance."),
        }
    }
}

/// What a fresh validation asks of the user, by method.
pub fn fresh_validation_need(method: VerificationMethod) -> &'static str {
    match method {
        VerificationMethod::ManualDns => "a new DNS TXT record",
        VerificationMethod::File => "a new validation file on the web server",
        VerificationMethod::AutomaticDns => {
            "a new validation (automatic: the DNS record is added for you)"
        }
        VerificationMethod::CaContact => "a new validation by the CA's contact",
    }
}

/// The last issue day on which a validation done on `validated_on` may be
/// reused: the latest `day` with `day - validated_on <= dcv_reuse_days` of
/// the step in force on `day`. The reuse period only shrinks over time, so the
/// days that may reuse it form one range starting at `validated_on`.
pub fn dcv_reuse_until(validated_on: NaiveDate) -> Option<NaiveDate> {
    let mut best: Option<NaiveDate> = None;
    for (i, step) in SC081_SCHEDULE.iter().enumerate() {
        let start = step.since.unwrap_or(NaiveDate::MIN).max(validated_on);
        let step_end = match SC081_SCHEDULE.get(i + 1).and_then(|next| next.since) {
            Some(next) => add_days(next, -1)?,
            None => NaiveDate::MAX,
        };
        let candidate = add_days(validated_on, step.dcv_reuse_days)
            .unwrap_or(NaiveDate::MAX)
            .min(step_end);
        if candidate >= start {
            best = Some(best.map_or(candidate, |b| b.max(candidate)));
        }
    }
    best
}

/// The issuances planned for `cert` from `today` on, oldest first: the rest
/// of its SC-081 chain inside its paid term, then the Managed Service starts
/// of `successors` (the Not Activated certificates that follow it).
pub fn planned_issuances(
    cert: &Certificate,
    successors: &[&Certificate],
    today: NaiveDate,
) -> Vec<PlannedIssuance> {
    let mut planned = in_term_reissues(cert, today);
    for next in successors {
        let on = match activation(cert, next, today) {
            Activation::NotYet { trigger_on, .. } => Some(trigger_on),
            Activation::Due { trigger_on, .. } | Activation::ManualNeeded { trigger_on, .. } => {
                Some(trigger_on.max(today))
            }
            Activation::NotApplicable { .. } | Activation::Waiting { .. } => None,
        };
        if let Some(on) = on {
            planned.push(PlannedIssuance {
                on,
                kind: PlannedKind::ManagedServiceStart,
                record_id: next.id.clone(),
            });
        }
    }
    sort::sort_by_key(&mut planned, |p| p.on);
    planned
}

/// The reissue days of `cert`'s remaining chain, as `next_in_term_reissue`
/// would schedule them one after the other.
fn in_term_reissues(cert: &Certificate, today: NaiveDate) -> Vec<PlannedIssuance> {
    let mut out = Vec::new();
    if cert.state != LifecycleState::Issued {
        return out;
    }
    let (Some(mut from), Some(mut to), Some(term_end)) =
        (cert.not_before, cert.not_after, cert.term_end)
    else {
        return out;
    };
    // Each step moves at least 31 days (46 - 15); 20 steps cover any term.
    for _ in 0..20 {
        if to >= term_end || today > term_end {
            break;
        }
        let lead = cap_on(from).reissue_lead_days();
        let Some(next) = add_days(to, -lead).map(|d| d.max(from).max(today)) else {
            break;
        };
        if next >= term_end || next <= from {
            break;
        }
        out.push(PlannedIssuance {
            on: next,
            kind: PlannedKind::InTermReissue,
            record_id: cert.id.clone(),
        });
        let Some(end) = last_issuable_day(next) else {
            break;
        };
        (from, to) = (next, end.min(term_end));
    }
    out
}

/// The validation clock of each domain of `cert` against `planned`. The last
/// validation of a domain is the newest recorded on `cert` (or in `known`,
/// validations recorded elsewhere in the account), else the current
/// certificate's `not_before`. A domain with neither (nothing issued yet) has
/// no clock.
pub fn validation_clock(
    cert: &Certificate,
    planned: &[PlannedIssuance],
    known: &[super::model::DomainValidation],
) -> Vec<DomainClock> {
    cert.domains
        .iter()
        .filter_map(|domain| {
            let recorded = cert
                .validations
                .iter()
                .chain(known)
                .filter(|v| v.domain.eq_ignore_ascii_case(domain))
                .max_by_key(|v| v.validated_on);
            let (validated_on, validated_by) = match recorded {
                Some(v) => (v.validated_on, ValidatedBy::Recorded(v.method)),
                None => (cert.not_before?, ValidatedBy::AssumedAtIssuance),
            };
            Some(DomainClock {
                domain: domain.clone(),
                validated_on,
                validated_by,
                reuse_until: dcv_reuse_until(validated_on),
                needs_fresh_for: planned
                    .iter()
                    .find(|p| p.on >= validated_on && needs_fresh_validation(validated_on, p.on))
                    .cloned(),
            })
        })
        .collect()
}

/// The earliest day a fresh validation is needed by, when it falls within
/// `within_days` of `today` (or is already past): the list's "needs
/// validation within 30 days" filter.
pub fn validation_due_within(
    clocks: &[DomainClock],
    today: NaiveDate,
    within_days: i64,
) -> Option<NaiveDate> {
    clocks
        .iter()
        .filter_map(DomainClock::due_on)
        .min()
        .filter(|due| days_between(today, *due) <= within_days)
}

/// The validation clock of an order before it is placed (the renewal and
/// purchase preview): the request of the first certificate validates every
/// domain on its issue day; the rest of its SC-081 chain, the Managed Service
/// starts of the later certificates and their own chains are the planned
/// issuances that may reuse it.
pub fn planned_order_clock(
    domains: &[String],
    certificates: &[PlannedCertificate],
) -> Vec<DomainClock> {
    let Some(validated_on) = certificates
        .first()
        .and_then(|c| c.chain.first())
        .map(|i| i.from)
    else {
        return Vec::new();
    };
    let mut planned = Vec::new();
    for (n, cert) in certificates.iter().enumerate() {
        let record_id = format!("certificate {} of {}", cert.position, cert.of);
        for (k, issuance) in cert.chain.iter().enumerate() {
            let kind = match (n, k) {
                (0, 0) => continue,
                (_, 0) => PlannedKind::ManagedServiceStart,
                _ => PlannedKind::InTermReissue,
            };
            planned.push(PlannedIssuance {
                on: issuance.from,
                kind,
                record_id: record_id.clone(),
            });
        }
    }
    sort::sort_by_key(&mut planned, |p| p.on);
    domains
        .iter()
        .map(|domain| DomainClock {
            domain: domain.clone(),
            validated_on,
            validated_by: ValidatedBy::PlannedRequest,
            reuse_until: dcv_reuse_until(validated_on),
            needs_fresh_for: planned
                .iter()
                .find(|p| needs_fresh_validation(validated_on, p.on))
                .cloned(),
        })
        .collect()
}
