//! Makes a key pair with WebCrypto and a CSR signed with it: the standalone
//! "Create CSR" tool, and the renewal panel's "Automatic" mode (which passes
//! the certificate's names and algorithm, locked). The private key lives in
//! this component's memory until the user downloads it; it is never stored.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::csr_result::{CsrResult, Generated};
use crate::platform::crypto::{create_csr, generate_key_pair};
use crate::rules::model::KeyAlgorithm;
use crate::x509::{CsrFormErrors, csr_request, split_names};

/// What the generator hands to its host: the CSR, never the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedCsr {
    pub csr_pem: String,
    pub key_algorithm: KeyAlgorithm,
}

#[derive(Properties, PartialEq)]
pub struct CsrGeneratorProps {
    /// The names to request (editable unless `lock_names`).
    #[prop_or_default]
    pub names: Vec<String>,
    pub default_algorithm: KeyAlgorithm,
    pub on_generated: Callback<GeneratedCsr>,
    /// The names are the certificate's: shown, not edited (renewal).
    #[prop_or_default]
    pub lock_names: bool,
    /// The algorithm is the original's: shown, not chosen (renewal).
    #[prop_or_default]
    pub lock_algorithm: bool,
    /// Prefix of the element ids, unique on the page (in the app: from `use_id`).
    #[prop_or(AttrValue::Static("csr"))]
    pub id_prefix: AttrValue,
}

/// The order offered: the documents' list, ECDSA first (smaller, faster).
const CHOICES: [KeyAlgorithm; 6] = [
    KeyAlgorithm::EcdsaP256,
    KeyAlgorithm::EcdsaP384,
    KeyAlgorithm::Rsa2048,
    KeyAlgorithm::Rsa3072,
    KeyAlgorithm::Rsa4096,
    KeyAlgorithm::Sm2,
];

fn slug(a: KeyAlgorithm) -> &'static str {
    match a {
        KeyAlgorithm::EcdsaP256 => "ecdsa-p256",
        KeyAlgorithm::EcdsaP384 => "ecdsa-p384",
        KeyAlgorithm::Rsa2048 => "rsa-2048",
        KeyAlgorithm::Rsa3072 => "rsa-3072",
        KeyAlgorithm::Rsa4096 => "rsa-4096",
        KeyAlgorithm::Sm2 => "sm2",
    }
}

fn field_error(id: &str, message: &Option<String>) -> Html {
    match message {
        Some(m) => {
            html! { <p id={id.to_string()} class="field-error" role="alert">{ m.clone() }</p> }
        }
        None => html! {},
    }
}

