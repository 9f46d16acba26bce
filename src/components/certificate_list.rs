//! One tab's list: toolbar, table, and an empty state that says what to do.
//! The view is memoised on the inventory revision, the date and the query,
//! so re-renders (scrolling, popovers, other tabs' state) never filter or sort.

use std::rc::Rc;

use yew::prelude::*;

use super::cert_table::CertTable;
use super::cert_toolbar::CertToolbar;
use super::context::use_app;
use super::month_chart::MonthChart;
use crate::rules::{CertAction, CertificateKind};
use crate::store::route::Tab;
use crate::store::timeline::{Month, month_label, month_load};
use crate::store::view::{Index, QueryChange, ViewQuery, view};

#[derive(Properties, PartialEq)]
pub struct CertificateListProps {
    pub tab: Tab,
    pub index: Rc<Index>,
    pub on_action: Callback<(String, CertAction)>,
    /// Opens a certificate's details (its name is a button).
    pub on_details: Callback<String>,
    /// Tab-specific buttons (Upload certificate, Purchase).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn CertificateList(props: &CertificateListProps) -> Html {
    let app = use_app();
    let query = use_reducer(ViewQuery::default);
    let tab = props.tab;
    let rows = {
        let (inventory, index) = (app.inventory.clone(), props.index.clone());
        use_memo(
            (app.rev, app.today(), (*query).clone()),
            move |(_, _, query)| view(&inventory, &index, tab, query),
        )
    };
    // Stable callbacks: the month chart is not re-rendered on each keystroke.
    let on_change = use_callback(query.dispatcher(), |change: QueryChange, query| {
        query.dispatch(change)
    });
    let clear = on_change.reform(|_| QueryChange::Clear);
    // The chart counts this tab's certificates, so a month shows what it counted.
    let load = {
        let (inventory, index) = (app.inventory.clone(), props.index.clone());
        use_memo((app.rev, app.today()), move |(_, today)| {
            let kind = match tab {
                Tab::Official => CertificateKind::Official,
                Tab::Uploaded => CertificateKind::Uploaded,
            };
            let of = inventory
                .certificates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == kind)
                .map(|(i, _)| i);
            month_load(&index.events, of, *today)
        })
    };
    let on_month = use_callback(query.dispatcher(), |month, query| {
        query.dispatch(QueryChange::Month(month))
    });
    let clear_month = on_change.reform(|_| QueryChange::Month(None::<Month>));
    let empty = if rows.total == 0 && app.loading {
        Some((
            "Loading your saved inventory…",
            "The certificates appear here as soon as they are read from this browser's storage.",
        ))
    } else if rows.total == 0 {
        Some(match tab {
            Tab::Official => (
                "No official certificates yet",
                "Purchase a certificate to see it here, or reset the demo data from the Inventory data menu.",
            ),
            Tab::Uploaded => (
                "No uploaded certificates yet",
                "Upload a certificate you already have (PEM, DER or PKCS#7) to track its expiry here.",
            ),
        })
    } else if rows.rows.is_empty() {
        Some((
            "No certificates match",
            "Change the search or the status filter, or clear them to see every certificate.",
        ))
    } else {
        None
    };
    html! {
        <div class="cert-list">
            <MonthChart slug={tab.slug()} load={(*load).clone()} selected={query.month} on_select={on_month} />
            <CertToolbar {tab} query={(*query).clone()} counts={rows.counts.clone()} matching={rows.matching}
                         validation_due={rows.validation_due} {on_change}>
                { props.children.clone() }
            </CertToolbar>
            if let Some(month) = query.month {
                <div class="chips active-filters">
                    <button type="button" class="chip chip-on chip-remove" onclick={clear_month}
                            aria-label={format!("In {}: remove this month filter", month_label(month))}>
                        { format!("In {}", month_label(month)) }<span aria-hidden="true">{ " ×" }</span>
                    </button>
                </div>
            }
            <p class="result-count" role="status">
                { format!("{} of {} certificates", rows.rows.iter().filter(|r| !r.context).count(), rows.total) }
            </p>
            if let Some((title, advice)) = empty {
                <div class="empty-state">
                    <h2>{ title }</h2>
                    <p>{ advice }</p>
                    if rows.total > 0 {
                        <button type="button" class="btn" onclick={clear}>{ "Clear search and filters" }</button>
                    }
                </div>
            } else {
                <CertTable rows={rows.rows.clone()} index={props.index.clone()} caption={format!("{} certificates", tab.label())}
                           on_action={props.on_action.clone()} on_details={props.on_details.clone()} />
            }
        </div>
    }
}
