//! "Copy" beside a value: writes it to the clipboard and says so (or says
//! how to copy by hand when the browser refuses).

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::platform::clipboard;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text copied.
    pub text: AttrValue,
    /// What it is, for the button's accessible name ("Copy the fingerprint").
    pub what: AttrValue,
}

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let outcome = use_state(|| None::<Result<(), String>>);
    let onclick = {
        let (outcome, text) = (outcome.clone(), props.text.clone());
        Callback::from(move |_| {
            let (outcome, text) = (outcome.clone(), text.clone());
            spawn_local(async move { outcome.set(Some(clipboard::write_text(&text).await)) });
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
