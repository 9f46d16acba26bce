//! "Verify the certificate" (Step 3 of the documents): what should be
//! served, how to see what is served, the user's paste, and the verdict,
//! kept on the certificate ("Verified on ...").

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::context::{use_app, use_handle};
use super::copy_button::CopyButton;
use super::dialogs::download::download_file;
use super::hooks::use_id_prefix;
use super::modal::Modal;
use super::verify_verdict::VerifyVerdict;
use super::verify_where::VerifyWhere;
use crate::rules::{
    Certificate as Record, VerificationRecord, covers, is_in_date, normalize_domain, ordered_here,
    status_at,
};
use crate::store::Inventory;
use crate::x509::{Certificate, Expected, Previous, ServedVerdict, judge, read_input, read_served};

fn first_certificate(pem: Option<&str>) -> Option<Certificate> {
    read_input(pem?.as_bytes())
        .into_certificates()
        .into_iter()
        .next()
}

/// The certificate a renewal or purchase replaces, when it is listed.
fn previous_of(inventory: &Inventory, cert: &Record) -> Option<Previous> {
    let original = inventory.find(&cert.association.as_ref()?.original)?;
    Some(Previous {
        not_after: original.not_after?,
        fingerprint: first_certificate(original.pem.as_deref()).map(|c| *c.fingerprint_bytes()),
    })
}

/// Why `host` cannot be checked for `cert`, if it cannot.
fn host_problem(cert: &Record, host: &str) -> Option<String> {
    if host.trim().is_empty() {
        return Some("Enter the host name to check.".into());
    }
    if let Err(e) = normalize_domain(host) {
        return Some(format!("{e}."));
    }
    (!covers(&cert.domains, host)).then(|| {
        format!(
            "This certificate does not cover {}: it is for {}.",
            host.trim(),
            cert.domains.join(", ")
        )
    })
}

fn step(n: u8, title: &str, body: Html) -> Html {
    html! {
        <li class="walk-step">
            <h3 class="walk-title"><span class="walk-number">{ n }</span>{ title.to_string() }</h3>
            <div class="walk-body">{ body }</div>
        </li>
    }
}

