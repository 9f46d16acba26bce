//! What could not be read, and the sentence that tells the user why.
//!
//! Each message names what was found and what was expected, so the user
//! knows what to paste instead.

use std::fmt;

use super::der::{self, ReadError};
use super::detect::Found;
use super::input::MAX_INPUT_BYTES;
use super::pem::BlockError;

/// The kind of a problem, for callers that branch on it (tests, icons).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    Empty,
    TooLarge,
    PrivateKey,
    PublicKey,
    RevocationList,
    SshKey,
    /// A PEM block of a kind Certdesk does not read.
    UnsupportedBlock,
    /// PEM text cut short: a block without END, or base64 that stops early.
    Truncated,
    /// Characters in a PEM block that are not base64.
    DamagedBase64,
    /// The bytes decode but are not a valid certificate, CSR or bundle.
    InvalidStructure,
    /// DER of some other kind.
    UnknownDer,
    BinaryData,
    NoCertificate,
    /// A PKCS#7 without certificates, or of another content type.
    EmptyBundle,
    /// Where one CSR was expected: a certificate, several CSRs, or none.
    NotOneCsr,
    TrailingData,
}

/// One thing that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadProblem {
    pub kind: ProblemKind,
    /// 1-based line of the PEM block concerned, when there is one.
    pub line: Option<usize>,
    /// The sentence to show.
    pub message: String,
}

impl fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

const PASTE_CERTIFICATE: &str = "paste the certificate (BEGIN CERTIFICATE) instead.";

pub(super) fn at(line: Option<usize>) -> String {
    line.map(|l| format!(" at line {l}")).unwrap_or_default()
}

impl ReadProblem {
    pub(super) fn new(kind: ProblemKind, line: Option<usize>, message: String) -> Self {
        Self {
            kind,
            line,
            message,
        }
    }

    pub(crate) fn empty() -> Self {
        Self::new(
            ProblemKind::Empty,
            None,
            "Empty input: there is nothing to read. Paste a certificate (BEGIN CERTIFICATE) or choose a certificate file.".into(),
        )
    }

    pub(crate) fn too_large(size: usize) -> Self {
        let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
        Self::new(
            ProblemKind::TooLarge,
            None,
            format!(
                "File is larger than {:.0} MB ({:.1} MB): a certificate chain is a few kilobytes. Check that you chose the certificate file (.pem, .crt, .cer, .der or .p7b).",
                mb(MAX_INPUT_BYTES),
                mb(size)
            ),
        )
    }

    pub(crate) fn binary() -> Self {
        Self::new(
            ProblemKind::BinaryData,
            None,
            "No certificate found: the input looks like random binary data (not PEM text, and not a DER certificate, CSR or PKCS#7 bundle).".into(),
        )
    }

    pub(crate) fn no_certificate_in_text() -> Self {
        Self::new(
            ProblemKind::NoCertificate,
            None,
            "No certificate found: the text contains no -----BEGIN CERTIFICATE----- block. Paste the certificate including its BEGIN and END lines.".into(),
        )
    }

    pub(crate) fn not_wanted(found: Found, line: Option<usize>) -> Self {
        let (kind, message) = match found {
            Found::PrivateKey(what) => (
                ProblemKind::PrivateKey,
                format!(
                    "This is a private key ({what}{}). Certdesk never needs your private key: {PASTE_CERTIFICATE}",
                    at(line)
                ),
            ),
            Found::Pkcs12 => (
                ProblemKind::PrivateKey,
                format!(
                    "This is a PKCS#12 (.pfx/.p12) file{}, which holds a private key. Certdesk never needs your private key: export the certificate alone (PEM or DER) and upload that.",
                    at(line)
                ),
            ),
            Found::PublicKey(what) => (
                ProblemKind::PublicKey,
                format!(
                    "This is a public key ({what}{}), not a certificate: {PASTE_CERTIFICATE}",
                    at(line)
                ),
            ),
            Found::Crl(what) => (
                ProblemKind::RevocationList,
                format!(
                    "This is a certificate revocation list ({what}{}), not a certificate: {PASTE_CERTIFICATE}",
                    at(line)
                ),
            ),
            Found::SshKey => (
                ProblemKind::SshKey,
                format!("This is an SSH key, not an SSL certificate: {PASTE_CERTIFICATE}"),
            ),
            Found::Other(label) => (
                ProblemKind::UnsupportedBlock,
                format!(
                    "This is a {label} block{}, not a certificate. Certdesk reads CERTIFICATE, CERTIFICATE REQUEST and PKCS7 blocks.",
                    at(line)
                ),
            ),
            Found::Certificate | Found::Csr | Found::Pkcs7 | Found::Ignored | Found::Unknown => (
                ProblemKind::UnknownDer,
                format!(
                    "This data{} is not a certificate, CSR or PKCS#7 bundle.",
                    at(line)
                ),
            ),
        };
        Self::new(kind, line, message)
    }

