//! A certificate's status in the documents' words, colour-coded (the text
//! carries the meaning; colour only helps), opening its lifecycle.

use yew::prelude::*;

use super::hooks::use_id_prefix;
use super::popover::Popover;
use super::use_open::{Open, use_open_for};
use crate::rules::CertificateStatus;
use crate::store::lifecycle::{Lifecycle, Step};

#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    pub cert_id: AttrValue,
    pub lifecycle: Lifecycle,
}

pub fn status_slug(status: CertificateStatus) -> &'static str {
    use CertificateStatus::*;
    match status {
        NotActivated => "not-activated",
        PendingApplication => "pending-application",
        ValidatingApplication => "validating",
        ValidationFailed => "failed",
        Issued => "issued",
        PendingExpiration => "pending-expiration",
        Expired => "expired",
        Cancelled => "cancelled",
        Revoked => "revoked",
    }
}

#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let Open {
        is: open,
        toggle,
        close,
        ..
    } = use_open_for(&props.cert_id);
    let anchor = use_node_ref();
    let ids = use_id_prefix();
    let status = props.lifecycle.status;
    // Named by the button's aria-controls only while it exists (open).
    let popover_id = ids.id(&format!("lifecycle-{}", props.cert_id));
    html! {
        <>
            <button type="button" ref={anchor.clone()}
                    class={classes!("status", format!("status-{}", status_slug(status)))}
                    aria-expanded={open.to_string()} aria-controls={open.then(|| popover_id.clone())}
                    aria-label={format!("Status: {}. Show lifecycle", status.label())}
                    onclick={toggle}>
                <span class="status-dot" aria-hidden="true"></span>
                { status.label() }
            </button>
            if open {
                <Popover id={popover_id} {anchor} on_close={close} label="Certificate lifecycle">
                    <h3 class="popover-title">{ "Lifecycle" }</h3>
                    <ol class="lifecycle">
                        for (s, step) in props.lifecycle.steps.iter().copied() {
                            <li class={classes!(match step { Step::Done => "done", Step::Current => "current", Step::Upcoming => "upcoming" })}
                                aria-current={(step == Step::Current).then_some("step")}>
                                { s.label() }
                            </li>
                        }
                    </ol>
                    if matches!(status, CertificateStatus::Cancelled | CertificateStatus::Revoked | CertificateStatus::ValidationFailed) {
                        <p class="lifecycle-note">{ format!("Now: {}", status.label()) }</p>
                    }
                    <dl class="facts">
                        for (label, value) in props.lifecycle.facts.iter().cloned() {
                            <div><dt>{ label }</dt><dd>{ value }</dd></div>
                        }
                    </dl>
                </Popover>
            }
        </>
    }
}
