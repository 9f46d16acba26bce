//! The clipboard: copying a value for the user.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `navigator.clipboard.writeText(text)`; the browser's refusal as a sentence.
pub async fn write_text(text: &str) -> Result<(), String> {
    let refused = || {
        "The browser did not allow copying: select the text and press Ctrl+C (⌘C on a Mac)."
            .to_string()
    };
    let navigator =
        Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).map_err(|_| refused())?;
    let clipboard =
        Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| refused())?;
    let write = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(refused)?;
    let promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or_else(refused)?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| refused())
}
