//! The validity of a new certificate: the paid term (the documents' period)
//! and the chain of issued certificates that covers it under today's caps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::caps::{ValidityCap, cap_on, last_issuable_day, needs_fresh_validation, validity_days};
use super::dates::{add_days, days_between};
use super::model::{Certificate, LifecycleState};

/// "Standard validity period (12 months or 365 days)". Counted as 365 days, as
/// both worked examples do (2025-09-10 + 385 days = 2026-09-30).
pub const STANDARD_TERM_DAYS: i64 = 365;
/// "... Remaining validity period of the old certificate (up to 30 days)".
pub const MAX_CARRY_OVER_DAYS: i64 = 30;
/// The longest term a record can have: 365 + 30 days.
pub const MAX_TERM_DAYS: i64 = STANDARD_TERM_DAYS + MAX_CARRY_OVER_DAYS;

#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum ValidityError {
    #[error("These dates are outside the calendar this console can compute")]
    OutOfRange,
    #[error("The term ends before it starts")]
    EndsBeforeStart,
    #[error("A term of {days} days is longer than the {max} days a paid certificate covers", max = MAX_TERM_DAYS)]
    TermTooLong { days: i64 },
}

/// What the new certificate's term is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidityBasis {
    /// A renewal of an Official certificate with the same specification, or a
    /// Managed Service activation after the previous certificate of an order:
    /// the remaining validity of the one before, up to 30 days, is carried over.
    CarryOver { previous_end: NaiveDate },
    /// A purchase (Uploaded "Update", a new purchase, an Expired certificate):
    /// 365 days from issuance, nothing carried over.
    Purchase,
}

/// The paid service term of one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub carried_over_days: i64,
}

impl Term {
    pub fn days(&self) -> i64 {
        days_between(self.start, self.end)
    }
}

/// One certificate issued to cover (part of) a term: valid from `from`
/// 00:00:00 to `to` 23:59:59 UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuance {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Its validity as the Baseline Requirements count it, `from` through `to`
    /// inclusive ([`validity_days`]): at most the cap's `issue_days`.
    pub days: i64,
    /// The SC-081 cap in force on `from`.
    pub cap: ValidityCap,
}

/// A term and the chain of certificates that covers it; `chain[0]` is the
/// certificate issued first (the "currently issued" one at the start).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    pub term: Term,
    pub chain: Vec<Issuance>,
}

impl Validity {
    pub fn first(&self) -> Option<&Issuance> {
        self.chain.first()
    }
}

/// Days carried over: "a renewed and reissued certificate carries over the
/// remaining validity period of the original certificate, up to a maximum of
/// 30 days". Remaining = previous end - issue date, never below 0.
pub fn carried_over_days(previous_end: NaiveDate, issued_on: NaiveDate) -> i64 {
    days_between(issued_on, previous_end).clamp(0, MAX_CARRY_OVER_DAYS)
}

/// The paid term of a certificate issued on `issued_on`.
///
/// Renewal: "New certificate validity period = Standard validity period (12
/// months or 365 days) + Remaining validity period of the old certificate (up
/// to 30 days)." and "If you complete the renewal and issuance process within
/// 30 days before the original certificate expires, the new certificate's
/// expiration date is fixed (original certificate's expiration date + 365
/// days)." Purchase: "a new paid certificate with a 12-month validity period
/// that starts from the date of issuance. The new certificate does not carry
/// over the remaining validity period of the original certificate."
pub fn service_term(basis: ValidityBasis, issued_on: NaiveDate) -> Result<Term, ValidityError> {
    let carried_over_days = match basis {
        ValidityBasis::CarryOver { previous_end } => carried_over_days(previous_end, issued_on),
        ValidityBasis::Purchase => 0,
    };
    let end = add_days(issued_on, STANDARD_TERM_DAYS + carried_over_days)
        .ok_or(ValidityError::OutOfRange)?;
    Ok(Term {
        start: issued_on,
        end,
        carried_over_days,
    })
}

/// The certificates that cover `term` under SC-081: "the term is covered by a
/// chain of certificates, each at most the cap of its own issue date, each next
/// one issued when the one before has min(30, cap/3) days left, ending exactly
/// at the term's end" (issue 3, rule 10). Greedy: each certificate is as long
/// as the CA issues in its step (`issue_days`: 397, 199, 99, 46, counted
/// inclusively, one under the cap: issue 10). Before 2026-03-15 a term (at
/// most 395 + 1 days inclusive) is one certificate.
pub fn issuance_chain(term: &Term) -> Result<Vec<Issuance>, ValidityError> {
    let total = term.days();
    if total < 0 {
        return Err(ValidityError::EndsBeforeStart);
    }
    if total > MAX_TERM_DAYS {
        return Err(ValidityError::TermTooLong { days: total });
    }
    let mut chain = Vec::new();
    let mut from = term.start;
    // Each step advances by at least cap - lead >= 32 days, so a 395-day term
    // takes at most 13 steps; the bound only guards against a broken schedule.
    for _ in 0..=MAX_TERM_DAYS {
        let cap = cap_on(from);
        let capped_end = last_issuable_day(from).ok_or(ValidityError::OutOfRange)?;
        let to = capped_end.min(term.end);
        chain.push(Issuance {
            from,
            to,
            days: validity_days(from, to),
            cap,
        });
        if to >= term.end {
            return Ok(chain);
        }
        from = add_days(to, -cap.reissue_lead_days()).ok_or(ValidityError::OutOfRange)?;
    }
    Err(ValidityError::OutOfRange)
}

/// The term and the certificates covering it, for a certificate issued on
/// `issued_on` ([`service_term`] then [`issuance_chain`]).
pub fn validity_on(basis: ValidityBasis, issued_on: NaiveDate) -> Result<Validity, ValidityError> {
    let term = service_term(basis, issued_on)?;
    let chain = issuance_chain(&term)?;
    Ok(Validity { term, chain })
}

/// The next certificate to issue inside a record's paid term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InTermReissue {
    /// When the current certificate has min(30, cap/3) days left.
    pub scheduled_on: NaiveDate,
    /// `today >= scheduled_on`: the store should issue it now.
    pub due: bool,
    /// The certificate to issue: from max(scheduled_on, today) to at most the term's end.
    pub issuance: Issuance,
    /// The domain validation (taken as done when the current certificate was
    /// issued) is older than the reuse period in force on the issue day.
    pub fresh_validation_needed: bool,
}

/// The in-term reissue of an Issued record whose current certificate ends
/// before its term: `None` when the term is already covered to its end, when
/// the record has no term (Uploaded) or is not Issued.
pub fn next_in_term_reissue(cert: &Certificate, today: NaiveDate) -> Option<InTermReissue> {
    if cert.state != LifecycleState::Issued {
        return None;
    }
    let (not_before, not_after, term_end) = (cert.not_before?, cert.not_after?, cert.term_end?);
    if not_after >= term_end || today > term_end {
        return None;
    }
    let lead = cap_on(not_before).reissue_lead_days();
    let scheduled_on = add_days(not_after, -lead)?.max(not_before);
    let from = scheduled_on.max(today);
    if from >= term_end {
        return None;
    }
    let cap = cap_on(from);
    let to = last_issuable_day(from)?.min(term_end);
    Some(InTermReissue {
        scheduled_on,
        due: today >= scheduled_on,
        issuance: Issuance {
            from,
            to,
            days: validity_days(from, to),
            cap,
        },
        fresh_validation_needed: needs_fresh_validation(not_before, from),
    })
}
