//! "Domain Verification Method": only what the rules offer for this
//! certificate, and why the others are missing.

use yew::prelude::*;

use super::hooks::use_id;
use super::radio_cards::{RadioCards, RadioOption};
use crate::rules::{MethodOption, VerificationMethod};

#[derive(Properties, PartialEq)]
pub struct VerificationFieldProps {
    pub options: Vec<MethodOption>,
    pub selected: Option<VerificationMethod>,
    pub on_change: Callback<VerificationMethod>,
    #[prop_or_default]
    pub error: Option<String>,
}

pub fn method_slug(method: VerificationMethod) -> &'static str {
    match method {
        VerificationMethod::AutomaticDns => "automatic-dns",
        VerificationMethod::ManualDns => "manual-dns",
        VerificationMethod::File => "file",
        VerificationMethod::CaContact => "ca-contact",
    }
}

fn describe(method: VerificationMethod) -> &'static str {
    match method {
        VerificationMethod::AutomaticDns => {
            "The domain's DNS is in this account: the system adds the validation record itself. No manual operation is required."
        }
        VerificationMethod::ManualDns => {
            "Log on to your domain name resolution service and add a TXT record."
        }
        VerificationMethod::File => {
            "Log on to your web server and upload the validation file to the given folder. Wildcard domain names do not support file validation."
        }
        VerificationMethod::CaContact => {
            "The CA sends domain ownership validation instructions to the contact by email or phone; the contact completes them."
        }
    }
}

#[component]
pub fn VerificationField(props: &VerificationFieldProps) -> Html {
    let name = use_id("verification");
    let options: Vec<RadioOption> = props
        .options
        .iter()
        .map(|(method, allowed)| {
            let option = RadioOption::new(
                method_slug(*method),
                method.label(),
                html! { <p>{ describe(*method) }</p> },
            );
            let option = if *method == VerificationMethod::ManualDns && allowed.is_ok() {
                option.badge("Recommended")
            } else {
                option
            };
            option.disabled(allowed.clone().err())
        })
        .collect();
    let methods: Vec<VerificationMethod> = props.options.iter().map(|(m, _)| *m).collect();
    let on_change = props.on_change.reform(move |v: AttrValue| {
        methods
            .iter()
            .copied()
            .find(|m| method_slug(*m) == v.as_str())
            .unwrap_or(VerificationMethod::ManualDns)
    });
    html! {
        <RadioCards {name} legend="Domain Verification Method" {options}
                    selected={props.selected.map(|m| AttrValue::Static(method_slug(m)))} {on_change} error={props.error.clone()} />
    }
}