    pub(crate) fn no_end(label: &str, line: usize) -> Self {
        Self::new(
            ProblemKind::Truncated,
            Some(line),
            format!(
                "The {label} block that starts at line {line} has no END line: the text is truncated. Copy the whole block, from -----BEGIN {label}----- to -----END {label}-----."
            ),
        )
    }

    pub(crate) fn empty_block(label: &str, line: usize) -> Self {
        Self::new(
            ProblemKind::Truncated,
            Some(line),
            format!(
                "The {label} block at line {line} is empty: there is nothing between its BEGIN and END lines."
            ),
        )
    }

    pub(crate) fn bad_base64(label: &str, line: usize, error: &BlockError) -> Self {
        let (kind, why) = match error {
            BlockError::BadCharacter { line: l, character } => (
                ProblemKind::DamagedBase64,
                format!(
                    "line {l} contains '{}', which base64 never uses",
                    character.escape_debug()
                ),
            ),
            _ => (
                ProblemKind::Truncated,
                "it stops in the middle (a line is missing or was cut)".to_string(),
            ),
        };
        Self::new(
            kind,
            Some(line),
            format!(
                "The base64 inside the {label} block at line {line} is damaged: {why}. Copy the block again from its source."
            ),
        )
    }

    /// A block whose base64 is fine but whose content is not what the label says.
    pub(crate) fn damaged_der(label: &str, line: usize, body: &[u8], detail: &str) -> Self {
        let what = match Found::from_label(label) {
            Found::Csr => "certificate signing request",
            _ => "X.509 certificate",
        };
        match der::read(body) {
            Err(ReadError::Truncated {
                declared,
                available,
            }) => Self::new(
                ProblemKind::Truncated,
                Some(line),
                format!(
                    "The {label} block at line {line} is truncated: it declares {declared} bytes but holds {available}. Copy the block again from its source."
                ),
            ),
            _ => Self::new(
                ProblemKind::InvalidStructure,
                Some(line),
                format!(
                    "The {label} block at line {line} decodes, but it is not a valid {what} ({detail})."
                ),
            ),
        }
    }

    pub(crate) fn bad_der(error: ReadError, line: Option<usize>) -> Self {
        match error {
            ReadError::Truncated {
                declared,
                available,
            } => Self::new(
                ProblemKind::Truncated,
                line,
                format!(
                    "The data{} is truncated: it declares {declared} bytes but only {available} are present. Download or copy the file again.",
                    at(line)
                ),
            ),
            ReadError::Malformed => Self::binary(),
        }
    }

    pub(crate) fn unknown_der(line: Option<usize>) -> Self {
        Self::new(
            ProblemKind::UnknownDer,
            line,
            format!(
                "This is DER data{}, but not a certificate, CSR or PKCS#7 bundle. Certdesk reads PEM (BEGIN CERTIFICATE), DER certificates and .p7b bundles.",
                at(line)
            ),
        )
    }

    pub(crate) fn trailing_data(bytes: usize) -> Self {
        Self::new(
            ProblemKind::TrailingData,
            None,
            format!("{bytes} bytes after the last certificate could not be read and were ignored."),
        )
    }
}
