//! "Upload certificate" on the Uploaded tab: opens the upload dialog.

use yew::prelude::*;

use super::hooks::use_id;
use super::upload_dialog::UploadDialog;
use super::use_open::{Open, use_open};

#[component]
pub fn UploadButton() -> Html {
    let Open {
        is: open,
        show,
        close,
        ..
    } = use_open();
    let button_id = use_id("upload-certificate");
    html! {
        <>
            <button type="button" class="btn btn-primary" id={button_id.clone()} onclick={show}>{ "Upload certificate" }</button>
            if open {
                <UploadDialog on_close={close} />
            }
        </>
    }
}
