//! The documents' emergency procedure for an expired certificate, as a
//! guided checklist: a DV certificate now, DNS validation, deploy, replace later.

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::context::use_app;
use super::dialogs::Dialog;
use super::hooks::{use_dialogs, use_id_prefix};
use super::modal::Modal;

const STEPS: [(&str, &str); 4] = [
    (
        "Purchase a DV certificate",
        "Buy a Domain Validated certificate as a temporary solution: its validation is simple and it is issued quickly.",
    ),
    (
        "Request it with DNS validation",
        "Choose DNS verification: ownership is usually verified within 10 minutes. While you wait, find where the expired certificate is installed on your server.",
    ),
    (
        "Deploy it immediately",
        "As soon as it is issued, deploy it to your web server (Nginx, Apache...) or cloud service, and reload the service.",
    ),
    (
        "Replace the temporary certificate",
        "Once service is restored, request a certificate with the original specification (such as OV or EV) and replace the DV certificate as soon as possible.",
    ),
];

#[component]
pub fn EmergencySteps(props: &CertDialogProps) -> Html {
    let app = use_app();
    let done = use_state(|| [false; 4]);
    let (ids, dialogs) = (use_id_prefix(), use_dialogs());
    let Some(cert) = app.inventory.find(&props.id).cloned() else {
        return html! { <Modal id={ids.id("emergency-steps")} title="Emergency steps" on_close={props.on_close.clone()}><p>{ "This certificate is no longer in the inventory." }</p></Modal> };
    };
    let expired_days = cert
        .not_after
        .map(|d| (app.today() - d).num_days())
        .unwrap_or(0);
    let buy = dialogs.opener(Dialog::EmergencyPurchase(cert.id.clone()));
    html! {
        <Modal id={ids.id("emergency-steps")} title="Emergency steps for an expired certificate" on_close={props.on_close.clone()} side=true
               footer={html! { <button type="button" class="btn btn-primary" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button> }}>
            <div class="order-errors" role="alert">
                <p><strong>{ format!("{} expired {} days ago.", cert.name, expired_days) }</strong>
                   { " Browsers now warn visitors or refuse to connect. Follow these steps to restore service quickly." }</p>
            </div>
            <ol class="checklist">
                for (i, (title, text)) in STEPS.iter().enumerate() {
                    <li class={classes!(done[i].then_some("done"))}>
                        <input type="checkbox" id={ids.id(&format!("emergency-{i}"))} checked={done[i]}
                               onchange={{ let done = done.clone(); Callback::from(move |_| { let mut d = *done; d[i] = !d[i]; done.set(d); }) }} />
                        <label for={ids.id(&format!("emergency-{i}"))}><strong>{ *title }</strong></label>
                        <p>{ *text }</p>
                        if i == 0 {
                            <button type="button" class="btn btn-primary btn-small" id={ids.id("emergency-buy")} onclick={buy.clone()}>{ "Purchase a DV certificate for these domains" }</button>
                        }
                    </li>
                }
            </ol>
            <p class="hint">{ "To keep this from happening again: turn on certificate expiry notifications, renew in advance, or buy a multi-year period so the Managed Service requests the next certificate when 30 days or less are left." }</p>
        </Modal>
    }
}
