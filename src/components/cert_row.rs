//! One certificate of the list: name and resource ID, bound domains,
//! specification, status, validity and actions. The table reuses a row for
//! another certificate (rows are keyed by position); the status and actions
//! popovers are open for one certificate only (`use_open_for`).

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::action_cell::ActionCell;
use super::status_badge::StatusBadge;
use crate::rules::{
    ActionState, CertAction, Certificate, CertificateStatus, LifecycleState, UrgencyLevel,
    days_left, renewal_urgency,
};
use crate::store::lifecycle::Lifecycle;
use crate::store::view::Row;

/// What a row shows beside the certificate itself, for one inventory and date.
#[derive(Clone, Debug, PartialEq)]
pub struct RowFacts {
    pub lifecycle: Lifecycle,
    pub actions: Vec<ActionState>,
    /// Shown inline, in this order, when present.
    pub inline: Vec<CertAction>,
    /// The name of the original of an associated certificate.
    pub original_name: Option<AttrValue>,
}

#[derive(Properties, PartialEq)]
pub struct CertRowProps {
    pub cert: Certificate,
    pub row: Row,
    /// 1-based position among all rows (rows may be windowed).
    pub row_index: usize,
    pub facts: Rc<RowFacts>,
    pub today: NaiveDate,
    pub on_action: Callback<(String, CertAction)>,
    pub on_details: Callback<String>,
}

fn days_text(
    cert: &Certificate,
    status: CertificateStatus,
    today: NaiveDate,
) -> (String, &'static str) {
    match days_left(cert, today) {
        _ if status == CertificateStatus::Revoked => {
            ("Revoked: no longer trusted".into(), "days-expired")
        }
        _ if status == CertificateStatus::Cancelled => ("Cancelled".into(), "days-none"),
        Some(d) if status == CertificateStatus::Expired || d < 0 => {
            (format!("Expired {} days ago", -d), "days-expired")
        }
        Some(1) => ("1 day left".into(), "days-critical"),
        Some(d) if d <= 15 => (format!("{d} days left"), "days-critical"),
        Some(d) if d <= 30 => (format!("{d} days left"), "days-warning"),
        Some(d) => (format!("{d} days left"), "days-ok"),
        None => ("Not issued yet".into(), "days-none"),
    }
}

fn urgency_slug(level: UrgencyLevel) -> &'static str {
    match level {
        UrgencyLevel::Comfortable => "ok",
        UrgencyLevel::Due => "due",
        UrgencyLevel::Urgent => "urgent",
        UrgencyLevel::Expired => "expired",
    }
}

#[component]
pub fn CertRow(props: &CertRowProps) -> Html {
    let cert = &props.cert;
    let status = props.facts.lifecycle.status;
    let (days, days_class) = days_text(cert, status, props.today);
    let more_domains = cert.domains.len().saturating_sub(1);
    // Beside the documents' statuses: how much of this certificate's own lifetime is left.
    let urgency = match (cert.state, cert.not_before, cert.not_after) {
        (LifecycleState::Issued, Some(nb), Some(na)) => {
            renewal_urgency(nb, na, props.today).filter(|u| u.level != UrgencyLevel::Expired)
        }
        _ => None,
    };
    let class = classes!(
        "cert-row",
        props.row.associated.then_some("row-associated"),
        props.row.context.then_some("row-context")
    );
    html! {
        <tr {class} aria-rowindex={(props.row_index + 1).to_string()} data-id={cert.id.clone()}>
            <td class="col-cert">
                <div class="cert-cell">
                    if props.row.associated {
                        <span class="assoc-icon" aria-hidden="true" title="Associated certificate">{ "↳" }</span>
                    }
                    <div class="cert-names">
                        <button type="button" class="cert-name" title={format!("Details of {}", cert.name)}
                                onclick={{ let id = cert.id.clone(); props.on_details.reform(move |_| id.clone()) }}>
                            { cert.name.clone() }
                        </button>
                        <span class="cert-id mono">
                            { cert.id.clone() }
                            if let Some(original) = &props.facts.original_name {
                                <span class="visually-hidden">{ format!(", associated with {original}") }</span>
                            }
                        </span>
                    </div>
                </div>
            </td>
            <td class="col-domains">
                <span class="domain" title={cert.domains.join("\n")}>{ cert.domains.first().cloned().unwrap_or_default() }</span>
                if more_domains > 0 {
                    <span class="more-domains" title={cert.domains.join("\n")}>{ format!("+{more_domains} more") }</span>
                }
            </td>
            <td class="col-spec">
                <span class="spec-main">{ format!("{} · {}", cert.spec.brand.label(), cert.spec.validation.label()) }</span>
                <span class="spec-sub">{ format!("{} · {}", cert.spec.domain_type.label(), cert.key_algorithm.label()) }</span>
            </td>
            <td class="col-status">
                <StatusBadge cert_id={cert.id.clone()} lifecycle={props.facts.lifecycle.clone()} />
                if cert.pca { <span class="tag">{ "PCA" }</span> }
            </td>
            <td class="col-validity">
                if let (Some(from), Some(to)) = (cert.not_before, cert.not_after) {
                    <span class="validity-range" title={format!("Valid from {from} to {to}")}>
                        <span class="validity-from">{ format!("{from} → ") }</span>{ to.to_string() }
                    </span>
                } else {
                    <span class="validity-range muted">{ "—" }</span>
                }
                <span class={classes!("days", days_class)}>{ days }</span>
                if let Some(u) = urgency {
                    <span class={classes!("urgency", format!("urgency-{}", urgency_slug(u.level)))}
                          title={format!("{}% of its {}-day lifetime left. Renewal is due when a third of a certificate's lifetime is left (at least 7 days), urgent under a sixth (at least 3 days).", u.percent_left(), u.lifetime_days)}>
                        { u.describe() }
                    </span>
                }
            </td>
            <td class="col-actions">
                <ActionCell cert_id={cert.id.clone()} cert_name={cert.name.clone()}
                            actions={props.facts.actions.clone()} inline={props.facts.inline.clone()}
                            on_action={props.on_action.clone()} />
            </td>
        </tr>
    }
}
