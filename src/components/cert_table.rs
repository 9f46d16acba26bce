//! The certificate table. Long lists are windowed: only the rows in view
//! (plus a margin) are rendered, spacer rows keep the scroll height, and
//! `aria-rowcount`/`aria-rowindex` tell assistive technology the real size.
//! The spacers' heights are set through the CSSOM, not a `style` attribute,
//! which a Content-Security-Policy with `style-src 'self'` blocks.
//!
//! Rows are keyed by their position, so a keystroke in the search box or a
//! sort change rewrites the rendered rows' text in place instead of removing
//! and re-creating them (at 10,000 certificates that is most of a frame).
//! A list that arrives while focus is in a row (the clock or an action
//! reordering it) would leave the focus on another certificate's control:
//! focus moves to the same control of its certificate's row, or leaves the
//! table when that row is not rendered.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew::virtual_dom::Key;

use super::cert_row::{CertRow, RowFacts};
use super::context::use_app;
use crate::platform::dom::active_element;
use crate::rules::{CertAction, Certificate, CertificateKind};
use crate::store::actions::{primary_action, row_actions};
use crate::store::inventory::Inventory;
use crate::store::lifecycle::lifecycle;
use crate::store::view::{Index, Row};

/// Every row is this tall (CSS `.cert-row` matches), so offsets are arithmetic.
pub const ROW_HEIGHT: f64 = 64.0;
/// Lists up to this long are rendered whole (tabbing through them never leaves rendered rows).
pub const WINDOW_FROM: usize = 100;
/// Rows rendered beyond each edge of the viewport: enough for a wheel step,
/// few enough that a search re-renders little more than what is seen.
const OVERSCAN: usize = 3;

#[derive(Properties, PartialEq)]
pub struct CertTableProps {
    pub rows: Rc<Vec<Row>>,
    /// The index the rows come from (each certificate's original).
    pub index: Rc<Index>,
    pub caption: AttrValue,
    pub on_action: Callback<(String, CertAction)>,
    pub on_details: Callback<String>,
}

/// The rows to render for a scroll position: `[start, end)`.
pub fn window(len: usize, scroll_top: f64, viewport: f64) -> (usize, usize) {
    if len <= WINDOW_FROM {
        return (0, len);
    }
    let first = (scroll_top.max(0.0) / ROW_HEIGHT) as usize;
    let visible = (viewport.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as usize;
    (
        first.saturating_sub(OVERSCAN).min(len),
        (first + visible + OVERSCAN).min(len),
    )
}

/// The certificate of the row holding the focus, and which of its buttons.
fn focused_in(body: &Element) -> Option<(String, u32)> {
    let focused = active_element(body)?;
    if !body.contains(Some(&focused)) {
        return None;
    }
    let row = focused.closest("tr.cert-row").ok()??;
    let buttons = row.query_selector_all("button").ok()?;
    let nth = (0..buttons.length()).find(|&i| {
        buttons
            .item(i)
            .is_some_and(|b| b.is_same_node(Some(focused.as_ref())))
    })?;
    Some((row.get_attribute("data-id")?, nth))
}

/// Puts the focus back on certificate `id`'s `nth` button (or its first),
/// unless the focused row still shows it; blurs it when `id` is not rendered.
fn refocus_certificate(body: &Element, id: &str, nth: u32) {
    let row_of = |el: &Element| el.closest("tr.cert-row").ok().flatten();
    let focused = active_element(body);
    let still = focused
        .as_ref()
        .and_then(row_of)
        .is_some_and(|row| row.get_attribute("data-id").as_deref() == Some(id));
    if still {
        return;
    }
    let rows = body.query_selector_all("tr.cert-row").ok();
    let row = rows.and_then(|rows| {
        (0..rows.length())
            .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
            .find(|row| row.get_attribute("data-id").as_deref() == Some(id))
    });
    let target = row.and_then(|row| {
        let buttons = row.query_selector_all("button").ok()?;
        buttons.item(nth).or_else(|| buttons.item(0))
    });
    match target.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        Some(button) => {
            let _ = button.focus();
        }
        None => {
            if let Some(el) = focused.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
                let _ = el.blur();
            }
        }
    }
}

/// The lifecycle, actions and original of the certificate on `row`.
fn row_facts(
    inventory: &Inventory,
    index: &Index,
    cert: &Certificate,
    row: &Row,
    today: NaiveDate,
) -> RowFacts {
    let lifecycle = lifecycle(inventory, cert, today);
    // The status's own actions first, then the renewal of the kind (enabled or saying why not).
    let mut inline: Vec<CertAction> = primary_action(lifecycle.status).to_vec();
    if !row.associated {
        inline.push(match (cert.kind, cert.pca) {
            (CertificateKind::Official, _) => CertAction::RenewalPurchase,
            (CertificateKind::Uploaded, false) => CertAction::Update,
            (CertificateKind::Uploaded, true) => CertAction::ReissueAndSync,
        });
    }
    let original_name = index
        .original
        .get(row.index)
        .copied()
        .flatten()
        .and_then(|o| inventory.certificates.get(o))
        .map(|o| AttrValue::from(o.name.clone()));
    RowFacts {
        actions: row_actions(inventory, cert, today),
        lifecycle,
        inline,
        original_name,
    }
}

