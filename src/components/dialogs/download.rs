//! The direct (dialog-less) Download of a certificate file, from the row
//! action, the details and the verification walkthrough.

use wasm_bindgen_futures::spawn_local;

use crate::backend::commands::AppHandle;

/// Downloads the certificate file (the leaf and its chain, PEM). A certificate
/// bought here whose file this browser does not hold yet gets it from the
/// backend's CA, which signs it with the record's names and validity, and it
/// is kept (`AppHandle::download_file`).
pub fn download_file(handle: &AppHandle, id: &str) {
    let (handle, id) = (handle.clone(), id.to_string());
    spawn_local(async move { handle.download_file(&id).await });
}
