//! The certificate list as CSV (RFC 4180), safe to open in a spreadsheet.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::inventory::Inventory;
use crate::rules::sort;
use crate::rules::{Certificate, CertificateKind, days_left, status_at};

pub const HEADER: [&str; 13] = [
    "Tab",
    "Certificate ID",
    "Name",
    "Domains",
    "Brand",
    "Validation",
    "Domain type",
    "Key algorithm",
    "Status",
    "Valid from",
    "Valid to",
    "Days left",
    "Original certificate",
];

/// One row per certificate: the Official Certificate tab, then Uploaded,
/// each in inventory order, every associated certificate right after its
/// original (in order and position order). Status and days left are those
/// of `today`. Lines end in CRLF.
pub fn to_csv(inventory: &Inventory, today: NaiveDate) -> String {
    let mut out = String::new();
    push_line(&mut out, HEADER.iter().map(|h| cell(h)));
    for cert in in_list_order(inventory) {
        let row = [
            cell(cert.kind.label()),
            cell(&cert.id),
            cell(&cert.name),
            cell(&cert.domains.join("; ")),
            cell(cert.spec.brand.label()),
            cell(cert.spec.validation.label()),
            cell(cert.spec.domain_type.label()),
            cell(cert.key_algorithm.label()),
            cell(status_at(cert, today).label()),
            date(cert.not_before),
            date(cert.not_after),
            days_left(cert, today).map_or_else(String::new, |n| n.to_string()),
            cell(
                cert.association
                    .as_ref()
                    .map_or("", |a| a.original.as_str()),
            ),
        ];
        push_line(&mut out, row.into_iter());
    }
    out
}

fn date(day: Option<NaiveDate>) -> String {
    day.map_or_else(String::new, |d| d.to_string())
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell);
    }
    out.push_str("\r\n");
}

/// A text cell: a leading `'` when a spreadsheet would read it as a formula
/// (OWASP "CSV injection"), then quoted when it holds a comma, a quote or a
/// line break, quotes doubled (RFC 4180). Numbers and dates this module
/// writes itself are not passed through here, so "-3" days stays a number.
pub fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The certificates as the console lists them (see [`to_csv`]). Every
/// certificate appears exactly once, even when associations are broken or
/// loop: one whose original is missing is listed as an original, and any
/// left over (a loop) comes last.
pub fn in_list_order(inventory: &Inventory) -> Vec<&Certificate> {
    let certs = &inventory.certificates;
    let ids: HashSet<&str> = certs.iter().map(|c| c.id.as_str()).collect();
    let mut children: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut roots: Vec<usize> = Vec::new();
    for (i, cert) in certs.iter().enumerate() {
        match &cert.association {
            Some(a) if a.original != cert.id && ids.contains(a.original.as_str()) => {
                children.entry(a.original.as_str()).or_default().push(i);
            }
            _ => roots.push(i),
        }
    }
    let place = |i: &usize| {
        certs
            .get(*i)
            .and_then(|c| c.association.as_ref())
            .map(|a| (a.order.clone(), a.position))
    };
    for list in children.values_mut() {
        sort::sort_by_key(list, place);
    }
    let tab = |i: &usize| certs.get(*i).map(|c| c.kind != CertificateKind::Official);
    sort::sort_by_key(&mut roots, tab);
    let mut listed = vec![false; certs.len()];
    let mut out: Vec<&Certificate> = Vec::with_capacity(certs.len());
    // Depth first from each original, children in order, without recursion;
    // then whatever is left (certificates in a loop of associations).
    let mut stack: Vec<usize> = Vec::new();
    for start in roots.into_iter().chain(0..certs.len()) {
        stack.push(start);
        while let Some(i) = stack.pop() {
            let (Some(cert), Some(seen)) = (certs.get(i), listed.get_mut(i)) else {
                continue;
            };
            if std::mem::replace(seen, true) {
                continue;
            }
            out.push(cert);
            if let Some(kids) = children.get(cert.id.as_str()) {
                stack.extend(kids.iter().rev());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
