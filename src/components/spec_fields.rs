//! The purchase page's fields: Certificate Type and its domains, Brand,
//! Certificate Specifications (DV/OV/EV) and the key algorithm.

use yew::prelude::*;

use super::hooks::use_id_prefix;
use super::radio_cards::{RadioCards, RadioOption};
use super::text_field::TextField;
use crate::rules::{Brand, DomainType, KeyAlgorithm, Specification, ValidationType};
use crate::store::order_form::FormChange;

#[derive(Properties, PartialEq)]
pub struct SpecFieldsProps {
    pub spec: Specification,
    pub domains_text: AttrValue,
    pub key_algorithm: KeyAlgorithm,
    pub dns_in_same_account: bool,
    pub domains_error: Option<String>,
    pub on_change: Callback<FormChange>,
}

fn domain_type_slug(t: DomainType) -> &'static str {
    match t {
        DomainType::Single => "single",
        DomainType::Wildcard => "wildcard",
        DomainType::MultiDomain => "multi",
    }
}

fn validation_slug(v: ValidationType) -> &'static str {
    match v {
        ValidationType::Dv => "dv",
        ValidationType::Ov => "ov",
        ValidationType::Ev => "ev",
    }
}

fn select<T: Copy + 'static>(
    items: Vec<T>,
    label: fn(&T) -> &'static str,
    on: Callback<T>,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Some(item) = items.iter().find(|i| label(i) == value) {
            on.emit(*item);
        }
    })
}

#[component]
pub fn SpecFields(props: &SpecFieldsProps) -> Html {
    let ids = use_id_prefix();
    let types = vec![
        RadioOption::new(
            "single",
            "Single Domain",
            html! { <p>{ "Protects one domain name, a subdomain, or a public IPv4 address, e.g. example.com, shop.example.com or 203.0.113.10." }</p> },
        ),
        RadioOption::new(
            "wildcard",
            "Wildcard Domain",
            html! { <p>{ "Protects one domain and all its immediate subdomains: *.example.com protects a.example.com, but not b.a.example.com." }</p> },
        ),
        RadioOption::new(
            "multi",
            "Multi-domain",
            html! { <p>{ "Protects up to five single domain names. Wildcard names cannot be attached." }</p> },
        ),
    ];
    let specs = vec![
        RadioOption::new(
            "dv",
            "DV Certificate",
            html! { <p>{ "Personal websites, enterprise test environments. Average issuance time: 1 to 15 minutes." }</p> },
        ),
        RadioOption::new(
            "ov",
            "OV Certificate",
            html! { <p>{ "Government organizations, small and medium-sized enterprises, or educational institutions. Average issuance time: 5 calendar days." }</p> },
        ),
        RadioOption::new(
            "ev",
            "EV Certificate",
            html! { <p>{ "Large enterprises, financial institutions, and e-commerce sites that handle transactions and private data. Average issuance time: 5 calendar days." }</p> },
        ),
    ];
    let on_type = props.on_change.reform(|v: AttrValue| {
        FormChange::DomainType(
            DomainType::ALL
                .into_iter()
                .find(|t| domain_type_slug(*t) == v.as_str())
                .unwrap_or(DomainType::Single),
        )
    });
    let on_spec = props.on_change.reform(|v: AttrValue| {
        FormChange::Validation(
            ValidationType::ALL
                .into_iter()
                .find(|t| validation_slug(*t) == v.as_str())
                .unwrap_or(ValidationType::Dv),
        )
    });
    let (domains_label, hint, rows) = match props.spec.domain_type {
        DomainType::Single => ("Domain name", "One domain name or public IPv4 address.", 0),
        DomainType::Wildcard => ("Wildcard domain name", "For example *.example.com", 0),
        DomainType::MultiDomain => (
            "Domain names",
            "Up to five names, one per line. No wildcards.",
            5,
        ),
    };
    let on_dns = props.on_change.reform(|e: Event| {
        FormChange::DnsInSameAccount(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    html! {
        <>
            <RadioCards name={ids.id("domain-type")} legend="Certificate Type" options={types} row=true
                        selected={Some(AttrValue::Static(domain_type_slug(props.spec.domain_type)))} on_change={on_type} />
            <TextField id={ids.id("purchase-domains")} label={domains_label} value={props.domains_text.clone()} rows={rows} required=true
                       hint={Some(AttrValue::Static(hint))} error={props.domains_error.clone()}
                       on_input={props.on_change.reform(FormChange::Domains)} />
            <div class="field field-inline">
                <input type="checkbox" id={ids.id("purchase-dns")} checked={props.dns_in_same_account} onchange={on_dns} />
                <label for={ids.id("purchase-dns")}>{ "The domain's DNS is hosted in this account (the CA's DNS record can be added automatically)" }</label>
            </div>
            <div class="field">
                <label for={ids.id("purchase-brand")}>{ "Brand" }</label>
                <select id={ids.id("purchase-brand")} onchange={select(Brand::ALL.to_vec(), Brand::label, props.on_change.reform(FormChange::Brand))}>
                    for brand in Brand::ALL {
                        <option value={brand.label()} selected={brand == props.spec.brand}>{ brand.label() }</option>
                    }
                </select>
            </div>
            <RadioCards name={ids.id("validation")} legend="Certificate Specifications" options={specs} row=true
                        selected={Some(AttrValue::Static(validation_slug(props.spec.validation)))} on_change={on_spec} />
            <div class="field">
                <label for={ids.id("purchase-key")}>{ "Key algorithm" }</label>
                <select id={ids.id("purchase-key")} aria-describedby={ids.id("purchase-key-hint")}
                        onchange={select(KeyAlgorithm::ALL.to_vec(), KeyAlgorithm::label, props.on_change.reform(FormChange::KeyAlgorithm))}>
                    for alg in KeyAlgorithm::ALL {
                        <option value={alg.label()} selected={alg == props.key_algorithm}>{ alg.label() }</option>
                    }
                </select>
                <p id={ids.id("purchase-key-hint")} class="hint">{ "The key pair made for the CSR. SM2 keys cannot be made in a browser: choose Manual Entry with an SM2 CSR instead." }</p>
            </div>
        </>
    }
}
