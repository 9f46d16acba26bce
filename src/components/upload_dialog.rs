//! The upload dialog: paste text, drop files or choose them (PEM, DER,
//! .p7b, `openssl s_client` output); every certificate found is shown
//! before anything is added, with what could not be read and why.
//! "Add" adds the new ones; nothing already listed changes.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::context::{use_app, use_handle};
use super::hooks::use_id_prefix;
use super::modal::Modal;
use super::upload_preview::{Found, UploadPreview};
use crate::platform::download::{human_size, read_file_bytes};
use crate::x509::{
    MAX_INPUT_BYTES, SourceRead, duplicate_of, file_fingerprints, plan_upload_input, read_sources,
};

#[derive(Properties, PartialEq)]
pub struct UploadDialogProps {
    pub on_close: Callback<()>,
}

/// One chosen or dropped file: its bytes, or why they could not be read.
#[derive(Clone, PartialEq)]
struct Source {
    key: u64,
    name: String,
    size: f64,
    bytes: Result<Vec<u8>, String>,
}

/// The files, changed by actions so that reads finishing in any order add up.
#[derive(Default, PartialEq)]
struct Sources {
    list: Vec<Source>,
    next: u64,
}

enum SourceAction {
    Add(String, f64, Result<Vec<u8>, String>),
    Remove(u64),
}

impl Reducible for Sources {
    type Action = SourceAction;
    fn reduce(self: Rc<Self>, action: SourceAction) -> Rc<Self> {
        let mut list = self.list.clone();
        let mut next = self.next;
        match action {
            SourceAction::Add(name, size, bytes) => {
                list.push(Source {
                    key: next,
                    name,
                    size,
                    bytes,
                });
                next += 1;
            }
            SourceAction::Remove(key) => list.retain(|s| s.key != key),
        }
        Rc::new(Sources { list, next })
    }
}

/// Reads a file's bytes (refused unread when over the size any chain has).
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_INPUT_BYTES as f64 {
        return Err(format!(
            "It is {}; a certificate chain is a few kilobytes, and files over {} are not read. Check that you chose the certificate file (.pem, .crt, .cer, .der or .p7b).",
            human_size(file.size()),
            human_size(MAX_INPUT_BYTES as f64)
        ));
    }
    read_file_bytes(file).await
}

fn add_files(files: Option<web_sys::FileList>, sources: UseReducerHandle<Sources>) {
    let Some(files) = files else { return };
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let sources = sources.clone();
        spawn_local(async move {
            let bytes = read_bytes(&file).await;
            sources.dispatch(SourceAction::Add(file.name(), file.size(), bytes));
        });
    }
}

fn file_summary(summary: Option<&SourceRead>) -> Html {
    match summary.map(|s| (s.certificates, s.problems)) {
        None => html! {},
        Some((0, _)) => html! { <span class="file-bad">{ "nothing read: see Not added" }</span> },
        Some((n, problems)) => html! {
            <span class="file-ok">
                { format!("{n} certificate{}", if n == 1 { "" } else { "s" }) }
                if problems { { ", and parts not read" } }
            </span>
        },
    }
}

