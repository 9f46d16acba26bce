//! Emergency steps (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn EmergencySteps(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="emergency_steps" title="Emergency steps" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
