//! "Certificate renewal": the Official certificate's Renewal purchase.

use yew::prelude::*;

use super::context::use_app;
use super::hooks::use_id;
use super::modal::Modal;
use super::order_panel::OrderPanel;
use crate::store::order_form::OrderForm;

#[derive(Properties, PartialEq)]
pub struct OrderDialogProps {
    /// The certificate the order is placed on; `None` for a new purchase.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub on_close: Callback<()>,
    /// The emergency procedure's purchase: a DV certificate with DNS validation.
    #[prop_or_default]
    pub emergency: bool,
}

#[component]
pub fn RenewalPanel(props: &OrderDialogProps) -> Html {
    let app = use_app();
    let panel_id = use_id("order-panel");
    let cert = props.id.as_ref().and_then(|id| app.inventory.find(id));
    match cert {
        Some(cert) => html! {
            <OrderPanel form={OrderForm::renewal(cert)} title="Certificate renewal" submit_label="Renewal immediately"
                        on_close={props.on_close.clone()} />
        },
        None => html! {
            <Modal id={panel_id.clone()} title="Certificate renewal" on_close={props.on_close.clone()}>
                <p>{ "This certificate is no longer in the inventory." }</p>
            </Modal>
        },
    }
}
