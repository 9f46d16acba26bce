//! Domain names: validation, IDN to punycode, IPv4, coverage, domain type.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::model::DomainType;
use super::punycode;

/// Longest name, without the trailing dot (RFC 1035 as applied by browsers).
pub const MAX_NAME_LEN: usize = 253;
/// Longest label (RFC 1035).
pub const MAX_LABEL_LEN: usize = 63;
/// "Multi-domain: Protects up to five single domain names."
pub const MAX_MULTI_DOMAIN_NAMES: usize = 5;

/// Why a name or a list of names is refused, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum DomainError {
    #[error("Enter a domain name")]
    Empty,
    #[error("The name is {len} characters long; at most 253 are allowed")]
    TooLong { len: usize },
    #[error("The name has an empty part: two dots in a row, or a dot at the start")]
    EmptyLabel,
    #[error("Each part between dots can have at most 63 characters: \"{label}\" has {len}")]
    LabelTooLong { label: String, len: usize },
    #[error("\"{ch}\" is not allowed in a domain name: use letters, digits and hyphens")]
    InvalidCharacter { ch: char },
    #[error("A part of the name cannot start or end with a hyphen: \"{label}\"")]
    HyphenAtEdge { label: String },
    #[error("A wildcard must be the whole first part of the name, as in *.example.com")]
    WildcardPosition,
    #[error("A wildcard needs a registered domain after it, as in *.example.com")]
    WildcardTooBroad,
    #[error("Enter a fully qualified name such as example.com")]
    SingleLabel,
    #[error("The last part of a domain name cannot be only digits")]
    NumericTopLevel,
    #[error(
        "Not a valid IPv4 address: write four numbers from 0 to 255 without leading zeros, as in 192.0.2.10"
    )]
    InvalidIpv4,
    #[error("This internationalised name cannot be converted to its ASCII form")]
    Punycode,
    #[error("Add at least one domain name")]
    NoDomains,
    #[error("A Multi-domain certificate protects at most 5 names; this list has {count}")]
    TooManyNames { count: usize },
    #[error("Wildcard domain names cannot be attached to a Multi-domain certificate")]
    WildcardInMultiDomain,
    #[error("\"{name}\" is listed twice")]
    Duplicate { name: String },
}

/// Full-width and ideographic full stops that IDNA treats as dots.
fn map_dot(c: char) -> char {
    match c {
        '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => '.',
        c => c,
    }
}

/// A dotted quad, or `None` when the text is not made of digits and dots.
fn parse_ipv4(name: &str) -> Option<Result<String, DomainError>> {
    if !name.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let parts: Vec<&str> = name.split('.').collect();
    let valid = parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len())
                && !(p.len() > 1 && p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|v| v <= 255)
        });
    Some(if valid {
        Ok(name.to_string())
    } else {
        Err(DomainError::InvalidIpv4)
    })
}

/// Appends the canonical form of one label to `out`.
fn push_label(raw: &str, out: &mut String) -> Result<(), DomainError> {
    if raw.is_empty() {
        return Err(DomainError::EmptyLabel);
    }
    if raw.contains('*') {
        return Err(DomainError::WildcardPosition);
    }
    let start = out.len();
    if raw.is_ascii() {
        for byte in raw.bytes() {
            let lower = byte.to_ascii_lowercase();
            if !(lower.is_ascii_lowercase() || lower.is_ascii_digit() || lower == b'-') {
                return Err(DomainError::InvalidCharacter {
                    ch: char::from(byte),
                });
            }
            out.push(char::from(lower));
        }
    } else {
        let lower: String = raw.chars().flat_map(char::to_lowercase).collect();
        if let Some(ch) = lower.chars().find(|c| {
            !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                && (c.is_ascii() || !c.is_alphanumeric())
        }) {
            return Err(DomainError::InvalidCharacter { ch });
        }
        out.push_str("xn--");
        out.push_str(&punycode::encode(&lower).ok_or(DomainError::Punycode)?);
    }
    let label = out.get(start..).unwrap_or_default();
    if label.len() > MAX_LABEL_LEN {
        return Err(DomainError::LabelTooLong {
            len: label.len(),
            label: label.to_string(),
        });
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(DomainError::HyphenAtEdge {
            label: label.to_string(),
        });
    }
    Ok(())
}

