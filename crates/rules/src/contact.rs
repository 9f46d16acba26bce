//! The contact the CA reaches: per-field checks with messages a user can act on.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::domain::{is_ipv4, is_wildcard, normalize_domain};
use super::model::Contact;

pub const MAX_NAME_CHARS: usize = 64;
/// RFC 5321: 64 for the local part, 254 for the whole address.
pub const MAX_EMAIL_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
/// E.164 numbers have at most 15 digits; fewer than 5 is no phone number.
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 5..=15;

/// What is wrong with each field (`None` = the field is fine).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactErrors {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl ContactErrors {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none()
    }
}

impl fmt::Display for ContactErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [&self.name, &self.email, &self.phone]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        f.write_str(&parts.join("; "))
    }
}

pub(crate) fn check_name(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        Some("Enter the contact's name".to_string())
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(format!(
            "Shorten the name to at most {MAX_NAME_CHARS} characters"
        ))
    } else if name.chars().any(char::is_control) {
        Some("Remove the line breaks or control characters from the name".to_string())
    } else {
        None
    }
}

pub(crate) fn check_email(email: &str) -> Option<String> {
    let email = email.trim();
    if email.is_empty() {
        return Some(
            "Enter the contact's email address: the CA may send the validation email to it"
                .to_string(),
        );
    }
    let example = "write it as name@example.com";
    if email.len() > MAX_EMAIL_LEN {
        return Some(format!(
            "The email address is longer than {MAX_EMAIL_LEN} characters"
        ));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Some(format!("The email address needs an @: {example}"));
    };
    if local.is_empty() || local.len() > MAX_LOCAL_LEN || domain.contains('@') {
        return Some(format!("Check the part before the @: {example}"));
    }
    if local
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "(),:;<>[]\\\"".contains(c))
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Some(format!(
            "The part before the @ has a character an address cannot use: {example}"
        ));
    }
    match normalize_domain(domain) {
        Ok(name) if !is_wildcard(&name) && !is_ipv4(&name) => None,
        _ => Some(format!("Check the domain after the @: {example}")),
    }
}

pub(crate) fn check_phone(phone: &str) -> Option<String> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Some(
            "Enter the contact's phone number: the CA may call it during the review".to_string(),
        );
    }
    let body = phone.strip_prefix('+').unwrap_or(phone);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || " -().".contains(c))
    {
        return Some(
            "Use only digits, spaces, hyphens, brackets and a leading +, as in +86 138 0013 8000"
                .to_string(),
        );
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if PHONE_DIGITS.contains(&digits) {
        None
    } else {
        Some(format!(
            "A phone number has 5 to 15 digits; this one has {digits}"
        ))
    }
}

/// Checks each field of the contact.
///
/// Source: "Depending on the domain validation method, the CA may send a
/// certificate validation email to this contact or communicate with them about
/// the review using their mobile phone number. Make sure the contact
/// information is accurate and valid."
pub fn validate_contact(contact: &Contact) -> Result<(), ContactErrors> {
    let errors = ContactErrors {
        name: check_name(&contact.name),
        email: check_email(&contact.email),
        phone: check_phone(&contact.phone),
    };
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The contact has at least one field filled in.
pub fn is_blank(contact: &Contact) -> bool {
    contact.name.trim().is_empty()
        && contact.email.trim().is_empty()
        && contact.phone.trim().is_empty()
}
