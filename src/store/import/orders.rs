//! The orders of an imported file: added when new and when every
//! certificate they created came in (or was already there) from the file.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::ImportReport;
use crate::store::{Inventory, Order};

pub(super) fn merge(orders: &Value, merged: &mut Inventory, report: &mut ImportReport) {
    let items = match orders {
        Value::Null => return,
        Value::Array(items) => items,
        _ => {
            report
                .notes
                .push("The file's \"orders\" is not a list: no order was added.".into());
            return;
        }
    };
    let from_file: HashSet<&str> = report
        .added
        .iter()
        .chain(report.skipped.iter().map(|(id, _)| id))
        .map(String::as_str)
        .collect();
    let certificates: HashSet<&str> = merged.certificates.iter().map(|c| c.id.as_str()).collect();
    let known: HashMap<&str, &Order> = merged.orders.iter().map(|o| (o.id.as_str(), o)).collect();
    // Position in `added` of each order added from the file so far.
    let mut added_at: HashMap<String, usize> = HashMap::new();
    let mut added: Vec<Order> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let label = match item.get("id").and_then(Value::as_str) {
            Some(id) => format!("Order \"{id}\""),
            None => format!("Order {}", index + 1),
        };
        let order: Order = match super::read_item(item) {
            Ok(order) => order,
            Err(error) => {
                notes.push(format!("{label} was not added: {error}."));
                continue;
            }
        };
        let same_id = match known.get(order.id.as_str()) {
            Some(&known) => Some(known),
            None => added_at.get(&order.id).and_then(|&at| added.get(at)),
        };
        if let Some(same_id) = same_id {
            if *same_id != order {
                notes.push(format!(
                    "{label} was not added: a different order with this ID is already in the inventory."
                ));
            }
            continue;
        }
        if let Some(missing) = order
            .certificates
            .iter()
            .find(|id| !from_file.contains(id.as_str()))
        {
            notes.push(format!(
                "{label} was not added: its certificate \"{missing}\" was not imported."
            ));
            continue;
        }
        if let Some(original) = &order.original
            && !certificates.contains(original.as_str())
        {
            notes.push(format!(
                "{label} was not added: its original certificate \"{original}\" is not in the inventory."
            ));
            continue;
        }
        added_at.insert(order.id.clone(), added.len());
        added.push(order);
    }
    report
        .orders_added
        .extend(added.iter().map(|o| o.id.clone()));
    merged.orders.extend(added);
    report.notes.extend(notes);
}
