//! Step 2, "Submit the certificate request": what domain validation needs for
//! this certificate (the exact TXT record, the validation file, nothing for
//! automatic DNS, or who the CA contacts), then the submission.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::context::{use_app, use_handle};
use super::copy_button::CopyButton;
use super::dialogs::Dialog;
use super::hooks::{use_dialogs, use_id_prefix};
use super::modal::Modal;
use crate::platform::download::download;
use crate::rules::{Certificate, LifecycleState, VerificationMethod, review_schedule};
use crate::store::validation::{dns_txt_record, validation_file};

fn value_row(label: &str, value: String, what: String) -> Html {
    html! {
        <div class="value-row">
            <span class="value-label">{ label.to_string() }</span>
            <code class="value">{ value.clone() }</code>
            <CopyButton text={value} what={what} />
        </div>
    }
}

/// The validation instructions for each of the certificate's domains.
pub fn validation_needs(cert: &Certificate) -> Html {
    match cert.verification {
        VerificationMethod::AutomaticDns => html! {
            <p>{ "Automatic DNS Verification: the domain's DNS is in this account, so the system adds the validation record for you. No manual operation is required." }</p>
        },
        VerificationMethod::ManualDns => html! {
            <>
                <p>{ "Manual DNS Verification: log on to your domain name resolution service and add this TXT record for each domain, then submit. Keep it until the certificate is issued." }</p>
                for domain in cert.domains.iter() {
                    {{
                        let (host, value) = dns_txt_record(cert, domain);
                        html! {
                            <div class="validation-record" data-domain={domain.clone()}>
                                <h4>{ domain.clone() }</h4>
                                { value_row("Host", host.clone(), format!("the TXT host for {domain}")) }
                                <div class="value-row"><span class="value-label">{ "Type" }</span><code class="value">{ "TXT" }</code></div>
                                { value_row("Value", value, format!("the TXT value for {domain}")) }
                            </div>
                        }
                    }}
                }
            </>
        },
        VerificationMethod::File => html! {
            <>
                <p>{ "File Verification: log on to your web server, create this file with exactly this content, and make it reachable at the URL over HTTP." }</p>
                for domain in cert.domains.iter() {
                    {{
                        let (url, content) = validation_file(cert, domain);
                        let file = content.clone();
                        let on_download = Callback::from(move |_| { let _ = download("fileauth.txt", "text/plain", &file); });
                        html! {
                            <div class="validation-record" data-domain={domain.clone()}>
                                <h4>{ domain.clone() }</h4>
                                { value_row("URL", url, format!("the validation URL for {domain}")) }
                                { value_row("Content", content.trim_end().to_string(), format!("the file content for {domain}")) }
                                <button type="button" class="btn btn-small" onclick={on_download}>{ "Download fileauth.txt" }</button>
                            </div>
                        }
                    }}
                }
            </>
        },
        VerificationMethod::CaContact => html! {
            <p>{ format!("{} validation: after you submit, the CA sends domain ownership validation instructions to {} by email ({}) or phone ({}). The contact completes them to confirm ownership.",
                cert.spec.validation.label(), cert.contact.name, cert.contact.email, cert.contact.phone) }</p>
        },
    }
}

#[component]
pub fn SubmitRequest(props: &CertDialogProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let (ids, dialogs) = (use_id_prefix(), use_dialogs());
    let Some(cert) = app.inventory.find(&props.id).cloned() else {
        return html! { <Modal id={ids.id("submit-request")} title="Submit the certificate request" on_close={props.on_close.clone()}><p>{ "This certificate is no longer in the inventory." }</p></Modal> };
    };
    let can_submit = matches!(
        cert.state,
        LifecycleState::PendingApplication | LifecycleState::ValidationFailed
    );
    let submit = {
        let (handle, id, on_close) = (handle.clone(), cert.id.clone(), props.on_close.clone());
        Callback::from(move |_| {
            let (handle, id) = (handle.clone(), id.clone());
            // A refusal is told as a notice by the handle.
            spawn_local(async move {
                let _ = handle.submit_application(&id).await;
            });
            on_close.emit(());
        })
    };
    let expected = review_schedule(cert.spec.validation, app.today());
    let footer = html! {
        <>
            if app.remote.is_none() {
                <span class="sandbox-label">{ "Sandbox CA" }</span>
            }
            <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
            <button type="button" class="btn btn-primary" id={ids.id("submit-to-ca")} onclick={submit} disabled={!can_submit}>
                { if cert.state == LifecycleState::ValidationFailed { "Resubmit to the CA" } else { "Submit to the CA" } }
            </button>
        </>
    };
    html! {
        <Modal id={ids.id("submit-request")} title="Submit the certificate request" on_close={props.on_close.clone()} side=true {footer}>
            <p class="order-original"><strong>{ cert.name.clone() }</strong><span class="mono">{ format!(" {}", cert.id) }</span>
                <span class="muted">{ format!(" · {} · {}", cert.spec.label(), cert.domains.join(", ")) }</span></p>
            if let Some(reason) = &cert.failure_reason {
                <div class="order-errors" role="alert">
                    <p><strong>{ "The last review failed: " }</strong>{ reason.clone() }</p>
                    <p>{ "Fix what it says, then resubmit." }</p>
                </div>
            }
            if let Some(note) = &cert.note { <p class="preview-warn">{ note.clone() }</p> }
            if !can_submit {
                <p class="order-errors" role="alert">{ format!("This certificate is {}: only a Pending Application or Validation Failed certificate is submitted.", cert.state.label()) }
                    if cert.state == LifecycleState::ValidatingApplication {
                        <button type="button" class="btn-link" onclick={dialogs.opener(Dialog::Progress(cert.id.clone()))}>{ "View progress" }</button>
                    }
                </p>
            }
            <h3>{ "Domain Verification Method: " }{ cert.verification.label() }</h3>
            { validation_needs(&cert) }
            if let Some(s) = expected {
                <p class="muted">{ format!("Average issuance time: {}. If ownership is not validated by {}, the application fails.", s.expected_label, s.fails_on) }</p>
            }
            if app.remote.is_some() {
                <p class="muted">{ "The server's CA reviews the request on its own clock; the list updates by itself when the certificate is issued or the review fails." }</p>
            } else {
                <p class="sandbox-note">{ "Sandbox CA: it does not look up DNS records or files. It issues DV certificates about a minute after submission and OV/EV certificates after 5 days (move the As of date). To see a failure, turn on \"Make the next review fail\" in View progress." }</p>
            }
        </Modal>
    }
}
