//! "Upload certificate" on the Uploaded tab: opens the upload dialog.

use yew::prelude::*;

use super::hooks::{Chunk, chunk_dialog, use_chunk, use_id};
use super::upload_dialog::UploadDialog;
use super::use_open::{Open, use_open};
use crate::lazy_chunk;

type UploadView = fn(Callback<()>) -> Html;

// The dialog and the X.509 parsing it needs come with the first upload.
lazy_chunk!(static UPLOAD: UploadView = upload => (|on_close| html! {
    <UploadDialog {on_close} />
}) as UploadView);

#[component]
pub fn UploadButton() -> Html {
    let Open {
        is: open,
        show,
        close,
        ..
    } = use_open();
    let button_id = use_id("upload-certificate");
    let wait_id = use_id("upload-loading");
    let chunk = use_chunk(&UPLOAD, open);
    html! {
        <>
            <button type="button" class="btn btn-primary" id={button_id.clone()} onclick={show}>{ "Upload certificate" }</button>
            if open {
                if let Chunk::Ready(view) = chunk {
                    { view(close) }
                } else {
                    { chunk_dialog(&chunk, wait_id, "the upload dialog", close) }
                }
            }
        </>
    }
}
