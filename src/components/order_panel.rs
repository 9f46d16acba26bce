//! The side panel shared by "Renewal purchase" and the purchase page: the
//! fields, the live preview, and the order. Nothing is submitted while a field
//! is wrong: the first invalid field gets the focus and every error is shown.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::contact_fields::ContactFields;
use super::context::{use_app, use_handle};
use super::csr_field::CsrField;
use super::hooks::use_id_prefix;
use super::manual_csr_slot::ManualCsrSlot;
use super::modal::Modal;
use super::order_placed::{OrderPlaced, Placement};
use super::order_preview::OrderPreview;
use super::period_field::PeriodField;
use super::spec_fields::SpecFields;
use super::verification_field::VerificationField;
use crate::platform::crypto::{create_csr, generate_key_pair};
use crate::rules::{CsrMode, OrderKind, OrderRequest, ValidationType, trigger_days};
use crate::store::order_form::{FormChange, FormErrors, OrderForm};
use crate::x509::{SM2_REFUSAL, csr_request};

#[derive(Properties, PartialEq)]
pub struct OrderPanelProps {
    pub form: OrderForm,
    pub title: AttrValue,
    /// "Renewal immediately" or "Buy Now".
    pub submit_label: AttrValue,
    pub on_close: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Stage {
    Editing,
    /// Making the key pair and CSR.
    Working,
    Placed(Placement),
}

/// Automatic: a new key pair in this browser and a CSR for the order's names.
async fn automatic_csr(request: &OrderRequest) -> Result<(String, String), String> {
    let algorithm = request
        .original
        .as_ref()
        .map_or(request.key_algorithm, |o| o.key_algorithm);
    if algorithm == crate::rules::KeyAlgorithm::Sm2 {
        return Err(SM2_REFUSAL.to_string());
    }
    let names = csr_request(&request.domains, "", "", algorithm).map_err(|e| {
        e.names
            .or(e.algorithm)
            .unwrap_or_else(|| "The names cannot be put in a CSR".to_string())
    })?;
    let key = generate_key_pair(algorithm)
        .await
        .map_err(|e| e.to_string())?;
    let csr = create_csr(&key, &names.subject, &names.alt_names)
        .await
        .map_err(|e| e.to_string())?;
    let private_key = key.private_key_pem().await.map_err(|e| e.to_string())?;
    Ok((csr.to_pem(), private_key))
}

/// Errors to show: all after a submit attempt; before, only those of fields the user filled.
fn visible(form: &OrderForm, errors: &FormErrors) -> FormErrors {
    if form.show_all_errors {
        return errors.clone();
    }
    let mut shown = FormErrors::default();
    if !form.domains_text.trim().is_empty() {
        shown.domains = errors.domains.clone();
    }
    if form.manual_csr.is_some() {
        shown.csr = errors.csr.clone();
    }
    let c = &form.contact;
    shown.contact.name = errors.contact.name.clone().filter(|_| !c.name.is_empty());
    shown.contact.email = errors.contact.email.clone().filter(|_| !c.email.is_empty());
    shown.contact.phone = errors.contact.phone.clone().filter(|_| !c.phone.is_empty());
    shown
}

#[component]
pub fn OrderPanel(props: &OrderPanelProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let ids = use_id_prefix();
    let form = {
        let initial = props.form.clone();
        use_reducer(move || initial)
    };
    let stage = use_state(|| Stage::Editing);
    let failure = use_state(|| None::<String>);
    let body = use_node_ref();
    let plan = {
        let (inventory, today) = (app.inventory.clone(), app.today());
        use_memo(((*form).clone(), app.rev, today), move |(f, _, today)| {
            f.plan(&inventory, *today)
        })
    };
    let errors = form.errors(&plan);
    let shown = visible(&form, &errors);
    let change = {
        let form = form.clone();
        Callback::from(move |c: FormChange| form.dispatch(c))
    };

    if let Stage::Placed(placement) = (*stage).clone() {
        return html! {
            <Modal id={ids.id("order-panel")} title={props.title.clone()} on_close={props.on_close.clone()} side=true wide=true
                   footer={html! { <button type="button" class="btn btn-primary" onclick={props.on_close.reform(|_| ())}>{ "Done" }</button> }}>
                <OrderPlaced {placement} plan={(*plan).clone()} />
            </Modal>
        };
    }

    let submit = {
        let (handle, form, stage, failure, body, errors) = (
            handle.clone(),
            form.clone(),
            stage.clone(),
            failure.clone(),
            body.clone(),
            errors.clone(),
        );
        Callback::from(move |_| {
            failure.set(None);
            if !errors.is_empty() {
                form.dispatch(FormChange::ShowAllErrors);
                let body = body.clone();
                // After the errors render, take the user to the first one.
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    // The first wrong field; else the list of the order's problems.
                    let first = body.cast::<web_sys::Element>().and_then(|b| {
                        ["[aria-invalid=true]", ".order-errors"]
                            .into_iter()
                            .find_map(|selector| b.query_selector(selector).ok().flatten())
                    });
                    if let Some(el) = first.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
                        let _ = el.focus();
                    }
                });
                return;
            }
            let request = form.request();
            let manual_csr = match (request.csr_mode, &form.manual_csr) {
                (CsrMode::Manual, Some(Ok(csr))) => Some(csr.pem.clone()),
                _ => None,
            };
            // Working until the backend answers: the button is disabled, so the
            // order cannot be placed twice; a failure keeps everything typed.
            stage.set(Stage::Working);
            let (handle, stage, failure) = (handle.clone(), stage.clone(), failure.clone());
            spawn_local(async move {
                let (csr_pem, private_key) = match request.csr_mode {
                    CsrMode::Automatic => match automatic_csr(&request).await {
                        Ok((csr, key)) => (Some(csr), Some(key)),
                        Err(e) => {
                            failure
                                .set(Some(format!("The key pair and CSR could not be made: {e}")));
                            stage.set(Stage::Editing);
                            return;
                        }
                    },
                    _ => (manual_csr, None),
                };
                let automatic = private_key.is_some();
                match handle.place_order(request, csr_pem.clone()).await {
                    Ok(placed) => stage.set(Stage::Placed(Placement {
                        order_id: placed.order.id,
                        private_key,
                        csr_pem: csr_pem.filter(|_| automatic),
                    })),
                    Err(e) => {
                        failure.set(Some(format!("The order was not placed: {e}")));
                        stage.set(Stage::Editing);
                    }
                }
            });
        })
    };

    let original = form.original.clone();
    let purchase = form.kind == OrderKind::Purchase;
    let kind = original
        .as_ref()
        .map_or(crate::rules::CertificateKind::Official, |o| o.kind);
    let working = *stage == Stage::Working;
    let footer = html! {
        <>
            if app.remote.is_none() {
                <span class="sandbox-label">{ "Sandbox payment: nothing is charged" }</span>
            }
            <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Cancel" }</button>
            <button type="button" class="btn btn-primary" id={ids.id("order-submit")} onclick={submit} disabled={working} aria-busy={working.to_string()}>
                { if working { "Placing the order…".into() } else { props.submit_label.clone() } }
            </button>
        </>
    };
    html! {
        <Modal id={ids.id("order-panel")} title={props.title.clone()} on_close={props.on_close.clone()} side=true wide=true {footer}>
            <div class="order-layout" ref={body}>
                <div class="order-form">
                    if let Some(o) = &original {
                        <div class="order-original">
                            <strong>{ o.name.clone() }</strong><span class="mono">{ format!(" {}", o.id) }</span>
                            <p class="muted">{ format!("{} · {} · expires {}", o.spec.label(), o.key_algorithm.label(), o.not_after.map_or("—".to_string(), |d| d.to_string())) }</p>
                        </div>
                    }
                    if !shown.order.is_empty() || failure.is_some() {
                        <div class="order-errors" role="alert" tabindex="-1">
                            <p><strong>{ "The order cannot be placed yet:" }</strong></p>
                            <ul>
                                for e in shown.order.iter() { <li>{ e.clone() }</li> }
                                if let Some(f) = (*failure).clone() { <li>{ f }</li> }
                            </ul>
                        </div>
                    }
                    if purchase {
                        <SpecFields spec={form.spec} domains_text={form.domains_text.clone()} key_algorithm={form.key_algorithm}
                                    dns_in_same_account={form.dns_in_same_account} domains_error={shown.domains.clone()} on_change={change.clone()} />
                    } else {
                        <CsrField mode={form.csr_mode} key_algorithm={original.as_ref().map_or(form.key_algorithm, |o| o.key_algorithm)}
                                  has_original={original.is_some()} on_change={change.reform(FormChange::CsrMode)}>
                            <ManualCsrSlot original={original.clone()} missing={shown.csr.clone().filter(|_| form.manual_csr.is_none())} on_change={change.reform(FormChange::ManualCsr)} />
                        </CsrField>
                    }
                    <VerificationField options={plan.verification_options.clone()} selected={plan.verification}
                                       on_change={change.reform(FormChange::Verification)} error={shown.verification.clone()} />
                    <ContactFields contact={form.contact.clone()} errors={shown.contact.clone()}
                                   required={form.spec.validation != ValidationType::Dv} on_change={change.clone()} />
                    <PeriodField years={form.years} {purchase} trigger_days={trigger_days(kind)} on_change={change.reform(FormChange::Years)} />
                </div>
                <OrderPreview plan={(*plan).clone()} />
            </div>
        </Modal>
    }
}
