//! The live preview beside an order: the new certificate's validity (and the
//! SC-081 chain when the cap shortens it), the certificates the order creates,
//! the quota used, the Managed Service uses and what is left to pay. Every
//! figure is the rules module's.

use yew::prelude::*;

use super::hooks::{IdPrefix, use_id_prefix};
use super::validation_clock::ValidationClock;
use crate::rules::{LifecycleState, OrderPlan, PlannedCertificate, planned_order_clock};
use crate::store::money::format_amount;

#[derive(Properties, PartialEq)]
pub struct OrderPreviewProps {
    pub plan: OrderPlan,
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn validity(ids: &IdPrefix, first: &PlannedCertificate) -> Html {
    let term = &first.term;
    let capped = first.chain.len() > 1;
    html! {
        <div class="preview-block" id={ids.id("preview-validity")}>
            <h4>{ "New certificate's validity" }</h4>
            <p class="preview-figure">
                <strong id={ids.id("preview-days")}>{ format!("{} days", term.days()) }</strong>
                <span id={ids.id("preview-range")}>{ format!(" {} to {}", term.start, term.end) }</span>
            </p>
            <p class="muted">
                if term.carried_over_days > 0 {
                    { format!("365 days + {} days carried over from the original certificate.", term.carried_over_days) }
                } else {
                    { "365 days from issuance; nothing is carried over." }
                }
                if first.estimated { { " Estimated: the dates follow the day it is issued." } }
            </p>
            if capped {
                <div class="chain" id={ids.id("preview-chain")}>
                    <p>
                        { format!("A certificate issued from {} may be valid at most {} days (CA/Browser Forum ballot SC-081), counted from its first day through its last; the CA issues {} days. This term is covered by {} certificates, each issued before the previous one ends:",
                            first.chain[0].cap.since.map_or_else(|| "now".into(), |d| d.to_string()), first.chain[0].cap.max_days, first.chain[0].cap.issue_days, first.chain.len()) }
                    </p>
                    <ol>
                        for issuance in first.chain.iter() {
                            <li>{ format!("{} to {}: {} days, under the {}-day cap", issuance.from, issuance.to, issuance.days, issuance.cap.max_days) }</li>
                        }
                    </ol>
                </div>
            }
        </div>
    }
}

/// The domain-validation clock of the order, when it plans issuances after the
/// request (an SC-081 chain or a multi-year order).
fn validation_block(ids: &IdPrefix, plan: &OrderPlan) -> Html {
    let issuances: usize = plan.certificates.iter().map(|c| c.chain.len()).sum();
    let (Some(first), Some(method)) = (plan.certificates.first(), plan.verification) else {
        return html! {};
    };
    if issuances < 2 {
        return html! {};
    }
    let clocks = planned_order_clock(&plan.domains, &plan.certificates);
    html! {
        <div class="preview-block" id={ids.id("preview-validation")}>
            <h4>{ "Domain validation" }</h4>
            <ValidationClock {clocks} {method} today={first.issued_on} />
        </div>
    }
}

#[component]
pub fn OrderPreview(props: &OrderPreviewProps) -> Html {
    let plan = &props.plan;
    let pay = &plan.payment;
    let ms = &plan.managed_service;
    let ids = use_id_prefix();
    html! {
        <aside class="preview" aria-labelledby={ids.id("preview-title")}>
            <h3 id={ids.id("preview-title")}>{ "Preview" }</h3>
            <div aria-live="polite">
                if let Some(first) = plan.certificates.first() { { validity(&ids, first) } }
                <div class="preview-block" id={ids.id("preview-certificates")}>
                    <h4>{ "Certificates this order creates" }</h4>
                    <ol class="planned">
                        for c in plan.certificates.iter() {
                            <li>
                                <span class="planned-status">{ c.status.label() }</span>
                                { format!(" · {} to {}", c.term.start, c.term.end) }
                                if c.status == LifecycleState::NotActivated {
                                    <span class="muted">
                                        { c.trigger_on.map(|d| format!(" · starts {d} ({} days before the previous ends)", c.trigger_days.unwrap_or(0))).unwrap_or_default() }
                                    </span>
                                    if let Some(Err(why)) = &c.auto_start { <span class="preview-warn">{ format!(" · {why}") }</span> }
                                }
                            </li>
                        }
                    </ol>
                </div>
                { validation_block(&ids, plan) }
                <div class="preview-block" id={ids.id("preview-payment")}>
                    <h4>{ "Quota and payment" }</h4>
                    <dl class="facts">
                        <div><dt>{ "Certificate quota used" }</dt><dd id={ids.id("preview-units")}>
                            { format!("{} of {} needed ({})", pay.units_from_quota, plural(pay.units_needed, "unit", "units"), pay.spec.label()) }
                        </dd></div>
                        <div><dt>{ "Managed Service uses" }</dt><dd id={ids.id("preview-ms")}>
                            { format!("{} needed, {} from quota", ms.total, pay.managed_service_from_quota) }
                        </dd></div>
                        <div><dt>{ "To pay" }</dt><dd id={ids.id("preview-pay")}>
                            { match pay.amount_cents {
                                Some(0) => "Nothing: covered by your quota".to_string(),
                                Some(cents) => format!("{} ({} and {} Managed Service)", format_amount(cents, &pay.currency),
                                    plural(pay.units_to_pay, "certificate", "certificates"), pay.managed_service_to_pay),
                                None => "No price is listed for this specification".to_string(),
                            } }
                        </dd></div>
                    </dl>
                    if let Some(note) = &ms.fee_note { <p class="preview-warn" id={ids.id("preview-fee-note")}>{ note.clone() }</p> }
                </div>
                if !plan.warnings.is_empty() {
                    <ul class="preview-warnings">
                        for w in plan.warnings.iter() {
                            <li class={classes!(w.kind.blocks_submission().then_some("blocking"))}>{ w.message.clone() }</li>
                        }
                    </ul>
                }
            </div>
        </aside>
    }
}
