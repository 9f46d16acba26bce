//! "Import JSON": merges an exported inventory, item by item, and lists what
//! was rejected and why. Nothing already in the inventory changes.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::context::use_app;
use super::hooks::use_id_prefix;
use super::modal::Modal;
use crate::lazy_chunk;
use crate::platform::download::read_file_text;
use crate::store::import::{ImportReport, import};
use crate::store::inventory::Inventory;
use crate::store::{Action, Notice, NoticeKind};

type ImportFn = fn(&Inventory, &str) -> Result<(Inventory, ImportReport), String>;

// Reading an export item by item is only needed when one is imported.
lazy_chunk!(static IMPORT: ImportFn = import => (|inventory, text| {
    import(inventory, text).map_err(|e| e.to_string())
}) as ImportFn);

/// Largest file read (an export of 50,000 certificates fits).
const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

#[component]
pub fn ImportButton() -> Html {
    let app = use_app();
    let ids = use_id_prefix();
    let input = use_node_ref();
    let report = use_state(|| None::<ImportReport>);
    let choose = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                el.click();
            }
        })
    };
    let onchange = {
        let (app, report) = (app.clone(), report.clone());
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = el.files().and_then(|files| files.get(0)) else {
                return;
            };
            el.set_value("");
            let (app, report) = (app.clone(), report.clone());
            spawn_local(async move {
                let name = file.name();
                let outcome = match read_file_text(file, MAX_IMPORT_BYTES).await {
                    Ok(text) => match IMPORT.get().await {
                        Ok(import) => import(&app.inventory, &text),
                        Err(e) => Err(e.to_string()),
                    },
                    Err(e) => Err(e),
                };
                match outcome {
                    Ok((merged, result)) => {
                        let kind = if result.rejected.is_empty() {
                            NoticeKind::Success
                        } else {
                            NoticeKind::Warning
                        };
                        app.dispatch(Action::Replace(
                            merged,
                            Notice::new(kind, format!("Imported {name}: {}", result.summary())),
                        ));
                        report.set(Some(result));
                    }
                    Err(message) => app.dispatch(Action::Notify(Notice::new(
                        NoticeKind::Error,
                        format!("{name}: {message}"),
                    ))),
                }
            });
        })
    };
    let close = {
        let report = report.clone();
        Callback::from(move |_| report.set(None))
    };
    html! {
        <>
            <button type="button" class="btn btn-small" onclick={choose}>{ "Import JSON" }</button>
            <input type="file" accept=".json,application/json" class="visually-hidden" tabindex="-1"
                   aria-hidden="true" ref={input} {onchange} />
            if let Some(result) = (*report).clone() {
                <Modal id={ids.id("import-report")} title="Import result" on_close={close.clone()} wide=true
                       footer={html! { <button type="button" class="btn btn-primary" onclick={close.reform(|_| ())}>{ "Done" }</button> }}>
                    <p class="import-summary">{ result.summary() }</p>
                    for note in result.notes.iter() { <p class="muted">{ note.clone() }</p> }
                    if !result.rejected.is_empty() {
                        <h3>{ "Rejected" }</h3>
                        <ul class="report-list">
                            for item in result.rejected.iter() {
                                <li><strong>{ item.label() }</strong>{ ": " }{ item.reason.clone() }</li>
                            }
                        </ul>
                    }
                    if !result.skipped.is_empty() {
                        <h3>{ "Skipped" }</h3>
                        <ul class="report-list">
                            for (id, why) in result.skipped.iter() { <li><strong>{ id.clone() }</strong>{ ": " }{ why.clone() }</li> }
                        </ul>
                    }
                </Modal>
            }
        </>
    }
}
