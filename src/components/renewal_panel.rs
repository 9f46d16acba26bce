//! Certificate renewal (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn RenewalPanel(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="renewal_panel" title="Certificate renewal" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
