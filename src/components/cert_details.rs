//! Certificate details (a click on a certificate's name): the inventory's
//! facts, and, when this browser keeps the certificate file, everything
//! X.509 says, with the chain, its signatures and its problems.

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::cert_fields::CertFields;
use super::chain_view::ChainView;
use super::context::{use_app, use_handle};
use super::copy_button::CopyButton;
use super::dialogs::download::download_file;
use super::hooks::use_id_prefix;
use super::modal::Modal;
use super::notifications::{download_calendar, with_its_order};
use super::record_facts::{RecordFacts, association_context};
use super::timeline::RenewalTimeline;
use super::validation_clock::ValidationClock;
use crate::platform::download::{download, file_stem};
use crate::rules::ordered_here;
use crate::store::pem_export::full_chain;
use crate::store::timeline::cert_timeline;
use crate::store::validation_clock::clocks_of;
use crate::store::{Action, Notice, NoticeKind};
use crate::x509::{analyze_chain, read_input};

#[component]
pub fn CertificateDetails(props: &CertDialogProps) -> Html {
    let app = use_app();
    let ids = use_id_prefix();
    let handle = use_handle();
    let today = app.today();
    let now = today.and_hms_opt(12, 0, 0).unwrap_or_default();
    let footer = html! { <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button> };
    let Some(cert) = app.inventory.find(&props.id).cloned() else {
        return html! {
            <Modal id={ids.id("cert-details")} class="cert-details" title="Certificate details" on_close={props.on_close.clone()} side=true {footer}>
                <p role="alert">{ format!("Certificate {} is no longer in the inventory.", props.id) }</p>
            </Modal>
        };
    };
    let (original_name, order_placed_on) = association_context(&app.inventory, &cert);
    let clocks = clocks_of(&app.inventory, &cert.id, today);
    let timeline = cert_timeline(&app.inventory, &cert.id, today);
    let download_ics = {
        let (app, id, stem) = (app.clone(), cert.id.clone(), file_stem(&cert.name));
        Callback::from(move |_| {
            let certs = with_its_order(&app.inventory, &id);
            let file = format!("{stem}.ics");
            if let Err(e) =
                download_calendar(&app.inventory, &certs, app.today(), app.now_ms, &file)
            {
                app.dispatch(Action::Notify(Notice::new(
                    NoticeKind::Error,
                    format!("The calendar was not downloaded: {e}"),
                )));
            }
        })
    };
    let download_chain = {
        let (app, pem, stem) = (app.clone(), cert.pem.clone(), file_stem(&cert.name));
        Callback::from(move |_| {
            let result = full_chain(pem.as_deref().unwrap_or_default()).and_then(|chain| {
                download(
                    &format!("{stem}-fullchain.pem"),
                    "application/x-pem-file",
                    &chain,
                )
            });
            if let Err(e) = result {
                app.dispatch(Action::Notify(Notice::new(
                    NoticeKind::Error,
                    format!("The full chain was not downloaded: {e}"),
                )));
            }
        })
    };
    let file = cert.pem.as_deref().map(|pem| read_input(pem.as_bytes()));
    let file_html = match &file {
        None if ordered_here(&cert) => {
            let (handle, id) = (handle.clone(), cert.id.clone());
            html! {
                <p class="no-file">
                    { "This browser does not hold this certificate's file yet, so only the inventory's facts are shown. The CA keeps it: download it once and its X.509 details appear here. " }
                    <button type="button" class="btn-link fetch-file" onclick={move |_| download_file(&handle, &id)}>{ "Download the certificate file" }</button>
                </p>
            }
        }
        None => html! {
            <p class="no-file">{ "No certificate file is kept in this browser for this certificate, so only the inventory's facts are shown. The X.509 details are shown for certificates whose file is kept here: those added with Upload certificate and those bought here." }</p>
        },
        Some(read) if read.certificates().is_empty() => html! {
            <p class="field-error" role="alert">{ format!("The certificate file kept for it cannot be read: {}", read.problems.first().map(|p| p.message.clone()).unwrap_or_default()) }</p>
        },
        Some(read) => {
            let report = analyze_chain(&read.clone().into_certificates(), now);
            let leaf = report.leaf().cloned();
            let pem = cert.pem.clone().unwrap_or_default();
            html! {
                <>
                    if let Some(leaf) = leaf {
                        <section aria-labelledby={ids.id("details-x509")}>
                            <h3 id={ids.id("details-x509")}>{ "Certificate" }</h3>
                            <CertFields cert={leaf} {now} />
                            <div class="form-actions">
                                <CopyButton text={pem} what="the certificate file (PEM)" />
                                <button type="button" class="btn btn-small download-chain" onclick={download_chain}>
                                    { "Download full chain (PEM)" }
                                </button>
                            </div>
                        </section>
                    }
                    <section aria-labelledby={ids.id("details-chain")}>
                        <h3 id={ids.id("details-chain")}>{ "Chain" }</h3>
                        <ChainView {report} />
                    </section>
                </>
            }
        }
    };
    html! {
        <Modal id={ids.id("cert-details")} class="cert-details" title={format!("Certificate details: {}", cert.name)} on_close={props.on_close.clone()} side=true {footer}>
            <section aria-labelledby={ids.id("details-record")}>
                <h3 id={ids.id("details-record")}>{ "In the inventory" }</h3>
                <RecordFacts cert={cert.clone()} {today} {original_name} {order_placed_on} />
            </section>
            if let Some(timeline) = timeline {
                <section aria-labelledby={ids.id("details-timeline")} class="details-timeline">
                    <h3 id={ids.id("details-timeline")}>{ "Renewal timeline" }</h3>
                    <RenewalTimeline {timeline} />
                    <button type="button" class="btn btn-small download-cert-ics" onclick={download_ics}>{ "Add these dates to a calendar (.ics)" }</button>
                </section>
            }
            if !clocks.is_empty() {
                <section aria-labelledby={ids.id("details-dcv")} class="details-dcv">
                    <h3 id={ids.id("details-dcv")}>{ "Domain validation" }</h3>
                    <p class="muted">{ "Each issuance needs a domain validation no older than the reuse period in force that day (CA/Browser Forum SC-081: 200 days from 2026-03-15, 100 from 2027-03-15, 10 from 2029-03-15)." }</p>
                    <ValidationClock {clocks} method={cert.verification} {today} />
                </section>
            }
            { file_html }
        </Modal>
    }
}
