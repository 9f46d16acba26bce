//! PEM export: the full chain of a certificate whose file this browser holds,
//! leaf first, then its intermediates, without the self-signed root (servers
//! send the chain up to, not including, the root the browser already trusts).

use super::inventory::Inventory;
use crate::rules::Certificate;
use crate::x509::{analyze_chain, read_input};

/// The chain of the PEM file `pem`: leaf, then intermediates, each as a PEM
/// block. `Err` says why there is none (nothing readable in the file).
pub fn full_chain(pem: &str) -> Result<String, String> {
    let read = read_input(pem.as_bytes());
    if read.certificates().is_empty() {
        return Err(read
            .problems
            .first()
            .map(|p| p.message.clone())
            .unwrap_or_else(|| "The file holds no certificate".to_string()));
    }
    // The date only judges validity, which the order of the chain ignores.
    let report = analyze_chain(&read.into_certificates(), chrono::NaiveDateTime::MIN);
    let mut chain = report.certificates;
    if chain.len() > 1 && chain.last().is_some_and(|c| c.is_self_signed()) {
        chain.pop();
    }
    Ok(chain.iter().map(|c| c.to_pem()).collect())
}

/// One line of a name (control characters become spaces), so a name can
/// never start a line of its own in the file.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn date_text(day: Option<chrono::NaiveDate>) -> String {
    day.map_or_else(|| "unknown".to_string(), |d| d.to_string())
}

/// "# shop.example.com (cas-7f3a21), valid from 2025-12-14 to 2026-12-13".
pub fn heading(cert: &Certificate) -> String {
    format!(
        "# {} ({}), valid from {} to {}",
        one_line(&cert.name),
        one_line(&cert.id),
        date_text(cert.not_before),
        date_text(cert.not_after)
    )
}

/// The "Export PEM chains" file: every held chain, each after its heading
/// line, in inventory order. Returns the text and how many chains it has.
pub fn chains_file(inventory: &Inventory) -> (String, usize) {
    let mut out = String::new();
    let mut count = 0;
    for cert in &inventory.certificates {
        let Some(Ok(chain)) = cert.pem.as_deref().map(full_chain) else {
            continue;
        };
        if count > 0 {
            out.push('\n');
        }
        out.push_str(&heading(cert));
        out.push('\n');
        out.push_str(&chain);
        count += 1;
    }
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::demo::demo_inventory;
    use chrono::NaiveDate;

    const RSA_CHAIN: &str = include_str!("../../tests/fixtures/x509/rsa-chain.pem");

    fn blocks(text: &str) -> Vec<String> {
        let read = read_input(text.as_bytes());
        read.certificates()
            .iter()
            .map(|c| c.subject().to_string())
            .collect()
    }

    #[test]
    fn the_full_chain_is_leaf_then_intermediate_without_the_root() {
        let chain = full_chain(RSA_CHAIN).unwrap();
        let subjects = blocks(&chain);
        assert_eq!(subjects.len(), 2, "{subjects:?}");
        assert!(subjects[0].contains("www.example.com"));
        assert!(subjects[1].contains("Fixture CA RSA"));
        assert!(!chain.contains("Root"));
    }

    #[test]
    fn a_file_given_root_first_still_comes_out_leaf_first() {
        let read = read_input(RSA_CHAIN.as_bytes());
        let mut pems: Vec<String> = read.certificates().iter().map(|c| c.to_pem()).collect();
        pems.reverse();
        let subjects = blocks(&full_chain(&pems.concat()).unwrap());
        assert!(subjects[0].contains("www.example.com"));
        assert!(subjects[1].contains("Fixture CA RSA"));
        assert_eq!(subjects.len(), 2);
    }

    #[test]
    fn a_file_without_certificates_says_so() {
        assert!(full_chain("not a certificate").is_err());
    }

    #[test]
    fn the_export_has_a_heading_before_each_held_chain() {
        let t = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut inventory = demo_inventory(t);
        assert_eq!(chains_file(&inventory), (String::new(), 0));
        inventory.certificates[0].pem = Some(RSA_CHAIN.to_string());
        inventory.certificates[0].name = "evil\n-----BEGIN CERTIFICATE-----".into();
        inventory.certificates[2].pem = Some(RSA_CHAIN.to_string());
        let (text, count) = chains_file(&inventory);
        assert_eq!(count, 2);
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
        let first = &inventory.certificates[0];
        assert_eq!(
            headings[0],
            format!(
                "# evil -----BEGIN CERTIFICATE----- ({}), valid from {} to {}",
                first.id,
                first.not_before.unwrap(),
                first.not_after.unwrap()
            )
        );
        assert!(headings[1].contains(&inventory.certificates[2].id));
        // Four certificates: two chains of leaf and intermediate; the name did not add a block.
        assert_eq!(blocks(&text).len(), 4);
        assert_eq!(text.matches("-----BEGIN CERTIFICATE-----\n").count(), 4);
    }
}
