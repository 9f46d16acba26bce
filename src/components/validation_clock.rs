//! The domain-validation clock of a certificate or an order: until when each
//! domain's validation can be reused, and which planned issuance needs a new
//! one (`rules::dcv`).

use chrono::NaiveDate;
use yew::prelude::*;

use crate::rules::{DomainClock, VerificationMethod};

#[derive(Properties, PartialEq)]
pub struct ValidationClockProps {
    pub clocks: Vec<DomainClock>,
    pub method: VerificationMethod,
    pub today: NaiveDate,
}

#[component]
pub fn ValidationClock(props: &ValidationClockProps) -> Html {
    if props.clocks.is_empty() {
        return html! {};
    }
    html! {
        <ul class="validation-clock">
            for clock in props.clocks.iter() {
                <li class={classes!(clock.due_on().map(|due| if due <= props.today { "clock-overdue" } else { "clock-due" }))}>
                    { clock.sentence(props.method) }
                </li>
            }
        </ul>
    }
}
