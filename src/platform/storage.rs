//! localStorage: reading and writing with errors a user can act on, and the
//! `storage` event by which another tab's save reaches this one. Loading the
//! inventory (keeping an unusable blob aside) is in `load`.
//!
//! Every failure is a [`StorageError`] with a sentence the user can act on:
//! writes can throw `QuotaExceededError`, and storage can be missing or
//! blocked altogether (a `SecurityError` when site data is disabled).

use gloo::events::EventListener;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::store::Inventory;
use crate::store::persist;

mod load;

pub use load::{LoadNotice, LoadOutcome, SetAside, load};

/// Why browser storage could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error(
        "Browser storage is full: your changes are kept in this tab but not saved. \
         Export the inventory (JSON) to keep a copy, or free space by deleting other sites' data."
    )]
    QuotaExceeded,
    /// No localStorage, or the browser refuses it (site data or cookies blocked).
    #[error(
        "Browser storage is not available (site data may be blocked for this site): your changes \
         are kept in this tab but not saved. Export the inventory (JSON) to keep a copy, or allow \
         site data for this site and reload."
    )]
    Unavailable { detail: String },
    #[error(
        "Browser storage failed ({detail}): your changes are kept in this tab but not saved. \
         Export the inventory (JSON) to keep a copy, then reload the page to try again."
    )]
    Other { detail: String },
}

impl StorageError {
    /// Classifies a thrown DOMException by its `name` and legacy `code`.
    pub fn from_exception(name: &str, code: Option<f64>, message: &str) -> Self {
        let detail = match (name, message) {
            ("", "") => "unknown error".to_string(),
            ("", message) => message.to_string(),
            (name, "") => name.to_string(),
            (name, message) => format!("{name}: {message}"),
        };
        match (name, code) {
            // 22 is QUOTA_EXCEEDED_ERR; 1014 and this name are Firefox's older form.
            ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, Some(22.0 | 1014.0)) => {
                StorageError::QuotaExceeded
            }
            ("SecurityError", _) | (_, Some(18.0)) => StorageError::Unavailable { detail },
            _ => StorageError::Other { detail },
        }
    }

    fn from_js(error: &JsValue) -> Self {
        let field = |name: &str| js_sys::Reflect::get(error, &JsValue::from_str(name)).ok();
        let text = |name: &str| field(name).and_then(|v| v.as_string()).unwrap_or_default();
        let message = match error.as_string() {
            Some(thrown) => thrown,
            None => text("message"),
        };
        Self::from_exception(
            &text("name"),
            field("code").and_then(|v| v.as_f64()),
            &message,
        )
    }
}

impl StorageError {
    /// A few words for inside another sentence.
    pub fn short(&self) -> String {
        match self {
            StorageError::QuotaExceeded => "browser storage is full".into(),
            StorageError::Unavailable { .. } => "browser storage is not available".into(),
            StorageError::Other { detail } => format!("browser storage failed: {detail}"),
        }
    }
}

fn local_storage() -> Result<Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable {
        detail: "no window".into(),
    })?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable {
            detail: "no localStorage".into(),
        }),
        Err(error) => Err(match StorageError::from_js(&error) {
            StorageError::Other { detail } => StorageError::Unavailable { detail },
            classified => classified,
        }),
    }
}

/// The value under `key`, `None` when there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|e| StorageError::from_js(&e))
}

pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| StorageError::from_js(&e))
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::from_js(&e))
}

/// Every key stored now (in the browser's order).
pub fn keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let len = storage.length().map_err(|e| StorageError::from_js(&e))?;
    Ok((0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect())
}

/// The keys under which blobs of `key` were kept aside, oldest first.
pub fn kept_keys(key: &str) -> Result<Vec<String>, StorageError> {
    let prefix = format!("{key}.kept-");
    let mut kept: Vec<String> = keys()?
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    kept.sort();
    Ok(kept)
}

/// Saves `inventory` under `key` in the current envelope.
pub fn save(key: &str, inventory: &Inventory) -> Result<(), StorageError> {
    let raw = persist::encode(inventory);
    if raw.is_empty() {
        return Err(StorageError::Other {
            detail: "the inventory could not be encoded".into(),
        });
    }
    write(key, &raw)
}

/// Calls `on_change` with the new raw value of `key` each time another tab
/// changes it in localStorage (`None`: removed, or storage cleared). The
/// event never fires for this tab's own writes. Dropping the listener stops it.
pub fn listen(key: &str, on_change: impl Fn(Option<String>) + 'static) -> EventListener {
    let key = key.to_string();
    EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        let is_local = match (event.storage_area(), local_storage()) {
            (Some(area), Ok(local)) => js_sys::Object::is(&area, &local),
            _ => false,
        };
        if !is_local {
            return;
        }
        match event.key() {
            Some(changed) if changed == key => on_change(event.new_value()),
            // `localStorage.clear()` elsewhere: every key is gone.
            None => on_change(None),
            Some(_) => {}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::StorageError;

    #[test]
    fn quota_errors_by_name_or_code() {
        for (name, code) in [
            ("QuotaExceededError", Some(22.0)),
            ("QuotaExceededError", None),
            ("NS_ERROR_DOM_QUOTA_REACHED", Some(1014.0)),
            ("", Some(22.0)),
        ] {
            assert_eq!(
                StorageError::from_exception(name, code, "full"),
                StorageError::QuotaExceeded,
                "{name} {code:?}"
            );
        }
    }

    #[test]
    fn security_error_is_unavailable() {
        assert_eq!(
            StorageError::from_exception("SecurityError", Some(18.0), "Access is denied"),
            StorageError::Unavailable {
                detail: "SecurityError: Access is denied".into()
            }
        );
    }

    #[test]
    fn anything_else_is_other_with_its_detail() {
        let error = StorageError::from_exception("InvalidStateError", Some(11.0), "");
        assert_eq!(
            error,
            StorageError::Other {
                detail: "InvalidStateError".into()
            }
        );
        assert!(error.to_string().contains("(InvalidStateError)"));
        assert_eq!(
            StorageError::from_exception("", None, ""),
            StorageError::Other {
                detail: "unknown error".into()
            }
        );
    }

    #[test]
    fn quota_message_says_what_to_do() {
        assert_eq!(
            StorageError::QuotaExceeded.to_string(),
            "Browser storage is full: your changes are kept in this tab but not saved. \
             Export the inventory (JSON) to keep a copy, or free space by deleting other sites' data."
        );
    }
}
