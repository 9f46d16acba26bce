//! "View progress" of an application with the CA: the stage, when the
//! certificate is expected, when the application fails, and the review's
//! outcome (issued, or failed with a reason and "fix and resubmit").

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::context::use_app;
use super::dialogs::Dialog;
use super::hooks::{use_dialogs, use_id_prefix};
use super::modal::Modal;
use super::sandbox_switches::SandboxSwitches;
use crate::backend::sandbox::SANDBOX_DV_REVIEW_MS;
use crate::rules::{LifecycleState, ValidationType, review_schedule};

#[component]
pub fn ReviewProgress(props: &CertDialogProps) -> Html {
    let app = use_app();
    let (ids, dialogs) = (use_id_prefix(), use_dialogs());
    let Some(cert) = app.inventory.find(&props.id).cloned() else {
        return html! { <Modal id={ids.id("review-progress")} title="Application progress" on_close={props.on_close.clone()}><p>{ "This certificate is no longer in the inventory." }</p></Modal> };
    };
    let today = app.today();
    let schedule = cert
        .applied_on
        .and_then(|on| review_schedule(cert.spec.validation, on));
    let stage = match cert.state {
        LifecycleState::ValidatingApplication => 2,
        LifecycleState::Issued => 4,
        LifecycleState::ValidationFailed => 3,
        _ => 1,
    };
    let steps = [
        "Submitted",
        "Domain ownership validation",
        "CA review",
        "Issued",
    ];
    let waiting = match (&schedule, cert.spec.validation) {
        (Some(_), ValidationType::Dv) => {
            let seconds = cert
                .applied_at_ms
                .map(|at| ((at + SANDBOX_DV_REVIEW_MS - app.now_ms) / 1000).max(0));
            match seconds {
                _ if app.remote.is_some() => {
                    "The server's CA issues it shortly; the list updates by itself.".to_string()
                }
                Some(s) if s > 0 => format!("The sandbox CA issues it in about {s} seconds."),
                _ => "The sandbox CA issues it at its next check (every few seconds).".to_string(),
            }
        }
        (Some(s), _) if today < s.expected_issue_on && app.remote.is_some() => format!(
            "The CA expects to complete the review on {}; the list updates by itself.",
            s.expected_issue_on
        ),
        (Some(s), _) if today < s.expected_issue_on => format!(
            "The sandbox CA completes the review on {}: move the As of date to that day to see it issued.",
            s.expected_issue_on
        ),
        _ => String::new(),
    };
    let resubmit = dialogs.opener(Dialog::Submit(cert.id.clone()));
    html! {
        <Modal id={ids.id("review-progress")} title="Application progress" on_close={props.on_close.clone()} side=true
               footer={html! { <button type="button" class="btn btn-primary" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button> }}>
            <p class="order-original"><strong>{ cert.name.clone() }</strong><span class="mono">{ format!(" {}", cert.id) }</span>
                <span class="muted">{ format!(" · {}", cert.state.label()) }</span></p>
            <ol class="lifecycle progress-steps">
                for (i, step) in steps.iter().enumerate() {
                    <li class={classes!(if i + 1 < stage { "done" } else if i + 1 == stage { "current" } else { "upcoming" })}
                        aria-current={(i + 1 == stage).then_some("step")}>{ *step }</li>
                }
            </ol>
            if let Some(s) = &schedule {
                <dl class="facts">
                    <div><dt>{ "Submitted" }</dt><dd>{ s.submitted_on.to_string() }</dd></div>
                    <div><dt>{ "Expected issuance" }</dt><dd id={ids.id("expected-issuance")}>{ format!("{} (average issuance time: {})", s.expected_issue_on, s.expected_label) }</dd></div>
                    <div><dt>{ "Fails if not validated by" }</dt><dd id={ids.id("fails-on")}>{ s.fails_on.to_string() }</dd></div>
                </dl>
            }
            if cert.state == LifecycleState::ValidatingApplication && !waiting.is_empty() {
                <p class="sandbox-note">{ waiting }</p>
            }
            if cert.state == LifecycleState::ValidationFailed {
                <div class="order-errors" role="alert">
                    <p><strong>{ "Validation Failed. " }</strong>{ cert.failure_reason.clone().unwrap_or_default() }</p>
                    <button type="button" class="btn btn-primary btn-small" onclick={resubmit}>{ "Fix and resubmit" }</button>
                </div>
            }
            if cert.state == LifecycleState::Issued {
                <p role="status">{ format!("Issued: valid {} to {}. Deploy it next.", cert.not_before.map_or("—".into(), |d| d.to_string()), cert.not_after.map_or("—".into(), |d| d.to_string())) }</p>
            }
            <p class="hint">{ "For OV and EV certificates the CA contacts the named contact; reply to its email or call to complete the review." }</p>
            <SandboxSwitches />
        </Modal>
    }
}
