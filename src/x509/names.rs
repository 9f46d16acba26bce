//! Names: distinguished names, subject alternative names, and what a set of
//! names means for the specification (single, wildcard, multi-domain) and for
//! the host a certificate covers.

use std::fmt;
use std::net::IpAddr;

use x509_parser::extensions::GeneralName;
use x509_parser::x509::X509Name;

use super::{oids, text};
use crate::rules::model::DomainType;

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

/// The names a certificate or CSR is for: its DNS and IP subjectAltNames, or,
/// when it has none, its subject CN (legacy certificates). Lowercased, in order,
/// without duplicates.
pub(crate) fn bound_names(sans: &[SubjectAltName], common_name: Option<&str>) -> Vec<String> {
    fn push(names: &mut Vec<String>, n: String) {
        if !n.is_empty() && !names.contains(&n) {
            names.push(n);
        }
    }
    let mut names: Vec<String> = Vec::new();
    for san in sans {
        match san {
            SubjectAltName::Dns(d) => {
                push(&mut names, d.trim_end_matches('.').to_ascii_lowercase())
            }
            SubjectAltName::Ip(ip) => push(&mut names, ip.to_string()),
            _ => {}
        }
    }
    if names.is_empty()
        && let Some(cn) = common_name
    {
        push(
            &mut names,
            cn.trim().trim_end_matches('.').to_ascii_lowercase(),
        );
    }
    names
}

/// The specification's domain type for a set of names.
///
/// CAs add a free companion name to single-domain and wildcard products
/// (`www.example.com` with `example.com`, `example.com` with
/// `*.example.com`), so a companion does not make a certificate
/// multi-domain; nor does a name a wildcard of the same set already covers.
/// After folding those: one name is Single (or Wildcard
/// if it starts with `*.`); more names are MultiDomain, with or without
/// wildcards among them. No names at all counts as Single.
pub fn domain_type_of(names: &[String]) -> DomainType {
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let companion_of = |name: &str, other: &str| {
        other
            .strip_prefix("www.")
            .or_else(|| other.strip_prefix("*."))
            .is_some_and(|base| base == name)
    };
    let covered_by_wildcard =
        |name: &str, other: &str| other.starts_with("*.") && name_covers(other, name);
    let primary: Vec<&String> = lower
        .iter()
        .filter(|n| {
            !lower
                .iter()
                .any(|o| o != *n && (companion_of(n, o) || covered_by_wildcard(n, o)))
        })
        .collect();
    match primary.as_slice() {
        [] => DomainType::Single,
        [one] if one.starts_with("*.") => DomainType::Wildcard,
        [_] => DomainType::Single,
        _ => DomainType::MultiDomain,
    }
}

/// Whether `name` (a certificate name, maybe `*.`) covers `host`, by RFC 6125:
/// a wildcard covers exactly one label, never the bare parent domain.
pub fn name_covers(name: &str, host: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return false;
    }
    if let (Ok(a), Ok(b)) = (name.parse::<IpAddr>(), host.parse::<IpAddr>()) {
        return a == b;
    }
    match name.strip_prefix("*.") {
        Some(parent) => host
            .split_once('.')
            .is_some_and(|(label, rest)| !label.is_empty() && rest == parent),
        None => name == host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn domain_types() {
        use DomainType::*;
        assert_eq!(domain_type_of(&names(&["example.com"])), Single);
        assert_eq!(
            domain_type_of(&names(&["example.com", "www.example.com"])),
            Single
        );
        assert_eq!(domain_type_of(&names(&["*.example.com"])), Wildcard);
        assert_eq!(
            domain_type_of(&names(&["*.example.com", "example.com"])),
            Wildcard
        );
        assert_eq!(domain_type_of(&names(&["a.com", "b.com"])), MultiDomain);
        assert_eq!(domain_type_of(&names(&["*.a.com", "*.b.com"])), MultiDomain);
        assert_eq!(domain_type_of(&names(&["192.0.2.1"])), Single);
        assert_eq!(domain_type_of(&names(&[])), Single);
        assert_eq!(
            domain_type_of(&names(&["example.com", "www.example.com", "*.example.com"])),
            Wildcard
        );
        assert_eq!(
            domain_type_of(&names(&["*.example.com", "www.other.com"])),
            MultiDomain
        );
    }

    #[test]
    fn coverage_follows_rfc_6125() {
        assert!(name_covers("*.example.com", "www.example.com"));
        assert!(name_covers("*.EXAMPLE.com", "Www.example.com."));
        assert!(!name_covers("*.example.com", "example.com"));
        assert!(!name_covers("*.example.com", "a.b.example.com"));
        assert!(!name_covers("*.example.com", ".example.com"));
        assert!(name_covers("example.com", "example.com"));
        assert!(name_covers("192.0.2.1", "192.0.2.1"));
        assert!(!name_covers("192.0.2.1", "192.0.2.2"));
        assert!(!name_covers("example.com", ""));
    }

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
