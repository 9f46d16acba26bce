//! "Renewal Period" / "Service Duration": 1, 2 or 3 years, each with what it
//! includes and how its certificates are applied for, in the documents' words.

use yew::prelude::*;

use super::hooks::use_id;
use super::radio_cards::{RadioCards, RadioOption};

#[derive(Properties, PartialEq)]
pub struct PeriodFieldProps {
    pub years: u8,
    /// A purchase ("Service Duration") rather than a renewal ("Renewal Period").
    pub purchase: bool,
    /// Days left on the previous certificate when the Managed Service starts the next (30 or 15).
    pub trigger_days: i64,
    pub on_change: Callback<u8>,
}

fn describe(years: u8, purchase: bool, trigger: i64) -> Html {
    let (what, after) = if purchase {
        (
            "paid SSL certificates of the specified specifications",
            "After purchase",
        )
    } else {
        (
            "SSL certificates of the same specifications",
            "After renewal",
        )
    };
    let includes = match years {
        1 => format!(
            "One {} with a 1-year validity period.",
            what.replace("certificates", "certificate")
        ),
        2 => format!(
            "Two {what}, each with a 1-year validity period, and one use of the Managed Service."
        ),
        _ => format!(
            "Three {what}, each with a 1-year validity period, and two uses of the Managed Service."
        ),
    };
    let first = format!(
        "{after}, you must manually submit the certificate request from the certificate list."
    );
    html! {
        <>
            <p><strong>{ "Includes: " }</strong>{ includes }</p>
            if years == 1 {
                <p><strong>{ "Application process: " }</strong>{ first }</p>
            } else {
                <p><strong>{ "Application process: " }</strong>{ format!("First certificate: {first}") }</p>
                <p>{ format!("{}: when the {} certificate has {trigger} days or less of remaining validity, one use of the Managed Service is automatically consumed to start its application.",
                    if years == 2 { "Second certificate" } else { "Subsequent certificates" },
                    if years == 2 { "first" } else { "previous" }) }</p>
            }
        </>
    }
}

#[component]
pub fn PeriodField(props: &PeriodFieldProps) -> Html {
    let name = use_id("period");
    let options: Vec<RadioOption> = (1..=3u8)
        .map(|y| {
            RadioOption::new(
                y.to_string(),
                if y == 1 {
                    "1 Year".to_string()
                } else {
                    format!("{y} Years")
                },
                describe(y, props.purchase, props.trigger_days),
            )
        })
        .collect();
    let on_change = props
        .on_change
        .reform(|v: AttrValue| v.parse::<u8>().unwrap_or(1));
    html! {
        <>
            <RadioCards {name} legend={if props.purchase { "Service Duration" } else { "Renewal Period" }}
                        {options} selected={Some(AttrValue::from(props.years.to_string()))} {on_change} />
            if props.years > 1 {
                <p class="hint">{ "The Managed Service includes automatic certificate requests before expiration, carrying over the remaining validity period (up to 30 days), and dedicated technical support." }</p>
            }
        </>
    }
}