#[component]
pub fn VerifyWalkthrough(props: &CertDialogProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let today = app.today();
    let cert = app.inventory.find(&props.id).cloned();
    let default_host = cert
        .as_ref()
        .and_then(|c| c.domains.iter().find(|d| !d.starts_with("*.")).cloned())
        .unwrap_or_default();
    let host = use_state(|| default_host);
    let host_error = use_state(|| None::<String>);
    let pasted = use_state(String::new);
    let paste_error = use_state(|| None::<String>);
    let verdict = use_state(|| None::<ServedVerdict>);
    // Each Check brings the verdict into view (it is below the paste box).
    let checks = use_state(|| 0u32);
    let verdict_ref = use_node_ref();
    let ids = use_id_prefix();
    {
        let verdict_ref = verdict_ref.clone();
        use_effect_with(*checks, move |n| {
            if *n > 0
                && let Some(el) = verdict_ref.cast::<web_sys::Element>()
            {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let footer = html! { <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button> };
    let modal = |body: Html| {
        html! {
            <Modal id={ids.id("verify-walkthrough")} class="verify-walkthrough" title="Verify the certificate" on_close={props.on_close.clone()} side=true footer={footer.clone()}>
                { body }
            </Modal>
        }
    };
    let Some(cert) = cert else {
        return modal(
            html! { <p role="alert">{ format!("Certificate {} is no longer in the inventory.", props.id) }</p> },
        );
    };
    let status = status_at(&cert, today);
    let Some(not_after) = cert.not_after.filter(|_| is_in_date(status)) else {
        return modal(
            html! { <p role="alert">{ format!("{} is {}: only an issued certificate in its validity period can be verified.", cert.name, status.label()) }</p> },
        );
    };
    let leaf = first_certificate(cert.pem.as_deref());
    let expected = Expected {
        not_after: leaf.as_ref().map_or(not_after, Certificate::not_after_date),
        leaf: leaf.clone(),
        host: host.trim().to_string(),
        previous: previous_of(&app.inventory, &cert),
    };
    let on_host = {
        let (host, host_error) = (host.clone(), host_error.clone());
        Callback::from(move |value: String| {
            host.set(value);
            host_error.set(None);
        })
    };
    let on_paste = {
        let (pasted, paste_error) = (pasted.clone(), paste_error.clone());
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(el.value());
            paste_error.set(None);
        })
    };
    let on_check = {
        let (handle, cert, expected) = (handle.clone(), cert.clone(), expected.clone());
        let (host_error, pasted, paste_error, verdict) = (
            host_error.clone(),
            pasted.clone(),
            paste_error.clone(),
            verdict.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(problem) = host_problem(&cert, &expected.host) {
                host_error.set(Some(problem));
                return;
            }
            let served = match read_served(&pasted) {
                Ok(s) => s,
                Err(message) => {
                    paste_error.set(Some(message));
                    verdict.set(None);
                    return;
                }
            };
            let v = judge(
                &expected,
                &served,
                today.and_hms_opt(12, 0, 0).unwrap_or_default(),
            );
            let (handle, id) = (handle.clone(), cert.id.clone());
            let record = VerificationRecord {
                on: today,
                passed: v.passed,
                summary: v.headline.clone(),
            };
            spawn_local(async move { handle.record_verification(&id, record).await });
            verdict.set(Some(v));
            checks.set(*checks + 1);
        })
    };
    let has_file = leaf.is_some();
    let fetch_file = {
        let (handle, id) = (handle.clone(), cert.id.clone());
        move |_| download_file(&handle, &id)
    };
    let step1 = match &leaf {
        Some(leaf) => html! {
            <dl class="facts expected-facts">
                <div><dt>{ "Expires" }</dt><dd>{ format!("{} UTC", leaf.not_after()) }</dd></div>
                <div><dt>{ "Serial number" }</dt><dd><span class="mono">{ leaf.serial_hex() }</span><CopyButton text={leaf.serial_hex()} what="the serial number" /></dd></div>
                <div><dt>{ "SHA-256" }</dt><dd><span class="mono fingerprint">{ leaf.fingerprint_sha256() }</span><CopyButton text={leaf.fingerprint_sha256()} what="the fingerprint" /></dd></div>
                <div><dt>{ "Names" }</dt><dd>{ leaf.names().join(", ") }</dd></div>
            </dl>
        },
        None => html! {
            <>
                if ordered_here(&cert) {
                    <p class="no-file">
                        { "The full walkthrough compares what the site serves with the certificate file, which this browser does not hold yet. The CA keeps it: " }
                        <button type="button" class="btn-link fetch-file" onclick={fetch_file}>{ "download the certificate file" }</button>
                        { " for the full check. You can also check just the expiry date, as the documents do: the new certificate is deployed if the site shows this date." }
                    </p>
                } else {
                    <p class="no-file">{ "The full walkthrough compares what the site serves with the certificate file, which is not kept in this browser for this certificate. You can still check the expiry date, as the documents do: the new certificate is deployed if the site shows this date." }</p>
                }
                <dl class="facts expected-facts">
                    <div><dt>{ "Expires" }</dt><dd>{ not_after.to_string() }</dd></div>
                    <div><dt>{ "Names" }</dt><dd>{ cert.domains.join(", ") }</dd></div>
                </dl>
            </>
        },
    };
    let (label, hint) = if has_file {
        (
            "What the site serves",
            "Paste the whole openssl output, the certificates (BEGIN CERTIFICATE blocks), or just the expiry date the browser shows, such as 2027-06-01 or June 1, 2027.",
        )
    } else {
        (
            "The expiry date the site shows",
            "Type the date as the browser shows it, such as 2027-06-01 or June 1, 2027 (or paste the openssl output).",
        )
    };
    let described = if paste_error.is_some() {
        ids.ids(["verify-served-hint", "verify-served-error"])
    } else {
        ids.ids(["verify-served-hint"])
    };
    let kept = app
        .inventory
        .find(&cert.id)
        .and_then(|c| c.verified.clone());
    let step3 = html! {
        <form onsubmit={on_check} novalidate=true>
            <div class="form-field">
                <label for={ids.id("verify-served")}>{ label }</label>
                <textarea id={ids.id("verify-served")} class="pem-input" rows={if has_file { "7" } else { "2" }} spellcheck="false" autocomplete="off"
                          value={(*pasted).clone()} oninput={on_paste} aria-invalid={paste_error.is_some().to_string()} aria-describedby={described} />
                <p class="hint" id={ids.id("verify-served-hint")}>{ hint }</p>
                if let Some(m) = &*paste_error {
                    <p id={ids.id("verify-served-error")} class="field-error" role="alert">{ m.clone() }</p>
                }
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id={ids.id("verify-check")}>{ "Check" }</button>
            </div>
        </form>
    };
    let step4 = html! {
        <div ref={verdict_ref} class="verdict-anchor">
            if let Some(v) = &*verdict {
                <VerifyVerdict verdict={v.clone()} />
            } else {
                <p class="muted">{ "The verdict appears here after Check." }</p>
            }
            if let Some(k) = kept {
                <p class="verified-on" id={ids.id("verify-kept")}>
                    { format!("Verified on {}: {}", k.on, if k.passed { "the new certificate is deployed." } else { "the site does not serve the new certificate yet." }) }
                    if verdict.is_none() { { format!(" {}", k.summary) } }
                </p>
            }
        </div>
    };
    modal(html! {
        <ol class="walkthrough">
            { step(1, if has_file { "The new certificate" } else { "The expected result" }, step1) }
            { step(2, "See what the site serves", html! {
                <VerifyWhere host={AttrValue::from((*host).clone())} host_error={(*host_error).clone().map(AttrValue::from)}
                             wildcard={cert.domains.iter().all(|d| d.starts_with("*."))} {on_host} />
            }) }
            { step(3, "Paste what you see", step3) }
            { step(4, "The verdict", step4) }
        </ol>
    })
}
