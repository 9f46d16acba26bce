//! Rule 9: the CA review schedule, in calendar days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::add_days;
use super::model::{Certificate, LifecycleState, ValidationType};

/// "OV Certificate ... 5 calendar days", "EV Certificate ... 5 calendar days".
pub const OV_EV_REVIEW_DAYS: i64 = 5;
/// An unvalidated DV application fails after 2 calendar days (issue 3, rule 9).
pub const DV_FAIL_AFTER_DAYS: i64 = 2;
/// An unvalidated OV or EV application fails after 30 calendar days (issue 3, rule 9).
pub const OV_EV_FAIL_AFTER_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSchedule {
    pub submitted_on: NaiveDate,
    /// The day the certificate is expected: the same day for DV ("1 to 15 minutes").
    pub expected_issue_on: NaiveDate,
    /// The documents' words for the expected time.
    pub expected_label: String,
    /// From this day an application still unvalidated is Validation Failed.
    pub fails_on: NaiveDate,
}

/// The review schedule of an application submitted on `submitted_on`.
///
/// Source: "DV Certificate ... Average issuance time 1 to 15 minutes", "OV
/// Certificate ... 5 calendar days", "EV Certificate ... 5 calendar days".
/// The failure deadline (2 days DV, 30 OV/EV) is the issue's: the documents
/// are silent. `None` only when the dates leave chrono's range.
pub fn review_schedule(
    validation: ValidationType,
    submitted_on: NaiveDate,
) -> Option<ReviewSchedule> {
    let (review_days, fail_days, expected_label) = match validation {
        ValidationType::Dv => (0, DV_FAIL_AFTER_DAYS, "1 to 15 minutes"),
        ValidationType::Ov | ValidationType::Ev => {
            (OV_EV_REVIEW_DAYS, OV_EV_FAIL_AFTER_DAYS, "5 calendar days")
        }
    };
    Some(ReviewSchedule {
        submitted_on,
        expected_issue_on: add_days(submitted_on, review_days)?,
        expected_label: expected_label.to_string(),
        fails_on: add_days(submitted_on, fail_days)?,
    })
}

/// A Validating Application whose failure deadline has come: the store marks
/// it Validation Failed.
pub fn review_overdue(cert: &Certificate, today: NaiveDate) -> bool {
    cert.state == LifecycleState::ValidatingApplication
        && cert
            .applied_on
            .and_then(|on| review_schedule(cert.spec.validation, on))
            .is_some_and(|schedule| today >= schedule.fails_on)
}
