//! "Copy" beside a value: writes it to the clipboard and says so (or says
//! how to copy by hand when the browser refuses).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text copied.
    pub text: AttrValue,
    /// What it is, for the button's accessible name ("Copy the fingerprint").
    pub what: AttrValue,
}

/// `navigator.clipboard.writeText(text)`; the browser's refusal as a sentence.
/// (Clipboard access belongs in `platform`; it lives here until it moves.)
async fn write_clipboard(text: &str) -> Result<(), String> {
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

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let outcome = use_state(|| None::<Result<(), String>>);
    let onclick = {
        let (outcome, text) = (outcome.clone(), props.text.clone());
        Callback::from(move |_| {
            let (outcome, text) = (outcome.clone(), text.clone());
            spawn_local(async move { outcome.set(Some(write_clipboard(&text).await)) });
        })
    };
    let label = match &*outcome {
        Some(Ok(())) => "Copied",
        _ => "Copy",
    };
    html! {
        <span class="copy">
            <button type="button" class="btn btn-small btn-copy" aria-label={format!("Copy {}", props.what)} {onclick}>
                { label }
            </button>
            <span class="copy-status" role="status">
                { match &*outcome {
                    Some(Err(message)) => html! { message.clone() },
                    Some(Ok(())) => html! { <span class="visually-hidden">{ "Copied to the clipboard." }</span> },
                    None => html! {},
                } }
            </span>
        </span>
    }
}
