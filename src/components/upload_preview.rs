//! What an upload would add, shown before anything is added: each
//! certificate's facts and the status it will get, which ones are already
//! listed, what was refused and what could not be read, with the reasons.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::chain_problems::ChainProblems;
use super::hooks::use_id_prefix;
use crate::rules::status_at;
use crate::x509::{SourceRead, UploadCandidate, UploadPlan};

/// The upload dialog's reading of everything given.
#[derive(PartialEq)]
pub struct Found {
    pub plan: UploadPlan,
    /// Per candidate: the (id, name) of the record that already holds it.
    pub duplicates: Vec<Option<(String, String)>>,
    /// (source, reason) for what could not be read.
    pub problems: Vec<(String, String)>,
    /// Per chosen file: the certificates it gave, and whether parts were not read.
    pub per_file: Vec<SourceRead>,
}

#[derive(Properties, PartialEq)]
pub struct UploadPreviewProps {
    pub found: Rc<Found>,
    pub today: NaiveDate,
}

fn candidate(c: &UploadCandidate, duplicate: &Option<(String, String)>, today: NaiveDate) -> Html {
    let r = &c.record;
    let status = status_at(r, today);
    let dates = match (r.not_before, r.not_after) {
        (Some(a), Some(b)) => format!("{a} to {b} (UTC)"),
        _ => "-".into(),
    };
    let chain = match c.chain.certificates.len() {
        1 => "The server certificate alone: no chain came with it.".to_string(),
        n => format!(
            "{n} certificates: the server certificate and {} issuer{}.",
            n - 1,
            if n > 2 { "s" } else { "" }
        ),
    };
    html! {
        <li class={classes!("card", "upload-item", duplicate.is_some().then_some("upload-duplicate"))} data-id={r.id.clone()}>
            <div class="upload-item-head">
                <h4 class="upload-name">{ r.name.clone() }</h4>
                if let Some((id, name)) = duplicate {
                    <span class="tag tag-warn">{ format!("Already listed as {name} ({id}): not added again") }</span>
                } else {
                    <span class="tag tag-new">{ "New" }</span>
                }
            </div>
            <dl class="facts upload-facts">
                <div><dt>{ "Issuer" }</dt><dd>{ r.issuer.clone().unwrap_or_default() }</dd></div>
                <div><dt>{ "Valid" }</dt><dd class="upload-dates">{ dates }</dd></div>
                <div><dt>{ "Names" }</dt><dd>{ r.domains.join(", ") }</dd></div>
                <div><dt>{ "Specification" }</dt><dd>{ r.spec.label() }</dd></div>
                <div><dt>{ "Key" }</dt><dd>{ c.leaf.public_key().to_string() }</dd></div>
                <div><dt>{ "Status" }</dt><dd class="upload-status">{ status.label() }</dd></div>
                <div><dt>{ "SHA-256" }</dt><dd class="mono fingerprint">{ c.leaf.fingerprint_sha256() }</dd></div>
                <div><dt>{ "Chain" }</dt><dd>{ chain }</dd></div>
            </dl>
            <ChainProblems problems={c.chain.problems.clone()} />
        </li>
    }
}

#[component]
pub fn UploadPreview(props: &UploadPreviewProps) -> Html {
    let found = &props.found;
    let ids = use_id_prefix();
    let plan = &found.plan;
    let new = found.duplicates.iter().filter(|d| d.is_none()).count();
    let listed = found.duplicates.len() - new;
    let not_read = plan.refused.len() + found.problems.len();
    let nothing = plan.candidates.is_empty() && not_read == 0;
    html! {
        <section class="upload-preview" aria-labelledby={ids.id("upload-preview-title")}>
            <h3 id={ids.id("upload-preview-title")}>{ "Found" }</h3>
            <p class="upload-summary" role="status">
                if nothing {
                    { "Nothing yet: paste or choose a certificate." }
                } else {
                    { format!("{new} to add · {listed} already listed · {not_read} not added") }
                }
            </p>
            if !plan.candidates.is_empty() {
                <ul class="upload-list">
                    for (c, dup) in plan.candidates.iter().zip(found.duplicates.iter()) {
                        { candidate(c, dup, props.today) }
                    }
                </ul>
            }
            if not_read > 0 {
                <h4 class="upload-problems-title">{ "Not added" }</h4>
                <ul class="upload-problems">
                    for refused in plan.refused.iter() {
                        <li>
                            <strong>{ refused.label.clone() }</strong>{ ": " }{ refused.reason.clone() }
                            <span class="mono fingerprint muted">{ format!("SHA-256 {}", refused.fingerprint) }</span>
                        </li>
                    }
                    for (source, reason) in found.problems.iter() {
                        <li><strong>{ source.clone() }</strong>{ ": " }{ reason.clone() }</li>
                    }
                </ul>
            }
        </section>
    }
}
