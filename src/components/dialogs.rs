//! Which dialog a `Dialog` value shows, and the direct (dialog-less) Download.

use std::cell::RefCell;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::cert_details::CertificateDetails;
use super::confirm_dialog::ConfirmDialog;
use super::console::Dialog;
use super::context::AppContext;
use super::deploy_guide::DeployGuide;
use super::emergency_steps::EmergencySteps;
use super::purchase_panel::PurchasePanel;
use super::reissue_sync::ReissueSync;
use super::renewal_panel::RenewalPanel;
use super::review_progress::ReviewProgress;
use super::submit_request::SubmitRequest;
use super::verify_walkthrough::VerifyWalkthrough;
use crate::platform::download::{download, file_stem};
use crate::platform::sandbox_ca;
use crate::rules::{Certificate, cancel_return, ordered_here};
use crate::store::{Action, Notice, NoticeKind};

/// Downloads the certificate file (the leaf and its chain, PEM). A certificate
/// bought here whose file this browser does not hold yet gets it from the CA
/// (the sandbox CA signs it with the record's names and validity) and keeps it.
pub fn download_file(app: &AppContext, id: &str) {
    let Some(cert) = app.inventory.find(id).cloned() else {
        return;
    };
    if let Some(pem) = &cert.pem {
        if let Err(e) = save_pem(&cert, pem) {
            not_downloaded(app, &cert, e);
        }
        return;
    }
    let (Some(from), Some(to)) = (cert.not_before, cert.not_after) else {
        not_downloaded(app, &cert, "it has not been issued yet".to_string());
        return;
    };
    if !ordered_here(&cert) {
        not_downloaded(
            app,
            &cert,
            "no certificate file is kept in this browser for it".to_string(),
        );
        return;
    }
    let app = app.clone();
    spawn_local(async move {
        let result = sandbox_ca::issue(&cert, from, to, cert.csr.as_deref()).await;
        match result.and_then(|pem| save_pem(&cert, &pem).map(|()| pem)) {
            Ok(pem) => app.dispatch(Action::AttachFile {
                id: cert.id.clone(),
                pem,
                for_validity: Some((from, to)),
            }),
            Err(e) => not_downloaded(&app, &cert, e),
        }
    });
}

fn not_downloaded(app: &AppContext, cert: &Certificate, why: String) {
    app.dispatch(Action::Notify(Notice::new(
        NoticeKind::Error,
        format!(
            "{} was not downloaded: {}.",
            cert.name,
            why.trim_end_matches('.')
        ),
    )));
}

fn save_pem(cert: &Certificate, pem: &str) -> Result<(), String> {
    download(
        &format!("{}.pem", file_stem(&cert.name)),
        "application/x-pem-file",
        pem,
    )
}

pub fn render_dialog(
    app: &AppContext,
    dialog: Option<Dialog>,
    close: Callback<()>,
    open: Callback<Dialog>,
) -> Html {
    let confirm = |action: Action| {
        let (app, close) = (app.clone(), close.clone());
        let action = RefCell::new(Some(action));
        Callback::from(move |_| {
            if let Some(action) = action.borrow_mut().take() {
                app.dispatch(action);
            }
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
                               on_confirm={confirm(Action::Cancel(id.clone()))} on_cancel={close}>
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
                           on_confirm={confirm(Action::Delete(id.clone()))} on_cancel={close}>
                <p>{ format!("Delete {} from the inventory? This cannot be undone; export the inventory first if you want a copy.", name_of(&id)) }</p>
            </ConfirmDialog>
        },
        Some(Dialog::Renew(id)) => {
            html! { <RenewalPanel id={Some(AttrValue::from(id))} {on_close} on_open={open} /> }
        }
        Some(Dialog::Purchase(original)) => {
            html! { <PurchasePanel id={original.map(AttrValue::from)} {on_close} on_open={open} /> }
        }
        Some(Dialog::Submit(id)) => html! { <SubmitRequest id={id} {on_close} on_open={open} /> },
        Some(Dialog::Progress(id)) => {
            html! { <ReviewProgress id={id} {on_close} on_open={open} /> }
        }
        Some(Dialog::Deploy(id)) => html! { <DeployGuide id={id} {on_close} on_open={open} /> },
        Some(Dialog::Verify(id)) => html! { <VerifyWalkthrough id={id} {on_close} /> },
        Some(Dialog::Emergency(id)) => {
            html! { <EmergencySteps id={id} {on_close} on_open={open} /> }
        }
        Some(Dialog::EmergencyPurchase(id)) => {
            html! { <PurchasePanel id={Some(AttrValue::from(id))} emergency=true {on_close} on_open={open} /> }
        }
        Some(Dialog::Reissue(id)) => html! { <ReissueSync id={id} {on_close} /> },
        Some(Dialog::Details(id)) => html! { <CertificateDetails id={id} {on_close} /> },
    }
}
