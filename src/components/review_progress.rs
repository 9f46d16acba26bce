//! Application progress (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn ReviewProgress(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="review_progress" title="Application progress" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
