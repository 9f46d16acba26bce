//! The extensions Certdesk shows and writes: key usage, extended key usage,
//! basic constraints, key identifiers, subject alternative names.

use std::collections::HashSet;
use std::fmt;

use x509_parser::extensions::{ParsedExtension, X509Extension};

use super::names::SubjectAltName;
use super::{oids, text};

/// A keyUsage bit (RFC 5280 4.2.1.3), in bit order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyUsage {
    DigitalSignature,
    ContentCommitment,
    KeyEncipherment,
    DataEncipherment,
    KeyAgreement,
    KeyCertSign,
    CrlSign,
    EncipherOnly,
    DecipherOnly,
}

impl KeyUsage {
    pub const ALL: [KeyUsage; 9] = [
        Self::DigitalSignature,
        Self::ContentCommitment,
        Self::KeyEncipherment,
        Self::DataEncipherment,
        Self::KeyAgreement,
        Self::KeyCertSign,
        Self::CrlSign,
        Self::EncipherOnly,
        Self::DecipherOnly,
    ];

    /// The bit number in the KeyUsage BIT STRING.
    pub fn bit(self) -> u8 {
        self as u8
    }

    /// The name openssl and browsers show ("Digital Signature").
    pub fn name(self) -> &'static str {
        match self {
            Self::DigitalSignature => "Digital Signature",
            Self::ContentCommitment => "Non Repudiation",
            Self::KeyEncipherment => "Key Encipherment",
            Self::DataEncipherment => "Data Encipherment",
            Self::KeyAgreement => "Key Agreement",
            Self::KeyCertSign => "Certificate Sign",
            Self::CrlSign => "CRL Sign",
            Self::EncipherOnly => "Encipher Only",
            Self::DecipherOnly => "Decipher Only",
        }
    }
}

impl fmt::Display for KeyUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An extendedKeyUsage purpose (RFC 5280 4.2.1.12).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExtendedKeyUsage {
    ServerAuth,
    ClientAuth,
    CodeSigning,
    EmailProtection,
    TimeStamping,
    OcspSigning,
    Any,
    /// A purpose we have no name for (dotted OID).
    Other(String),
}

impl ExtendedKeyUsage {
    pub fn name(&self) -> String {
        match self {
            Self::ServerAuth => "TLS Web Server Authentication".into(),
            Self::ClientAuth => "TLS Web Client Authentication".into(),
            Self::CodeSigning => "Code Signing".into(),
            Self::EmailProtection => "E-mail Protection".into(),
            Self::TimeStamping => "Time Stamping".into(),
            Self::OcspSigning => "OCSP Signing".into(),
            Self::Any => "Any Extended Key Usage".into(),
            Self::Other(oid) => oid.clone(),
        }
    }

    /// The encoded OID, for the writer; `None` for `Other`.
    pub(crate) fn oid(&self) -> Option<&'static [u8]> {
        Some(match self {
            Self::ServerAuth => oids::EKU_SERVER_AUTH,
            Self::ClientAuth => oids::EKU_CLIENT_AUTH,
            Self::CodeSigning => oids::EKU_CODE_SIGNING,
            Self::EmailProtection => oids::EKU_EMAIL_PROTECTION,
            Self::TimeStamping => oids::EKU_TIME_STAMPING,
            Self::OcspSigning => oids::EKU_OCSP_SIGNING,
            Self::Any => oids::EKU_ANY,
            Self::Other(_) => return None,
        })
    }
}

impl fmt::Display for ExtendedKeyUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// The extensions of a certificate or CSR, read once into owned values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Extensions {
    pub alt_names: Vec<SubjectAltName>,
    pub key_usage: Vec<KeyUsage>,
    pub extended_key_usage: Vec<ExtendedKeyUsage>,
    /// `Some` when basicConstraints is present: (cA, pathLenConstraint).
    pub basic_constraints: Option<(bool, Option<u32>)>,
    pub subject_key_id: Option<Vec<u8>>,
    pub authority_key_id: Option<Vec<u8>>,
    /// Extensions that are present but unreadable or repeated, as sentences.
    pub warnings: Vec<String>,
}

impl Extensions {
    pub(crate) fn read<'a>(extensions: impl IntoIterator<Item = &'a X509Extension<'a>>) -> Self {
        let mut out = Self::default();
        let mut seen: HashSet<&[u8]> = HashSet::new();
        for ext in extensions {
            let oid = ext.oid.as_bytes();
            if !seen.insert(oid) {
                out.warnings.push(format!(
                    "The extension {} appears more than once; only the first is shown.",
                    extension_name(oid)
                ));
                continue;
            }
            out.take(ext.parsed_extension(), oid);
        }
        out
    }

    fn take(&mut self, parsed: &ParsedExtension<'_>, oid: &[u8]) {
        match parsed {
            ParsedExtension::SubjectAlternativeName(san) => {
                self.alt_names = san
                    .general_names
                    .iter()
                    .map(SubjectAltName::from_general_name)
                    .collect();
            }
            ParsedExtension::KeyUsage(ku) => {
                self.key_usage = KeyUsage::ALL
                    .into_iter()
                    .filter(|u| ku.flags & (1 << u.bit()) != 0)
                    .collect();
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                let known = [
                    (eku.server_auth, ExtendedKeyUsage::ServerAuth),
                    (eku.client_auth, ExtendedKeyUsage::ClientAuth),
                    (eku.code_signing, ExtendedKeyUsage::CodeSigning),
                    (eku.email_protection, ExtendedKeyUsage::EmailProtection),
                    (eku.time_stamping, ExtendedKeyUsage::TimeStamping),
                    (eku.ocsp_signing, ExtendedKeyUsage::OcspSigning),
                    (eku.any, ExtendedKeyUsage::Any),
                ];
                self.extended_key_usage = known
                    .into_iter()
                    .filter_map(|(on, u)| on.then_some(u))
                    .chain(
                        eku.other
                            .iter()
                            .map(|o| ExtendedKeyUsage::Other(oids::dotted(o.as_bytes()))),
                    )
                    .collect();
            }
            ParsedExtension::BasicConstraints(bc) => {
                self.basic_constraints = Some((bc.ca, bc.path_len_constraint));
            }
            ParsedExtension::SubjectKeyIdentifier(id) => self.subject_key_id = Some(id.0.to_vec()),
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                self.authority_key_id = aki.key_identifier.as_ref().map(|id| id.0.to_vec());
            }
            ParsedExtension::ParseError { .. } => self.warnings.push(format!(
                "The extension {} could not be read; it is not shown.",
                extension_name(oid)
            )),
            _ => {}
        }
    }
}

fn extension_name(oid: &[u8]) -> String {
    match oid {
        oids::SUBJECT_ALT_NAME => "subjectAltName".into(),
        oids::KEY_USAGE => "keyUsage".into(),
        oids::EXT_KEY_USAGE => "extendedKeyUsage".into(),
        oids::BASIC_CONSTRAINTS => "basicConstraints".into(),
        oids::SUBJECT_KEY_ID => "subjectKeyIdentifier".into(),
        oids::AUTHORITY_KEY_ID => "authorityKeyIdentifier".into(),
        other => oids::dotted(other),
    }
}

/// Key identifiers as openssl prints them.
pub(crate) fn key_id_text(id: &[u8]) -> String {
    text::colon_hex(id)
}
