//! "CSR Generation": Automatic (recommended), Manual Entry, or Update with Original Key.

use yew::prelude::*;

use super::hooks::use_id;
use super::radio_cards::{RadioCards, RadioOption};
use crate::rules::{CsrMode, KeyAlgorithm};

#[derive(Properties, PartialEq)]
pub struct CsrFieldProps {
    pub mode: CsrMode,
    /// The key algorithm a new key pair gets (the original's).
    pub key_algorithm: KeyAlgorithm,
    /// Update with Original Key needs an original certificate.
    pub has_original: bool,
    pub on_change: Callback<CsrMode>,
    /// The Manual Entry input, shown when that mode is chosen.
    #[prop_or_default]
    pub children: Html,
}

fn slug(mode: CsrMode) -> &'static str {
    match mode {
        CsrMode::Automatic => "automatic",
        CsrMode::Manual => "manual",
        CsrMode::OriginalKey => "original-key",
    }
}

#[component]
pub fn CsrField(props: &CsrFieldProps) -> Html {
    let name = use_id("csr-mode");
    let alg = props.key_algorithm.label();
    let options = vec![
        RadioOption::new(slug(CsrMode::Automatic), "Automatic", html! {
            <p>{ format!("A new {alg} key pair (the original certificate's algorithm) is generated in this browser with WebCrypto and used to create the CSR. You download its private key when the order is placed: it is not kept anywhere. This follows the security best practice of key rotation.") }</p>
        }).badge("Recommended"),
        RadioOption::new(slug(CsrMode::Manual), "Manual Entry", html! {
            <p>{ "Paste a CSR generated in your own environment. Certificates issued this way cannot be deployed to cloud products through the console. Keep your private key safe: if it is lost, you must purchase a new certificate." }</p>
        }),
        RadioOption::new(slug(CsrMode::OriginalKey), "Update with Original Key", html! {
            <p class="warning-text">{ "Uses the key pair of the original certificate to generate the new CSR. This does not follow key rotation best practices and may not meet the compliance requirements of some industries." }</p>
        })
        .disabled((!props.has_original).then(|| "There is no original certificate whose key could be reused".to_string())),
    ];
    let on_change = props.on_change.reform(|v: AttrValue| match v.as_str() {
        "manual" => CsrMode::Manual,
        "original-key" => CsrMode::OriginalKey,
        _ => CsrMode::Automatic,
    });
    html! {
        <>
            <RadioCards {name} legend="CSR Generation" {options} selected={Some(AttrValue::Static(slug(props.mode)))} {on_change} />
            if props.mode == CsrMode::Manual { <div class="csr-manual">{ props.children.clone() }</div> }
        </>
    }
}
