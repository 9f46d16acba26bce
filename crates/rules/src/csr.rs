//! Rule 7: how the CSR of a new certificate is produced.

use serde::{Deserialize, Serialize};

use super::model::{CsrMode, KeyAlgorithm};
use super::warnings::{Warning, WarningKind};

/// The outcome of the CSR choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsrCheck {
    /// Key algorithm of the new certificate (`None` while a manual CSR is missing).
    pub key_algorithm: Option<KeyAlgorithm>,
    /// The new certificate can be deployed to cloud products from the console.
    pub cloud_deployable: bool,
    /// Warnings, including the blocking ones.
    pub warnings: Vec<Warning>,
}

/// Checks a CSR choice. `key_algorithm` is the one the new certificate must
/// have: the original's for a renewal, the chosen one for a purchase;
/// `must_match` is true for a renewal. `original_key` is the original's key
/// algorithm when there is an original whose key is held.
///
/// Sources: "Automatic: The system generates and securely hosts a new key pair
/// with the same key algorithm as the original certificate". "Manual Entry ...
/// Certificates issued using this method cannot be deployed to Alibaba Cloud
/// products through the console." "If the encryption algorithm of the manually
/// entered CSR does not match the Key Algorithm of the old certificate, you
/// cannot submit the certificate for review." "Update with Original Key ...
/// This method does not follow key rotation best practices and may not meet
/// the compliance requirements of some industries."
pub fn check_csr(
    mode: CsrMode,
    key_algorithm: KeyAlgorithm,
    must_match: bool,
    original_key: Option<KeyAlgorithm>,
    manual_csr_key: Option<KeyAlgorithm>,
) -> CsrCheck {
    let mut warnings = Vec::new();
    let (key, cloud_deployable) = match mode {
        CsrMode::Automatic => (Some(key_algorithm), true),
        CsrMode::Manual => {
            warnings.push(Warning::new(
                WarningKind::ManualCsrNotDeployable,
                "Certificates issued from a manually entered CSR cannot be deployed to cloud products from the console",
            ));
            warnings.push(Warning::new(
                WarningKind::ManualCsrKeyCustody,
                "Keep your private key safe: the console does not store it, and a lost key means buying a new certificate",
            ));
            match manual_csr_key {
                None => {
                    warnings.push(Warning::new(
                        WarningKind::ManualCsrMissing,
                        "Paste the content of your CSR file",
                    ));
                    (None, false)
                }
                Some(csr) if must_match && csr != key_algorithm => {
                    warnings.push(Warning::new(
                        WarningKind::ManualCsrKeyMismatch,
                        format!(
                            "The CSR's key algorithm ({}) differs from the original certificate's ({}): \
                             the request cannot be submitted for review",
                            csr.label(),
                            key_algorithm.label()
                        ),
                    ));
                    (Some(csr), false)
                }
                Some(csr) => (Some(csr), false),
            }
        }
        CsrMode::OriginalKey => match original_key {
            Some(original) => {
                warnings.push(Warning::new(
                    WarningKind::OriginalKeyCompliance,
                    "Update with Original Key skips key rotation and may not meet the compliance \
                     requirements of some industries",
                ));
                (Some(original), true)
            }
            None => {
                warnings.push(Warning::new(
                    WarningKind::NoOriginalKey,
                    "There is no original key to reuse: choose Automatic or Manual Entry",
                ));
                (None, true)
            }
        },
    };
    CsrCheck {
        key_algorithm: key,
        cloud_deployable,
        warnings,
    }
}
