//! "Manual Entry": a CSR the user pasted, checked in the browser before it
//! can be submitted: it must be a CSR, signed by its own key (WebCrypto),
//! with the original certificate's key algorithm and exactly its names.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::platform::crypto::{Verdict, verify_csr};
use crate::rules::model::KeyAlgorithm;
use crate::x509::check_manual_csr;

/// A pasted CSR that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedCsr {
    pub csr_pem: String,
    pub key_algorithm: KeyAlgorithm,
    pub names: Vec<String>,
    /// False only for SM2, whose signature browsers cannot check.
    pub signature_checked: bool,
}

#[derive(Properties, PartialEq)]
pub struct ManualCsrInputProps {
    /// The key algorithm of the certificate being renewed.
    pub original_key: KeyAlgorithm,
    /// The certificate's names; the CSR must request exactly these.
    pub names: Vec<String>,
    /// Every change: the CSR, or why it cannot be used.
    pub on_change: Callback<Result<ParsedCsr, String>>,
    /// Element id of the text area, unique on the page (in the app: from
    /// `use_id`); the hint and the error are `{id}-hint` and `{id}-error`.
    #[prop_or(AttrValue::Static("manual-csr"))]
    pub id: AttrValue,
}

enum Check {
    Empty,
    Checking,
    Refused(String),
    Accepted(ParsedCsr),
}

#[component]
pub fn ManualCsrInput(props: &ManualCsrInputProps) -> Html {
    let text = use_state(String::new);
    let check = use_state(|| Check::Empty);
    // Only the newest paste's signature check may report.
    let generation = use_mut_ref(|| 0u64);
    let run = {
        let (check, generation, on_change) =
            (check.clone(), generation.clone(), props.on_change.clone());
        let (original, names) = (props.original_key, props.names.clone());
        Rc::new(move |value: String| {
            let mine = {
                let mut current = generation.borrow_mut();
                *current += 1;
                *current
            };
            let counter = Rc::clone(&generation);
            if value.trim().is_empty() {
                check.set(Check::Empty);
                on_change.emit(Err("Paste the content of your CSR file.".into()));
                return;
            }
            let csr = match check_manual_csr(&value, original, &names) {
                Ok(csr) => csr,
                Err(message) => {
                    check.set(Check::Refused(message.clone()));
                    on_change.emit(Err(message));
                    return;
                }
            };
            check.set(Check::Checking);
            let (check, on_change) = (check.clone(), on_change.clone());
            spawn_local(async move {
                let verdict = verify_csr(&csr).await;
                if *counter.borrow() != mine {
                    return;
                }
                let parsed = |checked| ParsedCsr {
                    csr_pem: csr.to_pem(),
                    key_algorithm: original,
                    names: csr.names(),
                    signature_checked: checked,
                };
                let outcome = match verdict {
                    Verdict::Valid => Ok(parsed(true)),
                    Verdict::NotChecked(_) if original == KeyAlgorithm::Sm2 => Ok(parsed(false)),
                    Verdict::NotChecked(why) => Err(format!(
                        "The CSR's signature could not be checked ({why}). Try again, or make the CSR again."
                    )),
                    Verdict::Invalid(why) => Err(format!(
                        "The CSR's signature is invalid: {why} Make the CSR again with its private key; do not edit the text."
                    )),
                };
                match &outcome {
                    Ok(p) => check.set(Check::Accepted(p.clone())),
                    Err(m) => check.set(Check::Refused(m.clone())),
                }
                on_change.emit(outcome);
            });
        })
    };
    {
        // A new certificate to match (the host changed it): check again.
        let (run, text) = (run.clone(), text.clone());
        use_effect_with((props.original_key, props.names.clone()), move |_| {
            if !text.is_empty() {
                run((*text).clone());
            }
        });
    }
    let oninput = {
        let (text, run) = (text.clone(), run.clone());
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(el.value());
            run(el.value());
        })
    };
    let id = props.id.to_string();
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let refused = matches!(&*check, Check::Refused(_));
    let described = if refused {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class="form-field manual-csr">
            <label for={id.clone()}>{ "CSR" }</label>
            <textarea {id} class="pem-input" rows="8" spellcheck="false" autocomplete="off" value={(*text).clone()} {oninput}
                      placeholder="-----BEGIN CERTIFICATE REQUEST-----" aria-invalid={refused.to_string()} aria-describedby={described} />
            <p class="hint" id={hint_id}>
                { format!("Paste the CSR made with a new {} key for {}. It is checked here, in your browser.", props.original_key.label(), props.names.join(", ")) }
            </p>
            { match &*check {
                Check::Empty => html! {},
                Check::Checking => html! { <p class="hint" role="status">{ "Checking the CSR's signature…" }</p> },
                Check::Refused(m) => html! { <p id={error_id} class="field-error" role="alert">{ m.clone() }</p> },
                Check::Accepted(p) => html! {
                    <p class="field-ok" role="status">
                        { format!("CSR accepted: {} for {}{}.", p.key_algorithm.label(), p.names.join(", "),
                            if p.signature_checked { ", signature valid" } else { " (the browser cannot check SM2 signatures; the CA will)" }) }
                    </p>
                },
            } }
        </div>
    }
}
