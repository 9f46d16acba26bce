//! certdesk-rules: the renewal rules of the source documents and the record
//! model (see `docs/rules.md`).
//!
//! Pure Rust: nothing here touches the browser or the UI, and "today" always
//! comes in as an argument, so `cargo test` checks every rule natively.
//! One file per concept; this module re-exports the public API.

pub mod actions;
pub mod activation;
pub mod calendar;
pub mod caps;
pub mod contact;
pub mod csr;
mod dates;
pub use dates::{hhmm, ics_utc, parse_hhmm, yyyymmdd};
pub mod dcv;
pub mod deployment;
pub mod domain;
pub mod eligibility;
mod labels;
pub mod model;
pub mod order;
pub mod payment;
mod plan;
mod plan_checks;
mod punycode;
pub mod reminders;
pub mod review;
pub mod sort;
pub mod status;
pub mod urgency;
pub mod validity;
pub mod verification;
pub mod warnings;

/// Builders for tests of this crate and of its users (feature `testing`).
#[cfg(any(test, feature = "testing"))]
pub mod testing;
#[cfg(test)]
mod tests;

pub use actions::{ActionState, CertAction, available_actions, ordered_here};
pub use activation::{
    Activation, OFFICIAL_TRIGGER_DAYS, UPLOADED_TRIGGER_DAYS, activation, auto_start_check,
    predecessor, predecessor_with, trigger_days,
};
pub use calendar::{PRODID, calendar};
pub use caps::{SC081_SCHEDULE, ValidityCap, cap_on, needs_fresh_validation, validity_days};
pub use contact::{ContactErrors, validate_contact};
pub use csr::{CsrCheck, check_csr};
pub use dcv::{
    DomainClock, PlannedIssuance, PlannedKind, ValidatedBy, dcv_reuse_until, fresh_validation_need,
    planned_issuances, planned_order_clock, validation_clock, validation_due_within,
};
pub use domain::{DomainError, covers, domain_type_of, normalize_domain, normalize_domains};
pub use eligibility::{Ineligible, renewal_eligibility, spec_change, update_eligibility};
pub use model::*;
pub use order::{OrderKind, OrderPlan, OrderRequest, PlannedCertificate};
pub use payment::{
    ManagedServiceUses, Payment, QuotaReturn, cancel_return, managed_service_uses, payment,
    quotas_after, quotas_with_return, remaining_units, unit_price,
};
pub use plan::plan_order;
pub use reminders::{
    Alert, Channel, DEFAULT_LEAD_DAYS, LeadTime, MAX_CONTACTS, MAX_POLICY_NAME, MAX_WEBHOOK_LEN,
    NotificationPolicy, PolicyContact, PolicyContactErrors, PolicyErrors, PolicyScope, Reminder,
    ReminderEvent, Repeat, WINDOW_END, WINDOW_START, check_webhook, open_alerts, reminder_schedule,
    validate_policy,
};
pub use review::{ReviewSchedule, review_overdue, review_schedule};
pub use status::{
    PENDING_EXPIRATION_DAYS, days_left, is_in_date, service_days_left, service_end, status_at,
};
pub use urgency::{Urgency, UrgencyLevel, renewal_urgency};
pub use validity::{
    InTermReissue, Issuance, MAX_CARRY_OVER_DAYS, STANDARD_TERM_DAYS, Term, Validity,
    ValidityBasis, ValidityError, carried_over_days, issuance_chain, next_in_term_reissue,
    service_term, validity_on,
};
pub use verification::{MethodOption, default_verification, method_allowed, verification_methods};
pub use warnings::{Warning, WarningKind};
