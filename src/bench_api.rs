//! The measured work of `tests/e2e/bench-x509.mjs`, exported to the page
//! (Trunk exposes exports as `window.wasmBindings`): parse a chain, analyse
//! it, and check every signature with WebCrypto, as the upload preview and
//! the details view do. Not used by the app itself.

use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::prelude::*;

use crate::lazy_chunk;

use crate::platform::clock;
use crate::platform::crypto::{Verdict, verify_links};
use crate::x509::{analyze_chain, read_input};

/// Parses `pem`, analyses it as a chain at the current time and checks
/// every link's signature. Resolves to the number of valid signatures;
/// rejects with the reason when the input is not a chain.
#[wasm_bindgen(js_name = benchParseAndCheckChain)]
pub async fn bench_parse_and_check_chain(pem: String) -> Result<u32, JsValue> {
    let check = CHECK
        .get()
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    check(pem).await.map_err(|e| JsValue::from_str(&e))
}

type CheckFn = fn(String) -> Pin<Box<dyn Future<Output = Result<u32, String>>>>;

// The X.509 code is not part of the first load: the bench loads it as the upload dialog does.
lazy_chunk!(static CHECK: CheckFn = bench => (|pem| Box::pin(parse_and_check(pem))) as CheckFn);

async fn parse_and_check(pem: String) -> Result<u32, String> {
    let read = read_input(pem.as_bytes());
    if let Some(problem) = read.problems.first() {
        return Err(problem.message.clone());
    }
    let report = analyze_chain(&read.into_certificates(), clock::now().naive_utc());
    let valid = verify_links(&report)
        .await
        .iter()
        .filter(|v| v.verdict == Verdict::Valid)
        .count();
    Ok(u32::try_from(valid).unwrap_or(u32::MAX))
}
