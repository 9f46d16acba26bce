//! What domain validation needs for a request: the exact DNS TXT record or
//! validation file. The values are derived from the certificate and domain,
//! so they stay the same between showing them and the CA checking them.

use chrono::Datelike;
use sha2::{Digest, Sha256};

use crate::rules::Certificate;

/// Where the CA looks for the validation file.
pub const FILE_PATH: &str = "/.well-known/pki-validation/fileauth.txt";

/// The token the CA expects for `domain` of `cert`.
pub fn token(cert: &Certificate, domain: &str) -> String {
    let digest = Sha256::digest(format!(
        "certdesk-dcv|{}|{}",
        cert.id,
        domain.to_ascii_lowercase()
    ));
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    // Date digits without chrono's format machinery (it weighs ~10 KB of wasm).
    let day = cert.applied_on.map_or(String::new(), |d| {
        format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
    });
    format!("{day}{hex}")
}

/// The DNS zone a name is validated in: a wildcard `*.a.com` in `a.com`.
fn base(domain: &str) -> &str {
    domain.strip_prefix("*.").unwrap_or(domain)
}

/// Manual DNS verification: the TXT record to add (host, value).
pub fn dns_txt_record(cert: &Certificate, domain: &str) -> (String, String) {
    (format!("_dnsauth.{}", base(domain)), token(cert, domain))
}

/// File verification: the URL the CA fetches and the file's content.
pub fn validation_file(cert: &Certificate, domain: &str) -> (String, String) {
    (
        format!("http://{}{FILE_PATH}", base(domain)),
        format!(
            "{}\n{}\n",
            token(cert, domain),
            cert.spec.brand.label().to_lowercase()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::demo::demo_inventory;

    #[test]
    fn records_are_stable_per_certificate_and_domain() {
        let inv = demo_inventory("2026-11-23".parse().unwrap());
        let cert = inv.find("cas-5c1b27").unwrap(); // *.dev.example.com, Pending Application
        let (host, value) = dns_txt_record(cert, "*.dev.example.com");
        assert_eq!(host, "_dnsauth.dev.example.com");
        assert_eq!(
            value.len(),
            32,
            "no date before submission, then 16 hex bytes"
        );
        assert_eq!(
            dns_txt_record(cert, "*.DEV.example.com").1,
            value,
            "case does not matter"
        );
        let other = inv.find("cas-3c4d56-1").unwrap();
        assert_ne!(dns_txt_record(other, "*.dev.example.com").1, value);
        let (url, content) = validation_file(other, "portal.example.com");
        assert_eq!(
            url,
            "http://portal.example.com/.well-known/pki-validation/fileauth.txt"
        );
        assert!(content.starts_with(&token(other, "portal.example.com")));
    }
}
