//! The renewal timeline of one certificate (certificate details): its term,
//! the SC-081 chain covering it with the cap of each, the Managed Service
//! starts that follow it, its validation deadlines and today, drawn as SVG,
//! with the same dates as a list for screen readers and for reading.

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use super::hooks::use_id;
use crate::rules::sort;
use crate::rules::{DomainClock, ValidatedBy};
use crate::store::timeline::{CertTimeline, ChainEntry, Month, Phase, month_of, next_month};

const WIDTH: f64 = 720.0;
const LEFT: f64 = 128.0;
const RIGHT: f64 = 16.0;
const AXIS_Y: f64 = 156.0;
const HEIGHT: f64 = 194.0;
/// Month labels at least this far apart (px of the view box) never overlap.
const MIN_TICK_GAP: f64 = 40.0;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn first_day((year, month): Month) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default()
}

/// Maps days to x over whole months around the timeline's extent.
struct Scale {
    start: NaiveDate,
    days: f64,
}

impl Scale {
    fn x(&self, day: NaiveDate) -> f64 {
        let d = (day - self.start).num_days() as f64;
        LEFT + d / self.days.max(1.0) * (WIDTH - LEFT - RIGHT)
    }
    /// The first of each month from the start to the end.
    fn months(&self, end: NaiveDate) -> Vec<Month> {
        std::iter::successors(Some(month_of(self.start)), |m| Some(next_month(*m)))
            .take_while(|m| first_day(*m) <= end)
            .collect()
    }
}

fn phase_word(phase: Phase) -> &'static str {
    match phase {
        Phase::Earlier => "earlier, as scheduled",
        Phase::Current => "current",
        Phase::Planned => "planned",
    }
}

fn chain_sentence(n: usize, entry: &ChainEntry) -> String {
    let i = entry.issuance;
    format!(
        "Certificate {n} ({}): {} to {}, {} days, under the {}-day cap in force on {}",
        phase_word(entry.phase),
        i.from,
        i.to,
        i.days,
        i.cap.max_days,
        i.from
    )
}

fn clock_sentence(clock: &DomainClock) -> String {
    let done = match clock.validated_by {
        ValidatedBy::Recorded(_) => "validated",
        ValidatedBy::AssumedAtIssuance => {
            "validated (taken as the current certificate's issue day)"
        }
        ValidatedBy::PlannedRequest => "to be validated",
    };
    let reuse = clock
        .reuse_until
        .map(|d| format!(", reusable until {d}"))
        .unwrap_or_default();
    let fresh = match &clock.needs_fresh_for {
        Some(p) => format!(
            "; a fresh validation is needed by {} for {}",
            p.on,
            p.kind.label()
        ),
        None => "; it covers every planned issuance".to_string(),
    };
    format!(
        "{}: {done} on {}{reuse}{fresh}",
        clock.domain, clock.validated_on
    )
}

#[derive(Properties, PartialEq)]
pub struct RenewalTimelineProps {
    pub timeline: CertTimeline,
}

