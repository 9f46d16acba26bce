//! What can be wrong with a chain, and the sentence for each.

use chrono::NaiveDateTime;

/// How much a problem matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Note,
    /// Works in browsers, but should be fixed.
    Warning,
    /// Clients will reject the chain or the certificate.
    Error,
}

/// Something wrong with a chain. Indices point into `ChainReport::certificates`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    Empty,
    /// The input did not list the chain leaf first, each followed by its
    /// issuer (for an upload: the order of the file as given, before sorting).
    WrongOrder,
    /// The issuer of `certificates[index]` is not in the input. `near_miss` is
    /// the subject of a certificate with the right name but another key
    /// (its SKI does not match the AKI).
    MissingIssuer {
        index: usize,
        subject: String,
        issuer: String,
        authority_key_id: Option<String>,
        near_miss: Option<String>,
    },
    /// The last certificate is a self-signed root (usually unnecessary).
    RootIncluded {
        index: usize,
        subject: String,
    },
    /// The leaf itself is self-signed: no browser trusts it.
    SelfSignedLeaf {
        subject: String,
    },
    /// The first certificate is a CA certificate, not a server certificate.
    LeafIsCa {
        subject: String,
    },
    /// `certificates[index]` issues another but is not a CA.
    IssuerNotCa {
        index: usize,
        subject: String,
    },
    Expired {
        index: usize,
        subject: String,
        not_after: NaiveDateTime,
    },
    NotYetValid {
        index: usize,
        subject: String,
        not_before: NaiveDateTime,
    },
    /// The same certificate appears twice (by fingerprint); the copy was dropped.
    Duplicate {
        input_position: usize,
        subject: String,
    },
    /// A certificate that is not part of the leaf's chain.
    Unrelated {
        input_position: usize,
        subject: String,
    },
}

impl ChainProblem {
    pub fn severity(&self) -> Severity {
        match self {
            Self::RootIncluded { .. } => Severity::Note,
            Self::Duplicate { .. } | Self::Unrelated { .. } | Self::LeafIsCa { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    /// The sentence to show.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "No certificates: the chain is empty.".into(),
            Self::WrongOrder => "The certificates are in the wrong order: a server sends them in the order of its file, and clients expect the server certificate first, then its issuer, then that issuer's issuer. Put them in that order in the file you install; they are shown here in the right order.".into(),
            Self::MissingIssuer { subject, issuer, authority_key_id, near_miss: Some(other), .. } => format!(
                "The issuer of \"{subject}\" (\"{issuer}\") is missing. \"{other}\" has the right name but another key (it does not match the authority key identifier {}): it is a different certificate of the same CA. Use the intermediate certificate that came with this certificate.",
                authority_key_id.as_deref().unwrap_or("-")
            ),
            Self::MissingIssuer { subject, issuer, .. } => format!(
                "The issuer of \"{subject}\" (\"{issuer}\") is missing: the chain is incomplete. Add the intermediate certificate your CA provided after it."
            ),
            Self::RootIncluded { subject, .. } => format!(
                "The chain includes the root \"{subject}\". This is usually unnecessary: browsers already have their roots."
            ),
            Self::SelfSignedLeaf { subject } => format!(
                "\"{subject}\" is self-signed: no browser trusts it unless it is installed by hand."
            ),
            Self::LeafIsCa { subject } => format!(
                "The first certificate, \"{subject}\", is a CA certificate, not a server certificate."
            ),
            Self::IssuerNotCa { subject, .. } => format!(
                "\"{subject}\" issues another certificate of the chain but is not a CA certificate: clients will reject the chain."
            ),
            // NaiveDateTime's Display is "2025-01-01 00:00:00" (whole seconds
            // here), without chrono's format machinery in the bundle.
            Self::Expired { subject, not_after, .. } => {
                format!("\"{subject}\" expired on {not_after} UTC.")
            }
            Self::NotYetValid { subject, not_before, .. } => {
                format!("\"{subject}\" is not valid yet: it starts on {not_before} UTC.")
            }
            Self::Duplicate { input_position, subject } => format!(
                "Certificate {} (\"{subject}\") appears more than once; the copy is ignored.",
                input_position + 1
            ),
            Self::Unrelated { input_position, subject } => format!(
                "Certificate {} (\"{subject}\") is not part of this chain.",
                input_position + 1
            ),
        }
    }
}
