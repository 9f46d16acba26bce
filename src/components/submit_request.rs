//! Submit the certificate request (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn SubmitRequest(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="submit_request" title="Submit the certificate request" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
