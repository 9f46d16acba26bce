//! A thin async layer over web-sys's IndexedDB types: one database
//! (`certdesk`), one object store (`inventories`) whose keys are storage keys
//! and whose values are the stored JSON text.
//!
//! Written over web-sys rather than through `indexed_db_futures` (0.6.4, which
//! does resolve with our wasm-bindgen pin): a full disk shows up in IndexedDB
//! as an aborted transaction whose `error` is a `QuotaExceededError`, and that
//! crate's `Transaction::commit` reports every abort as a bare
//! `TransactionAborted`, so "storage is full" could no longer be told apart.
//! The four operations we need fit in this file, with no extra dependencies.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use super::StorageError;

pub const DATABASE: &str = "certdesk";
pub const STORE: &str = "inventories";

thread_local! {
    /// The open connection, reused by every call (opening costs a round trip).
    static CONNECTION: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

fn error(value: &JsValue) -> StorageError {
    StorageError::from_js(value)
}

/// Waits for `request`'s success (its `result`) or failure (its `error`).
async fn request(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let settled = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(settled).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| error(&e)),
        Err(_) => Err(match request.error() {
            Ok(Some(exception)) => error(&exception),
            _ => StorageError::Other {
                detail: "the IndexedDB request failed".into(),
            },
        }),
    }
}

/// Waits until `transaction` is committed; an abort gives the transaction's
/// error (`QuotaExceededError` when the disk is full).
async fn committed(transaction: &IdbTransaction) -> Result<(), StorageError> {
    let settled = Promise::new(&mut |resolve: Function, reject: Function| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(settled).await;
    transaction.set_oncomplete(None);
    transaction.set_onabort(None);
    match outcome {
        Ok(_) => Ok(()),
        Err(_) => Err(match transaction.error() {
            Some(exception) => error(&exception),
            None => StorageError::Other {
                detail: "the IndexedDB transaction was aborted".into(),
            },
        }),
    }
}

async fn open() -> Result<IdbDatabase, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable {
        detail: "no window".into(),
    })?;
    let factory = match window.indexed_db() {
        Ok(Some(factory)) => factory,
        Ok(None) => {
            return Err(StorageError::Unavailable {
                detail: "no IndexedDB".into(),
            });
        }
        Err(e) => return Err(unavailable(error(&e))),
    };
    let opening: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|e| unavailable(error(&e)))?;
    // Fires once, on the first open in this browser profile.
    let upgrade = wasm_bindgen::closure::Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database
            && !database.object_store_names().contains(STORE)
            && let Err(e) = database.create_object_store(STORE)
        {
            log::error!("could not create the IndexedDB store: {e:?}");
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let result = request(&opening).await;
    opening.set_onupgradeneeded(None);
    let database: IdbDatabase =
        result
            .map_err(unavailable)?
            .dyn_into()
            .map_err(|_| StorageError::Other {
                detail: "IndexedDB opened something that is not a database".into(),
            })?;
    // A later version of the database must not wait for this tab to close.
    let close =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            if let Some(database) = event
                .target()
                .and_then(|t| t.dyn_into::<IdbDatabase>().ok())
            {
                database.close();
            }
            CONNECTION.with(|c| c.borrow_mut().take());
        });
    database.set_onversionchange(Some(close.as_ref().unchecked_ref()));
    close.forget();
    Ok(database)
}

/// Failing to open the database means the browser refuses it (private mode,
/// site data blocked), not that a write went wrong.
fn unavailable(error: StorageError) -> StorageError {
    match error {
        StorageError::Other { detail } => StorageError::Unavailable { detail },
        classified => classified,
    }
}

async fn database() -> Result<IdbDatabase, StorageError> {
    if let Some(open) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(open);
    }
    let database = open().await?;
    CONNECTION.with(|c| *c.borrow_mut() = Some(database.clone()));
    Ok(database)
}

/// A transaction on the store; a connection the browser closed meanwhile is
/// opened again once.
async fn transaction(
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
    let start = |database: &IdbDatabase| {
        let transaction = database.transaction_with_str_and_mode(STORE, mode)?;
        let store = transaction.object_store(STORE)?;
        Ok::<_, JsValue>((transaction, store))
    };
    match start(&database().await?) {
        Ok(started) => Ok(started),
        Err(_) => {
            CONNECTION.with(|c| c.borrow_mut().take());
            start(&database().await?).map_err(|e| error(&e))
        }
    }
}

/// The text under `key`, `None` when there is none. A value that is not text
/// (another program's) comes back as its JSON, so it is reported unreadable.
pub async fn read(key: &str) -> Result<Option<String>, StorageError> {
    let (_, store) = transaction(IdbTransactionMode::Readonly).await?;
    let got = store.get(&JsValue::from_str(key)).map_err(|e| error(&e))?;
    let value = request(&got).await?;
    if value.is_undefined() {
        return Ok(None);
    }
    Ok(Some(match value.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    }))
}

/// Writes `value` under `key`; returns once the write is committed.
pub async fn write(key: &str, value: &str) -> Result<(), StorageError> {
    let (transaction, store) = transaction(IdbTransactionMode::Readwrite).await?;
    store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(|e| error(&e))?;
    committed(&transaction).await
}

pub async fn remove(key: &str) -> Result<(), StorageError> {
    let (transaction, store) = transaction(IdbTransactionMode::Readwrite).await?;
    store
        .delete(&JsValue::from_str(key))
        .map_err(|e| error(&e))?;
    committed(&transaction).await
}

/// Every key stored, in IndexedDB's (sorted) order.
pub async fn keys() -> Result<Vec<String>, StorageError> {
    let (_, store) = transaction(IdbTransactionMode::Readonly).await?;
    let all = store.get_all_keys().map_err(|e| error(&e))?;
    let keys: Array = request(&all).await?.unchecked_into();
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}
