//! Importing an exported inventory into the current one, item by item.
//!
//! Accepted: the persisted envelope (schema 1 or 2, what "Export (JSON)"
//! writes) or a bare list of certificates. Each certificate is checked on
//! its own; a bad one is listed with its reason and the others still come
//! in. Nothing already in the inventory is ever changed or removed: a
//! certificate whose ID is taken is either the same one (skipped) or refused.

mod check;
mod file;
mod orders;

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde_json::Value;
use thiserror::Error;

use super::inventory::Inventory;
use super::persist::CURRENT_SCHEMA;
use crate::rules::Certificate;
use crate::rules::sort;

/// Most certificates one file may hold.
pub const MAX_IMPORT_ITEMS: usize = 50_000;

/// Why a whole file was refused. Nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The file is empty. Nothing was imported.")]
    Empty,
    #[error(
        "The file is not JSON ({0}). Nothing was imported: choose a file exported from Certdesk as JSON."
    )]
    NotJson(String),
    #[error(
        "The file ends too early ({0}): it may have been cut short. Nothing was imported: export it again."
    )]
    Truncated(String),
    #[error("The file is not a Certdesk export: {0}. Nothing was imported.")]
    NotAnExport(String),
    #[error(
        "The file was exported by a newer version of Certdesk (schema {schema}; this version reads up to {CURRENT_SCHEMA}). \
         Nothing was imported: update Certdesk, then import it again."
    )]
    Newer { schema: u32 },
    #[error(
        "The file lists {count} certificates; at most 50,000 can be imported at once. \
         Nothing was imported: split the file and import each part."
    )]
    TooManyItems { count: usize },
}

/// A certificate of the file that was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedItem {
    /// Position in the file's list of certificates, from 0.
    pub index: usize,
    /// The item's `id` and `name` when they could be read.
    pub id: Option<String>,
    pub name: Option<String>,
    pub reason: String,
}