#[component]
pub fn CertTable(props: &CertTableProps) -> Html {
    let app = use_app();
    let scroller = use_node_ref();
    let scroll_top = use_state(|| 0.0_f64);
    let viewport = use_state_eq(|| 720.0_f64);
    {
        let (scroller, viewport) = (scroller.clone(), viewport.clone());
        use_effect_with((), move |_| {
            let observer = scroller.cast::<Element>().and_then(|el| {
                crate::platform::dom::observe_height(&el, move |height| viewport.set(height))
            });
            move || drop(observer)
        });
    }
    let onscroll = {
        let (scroller, scroll_top) = (scroller.clone(), scroll_top.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<Element>() {
                scroll_top.set(f64::from(el.scroll_top()));
            }
        })
    };
    let rows = &props.rows;
    let windowed = rows.len() > WINDOW_FROM;
    let (start, end) = window(rows.len(), *scroll_top, *viewport);
    let (above, below) = (use_node_ref(), use_node_ref());
    {
        // After every render (the spacer rows may have been re-created), before paint.
        let (above, below, after) = (above.clone(), below.clone(), rows.len() - end);
        use_effect(move || {
            for (spacer, count) in [(above, start), (below, after)] {
                if let Some(row) = spacer.cast::<HtmlElement>() {
                    let height = format!("{}px", count as u64 * ROW_HEIGHT as u64);
                    let _ = row.style().set_property("height", &height);
                }
            }
        });
    }
    let inventory = &app.inventory;
    let today = app.today();
    // What each row shows beside the certificate, computed once per inventory
    // and date: typing and sorting bring the same certificates back often.
    let facts = use_memo((app.rev, today), |_| RefCell::new(HashMap::new()));
    let body = use_node_ref();
    // A new list while focus is in a row: the row now shows another
    // certificate, so focus follows the certificate it was on (below).
    let refocus = {
        let shown = use_mut_ref(|| props.rows.clone());
        let refocus = use_mut_ref(|| None::<(String, u32)>);
        if !Rc::ptr_eq(&shown.borrow(), &props.rows) {
            *shown.borrow_mut() = props.rows.clone();
            *refocus.borrow_mut() = body.cast::<Element>().and_then(|body| focused_in(&body));
        }
        refocus
    };
    {
        let body = body.clone();
        use_effect(move || {
            let wanted = refocus.borrow_mut().take();
            if let (Some((id, nth)), Some(body)) = (wanted, body.cast::<Element>()) {
                refocus_certificate(&body, &id, nth);
            }
        });
    }
    let rendered = rows[start..end].iter().enumerate().filter_map(|(offset, row)| {
        let cert = inventory.certificates.get(row.index)?;
        let facts = facts
            .borrow_mut()
            .entry((row.index, row.associated))
            .or_insert_with(|| Rc::new(row_facts(inventory, &props.index, cert, row, today)))
            .clone();
        let key = Key::from(start + offset);
        Some(html! {
            <CertRow {key} cert={cert.clone()} row={*row} row_index={start + offset + 1} {facts} {today}
                     on_action={props.on_action.clone()} on_details={props.on_details.clone()} />
        })
    });
    let spacer = |rows: usize, node: &NodeRef| -> Html {
        if rows == 0 {
            return html! {};
        }
        html! {
            <tr class="spacer" aria-hidden="true" ref={node.clone()}>
                <td colspan="6"></td>
            </tr>
        }
    };
    html! {
        <div class={classes!("table-scroll", windowed.then_some("windowed"))} ref={scroller} {onscroll}>
            <table class="cert-table" aria-rowcount={(rows.len() + 1).to_string()}>
                <caption class="visually-hidden">{ props.caption.clone() }</caption>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="col-cert">{ "Certificate" }</th>
                        <th scope="col" class="col-domains">{ "Bound domains" }</th>
                        <th scope="col" class="col-spec">{ "Specification" }</th>
                        <th scope="col" class="col-status">{ "Status" }</th>
                        <th scope="col" class="col-validity">{ "Validity" }</th>
                        <th scope="col" class="col-actions">{ "Actions" }</th>
                    </tr>
                </thead>
                <tbody ref={body}>
                    { spacer(start, &above) }
                    for row in rendered { { row } }
                    { spacer(rows.len() - end, &below) }
                </tbody>
            </table>
        </div>
    }
}
