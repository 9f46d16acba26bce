//! What a set of names means: the specification's domain type (single,
//! wildcard, multi-domain) and the hosts a certificate covers.

use std::net::IpAddr;

use super::names::SubjectAltName;
use certdesk_rules::model::DomainType;

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
}
