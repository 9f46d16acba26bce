//! The purchase panel (being written).

use yew::prelude::*;

use super::modal::Modal;

#[derive(Properties, PartialEq)]
pub struct PurchasePanelProps {
    /// The certificate the purchase replaces (Uploaded "Update", an Expired one); None: a new purchase.
    #[prop_or_default]
    pub original: Option<AttrValue>,
    pub on_close: Callback<()>,
}

#[component]
pub fn PurchasePanel(props: &PurchasePanelProps) -> Html {
    html! {
        <Modal id="purchase-panel" title="Purchase certificate" on_close={props.on_close.clone()} side=true>
            <p>{ props.original.clone().unwrap_or_default() }</p>
        </Modal>
    }
}
