//! Certificate details (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn CertificateDetails(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="cert_details" title="Certificate details" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
