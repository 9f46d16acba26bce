//! Search, status filters with counts, and sort for one tab.

use yew::prelude::*;

use super::hooks::use_id_prefix;
use super::status_badge::status_slug;
use crate::rules::CertificateStatus;
use crate::store::route::Tab;
use crate::store::view::{QueryChange, SortOrder, ViewQuery};

#[derive(Properties, PartialEq)]
pub struct CertToolbarProps {
    pub tab: Tab,
    pub query: ViewQuery,
    pub counts: Vec<(CertificateStatus, usize)>,
    pub matching: usize,
    /// Certificates matching the search whose domains need validating again within 30 days.
    pub validation_due: usize,
    pub on_change: Callback<QueryChange>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn CertToolbar(props: &CertToolbarProps) -> Html {
    let slug = props.tab.slug();
    let ids = use_id_prefix();
    let oninput = props.on_change.reform(|e: InputEvent| {
        QueryChange::Search(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    let onsort = props.on_change.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        QueryChange::Sort(
            SortOrder::ALL
                .into_iter()
                .find(|s| s.slug() == value)
                .unwrap_or_default(),
        )
    });
    let filter = |status: Option<CertificateStatus>| {
        props.on_change.reform(move |_| QueryChange::Status(status))
    };
    let chip = |status: Option<CertificateStatus>, label: String| {
        let pressed = props.query.status == status;
        html! {
            <button type="button" class={classes!("chip", pressed.then_some("chip-on"),
                        status.map(|s| format!("chip-{}", status_slug(s))))}
                    aria-pressed={pressed.to_string()} onclick={filter(status)}>
                { label }
            </button>
        }
    };
    html! {
        <div class="toolbar">
            <div class="toolbar-row">
                <div class="search">
                    <label for={ids.id(&format!("search-{slug}"))} class="visually-hidden">{ "Search certificates" }</label>
                    <span class="search-icon" aria-hidden="true">{ "⌕" }</span>
                    <input id={ids.id(&format!("search-{slug}"))} type="search" placeholder="Search certificates by domain, name or ID"
                           value={props.query.search.clone()} {oninput} autocomplete="off" />
                </div>
                <div class="sort">
                    <label for={ids.id(&format!("sort-{slug}"))}>{ "Sort" }</label>
                    <select id={ids.id(&format!("sort-{slug}"))} onchange={onsort}>
                        for order in SortOrder::ALL {
                            <option value={order.slug()} selected={order == props.query.sort}>{ order.label() }</option>
                        }
                    </select>
                </div>
                <div class="toolbar-extra">{ props.children.clone() }</div>
            </div>
            <div class="chips" role="group" aria-label="Filter by status">
                { chip(None, format!("All ({})", props.matching)) }
                for (status, n) in props.counts.iter().copied() {
                    { chip(Some(status), format!("{} ({n})", status.label())) }
                }
                <button type="button" class={classes!("chip", "chip-validation", props.query.validation_due.then_some("chip-on"))}
                        aria-pressed={props.query.validation_due.to_string()}
                        title="Certificates with a planned reissue or Managed Service start that needs a fresh domain validation in the next 30 days"
                        onclick={{ let on = !props.query.validation_due; props.on_change.reform(move |_| QueryChange::ValidationDue(on)) }}>
                    { format!("Needs validation within 30 days ({})", props.validation_due) }
                </button>
            </div>
        </div>
    }
}
