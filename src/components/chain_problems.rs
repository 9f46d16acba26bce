//! A chain analysis's problems, most serious first, each with its severity in words.

use yew::prelude::*;

use crate::rules::sort;
use crate::x509::{ChainProblem, Severity};

#[derive(Properties, PartialEq)]
pub struct ChainProblemsProps {
    pub problems: Vec<ChainProblem>,
}

fn severity(s: Severity) -> (&'static str, &'static str) {
    match s {
        Severity::Error => ("Error", "problem-error"),
        Severity::Warning => ("Warning", "problem-warning"),
        Severity::Note => ("Note", "problem-note"),
    }
}

#[component]
pub fn ChainProblems(props: &ChainProblemsProps) -> Html {
    let mut problems = props.problems.clone();
    sort::sort_by_key(&mut problems, |p| std::cmp::Reverse(p.severity()));
    if problems.is_empty() {
        return html! { <p class="chain-ok">{ "Chain: no problems found." }</p> };
    }
    html! {
        <ul class="chain-problems">
            for p in problems.iter() {
                <li class={severity(p.severity()).1}>
                    <span class="problem-severity">{ severity(p.severity()).0 }</span>{ " " }{ p.message() }
                </li>
            }
        </ul>
    }
}