#[component]
pub fn CsrGenerator(props: &CsrGeneratorProps) -> Html {
    let p = props.id_prefix.to_string();
    let names = use_state(|| props.names.join("\n"));
    let organization = use_state(String::new);
    let country = use_state(String::new);
    let algorithm = use_state(|| props.default_algorithm);
    let errors = use_state(CsrFormErrors::default);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let generated = use_state(|| None::<Generated>);
    {
        // A host that changes the certificate changes the names and algorithm.
        let (names, algorithm) = (names.clone(), algorithm.clone());
        use_effect_with(
            (props.names.clone(), props.default_algorithm),
            move |(n, a)| {
                names.set(n.join("\n"));
                algorithm.set(*a);
            },
        );
    }
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.set(el.value());
        })
    };
    let on_names = {
        let names = names.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            names.set(el.value());
        })
    };
    let on_algorithm = {
        let algorithm = algorithm.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(a) = CHOICES.into_iter().find(|a| slug(*a) == el.value()) {
                algorithm.set(a);
            }
        })
    };
    let on_generate = {
        let (names, organization, country, algorithm) = (
            names.clone(),
            organization.clone(),
            country.clone(),
            algorithm.clone(),
        );
        let (errors, busy, failure, generated) = (
            errors.clone(),
            busy.clone(),
            failure.clone(),
            generated.clone(),
        );
        let on_generated = props.on_generated.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let request =
                match csr_request(&split_names(&names), &organization, &country, *algorithm) {
                    Ok(r) => r,
                    Err(e) => return errors.set(e),
                };
            errors.set(CsrFormErrors::default());
            failure.set(None);
            busy.set(true);
            let (busy, failure, generated, on_generated) = (
                busy.clone(),
                failure.clone(),
                generated.clone(),
                on_generated.clone(),
            );
            spawn_local(async move {
                let made = async {
                    let key = generate_key_pair(request.algorithm).await?;
                    let csr = create_csr(&key, &request.subject, &request.alt_names).await?;
                    let key_pem = key.private_key_pem().await?;
                    Ok::<_, crate::platform::crypto::CryptoError>((csr.to_pem(), key_pem))
                };
                match made.await {
                    Ok((csr_pem, key_pem)) => {
                        on_generated.emit(GeneratedCsr { csr_pem: csr_pem.clone(), key_algorithm: request.algorithm });
                        generated.set(Some(Generated { csr_pem, key_pem, algorithm: request.algorithm, common_name: request.subject.common_name }));
                    }
                    Err(e) => failure.set(Some(format!("The CSR was not made: {e} Try again; if it keeps failing, choose another key algorithm."))),
                }
                busy.set(false);
            });
        })
    };
    let id = |s: &str| format!("{p}-{s}");
    let described = |field: &str, error: &Option<String>, hint: Option<&str>| {
        let mut ids: Vec<String> = hint.map(id).into_iter().collect();
        if error.is_some() {
            ids.push(id(&format!("{field}-error")));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let sm2_chosen = *algorithm == KeyAlgorithm::Sm2;
    html! {
        <div class="csr-generator">
            <form class="tool-form" onsubmit={on_generate} novalidate=true>
                <div class="form-field">
                    if props.lock_names {
                        <span class="field-label" id={id("names-label")}>{ "Domain names" }</span>
                        <p class="locked-value" id={id("names")} aria-labelledby={id("names-label")}>{ props.names.join(", ") }</p>
                    } else {
                        <label for={id("names")}>{ "Domain names" }</label>
                        <textarea id={id("names")} rows="3" spellcheck="false" autocomplete="off" value={(*names).clone()} oninput={on_names}
                                  aria-invalid={errors.names.is_some().to_string()}
                                  aria-describedby={described("names", &errors.names, Some("names-hint"))} />
                        <p class="hint" id={id("names-hint")}>{ "One per line. The first becomes the common name. Up to 5 names (Multi-domain), or one wildcard such as *.example.com; an IPv4 address is allowed." }</p>
                        { field_error(&id("names-error"), &errors.names) }
                    }
                </div>
                <div class="form-row">
                    <div class="form-field">
                        <label for={id("org")}>{ "Organization (optional)" }</label>
                        <input id={id("org")} type="text" autocomplete="organization" value={(*organization).clone()} oninput={text_input(&organization)}
                               aria-invalid={errors.organization.is_some().to_string()}
                               aria-describedby={described("org", &errors.organization, None)} />
                        { field_error(&id("org-error"), &errors.organization) }
                    </div>
                    <div class="form-field form-field-narrow">
                        <label for={id("country")}>{ "Country (optional)" }</label>
                        <input id={id("country")} type="text" maxlength="2" size="4" autocomplete="country" placeholder="US" value={(*country).clone()} oninput={text_input(&country)}
                               aria-invalid={errors.country.is_some().to_string()}
                               aria-describedby={described("country", &errors.country, None)} />
                        { field_error(&id("country-error"), &errors.country) }
                    </div>
                </div>
                <div class="form-field">
                    if props.lock_algorithm {
                        <span class="field-label" id={id("algorithm-label")}>{ "Key algorithm" }</span>
                        <p class="locked-value" id={id("algorithm")} aria-labelledby={id("algorithm-label")}>{ format!("{} (the original certificate's)", algorithm.label()) }</p>
                    } else {
                        <label for={id("algorithm")}>{ "Key algorithm" }</label>
                        <select id={id("algorithm")} onchange={on_algorithm}
                                aria-invalid={(errors.algorithm.is_some() || sm2_chosen).to_string()}
                                aria-describedby={described("algorithm", &errors.algorithm, sm2_chosen.then_some("algorithm-note"))}>
                            for a in CHOICES {
                                <option value={slug(a)} selected={a == *algorithm}>
                                    { if a == KeyAlgorithm::Sm2 { "SM2 (browsers cannot make SM2 keys)".to_string() } else { a.label().to_string() } }
                                </option>
                            }
                        </select>
                    }
                    if sm2_chosen && errors.algorithm.is_none() {
                        <p class="hint hint-warning" id={id("algorithm-note")}>{ crate::x509::SM2_REFUSAL }</p>
                    }
                    { field_error(&id("algorithm-error"), &errors.algorithm) }
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" disabled={*busy}>
                        { if generated.is_some() { "Generate a new key and CSR" } else { "Generate key and CSR" } }
                    </button>
                    <span class="busy" role="status">
                        if *busy { { format!("Making the {} key pair and signing the CSR…", algorithm.label()) } }
                    </span>
                </div>
                if let Some(message) = (*failure).clone() {
                    <p class="field-error" role="alert">{ message }</p>
                }
            </form>
            if let Some(made) = (*generated).clone() {
                <CsrResult id_prefix={props.id_prefix.clone()} {made} />
            }
        </div>
    }
}