#[component]
pub fn UploadDialog(props: &UploadDialogProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let ids = use_id_prefix();
    let pasted = use_state(String::new);
    let sources = use_reducer(Sources::default);
    let dragging = use_state(|| false);
    let input = use_node_ref();
    let today = app.today();
    let found = {
        let inventory = app.inventory.clone();
        let prints = {
            let inventory = inventory.clone();
            use_memo(app.rev, move |_| file_fingerprints(&inventory.certificates))
        };
        use_memo(
            ((*pasted).clone(), sources.list.clone(), today, app.rev),
            move |(pasted, list, today, _)| {
                // The pasted text first (when there is some), then each file.
                let pasted =
                    (!pasted.trim().is_empty()).then_some(("Pasted text", Ok(pasted.as_bytes())));
                let files = list
                    .iter()
                    .map(|s| (s.name.as_str(), s.bytes.as_deref().map_err(String::as_str)));
                let mut read = read_sources(pasted.into_iter().chain(files));
                if pasted.is_some() {
                    read.per_source.remove(0);
                }
                let plan =
                    plan_upload_input(&read, today.and_hms_opt(12, 0, 0).unwrap_or_default());
                let duplicates = plan
                    .candidates
                    .iter()
                    .map(|c| {
                        duplicate_of(c, &inventory.certificates, &prints)
                            .map(|r| (r.id.clone(), r.name.clone()))
                    })
                    .collect();
                Found {
                    plan,
                    duplicates,
                    problems: read.problems,
                    per_file: read.per_source,
                }
            },
        )
    };
    let to_add: Vec<_> = found
        .plan
        .candidates
        .iter()
        .zip(&found.duplicates)
        .filter(|(_, dup)| dup.is_none())
        .map(|(c, _)| c.record.clone())
        .collect();
    let count = to_add.len();
    let on_add = {
        let (handle, on_close) = (handle.clone(), props.on_close.clone());
        Callback::from(move |_| {
            if !to_add.is_empty() {
                let (handle, to_add) = (handle.clone(), to_add.clone());
                spawn_local(async move {
                    let _ = handle.add_uploads(to_add).await;
                });
                on_close.emit(());
            }
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(el.value());
        })
    };
    let choose = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                el.click();
            }
        })
    };
    let on_chosen = {
        let sources = sources.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            add_files(el.files(), sources.clone());
            el.set_value("");
        })
    };
    let drag = |on: bool| {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(on);
        })
    };
    let on_drop = {
        let (sources, dragging) = (sources.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            add_files(e.data_transfer().and_then(|d| d.files()), sources.clone());
        })
    };
    let add_label = match count {
        0 => "Add certificates".to_string(),
        1 => "Add 1 certificate".to_string(),
        n => format!("Add {n} certificates"),
    };
    let footer = html! {
        <>
            <span class="foot-note" id={ids.id("upload-add-note")}>
                if count == 0 {
                    { if found.problems.is_empty() && found.plan.refused.is_empty() && found.plan.candidates.is_empty() {
                        "Nothing to add yet."
                    } else {
                        "Nothing new to add: see why above."
                    } }
                }
            </span>
            <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Cancel" }</button>
            <button type="button" class="btn btn-primary" id={ids.id("upload-add")} disabled={count == 0} onclick={on_add}
                    aria-describedby={(count == 0).then(|| ids.id("upload-add-note"))}>{ add_label }</button>
        </>
    };
    html! {
        <Modal id={ids.id("upload-dialog")} class="upload-dialog" title="Upload certificate" on_close={props.on_close.clone()} wide=true {footer}>
            <p class="tool-intro">{ "Paste certificate text, drop files, or choose them: PEM, DER, PKCS#7 (.p7b) or the whole output of openssl s_client. A server certificate and its chain make one entry. Each certificate is shown below before anything is added." }</p>
            <div class="form-field">
                <label for={ids.id("upload-paste")}>{ "Paste certificates" }</label>
                <textarea id={ids.id("upload-paste")} class="pem-input" rows="4" spellcheck="false" autocomplete="off"
                          placeholder="-----BEGIN CERTIFICATE-----" value={(*pasted).clone()} oninput={on_paste}
                          aria-describedby={ids.id("upload-paste-hint")} />
                <p class="hint" id={ids.id("upload-paste-hint")}>{ "Certificates only: Certdesk never needs your private key." }</p>
            </div>
            <div class={classes!("drop-zone", dragging.then_some("drop-active"))}
                 ondragover={drag(true)} ondragenter={drag(true)} ondragleave={drag(false)} ondrop={on_drop}>
                <span>{ "Drop certificate files here, or" }</span>
                <button type="button" class="btn btn-small" id={ids.id("upload-choose")} onclick={choose}>{ "Choose files…" }</button>
                <input type="file" multiple=true id={ids.id("upload-files")} class="visually-hidden" tabindex="-1" aria-hidden="true"
                       accept=".pem,.crt,.cer,.der,.p7b,.p7c,.txt,.ca-bundle" ref={input} onchange={on_chosen} />
            </div>
            if !sources.list.is_empty() {
                <ul class="file-list" aria-label="Files">
                    for (i, s) in sources.list.iter().enumerate() {
                        <li key={s.key}>
                            <span class="file-name">{ s.name.clone() }</span>
                            <span class="muted">{ human_size(s.size) }</span>
                            { file_summary(found.per_file.get(i)) }
                            <button type="button" class="btn-link" aria-label={format!("Remove {}", s.name)}
                                    onclick={let (sources, key) = (sources.clone(), s.key); Callback::from(move |_| sources.dispatch(SourceAction::Remove(key)))}>
                                { "Remove" }
                            </button>
                        </li>
                    }
                </ul>
            }
            <UploadPreview found={Rc::clone(&found)} {today} />
        </Modal>
    }
}
