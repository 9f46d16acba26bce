//! The next 12 months of a tab as a bar chart: how many expiries, Managed
//! Service starts, in-term reissues and validations fall in each month. The
//! bars are a picture (SVG); each month's label is a button that filters the
//! list below to it, and a table gives every number.

use yew::prelude::*;

use super::hooks::use_id_prefix;
use crate::store::timeline::{Month, MonthLoad, month_label};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const BAR_HEIGHT: f64 = 96.0;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 expiries, 1 Managed Service start, 0 reissues, 1 validation".
pub fn month_summary(m: &MonthLoad) -> String {
    [
        plural(m.expiries, "expiry", "expiries"),
        plural(m.starts, "Managed Service start", "Managed Service starts"),
        plural(m.reissues, "reissue", "reissues"),
        plural(m.validations, "validation", "validations"),
    ]
    .join(", ")
}

#[derive(Properties, PartialEq)]
pub struct MonthChartProps {
    /// Names this chart's ids (one chart per tab).
    pub slug: AttrValue,
    pub load: Vec<MonthLoad>,
    pub selected: Option<Month>,
    /// A month, or `None` when the selected one is chosen again.
    pub on_select: Callback<Option<Month>>,
}

#[component]
pub fn MonthChart(props: &MonthChartProps) -> Html {
    let ids = use_id_prefix();
    let heading = ids.id(&format!("load-{}", props.slug));
    let svg_title = ids.id(&format!("load-{}-title", props.slug));
    let max = props
        .load
        .iter()
        .map(MonthLoad::total)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let total: usize = props.load.iter().map(MonthLoad::total).sum();
    let pick = |month: Month| {
        let selected = props.selected;
        props
            .on_select
            .reform(move |_| (selected != Some(month)).then_some(month))
    };
    let bars = props.load.iter().enumerate().map(|(n, m)| {
        let x = n * 100 + 22;
        // Hundredths of a unit, written as integers (no float printer in the first load).
        let mut y = (BAR_HEIGHT as u64 + 4) * 100;
        let parts = [
            ("ml-expiry", m.expiries),
            ("ml-start", m.starts),
            ("ml-reissue", m.reissues),
            ("ml-validation", m.validations),
        ];
        let rects = parts.into_iter().filter(|(_, c)| *c > 0).map(|(class, count)| {
            let h = (count as f64 / max * BAR_HEIGHT * 100.0).round() as u64;
            y = y.saturating_sub(h);
            html! { <rect class={class} x={x.to_string()} y={hundredths(y)} width="56" height={hundredths(h)} /> }
        });
        let on = props.selected == Some(m.month);
        html! {
            <g class={classes!("ml-bar", on.then_some("ml-bar-on"))} onclick={pick(m.month)}>
                <rect class="ml-hit" x={(n * 100).to_string()} y="0" width="100" height="100" />
                { for rects }
            </g>
        }
    });
    let first = props
        .load
        .first()
        .map(|m| month_label(m.month))
        .unwrap_or_default();
    let last = props
        .load
        .last()
        .map(|m| month_label(m.month))
        .unwrap_or_default();
    html! {
        <section class="month-load" aria-labelledby={heading.clone()}>
            <div class="month-load-head">
                <h2 id={heading}>{ "Next 12 months" }</h2>
                <ul class="month-load-legend">
                    <li><span class="ml-key ml-expiry"></span>{ "Expiries" }</li>
                    <li><span class="ml-key ml-start"></span>{ "Managed Service starts" }</li>
                    <li><span class="ml-key ml-reissue"></span>{ "In-term reissues" }</li>
                    <li><span class="ml-key ml-validation"></span>{ "Validations" }</li>
                </ul>
            </div>
            <div class="month-load-plot">
                <svg class="month-load-svg" viewBox="0 0 1200 100" preserveAspectRatio="none" role="img" aria-labelledby={svg_title.clone()}>
                    <title id={svg_title}>{ format!("Bar chart: {total} renewal events from {first} to {last}, by month; the month buttons and the table below give each month's numbers.") }</title>
                    <line class="ml-baseline" x1="0" x2="1200" y1="100" y2="100" />
                    { for bars }
                </svg>
                <div class="month-load-months" role="group" aria-label="Show only the certificates with something in a month">
                    for m in props.load.iter() {
                        <button type="button" class={classes!("ml-month", (props.selected == Some(m.month)).then_some("ml-month-on"))}
                                aria-pressed={(props.selected == Some(m.month)).to_string()} onclick={pick(m.month)}>
                            <span class="ml-name">{ MONTHS[(m.month.1 - 1) as usize] }</span>
                            <span class="ml-year">{ m.month.0 }</span>
                            <span class="ml-total">{ m.total() }</span>
                            <span class="visually-hidden">{ format!(" events: {}", month_summary(m)) }</span>
                        </button>
                    }
                </div>
            </div>
            <details class="month-load-table">
                <summary>{ "Show the numbers as a table" }</summary>
                <table class="data-table">
                    <caption class="visually-hidden">{ format!("Renewal events by month, {first} to {last}") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Month" }</th>
                            <th scope="col">{ "Expiries" }</th>
                            <th scope="col">{ "Managed Service starts" }</th>
                            <th scope="col">{ "In-term reissues" }</th>
                            <th scope="col">{ "Validations" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for m in props.load.iter() {
                            <tr>
                                <th scope="row">{ month_label(m.month) }</th>
                                <td>{ m.expiries }</td>
                                <td>{ m.starts }</td>
                                <td>{ m.reissues }</td>
                                <td>{ m.validations }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// `v` hundredths as an SVG number: 1234 is "12.34".
fn hundredths(v: u64) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}