impl RejectedItem {
    /// "Item 4 (cas-2f1, www.example.com)": how a person finds it in the file.
    pub fn label(&self) -> String {
        let names: Vec<&str> = [self.id.as_deref(), self.name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        match names.as_slice() {
            [] => format!("Item {}", self.index + 1),
            _ => format!("Item {} ({})", self.index + 1, names.join(", ")),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// IDs of the certificates added, in file order.
    pub added: Vec<String>,
    /// (ID, why) of the certificates left out that are not errors of the file.
    pub skipped: Vec<(String, String)>,
    /// The certificates refused, in file order.
    pub rejected: Vec<RejectedItem>,
    /// IDs of the orders added.
    pub orders_added: Vec<String>,
    /// Sentences about the file as a whole (quotas and prices not applied, orders left out).
    pub notes: Vec<String>,
}

impl ImportReport {
    /// "3 certificates added, 1 already in the inventory, 2 rejected."
    pub fn summary(&self) -> String {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![format!(
            "{} added",
            count(self.added.len(), "certificate", "certificates")
        )];
        if !self.skipped.is_empty() {
            parts.push(format!("{} skipped", self.skipped.len()));
        }
        if !self.rejected.is_empty() {
            parts.push(format!("{} rejected", self.rejected.len()));
        }
        if !self.orders_added.is_empty() {
            parts.push(count(
                self.orders_added.len(),
                "order added",
                "orders added",
            ));
        }
        format!("{}.", parts.join(", "))
    }
}

pub const ALREADY_PRESENT: &str = "already in the inventory";
pub const LISTED_TWICE: &str = "listed twice in this file";

/// Merges the certificates (and orders) of an exported file into `existing`.
/// Returns the merged inventory and what happened to every item.
pub fn import(existing: &Inventory, raw: &str) -> Result<(Inventory, ImportReport), ImportError> {
    let contents = file::contents(raw)?;
    if contents.certificates.len() > MAX_IMPORT_ITEMS {
        return Err(ImportError::TooManyItems {
            count: contents.certificates.len(),
        });
    }
    let mut report = ImportReport::default();
    let known: HashMap<&str, &Certificate> = existing
        .certificates
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    // Certificates that may come in, with their position in the file.
    let mut positions: Vec<usize> = Vec::new();
    let mut candidates: Vec<Certificate> = Vec::new();
    let mut first_in_file: HashMap<String, usize> = HashMap::new();
    let mut rejected_ids: HashSet<String> = HashSet::new();
    for (index, item) in contents.certificates.iter().enumerate() {
        let text = |field: &str| item.get(field).and_then(Value::as_str).map(str::to_string);
        let (id, name) = (text("id"), text("name"));
        let verdict = read_certificate(item).and_then(|cert| {
            // Exactly what is there already: nothing to check.
            match known.get(cert.id.as_str()) {
                Some(&present) if *present == cert => Ok(None),
                _ => check::certificate(cert).map(Some),
            }
        });
        let cert = match verdict {
            Ok(Some(cert)) => cert,
            Ok(None) => {
                report
                    .skipped
                    .push((id.unwrap_or_default(), ALREADY_PRESENT.into()));
                continue;
            }
            Err(reason) => {
                rejected_ids.extend(id.clone());
                report.rejected.push(RejectedItem {
                    index,
                    id,
                    name,
                    reason,
                });
                continue;
            }
        };
        let reject = |reason: &str| RejectedItem {
            index,
            id: Some(cert.id.clone()),
            name: Some(cert.name.clone()),
            reason: reason.to_string(),
        };
        let earlier = first_in_file
            .get(&cert.id)
            .and_then(|&at| candidates.get(at));
        if let Some(&present) = known.get(cert.id.as_str()) {
            if *present == cert {
                report.skipped.push((cert.id, ALREADY_PRESENT.into()));
            } else {
                report.rejected.push(reject(
                    "a different certificate with this ID is already in the inventory; nothing was changed",
                ));
            }
        } else if let Some(earlier) = earlier {
            if *earlier == cert {
                report.skipped.push((cert.id, LISTED_TWICE.into()));
            } else {
                report.rejected.push(reject(
                    "another certificate in this file has the same ID; only the first was read",
                ));
            }
        } else {
            first_in_file.insert(cert.id.clone(), candidates.len());
            positions.push(index);
            candidates.push(cert);
        }
    }

    let inventory_ids: HashSet<&str> = known.keys().copied().collect();
    let verdicts = check::associations(&candidates, &inventory_ids, &rejected_ids);
    let mut merged = existing.clone();
    for ((index, cert), verdict) in positions.into_iter().zip(candidates).zip(verdicts) {
        match verdict {
            None => {
                report.added.push(cert.id.clone());
                merged.certificates.push(cert);
            }
            Some(reason) => report.rejected.push(RejectedItem {
                index,
                id: Some(cert.id),
                name: Some(cert.name),
                reason,
            }),
        }
    }
    sort::sort_by_key(&mut report.rejected, |r| r.index);

    if let Some(orders) = contents.orders {
        orders::merge(&orders, &mut merged, &mut report);
    }
    if contents.account_data {
        report.notes.push(
            "The file's quotas and prices were not applied: they belong to the account, not to the certificates."
                .into(),
        );
    }
    if contents.certificates.is_empty() {
        report.notes.push("The file lists no certificates.".into());
    }
    Ok((merged, report))
}

/// A certificate read from one item, or the field that is wrong.
fn read_certificate(item: &Value) -> Result<Certificate, String> {
    if !item.is_object() {
        return Err(format!(
            "it is {}, not a certificate (a JSON object)",
            file::kind_of(item)
        ));
    }
    // Read from text, as the saved inventory is: one copy of the
    // deserializer in the module, and json_path names the failing field.
    read_item(item)
}

/// `T` read from one item of an import file, or "spec.brand: unknown
/// variant …" (the field that is wrong, and why).
fn read_item<T: for<'de> Deserialize<'de>>(item: &Value) -> Result<T, String> {
    let text = item.to_string();
    serde_json::from_str(&text).map_err(|error| super::json_path::describe(&text, &error))
}

#[cfg(test)]
mod tests;
