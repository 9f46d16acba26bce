//! "Upload certificate" on the Uploaded tab: opens the upload dialog.

use yew::prelude::*;

use super::upload_dialog::UploadDialog;

#[component]
pub fn UploadButton() -> Html {
    let open = use_state(|| false);
    let show = {
        let open = open.clone();
        Callback::from(move |_| open.set(true))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    html! {
        <>
            <button type="button" class="btn btn-primary" id="upload-certificate" onclick={show}>{ "Upload certificate" }</button>
            if *open {
                <UploadDialog on_close={close} />
            }
        </>
    }
}
