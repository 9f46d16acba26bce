//! A chain, leaf first: each member's subject, issuer and dates, every
//! signature checked by WebCrypto, and the analysis's problems.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::chain_problems::ChainProblems;
use crate::platform::crypto::{LinkVerdict, Verdict, verify_links};
use crate::x509::{ChainReport, label};

#[derive(Properties, PartialEq)]
pub struct ChainViewProps {
    pub report: ChainReport,
}

fn role(index: usize, last: usize, self_signed: bool) -> &'static str {
    match (index, self_signed) {
        (0, _) => "Server certificate",
        (_, true) => "Root",
        _ if index == last => "Intermediate (its root is in the browser)",
        _ => "Intermediate",
    }
}

#[component]
pub fn ChainView(props: &ChainViewProps) -> Html {
    let verdicts = use_state(|| None::<Vec<LinkVerdict>>);
    {
        let verdicts = verdicts.clone();
        use_effect_with(props.report.clone(), move |report| {
            verdicts.set(None);
            let (report, verdicts) = (report.clone(), verdicts.clone());
            spawn_local(async move { verdicts.set(Some(verify_links(&report).await)) });
        });
    }
    let certs = &props.report.certificates;
    let last = certs.len().saturating_sub(1);
    let signature = |index: usize| -> Html {
        let Some(all) = &*verdicts else {
            return html! { <span class="muted">{ "Checking the signature…" }</span> };
        };
        match all.iter().find(|v| v.subject == index) {
            None => html! { <span class="muted">{ "Signed by a root not included here" }</span> },
            Some(v) => {
                let class = match v.verdict {
                    Verdict::Valid => "sig-valid",
                    Verdict::Invalid(_) => "sig-invalid",
                    Verdict::NotChecked(_) => "sig-unchecked",
                };
                let detail = match &v.verdict {
                    Verdict::Valid => String::new(),
                    Verdict::Invalid(why) | Verdict::NotChecked(why) => format!(": {why}"),
                };
                html! { <span class={class}>{ format!("{}{detail}", v.verdict.label()) }</span> }
            }
        }
    };
    html! {
        <div class="chain-view">
            <ol class="chain-list">
                for (i, c) in certs.iter().enumerate() {
                    <li>
                        <span class="chain-role">{ role(i, last, c.is_self_signed()) }</span>
                        <span class="chain-subject">{ label(c) }</span>
                        <span class="chain-meta">{ format!("issued by {} · {} to {} UTC", c.issuer(), c.not_before().date(), c.not_after().date()) }</span>
                        <span class="chain-sig">{ signature(i) }</span>
                    </li>
                }
            </ol>
            if let Some(anchor) = &props.report.anchor {
                <p class="muted">{ format!("It ends at the root \"{anchor}\", which browsers hold themselves.") }</p>
            }
            <ChainProblems problems={props.report.problems.clone()} />
        </div>
    }
}
