//! Names: distinguished names and subject alternative names.

use std::fmt;
use std::net::IpAddr;

use x509_parser::extensions::GeneralName;
use x509_parser::x509::X509Name;

use super::{oids, text};

/// One attribute of a distinguished name, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameAttribute {
    /// Short name ("CN", "O", "C", ...) or the dotted OID when there is none.
    pub key: String,
    /// The value, decoded and with control characters made visible.
    pub value: String,
}

/// A subject or issuer name: its attributes in encoded order, and its DER
/// (chains match issuer to subject on the DER, as RFC 5280 path building does).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DistinguishedName {
    rdns: Vec<Vec<NameAttribute>>,
    der: Vec<u8>,
}

impl DistinguishedName {
    pub(crate) fn from_parsed(name: &X509Name<'_>) -> Self {
        let rdns = name
            .iter_rdn()
            .map(|rdn| {
                rdn.iter()
                    .map(|atv| {
                        let oid = atv.attr_type().as_bytes();
                        let key = oids::NAME_ATTRIBUTES
                            .iter()
                            .find(|(o, _)| *o == oid)
                            .map_or_else(|| oids::dotted(oid), |(_, k)| (*k).to_string());
                        let value = atv.attr_value();
                        NameAttribute {
                            key,
                            value: text::asn1_string(value.tag().0, value.data),
                        }
                    })
                    .collect()
            })
            .collect();
        Self {
            rdns,
            der: name.as_raw().to_vec(),
        }
    }

    /// Every attribute, in encoded order (multi-valued RDNs flattened).
    pub fn attributes(&self) -> impl Iterator<Item = &NameAttribute> {
        self.rdns.iter().flatten()
    }

    /// The value of the last attribute with this short name ("CN", "O", ...):
    /// the last is the most specific in an X.509 name.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.attributes()
            .filter(|a| a.key == key)
            .last()
            .map(|a| a.value.as_str())
    }

    pub fn common_name(&self) -> Option<&str> {
        self.get("CN")
    }

    pub fn organization(&self) -> Option<&str> {
        self.get("O")
    }

    /// The name's DER encoding (an RDNSequence).
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    pub fn is_empty(&self) -> bool {
        self.rdns.is_empty()
    }
}

/// "C=US, O=Example, CN=example.com": encoded order, as openssl prints it;
/// the attributes of a multi-valued RDN are joined with " + ".
impl fmt::Display for DistinguishedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self
            .rdns
            .iter()
            .map(|rdn| {
                rdn.iter()
                    .map(|a| format!("{}={}", a.key, a.value))
                    .collect::<Vec<_>>()
                    .join(" + ")
            })
            .collect::<Vec<_>>()
            .join(", ");
        f.write_str(&text)
    }
}

/// An entry of a subjectAltName extension.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SubjectAltName {
    Dns(String),
    Ip(IpAddr),
    Email(String),
    Uri(String),
    /// Any other kind, described ("DirName: CN=...", "IP (5 bytes): ...").
    Other(String),
}

impl SubjectAltName {
    /// Reads what a user typed: an IP address if it parses as one, else a DNS name.
    pub fn parse(text: &str) -> Self {
        let text = text.trim();
        match text.parse::<IpAddr>() {
            Ok(ip) => Self::Ip(ip),
            Err(_) => Self::Dns(text.to_string()),
        }
    }

    pub(crate) fn from_general_name(name: &GeneralName<'_>) -> Self {
        match name {
            GeneralName::DNSName(s) => Self::Dns(text::visible(s)),
            GeneralName::IPAddress(bytes) => match bytes.len() {
                4 => Self::Ip(IpAddr::from(
                    <[u8; 4]>::try_from(*bytes).unwrap_or_default(),
                )),
                16 => Self::Ip(IpAddr::from(
                    <[u8; 16]>::try_from(*bytes).unwrap_or_default(),
                )),
                n => Self::Other(format!("IP ({n} bytes): {}", text::colon_hex(bytes))),
            },
            GeneralName::RFC822Name(s) => Self::Email(text::visible(s)),
            GeneralName::URI(s) => Self::Uri(text::visible(s)),
            GeneralName::DirectoryName(n) => {
                Self::Other(format!("DirName: {}", DistinguishedName::from_parsed(n)))
            }
            GeneralName::OtherName(oid, _) => {
                Self::Other(format!("othername: {}", oids::dotted(oid.as_bytes())))
            }
            GeneralName::RegisteredID(oid) => {
                Self::Other(format!("Registered ID: {}", oids::dotted(oid.as_bytes())))
            }
            GeneralName::X400Address(_) => Self::Other("X400Name".to_string()),
            GeneralName::EDIPartyName(_) => Self::Other("EdiPartyName".to_string()),
            GeneralName::Invalid(tag, bytes) => Self::Other(format!(
                "invalid entry (tag {}): {}",
                tag.0,
                text::colon_hex(bytes)
            )),
        }
    }

    /// The value alone ("example.com", "192.0.2.1").
    pub fn value(&self) -> String {
        match self {
            Self::Dns(s) | Self::Email(s) | Self::Uri(s) | Self::Other(s) => s.clone(),
            Self::Ip(ip) => ip.to_string(),
        }
    }
}

/// "DNS:example.com", "IP Address:192.0.2.1": openssl's spelling.
impl fmt::Display for SubjectAltName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dns(s) => write!(f, "DNS:{s}"),
            Self::Ip(ip) => write!(f, "IP Address:{ip}"),
            Self::Email(s) => write!(f, "email:{s}"),
            Self::Uri(s) => write!(f, "URI:{s}"),
            Self::Other(s) => f.write_str(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_alt_names() {
        assert_eq!(
            SubjectAltName::parse(" 192.0.2.1 "),
            SubjectAltName::Ip("192.0.2.1".parse().expect("ip"))
        );
        assert_eq!(
            SubjectAltName::parse("a.com"),
            SubjectAltName::Dns("a.com".into())
        );
        assert_eq!(SubjectAltName::parse("::1").to_string(), "IP Address:::1");
    }
}
