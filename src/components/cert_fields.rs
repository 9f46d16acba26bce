//! Everything X.509 says about one certificate, as text, with copy buttons
//! for what people paste elsewhere. Nothing from the certificate is markup
//! or a link: a URL in a certificate is shown, never followed.

use chrono::NaiveDateTime;
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::x509::{Certificate, Curve, KeyKind, validation_type};

#[derive(Properties, PartialEq)]
pub struct CertFieldsProps {
    pub cert: Certificate,
    /// The moment its validity is judged at.
    pub now: NaiveDateTime,
}

fn row(label: &str, value: String, copy: bool) -> Html {
    html! {
        <div class="field-row">
            <dt>{ label.to_string() }</dt>
            <dd>
                <span class="field-value">{ value.clone() }</span>
                if copy && !value.is_empty() && value != "None" {
                    <CopyButton text={value} what={format!("the {}", label.to_lowercase())} />
                }
            </dd>
        </div>
    }
}

fn or_none(list: Vec<String>) -> String {
    if list.is_empty() {
        "None".into()
    } else {
        list.join(", ")
    }
}

#[component]
pub fn CertFields(props: &CertFieldsProps) -> Html {
    let c = &props.cert;
    let key = c.public_key();
    let key_text = match key.kind() {
        KeyKind::Ec {
            curve: Curve::Sm2,
            bits,
        } => format!("SM2 ({bits} bits)"),
        KeyKind::Ec { curve, bits } => format!("ECDSA, curve {} ({bits} bits)", curve.name()),
        _ => key.to_string(),
    };
    let ca = if c.is_ca() {
        match c.path_len_constraint() {
            Some(n) => format!(
                "Yes (may issue through {n} more CA level{})",
                if n == 1 { "" } else { "s" }
            ),
            None => "Yes".into(),
        }
    } else {
        "No (a server certificate)".into()
    };
    let names = c.names();
    let spec = format!(
        "{} {}",
        validation_type(c).long_label(),
        c.domain_type().label()
    );
    let sans: Vec<String> = c
        .subject_alt_names()
        .iter()
        .map(ToString::to_string)
        .collect();
    html! {
        <>
            <dl class="cert-fields">
                { row("Subject", c.subject().to_string(), true) }
                { row("Issuer", c.issuer().to_string(), true) }
                { row("Serial number", c.serial_hex(), true) }
                { row("Valid from", format!("{} UTC", c.not_before()), false) }
                { row("Valid to", format!("{} UTC", c.not_after()), false) }
                { row("Validity today", format!("{} (a {}-day certificate, counted from its first day through its last)", c.validity_at(props.now).label(), c.validity().validity_days()), false) }
                { row("Subject alternative names", or_none(sans), true) }
                { row("Names covered", or_none(names), false) }
                { row("Key", key_text, false) }
                { row("Signature algorithm", c.signature_algorithm().to_string(), false) }
                { row("SHA-256 fingerprint", c.fingerprint_sha256(), true) }
                { row("Subject key identifier", c.subject_key_id_hex().unwrap_or_else(|| "None".into()), true) }
                { row("Authority key identifier", c.authority_key_id_hex().unwrap_or_else(|| "None".into()), true) }
                { row("Certificate authority", ca, false) }
                { row("Key usage", or_none(c.key_usage().iter().map(ToString::to_string).collect()), false) }
                { row("Extended key usage", or_none(c.extended_key_usage().iter().map(ToString::to_string).collect()), false) }
                { row("Specification", spec, false) }
                { row("Version", format!("X.509 v{}", c.version()), false) }
            </dl>
            if !c.warnings().is_empty() {
                <ul class="cert-warnings">
                    for w in c.warnings().iter() { <li>{ w.clone() }</li> }
                </ul>
            }
        </>
    }
}
