//! localStorage, where Certdesk kept the inventory before IndexedDB: read
//! only to move what it holds (see `load::migrate`), then cleared.

use web_sys::Storage;

use super::StorageError;
use crate::rules::sort;

fn local_storage() -> Result<Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable {
        detail: "no window".into(),
    })?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable {
            detail: "no localStorage".into(),
        }),
        Err(error) => Err(StorageError::from_js(&error)),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|e| StorageError::from_js(&e))
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::from_js(&e))
}

/// The keys that start with `prefix`, sorted.
pub fn keys_with(prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let len = storage.length().map_err(|e| StorageError::from_js(&e))?;
    let mut keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    sort::sort(&mut keys);
    Ok(keys)
}
