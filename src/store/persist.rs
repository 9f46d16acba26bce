//! The versioned envelope the inventory is stored in: `{"schema": N, "data": Inventory}`.
//!
//! Pure: `platform::storage` reads and writes the text, this module only
//! decides what the text means. A blob that is newer than this build or that
//! cannot be read is reported, never repaired or dropped, so the caller can
//! keep it aside before anything overwrites it.

use chrono::DateTime;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::inventory::Inventory;
use crate::rules::{Certificate, PriceTable};

/// The layout this build writes. 1: `data` held only `certificates`;
/// 2: `data` is the whole [`Inventory`] (quotas, prices, orders added).
pub const CURRENT_SCHEMA: u32 = 2;

/// What a stored blob turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Read; `migrated_from` names the older schema it was upgraded from.
    Ok {
        inventory: Inventory,
        migrated_from: Option<u32>,
    },
    /// Written by a newer Certdesk: leave it alone (keep it aside, never overwrite it).
    Newer { schema: u32 },
    /// Not an inventory this build can read; `reason` is a sentence for the user.
    Unreadable { reason: String },
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    data: &'a Inventory,
}

/// Only the version, so a newer layout is recognised before its data is looked at.
#[derive(Deserialize)]
struct Header {
    schema: Option<serde_json::Value>,
    data: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

#[derive(Deserialize)]
struct Current {
    schema: u32,
    data: Inventory,
}

#[derive(Deserialize)]
struct InventoryV1 {
    certificates: Vec<Certificate>,
}

/// The stored inventory's JSON codec (serde and every model type's
/// `Serialize`/`Deserialize`, about a tenth of the app), loaded on first use
/// (`crate::chunks`): a first visit shows the demo without waiting for it,
/// and a stored inventory is decoded once it is here, while storage is read.
#[derive(Clone, Copy)]
pub struct Codec {
    pub encode: fn(&Inventory) -> String,
    pub decode: fn(&str, &PriceTable) -> Loaded,
}

crate::lazy_chunk!(static CODEC: Codec = codec => Codec { encode, decode });

/// The codec, downloading it the first time.
pub async fn codec() -> Result<Codec, crate::chunks::LoadError> {
    CODEC.get().await
}

/// The text stored for `inventory`, in the current schema.
///
/// Serializing these types cannot fail (every map key is a string); should it
/// ever, the result is empty and `platform::storage::save` refuses to write it.
pub fn encode(inventory: &Inventory) -> String {
    serde_json::to_string(&EnvelopeOut {
        schema: CURRENT_SCHEMA,
        data: inventory,
    })
    .unwrap_or_default()
}

/// Reads a stored blob. A schema 1 blob is migrated: no quotas, no orders,
/// and `default_prices` (the caller's built-in table) as its price table.
pub fn decode(raw: &str, default_prices: &PriceTable) -> Loaded {
    let unreadable = |reason: String| Loaded::Unreadable { reason };
    if raw.trim().is_empty() {
        return unreadable("The saved inventory is empty.".into());
    }
    // Serde also reads a struct from a list (`[2, {}]`): only an object is an envelope.
    if !raw.trim_start().starts_with('{') {
        return unreadable(not_an_object(raw));
    }
    // The usual case, in one pass: this build's own layout.
    if let Ok(current) = serde_json::from_str::<Current>(raw)
        && current.schema == CURRENT_SCHEMA
    {
        return Loaded::Ok {
            inventory: current.data,
            migrated_from: None,
        };
    }
    let header: Header = match serde_json::from_str(raw) {
        Ok(header) => header,
        Err(error) => return unreadable(not_json(&error)),
    };
    let schema = match header.schema {
        None => {
            return unreadable(
                "The saved inventory is not in Certdesk's format: it has no \"schema\" version number."
                    .into(),
            );
        }
        Some(value) => match value.as_u64() {
            Some(schema) => schema,
            None => {
                return unreadable(format!(
                    "The saved inventory is not in Certdesk's format: its \"schema\" is {value}, not a version number."
                ));
            }
        },
    };
    if schema > u64::from(CURRENT_SCHEMA) {
        return Loaded::Newer {
            schema: u32::try_from(schema).unwrap_or(u32::MAX),
        };
    }
    if header.data.is_none() {
        return unreadable(
            "The saved inventory is not in Certdesk's format: it has a \"schema\" but no \"data\"."
                .into(),
        );
    }
    match schema {
        1 => match typed::<InventoryV1>(raw) {
            Ok(v1) => Loaded::Ok {
                inventory: Inventory {
                    certificates: v1.certificates,
                    quotas: Default::default(),
                    prices: default_prices.clone(),
                    orders: Vec::new(),
                    sandbox: Default::default(),
                    policies: Vec::new(),
                },
                migrated_from: Some(1),
            },
            Err(reason) => unreadable(reason),
        },
        2 => match typed::<Inventory>(raw) {
            Ok(inventory) => Loaded::Ok {
                inventory,
                migrated_from: None,
            },
            Err(reason) => unreadable(reason),
        },
        other => unreadable(format!(
            "The saved inventory has schema {other}, which no version of Certdesk wrote."
        )),
    }
}

fn typed<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, String> {
    serde_json::from_str::<Envelope<T>>(raw)
        .map(|envelope| envelope.data)
        .map_err(|error| {
            let (message, path) = super::json_path::locate(raw, &error);
            format!("The saved inventory does not match Certdesk's format at {path}: {message}.")
        })
}

fn not_json(error: &serde_json::Error) -> String {
    if error.is_eof() {
        format!("The saved inventory is cut short: its JSON ends too early ({error}).")
    } else {
        format!("The saved inventory is not JSON ({error}).")
    }
}

fn not_an_object(raw: &str) -> String {
    use serde_json::Value;
    let found = match serde_json::from_str::<Value>(raw) {
        Err(error) => return not_json(&error),
        Ok(Value::Array(_)) => "a list",
        Ok(Value::String(_)) => "a string",
        Ok(Value::Number(_)) => "a number",
        Ok(Value::Bool(_)) => "true or false",
        Ok(Value::Null) => "null",
        Ok(Value::Object(_)) => "an object",
    };
    format!(
        "The saved inventory is not in Certdesk's format: it is {found}, not {{\"schema\": …, \"data\": …}}."
    )
}

/// The key a blob that cannot be used is copied to before anything may
/// overwrite `key`: `certdesk.inventory.kept-2026-11-23T10-00-00Z` (UTC,
/// no colons so the name also works as a file name).
pub fn keep_aside_key(key: &str, now_millis: f64) -> String {
    // `as` saturates (NaN gives 0); an instant chrono cannot hold falls back to the epoch.
    let stamp = DateTime::from_timestamp_millis(now_millis as i64).unwrap_or_default();
    // Written out by hand: chrono's format machinery weighs ~10 KB of wasm.
    use chrono::{Datelike, Timelike};
    format!(
        "{key}.kept-{:04}-{:02}-{:02}T{:02}-{:02}-{:02}Z",
        stamp.year(),
        stamp.month(),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    )
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod fixtures;
