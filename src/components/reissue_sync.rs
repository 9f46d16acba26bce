//! A PCA certificate: "reissue the PCA certificate and then Sync to SSL Certificate".

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::context::{use_app, use_handle};
use super::hooks::use_id_prefix;
use super::modal::Modal;

#[component]
pub fn ReissueSync(props: &CertDialogProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let ids = use_id_prefix();
    let Some(cert) = app.inventory.find(&props.id).cloned() else {
        return html! { <Modal id={ids.id("reissue-sync")} title="Reissue and Sync" on_close={props.on_close.clone()}><p>{ "This certificate is no longer in the inventory." }</p></Modal> };
    };
    let sync = {
        let (handle, id, on_close) = (handle.clone(), cert.id.clone(), props.on_close.clone());
        Callback::from(move |_| {
            let (handle, id) = (handle.clone(), id.clone());
            spawn_local(async move {
                let _ = handle.sync_pca(&id).await;
            });
            on_close.emit(());
        })
    };
    let footer = html! {
        <>
            <span class="sandbox-label">{ "Sandbox PCA" }</span>
            <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
            <button type="button" class="btn btn-primary" id={ids.id("pca-sync")} onclick={sync}>{ "Sync to SSL Certificate" }</button>
        </>
    };
    html! {
        <Modal id={ids.id("reissue-sync")} title="Reissue and Sync" on_close={props.on_close.clone()} {footer}>
            <p>{ format!("{} was issued by your private CA (PCA). It is not renewed or updated here:", cert.name) }</p>
            <ol>
                <li>{ "Reissue the certificate in the PCA product (Private Certificate Authority console)." }</li>
                <li>{ "Then click Sync to SSL Certificate: the reissued certificate replaces this one in the Uploaded list." }</li>
                <li>{ "Deploy the reissued certificate where the old one is used." }</li>
            </ol>
            <p class="sandbox-note">{ "Sandbox: syncing takes a reissue as done today, with the same validity period as before." }</p>
        </Modal>
    }
}
