//! "Inventory data": export as JSON, CSV or PEM chains, import a JSON export, reset the demo.

use yew::prelude::*;

use super::confirm_dialog::ConfirmDialog;
use super::context::use_app;
use crate::lazy_chunk;
use crate::platform::download::download;
use crate::store::inventory::Inventory;
use chrono::NaiveDate;
use wasm_bindgen_futures::spawn_local;

/// The CSV writer and the PEM chain export, loaded with the first export.
#[derive(Clone, Copy)]
struct Exports {
    csv: fn(&Inventory, NaiveDate) -> String,
    pem: fn(&Inventory) -> (String, usize),
}

lazy_chunk!(static EXPORTS: Exports = export => Exports {
    csv: crate::store::csv::to_csv,
    pem: crate::store::pem_export::chains_file,
});

/// The exports, or `None` after telling the user they could not be downloaded.
async fn exports(app: &super::context::AppContext) -> Option<Exports> {
    match EXPORTS.get().await {
        Ok(exports) => Some(exports),
        Err(e) => {
            app.dispatch(Action::Notify(Notice::new(
                NoticeKind::Error,
                e.to_string(),
            )));
            None
        }
    }
}
use crate::store::{Action, Notice, NoticeKind};

#[component]
pub fn DataMenu() -> Html {
    let app = use_app();
    let confirm_reset = use_state(|| false);
    let export_json = {
        let app = app.clone();
        Callback::from(move |_| {
            let app = app.clone();
            spawn_local(async move {
                match crate::store::persist::codec().await {
                    Ok(codec) => {
                        let body = (codec.encode)(&app.inventory);
                        let name = format!("certdesk-inventory-{}.json", app.real_today);
                        report_error(&app, download(&name, "application/json", &body));
                    }
                    Err(e) => report_error(&app, Err(e.to_string())),
                }
            });
        })
    };
    let export_csv = {
        let app = app.clone();
        Callback::from(move |_| {
            let app = app.clone();
            spawn_local(async move {
                let Some(export) = exports(&app).await else {
                    return;
                };
                let body = (export.csv)(&app.inventory, app.today());
                let name = format!("certdesk-certificates-{}.csv", app.today());
                report_error(&app, download(&name, "text/csv", &body));
            });
        })
    };
    let export_pem = {
        let app = app.clone();
        Callback::from(move |_| {
            let app = app.clone();
            spawn_local(async move {
                let Some(export) = exports(&app).await else {
                    return;
                };
                let (body, count) = (export.pem)(&app.inventory);
                if count == 0 {
                    app.dispatch(Action::Notify(Notice::new(
                    NoticeKind::Info,
                    "No certificate file is held in this browser yet, so there is no chain to export. Download a certificate's file (or upload one) first.",
                )));
                    return;
                }
                let name = format!("certdesk-chains-{}.pem", app.today());
                report_error(&app, download(&name, "application/x-pem-file", &body));
            });
        })
    };
    let ask_reset = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_| confirm_reset.set(true))
    };
    let cancel_reset = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_| confirm_reset.set(false))
    };
    let do_reset = {
        let (app, confirm_reset) = (app.clone(), confirm_reset.clone());
        Callback::from(move |_| {
            app.dispatch(Action::ResetDemo);
            confirm_reset.set(false);
        })
    };
    html! {
        <div class="data-menu" role="group" aria-label="Inventory data">
            // On a server, the inventory is the server's: no import over it, no demo reset.
            if app.remote.is_none() {
                <super::import_button::ImportButton />
            }
            <button type="button" class="btn btn-small" onclick={export_json}>{ "Export JSON" }</button>
            <button type="button" class="btn btn-small" onclick={export_csv}>{ "Export CSV" }</button>
            <button type="button" class="btn btn-small export-pem" onclick={export_pem}>{ "Export PEM chains" }</button>
            if app.remote.is_none() {
                <button type="button" class="btn btn-small" onclick={ask_reset}>{ "Reset demo data" }</button>
            }
            if *confirm_reset {
                <ConfirmDialog title="Reset demo data" confirm_label="Reset demo data" danger=true
                               on_confirm={do_reset} on_cancel={cancel_reset}>
                    <p>{ format!("Replace every certificate, order and quota with the built-in demo inventory, dated from {}?", app.today()) }</p>
                    <p>{ "What you have now is lost unless you export it first (Export JSON)." }</p>
                </ConfirmDialog>
            }
        </div>
    }
}

fn report_error(app: &super::context::AppContext, result: Result<(), String>) {
    if let Err(e) = result {
        app.dispatch(Action::Notify(Notice::new(
            NoticeKind::Error,
            format!("Download failed: {e}"),
        )));
    }
}