/// The canonical form of a domain entry: lower case, no trailing dot, IDN
/// labels as punycode ("xn--"), an IPv4 address as its dotted quad.
///
/// Source: "Single Domain: Protects a primary domain name, a subdomain, or a
/// public IP address (IPv4)" and "Wildcard Domain: ... a certificate for
/// *.aliyun.com can protect a.aliyun.com, but not b.a.aliyun.com": a leading
/// `*.` is the only wildcard form. Labels are 1 to 63 letters, digits or
/// hyphens (not at either end), the name at most 253 characters, and at least
/// two labels (public CAs only issue for fully qualified names).
pub fn normalize_domain(input: &str) -> Result<String, DomainError> {
    let trimmed = input.trim();
    let mapped: Cow<'_, str> = if trimmed.is_ascii() {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.chars().map(map_dot).collect())
    };
    let name = mapped.strip_suffix('.').unwrap_or(&mapped);
    if name.is_empty() {
        return Err(DomainError::Empty);
    }
    // Every character becomes at least one in the canonical form, so a
    // longer entry is refused here, before any label is converted to
    // punycode (whose cost grows with the square of a label's length).
    let chars = name.chars().count();
    if chars > MAX_NAME_LEN {
        return Err(DomainError::TooLong { len: chars });
    }
    if let Some(ip) = parse_ipv4(name) {
        return ip;
    }
    let (wildcard, rest) = match name.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, name),
    };
    let mut out = String::with_capacity(name.len() + 8);
    if wildcard {
        out.push_str("*.");
    }
    let mut labels = 0;
    let mut last_numeric = false;
    for raw in rest.split('.') {
        if labels > 0 {
            out.push('.');
        }
        push_label(raw, &mut out)?;
        labels += 1;
        last_numeric = raw.bytes().all(|b| b.is_ascii_digit());
    }
    if labels < 2 {
        return Err(if wildcard {
            DomainError::WildcardTooBroad
        } else {
            DomainError::SingleLabel
        });
    }
    if last_numeric {
        return Err(DomainError::NumericTopLevel);
    }
    if out.len() > MAX_NAME_LEN {
        return Err(DomainError::TooLong { len: out.len() });
    }
    Ok(out)
}

/// Normalizes every entry, refusing duplicates (after normalization).
///
/// A list longer than [`MAX_LISTED_NAMES`] is refused by its count before
/// any entry is read: no certificate type holds that many names.
pub fn normalize_domains(domains: &[String]) -> Result<Vec<String>, DomainError> {
    check_count(domains.len())?;
    let mut seen: HashSet<String> = HashSet::with_capacity(domains.len());
    let mut out: Vec<String> = Vec::with_capacity(domains.len());
    for domain in domains {
        let name = normalize_domain(domain)?;
        if !seen.insert(name.clone()) {
            return Err(DomainError::Duplicate { name });
        }
        out.push(name);
    }
    Ok(out)
}

/// Longest list of names read one by one. Any list of more than
/// [`MAX_MULTI_DOMAIN_NAMES`] is refused; up to this many, the refusal names
/// the entry at fault first (a typo, a duplicate), which is what a user
/// fixes while typing; beyond it (a pasted file), only the count matters.
pub const MAX_LISTED_NAMES: usize = 100;

/// Refuses a list of names by its count alone, before normalizing it.
pub fn check_count(count: usize) -> Result<(), DomainError> {
    if count > MAX_LISTED_NAMES {
        return Err(DomainError::TooManyNames { count });
    }
    Ok(())
}

/// A normalized name is a wildcard (`*.` form).
pub fn is_wildcard(name: &str) -> bool {
    name.starts_with("*.")
}

/// A normalized name is an IPv4 address.
pub fn is_ipv4(name: &str) -> bool {
    matches!(parse_ipv4(name), Some(Ok(_)))
}

fn name_covers(name: &str, host: &str) -> bool {
    if name == host {
        return true;
    }
    let Some(base) = name.strip_prefix("*.") else {
        return false;
    };
    match host
        .strip_suffix(base)
        .and_then(|rest| rest.strip_suffix('.'))
    {
        Some(label) => !label.is_empty() && !label.contains('.') && label != "*",
        None => false,
    }
}

/// Does a certificate for `domains` cover `host`? Case-insensitive, a trailing
/// dot ignored, IDN compared in punycode form; a wildcard covers exactly one
/// label: "a certificate for *.aliyun.com can protect a.aliyun.com, but not
/// b.a.aliyun.com" (nor aliyun.com itself). An invalid host is covered by nothing.
pub fn covers(domains: &[String], host: &str) -> bool {
    let Ok(host) = normalize_domain(host) else {
        return false;
    };
    domains
        .iter()
        .filter_map(|d| normalize_domain(d).ok())
        .any(|name| name_covers(&name, &host))
}

/// The domain type a list of names needs.
///
/// Source: "Single Domain: Protects a primary domain name, a subdomain, or a
/// public IP address (IPv4)", "Wildcard Domain: Protects one primary domain
/// name and all its immediate subdomains", "Multi-domain: Protects up to five
/// single domain names. You cannot attach wildcard domain names."
pub fn domain_type_of(domains: &[String]) -> Result<DomainType, DomainError> {
    type_of_names(&normalize_domains(domains)?)
}

/// [`domain_type_of`] for names already normalized and without duplicates.
pub fn type_of_names(names: &[String]) -> Result<DomainType, DomainError> {
    match names {
        [] => Err(DomainError::NoDomains),
        [one] if is_wildcard(one) => Ok(DomainType::Wildcard),
        [_] => Ok(DomainType::Single),
        many if many.iter().any(|n| is_wildcard(n)) => Err(DomainError::WildcardInMultiDomain),
        many if many.len() > MAX_MULTI_DOMAIN_NAMES => {
            Err(DomainError::TooManyNames { count: many.len() })
        }
        _ => Ok(DomainType::MultiDomain),
    }
}

/// The names typed in a text area: one per line, or separated by commas,
/// semicolons or spaces (each still to be checked with [`normalize_domain`]).
pub fn split_names(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
