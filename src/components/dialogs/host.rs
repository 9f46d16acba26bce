//! The one place dialogs are rendered: which component a `Dialog` value
//! shows. Panels open one another through `use_dialogs()`, never through
//! this file.

use std::cell::Cell;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::Dialog;
use crate::backend::commands::AppHandle;
use crate::components::cert_details::CertificateDetails;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::context::use_handle;
use crate::components::deploy_guide::DeployGuide;
use crate::components::emergency_steps::EmergencySteps;
use crate::components::hooks::{Chunk, chunk_dialog, use_chunk, use_dialogs, use_id};
use crate::components::notifications::centre::NotificationCentre;
use crate::components::notifications::policy_editor::PolicyEditor;
use crate::components::purchase_panel::PurchasePanel;
use crate::components::reissue_sync::ReissueSync;
use crate::components::renewal_panel::RenewalPanel;
use crate::components::review_progress::ReviewProgress;
use crate::components::submit_request::SubmitRequest;
use crate::components::verify_walkthrough::VerifyWalkthrough;
use crate::lazy_chunk;
use crate::rules::cancel_return;

/// What a confirmation dialog does when confirmed.
#[derive(Clone, Copy)]
enum Confirmed {
    Cancel,
    Delete,
}

#[derive(Properties, PartialEq)]
pub struct DialogHostProps {
    /// The dialog open now (`Console` keeps it), if any.
    pub dialog: Option<Dialog>,
}

#[component]
pub fn DialogHost(props: &DialogHostProps) -> Html {
    let handle = use_handle();
    let dialogs = use_dialogs();
    let id = use_id("dialog-loading");
    let close = Callback::from(move |()| dialogs.close());
    let chunk = use_chunk(&DIALOGS, props.dialog.is_some());
    match (&chunk, props.dialog.clone()) {
        (_, None) => html! {},
        (Chunk::Ready(view), dialog) => view(&handle, dialog, close),
        (_, Some(_)) => chunk_dialog(&chunk, id, "this dialog", close),
    }
}

/// What renders a dialog: every panel and dialog lives in this chunk.
pub type DialogView = fn(&AppHandle, Option<Dialog>, Callback<()>) -> Html;

lazy_chunk!(static DIALOGS: DialogView = dialogs => render_dialog as DialogView);

/// Starts fetching the dialogs' chunk (a failure is shown when one opens).
pub fn preload_dialogs() {
    DIALOGS.preload();
}

fn render_dialog(handle: &AppHandle, dialog: Option<Dialog>, close: Callback<()>) -> Html {
    let app = &handle.state;
    // Runs once: a second click while the first is on its way does nothing.
    let confirm = |what: Confirmed, id: &str| {
        let (handle, close, id) = (handle.clone(), close.clone(), id.to_string());
        let done = Cell::new(false);
        Callback::from(move |_| {
            if done.replace(true) {
                return;
            }
            let (handle, id) = (handle.clone(), id.clone());
            spawn_local(async move {
                // A refusal is told as a notice by the handle.
                let _ = match what {
                    Confirmed::Cancel => handle.cancel(&id).await,
                    Confirmed::Delete => handle.delete(&id).await,
                };
            });
            close.emit(());
        })
    };
    let name_of = |id: &str| {
        app.inventory
            .find(id)
            .map(|c| format!("{} ({id})", c.name))
            .unwrap_or_else(|| id.to_string())
    };
    let on_close = close.clone();
    match dialog {
        None => html! {},
        Some(Dialog::Cancel(id)) => {
            let returns = app
                .inventory
                .find(&id)
                .map(cancel_return)
                .filter(|r| r.units > 0);
            html! {
                <ConfirmDialog title="Cancel certificate" confirm_label="Cancel certificate" danger=true
                               on_confirm={confirm(Confirmed::Cancel, &id)} on_cancel={close}>
                    <p>{ format!("Cancel {}?", name_of(&id)) }</p>
                    if let Some(r) = returns {
                        <p>{ format!("Your quota gets back {} certificate unit of {} and {} Managed Service use.", r.units, r.spec.label(), r.managed_service) }</p>
                    } else {
                        <p>{ "Only Not Activated certificates return their quota. For a refund, contact your account manager." }</p>
                    }
                </ConfirmDialog>
            }
        }
        Some(Dialog::Delete(id)) => html! {
            <ConfirmDialog title="Delete certificate" confirm_label="Delete" danger=true
                           on_confirm={confirm(Confirmed::Delete, &id)} on_cancel={close}>
                <p>{ format!("Delete {} from the inventory? This cannot be undone; export the inventory first if you want a copy.", name_of(&id)) }</p>
            </ConfirmDialog>
        },
        Some(Dialog::Renew(id)) => {
            html! { <RenewalPanel id={Some(AttrValue::from(id))} {on_close} /> }
        }
        Some(Dialog::Purchase(original)) => {
            html! { <PurchasePanel id={original.map(AttrValue::from)} {on_close} /> }
        }
        Some(Dialog::Submit(id)) => html! { <SubmitRequest id={id} {on_close} /> },
        Some(Dialog::Progress(id)) => {
            html! { <ReviewProgress id={id} {on_close} /> }
        }
        Some(Dialog::Deploy(id)) => html! { <DeployGuide id={id} {on_close} /> },
        Some(Dialog::Verify(id)) => html! { <VerifyWalkthrough id={id} {on_close} /> },
        Some(Dialog::Emergency(id)) => {
            html! { <EmergencySteps id={id} {on_close} /> }
        }
        Some(Dialog::EmergencyPurchase(id)) => {
            html! { <PurchasePanel id={Some(AttrValue::from(id))} emergency=true {on_close} /> }
        }
        Some(Dialog::Reissue(id)) => html! { <ReissueSync id={id} {on_close} /> },
        Some(Dialog::Details(id)) => html! { <CertificateDetails id={id} {on_close} /> },
        Some(Dialog::Notifications) => html! { <NotificationCentre {on_close} /> },
        Some(Dialog::Policy(id)) => {
            html! { <PolicyEditor id={id.map(AttrValue::from)} {on_close} /> }
        }
    }
}
