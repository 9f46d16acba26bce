//! A component's view of a lazily loaded chunk (`crate::chunks`): ready at
//! once when the chunk is here, otherwise fetched while `wanted`, with a
//! message and "Try again" when the download fails.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::chunks::{Lazy, LoadError};

/// Where a chunk is for this component.
pub enum Chunk<T> {
    Ready(T),
    Loading,
    /// The download failed; emitting the callback tries again.
    Failed(LoadError, Callback<()>),
}

#[hook]
pub fn use_chunk<T: Copy + 'static>(lazy: &'static Lazy<T>, wanted: bool) -> Chunk<T> {
    let failed = use_state(|| None::<LoadError>);
    let attempt = use_state(|| 0u32);
    let loaded = use_force_update();
    {
        let failed = failed.clone();
        use_effect_with((wanted, *attempt), move |&(wanted, _)| {
            if wanted && lazy.now().is_none() {
                spawn_local(async move {
                    match lazy.get().await {
                        Ok(_) => loaded.force_update(),
                        Err(error) => failed.set(Some(error)),
                    }
                });
            }
        });
    }
    match (lazy.now(), *failed) {
        (Some(value), _) => Chunk::Ready(value),
        (None, Some(error)) => {
            let (failed, attempt) = (failed.clone(), attempt.clone());
            Chunk::Failed(
                error,
                Callback::from(move |()| {
                    failed.set(None);
                    attempt.set(*attempt + 1);
                }),
            )
        }
        (None, None) => Chunk::Loading,
    }
}

/// What shows in a chunk's place until it is here: a status line while it
/// downloads, or what went wrong with "Try again".
pub fn chunk_placeholder<T>(chunk: &Chunk<T>, what: &str) -> Html {
    match chunk {
        Chunk::Ready(_) => html! {},
        Chunk::Loading => html! {
            <div class="chunk-status" role="status" aria-live="polite">{ format!("Loading {what}…") }</div>
        },
        Chunk::Failed(error, retry) => {
            let retry = retry.reform(|_| ());
            html! {
                <div class="chunk-status chunk-failed" role="alert">
                    <span>{ error.to_string() }</span>
                    <button type="button" class="btn btn-small" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
    }
}

/// A dialog's place while its chunk downloads (or failed): a modal with the
/// status, so the click visibly did something and Escape still closes it.
pub fn chunk_dialog<T>(
    chunk: &Chunk<T>,
    id: AttrValue,
    what: &str,
    on_close: Callback<()>,
) -> Html {
    let title = match chunk {
        Chunk::Failed(..) => "Could not open",
        _ => "Opening…",
    };
    html! {
        <super::super::modal::Modal {id} title={title} {on_close}>
            { chunk_placeholder(chunk, what) }
        </super::super::modal::Modal>
    }
}
