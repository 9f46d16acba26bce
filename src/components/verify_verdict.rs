//! Step 4 of the verification walkthrough: the verdict, each check, and,
//! when the new certificate is not what the site serves, the documents'
//! causes that fit, each with its fix.

use yew::prelude::*;

use super::chain_view::ChainView;
use super::hooks::use_id;
use crate::x509::{Outcome, ServedVerdict};

#[derive(Properties, PartialEq)]
pub struct VerifyVerdictProps {
    pub verdict: ServedVerdict,
}

fn mark(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Pass => ("✓", "check-pass"),
        Outcome::Fail => ("✗", "check-fail"),
        Outcome::Unknown => ("?", "check-unknown"),
    }
}

fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "passed",
        Outcome::Fail => "failed",
        Outcome::Unknown => "not checked",
    }
}

#[component]
pub fn VerifyVerdict(props: &VerifyVerdictProps) -> Html {
    let v = &props.verdict;
    let verdict_id = use_id("verify-verdict");
    let class = classes!(
        "verdict",
        if v.passed {
            "verdict-pass"
        } else {
            "verdict-fail"
        }
    );
    html! {
        <div {class} id={verdict_id.clone()}>
            <p class="verdict-headline" role={if v.passed { "status" } else { "alert" }}>
                <strong>{ if v.passed { "Deployed. " } else { "Not yet. " } }</strong>{ v.headline.clone() }
            </p>
            <ul class="verdict-checks">
                for c in v.checks.iter() {
                    <li class={mark(c.outcome).1}>
                        <span class="check-mark" aria-hidden="true">{ mark(c.outcome).0 }</span>
                        <span class="visually-hidden">{ format!("{}: ", outcome_word(c.outcome)) }</span>
                        <strong>{ c.label }</strong>{ " " }<span class="check-detail">{ c.detail.clone() }</span>
                    </li>
                }
            </ul>
            if !v.causes.is_empty() {
                <h4>{ if v.causes.len() == 1 { "The cause and its fix" } else { "What may cause it, most likely first, and the fix for each" } }</h4>
                <ol class="verdict-causes">
                    for cause in v.causes.iter() {
                        <li>
                            <strong class="cause-title">{ cause.title() }</strong>
                            <p class="cause-fix">{ cause.fix() }</p>
                        </li>
                    }
                </ol>
                <p class="muted">{ "After a fix, look again (step 2) and paste what you see (step 3)." }</p>
            }
            if let Some(report) = &v.chain {
                <details class="served-chain">
                    <summary>{ format!("The chain the site sent ({} certificate{})", report.certificates.len(), if report.certificates.len() == 1 { "" } else { "s" }) }</summary>
                    <ChainView report={report.clone()} />
                </details>
            }
        </div>
    }
}
