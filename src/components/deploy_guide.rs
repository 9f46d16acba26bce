//! Deploy the certificate (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn DeployGuide(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="deploy_guide" title="Deploy the certificate" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
