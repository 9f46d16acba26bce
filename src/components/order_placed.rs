//! After "Renewal immediately" / "Buy Now": what was created and what happens
//! next (Step 2 of the documents), and the private key of an Automatic CSR.

use yew::prelude::*;

use super::context::use_app;
use super::dialogs::Dialog;
use super::hooks::{use_dialogs, use_id_prefix};
use crate::platform::download::{download, file_stem};
use crate::rules::{LifecycleState, OrderPlan};
use crate::store::money::format_amount;

/// What the panel knows about the order it placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The order the backend placed.
    pub order_id: String,
    pub private_key: Option<String>,
    pub csr_pem: Option<String>,
}

#[derive(Properties, PartialEq)]
pub struct OrderPlacedProps {
    pub placement: Placement,
    pub plan: OrderPlan,
}

#[component]
pub fn OrderPlaced(props: &OrderPlacedProps) -> Html {
    let app = use_app();
    let (ids, dialogs) = (use_id_prefix(), use_dialogs());
    let order = app
        .inventory
        .orders
        .iter()
        .find(|o| o.id == props.placement.order_id);
    let Some(order) = order else {
        return html! {
            <div class="order-errors" role="alert">
                <p><strong>{ "The order was not placed." }</strong></p>
                <p>{ "The reason is shown at the top of the page. Close this panel, check the certificate and try again." }</p>
            </div>
        };
    };
    let certs: Vec<_> = order
        .certificates
        .iter()
        .filter_map(|id| app.inventory.find(id))
        .collect();
    let key_download = props.placement.private_key.clone().map(|key| {
        let csr = props.placement.csr_pem.clone().unwrap_or_default();
        let name = certs.first().map(|c| file_stem(&c.name)).unwrap_or_default();
        let on_key = Callback::from({ let (key, name) = (key.clone(), name.clone()); move |_| { let _ = download(&format!("{name}.key.pem"), "application/x-pem-file", &key); } });
        let on_csr = Callback::from(move |_| { let _ = download(&format!("{name}.csr.pem"), "application/pkcs10", &csr); });
        html! {
            <div class="key-warning" role="alert">
                <p><strong>{ "Download the private key now." }</strong>{ " It was made in this browser for the new certificate and is not kept anywhere: not by Certdesk, not in this browser's storage. Without it the new certificate cannot be used, and a lost key means buying a new certificate." }</p>
                <div class="button-row">
                    <button type="button" class="btn btn-primary" id={ids.id("download-key")} onclick={on_key}>{ "Download private key (PKCS#8 PEM)" }</button>
                    <button type="button" class="btn" id={ids.id("download-csr")} onclick={on_csr}>{ "Download CSR" }</button>
                </div>
            </div>
        }
    });
    let paid = order.payment.amount_cents.unwrap_or(0);
    html! {
        <div class="order-placed" id={ids.id("order-placed")}>
            <p class="placed-title" role="status">
                <strong>{ format!("Order {} placed.", order.id) }</strong>
                { if paid > 0 { format!(" {} paid (sandbox: nothing is charged).", format_amount(paid, &order.payment.currency)) } else { " Covered by your quota.".to_string() } }
            </p>
            { key_download.unwrap_or_default() }
            <h3>{ "What happens next" }</h3>
            <ol class="next-steps">
                for (cert, planned) in certs.iter().zip(props.plan.certificates.iter()) {
                    <li>
                        <strong>{ cert.id.clone() }</strong>{ format!(" · {}", cert.state.label()) }
                        if cert.state == LifecycleState::PendingApplication {
                            <p>{ "Submit the certificate request to the CA and complete domain ownership verification." }</p>
                            <button type="button" class="btn btn-small btn-primary" onclick={dialogs.opener(Dialog::Submit(cert.id.clone()))}>
                                { "Submit request now" }
                            </button>
                        } else {
                            <p>{ format!("Starts automatically on {} (when the certificate before it has {} days or less left), using one Managed Service use.",
                                planned.trigger_on.map_or("its trigger date".to_string(), |d| d.to_string()), planned.trigger_days.unwrap_or(30)) }</p>
                            if let Some(Err(why)) = &planned.auto_start { <p class="preview-warn">{ why.clone() }</p> }
                        }
                    </li>
                }
            </ol>
            <p class="muted">{ "The new certificates are listed below the original with the association icon. The original certificate keeps its validity." }</p>
        </div>
    }
}
