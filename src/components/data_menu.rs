//! "Inventory data": export as JSON, CSV or PEM chains, import a JSON export, reset the demo.

use chrono::NaiveDate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::confirm_dialog::ConfirmDialog;
use super::context::{AppContext, use_app};
use crate::lazy_chunk;
use crate::platform::download::download;
use crate::store::inventory::Inventory;
use crate::store::{Action, Notice, NoticeKind};

/// The three export writers, loaded with the first export.
#[derive(Clone, Copy)]
struct Exports {
    json: fn(&Inventory) -> String,
    csv: fn(&Inventory, NaiveDate) -> String,
    /// The file and how many chains it holds.
    pem: fn(&Inventory) -> (String, usize),
}

lazy_chunk!(static EXPORTS: Exports = export => Exports {
    json: crate::store::persist::encode,
    csv: crate::store::csv::to_csv,
    pem: crate::store::pem_export::chains_file,
});

/// A file of the inventory to download, or a message when there is none.
struct Export {
    name: String,
    mime: &'static str,
    body: String,
}

/// A button's callback: fetches the writers (the first time), makes the
/// file with `make` and downloads it, or tells the user what went wrong.
fn exporter(
    app: &AppContext,
    make: fn(&AppContext, Exports) -> Result<Export, Notice>,
) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| {
        let app = app.clone();
        spawn_local(async move {
            let made = match EXPORTS.get().await {
                Ok(exports) => make(&app, exports),
                Err(e) => Err(Notice::new(
                    NoticeKind::Error,
                    format!("Download failed: {e}"),
                )),
            };
            let result = made.and_then(|file| {
                download(&file.name, file.mime, &file.body)
                    .map_err(|e| Notice::new(NoticeKind::Error, format!("Download failed: {e}")))
            });
            if let Err(notice) = result {
                app.dispatch(Action::Notify(notice));
            }
        });
    })
}

#[component]
pub fn DataMenu() -> Html {
    let app = use_app();
    let confirm_reset = use_state(|| false);
    let export_json = exporter(&app, |app, exports| {
        Ok(Export {
            name: format!("certdesk-inventory-{}.json", app.real_today),
            mime: "application/json",
            body: (exports.json)(&app.inventory),
        })
    });
    let export_csv = exporter(&app, |app, exports| {
        Ok(Export {
            name: format!("certdesk-certificates-{}.csv", app.today()),
            mime: "text/csv",
            body: (exports.csv)(&app.inventory, app.today()),
        })
    });
    let export_pem = exporter(&app, |app, exports| {
        let (body, count) = (exports.pem)(&app.inventory);
        if count == 0 {
            return Err(Notice::new(
                NoticeKind::Info,
                "No certificate file is held in this browser yet, so there is no chain to export. Download a certificate's file (or upload one) first.",
            ));
        }
        Ok(Export {
            name: format!("certdesk-chains-{}.pem", app.today()),
            mime: "application/x-pem-file",
            body,
        })
    });
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