#[component]
pub fn RenewalTimeline(props: &RenewalTimelineProps) -> Html {
    let title_id = use_id("timeline-title");
    let list_id = use_id("timeline-dates");
    let t = &props.timeline;
    let (first, last) = t.extent();
    let start = first_day(month_of(first));
    let end = first_day(next_month(month_of(last)));
    let scale = Scale {
        start,
        days: (end - start).num_days() as f64,
    };
    let months = scale.months(end);
    let gap = (WIDTH - LEFT - RIGHT) / months.len().max(1) as f64;
    let step = (1..=12)
        .find(|s| gap * *s as f64 >= MIN_TICK_GAP)
        .unwrap_or(12);
    let x = |d: NaiveDate| format!("{:.1}", scale.x(d));
    let span_word = if t.paid_term { "Paid term" } else { "Validity" };

    let ticks = months.iter().enumerate().map(|(n, m)| {
        let day = first_day(*m);
        let labelled = n % step == 0 && n + 1 < months.len();
        let mid = scale.x(day) + if step == 1 { gap / 2.0 } else { 0.0 };
        html! {
            <g>
                <line class="tl-tick" x1={x(day)} x2={x(day)} y1={format!("{}", AXIS_Y)} y2={format!("{}", AXIS_Y + 5.0)} />
                if labelled {
                    <text class="tl-axis-label" x={format!("{mid:.1}")} y={format!("{}", AXIS_Y + 18.0)} text-anchor="middle">{ MONTHS[(m.1 - 1) as usize] }</text>
                    if n == 0 || m.1 <= step as u32 {
                        <text class="tl-axis-year" x={format!("{mid:.1}")} y={format!("{}", AXIS_Y + 32.0)} text-anchor="middle">{ day.year() }</text>
                    }
                }
            </g>
        }
    });
    let chain = t.chain.iter().enumerate().map(|(n, c)| {
        let i = c.issuance;
        let (x1, x2) = (scale.x(i.from), scale.x(i.to));
        let y = if n % 2 == 0 { 52.0 } else { 72.0 };
        let class = match c.phase {
            Phase::Earlier => "tl-cert tl-cert-earlier",
            Phase::Current => "tl-cert tl-cert-current",
            Phase::Planned => "tl-cert tl-cert-planned",
        };
        let label = format!("{} d, cap {}", i.days, i.cap.max_days);
        let fits = x2 - x1 > 7.0 * label.len() as f64;
        html! {
            <g class={class}>
                <rect x={format!("{x1:.1}")} y={format!("{y}")} width={format!("{:.1}", (x2 - x1).max(2.0))} height="16" rx="3" />
                if fits {
                    <text x={format!("{:.1}", (x1 + x2) / 2.0)} y={format!("{}", y + 12.0)} text-anchor="middle">{ label }</text>
                }
            </g>
        }
    });
    let starts = t.starts.iter().map(|s| {
        let cx = scale.x(s.on);
        html! { <path class="tl-start" d={format!("M{cx:.1} 98 l7 7 l-7 7 l-7 -7 z")} /> }
    });
    let mut reuse: Vec<NaiveDate> = t.clocks.iter().filter_map(|c| c.reuse_until).collect();
    let mut due: Vec<NaiveDate> = t.clocks.iter().filter_map(DomainClock::due_on).collect();
    sort::sort(&mut reuse);
    reuse.dedup();
    sort::sort(&mut due);
    due.dedup();
    let today_x = scale.x(t.today);
    let today_anchor = if today_x > WIDTH - 60.0 {
        "end"
    } else if today_x < LEFT + 30.0 {
        "start"
    } else {
        "middle"
    };
    let lane = |y: f64, text: &str| {
        html! {
            <text class="tl-lane" x="0" y={format!("{y}")}>{ text.to_string() }</text>
        }
    };
    html! {
        <div class="timeline">
            <svg class="timeline-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                 aria-labelledby={title_id.clone()} aria-describedby={list_id.clone()}>
                <title id={title_id}>{ format!("Renewal timeline: {} {} to {}, today {}", span_word.to_lowercase(), t.span.0, t.span.1, t.today) }</title>
                { lane(36.0, span_word) }
                { lane(70.0, "Certificates") }
                { lane(110.0, "Managed Service") }
                { lane(138.0, "Validation") }
                <rect class="tl-term" x={x(t.span.0)} y="24" width={format!("{:.1}", (scale.x(t.span.1) - scale.x(t.span.0)).max(2.0))} height="16" rx="3" />
                { for chain }
                { for starts }
                for d in reuse.iter() {
                    <circle class="tl-reuse" cx={x(*d)} cy="134" r="6" />
                }
                for d in due.iter() {
                    <path class="tl-due" d={format!("M{:.1} 127 l7 13 l-14 0 z", scale.x(*d))} />
                }
                <line class="tl-axis" x1={format!("{LEFT}")} x2={format!("{}", WIDTH - RIGHT)} y1={format!("{AXIS_Y}")} y2={format!("{AXIS_Y}")} />
                { for ticks }
                <line class="tl-today" x1={format!("{today_x:.1}")} x2={format!("{today_x:.1}")} y1="18" y2={format!("{AXIS_Y}")} />
                <text class="tl-today-label" x={format!("{today_x:.1}")} y="12" text-anchor={today_anchor}>{ format!("Today {}", t.today) }</text>
            </svg>
            <ul class="timeline-legend" aria-hidden="true">
                <li><span class="tl-key tl-key-current"></span>{ "Current certificate" }</li>
                <li><span class="tl-key tl-key-planned"></span>{ "Planned" }</li>
                <li><span class="tl-key tl-key-earlier"></span>{ "Earlier" }</li>
                <li><span class="tl-key tl-key-start"></span>{ "Managed Service start" }</li>
                <li><span class="tl-key tl-key-reuse"></span>{ "Validation reusable until" }</li>
                <li><span class="tl-key tl-key-due"></span>{ "Fresh validation needed" }</li>
            </ul>
            <ul class="timeline-dates" id={list_id}>
                <li>{ format!("{span_word}: {} to {} ({} days)", t.span.0, t.span.1, (t.span.1 - t.span.0).num_days()) }</li>
                for (n, c) in t.chain.iter().enumerate() {
                    <li>{ chain_sentence(n + 1, c) }</li>
                }
                for s in t.starts.iter() {
                    <li>{ format!("Managed Service start of {} ({}): {}", s.name, s.record_id, s.on) }</li>
                }
                for c in t.clocks.iter() {
                    <li>{ format!("Validation of {}", clock_sentence(c)) }</li>
                }
                <li>{ format!("Today (the As of date): {}", t.today) }</li>
            </ul>
        </div>
    }
}
