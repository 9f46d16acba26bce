//! The purchase page: Uploaded "Update", an Expired (or to-be-changed)
//! Official certificate's Purchase, or a new certificate.

use yew::prelude::*;

use super::context::use_app;
use super::order_panel::OrderPanel;
use super::renewal_panel::OrderDialogProps;
use crate::store::order_form::OrderForm;

#[component]
pub fn PurchasePanel(props: &OrderDialogProps) -> Html {
    let app = use_app();
    let original = props.id.as_ref().and_then(|id| app.inventory.find(id));
    let title = match original {
        Some(o) if o.kind == crate::rules::CertificateKind::Uploaded => {
            "Update: purchase a certificate"
        }
        Some(_) => "Purchase a new certificate",
        None => "Purchase certificate",
    };
    let mut form = OrderForm::purchase(original);
    let title = if props.emergency {
        form = form.emergency_dv();
        "Emergency: purchase a DV certificate"
    } else {
        title
    };
    html! {
        <OrderPanel {form} {title} submit_label="Buy Now"
                    on_close={props.on_close.clone()} />
    }
}
