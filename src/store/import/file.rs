//! The top level of an imported file: an envelope or a bare list.

use serde_json::{Map, Value};

use super::ImportError;
use crate::store::persist::CURRENT_SCHEMA;

/// What the top level of the file holds.
pub(super) struct Contents {
    pub certificates: Vec<Value>,
    /// The envelope's `orders` (schema 2 only).
    pub orders: Option<Value>,
    /// The file carries quotas or prices (which are not applied).
    pub account_data: bool,
}

pub(super) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub(super) fn contents(raw: &str) -> Result<Contents, ImportError> {
    if raw.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(raw).map_err(|error| {
        if error.is_eof() {
            ImportError::Truncated(error.to_string())
        } else {
            ImportError::NotJson(error.to_string())
        }
    })?;
    match value {
        Value::Array(certificates) => Ok(Contents {
            certificates,
            orders: None,
            account_data: false,
        }),
        Value::Object(envelope) => from_envelope(envelope),
        other => Err(ImportError::NotAnExport(format!(
            "it holds {}, not an export ({{\"schema\": …, \"data\": …}}) or a list of certificates",
            kind_of(&other)
        ))),
    }
}

fn from_envelope(mut envelope: Map<String, Value>) -> Result<Contents, ImportError> {
    let not_export = |why: String| Err(ImportError::NotAnExport(why));
    let schema = match envelope.get("schema") {
        None | Some(Value::Null) => {
            return not_export(
                "it has no \"schema\" version number; an export looks like {\"schema\": 2, \"data\": …}, \
                 or is a list of certificates"
                    .into(),
            );
        }
        Some(value) => match value.as_u64() {
            Some(schema) => schema,
            None => return not_export(format!("its \"schema\" is {value}, not a version number")),
        },
    };
    if schema > u64::from(CURRENT_SCHEMA) {
        return Err(ImportError::Newer {
            schema: u32::try_from(schema).unwrap_or(u32::MAX),
        });
    }
    if schema == 0 {
        return not_export("schema 0 is not a format Certdesk ever wrote".into());
    }
    let Some(Value::Object(mut data)) = envelope.remove("data") else {
        return not_export("its \"data\" is missing or is not an object".into());
    };
    let Some(Value::Array(certificates)) = data.remove("certificates") else {
        return not_export("its \"data\" has no list of \"certificates\"".into());
    };
    Ok(Contents {
        certificates,
        // Schema 1 had no orders: anything under that name is not ours to read.
        orders: if schema >= 2 {
            data.remove("orders")
        } else {
            None
        },
        account_data: data.contains_key("quotas") || data.contains_key("prices"),
    })
}
