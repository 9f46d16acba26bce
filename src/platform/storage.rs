//! Browser storage of the inventory, in IndexedDB (`idb`): reading and
//! writing with errors a user can act on, and the `BroadcastChannel` by which
//! another tab's save reaches this one (`channel`). Loading the inventory
//! (moving it from localStorage, keeping an unusable blob aside) is in `load`.
//!
//! Every failure is a [`StorageError`] with a sentence the user can act on:
//! a write can abort with `QuotaExceededError`, and storage can be missing or
//! blocked altogether (a `SecurityError` when site data is disabled).

use gloo::events::EventListener;
use thiserror::Error;
use wasm_bindgen::JsValue;

use crate::rules::sort;
use crate::store::Inventory;
use crate::store::persist;

mod channel;
mod idb;
mod load;
mod local;

pub use channel::SAVED;
pub use idb::{DATABASE, STORE};

pub use load::{LoadNotice, LoadOutcome, SetAside, keep_aside, load};

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

    pub(crate) fn from_js(error: &JsValue) -> Self {
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

/// The value under `key`, `None` when there is none.
pub async fn read(key: &str) -> Result<Option<String>, StorageError> {
    idb::read(key).await
}

/// Writes `value` under `key` (without telling other tabs: see [`save`]).
pub async fn write(key: &str, value: &str) -> Result<(), StorageError> {
    if let Some(error) = FAIL_WRITES.with(|f| f.borrow().clone()) {
        return Err(error);
    }
    idb::write(key, value).await
}

pub async fn remove(key: &str) -> Result<(), StorageError> {
    idb::remove(key).await
}

/// Every key stored now (sorted).
pub async fn keys() -> Result<Vec<String>, StorageError> {
    idb::keys().await
}

/// The keys under which blobs of `key` were kept aside, oldest first.
pub async fn kept_keys(key: &str) -> Result<Vec<String>, StorageError> {
    let prefix = format!("{key}.kept-");
    let mut kept: Vec<String> = keys()
        .await?
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    sort::sort(&mut kept);
    Ok(kept)
}

thread_local! {
    static FAIL_WRITES: std::cell::RefCell<Option<StorageError>> = const { std::cell::RefCell::new(None) };
}

/// Makes every [`write`] (and so [`save`]) fail with `error` until called
/// with `None`. For browser tests: a full disk cannot be arranged in a test run.
#[doc(hidden)]
pub fn fail_writes_for_tests(error: Option<StorageError>) {
    FAIL_WRITES.with(|f| *f.borrow_mut() = error);
}

const SAVE_MARK: &str = "certdesk:save-start";
/// The performance measure of the last save.
pub const SAVE_MEASURE: &str = "certdesk:save";

/// Saves `inventory` under `key` in the current envelope, then tells the
/// other tabs (once the write is committed).
pub async fn save(key: &str, inventory: &Inventory) -> Result<(), StorageError> {
    // `make bench` reads the last save's duration (encode + committed write).
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(performance) = &performance {
        let _ = performance.mark(SAVE_MARK);
    }
    let codec = persist::codec().await.map_err(|e| StorageError::Other {
        detail: format!("the inventory could not be encoded: {e}"),
    })?;
    let raw = (codec.encode)(inventory);
    if raw.is_empty() {
        return Err(StorageError::Other {
            detail: "the inventory could not be encoded".into(),
        });
    }
    write(key, &raw).await?;
    channel::announce(key);
    if let Some(performance) = &performance {
        performance.clear_measures_with_measure_name(SAVE_MEASURE);
        let _ = performance.measure_with_start_mark(SAVE_MEASURE, SAVE_MARK);
        performance.clear_marks_with_mark_name(SAVE_MARK);
    }
    Ok(())
}

/// Calls `on_change` with the new value of `key` (`None`: removed) each time
/// another tab announces a save of it. This tab's own saves are not heard.
/// Dropping the listener stops it.
pub fn listen(key: &str, on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let on_change = std::rc::Rc::new(on_change);
    let key_read = key.to_string();
    channel::hear(key, move || {
        let (key, on_change) = (key_read.clone(), on_change.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match read(&key).await {
                Ok(value) => on_change(value),
                Err(error) => log::warn!("could not read another tab's save: {error}"),
            }
        });
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
