//! What a set of names means: the specification's domain type (single,
//! wildcard, multi-domain) and the hosts a certificate covers.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

use super::names::SubjectAltName;
use certdesk_rules::model::DomainType;

/// The names a certificate or CSR is for: its DNS and IP subjectAltNames, or,
/// when it has none, its subject CN (legacy certificates). Lowercased, in order,
/// without duplicates.
pub(crate) fn bound_names(sans: &[SubjectAltName], common_name: Option<&str>) -> Vec<String> {
    // A set beside the list: certificates can carry tens of thousands of names.
    let mut seen: HashSet<String> = HashSet::new();
    let mut names: Vec<String> = Vec::new();
    let mut push = |n: String| {
        if !n.is_empty() && seen.insert(n.clone()) {
            names.push(n);
        }
    };
    for san in sans {
        match san {
            SubjectAltName::Dns(d) => push(d.trim_end_matches('.').to_ascii_lowercase()),
            SubjectAltName::Ip(ip) => push(ip.to_string()),
            _ => {}
        }
    }
    if names.is_empty()
        && let Some(cn) = common_name
    {
        let cn = cn.trim().trim_end_matches('.').to_ascii_lowercase();
        if !cn.is_empty() {
            names.push(cn);
        }
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
    // One lowercase copy per name and set lookups: a name is folded when the
    // set holds its companion ("www." or "*." + name) or another wildcard
    // whose parent is the name's parent ([`name_covers`]'s rule).
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let all: HashSet<&str> = lower.iter().map(String::as_str).collect();
    // Wildcard parent -> up to two distinct wildcards with it: enough to
    // find one other than the name itself.
    let mut wildcards: HashMap<&str, Vec<&str>> = HashMap::new();
    // "*." (trimmed to "*") is no wildcard to `name_covers`: it covers the
    // host "*" only, so it is kept apart from the real wildcards of "*".
    let mut bare_stars: Vec<&str> = Vec::new();
    for w in lower.iter().filter(|n| n.starts_with("*.")) {
        let Some(parent) = w.trim_end_matches('.').strip_prefix("*.") else {
            bare_stars.push(w);
            continue;
        };
        let entry = wildcards.entry(parent).or_default();
        if entry.len() < 2 && !entry.contains(&w.as_str()) {
            entry.push(w);
        }
    }
    let covered_by_another_wildcard = |name: &str| {
        let host = name.trim().trim_end_matches('.');
        // `name_covers` decides; the parent only narrows the candidates
        // ("*." alone, trimmed to "*", covers the host "*").
        let parent = match host.split_once('.') {
            Some((_, rest)) => rest,
            None => host,
        };
        (host == "*" && bare_stars.iter().any(|w| *w != name))
            || wildcards
                .get(parent)
                .is_some_and(|ws| ws.iter().any(|w| *w != name && name_covers(w, host)))
    };
    let folded = |name: &str| {
        all.contains(format!("www.{name}").as_str())
            || all.contains(format!("*.{name}").as_str())
            || covered_by_another_wildcard(name)
    };
    let mut primary = lower.iter().filter(|n| !folded(n));
    match (primary.next(), primary.next()) {
        (None, _) => DomainType::Single,
        (Some(one), None) if one.starts_with("*.") => DomainType::Wildcard,
        (Some(_), None) => DomainType::Single,
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
