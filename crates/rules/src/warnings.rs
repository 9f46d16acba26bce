//! What an order plan tells the user besides its numbers.

use serde::{Deserialize, Serialize};

/// What a warning is about; [`WarningKind::blocks_submission`] says whether it
/// stops the order from being submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WarningKind {
    /// Update with Original Key: skips key rotation.
    OriginalKeyCompliance,
    /// Manual CSR: cannot be deployed to cloud products from the console.
    ManualCsrNotDeployable,
    /// Manual CSR: the private key stays with the user.
    ManualCsrKeyCustody,
    /// Manual CSR whose key algorithm differs from the original's.
    ManualCsrKeyMismatch,
    /// Manual CSR not given yet.
    ManualCsrMissing,
    /// Update with Original Key without an original key.
    NoOriginalKey,
    /// Renewing with more than 30 days left adds a Managed Service use.
    EarlyRenewalFee,
    /// Issuing now loses the original's remaining days beyond the 30 carried over.
    CarryOverLost,
    /// A purchase does not carry over the original's remaining validity.
    NoCarryOver,
    /// A later certificate will need manual submission.
    ManualSubmissionNeeded,
    /// SC-081: a term is covered by several certificates, each to deploy.
    ChainedIssuance,
    /// SC-081: an in-term reissue needs domain validation again.
    FreshValidation,
    /// The chosen verification method is not offered.
    VerificationNotOffered,
    /// No verification method is offered at all.
    NoVerificationMethod,
    /// The contact is required (OV, EV) or filled in wrongly.
    ContactInvalid,
    /// A domain name is invalid, or the list does not fit any domain type.
    DomainsInvalid,
    /// The domains make another domain type than the chosen specification.
    DomainTypeMismatch,
    /// A renewal keeps the original's domains.
    DomainsChanged,
    /// The period is not 1, 2 or 3 years.
    PeriodInvalid,
    /// The price table has no price for what must be paid.
    PriceMissing,
    /// Dates leave the range the console can compute.
    DateOutOfRange,
}

impl WarningKind {
    pub fn blocks_submission(&self) -> bool {
        use WarningKind::*;
        matches!(
            self,
            ManualCsrKeyMismatch
                | ManualCsrMissing
                | NoOriginalKey
                | VerificationNotOffered
                | NoVerificationMethod
                | ContactInvalid
                | DomainsInvalid
                | DomainTypeMismatch
                | DomainsChanged
                | PeriodInvalid
                | PriceMissing
                | DateOutOfRange
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub message: String,
}

impl Warning {
    pub fn new(kind: WarningKind, message: impl Into<String>) -> Self {
        Warning {
            kind,
            message: message.into(),
        }
    }

    pub fn blocks_submission(&self) -> bool {
        self.kind.blocks_submission()
    }
}
