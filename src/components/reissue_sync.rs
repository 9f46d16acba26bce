//! Reissue and Sync (being written).

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::modal::Modal;

#[component]
pub fn ReissueSync(props: &CertDialogProps) -> Html {
    html! {
        <Modal id="reissue_sync" title="Reissue and Sync" on_close={props.on_close.clone()} side=true>
            <p>{ props.id.clone() }</p>
        </Modal>
    }
}
